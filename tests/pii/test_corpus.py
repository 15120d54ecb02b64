"""Recall on planted identifiers and silence on clean, properly anonymised prose."""
import re
from functools import lru_cache
from pathlib import Path

import pytest

from kb.pii import scan_file
from kb.pii.cli import main

CORPUS = Path(__file__).parent / "corpus"

HARD = {"id-number", "phone", "bank-card", "email"}
CLEAN_FILES = sorted(p.name for p in CORPUS.glob("clean-*.md"))


@lru_cache(maxsize=None)
def findings_of(name: str):
    return tuple(scan_file(CORPUS / name))


def is_found(item: dict) -> bool:
    line = (CORPUS / item["file"]).read_text(encoding="utf-8").splitlines()[item["line"] - 1]
    start = line.index(item["text"])
    end = start + len(item["text"])
    return any(
        f.line == item["line"] and f.kind == item["kind"] and start - 10 <= f.col - 1 < end
        for f in findings_of(item["file"])
    )


def test_every_hard_identifier_is_found(planted):
    missed = [i for i in planted if i["kind"] in HARD and not is_found(i)]
    assert not missed


def test_overall_recall_is_at_least_95_percent(planted):
    found = [i for i in planted if is_found(i)]
    recall = len(found) / len(planted)
    print(f"\nPII recall: {len(found)}/{len(planted)} = {recall:.1%}")
    assert recall >= 0.95, [i for i in planted if not is_found(i)]


def test_every_kind_is_planted(planted):
    kinds = {i["kind"] for i in planted}
    assert kinds == {"id-number", "phone", "email", "handle", "bank-card", "plate",
                     "birthdate", "address", "name", "place", "school"}


@pytest.mark.parametrize("name", CLEAN_FILES)
def test_clean_file_has_no_findings(name):
    assert findings_of(name) == ()


def test_clean_corpus_exists():
    assert len(CLEAN_FILES) >= 3


def _digits(text: str) -> str:
    from kb.pii.normalise import normalise
    return re.sub(r"[^0-9A-Za-z@.]", "", normalise(text))


def test_excerpts_never_contain_a_full_hard_identifier(planted):
    hard = [i for i in planted if i["kind"] in HARD | {"handle", "plate"}]
    excerpts = [_digits(f.excerpt) for name in {i["file"] for i in planted} for f in findings_of(name)]
    for item in hard:
        raw = _digits(item["text"])
        assert not any(raw in e for e in excerpts), item


def test_cli_output_never_contains_a_full_hard_identifier(planted, capsys):
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    main([str(CORPUS)], root)
    output = re.sub(r"[\s\-()+·]", "", capsys.readouterr().out)
    for item in planted:
        if item["kind"] in HARD:
            assert _digits(item["text"]) not in output, item
