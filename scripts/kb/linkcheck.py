"""`kb linkcheck --external`: check the external links of the sources, on demand (CI is offline).

A cache file keeps each URL's last result, so a second run only rechecks links that failed or
whose result is older than `max_age`. The report lists broken links per source file.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

import requests

from .mdscan import scan
from .sources import Project

USER_AGENT = "protecting-together-linkcheck/1.0"


@dataclass
class Result:
    ok: bool
    status: int | None
    error: str | None
    checked: str  # ISO timestamp


def external_links(project: Project) -> dict[str, set[str]]:
    """URL -> the source files that link to it."""
    found: dict[str, set[str]] = {}
    for source in project.source_files():
        if source.rel.endswith(".md"):
            urls = [link.target for link in scan(source.body).links]
        else:
            urls = [value for value in _strings(source.located.data if source.located else None)]
        for url in urls:
            if url.startswith(("https://", "http://")):
                found.setdefault(url.split("#", 1)[0], set()).add(source.rel)
    return found


def _strings(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif isinstance(data, str) and data.startswith(("https://", "http://")) and " " not in data:
        yield data


def fetch(url: str, timeout: float = 15) -> tuple[int | None, str | None]:
    headers = {"User-Agent": USER_AGENT}
    try:
        response = requests.head(url, allow_redirects=True, timeout=timeout, headers=headers)
        if response.status_code in (403, 405, 501):  # some servers refuse HEAD
            response = requests.get(url, allow_redirects=True, timeout=timeout, headers=headers, stream=True)
            response.close()
        return response.status_code, None
    except requests.RequestException as error:
        return None, type(error).__name__


def check_external(urls, cache_file: Path, max_age: dt.timedelta = dt.timedelta(days=7),
                   now: dt.datetime | None = None, fetcher: Callable = fetch) -> tuple[dict[str, Result], int]:
    """Check each URL unless the cache holds a fresh success; return results and how many were fetched."""
    now = now or dt.datetime.now(dt.timezone.utc)
    cache = _load(cache_file)
    fetched = 0
    for url in sorted(urls):
        cached = cache.get(url)
        if cached and cached.ok and now - dt.datetime.fromisoformat(cached.checked) < max_age:
            continue
        status, error = fetcher(url)
        fetched += 1
        cache[url] = Result(ok=error is None and status is not None and status < 400,
                            status=status, error=error, checked=now.isoformat())
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.write_text(json.dumps({u: asdict(r) for u, r in sorted(cache.items())}, indent=1), encoding="utf-8")
    return {url: cache[url] for url in urls}, fetched


def _load(cache_file: Path) -> dict[str, Result]:
    try:
        return {url: Result(**value) for url, value in json.loads(cache_file.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, TypeError):
        return {}


def report(results: dict[str, Result], sources: dict[str, set[str]]) -> str:
    broken: dict[str, list[str]] = {}
    for url, result in results.items():
        if not result.ok:
            why = f"HTTP {result.status}" if result.status else result.error
            for page in sorted(sources[url]):
                broken.setdefault(page, []).append(f"- <{url}> — {why}")
    lines = ["# External links", "", f"{len(results)} links checked, {sum(len(v) for v in broken.values())} broken.", ""]
    for page, items in sorted(broken.items()):
        lines += [f"## {page}", "", *items, ""]
    return "\n".join(lines) + "\n"
