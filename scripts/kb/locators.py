"""How provisions are cited: 第十一条第二款 / Art. 11 para. 2."""
from __future__ import annotations

from .model import Provision

DIGITS = "零一二三四五六七八九"
UNITS = ("", "十", "百", "千")


def chinese_number(n: int) -> str:
    """Article numbers as the law writes them: 11 → 十一, 1067 → 一千零六十七."""
    text, pending_zero = [], False
    for position, digit in zip(range(len(str(n)) - 1, -1, -1), map(int, str(n))):
        if digit == 0:
            pending_zero = True
            continue
        if pending_zero and text:
            text.append("零")
        pending_zero = False
        text.append(DIGITS[digit] + UNITS[position])
    result = "".join(text)
    return result[1:] if result.startswith("一十") else result


def locator(card: Provision, lang: str) -> str:
    """'第十一条第二款' / 'Art. 11 para. 2'; policy documents: '二（一）' / 'Part 2 (1)'."""
    if lang == "zh":
        if card.article:
            text = f"第{chinese_number(card.article)}条"
            text += f"第{chinese_number(card.paragraph)}款" if card.paragraph else ""
            return text + (f"第（{chinese_number(card.item)}）项" if card.item else "")
        return f"第{chinese_number(card.part)}部分" + (f"第（{chinese_number(card.section)}）项" if card.section else "")
    if card.article:
        text = f"Art. {card.article}" + (f" para. {card.paragraph}" if card.paragraph else "")
        return text + (f" item ({card.item})" if card.item else "")
    return f"Part {card.part}" + (f" ({card.section})" if card.section else "")
