"""Split a Markdown file into its YAML front matter and body, keeping line numbers."""
from __future__ import annotations

from dataclasses import dataclass


class FrontMatterError(ValueError):
    """The file opens a front-matter block but never closes it."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Split:
    front_matter: str | None  # YAML text without the --- fences, or None
    body: str
    fm_first_line: int  # 1-based line of the first YAML line (2 when present)
    body_first_line: int  # 1-based line where the body starts


def split_front_matter(text: str) -> Split:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return Split(None, text, 0, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in ("---", "..."):
            return Split("".join(lines[1:index]), "".join(lines[index + 1 :]), 2, index + 2)
    raise FrontMatterError("front matter opened with '---' on line 1 is never closed", 1)
