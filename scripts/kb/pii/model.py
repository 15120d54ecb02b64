"""Data types shared by the detectors, the scanner and the CLI."""
from __future__ import annotations

from dataclasses import dataclass

# Bump whenever a detector, the normaliser or the gazetteer changes: it keys the cache.
DETECTOR_VERSION = "pii-1.0.1"

HARD_KINDS = frozenset({"id-number", "phone", "bank-card", "email", "handle", "plate"})
ALL_KINDS = (
    "id-number", "phone", "email", "handle", "bank-card", "plate",
    "birthdate", "address", "name", "place", "school",
)


@dataclass(frozen=True)
class PiiFinding:
    line: int  # 1-based line in the scanned text
    col: int  # 1-based column, in characters of the original text
    kind: str
    excerpt: str  # masked for hard identifiers
    suppressed: bool = False


@dataclass(frozen=True)
class Span:
    """A raw detector hit inside one (normalised) line: [start, end) character offsets."""

    start: int
    end: int
    kind: str
