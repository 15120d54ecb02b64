"""check → stage → engine → site check → replace site/ (only on success)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import engine
from .harden import harden_site
from .checks import run_checks
from .model import LANGS
from .report import Finding
from .sitecheck import check_site, run_linkchecker
from .sources import load_project
from .stage import MissingDependency, source_of, stage


def reproducible_epoch(root: Path) -> str:
    """SOURCE_DATE_EPOCH for dates the engine writes: the last commit's time (or 0 outside git)."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() or "0"
    except (OSError, subprocess.SubprocessError):
        return "0"


def build(root: Path, site: Path | None = None, preview: bool = False,
          offline: bool = False) -> tuple[bool, list[Finding]]:
    """Build the bilingual site into `site` (default root/site). On any error `site` is untouched.

    `preview` (kb serve) leaves out the Content-Security-Policy, which would block the live-reload
    script the preview server injects; so does `offline`, whose search runs through the offline
    plugin's iframe-worker shim, which executes inline code (the copy opens from local files).
    """
    site = site or root / "site"
    os.environ.setdefault("SOURCE_DATE_EPOCH", reproducible_epoch(root))
    project = load_project(root)
    findings = run_checks(project)
    if any(f.severity == "error" for f in findings):
        return False, findings
    site.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kb-build-", dir=site.parent) as tmp:
        work = Path(tmp)
        built = {lang: work / "html" / lang for lang in LANGS}
        try:
            configs = stage(project, work / "stage", built, offline=offline)
        except MissingDependency as error:
            return False, findings + [Finding("package.json", 1, 1, "engine.build", str(error))]
        sources = source_of(project)
        for lang in LANGS:
            findings += _engine_findings(engine.build_html(configs[lang]), sources, lang)
            if any(f.severity == "error" for f in findings):
                return False, findings
        assembled = _assemble(built, work / "site")
        if not preview and not offline:
            harden_site(assembled)
        findings += _site_findings(check_site(assembled), sources)
        if not preview and not any(f.severity == "error" for f in findings):
            findings += _site_findings(run_linkchecker(assembled), sources)
        if any(f.severity == "error" for f in findings):
            return False, findings
        _replace(assembled, site)
    return True, findings


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
    """Chinese at the root, every other language in /<lang>/."""
    shutil.copytree(built["zh"], target)
    for lang in LANGS:
        if lang != "zh":
            shutil.copytree(built[lang], target / lang)
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
