"""scan_file: read a file, take its declared pseudonyms, scan it (through the cache)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import yaml

from kb.frontmatter import FrontMatterError, split_front_matter
from kb.yamlmap import Loader

from . import cache, scanner
from .model import PiiFinding


def declared_pseudonyms(text: str) -> list[str]:
    """The `pseudonyms:` list of the YAML front matter; [] when absent or broken."""
    try:
        front_matter = split_front_matter(text).front_matter
        data = yaml.load(front_matter, Loader=Loader) if front_matter else None
    except (FrontMatterError, yaml.YAMLError):
        return []
    values = data.get("pseudonyms") if isinstance(data, dict) else None
    if not isinstance(values, list):
        return []
    return [str(value) for value in values if isinstance(value, (str, int)) and str(value).strip()]


def scan_file(path: Path, *, allowlist: Iterable[str] = (), cache_dir: Path | None = None) -> list[PiiFinding]:
    """Raises OSError / UnicodeDecodeError for unreadable files; the CLI reports those."""
    text = Path(path).read_text(encoding="utf-8")
    allowed = tuple(allowlist)
    key = cache.cache_key(text, allowed) if cache_dir is not None else ""
    if cache_dir is not None:
        cached = cache.load(Path(cache_dir), key)
        if cached is not None:
            return cached
    findings = scanner.scan_text(text, pseudonyms=declared_pseudonyms(text), allowlist=allowed)
    if cache_dir is not None:
        cache.store(Path(cache_dir), key, findings)
    return findings
