"""Crawl the built site with linkchecker: every internal link, raw-HTML links included.

The site is served on 127.0.0.1 (links resolve as a reader's browser resolves them). linkchecker is
pure Python and holds one core, so the crawl is split in two processes: the Chinese tree (the root)
and the English one (/en/). Each checks every link its pages contain, including links into the
other tree, but recurses only into its own. Pages no link leads to are given as extra start pages.

A rebuild crawls only what changed: `crawl` remembers the content hash of every page (and
stylesheet) of the last clean crawl and gives linkchecker just the new and changed ones. A page
with the same bytes has the same links; that their targets still exist is checked on every build,
for every page, by the site check (sitecheck.py), which fails the build on a vanished target.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from .localserver import serve_folder
from .sitecheck import SiteReport, content_digest

# Our own local server: no reason to pace requests (the default waits 0.1–0.6 s per URL).
CONFIG = "[checking]\nmaxrequestspersecond=10000\n"


@dataclass(frozen=True)
class CrawlProblem:
    page: str  # path of the HTML file relative to the site root
    message: str


@dataclass(frozen=True)
class CrawlResult:
    problems: list[CrawlProblem]
    crawled: int  # pages and stylesheets linkchecker parsed in this run
    unchanged: int  # left out: the same bytes passed an earlier crawl


CRAWLED_SUFFIXES = (".html", ".css")  # what linkchecker parses for links


def crawl(site: Path, cache_file: Path | None = None, report: SiteReport | None = None) -> CrawlResult:
    """Crawl `site`, all of it, or only what changed since the clean crawl recorded in `cache_file`.
    `report`, the site check's, gives the pages' digests and the pages no link leads to, which a
    crawl would not reach."""
    hashes = _content_hashes(site, report.digests if report else None)
    unlinked = report.unlinked if report else []
    previous = _load(cache_file)
    changed = sorted(rel for rel, digest in hashes.items() if previous.get(rel) != digest)
    if not previous or len(changed) > len(hashes) // 2:
        problems, crawled = run_linkchecker(site, also=unlinked), len(hashes)
    elif changed:
        problems, crawled = run_linkchecker_on(site, changed), len(changed)
    else:
        problems, crawled = [], 0
    if cache_file and not problems:
        _store(cache_file, hashes)
    return CrawlResult(problems, crawled, len(hashes) - crawled)


def _content_hashes(site: Path, pages: dict[str, str] | None = None) -> dict[str, str]:
    """Digest of every file linkchecker parses; `pages`: the HTML pages' digests, if already known."""
    known = pages if pages is not None else {}
    suffixes = tuple(suffix for suffix in CRAWLED_SUFFIXES if pages is None or suffix != ".html")
    return known | {path.relative_to(site).as_posix(): content_digest(path.read_bytes())
                    for path in site.rglob("*") if path.suffix in suffixes and path.is_file()}


def _cache_key() -> str:
    """A new linkchecker or a new crawl configuration invalidates what the last one passed."""
    return hashlib.blake2b((version("LinkChecker") + CONFIG + Path(__file__).read_text(encoding="utf-8"))
                           .encode(), digest_size=8).hexdigest()


def _load(cache_file: Path | None) -> dict[str, str]:
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file else {}
    except (OSError, ValueError):
        return {}
    return data.get("pages", {}) if isinstance(data, dict) and data.get("key") == _cache_key() else {}


def _store(cache_file: Path, hashes: dict[str, str]) -> None:
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    temporary = cache_file.with_name(f".{cache_file.name}.{os.getpid()}")
    temporary.write_text(json.dumps({"key": _cache_key(), "pages": hashes}), encoding="utf-8")
    temporary.replace(cache_file)  # atomic: a concurrent build never reads half a file


@dataclass(frozen=True)
class _Run:
    """One linkchecker process: its start URLs (site-relative) and the parts of the site it must not
    recurse into (it still checks links into them)."""
    starts: list[str]
    stay_in: str = ""  # recurse only below this folder ("" = anywhere) …
    leave_out: tuple[str, ...] = ()  # … except into these folders
    depth: int | None = None  # --recursion-level

    def command(self, config: Path, base: str) -> tuple[list[str], str]:
        options = ["--recursion-level", str(self.depth)] if self.depth is not None else []
        # a no-follow pattern also makes linkchecker check the URL, so each names this server only:
        # other hosts stay unchecked (CI is offline; `kb linkcheck --external` checks them on demand)
        if self.stay_in:
            options += ["--no-follow-url", f"^{re.escape(base)}(?!{re.escape(self.stay_in)})"]
        for folder in self.leave_out:
            options += ["--no-follow-url", "^" + re.escape(base + folder)]
        stdin = "".join(base + url + "\n" for url in self.starts)  # stdin: a few thousand URLs are fine
        return _command(config, [*options, "--stdin"]), stdin


def run_linkchecker(site: Path, parts: tuple[str, ...] = ("", "en/"), also: list[str] = ()) -> list[CrawlProblem]:
    """Crawl the whole site from the home page of each part (language tree), one process per part;
    `also`: more pages (site-relative files) to start from, those no link leads to."""
    parts = tuple(part for part in parts if (site / part).is_dir())
    extra = _start_urls(sorted(also))
    runs = []
    for part in parts:
        inner = tuple(other for other in parts if other != part and other.startswith(part))
        starts = [url for url in extra if url.startswith(part) and not url.startswith(inner) and url != part]
        runs.append(_Run([part, *starts], stay_in=part, leave_out=inner))
    return _crawl(site, runs)


def run_linkchecker_on(site: Path, files: list[str]) -> list[CrawlProblem]:
    """Parse just these files (site-relative) and check every link they contain."""
    urls = _start_urls(files)
    halves = [urls[: len(urls) // 2], urls[len(urls) // 2:]] if len(urls) > 200 else [urls]
    return _crawl(site, [_Run(half, depth=1) for half in halves if half])


def _start_urls(files: list[str]) -> list[str]:
    """Site-relative URLs in the form the site's own links use. 404 pages are left out: they are served
    at any path, so their links are site-absolute and resolve only on the deployed site."""
    return [rel.removesuffix("index.html") for rel in files if rel.rsplit("/", 1)[-1] != "404.html"]


def _crawl(site: Path, runs: list[_Run]) -> list[CrawlProblem]:
    config = site.parent / "linkcheckerrc"
    with serve_folder(site) as base:
        # the whole site is internal (by default only the start URL's folder is): /en/ pages link to / and back
        config.write_text(CONFIG + f"[filtering]\ninternlinks=^{re.escape(base)}\n", encoding="utf-8")

        def run(crawl_run: _Run) -> subprocess.CompletedProcess:
            command, stdin = crawl_run.command(config, base)
            return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=900)

        with ThreadPoolExecutor(max(1, len(runs))) as pool:
            results = list(pool.map(run, runs))
    problems = []
    for result in results:
        problems += _problems(result, base)
    return problems


def _command(config: Path, arguments: list[str]) -> list[str]:
    executable = Path(sys.executable).with_name("linkchecker")
    return [str(executable), "-f", str(config), "--no-status", "--no-warnings", "-o", "csv",
            "--threads", "1",  # one thread: the crawl is CPU-bound and more threads only fight for the GIL
            "--ignore-url", r"sitemap\.xml", *arguments]


def _problems(result: subprocess.CompletedProcess, base: str) -> list[CrawlProblem]:
    if result.returncode not in (0, 1):
        return [CrawlProblem("(linkchecker)", (result.stderr or result.stdout).strip().splitlines()[-1])]
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    problems = []
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        if row.get("valid") == "False":
            parent = (row.get("parentname") or base).removeprefix(base)
            page = parent + "index.html" if parent.endswith("/") or not parent else parent
            problems.append(CrawlProblem(page, f"linkchecker: {row.get('urlname')}: {row.get('result')}"))
    return problems
