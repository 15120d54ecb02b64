"""Page weight on a first visit (HTML + CSS + JS, gzip-compressed, search index excluded) ≤ 150 KB."""
from __future__ import annotations

import gzip

import pytest

BUDGET = 150 * 1024
PAGES = {"home": "", "case": "cases/c002/", "provision": "provisions/mpl/mpl-11-2/", "role": "roles/child_director/",
         "quiz": "quizzes/m01/", "case-index": "cases/", "workflow": "workflow/", "glossary": "glossary/"}


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("kind", PAGES)
def test_first_visit_weight_within_budget(browser, server, kind, lang):
    context = browser.new_context()
    page = context.new_page()
    transferred = {}

    def record(response):
        url = response.url
        kind_of = response.request.resource_type
        if "search_index" in url or kind_of not in ("document", "stylesheet", "script"):
            return
        try:
            transferred[url] = len(gzip.compress(response.body(), 9))
        except Exception:  # a response without a body (redirect)
            pass

    page.on("response", record)
    page.goto(server + lang + PAGES[kind])
    page.wait_for_load_state("networkidle")
    context.close()
    total = sum(transferred.values())
    print(f"{lang or 'zh/'}{PAGES[kind] or 'home'}: {total / 1024:.1f} KB gzip in {len(transferred)} files")
    assert total <= BUDGET, {url.rsplit('/', 1)[-1]: size for url, size in transferred.items()}


def test_search_index_size_is_reported(repo_site):
    for lang, folder in (("zh", repo_site), ("en", repo_site / "en")):
        index = (folder / "search" / "search_index.json").read_bytes()
        print(f"search index {lang}: {len(index) / 1024:.0f} KB raw, {len(gzip.compress(index, 9)) / 1024:.0f} KB gzip")
        assert index
