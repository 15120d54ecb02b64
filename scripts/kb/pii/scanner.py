"""scan_text: normalise, split into lines, run the detectors, drop what is declared safe."""
from __future__ import annotations

import re
from typing import Iterable

from . import detectors
from .mask import mask
from .model import HARD_KINDS, PiiFinding, Span
from .normalise import normalise

_SUPPRESSION = re.compile(r"<!--\s*pii-ok:\s*(?P<reason>.*?)\s*-->")
# Cheap pre-check: a line with none of these cannot hold any finding.
_WORTH_SCANNING = re.compile(r"[0-9@\u4e00-\u9fff]|\b(?:Nguyen|Tran|Le|Pham|Hoang|Vu|Dang|Bui|Do|Ho|Ngo|Duong|Ly)\b")


def is_suppressed(line: str) -> bool:
    return any(match["reason"] for match in _SUPPRESSION.finditer(line))


# What may stand next to a pseudonym inside one hit without naming anyone: 韦婶家, 黄某的, 小宁们.
_PARTICLES = set("家的们处里俩")


def _covered(line: str, span: Span, safe_texts: Iterable[str]) -> bool:
    """True when the hit lies inside an occurrence of a pseudonym or allowlisted text,
    or is a pseudonym plus a particle (韦婶家)."""
    hit = line[span.start : span.end]
    rest = hit
    for text in safe_texts:
        rest = rest.replace(text, "")
    if rest != hit and set(rest) <= _PARTICLES:
        return True
    for text in safe_texts:
        start = line.find(text, max(0, span.end - len(text)))
        while start != -1 and start <= span.start:
            if start + len(text) >= span.end:
                return True
            start = line.find(text, start + 1)
    return False


def _finding(original_line: str, line_no: int, span: Span, suppressed: bool) -> PiiFinding:
    raw = original_line[span.start : span.end]
    excerpt = mask(normalise(raw)) if span.kind in HARD_KINDS else raw
    return PiiFinding(line_no, span.start + 1, span.kind, excerpt, suppressed)


def scan_lines(text: str, safe_texts: tuple[str, ...]) -> list[PiiFinding]:
    findings: list[PiiFinding] = []
    normalised = normalise(text)
    safe = tuple(normalise(t) for t in safe_texts if t)
    for line_no, (line, original) in enumerate(zip(normalised.splitlines(), text.splitlines()), start=1):
        if not _WORTH_SCANNING.search(line):
            continue
        suppressed = is_suppressed(line)
        for span in detectors.detect_line(line):
            if not _covered(line, span, safe):
                findings.append(_finding(original, line_no, span, suppressed))
    return findings


def scan_text(text: str, *, pseudonyms: Iterable[str] = (), allowlist: Iterable[str] = ()) -> list[PiiFinding]:
    """Every finding in `text` (front matter included), in reading order."""
    return scan_lines(text, tuple(pseudonyms) + tuple(allowlist))
