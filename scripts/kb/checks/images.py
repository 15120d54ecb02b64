"""Images: no metadata (location, camera); images in cases are declared illustrations, never photos."""
from __future__ import annotations

import posixpath
from pathlib import PurePosixPath
from typing import Iterator

from ..images import IMAGE_SUFFIXES, ImageError, metadata
from ..report import Finding
from ..sources import Project


def check_images(project: Project) -> Iterator[Finding]:
    declared = {}
    for case in project.cases.values():
        if case.meta:
            for index, image in enumerate(case.meta.images):
                declared[posixpath.normpath(f"cases/{image.file}")] = (case, index)
    for rel in project.assets:
        if PurePosixPath(rel).suffix.lower() not in IMAGE_SUFFIXES:
            continue
        try:
            found = metadata(project.root / rel)
        except ImageError as error:
            yield Finding(rel, 1, 1, "image.metadata", str(error))
            continue
        if found:
            yield Finding(rel, 1, 1, "image.metadata",
                          f"carries {', '.join(found)}; run `kb scrub {rel}`")
        if rel.startswith("cases/") and rel not in declared:
            yield Finding(rel, 1, 1, "image.undeclared",
                          "an image in cases/ must be declared in its case's `images:` as an illustration "
                          "or diagram; photos of children are not allowed")
    for rel, (case, index) in declared.items():
        if rel not in project.assets:
            source = case.files["zh"]
            line, col = source.at(("images", index, "file"))
            yield Finding(source.rel, line, col, "image.missing", f"declared image {rel} does not exist")
