"""E-mail addresses, social-media handles and vehicle plates."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import Span

_EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

# Words that name an account explicitly ("微信号", "QQ号"): any 3+ character token after them is a handle.
_ACCOUNT_WORD = (
    r"(?:微信号|微信ID|微信账号|wx号|QQ号码?|qq号码?|QQ账号|抖音号|抖音ID|抖音账号|快手号|快手ID|快手账号"
    r"|微博号|微博ID|微博账号|WeChat\s+ID|Wechat\s+ID|WeChat\s+account|QQ\s+number|Douyin\s+ID|Kuaishou\s+ID|Weibo\s+ID)"
)
# Bare platform names ("微信", "QQ"): only a token with a digit or underscore counts, so "微信 App" is not a handle.
_PLATFORM_WORD = r"(?:微信|WeChat|Wechat|wechat|VX|vx|QQ|qq|抖音|Douyin|快手|Kuaishou|微博|Weibo)"
_JOINER = r"(?:\s*(?:[:=]|是|为)\s*|\s+)"
_TOKEN = r"([A-Za-z0-9][A-Za-z0-9_.\-]{2,29})(?![A-Za-z0-9_])"
_EXPLICIT_HANDLE = re.compile(_ACCOUNT_WORD + r"(?:\s*(?:[:=]|是|为)\s*|\s*)" + _TOKEN)
_BARE_HANDLE = re.compile(r"(?<![A-Za-z])" + _PLATFORM_WORD + r"(?:群)?" + _JOINER + _TOKEN)
_NOT_HANDLES = frozenset({"app", "id", "number", "account", "group", "and", "or", "the", "to", "with"})

_PLATE = re.compile(
    r"(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]"
    r"[A-HJ-NP-Z][· ]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])"
)


def find_emails(line: str) -> Iterator[Span]:
    for match in _EMAIL.finditer(line):
        yield Span(match.start(), match.end(), "email")


def _looks_like_handle(token: str, strict: bool) -> bool:
    if token.lower() in _NOT_HANDLES:
        return False
    if strict:  # bare platform name: demand a digit or an underscore
        return len(token) >= 5 and any(c.isdigit() or c == "_" for c in token)
    return True


def find_handles(line: str) -> Iterator[Span]:
    seen: set[int] = set()
    for pattern, strict in ((_EXPLICIT_HANDLE, False), (_BARE_HANDLE, True)):
        for match in pattern.finditer(line):
            token = match.group(1)
            if match.start(1) not in seen and _looks_like_handle(token, strict):
                seen.add(match.start(1))
                yield Span(match.start(1), match.end(1), "handle")


def find_plates(line: str) -> Iterator[Span]:
    for match in _PLATE.finditer(line):
        tail = match.group()[2:]
        if sum(c.isdigit() for c in tail) >= 2:
            yield Span(match.start(), match.end(), "plate")
