"""Print pages: the whole handbook, all pocket cards, all answer keys — one page each per language,
printed to PDF by `kb pack`. Links are flattened to their text (paper cannot follow them) and
images are re-pointed from the print page; each chapter starts on a new sheet."""
from __future__ import annotations

import posixpath
import re

from .common import front_matter

UI = {
    "handbook": {"zh": "协同守护：监护困境儿童救助保护培训手册", "en": "Protecting Together: training handbook"},
    "subtitle": {"zh": "面向县、乡、村一线工作者 · 合成教学案例，人物均为化名",
                 "en": "For county, township and village workers · composite teaching cases; all names are pseudonyms"},
    "contents": {"zh": "目录", "en": "Contents"},
    "pocket": {"zh": "口袋卡", "en": "Pocket cards"},
    "keys": {"zh": "测验答案", "en": "Answer keys"},
}
LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)\s]*\)")
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
HEADING = re.compile(r"^(#{1,5}) ", re.M)
ATTRS = re.compile(r"\s*\{\s*#[\w-]+[^}]*\}\s*$", re.M)


def flatten(key: str, markdown: str, into: str, demote: int = 1) -> str:
    """A page's Markdown ready to include in the print page `into`."""
    body = FRONT.sub("", markdown)
    body = LINK.sub(r"\1", body)
    body = IMAGE.sub(lambda m: f"![{m[1]}]({_repoint(key, m[2], into)})", body)
    body = ATTRS.sub("", body)  # ids repeat across pages (every case has #background)
    return HEADING.sub(lambda m: "#" * min(6, len(m[1]) + demote) + " ", body)


def _repoint(key: str, target: str, into: str) -> str:
    if "://" in target:
        return target
    site_path = posixpath.normpath(posixpath.join(posixpath.dirname(key), target))
    return posixpath.relpath(site_path, posixpath.dirname(into))


def print_document(into: str, title: str, subtitle: str, chapters: list[tuple[str, list[tuple[str, str]]]],
                   lang: str) -> str:
    """chapters: (chapter title, [(page key, page markdown)])."""
    parts = [front_matter(title=title, kb_css="assets/kb/print.css", unsearchable=True),
             f'<div class="kb-cover" markdown="1">\n\n# {title}\n\n{subtitle}\n\n</div>\n\n',
             f'<div class="kb-contents" markdown="1">\n\n## {UI["contents"][lang]}\n\n']
    parts += [f"{number}. {name}\n" for number, (name, _) in enumerate(chapters, start=1)]
    parts.append("\n</div>\n\n")
    for name, pages in chapters:
        parts.append(f'<div class="kb-chapter" markdown="1">\n\n# {name}\n\n')
        parts += [flatten(key, text, into) + "\n\n" for key, text in pages]
        parts.append("</div>\n\n")
    return "".join(parts)


def handbook(pages: dict[str, str], chapter_titles: dict[str, str], lang: str) -> str:
    """The whole handbook from the rendered pages, chapter by chapter (section prefix → title)."""
    chapters = []
    for prefix, name in chapter_titles.items():
        keys = sorted(key for key in pages if key == prefix or (key.startswith(prefix + "/") and not key.endswith("-print")))
        if keys:
            chapters.append((name, [(key, pages[key]) for key in keys]))
    return print_document("print/handbook", UI["handbook"][lang], UI["subtitle"][lang], chapters, lang)


def pocket_cards(pages: dict[str, str], lang: str) -> str:
    keys = sorted(key for key in pages if key.startswith("provisions/pocket/") and not key.endswith("/index"))
    parts = [front_matter(title=UI["pocket"][lang], kb_css="assets/kb/pocket.css", unsearchable=True)]
    for key in keys:
        parts.append('<div class="kb-pocket kb-sheet" markdown="1">\n\n' + flatten(key, pages[key], "print/pocket-cards", 0)
                     .replace('<div class="kb-pocket" markdown>', "").replace("</div>", "") + "\n\n</div>\n\n")
    return "".join(parts)


def answer_keys(pages: dict[str, str], lang: str) -> str:
    keys = sorted(key for key in pages if key.startswith("trainers/keys/"))
    return print_document("print/answer-keys", UI["keys"][lang], "", [(UI["keys"][lang], [(k, pages[k]) for k in keys])], lang)
