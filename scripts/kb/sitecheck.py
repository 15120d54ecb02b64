"""Checks on the built site: internal links and anchors resolve; nothing is fetched from another host."""
from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html

RESOURCE_ATTRS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                  ("source", "src"), ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}


@dataclass(frozen=True)
class SiteProblem:
    page: str  # path of the HTML file relative to the site root
    message: str


@dataclass
class _Page:
    ids: set[str]
    links: list[str]
    resources: list[str]
    handlers: list[str]


RESOURCE_XPATH = " | ".join(f"//{tag}/@{attr}" if tag != "link" else
                            "//link[not(@rel='alternate' or @rel='canonical')]/@href"
                            for tag, attr in sorted(RESOURCE_ATTRS))
PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def _scan(data: bytes) -> _Page:
    """Ids, links, resources and inline handlers of one page (libxml2 parses; a site has thousands)."""
    try:
        root = lxml.html.document_fromstring(data, parser=PARSER)
    except lxml.etree.ParserError:  # an empty file
        return _Page(set(), [], [], [])
    return _Page(ids=set(root.xpath("//@id | //a/@name")) - {""},
                 links=[href for href in root.xpath("//a/@href") if href],
                 resources=[url for url in root.xpath(RESOURCE_XPATH) if url],
                 handlers=[f"<{a.getparent().tag} {a.attrname}>" for a in root.xpath("//@*[starts-with(name(), 'on')]")])


class _Tree:
    """The site's files, listed once: thousands of pages resolve hundreds of thousands of links."""

    def __init__(self, site: Path):
        self.files: set[str] = set()
        self.dirs: set[str] = {"."}
        for path in site.rglob("*"):
            (self.dirs if path.is_dir() else self.files).add(path.relative_to(site).as_posix())

    def is_dir(self, rel: str) -> bool:
        return rel in self.dirs

    def is_file(self, rel: str) -> bool:
        return rel in self.files


@dataclass(frozen=True)
class SiteReport:
    problems: list[SiteProblem]
    unlinked: list[str]  # pages no other page links to (404 pages aside): a crawl would not reach them
    digests: dict[str, str]  # page -> content digest, so the crawl need not read every page again


def content_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def check_site(site: Path) -> SiteReport:
    pages, digests = {}, {}
    for path in sorted(site.rglob("*.html")):
        data = path.read_bytes()
        rel = path.relative_to(site).as_posix()
        pages[rel], digests[rel] = _scan(data), content_digest(data)
    site = _Tree(site)
    problems, linked = [], set()
    for rel, page in pages.items():
        problems += [SiteProblem(rel, f"inline event handler {handler}") for handler in page.handlers]
        for url in page.resources:
            if _external(url):
                problems.append(SiteProblem(rel, f"loads a resource from another host: {url}"))
            elif _is_404(rel):
                continue  # the 404 page is served at any path, so its URLs are site-absolute
            elif not _local_target(site, rel, url):
                problems.append(SiteProblem(rel, f"missing resource: {url}"))
        for url in [] if _is_404(rel) else page.links:
            target, problem = _follow(site, pages, rel, url)
            if problem:
                problems.append(SiteProblem(rel, problem))
            linked.add(target)
    unlinked = [rel for rel in pages if rel not in linked and not _is_404(rel)]
    return SiteReport(problems, unlinked, digests)


def _is_404(rel: str) -> bool:
    return rel.rsplit("/", 1)[-1] == "404.html"


def _external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def _local_target(site: _Tree, rel: str, url: str) -> str | None:
    """The site-relative file an internal URL points at, or None if there is none."""
    path = unquote(urlsplit(url).path)
    if not path:
        return rel
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    if joined.startswith(".."):
        return None
    if site.is_dir(joined):
        joined = posixpath.join(joined, "index.html") if joined != "." else "index.html"
    return joined if site.is_file(joined) else None


def _follow(site: _Tree, pages: dict, rel: str, url: str) -> tuple[str | None, str | None]:
    """(the site file a link leads to, or None; what is wrong with it, or None)."""
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "mailto") or url.startswith("//"):
        return None, None  # external links are checked on demand (kb linkcheck --external), not offline
    if parts.scheme:
        return None, f"link with an unknown scheme: {url}"
    target = _local_target(site, rel, url)
    if target is None:
        return None, f"broken link: {url}"
    anchor = unquote(parts.fragment)
    if anchor and target in pages and anchor not in pages[target].ids:
        return target, f"broken anchor: {url}"
    return target, None
