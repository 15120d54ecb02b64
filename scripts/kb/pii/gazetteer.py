"""Real place names from scripts/kb/data/gazetteer/, compiled into one fast trie regex.

Full names (凭祥市, 爱店镇) always count. Bare names (凭祥, 龙州) count only for Guangxi
prefectures and counties and Guangdong prefectures, minus those listed in
bare-needs-suffix.txt because they are also everyday words (江南, 资源, 乐业 ...).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
DIVISIONS_FILE = DATA_DIR / "cn-divisions.tsv"
NEEDS_SUFFIX_FILE = DATA_DIR / "bare-needs-suffix.txt"

_ETHNIC_COUNTY = re.compile(r"^(?P<base>.{2,}?)(?:各族|[\u4e00-\u9fff]{1,6}?族)+自治(?P<suffix>县|州)$")
_ETHNIC_TOWN = re.compile(r"^(?P<base>.{2,}?)[\u4e00-\u9fff]{1,3}族(?P<suffix>乡|镇)$")
_SUFFIXES = ("自治县", "街道", "地区", "市", "县", "区", "盟", "镇", "乡")
_BARE_PROVINCES = ("44", "45")  # Guangdong and Guangxi


@dataclass(frozen=True)
class Gazetteer:
    full_names: frozenset[str]
    bare_names: frozenset[str]
    pattern: re.Pattern  # matches any full or bare name, longest first

    def is_bare(self, name: str) -> bool:
        return name in self.bare_names and name not in self.full_names


def _read_rows(path: Path) -> list[tuple[str, str, int]]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or raw.startswith("code\t") or not raw.strip():
            continue
        code, name, level, _parent = raw.split("\t")
        rows.append((code, name, int(level)))
    return rows


def _read_words(path: Path) -> frozenset[str]:
    if not path.exists():
        return frozenset()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def _short_forms(name: str) -> list[str]:
    """龙胜各族自治县 -> 龙胜县; 古寨瑶族乡 -> 古寨乡."""
    for pattern in (_ETHNIC_COUNTY, _ETHNIC_TOWN):
        match = pattern.match(name)
        if match:
            return [match["base"] + match["suffix"]]
    return []


def _strip_suffix(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _full_name_ok(name: str) -> bool:
    return len(name) >= 3 or (len(name) == 2 and name.endswith("县"))


def trie_regex(words: set[str] | frozenset[str]) -> str:
    """A regex alternation shaped as a prefix trie, so longer names win and matching is fast."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def render(node: dict) -> str:
        ends_here = "" in node
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends_here else body

    return render(trie)


def _bare_form_allowed(code: str, level: int) -> bool:
    """Bare names for Guangxi and Guangdong prefectures and for Guangxi counties only."""
    province = code[:2]
    return (level == 2 and province in _BARE_PROVINCES) or (level == 3 and province == "45")


def build(rows: list[tuple[str, str, int]], needs_suffix: frozenset[str]) -> Gazetteer:
    full: set[str] = set()
    bare: set[str] = set()
    for code, name, level in rows:
        forms = [name, *_short_forms(name)]
        full.update(form for form in forms if _full_name_ok(form))
        if _bare_form_allowed(code, level):
            for form in forms:
                stem = _strip_suffix(form)
                if len(stem) >= 2 and stem not in needs_suffix:
                    bare.add(stem)
    pattern = re.compile(trie_regex(full | bare))
    return Gazetteer(frozenset(full), frozenset(bare), pattern)


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    return build(_read_rows(DIVISIONS_FILE), _read_words(NEEDS_SUFFIX_FILE))
