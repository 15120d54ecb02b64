"""Fixtures: a small valid project (tests/fixtures/mini) copied into a temporary folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from kbtest import copy_mini, run_kb


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_mini(tmp_path / "project")


@pytest.fixture(scope="session")
def built_mini(tmp_path_factory) -> Path:
    """The fixture project, built once for the integration tests that only read the site."""
    root = copy_mini(tmp_path_factory.mktemp("built") / "project")
    result = run_kb(root, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return root
