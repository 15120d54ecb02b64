"""Provision cards: versions resolve; unverified documents make no article-level claims."""
from __future__ import annotations

from typing import Iterator

from ..report import Finding
from ..sources import Project


def check_provisions(project: Project) -> Iterator[Finding]:
    for entry in project.documents.values():
        document, source = entry.document, entry.file
        versions = {version.id for version in document.versions}
        if not document.in_reference_set and document.provisions:
            line, col = source.at(("provisions",))
            yield Finding(source.rel, line, col, "provision.unverified-document",
                          f"'{document.id}' is not in the reference set: it may not carry provision cards")
        for index, card in enumerate(document.provisions):
            if card.version not in versions:
                line, col = source.at(("provisions", index, "version"))
                yield Finding(source.rel, line, col, "ref.version",
                              f"card '{card.id}' cites version '{card.version}'; known: {', '.join(sorted(versions)) or 'none'}")
            if card.verification.status == "unverified":
                line, col = source.at(("provisions", index, "verification"))
                yield Finding(source.rel, line, col, "provision.unverified",
                              f"card '{card.id}' is unverified: {card.verification.reason.en}")
