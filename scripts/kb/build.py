"""check → stage → engine → site check → replace site/ (only on success)."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path

from . import engine
from .harden import harden_site
from .checks import run_checks
from .model import LANGS
from .report import Finding
from .crawl import crawl
from .sitecheck import check_site
from .sources import load_project
from .stage import MissingDependency, source_of, stage_language


def reproducible_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH for dates the engine writes: the last commit's time (or 0 outside git)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() or "0"
    except (OSError, subprocess.SubprocessError):
        return "0"


def build(root: Path, site: Path | None = None, preview: bool = False, offline: bool = False,
          full_crawl: bool = False, timings: dict[str, float] | None = None) -> tuple[bool, list[Finding]]:
    """Build the bilingual site into `site` (default root/site). On any error `site` is untouched.

    `preview` (kb serve) leaves out the Content-Security-Policy, which would block the live-reload
    script the preview server injects; so does `offline`, whose search runs through the offline
    plugin's iframe-worker shim, which executes inline code (the copy opens from local files).
    linkchecker crawls only pages changed since its last clean crawl, or all with `full_crawl`.
    `timings`, if given, receives the seconds each phase took.
    """
    site = site or root / "site"
    phase = _Phases(timings if timings is not None else {})
    os.environ.setdefault("SOURCE_DATE_EPOCH", reproducible_epoch(root))
    with phase("load"):
        project = load_project(root)
    with phase("check"):
        findings = run_checks(project)
    if any(f.severity == "error" for f in findings):
        return False, findings
    site.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kb-build-", dir=site.parent) as tmp:
        work = Path(tmp)
        built = {lang: work / "html" / lang for lang in LANGS}
        try:
            with phase("generate and engine"):
                messages = _run_engine(project, work / "stage", built, offline)
        except MissingDependency as error:
            return False, findings + [Finding("package.json", 1, 1, "engine.build", str(error))]
        sources = source_of(project)
        for lang in LANGS:
            findings += _engine_findings(messages[lang], sources, lang)
        if any(f.severity == "error" for f in findings):
            return False, findings
        assembled = _assemble(built, work / "site")
        crawl_cache = None if full_crawl else root / ".kb-cache" / f"crawl-{'offline' if offline else 'online'}.json"
        with phase("site check and crawl"):
            if not preview and not offline:
                harden_site(assembled)
            findings += _site_findings(_check_built(assembled, not preview, crawl_cache), sources)
        if any(f.severity == "error" for f in findings):
            return False, findings
        _replace(assembled, site)
    return True, findings


class _Phases:
    """`with phase("name"):` adds the block's duration to timings["name"]."""

    def __init__(self, timings: dict[str, float]):
        self.timings = timings

    @contextmanager
    def __call__(self, name: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - start


def _run_engine(project, stage_dir: Path, built: dict[str, Path], offline: bool) -> dict[str, list]:
    """One engine process per language, on as many cores as there are: each language starts
    building as soon as it is staged, while the next one is being written."""
    workers = max(1, min(len(LANGS), os.cpu_count() or 1))
    # fork: the workers inherit the loaded modules instead of importing MkDocs again; but forking a
    # process that runs other threads (kb serve's live-reload server) is unsafe, so it forks a clean server
    method = "fork" if threading.active_count() == 1 else "forkserver"
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method)) as pool:
        jobs = {lang: pool.submit(engine.build_html, stage_language(project, stage_dir, lang, built[lang], offline))
                for lang in LANGS}
        messages = {}
        for lang, job in jobs.items():
            try:
                messages[lang] = job.result()
            except BrokenProcessPool as error:  # the worker died (out of memory, killed)
                messages[lang] = [engine.EngineMessage(None, f"the engine process stopped: {error}")]
        return messages


def _check_built(site: Path, crawl_site: bool, cache: Path | None) -> list:
    """Our own site check, then, if it passed, linkchecker's crawl (in two processes, from the home
    pages and from any page the site check found no link to)."""
    report = check_site(site)
    if report.problems or not crawl_site:
        return report.problems
    return crawl(site, cache, report).problems


def _engine_findings(messages, sources: dict[str, str], lang: str) -> list[Finding]:
    findings = []
    for message in messages:
        key = message.page.removesuffix(".md") if message.page else None
        path = sources.get(key, f"(generated {lang}) {message.page}" if key else "mkdocs.yml")
        findings.append(Finding(path, 1, 1, "engine.build", f"[{lang}] {message.text}"))
    return findings


def _site_findings(problems, sources: dict[str, str]) -> list[Finding]:
    findings = []
    for problem in problems:
        page = problem.page.removeprefix("en/")
        key = page.removesuffix("/index.html").removesuffix(".html") if page != "index.html" else "index"
        path = sources.get(key, f"site/{problem.page}")
        findings.append(Finding(path, 1, 1, "site.link", f"{problem.page}: {problem.message}"))
    return findings


def _assemble(built: dict[str, Path], target: Path) -> Path:
    """Chinese at the root, every other language in /<lang>/ (moved, not copied: same folder)."""
    built["zh"].rename(target)
    for lang in LANGS:
        if lang != "zh":
            built[lang].rename(target / lang)
    return target


def _replace(new: Path, site: Path) -> None:
    """Swap the new site in; the old one is removed only after the new one is in place."""
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    new.rename(site)
    if old.exists():
        shutil.rmtree(old)
