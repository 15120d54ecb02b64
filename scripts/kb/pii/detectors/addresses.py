"""House-level street addresses. A pseudonymous '某村' or bare 'A村' is not an address."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Span

_CJK = r"[\u4e00-\u9fff]"
_NUM = r"(?:\d+|[一二三四五六七八九十]+)"
# Words that may stand before 村/路 without being part of the name.
_DETERMINERS = "该本各全每某此邻同另这那其原两"

_PATTERNS = (
    # 民主路12号, 解放大街3号, 中山路128号院
    re.compile(r"(?P<name>" + _CJK + r"{2,5})(?:路|街|大道|大街|巷|弄)" + r"\d+(?:-\d+)?号(?:院|楼)?"),
    # 那坡村3组12号, A村3组12号, 弄堪屯15号
    re.compile(r"(?P<name>" + _CJK + r"{1,5}|[A-Z])村" + _NUM + r"[组队]" + r"\d+号"),
    re.compile(r"(?P<name>" + _CJK + r"{2,5})[屯组]" + r"\d+号"),
    # 那坡村3组 (a real-looking village name with a group number)
    re.compile(r"(?P<name>" + _CJK + r"{2,4})村" + _NUM + r"[组队](?!\d*号)"),
    # 3栋2单元501室, 5号楼2单元, 2单元501室
    re.compile(r"\d+(?:栋|幢|号楼)(?:\d+单元)?\d+(?:室|号|房)"),
    re.compile(r"\d+(?:栋|幢|号楼)\d+单元"),
    re.compile(r"\d+单元\d+(?:室|房|号)"),
    # XX社区5号楼, 幸福小区3栋
    re.compile(r"(?P<name>" + _CJK + r"{2,6})(?:社区|小区|花园|公寓|新村)\d+(?:号楼|栋|幢|号)"),
    # English: No. 12 Minzhu Road, Room 501, Building 3
    re.compile(r"\b(?:No\.\s*)?\d{1,5},?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Road|Street|Avenue|Lane|Lu|Jie)\b"),
    re.compile(r"\bRoom\s+\d{2,5},?\s+(?:Building|Block|Unit)\s+\d+\b"),
)
_LEADING_VERBS = re.compile(r"^(?:家住|住在|住址|地址|位于|来自|搬到|搬去|前往|回到|住|在|到|去|于|是|为)")


def _pseudonymous(name: str | None) -> bool:
    if name is None:
        return False
    return "某" in name or name[-1] in _DETERMINERS or name in ("村", "县城")


def _trim_start(line: str, match: re.Match) -> int:
    """Drop a leading verb such as 家住 that the greedy name group swallowed."""
    start = match.start()
    lead = _LEADING_VERBS.match(line, start, match.end())
    return lead.end() if lead else start


def find_addresses(line: str) -> Iterator[Span]:
    for pattern in _PATTERNS:
        for match in pattern.finditer(line):
            name = match.groupdict().get("name")
            if name is not None and (_pseudonymous(name) or name[0] in _DETERMINERS and len(name) == 1):
                continue
            start = _trim_start(line, match)
            if name is not None and "村" in match.group() and _pseudonymous(line[start : match.start("name") + len(name)]):
                continue
            yield Span(start, match.end(), "address")
