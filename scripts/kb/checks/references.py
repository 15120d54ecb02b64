"""Ids are unique and every cross-reference resolves."""
from __future__ import annotations

from typing import Iterator

from ..report import Finding
from ..sources import Project, SourceFile


def check_unique_ids(project: Project) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for entry in project.documents.values():
        for index, card in enumerate(entry.document.provisions):
            yield from _once(seen, card.id, entry.file, ("provisions", index, "id"), "provision")
    for entry in project.banks.values():
        for index, question in enumerate(entry.bank.questions):
            yield from _once(seen, question.id, entry.file, ("questions", index, "id"), "question")


def _once(seen: dict, id: str, source: SourceFile, where: tuple, kind: str) -> Iterator[Finding]:
    if id in seen:
        line, col = source.at(where)
        yield Finding(source.rel, line, col, "id.duplicate", f"{kind} id '{id}' is already used in {seen[id]}")
    else:
        seen[id] = source.rel


class Resolver:
    """Answers 'does this id exist?' for every kind of reference."""

    def __init__(self, project: Project):
        self.project = project
        self.provisions = set(project.provisions)
        self.cases = set(project.cases)
        self.modules = set(project.modules)
        self.roles = set(project.roles)
        self.broken = project.broken_ids

    def missing(self, kind: str, id: str) -> bool:
        return id not in getattr(self, kind) and id not in self.broken


RULE = {"provisions": "ref.provision", "cases": "ref.case", "modules": "ref.module", "roles": "ref.role"}
NOUN = {"provisions": "provision card", "cases": "case", "modules": "module", "roles": "role guide"}


def _refs(resolver: Resolver, kind: str, ids, source: SourceFile, path: tuple) -> Iterator[Finding]:
    for index, id in enumerate(ids):
        if resolver.missing(kind, id):
            line, col = source.at(path + (index,))
            yield Finding(source.rel, line, col, RULE[kind], f"no {NOUN[kind]} with id '{id}'")


def check_references(project: Project) -> Iterator[Finding]:
    resolver = Resolver(project)
    for case in project.cases.values():
        if not case.meta:
            continue
        source = case.files["zh"]
        yield from _refs(resolver, "provisions", case.meta.provisions, source, ("provisions",))
        yield from _refs(resolver, "roles", case.meta.roles, source, ("roles",))
        yield from _refs(resolver, "modules", case.meta.modules, source, ("modules",))
    for page in project.pages.values():
        for lang, meta in page.meta.items():
            source = page.files[lang]
            yield from _refs(resolver, "provisions", getattr(meta, "provisions", []), source, ("provisions",))
            yield from _refs(resolver, "cases", getattr(meta, "cases", []), source, ("cases",))
    for entry in project.tools.values():
        tool, source = entry.data, entry.file
        yield from _refs(resolver, "provisions", tool.provisions, source, ("provisions",))
        if tool.example_case:
            yield from _refs(resolver, "cases", [tool.example_case], source, ("example_case",))
    if project.workflow:
        for index, stage in enumerate(project.workflow.data.stages):
            yield from _refs(resolver, "provisions", stage.provisions, project.workflow.file,
                             ("stages", index, "provisions"))
    if project.pocket_cards:
        for index, card in enumerate(project.pocket_cards.data.cards):
            yield from _refs(resolver, "provisions", card.provisions, project.pocket_cards.file,
                             ("cards", index, "provisions"))
    if project.glossary:
        seen: dict[str, int] = {}
        for index, term in enumerate(project.glossary.data.terms):
            yield from _refs(resolver, "provisions", term.provisions, project.glossary.file,
                             ("terms", index, "provisions"))
            for key in (term.id, term.zh):
                if key in seen:
                    line, col = project.glossary.file.at(("terms", index))
                    yield Finding(project.glossary.file.rel, line, col, "id.duplicate",
                                  f"glossary term '{key}' is already defined (term {seen[key] + 1})")
                seen.setdefault(key, index)
    for entry in project.banks.values():
        source = entry.file
        if resolver.missing("modules", entry.bank.module):
            line, col = source.at(("module",))
            yield Finding(source.rel, line, col, "ref.module", f"no module with id '{entry.bank.module}'")
        for index, question in enumerate(entry.bank.questions):
            where = ("questions", index)
            yield from _refs(resolver, "provisions", question.refs.provisions, source, where + ("refs", "provisions"))
            yield from _refs(resolver, "cases", question.refs.cases, source, where + ("refs", "cases"))
            yield from _refs(resolver, "roles", question.refs.roles, source, where + ("refs", "roles"))
            if question.case:
                yield from _refs(resolver, "cases", [question.case], source, where + ("case",))
