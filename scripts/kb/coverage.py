"""What the case library must cover, computed from the cases' front matter.

The case index's coverage matrix and the coverage test both read RULES, so the targets live here once.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .model import CaseMeta
from .vocabulary import ids

BORDER_FLAGS = {"cross_border_marriage", "no_hukou", "parent_deported", "mother_left", "language_barrier"}


def is_border_case(case: CaseMeta) -> bool:
    return bool(BORDER_FLAGS & set(case.border))


def is_failure_or_near_miss(case: CaseMeta) -> bool:
    return bool({"failure", "near_miss"} & set(case.teaching_use))


def is_success_with_follow_up(case: CaseMeta) -> bool:
    """A success story followed to closure and long-term follow-up."""
    return "typical" in case.teaching_use and {"review", "close"} <= set(case.stages)


@dataclass(frozen=True)
class Target:
    description: str
    minimum: int
    count: Callable[[list[CaseMeta]], dict[str, int]]  # label -> number of cases


def _per_value(facet: str, kind: str) -> Callable[[list[CaseMeta]], dict[str, int]]:
    def count(cases: list[CaseMeta]) -> dict[str, int]:
        return {value: sum(value in getattr(case, facet) for case in cases) for value in ids(kind)}
    return count


def _total(name: str, test: Callable[[CaseMeta], bool]) -> Callable[[list[CaseMeta]], dict[str, int]]:
    return lambda cases: {name: sum(test(case) for case in cases)}


RULES = [
    Target("cases in the library", 30, _total("cases", lambda case: True)),
    Target("cases per plight sub-type", 1, _per_value("plight_subtypes", "plight_subtype")),
    Target("cases per vulnerability dimension", 8, _per_value("vulnerability", "vulnerability")),
    Target("cases per actor", 3, _per_value("actors", "actor")),
    Target("cases per case-management stage", 5, _per_value("stages", "stage")),
    Target("border cases", 6, _total("border", is_border_case)),
    Target("failure or near-miss cases", 4, _total("failure_or_near_miss", is_failure_or_near_miss)),
    Target("success stories with long-term follow-up", 4, _total("success_with_follow_up", is_success_with_follow_up)),
]


def shortfalls(cases: list[CaseMeta]) -> list[str]:
    """Every target the library misses, e.g. 'cases per actor: market has 2 (needs 3)'."""
    missing = []
    for target in RULES:
        for name, number in target.count(cases).items():
            if number < target.minimum:
                missing.append(f"{target.description}: {name} has {number} (needs {target.minimum})")
    return missing
