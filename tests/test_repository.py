"""The repository's own content: it passes every check and builds."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kbtest import REPO, run_kb
from kb.checks import run_checks
from kb.schemas import schema_for
from kb.sources import load_project

REFERENCE_LAWS = REPO.parent / "shared" / "reference" / "laws"


def test_kb_check_passes_on_the_repository():
    result = run_kb(REPO, "check")
    assert result.returncode == 0, result.stdout[-4000:]


def test_no_inline_pii_suppressions_in_published_content():
    findings = run_checks(load_project(REPO))
    assert [f.format() for f in findings if f.rule == "pii.suppressed"] == []


def test_schemas_are_up_to_date():
    result = run_kb(REPO, "schemas", "--check")
    assert result.returncode == 0, result.stdout


def test_case_schema_lists_vocabulary_ids():
    schema = schema_for("case")
    assert "child_director" in schema["properties"]["actors"]["items"]["enum"]
    assert schema["properties"]["plight"]["enum"] == ["absence", "improper", "infringement"]
    json.dumps(schema)  # serialisable


def test_slice_content_exists_in_both_languages():
    project = load_project(REPO)
    assert {"zh", "en"} <= set(project.pages["index"].files)
    assert len([c for c in project.cases.values() if {"zh", "en"} <= set(c.files)]) >= 2
    assert len(project.roles) >= 2
    verified = [card for card, _ in project.provisions.values() if card.verification.status == "verified"]
    assert len(verified) >= 3
    assert sum(len(entry.bank.questions) for entry in project.banks.values()) >= 5


@pytest.mark.skipif(not REFERENCE_LAWS.is_dir(), reason="reference texts are not beside this checkout")
def test_verified_cards_match_the_reference_texts():
    result = run_kb(REPO, "verify-citations", "--texts", str(REFERENCE_LAWS))
    assert result.returncode == 0, result.stdout[-4000:]


def test_repository_builds(tmp_path: Path):
    result = run_kb(REPO, "build", "--site", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout[-4000:]
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "en" / "index.html").is_file()


def test_generated_markdown_does_not_depend_on_the_hash_seed():
    """Two processes (each with its own string-hash seed) render the same pages: builds are reproducible
    whatever the set and dict iteration order. The glossary has terms of equal length, which once
    were annotated in set order."""
    script = ("import hashlib, json; from pathlib import Path; from kb.sources import load_project; "
              "from kb.stage import render_site; p = load_project(Path('.')); "
              "print(hashlib.sha256(json.dumps([render_site(p, l) for l in ('zh', 'en')], sort_keys=True)"
              ".encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True,
                              env=dict(os.environ, PYTHONHASHSEED=seed)).stdout for seed in ("1", "2")}
    assert len(digests) == 1
