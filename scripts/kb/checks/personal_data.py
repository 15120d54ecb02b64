"""Personal data in anything the site publishes (Minors Protection Law Art. 103).

Runs the kb.pii detectors on every source file, front matter included, with the file's declared
pseudonyms and the project allowlist. Results are cached by content hash and detector version,
so unchanged files are not scanned again. Inline suppressions are reported as notes, so the
summary counts and lists them.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..pii import cache, scanner
from ..pii.cli import load_allowlist
from ..pii.files import declared_pseudonyms
from ..report import Finding
from ..sources import Project

CACHE_DIR = ".kb-cache/pii"


def check_personal_data(project: Project) -> Iterator[Finding]:
    allowlist = tuple(load_allowlist(project.root))
    cache_dir = project.root / CACHE_DIR
    for source in project.source_files():
        for finding in scan_cached(source.text, allowlist, cache_dir):
            if finding.suppressed:
                yield Finding(source.rel, finding.line, finding.col, "pii.suppressed",
                              f"inline suppression of {finding.kind}: {finding.excerpt}")
            else:
                yield Finding(source.rel, finding.line, finding.col, f"pii.{finding.kind}", finding.excerpt)


def scan_cached(text: str, allowlist: tuple[str, ...], cache_dir: Path):
    key = cache.cache_key(text, allowlist)
    cached = cache.load(cache_dir, key)
    if cached is not None:
        return cached
    findings = scanner.scan_text(text, pseudonyms=declared_pseudonyms(text), allowlist=allowlist)
    try:
        cache.store(cache_dir, key, findings)
    except OSError:
        pass  # a read-only checkout still gets its findings, just without the cache
    return findings
