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
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
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
        problems += [SiteProblem(rel, f"inline event handler {handler}") for handler in page.handlers]
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
    if parts.scheme in ("http", "https", "mailto") or url.startswith("//"):
        return None  # external links are checked on demand (kb linkcheck --external), not offline
    if parts.scheme:
        return f"link with an unknown scheme: {url}"
    target = _local_target(site, rel, url)
    if target is None:
        return f"broken link: {url}"
    anchor = unquote(parts.fragment)
    if anchor and target in pages and anchor not in pages[target].ids:
        return f"broken anchor: {url}"
    return None


# ----------------------------------------------------------------------------- linkchecker
import csv  # noqa: E402  (kept next to the code that uses it)
import functools  # noqa: E402
import io  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402


class _QuietHandler(SimpleHTTPRequestHandler):
    def end_headers(self):
        # linkchecker limits itself to 10 requests/s per host unless the server sends this header
        self.send_header("LinkChecker", "allow-concurrent-checks")
        super().end_headers()

    def log_message(self, *args):
        pass


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that hangs up early (a browser, linkchecker) is not an error of the site


@contextmanager
def serve_folder(folder: Path):
    """Serve `folder` on 127.0.0.1 (a free port) for as long as the block runs."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_linkchecker(site: Path) -> list[SiteProblem]:
    """Crawl the built site with linkchecker (internal links, raw-HTML links included)."""
    executable = Path(sys.executable).with_name("linkchecker")
    config = site.parent / "linkcheckerrc"
    # Our own local server: no reason to pace requests (the default waits 0.1–0.6 s per URL).
    config.write_text("[checking]\nmaxrequestspersecond=10000\n", encoding="utf-8")
    with serve_folder(site) as base:
        result = subprocess.run(
            [str(executable), "-f", str(config), "--no-status", "--no-warnings", "-o", "csv",
             "--threads", "4", "--ignore-url", r"sitemap\.xml", base],
            capture_output=True, text=True, timeout=900)
    if result.returncode not in (0, 1):
        return [SiteProblem("(linkchecker)", (result.stderr or result.stdout).strip().splitlines()[-1])]
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    problems = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        if row.get("valid") == "False":
            parent = (row.get("parentname") or base).removeprefix(base)
            page = parent + "index.html" if parent.endswith("/") or not parent else parent
            problems.append(SiteProblem(page, f"linkchecker: {row.get('urlname')}: {row.get('result')}"))
    return problems
