"""The glossary page, and term tooltips on every other page.

Python-Markdown's abbr extension matches on word boundaries, which Chinese text does not have,
so terms are marked up here instead: the first use of each glossary term on a page becomes
<abbr title="definition">term</abbr>, shown on hover or tap. Authors mark nothing.
"""
from __future__ import annotations

import re
from html import escape

from ..model import Glossary
from ..sitemap import SiteMap
from .common import front_matter

TITLE = {"zh": "术语表", "en": "Glossary"}
LEGAL_SOURCE = {"zh": "法律政策依据", "en": "Legal source"}
ALSO = {"zh": "又称", "en": "Also"}
# Spans a term must never be inserted into: links, inline code, HTML tags, attribute lists.
PROTECTED = re.compile(r"<abbr\b.*?</abbr>|\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]+>|\{[^}]*\}")
SKIP_LINE = re.compile(r"^\s*(#|<|\||```|~~~|\?\?\?|!!!|\*\[|---)")


def glossary_page(glossary: Glossary, sitemap: SiteMap, lang: str) -> str:
    key = "glossary"
    parts = [front_matter(title=TITLE[lang]), f"# {TITLE[lang]}\n\n"]
    for term in sorted(glossary.terms, key=lambda t: t.en.lower() if lang == "en" else t.id):
        name, other = (term.zh, term.en) if lang == "zh" else (term.en, term.zh)
        parts.append(f"## {name} {{ #{term.id} }}\n\n*{other}*")
        aliases = term.aliases_zh if lang == "zh" else term.aliases_en
        if aliases:
            parts.append(f" · {ALSO[lang]}: {'、'.join(aliases) if lang == 'zh' else ', '.join(aliases)}")
        parts.append("\n\n" + getattr(term.definition, lang) + "\n\n")
        if term.provisions:
            links = [f"[{card_id}]({sitemap.relative(key, sitemap.kb_target('provision', card_id))})"
                     for card_id in term.provisions if sitemap.kb_target("provision", card_id)]
            parts.append(f"{LEGAL_SOURCE[lang]}: " + " · ".join(links) + "\n\n")
        if term.source_note:
            parts.append(f"> {getattr(term.source_note, lang)}\n\n")
    return "".join(parts)


def term_index(glossary: Glossary | None, lang: str) -> list[tuple[str, str]]:
    """(surface form, tooltip) pairs, longest first so 事实无人抚养儿童 wins over 儿童."""
    if glossary is None:
        return []
    pairs = []
    for term in glossary.terms:
        names = [term.zh, *term.aliases_zh] if lang == "zh" else [term.en, *term.aliases_en]
        tooltip = getattr(term.definition, lang)
        pairs += [(name, tooltip) for name in names if len(name) >= 2]
    return sorted(set(pairs), key=lambda pair: (-len(pair[0]), pair))  # ties by name: set order varies per process


def annotate_terms(markdown: str, terms: list[tuple[str, str]], lang: str) -> str:
    """Mark the first use of each term in the page body (front matter, headings, tables,
    code, links and admonition titles are left alone)."""
    if not terms:
        return markdown
    head, body = _split_front_matter(markdown)
    terms = [pair for pair in terms if pair[0] in body]  # most pages use a handful of the glossary's terms
    used: set[str] = set()
    out, fenced = [], False
    for line in body.split("\n"):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or SKIP_LINE.match(line) or not line.strip():
            out.append(line)
            continue
        out.append(_annotate_line(line, terms, used, lang))
    return head + "\n".join(out)


def _annotate_line(line: str, terms, used: set[str], lang: str) -> str:
    for name, tooltip in terms:
        if name in used or name not in line:
            continue
        position = _free_position(line, name, lang)
        if position is None:
            continue
        used.add(name)
        tag = f'<abbr title="{escape(tooltip, quote=True)}">{name}</abbr>'
        line = line[:position] + tag + line[position + len(name):]
    return line


def _free_position(line: str, name: str, lang: str) -> int | None:
    protected = [match.span() for match in PROTECTED.finditer(line)]
    pattern = re.escape(name) if lang == "zh" else rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    for match in re.finditer(pattern, line):
        start, end = match.span()
        if not any(a <= start < b or a < end <= b for a, b in protected):
            return start
    return None


def _split_front_matter(markdown: str) -> tuple[str, str]:
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end > 0:
            return markdown[: end + 5], markdown[end + 5:]
    return "", markdown
