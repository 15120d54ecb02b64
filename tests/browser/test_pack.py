"""The offline training pack: unpack it, open pages from file://, and check every kind of PDF."""
from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from PIL import Image, ImageStat

from kbtest import REPO, run_kb


@pytest.fixture(scope="module")
def pack(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    result = run_kb(REPO, "pack", "--out", str(folder / "pack.zip"))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    with zipfile.ZipFile(folder / "pack.zip") as archive:
        archive.extractall(folder / "unpacked")
    return folder / "unpacked"


def test_pack_contents(pack):
    assert (pack / "README.txt").read_text(encoding="utf-8").startswith("协同守护")
    for lang in ("zh", "en"):
        for name in ("handbook", "pocket-cards", "answer-keys"):
            assert (pack / "pdf" / f"{name}-{lang}.pdf").is_file()
        assert len(list((pack / "pdf" / "roles").glob(f"*-{lang}.pdf"))) >= 11
        assert list((pack / "exports" / lang).glob("*.gift")) and list((pack / "exports" / lang).glob("*.xml"))
        assert len(list((pack / "forms" / lang).glob("*.docx"))) >= 8
    assert (pack / "site" / "index.html").is_file() and (pack / "site" / "en" / "index.html").is_file()


def pdf_text(path, page: int = 1) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info)[1])


@pytest.mark.parametrize("name", ["handbook-zh", "pocket-cards-zh", "answer-keys-zh", "roles/child_director-zh",
                                  "handbook-en", "pocket-cards-en"])
def test_pdf_renders_real_glyphs(pack, tmp_path, name):
    pdf = pack / "pdf" / f"{name}.pdf"
    page = 3 if name.startswith(("handbook", "answer-keys")) else 1  # past the cover and contents
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", str(page), "-l", str(page), str(pdf), str(tmp_path / "p")],
                   check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    assert ImageStat.Stat(image).stddev[0] > 5, "the page is blank"
    if name.endswith("-zh"):
        assert re.search(r"[\u4e00-\u9fff]{4}", pdf_text(pdf, page)), "no Chinese in the text layer"


def test_pocket_cards_are_one_a6_sheet_each(pack):
    for lang in ("zh", "en"):
        pdf = pack / "pdf" / f"pocket-cards-{lang}.pdf"
        assert pages(pdf) == 6
        size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert "298.08 x 420" in size  # A6 in points


def test_unpacked_site_opens_from_file_urls(browser, pack):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((pack / "site" / "index.html").as_uri())
    page.locator("a[href$='roles/index.html']").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("roles/index.html") and page.locator("article h1").inner_text()
    box = page.locator(".md-search__input")
    box.click()
    box.fill("临时监护")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert errors == []
    context.close()
