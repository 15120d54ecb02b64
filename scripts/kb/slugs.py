"""Heading anchors computed with the same rules as the site (toc.slugify in mkdocs.yml)."""
from __future__ import annotations

import re

from pymdownx.slugs import slugify as _make_slugify

_slugify = _make_slugify(case="lower")
EXPLICIT_ID = re.compile(r"\s*\{\s*#(?P<id>[\w-]+)[^}]*\}\s*$")
INLINE_MARKUP = re.compile(r"(\*\*|__|\*|_|`)")
INLINE_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def heading_anchor(raw_heading: str) -> str:
    """The id a heading gets: its explicit { #id } or the slug of its visible text."""
    explicit = EXPLICIT_ID.search(raw_heading)
    if explicit:
        return explicit["id"]
    text = INLINE_LINK.sub(r"\1", raw_heading)
    text = INLINE_MARKUP.sub("", text)
    return _slugify(text.strip(), "-")


def strip_explicit_id(raw_heading: str) -> str:
    return EXPLICIT_ID.sub("", raw_heading).strip()
