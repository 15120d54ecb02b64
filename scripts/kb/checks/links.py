"""Links and anchors in authored Markdown, and the raw-HTML policy."""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Iterator

from ..mdscan import FORBIDDEN_ELEMENTS, scan
from ..report import Finding
from ..sitemap import KB_LINK, SiteMap
from ..sources import Project, SourceFile
from ..vocabulary import vocabulary

ALLOWED_SCHEMES = ("https://", "mailto:")


def check_markdown(project: Project) -> Iterator[Finding]:
    sitemap = SiteMap(project)
    for page in project.pages.values():
        for source in page.files.values():
            yield from check_file(sitemap, page.key, source)
    for case in project.cases.values():
        for source in case.files.values():
            yield from check_file(sitemap, case.key, source)
    for entry in project.tools.values():  # Markdown held in YAML fields
        for lang in ("zh", "en"):
            line, _ = entry.file.at(("instructions", lang))
            text = getattr(entry.data.instructions, lang)
            yield from check_markdown_text(sitemap, f"tools/{entry.data.id}", entry.file, text, line)


def check_file(sitemap: SiteMap, key: str, source: SourceFile) -> Iterator[Finding]:
    yield from check_markdown_text(sitemap, key, source, source.body, source.body_first_line)


def check_markdown_text(sitemap: SiteMap, key: str, source: SourceFile, text: str,
                        first_line: int) -> Iterator[Finding]:
    result = scan(text, first_line)
    own_anchors = {heading.anchor for heading in result.headings}
    for link in result.links:
        message = _link_problem(sitemap, key, link.target, own_anchors)
        if message:
            yield Finding(source.rel, link.line, link.col, *message)
    for html in result.html:
        for rule, message in html_problems(html.content):
            yield Finding(source.rel, html.line, html.col, rule, message)


def _link_problem(sitemap: SiteMap, key: str, target: str, own_anchors: set[str]) -> tuple[str, str] | None:
    if target.startswith("http://"):
        return "link.insecure", f"'{target}' uses http; external links must be https"
    if target.startswith(ALLOWED_SCHEMES):
        return None
    if target.startswith("/"):
        return "link.absolute", f"'{target}' is an absolute path; use a relative link"
    if target.startswith("#"):
        anchor = target[1:]
        return None if anchor in own_anchors else ("link.missing-anchor", f"no heading with id '{anchor}' on this page")
    kb = KB_LINK.match(target)
    if kb:
        to_key = sitemap.kb_target(kb["scheme"], kb["id"])
        if to_key is None and kb["scheme"] == "role" and kb["id"] in vocabulary()["actor"]:
            return "ref.role", f"'{target}': no role guide for '{kb['id']}' yet; shown as plain text"
        if to_key is None:
            return "link.missing-page", f"'{target}': no {kb['scheme']} with id '{kb['id']}'"
        return _anchor_problem(sitemap, to_key, kb["anchor"], target)
    if ":" in target.split("/", 1)[0]:
        return "link.scheme", f"'{target}': unknown link scheme; use https:, provision:, case:, role:, module:, tool:, term: or a path"
    path, _, anchor = target.partition("#")
    to_key = sitemap.resolve_relative(key, path) if path else key
    if to_key not in sitemap.anchors:
        return "link.missing-page", f"'{target}' points at '{to_key}', which does not exist"
    return _anchor_problem(sitemap, to_key, anchor or None, target)


def _anchor_problem(sitemap: SiteMap, key: str, anchor: str | None, target: str) -> tuple[str, str] | None:
    anchors = sitemap.anchors.get(key)
    if anchor and anchors is not None and anchor not in anchors:
        return "link.missing-anchor", f"'{target}': '{key}' has no heading with id '{anchor}'"
    return None


class _ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag.lower() in FORBIDDEN_ELEMENTS:
            self.problems.append(("html.forbidden-element", f"<{tag}> is not allowed in authored Markdown"))
        for name, _ in attrs:
            if name.lower().startswith("on"):
                self.problems.append(("html.event-handler", f"inline handler '{name}' on <{tag}> is not allowed"))


def html_problems(fragment: str) -> list[tuple[str, str]]:
    collector = _ElementCollector()
    collector.feed(fragment)
    collector.close()
    return collector.problems
