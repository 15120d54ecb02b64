"""Every vocabulary-typed field holds known ids; sub-types belong to the case's plight type."""
from __future__ import annotations

import difflib
from typing import Iterator

from pydantic import BaseModel

from ..report import Finding
from ..sources import Project, SourceFile
from ..vocabulary import vocabulary


def check_vocabulary(project: Project) -> Iterator[Finding]:
    for page in project.pages.values():
        for lang, meta in page.meta.items():
            yield from _walk(meta, page.files[lang], ())
    for case in project.cases.values():
        if case.meta:
            source = case.files["zh"]
            yield from _walk(case.meta, source, ())
            yield from _subtypes(case.meta, source)
    for entry in project.documents.values():
        yield from _walk(entry.document, entry.file, ())
    for entry in project.banks.values():
        yield from _walk(entry.bank, entry.file, ())
    for entry in [*project.tools.values(), project.workflow, project.glossary, project.pocket_cards]:
        if entry:
            yield from _walk(entry.data, entry.file, ())


def _walk(model: BaseModel, source: SourceFile, path: tuple) -> Iterator[Finding]:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        kind = (info.json_schema_extra or {}).get("x-vocabulary") if isinstance(info.json_schema_extra, dict) else None
        if kind:
            values = value if isinstance(value, list) else [value]
            for index, term in enumerate(values):
                where = path + ((name, index) if isinstance(value, list) else (name,))
                yield from _known(kind, term, source, where)
        elif name == "practice" and isinstance(value, dict):
            for actor in value:
                yield from _known("actor", actor, source, path + (name, actor))
        elif isinstance(value, BaseModel):
            yield from _walk(value, source, path + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from _walk(item, source, path + (name, index))


def _known(kind: str, term, source: SourceFile, where: tuple) -> Iterator[Finding]:
    known = vocabulary()[kind]
    if term is None or term in known:
        return
    close = difflib.get_close_matches(str(term), list(known), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known: {', '.join(known)}"
    line, col = source.at(where)
    yield Finding(source.rel, line, col, "vocab.unknown", f"'{term}' is not a known {kind} id{hint}")


def _subtypes(meta, source: SourceFile) -> Iterator[Finding]:
    """Real cases mix situations (a parent away for work, and unsafe care at home), so sub-types
    may come from several plight types, but at least one must belong to the case's main type."""
    subtypes = vocabulary()["plight_subtype"]
    parents = {subtypes[s]["parent"] for s in meta.plight_subtypes if s in subtypes}
    if parents and meta.plight not in parents:
        line, col = source.at(("plight_subtypes",))
        yield Finding(source.rel, line, col, "vocab.subtype-mismatch",
                      f"none of the sub-types belongs to plight '{meta.plight}'; add one or change the plight type")
