"""All detector families, in priority order: when two hits overlap, the earlier family wins."""
from __future__ import annotations

from typing import Callable, Iterable

from ..model import Span
from .addresses import find_addresses
from .contacts import find_emails, find_handles, find_plates
from .dates import find_birthdates
from .names import find_names
from .numbers import find_bank_cards, find_id_numbers, find_phones
from .places import find_places_and_schools

Detector = Callable[[str], Iterable[Span]]

DETECTORS: tuple[Detector, ...] = (
    find_id_numbers,
    find_bank_cards,
    find_phones,
    find_emails,
    find_handles,
    find_plates,
    find_birthdates,
    find_addresses,
    find_places_and_schools,
    find_names,
)

_KIND_RANK = {kind: rank for rank, kind in enumerate((
    "id-number", "bank-card", "phone", "email", "handle", "plate",
    "birthdate", "address", "school", "place", "name",
))}


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in taken)


def detect_line(line: str) -> list[Span]:
    """Run every detector on one normalised line; keep the best of overlapping hits."""
    hits: list[Span] = [span for detector in DETECTORS for span in detector(line)]
    hits.sort(key=lambda s: (_KIND_RANK[s.kind], -(s.end - s.start), s.start))
    kept: list[Span] = []
    for span in hits:
        if not _overlaps(span, kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)
