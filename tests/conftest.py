"""Shared fixtures: a small valid project (tests/fixtures/mini) copied into a temporary folder."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def copy_mini(target: Path) -> Path:
    shutil.copytree(FIXTURES / "mini", target)
    shutil.copyfile(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_mini(tmp_path / "project")


def run_kb(root: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], cwd=cwd or root,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory) -> Path:
    """The fixture project, built once for the integration tests that only read the site."""
    root = copy_mini(tmp_path_factory.mktemp("built") / "project")
    result = run_kb(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root
