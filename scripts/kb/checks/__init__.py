"""Content checks. Each check is a pure function: a loaded Project in, Findings out."""
from __future__ import annotations

from typing import Callable, Iterable

from ..report import Finding
from ..sources import Project
from . import cases, i18n, images, links, personal_data, provisions, quizzes, references, vocabulary

Check = Callable[[Project], Iterable[Finding]]

CHECKS: list[Check] = [
    vocabulary.check_vocabulary,
    references.check_unique_ids,
    references.check_references,
    provisions.check_provisions,
    links.check_markdown,
    cases.check_cases,
    quizzes.check_questions,
    i18n.check_translations,
    personal_data.check_personal_data,
    images.check_images,
]


def run_checks(project: Project) -> list[Finding]:
    findings = list(project.findings)
    for check in CHECKS:
        findings.extend(check(project))
    return sorted(set(findings))
