"""`kb pii PATH...`: report personal data in Markdown, text and YAML files."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Iterable, Iterator, TextIO

import yaml

from .files import scan_file
from .model import PiiFinding

SCANNED_SUFFIXES = frozenset({".md", ".txt", ".yml", ".yaml"})
ALLOWLIST_FILE = Path("scripts/kb/data/pii-allowlist.yml")
_SKIPPED_DIRS = frozenset({".git", "node_modules", "__pycache__", ".venv", "venv"})


def load_allowlist(root: Path) -> list[str]:
    """Texts from scripts/kb/data/pii-allowlist.yml (a list of {text, reason}); [] if absent."""
    path = root / ALLOWLIST_FILE
    if not path.is_file():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [str(entry["text"]) for entry in entries if isinstance(entry, dict) and entry.get("text")]


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d not in _SKIPPED_DIRS and not d.startswith("."))
                for name in sorted(filenames):
                    if Path(name).suffix.lower() in SCANNED_SUFFIXES:
                        yield Path(dirpath) / name
        else:
            yield path  # named explicitly: scan whatever it is, or report why not


def display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _resolve(argument: str, root: Path) -> Path:
    """Relative paths are taken from the repository root, falling back to the working directory."""
    path = Path(argument)
    if path.is_absolute() or not (root / path).exists():
        return path
    return root / path


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kb pii", description="Find personal data in knowledge-base files.")
    parser.add_argument("paths", nargs="+", help="files or directories (*.md *.txt *.yml *.yaml)")
    parser.add_argument("--cache-dir", type=Path, default=None, help="where results of unchanged files are kept (default .kb-cache/pii)")
    return parser.parse_args(argv)


def _report(path: str, findings: list[PiiFinding], out: TextIO) -> None:
    for finding in findings:
        if not finding.suppressed:
            print(f"{path}:{finding.line}:{finding.col}: pii.{finding.kind} {finding.excerpt}", file=out)


def main(argv: list[str], root: Path, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    try:
        args = _parse(argv)
    except SystemExit as stop:  # argparse already printed the usage message
        return 0 if stop.code in (0, None) else 2
    root = Path(root)
    allowlist = load_allowlist(root)
    shown = suppressed = files_with_findings = errors = 0
    for path in iter_files(_resolve(arg, root) for arg in args.paths):
        name = display_path(path, root)
        try:
            findings = scan_file(path, allowlist=allowlist, cache_dir=args.cache_dir or root / ".kb-cache" / "pii")
        except UnicodeDecodeError as error:
            print(f"{name}:1:1: error io.decode: not valid UTF-8 ({error.reason} at byte {error.start})", file=out)
            errors += 1
            continue
        except OSError as error:
            print(f"{name}:1:1: error io.read: {error.strerror or error}", file=out)
            errors += 1
            continue
        _report(name, findings, out)
        visible = [f for f in findings if not f.suppressed]
        shown += len(visible)
        suppressed += len(findings) - len(visible)
        files_with_findings += bool(visible)
    plural = "finding" if shown == 1 else "findings"
    print(f"pii: {shown} {plural} in {files_with_findings} files ({suppressed} suppressed)", file=out)
    return 1 if shown or errors else 0
