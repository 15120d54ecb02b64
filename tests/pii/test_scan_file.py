"""scan_file: front-matter pseudonyms, suppression, full-width input, cache."""
from pathlib import Path

import pytest

import kb.pii.scanner
from kb.pii import DETECTOR_VERSION, PiiFinding, mask, scan_file, scan_text
from kb.pii.normalise import normalise


def write(tmp_path: Path, text: str, name: str = "case.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_public_api_shape():
    finding = PiiFinding(1, 2, "phone", "138****5678")
    assert finding.suppressed is False
    assert isinstance(DETECTOR_VERSION, str) and DETECTOR_VERSION
    with pytest.raises(Exception):
        finding.line = 3  # frozen


@pytest.mark.parametrize("raw,masked", [
    ("13812345678", "138****5678"),
    ("45148120120307002X", "4514**********002X"),
    ("zhang@qq.com", "z***@qq.com"),
])
def test_mask(raw, masked):
    assert mask(raw) == masked


def test_normalise_keeps_length_and_folds_full_width():
    text = "电话：１３９－７７１１　２３４５，ＡＢ"
    assert len(normalise(text)) == len(text)
    assert normalise(text) == "电话:139-7711 2345,AB"


def test_full_width_phone_reports_original_column():
    text = "奶奶电话：１３９７７１１２３４５。"
    [finding] = scan_text(text)
    assert (finding.kind, finding.col) == ("phone", 6)
    assert finding.excerpt == "139****2345"


def test_front_matter_pseudonyms_are_respected(tmp_path):
    path = write(tmp_path, "---\npseudonyms: [黄丽, 李某]\n---\n黄丽说她很累。\n")
    assert scan_file(path) == []
    assert [f.kind for f in scan_text(path.read_text(encoding="utf-8"))] == ["name"]


def test_broken_front_matter_yaml_means_no_pseudonyms(tmp_path):
    path = write(tmp_path, "---\npseudonyms: [黄丽\n---\n黄丽说她很累。\n")
    assert [f.kind for f in scan_file(path)] == ["name"]


def test_unclosed_front_matter_is_tolerated(tmp_path):
    path = write(tmp_path, "---\ntitle: x\n手机13977112345\n")
    assert [f.kind for f in scan_file(path)] == ["phone"]


def test_front_matter_itself_is_scanned():
    text = "---\ncontact: 13977112345\n---\n正文\n"
    assert [(f.line, f.kind) for f in scan_text(text)] == [(2, "phone")]


def test_inline_suppression_marks_the_line():
    text = "总机0771-5231888 <!-- pii-ok: 县民政局公开总机 -->\n手机13977112345\n"
    findings = scan_text(text)
    assert [(f.line, f.suppressed) for f in findings] == [(1, True), (2, False)]


def test_suppression_without_reason_does_not_suppress():
    findings = scan_text("手机13977112345 <!-- pii-ok: -->")
    assert [f.suppressed for f in findings] == [False]


def test_cache_hit_skips_the_detectors(tmp_path, monkeypatch):
    path = write(tmp_path, "手机13977112345\n")
    cache_dir = tmp_path / "cache"
    calls = []
    real_scan = kb.pii.scanner.scan_text
    monkeypatch.setattr(kb.pii.scanner, "scan_text", lambda *a, **k: calls.append(1) or real_scan(*a, **k))
    first = scan_file(path, cache_dir=cache_dir)
    second = scan_file(path, cache_dir=cache_dir)
    assert first == second and len(first) == 1
    assert len(calls) == 1
    path.write_text("手机13977112346\n", encoding="utf-8")
    scan_file(path, cache_dir=cache_dir)
    assert len(calls) == 2  # changed content: scanned again
    scan_file(path, cache_dir=cache_dir, allowlist=["x"])
    assert len(calls) == 3  # changed allowlist: scanned again


def test_corrupt_cache_entry_is_rescanned(tmp_path):
    path = write(tmp_path, "手机13977112345\n")
    cache_dir = tmp_path / "cache"
    scan_file(path, cache_dir=cache_dir)
    for entry in cache_dir.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert len(scan_file(path, cache_dir=cache_dir)) == 1
