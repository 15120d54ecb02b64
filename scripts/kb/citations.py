"""`kb verify-citations`: every verified card's article (paragraph, item) exists in its reference
text, and its key terms occur there. Reference folders are laid out like ../shared/reference/laws:
one Markdown file per text, named after the version's `reference` slug."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .frontmatter import split_front_matter
from .model import Document, Provision
from .locators import chinese_number, locator
from .report import Finding
from .sources import Project

ARTICLE = re.compile(r"^第([一二三四五六七八九十百千零]+)条")
PART = re.compile(r"^(?:#+\s*)?([一二三四五六七八九十]+)、")
SECTION = re.compile(r"^(?:#+\s*)?（([一二三四五六七八九十]+)）")
HEADING = re.compile(r"^#+\s")


def verify_citations(project: Project, texts: Path) -> tuple[list[Finding], int]:
    findings, checked = [], 0
    for entry in project.documents.values():
        for index, card in enumerate(entry.document.provisions):
            if card.verification.status != "verified":
                continue
            checked += 1
            problem = check_card(entry.document, card, texts)
            if problem:
                rule, message = problem
                line, col = entry.file.at(("provisions", index))
                findings.append(Finding(entry.file.rel, line, col, rule, f"{card.id}: {message}"))
    return findings, checked


def check_card(document: Document, card: Provision, texts: Path) -> tuple[str, str] | None:
    version = next((v for v in document.versions if v.id == card.version), None)
    if version is None or not version.reference:
        return "citation.reference", f"version '{card.version}' names no reference text"
    path = texts / f"{version.reference}.md"
    if not path.is_file():
        return "citation.reference", f"reference text {path.name} not found in {texts}"
    unit = cited_text(_lines(str(path)), card)
    if unit is None:
        return "citation.article", f"{locator(card, 'en')} not found in {path.name}"
    for term in card.verification.key_terms:
        if _normal(term) not in _normal(unit):
            return "citation.key-term", f"key term '{term}' does not occur in {locator(card, 'en')} of {path.name}"
    return None


@cache
def _lines(path: str) -> tuple[str, ...]:
    text = Path(path).read_text(encoding="utf-8")
    body = split_front_matter(text).body
    # Some copies type an item's closing bracket half-width: （一) — read it as （一）.
    body = re.sub(r"（([一二三四五六七八九十]+)\)", r"（\1）", body)
    return tuple(line.strip() for line in body.splitlines())


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u200b", ""))


def cited_text(lines: tuple[str, ...], card: Provision) -> str | None:
    if card.article:
        block = _article(lines, card.article)
        if block is None:
            return None
        return _paragraph_and_item(block, card.paragraph, card.item)
    block = _part(lines, card.part)
    if block is None:
        return None
    return "\n".join(block) if card.section is None else _section(block, card.section)


def _article(lines, number: int) -> list[str] | None:
    wanted = chinese_number(number)
    for start, line in enumerate(lines):
        match = ARTICLE.match(line)
        if match and match[1] == wanted:
            end = start + 1
            while end < len(lines) and not ARTICLE.match(lines[end]) and not HEADING.match(lines[end]):
                end += 1
            return [line for line in lines[start:end]]
    return None


def _paragraph_and_item(block: list[str], paragraph: int | None, item: int | None) -> str | None:
    """Paragraphs are blank-line separated; item lines （一）… belong to the paragraph before them."""
    paragraphs: list[list[str]] = []
    for line in block:
        if not line:
            continue
        if SECTION.match(line) and paragraphs:
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
    if paragraph is not None:
        if paragraph > len(paragraphs):
            return None
        chosen = paragraphs[paragraph - 1]
    elif item is not None:
        chosen = next((p for p in paragraphs if any(SECTION.match(line) for line in p)), paragraphs[0])
    else:
        return "\n".join(line for p in paragraphs for line in p)
    text = "\n".join(chosen)
    return text if item is None else _item(text, item)


def _item(text: str, item: int) -> str | None:
    marker = f"（{chinese_number(item)}）"
    start = text.find(marker)
    if start < 0:
        return None
    end = text.find(f"（{chinese_number(item + 1)}）", start)
    return text[start: end if end > 0 else len(text)]


def _part(lines, number: int) -> list[str] | None:
    wanted = chinese_number(number)
    for start, line in enumerate(lines):
        match = PART.match(line)
        if match and match[1] == wanted:
            end = start + 1
            while end < len(lines) and not PART.match(lines[end]):
                end += 1
            return list(lines[start:end])
    return None


def _section(block: list[str], number: int) -> str | None:
    wanted = chinese_number(number)
    for start, line in enumerate(block):
        match = SECTION.match(line)
        if match and match[1] == wanted:
            end = start + 1
            while end < len(block) and not SECTION.match(block[end]) and not PART.match(block[end]):
                end += 1
            return "\n".join(block[start:end])
    return None
