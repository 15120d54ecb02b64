"""`kb verify-citations`: cited article, paragraph and item exist; key terms occur in them."""
from __future__ import annotations

import pytest

from kb.citations import cited_text, _lines
from kb.locators import chinese_number, locator
from kb.model import Provision
from kbtest import DOC, FIXTURES, edit, run_kb

LAWS = FIXTURES / "laws"


def verify(root):
    return run_kb(root, "verify-citations", "--texts", str(LAWS))


def test_clean_cards_verify(mini):
    result = verify(mini)
    assert result.returncode == 0 and "3 verified cards checked" in result.stdout


@pytest.mark.parametrize("old,new,rule", [
    ("paragraph: 1\n", "paragraph: 3\n", "citation.article"),            # Art. 2 has two paragraphs
    ("article: 3\n    version", "article: 9\n    version", "citation.article"),  # no Art. 9
    ("key_terms: [应当立即报告]", "key_terms: [应当当天报告]", "citation.key-term"),
    ("reference: mini-law", "reference: no-such-law", "citation.reference"),
])
def test_wrong_citations_are_reported_with_file_and_line(mini, old, new, rule):
    edit(mini, DOC, old, new)
    result = verify(mini)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "docs/provisions/ml.yml:" in result.stdout and f"error {rule}:" in result.stdout


def test_items_and_paragraphs_are_located():
    lines = _lines(str(LAWS / "mini-law.md"))
    item = Provision.model_construct(article=3, paragraph=None, item=2, part=None, section=None)
    assert cited_text(lines, item).startswith("（二）监护人严重伤害儿童")
    second = Provision.model_construct(article=2, paragraph=2, item=None, part=None, section=None)
    assert cited_text(lines, second) == "有关部门接到报告后，应当及时处置。"


def test_chinese_numbers_and_locators():
    assert [chinese_number(n) for n in (10, 11, 92, 105, 1067)] == ["十", "十一", "九十二", "一百零五", "一千零六十七"]
    card = Provision.model_construct(article=11, paragraph=2, item=None, part=None, section=None)
    assert locator(card, "zh") == "第十一条第二款" and locator(card, "en") == "Art. 11 para. 2"
