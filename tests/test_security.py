"""Content security, images, links and personal data through the whole pipeline."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from kb.checks import run_checks
from kb.harden import INLINE_SCRIPT, script_hash
from kb.linkcheck import check_external, external_links, report
from kb.localserver import serve_folder
from kb.crawl import crawl, run_linkchecker
from kb.sitecheck import check_site
from kb.sources import load_project
from kbtest import CASE, FIXTURES, edit, run_kb

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
PLANTED = FIXTURES.parent / "pii" / "corpus"


# ----------------------------------------------------------------------------- CSP
def test_every_page_has_a_strict_csp_covering_exactly_its_inline_scripts(built_mini):
    for page in (built_mini / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        match = CSP.search(html)
        assert match, f"{page}: no CSP"
        policy = dict(part.strip().split(" ", 1) for part in match[1].split(";"))
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert "unsafe-inline" not in match[1] and "unsafe-eval" not in match[1]
        hashes = {script_hash(m[1]) for m in INLINE_SCRIPT.finditer(html)}
        assert set(policy["script-src"].split()) == {"'self'"} | hashes
        assert html.index("Content-Security-Policy") < html.index("<script")


def test_no_inline_event_handlers_in_the_built_site(built_mini):
    handler = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
    for page in (built_mini / "site").rglob("*.html"):
        assert not handler.search(page.read_text(encoding="utf-8")), page


# ----------------------------------------------------------------------------- images
def photo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (8, 8), "red")
    exif = image.getexif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "PhoneModel"  # Model
    exif[0x8825] = {1: "N", 2: (22.0, 6.0, 0.0)}  # GPS latitude
    image.save(path, exif=exif)
    return path


def test_image_metadata_is_reported_and_scrubbed(mini):
    photo(mini / "docs" / "img" / "visit.jpg")
    hits = [f for f in run_checks(load_project(mini)) if f.rule == "image.metadata"]
    assert hits and "GPS location" in hits[0].message and "Model" in hits[0].message
    result = run_kb(mini, "scrub", "docs/img/visit.jpg")
    assert result.returncode == 0 and "removed" in result.stdout
    assert not [f for f in run_checks(load_project(mini)) if f.rule == "image.metadata"]
    with Image.open(mini / "docs" / "img" / "visit.jpg") as image:
        assert not image.getexif() and image.size == (8, 8)


def test_images_in_cases_must_be_declared_illustrations(mini):
    path = mini / "cases" / "img" / "drawing.png"
    path.parent.mkdir(parents=True)
    Image.new("RGB", (4, 4), "blue").save(path)
    assert [f for f in run_checks(load_project(mini)) if f.rule == "image.undeclared"]
    edit(mini, CASE, "pseudonyms: [小宁, 韦某]",
         "pseudonyms: [小宁, 韦某]\nimages: [{file: img/drawing.png, kind: illustration, alt: 一幅画}]")
    findings = run_checks(load_project(mini))
    assert not [f for f in findings if f.rule.startswith("image.")]
    edit(mini, CASE, "img/drawing.png", "img/missing.png")
    assert [f for f in run_checks(load_project(mini)) if f.rule == "image.missing"]


# ----------------------------------------------------------------------------- links
def test_linkchecker_passes_on_the_built_site(built_mini):
    assert run_linkchecker(built_mini / "site") == []


def html_site(folder: Path, pages: dict[str, str]) -> Path:
    """A built site in miniature: site-relative file -> body."""
    for rel, body in pages.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(f"<html><body>{body}</body></html>")
    return folder


def test_linkchecker_reports_a_broken_raw_html_link(tmp_path):
    site = html_site(tmp_path / "site", {"index.html": '<a href="a/">a</a> <a href="missing/">x</a>',
                                         "a/index.html": "ok"})
    problems = run_linkchecker(site)
    assert len(problems) == 1 and "missing/" in problems[0].message and problems[0].page == "index.html"


def test_linkchecker_follows_links_between_the_language_trees(tmp_path):
    """The two crawls (root and /en/) each check links into the other tree."""
    site = html_site(tmp_path / "site", {"index.html": '<a href="en/">en</a> <a href="en/gone/">x</a>',
                                         "en/index.html": '<a href="a/">a</a> <a href="../missing/">y</a>',
                                         "en/a/index.html": '<a href="../../">zh</a>'})
    problems = sorted((p.page, p.message.split(": ")[1]) for p in run_linkchecker(site))
    assert [page for page, _ in problems] == ["en/index.html", "index.html"]
    assert "missing/" in problems[0][1] and "en/gone/" in problems[1][1]


def test_linkchecker_checks_pages_no_link_leads_to(tmp_path):
    site = html_site(tmp_path / "site", {"index.html": "home", "orphan/index.html": '<a href="../gone/">x</a>'})
    report = check_site(site)
    assert report.unlinked == ["index.html", "orphan/index.html"]  # the home page is where crawls begin
    assert run_linkchecker(site) == []  # a crawl from the home page does not reach it …
    assert [p.page for p in crawl(site, None, report).problems] == ["orphan/index.html"]  # … so it starts there


def test_a_rebuild_crawls_only_changed_pages(tmp_path):
    cache = tmp_path / "crawl.json"
    site = html_site(tmp_path / "site", {"index.html": '<a href="a/">a</a> <a href="b/">b</a>',
                                         "a/index.html": '<a href="../">home</a> a', "b/index.html": '<a href="../">home</a> b'})
    first = crawl(site, cache)
    assert (first.problems, first.crawled, first.unchanged) == ([], 3, 0)
    assert crawl(site, cache).crawled == 0  # nothing changed
    html_site(site, {"b/index.html": '<a href="../gone/">x</a>'})
    changed = crawl(site, cache)
    assert (changed.crawled, changed.unchanged) == (1, 2)
    assert [(p.page, "gone/" in p.message) for p in changed.problems] == [("b/index.html", True)]
    assert crawl(site, cache).crawled == 1  # a page that failed is crawled again until it passes
    assert crawl(site, None).crawled == 3  # no cache: the whole site


def test_external_links_are_cached_and_failures_rechecked(mini, tmp_path):
    site = tmp_path / "www"
    site.mkdir()
    (site / "ok.html").write_text("fine")
    with serve_folder(site) as base:
        good, bad = base + "ok.html", base + "gone.html"
        edit(mini, "docs/about.zh.md", "只有中文。", f"只有中文。见[好]({good})和[坏]({bad})。")
        sources = external_links(load_project(mini))
        assert set(sources) == {good, bad} and sources[bad] == {"docs/about.zh.md"}
        cache = tmp_path / "cache.json"
        results, fetched = check_external(set(sources), cache)
        assert fetched == 2 and results[good].ok and not results[bad].ok and results[bad].status == 404
        results, fetched = check_external(set(sources), cache)
        assert fetched == 1  # only the failure is checked again
        later = dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=8)
        _, fetched = check_external(set(sources), cache, now=later)
        assert fetched == 2  # stale successes are rechecked too
    text = report(results, sources)
    assert "## docs/about.zh.md" in text and "gone.html" in text and "HTTP 404" in text and "ok.html" not in text


# ----------------------------------------------------------------------------- personal data
PLANTED_ITEMS = yaml.safe_load((PLANTED / "planted.yml").read_text(encoding="utf-8"))
HARD = {"id-number", "phone", "bank-card", "email"}


def planted_lines():
    items = PLANTED_ITEMS["items"] if isinstance(PLANTED_ITEMS, dict) else PLANTED_ITEMS
    seen = {}
    for item in items:
        seen.setdefault(item["kind"], item)
    return sorted(seen.values(), key=lambda item: item["kind"])


@pytest.mark.parametrize("item", planted_lines(), ids=lambda item: item["kind"])
def test_kb_check_fails_on_a_case_with_personal_data(mini, item):
    line = (PLANTED / item["file"]).read_text(encoding="utf-8").splitlines()[item["line"] - 1]
    edit(mini, CASE, "吃饭不定时。", "吃饭不定时。" + line)
    result = run_kb(mini, "check")
    assert result.returncode == 1
    hit = re.search(rf"^cases/c001\.zh\.md:31:\d+: error pii\.{re.escape(item['kind'])}: (.*)$", result.stdout, re.M)
    assert hit, result.stdout
    if item["kind"] in HARD:
        digits = re.sub(r"\D", "", item["text"])
        assert len(digits) < 6 or digits not in re.sub(r"\D", "", result.stdout), "identifier printed unmasked"
