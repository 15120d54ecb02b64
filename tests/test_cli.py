"""`kb check` from the command line: every bad input gives exit 1, the file and line, no traceback."""
from __future__ import annotations

import re

import pytest

from kbtest import BANK, CASE, edit, run_kb, write

LINE = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<rule>[a-z0-9.-]+): \S")

BAD_INPUTS = {
    "invalid UTF-8": (lambda r: write(r, "cases/c002.zh.md", "---\nid: c002\ntitle: 标题\n---\n".encode("gbk")), "cases/c002.zh.md", 3),
    "empty file": (lambda r: write(r, "cases/c002.zh.md", ""), "cases/c002.zh.md", 1),
    "unclosed front matter": (lambda r: write(r, "cases/c002.zh.md", "---\nid: c002\ntitle: x\n\n## 背景\n"), "cases/c002.zh.md", 1),
    "YAML syntax error": (lambda r: edit(r, CASE, "risk_level: medium", "risk_level: medium: high"), CASE, 14),
    "missing required field": (lambda r: edit(r, CASE, "summary: 父母外出务工，祖母无力照料，儿童主任发现后报告。\n", ""), CASE, 2),
    "wrong type": (lambda r: edit(r, CASE, "stages: [identify, act]", "stages: 3"), CASE, 9),
    "unknown vocabulary id": (lambda r: edit(r, CASE, "risk_level: medium", "risk_level: severe"), CASE, 14),
    "duplicate id": (lambda r: edit(r, BANK, "id: m01-q05", "id: m01-q04"), BANK, None),
    "missing provision": (lambda r: edit(r, CASE, "provisions: [ml-2-1, ml-3]", "provisions: [ml-2-1, ml-404]"), CASE, 18),
    "missing case": (lambda r: edit(r, BANK, "    case: c001", "    case: c777"), BANK, None),
    "link to a missing page": (lambda r: edit(r, "docs/about.zh.md", "(index.md#principles)", "(gone.md)"), "docs/about.zh.md", 3),
    "link to a missing anchor": (lambda r: edit(r, "docs/about.zh.md", "(index.md#principles)", "(index.md#gone)"), "docs/about.zh.md", 3),
    "forbidden HTML element": (lambda r: edit(r, "docs/index.zh.md", "强制报告。", "<script>alert(1)</script>"), "docs/index.zh.md", 7),
    "broken quiz bank": (lambda r: write(r, BANK, "module: m01\nquestions:\n  - id: [\n"), BANK, None),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_a_clear_error(mini, name):
    mutate, path, line = BAD_INPUTS[name]
    mutate(mini)
    result = run_kb(mini, "check")
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    errors = [m for m in map(LINE.match, result.stdout.splitlines()) if m and m["sev"] == "error"]
    assert any(m["path"] == path for m in errors), result.stdout
    if line is not None:
        assert any(m["path"] == path and int(m["line"]) == line for m in errors), result.stdout


def test_clean_project_exits_0_with_a_summary(mini):
    result = run_kb(mini, "check")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.strip().splitlines()
    assert lines[-1].startswith("kb check: 0 errors")
    assert lines[-3].startswith("translations: zh 4/4 pages, 1/1 cases; en 3/4 pages, 1/1 cases")
    assert lines[-2] == "personal-data suppressions: 0"


def test_warnings_never_fail(mini):
    result = run_kb(mini, "check")
    assert "warning i18n.untranslated" in result.stdout and result.returncode == 0


def test_check_only_given_paths(mini):
    edit(mini, "docs/about.zh.md", "(index.md#principles)", "(gone.md)")
    assert run_kb(mini, "check", "docs/about.zh.md").returncode == 1
    result = run_kb(mini, "check", "cases/c001.zh.md")
    assert result.returncode == 0 and "about.zh.md" not in result.stdout


def test_works_from_a_subfolder(mini):
    edit(mini, CASE, "risk_level: medium", "risk_level: severe")
    result = run_kb(mini, "check", cwd=mini / "cases")
    assert result.returncode == 1
    assert "cases/c001.zh.md:14:" in result.stdout  # paths stay relative to the project root


def test_outside_a_project_is_a_one_line_error(tmp_path):
    result = run_kb(tmp_path, "check")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "no project root" in result.stderr


def test_each_finding_links_its_rule_documentation(mini):
    edit(mini, CASE, "risk_level: medium", "risk_level: severe")
    result = run_kb(mini, "check")
    line = next(line for line in result.stdout.splitlines() if " vocab.unknown: " in line)
    assert line.endswith("/contributing/rules/#vocab-unknown]")
