"""Integration: build the fixture project and check the site the way a reader and a maintainer would."""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

import jieba

from kbtest import CASE, copy_mini, edit, run_kb
from kb.stage import search_dictionary

ALTERNATE = re.compile(r'<a href="(?P<href>[^"]+)"[^>]*data-kb-alternate="(?P<lang>zh|en)"', re.S)
EXTERNAL_RESOURCE = re.compile(
    r'<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc="(?:https?:)?//'
    r'|<link\b(?![^>]*rel="(?:alternate|canonical)")[^>]*\bhref="(?:https?:)?//', re.S)
CSS_EXTERNAL = re.compile(r'(?:url\(\s*["\']?|@import\s+["\'])(?:https?:)?//')


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_both_languages_exist_for_every_page(built_mini):
    site = built_mini / "site"
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    zh = {p.relative_to(site).as_posix() for p in html_pages(site) if not p.relative_to(site).as_posix().startswith("en/")}
    en = {p.relative_to(site / "en").as_posix() for p in html_pages(site / "en")}
    assert zh == en
    assert {"cases/c001/index.html", "provisions/ml/ml-2-1/index.html", "roles/child_director/index.html",
            "quizzes/m01/index.html", "modules/m01/index.html"} <= zh


def test_language_switch_leads_to_the_same_page_in_the_other_language(built_mini):
    site = built_mini / "site"
    for page in html_pages(site):
        rel = page.relative_to(site).as_posix()
        if rel.endswith("404.html"):
            continue
        links = {m["lang"]: m["href"] for m in ALTERNATE.finditer(page.read_text(encoding="utf-8"))}
        assert set(links) == {"zh", "en"}, rel
        for lang, href in links.items():
            target = posixpath.normpath(posixpath.join(posixpath.dirname(rel), href))
            target_file = site / target / "index.html" if not target.endswith(".html") else site / target
            assert target_file.is_file(), f"{rel}: switch to {lang} → {href}"
            same_page = rel if rel.startswith("en/") == (lang == "en") else (
                rel.removeprefix("en/") if lang == "zh" else "en/" + rel)
            assert target_file.relative_to(site).as_posix() == same_page


def test_untranslated_page_is_served_with_a_notice(built_mini):
    page = (built_mini / "site" / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert "Not yet translated" in page and "只有中文" in page


def test_chinese_search_index_is_segmented_with_domain_terms(built_mini):
    index = json.loads((built_mini / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    assert "\u200b" in text, "Chinese text is not segmented"
    assert re.search(r"(^|[\s\u200b])强制报告([\s\u200b。]|$)", text), "强制报告 is not one search term"
    english = json.loads((built_mini / "site" / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert all("\u200b" not in doc["title"] for doc in english["docs"]), "Chinese index leaked into English"


def test_search_dictionary_keeps_domain_terms_whole(tmp_path):
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text(search_dictionary(), encoding="utf-8")
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(dictionary))
    for term in ("事实无人抚养儿童", "强制报告", "临时监护", "撤销监护资格", "儿童督导员", "儿童主任"):
        assert term in list(tokenizer.cut(f"关于{term}的规定")), term


def test_no_page_loads_anything_from_another_host(built_mini):
    site = built_mini / "site"
    for page in html_pages(site):
        match = EXTERNAL_RESOURCE.search(page.read_text(encoding="utf-8"))
        assert not match, f"{page.relative_to(site)}: {match[0]}"
    for sheet in site.rglob("*.css"):
        match = CSS_EXTERNAL.search(sheet.read_text(encoding="utf-8"))
        assert not match, f"{sheet.relative_to(site)}: {match[0]}"


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_failed_build_leaves_the_previous_site_intact(tmp_path):
    root = copy_mini(tmp_path / "project")
    assert run_kb(root, "build").returncode == 0
    before = tree_digest(root / "site")
    edit(root, CASE, "risk_level: medium", "risk_level: severe")
    result = run_kb(root, "build")
    assert result.returncode == 1 and "site/ left unchanged" in result.stdout
    assert tree_digest(root / "site") == before
    assert not list(root.glob(".kb-build-*")), "temporary build folder left behind"


def test_engine_failure_leaves_the_previous_site_intact(tmp_path):
    root = copy_mini(tmp_path / "project")
    assert run_kb(root, "build").returncode == 0
    before = tree_digest(root / "site")
    # A snippet include of a missing file passes kb's source checks but fails the engine (strict).
    edit(root, "docs/about.zh.md", "只有中文。", '只有中文。\n\n--8<-- "missing-snippet.md"\n')
    result = run_kb(root, "build")
    assert result.returncode == 1, result.stdout
    assert "docs/about.zh.md" in result.stdout and "Traceback" not in result.stdout + result.stderr
    assert tree_digest(root / "site") == before


def test_two_builds_are_byte_identical(tmp_path):
    root = copy_mini(tmp_path / "project")
    assert run_kb(root, "build", "--site", str(tmp_path / "one")).returncode == 0
    assert run_kb(root, "build", "--site", str(tmp_path / "two")).returncode == 0
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "two")


def test_cases_stay_out_of_the_navigation(built_mini):
    page = (built_mini / "site" / "cases" / "index.html").read_text(encoding="utf-8")
    sidebar = page[page.index('class="md-nav md-nav--primary"'): page.index('class="md-content"')]
    assert 'href="./"' in sidebar or 'href="."' in sidebar  # the case index itself is in the nav
    assert "c001" not in sidebar  # the cases are listed on the page, not in the nav
    assert "c001" in page[page.index('class="md-content"'):]
