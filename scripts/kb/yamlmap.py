"""Load YAML and remember where every value stands (line, column), for findings."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path_ = tuple[Any, ...]
# libyaml (C) when PyYAML was built with it: the same results, several times faster on 1,000s of files
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(ValueError):
    def __init__(self, message: str, line: int, col: int):
        super().__init__(message)
        self.line, self.col = line, col


@dataclass
class Located:
    data: Any
    positions: dict[Path_, tuple[int, int]]  # key path -> (line, col), 1-based, in the file
    first_line: int

    def where(self, path: Path_) -> tuple[int, int]:
        """Position of `path`, or of its closest located ancestor."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (self.first_line, 1))


def load(text: str, first_line: int = 1) -> Located:
    """Parse one YAML document; `first_line` is the file line where `text` starts."""
    offset = first_line - 1
    try:
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = (mark.line + 1 + offset, mark.column + 1) if mark else (first_line, 1)
        problem = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise YamlError(problem or "invalid YAML", line, col) from None
    positions: dict[Path_, tuple[int, int]] = {}
    if node is not None:
        _walk(node, (), positions, offset)
    return Located(data, positions, first_line)


def _walk(node: yaml.Node, path: Path_, positions: dict, offset: int) -> None:
    positions.setdefault(path, (node.start_mark.line + 1 + offset, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            positions[path + (key,)] = (key_node.start_mark.line + 1 + offset, key_node.start_mark.column + 1)
            _walk(value_node, path + (key,), positions, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), positions, offset)
