"""What a reader does, in a real browser, in Chinese and English."""
from __future__ import annotations

import re

import pytest

PAGES = {"home": "", "case": "cases/c002/", "provision": "provisions/mpl/mpl-11-2/",
         "role": "roles/child_director/", "quiz": "quizzes/m01/", "case-index": "cases/"}
LANGS = {"zh": "", "en": "en/"}


def visit(page, path: str):
    response = page.goto(page.base + path)
    assert response and response.ok, path
    page.wait_for_load_state("networkidle")
    return response


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_page_renders_without_console_errors_or_outside_requests(page, lang, kind):
    visit(page, LANGS[lang] + PAGES[kind])
    assert page.locator("article h1").first.inner_text().strip()
    assert page.evaluate("document.documentElement.lang").startswith(lang)
    assert page.errors == []
    assert page.hosts == {page.base.split("/")[2]}, page.hosts


@pytest.mark.parametrize("lang,other", [("zh", "en"), ("en", "zh")])
@pytest.mark.parametrize("kind", ["case", "provision", "role", "quiz"])
def test_language_switch_keeps_the_reader_on_the_same_page(page, lang, other, kind):
    visit(page, LANGS[lang] + PAGES[kind])
    target = page.locator(f'a[data-kb-alternate="{other}"]').first.evaluate("link => link.href")
    visit(page, target.removeprefix(page.base))
    assert page.url == page.base + LANGS[other] + PAGES[kind]
    assert page.evaluate("document.documentElement.lang").startswith(other)


SEARCHES = [
    ("", "强制报告", r"provisions/(mpl/mpl-11|mro2020/|pocket/mandatory-reporting)"),
    ("", "事实无人抚养", r"provisions/(mf2019-62/|pocket/de-facto-unsupported)"),
    ("", "临时监护", r"provisions/(mpl/mpl-9[23]|pocket/temporary-guardianship)"),
    ("en/", "mandatory reporting", r"provisions/(mpl/mpl-11|mro2020/|pocket/mandatory-reporting)"),
]


def search(page, query: str) -> list[str]:
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on keyup
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    # One result item per page (its matching sections are nested inside): the page links, in order.
    return [item.locator("a.md-search-result__link").first.get_attribute("href")
            for item in page.locator(".md-search-result__list > .md-search-result__item").all()]


@pytest.mark.parametrize("prefix,query,expected", SEARCHES)
def test_search_brings_the_most_relevant_page_into_the_first_three(page, prefix, query, expected):
    visit(page, prefix)
    results = search(page, query)
    assert any(re.search(expected, href) for href in results[:3]), results[:5]


def test_search_index_loads_only_when_the_reader_searches(page):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    visit(page, "cases/c002/")
    assert not [url for url in requested if "search_index" in url]
    search(page, "强制报告")
    assert [url for url in requested if "search_index" in url]


def answer(page, question, right: bool):
    correct = question.get_attribute("data-kb-correct").split(",")
    values = [i.get_attribute("value") for i in question.locator("input").all()]
    chosen = correct if right else [next(v for v in values if v not in correct)]
    for value in chosen:
        question.locator(f'input[value="{value}"]').check()
    question.locator(".kb-check").click()


def test_quiz_feedback_score_and_saved_progress(page):
    visit(page, "quizzes/m01/")
    questions = page.locator("fieldset.kb-question")
    first, second = questions.nth(0), questions.nth(1)
    answer(page, first, right=True)
    answer(page, second, right=False)
    assert "正确" in first.locator(".kb-result").inner_text() and "不正确" not in first.locator(".kb-result").inner_text()
    assert "不正确" in second.locator(".kb-result").inner_text()
    page.locator(".kb-show-score").click()
    total = questions.count()
    assert re.search(rf"1(\.0)? / {total}", page.locator(".kb-score").inner_text())
    page.reload()
    page.wait_for_load_state("networkidle")
    assert "正确" in questions.nth(0).locator(".kb-result").inner_text()
    assert questions.nth(1).locator("input:checked").count() == 1


def test_quiz_works_with_the_keyboard_alone(page):
    visit(page, "en/quizzes/m01/")
    question = page.locator("fieldset.kb-question").nth(0)
    question.locator("input").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    for _ in range(8):  # move on until the check button has focus
        if page.evaluate("document.activeElement.classList.contains('kb-check')"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert question.locator(".kb-result").inner_text().strip()


def test_case_index_filters_by_facet_with_the_keyboard(page):
    visit(page, "cases/")
    items = page.locator("ul.kb-case-list > li")
    total = items.count()
    select = page.locator('select[data-kb-facet="plight"]')
    select.focus()
    select.select_option("infringement")
    visible = page.locator("ul.kb-case-list > li:not([hidden])")
    assert 0 < visible.count() < total
    for item in visible.all():
        assert item.get_attribute("data-kb-plight") == "infringement"
    assert "plight=infringement" in page.url


def test_phone_viewport(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for path in ("", "cases/c002/", "quizzes/m01/", "cases/", "provisions/matrix/"):
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        assert width <= 375, f"{path}: horizontal scrolling ({width}px)"
        small = page.evaluate("""[...document.querySelectorAll(
            '.md-header__button, button, select, .kb-question label, .kb-filters select')]
            .filter(e => { const r = e.getBoundingClientRect();  // rendered, on screen
                           return e.offsetParent !== null && r.width > 0 && r.right > 0 && r.left < innerWidth; })
            .map(e => [e.className || e.tagName, e.getBoundingClientRect().height])
            .filter(([, h]) => h < 44)""")
        assert small == [], f"{path}: tap targets under 44px: {small[:5]}"
    page.goto(server)
    page.locator("label.md-header__button[for='__drawer']").click()
    nav_link = page.locator(".md-nav--primary .md-nav__link[href*='cases']").first
    nav_link.wait_for(state="visible")
    nav_link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/cases/")
    context.close()


def test_every_quiz_page_checks_answers_in_both_languages(page, repo_site):
    paths = sorted(p.parent.relative_to(repo_site).as_posix() + "/" for p in (repo_site / "quizzes").glob("*/index.html"))
    assert len(paths) >= 40  # module banks, pre/post tests, role self-checks, the exam, generated practice
    for prefix, verdict in (("", "正确"), ("en/", "Correct")):
        for path in paths:
            visit(page, prefix + path)
            question = page.locator("fieldset.kb-question").first
            answer(page, question, right=True)
            assert verdict in question.locator(".kb-result").inner_text(), prefix + path
    assert page.errors == []
