"""Helpers shared by the tests: the fixture project, running kb, editing fixture files."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

CASE = "cases/c001.zh.md"
BANK = "quizzes/m01.yml"
DOC = "docs/provisions/ml.yml"


def copy_mini(target: Path) -> Path:
    shutil.copytree(FIXTURES / "mini", target)
    shutil.copyfile(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def run_kb(root: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kb.cli", *args], cwd=cwd or root,
                          capture_output=True, text=True, timeout=600)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(root: Path, rel: str, text: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
