"""Digit-based identifiers: resident ID numbers, bank cards and phone numbers.

Every pattern allows one space or hyphen between digits (people write 450102 1990 0307 123X)
and refuses to start or end inside a longer digit run, so one long number never yields a
shorter hit from its middle.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from ..model import Span

_NOT_AFTER_DIGIT = r"(?<![0-9A-Za-z])(?<![0-9][ -])"
_NOT_BEFORE_DIGIT = r"(?![0-9A-Za-z])(?![ -][0-9])"
_SEP = r"[ -]?"

_ID18 = re.compile(_NOT_AFTER_DIGIT + r"[1-8]\d(?:" + _SEP + r"\d){15}" + _SEP + r"[\dXx]" + _NOT_BEFORE_DIGIT)
_ID15 = re.compile(_NOT_AFTER_DIGIT + r"[1-8]\d(?:" + _SEP + r"\d){13}" + _NOT_BEFORE_DIGIT)
_CARD = re.compile(_NOT_AFTER_DIGIT + r"[3-69]\d(?:" + _SEP + r"\d){14,17}" + _NOT_BEFORE_DIGIT)
_MOBILE = re.compile(
    r"(?<![0-9A-Za-z+])(?<![0-9][ -])"
    r"(?:(?:\(\+?86\)|\+86|0086|86)" + _SEP + r")?"
    r"1[3-9]\d(?:" + _SEP + r"\d){8}" + _NOT_BEFORE_DIGIT
)
# Area codes: 010 and 02X are three digits, all others four (0XXX).
_LANDLINE = re.compile(
    _NOT_AFTER_DIGIT
    + r"(?:\((?:0(?:10|2\d)|0[3-9]\d\d)\)|(?:0(?:10|2\d)|0[3-9]\d\d))"
    + r" ?-? ?[1-9]\d{2,3}" + _SEP + r"\d{4}" + _NOT_BEFORE_DIGIT
)

# First two digits of a resident ID: the province-level region codes in use.
_PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 "
    "61 62 63 64 65 71 81 82".split()
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def compact(s: str) -> str:
    return re.sub(r"[^0-9Xx]", "", s).upper()


def _valid_date(year: int, month: int, day: int) -> bool:
    if not 1900 <= year <= 2030:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def is_resident_id(digits: str) -> bool:
    """18-digit ID with a real province code, a plausible birth date and a MOD 11-2 checksum."""
    if len(digits) == 15:
        return digits[:2] in _PROVINCE_CODES and digits.isdigit() and _valid_date(
            1900 + int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
        )
    if len(digits) != 18 or digits[:2] not in _PROVINCE_CODES or not digits[:17].isdigit():
        return False
    if not _valid_date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14])):
        return False
    total = sum(int(d) * w for d, w in zip(digits[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == digits[17]


def luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def find_id_numbers(line: str) -> Iterator[Span]:
    for pattern in (_ID18, _ID15):
        for match in pattern.finditer(line):
            if is_resident_id(compact(match.group())):
                yield Span(match.start(), match.end(), "id-number")


def find_bank_cards(line: str) -> Iterator[Span]:
    for match in _CARD.finditer(line):
        digits = compact(match.group())
        if luhn_ok(digits) and not is_resident_id(digits):
            yield Span(match.start(), match.end(), "bank-card")


def find_phones(line: str) -> Iterator[Span]:
    for pattern in (_MOBILE, _LANDLINE):
        for match in pattern.finditer(line):
            yield Span(match.start(), match.end(), "phone")
