"""A case page does not grow when the library grows (cases are listed on index pages, not in the nav)."""
from __future__ import annotations

from kb.bench import make_project, synthetic_case
from kb.checks import run_checks
from kb.sources import load_project
from kbtest import FIXTURES, REPO, run_kb


def test_synthetic_cases_are_valid(tmp_path):
    make_project(FIXTURES / "mini", tmp_path / "p", 3)
    (tmp_path / "p" / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
    errors = [f.format() for f in run_checks(load_project(tmp_path / "p")) if f.severity == "error"]
    assert errors == []
    assert "c1002" in synthetic_case(1002, "zh")


def test_case_page_html_does_not_grow_with_the_number_of_cases(tmp_path):
    sizes = {}
    for count in (30, 500):
        project = make_project(FIXTURES / "mini", tmp_path / f"p{count}", count)
        (project / "mkdocs.yml").write_bytes((REPO / "mkdocs.yml").read_bytes())
        result = run_kb(project, "build")
        assert result.returncode == 0, result.stdout[-2000:]
        sizes[count] = (project / "site" / "cases" / "c1000" / "index.html").stat().st_size
    assert sizes[500] <= sizes[30] * 1.01, sizes
