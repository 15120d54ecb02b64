"""Export JSON Schemas of the front matter, with vocabulary ids as enums."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import SCHEMAS
from .vocabulary import vocabulary


def schema_for(name: str) -> dict[str, Any]:
    schema = SCHEMAS[name].model_json_schema()
    _inline_vocabulary(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{name}.schema.json"
    return schema


def _inline_vocabulary(node: Any) -> None:
    if isinstance(node, dict):
        kind = node.pop("x-vocabulary", None)
        if kind:
            ids = sorted(vocabulary()[kind])
            if node.get("type") == "array":
                node["items"] = {"type": "string", "enum": ids}
            else:
                node["enum"] = ids
        for value in node.values():
            _inline_vocabulary(value)
    elif isinstance(node, list):
        for value in node:
            _inline_vocabulary(value)


def write_schemas(folder: Path, check_only: bool = False) -> list[str]:
    """Write each schema; return the names that were (or, with check_only, would be) changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name in SCHEMAS:
        path = folder / f"{name}.schema.json"
        text = json.dumps(schema_for(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path.name)
            if not check_only:
                path.write_text(text, encoding="utf-8")
    return changed
