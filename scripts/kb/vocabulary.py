"""The controlled vocabulary (data/vocabulary.yml), loaded once."""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def vocabulary() -> dict[str, dict[str, dict[str, Any]]]:
    text = resources.files("kb").joinpath("data/vocabulary.yml").read_text(encoding="utf-8")
    return {key: value for key, value in yaml.safe_load(text).items() if isinstance(value, dict)}


@cache
def search_terms() -> tuple[str, ...]:
    text = resources.files("kb").joinpath("data/vocabulary.yml").read_text(encoding="utf-8")
    return tuple(yaml.safe_load(text).get("search_terms", []))


def ids(kind: str) -> list[str]:
    return list(vocabulary()[kind])


def label(kind: str, term: str, lang: str, short: bool = False) -> str:
    entry = vocabulary()[kind].get(term)
    if entry is None:
        return term
    if short and f"short_{lang}" in entry:
        return entry[f"short_{lang}"]
    return entry[lang]
