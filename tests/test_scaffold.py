"""`kb new-case` writes a case that passes kb check apart from text still to be written."""
from __future__ import annotations

from kbtest import run_kb

FLAGS = ["--title", "测试案例", "--plight", "absence", "--subtypes", "death,missing", "--dimensions", "basic_life",
         "--actors", "child_director,police", "--stages", "identify,act", "--risk", "low", "--use", "typical"]


def test_new_case_scaffold_passes_check_with_only_warnings(mini):
    result = run_kb(mini, "new-case", *FLAGS)
    assert result.returncode == 0, result.stderr
    assert (mini / "cases" / "c002.zh.md").is_file() and (mini / "cases" / "c002.en.md").is_file()
    check = run_kb(mini, "check")
    assert check.returncode == 0, check.stdout
    assert "cases/c002.zh.md" in check.stdout and "warning case.todo" in check.stdout
    assert " error " not in check.stdout


def test_new_case_takes_the_next_free_id(mini):
    run_kb(mini, "new-case", *FLAGS)
    run_kb(mini, "new-case", *FLAGS)
    assert (mini / "cases" / "c003.zh.md").is_file()


def test_new_case_rejects_unknown_vocabulary_with_the_choices(mini):
    result = run_kb(mini, "new-case", *FLAGS[:-2], "--use", "exemplary")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--use: 'exemplary' is not a teaching_use id; choose from: typical" in result.stderr
    assert not (mini / "cases" / "c002.zh.md").exists()


def test_new_case_lists_missing_fields(mini):
    result = run_kb(mini, "new-case", "--title", "x")
    assert result.returncode == 1 and "--plight: required" in result.stderr
