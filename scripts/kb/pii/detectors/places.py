"""Real place names below province level, and institutions named after them (schools, hospitals, offices)."""
from __future__ import annotations

import functools
import re
from typing import Iterator

from .. import gazetteer
from ..model import Span

_INSTITUTION = re.compile(
    r"(?P<mid>[\u4e00-\u9fff0-9]{0,6}?)"
    r"(?:中学|小学|高中|初中|幼儿园|学校|学院|大学|中心校|医院|卫生院|保健院|疾控中心|民政局|公安局|派出所|"
    r"检察院|法院|教育局|司法局|卫健局|人社局|妇联|团委|人民政府|政府|救助站|救助管理站|福利院|儿童之家|"
    r"社工站|未保站|未成年人保护工作站|边境管理大队|边境派出所|海关)"
)
# A "middle" containing these is prose between a place and a generic word ("凭祥市的小学").
_PROSE_CHARS = frozenset("的和与及在有是了到从把被给也都就有各每这那其")


@functools.lru_cache(maxsize=1)
def _dictionary() -> tuple[dict, dict]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def _inside_other_word(line: str, start: int, end: int) -> bool:
    """True when a dictionary word straddles the match edge, e.g. 天等 in 每天等着."""
    freq, tags = _dictionary()
    for i in range(max(0, start - 3), end):
        for length in (2, 3, 4):
            j = i + length
            if j <= start or (i >= start and j <= end) or j > len(line):
                continue
            word = line[i:j]
            if freq.get(word, 0) > 0 and not tags.get(word, "").startswith("ns"):
                return True
    return False


def _institution_end(line: str, end: int) -> int | None:
    match = _INSTITUTION.match(line, end)
    if match is None or _PROSE_CHARS.intersection(match["mid"]):
        return None
    return match.end()


def find_places_and_schools(line: str) -> Iterator[Span]:
    gaz = gazetteer.load()
    for match in gaz.pattern.finditer(line):
        start, end = match.span()
        if gaz.is_bare(match.group()) and _inside_other_word(line, start, end):
            continue
        institution_end = _institution_end(line, end)
        if institution_end is not None:
            yield Span(start, institution_end, "school")
        else:
            yield Span(start, end, "place")
