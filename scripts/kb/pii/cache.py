"""On-disk cache of scan results, keyed by file content, detector version and allowlist."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Iterable

from .model import DETECTOR_VERSION, PiiFinding


def cache_key(content: str, allowlist: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in (content, DETECTOR_VERSION, *sorted(allowlist)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def load(cache_dir: Path, key: str) -> list[PiiFinding] | None:
    path = cache_dir / f"{key}.json"
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        return [PiiFinding(**record) for record in records]
    except (OSError, ValueError, TypeError):
        return None  # missing or corrupt entry: just scan again


def store(cache_dir: Path, key: str, findings: list[PiiFinding]) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"{key}.json"
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps([dataclasses.asdict(f) for f in findings], ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)  # atomic, so parallel runs never read half a file
