"""Translation coverage: a page or case in one language only is a warning, never an error."""
from __future__ import annotations

from typing import Iterator

from ..model import LANGS
from ..report import Finding
from ..sources import Project


def check_translations(project: Project) -> Iterator[Finding]:
    cases = [case for case in project.cases.values() if case.id not in project.broken_ids]
    for item in [*project.pages.values(), *cases]:
        present = [lang for lang in LANGS if lang in item.files]
        for lang in LANGS:
            if lang not in item.files:
                source = item.files[present[0]]
                yield Finding(source.rel, 1, 1, "i18n.untranslated",
                              f"no {lang} version yet; the {present[0]} page is shown there with a notice")


def translation_coverage(project: Project) -> str:
    parts = []
    for lang in LANGS:
        pages = sum(lang in page.files for page in project.pages.values())
        cases = sum(lang in case.files for case in project.cases.values())
        parts.append(f"{lang} {pages}/{len(project.pages)} pages, {cases}/{len(project.cases)} cases")
    return "translations: " + "; ".join(parts)
