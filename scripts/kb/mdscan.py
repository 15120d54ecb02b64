"""Find links, headings and raw HTML in Markdown, with their line and column in the file."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from markdown_it import MarkdownIt

from .slugs import heading_anchor, strip_explicit_id


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    col: int
    image: bool = False


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    line: int


@dataclass(frozen=True)
class Html:
    content: str
    line: int
    col: int


@dataclass(frozen=True)
class Scan:
    links: list[Link]
    headings: list[Heading]
    html: list[Html]
    ordered_items: dict[str, int]  # heading anchor -> number of top-level ordered-list items under it


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


ADMONITION = re.compile(r"^(\?\?\?\+?|!!!)\s")


def open_admonitions(body: str) -> str:
    """Dedent admonition bodies (??? note / !!! tip), so their links are scanned too.

    Line numbers are kept: the marker line becomes blank and each body line loses 4 spaces.
    """
    out, inside = [], False
    for line in body.splitlines():
        if ADMONITION.match(line):
            out.append("")
            inside = True
        elif inside and (line.startswith("    ") or not line.strip()):
            out.append(line[4:])
        else:
            inside = False
            out.append(line)
    return "\n".join(out) + "\n"


@lru_cache(maxsize=4096)  # pure: the sitemap, the link check and the case check scan the same bodies
def scan(body: str, first_line: int = 1) -> Scan:
    body = open_admonitions(body)
    lines = body.splitlines()
    tokens = _parser().parse(body)
    links: list[Link] = []
    headings: list[Heading] = []
    html: list[Html] = []
    ordered: dict[str, int] = {}
    current = ""
    list_depth = 0
    for index, token in enumerate(tokens):
        start = token.map[0] if token.map else 0
        if token.type == "heading_open":
            raw = tokens[index + 1].content
            current = heading_anchor(raw)
            headings.append(Heading(int(token.tag[1]), strip_explicit_id(raw), current, start + first_line))
        elif token.type in ("ordered_list_open", "bullet_list_open"):
            list_depth += 1
        elif token.type in ("ordered_list_close", "bullet_list_close"):
            list_depth -= 1
        elif token.type == "list_item_open" and list_depth == 1 and token.markup in (".", ")"):
            ordered[current] = ordered.get(current, 0) + 1
        elif token.type == "html_block":
            html.append(Html(token.content, start + first_line, 1))
        elif token.type == "inline":
            _inline(token, lines, start, first_line, links, html)
    return Scan(links, headings, html, ordered)


def _inline(token, lines, start, first_line, links, html) -> None:
    end = token.map[1] if token.map else start + 1
    for child in token.children or []:
        if child.type in ("link_open", "image"):
            target = child.attrGet("href") if child.type == "link_open" else child.attrGet("src")
            line, col = _locate(lines, start, end, target or "")
            links.append(Link(target or "", line + first_line, col, image=child.type == "image"))
        elif child.type == "html_inline":
            line, col = _locate(lines, start, end, child.content)
            html.append(Html(child.content, line + first_line, col))


def _locate(lines: list[str], start: int, end: int, needle: str) -> tuple[int, int]:
    """0-based line and 1-based column of `needle` within lines[start:end] (fallback: block start)."""
    for number in range(start, min(end, len(lines))):
        col = lines[number].find(needle) if needle else -1
        if col >= 0:
            return number, col + 1
    return start, 1


FORBIDDEN_ELEMENTS = ("script", "iframe", "object", "embed", "style", "form")
ELEMENT = re.compile(r"<\s*(?P<name>[a-zA-Z][\w-]*)(?P<attrs>[^>]*)>?", re.S)
EVENT_ATTR = re.compile(r"(?:^|\s)(on[a-z]+)\s*=", re.I)
