"""Real-browser fixtures: the repository's site built once (online and offline), served on 127.0.0.1,
and Playwright driving the system Chromium (Playwright cannot download its own browser here)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kb.localserver import serve_folder
from kbtest import REPO, run_kb

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def chromium_path() -> str | None:
    configured = os.environ.get("KB_CHROMIUM")
    if configured:
        return configured
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        message = ("no Chromium found: install Debian's `chromium` package (apt-get install chromium) "
                   "or set KB_CHROMIUM to a Chromium executable")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync"])
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("repo") / "site"
    result = run_kb(REPO, "build", "--site", str(site))
    assert result.returncode == 0, result.stdout[-3000:]
    return site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("offline") / "site"
    result = run_kb(REPO, "build", "--offline", "--site", str(site))
    assert result.returncode == 0, result.stdout[-3000:]
    return site


@pytest.fixture(scope="session")
def server(repo_site):
    with serve_folder(repo_site, compress=True) as base:
        yield base


@pytest.fixture
def page(browser, server):
    """A fresh page that records console errors and every host it contacts."""
    context = browser.new_context()
    tab = context.new_page()
    tab.errors, tab.hosts = [], set()
    tab.on("console", lambda message: tab.errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.on("request", lambda request: tab.hosts.add(request.url.split("/")[2] if "://" in request.url else request.url))
    tab.base = server
    yield tab
    context.close()
