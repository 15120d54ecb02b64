"""The offline copy opened from file://: pages, search and quizzes work, and nothing leaves the machine."""
from __future__ import annotations


def test_offline_pages_search_and_quiz_work_from_file_urls(browser, offline_site):
    context = browser.new_context()
    page = context.new_page()
    errors, schemes = [], set()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: schemes.add(request.url.split(":", 1)[0]))
    home = offline_site / "index.html"
    page.goto(home.as_uri())
    page.locator("a[href$='cases/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("cases/index.html")
    page.locator("ul.kb-case-list a").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").inner_text().strip()
    box = page.locator(".md-search__input")
    box.click()
    box.fill("强制报告")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.goto((offline_site / "en" / "quizzes" / "m01.html").as_uri())
    question = page.locator("fieldset.kb-question").first
    correct = question.get_attribute("data-kb-correct").split(",")[0]
    question.locator(f'input[value="{correct}"]').check()
    question.locator(".kb-check").click()
    assert "Correct" in question.locator(".kb-result").inner_text()
    assert schemes <= {"file", "data", "blob"}, schemes
    assert errors == []
    context.close()
