"""Full dates of birth. A date counts only with a birth word close by; law dates never do."""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from ..model import Span

_MONTHS = "January February March April May June July August September October November December".split()
_MONTH_ALT = "|".join(m[:3] + f"(?:{m[3:]})?" for m in _MONTHS) + "|Sept"
_MONTH_INDEX = {m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)}

_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:"
    r"年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]"
    r"|(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d)"
    r")"
    r"|(?<!\d)(?P<d3>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon3>" + _MONTH_ALT + r")\.?,?\s+(?P<y3>(?:19|20)\d\d)(?!\d)"
    r"|\b(?P<mon4>" + _MONTH_ALT + r")\.?\s+(?P<d4>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d\d)(?!\d)"
)
_BIRTH_WORDS = re.compile(r"出生|生于|生日|生辰|诞生|born|birth|DOB|D\.O\.B", re.IGNORECASE)
# A date followed by one of these is when a law or document took effect, not a birthday.
_LAW_AFTER = re.compile(r"\s*(?:起|修订|修正|施行|通过|发布|公布|印发|实施|生效|颁布)")
_CONTEXT_CHARS = 12


def _as_date(match: re.Match) -> dt.date | None:
    g = match.groupdict()
    if g["y"]:
        year, month, day = g["y"], g["m1"] or g["m2"], g["d1"] or g["d2"]
    elif g["y3"]:
        year, month, day = g["y3"], _MONTH_INDEX[g["mon3"][:3].lower()], g["d3"]
    else:
        year, month, day = g["y4"], _MONTH_INDEX[g["mon4"][:3].lower()], g["d4"]
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _has_birth_context(line: str, start: int, end: int) -> bool:
    window = line[max(0, start - _CONTEXT_CHARS) : end + _CONTEXT_CHARS]
    return bool(_BIRTH_WORDS.search(window))


def find_birthdates(line: str) -> Iterator[Span]:
    for match in _DATE.finditer(line):
        if _as_date(match) is None or _LAW_AFTER.match(line, match.end()):
            continue
        if _has_birth_context(line, match.start(), match.end()):
            yield Span(match.start(), match.end(), "birthdate")
