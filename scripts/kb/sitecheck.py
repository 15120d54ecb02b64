"""Checks on the built site: internal links and anchors resolve; nothing is fetched from another host."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

RESOURCE_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                  ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}


@dataclass(frozen=True)
class SiteProblem:
    page: str  # path of the HTML file relative to the site root
    message: str


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for element, attr in RESOURCE_ATTRS:
            if tag == element and attrs.get(attr):
                if tag == "link" and attrs.get("rel") in ("alternate", "canonical"):
                    continue
                self.resources.append(attrs[attr])


def check_site(site: Path) -> list[SiteProblem]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = parser
    problems = []
    for rel, page in pages.items():
        for url in page.resources:
            if _external(url):
                problems.append(SiteProblem(rel, f"loads a resource from another host: {url}"))
            elif _is_404(rel):
                continue  # the 404 page is served at any path, so its URLs are site-absolute
            elif not _local_target(site, rel, url):
                problems.append(SiteProblem(rel, f"missing resource: {url}"))
        for url in [] if _is_404(rel) else page.links:
            problem = _link_problem(site, pages, rel, url)
            if problem:
                problems.append(SiteProblem(rel, problem))
    return problems


def _is_404(rel: str) -> bool:
    return rel.rsplit("/", 1)[-1] == "404.html"


def _external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def _local_target(site: Path, rel: str, url: str) -> str | None:
    """The site-relative file an internal URL points at, or None if there is none."""
    path = unquote(urlsplit(url).path)
    if not path:
        return rel
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if joined.startswith(".."):
        return None
    candidate = site / joined
    if candidate.is_dir():
        candidate = candidate / "index.html"
        joined = posixpath.join(joined, "index.html")
    return joined if candidate.is_file() else None


def _link_problem(site: Path, pages: dict, rel: str, url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None  # external links are checked on demand, not in the offline build
    target = _local_target(site, rel, url)
    if target is None:
        return f"broken link: {url}"
    anchor = unquote(parts.fragment)
    if anchor and target in pages and anchor not in pages[target].ids:
        return f"broken anchor: {url}"
    return None
