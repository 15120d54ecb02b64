"""Mask the middle of an identifier so reports never repeat it in full."""
from __future__ import annotations

_SEPARATORS = frozenset(" -·()+.:")


def _kept_ends(n: int) -> tuple[int, int]:
    """How many maskable characters to keep at the start and the end."""
    if n >= 15:
        return 4, 4
    if n >= 11:
        return 3, 4
    if n >= 7:
        return 2, 2
    if n >= 4:
        return 1, 1
    return 0, 0


def _mask_email(s: str) -> str:
    local, _, domain = s.partition("@")
    return f"{local[:1]}***@{domain}"


def mask(s: str) -> str:
    """'13812345678' -> '138****5678'; 'zhang@qq.com' -> 'z***@qq.com'. Separators stay."""
    if "@" in s:
        return _mask_email(s)
    maskable = [i for i, ch in enumerate(s) if ch not in _SEPARATORS]
    head, tail = _kept_ends(len(maskable))
    hidden = set(maskable[head : len(maskable) - tail])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(s))
