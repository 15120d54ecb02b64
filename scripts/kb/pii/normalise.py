"""Fold full-width and look-alike characters to ASCII, one character for one character.

Keeping the length unchanged means an offset in the normalised text is the same offset in
the original, so reported columns need no index map. (Full NFKC is not used because it
can expand one character into several, e.g. '㈠' -> '(一)'.)
"""
from __future__ import annotations

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_MIDDLE_DOTS = "\u00b7\u30fb\u2022\u2027\uff65"
_SPACES = "\u00a0\u2002\u2003\u2009\u202f\u3000"


def _build_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): "·" for c in _MIDDLE_DOTS})
    table.update({ord(c): " " for c in _SPACES})
    return table


_TABLE = _build_table()


def normalise(text: str) -> str:
    """Return `text` with full-width forms folded; len(result) == len(text)."""
    return text.translate(_TABLE)
