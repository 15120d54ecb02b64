"""`kb pack`: the offline training pack — one zip with the offline site (opens from file://),
PDFs (handbook, pocket cards, answer keys, each role guide; per language), the Moodle exports
and the Word forms, with a short README in Chinese and English."""
from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from .build import build
from .report import Finding

A4 = {"format": "A4", "margin": {"top": "18mm", "bottom": "20mm", "left": "16mm", "right": "16mm"}}
A6 = {"width": "105mm", "height": "148mm", "margin": {"top": "5mm", "bottom": "5mm", "left": "5mm", "right": "5mm"}}
FOOTER = ('<div style="font-size:8px;width:100%;text-align:center;color:#444">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
README = """协同守护 · Protecting Together — 离线培训包 / offline training pack

中文
- site/index.html：离线网站（中文），用浏览器直接打开即可，搜索和自测题都能用；英文版在 site/en/index.html。
- pdf/：整本手册、口袋卡（A6）、测验答案、各角色指南（每种语言一份）。
- exports/：测验导出文件，可导入 Moodle（GIFT 与 Moodle XML）。
- forms/：空白表单（Word）。
所有案例均为合成教学案例，人物均为化名。

English
- site/index.html: the offline site (Chinese); open it in a browser — search and quizzes work. English: site/en/index.html.
- pdf/: the whole handbook, pocket cards (A6), answer keys and each role guide, per language.
- exports/: quizzes for Moodle (GIFT and Moodle XML).
- forms/: blank forms (Word).
All cases are composite teaching cases; all names are pseudonyms.
"""


def pdf_jobs(site: Path) -> list[tuple[Path, str, dict]]:
    """(page, pdf name, paper) for every PDF of the pack."""
    jobs = []
    for lang, folder in (("zh", site), ("en", site / "en")):
        jobs += [(folder / "print" / "handbook.html", f"handbook-{lang}.pdf", A4),
                 (folder / "print" / "pocket-cards.html", f"pocket-cards-{lang}.pdf", A6),
                 (folder / "print" / "answer-keys.html", f"answer-keys-{lang}.pdf", A4)]
        jobs += [(page, f"roles/{page.stem}-{lang}.pdf", A4) for page in sorted((folder / "roles").glob("*.html"))
                 if page.stem != "index"]
    return jobs


def print_pdfs(site: Path, out: Path, executable: str) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        for source, name, paper in pdf_jobs(site):
            page.goto(source.as_uri())
            page.wait_for_load_state("load")
            page.emulate_media(media="print")
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            footer = {"display_header_footer": True, "header_template": "<span></span>", "footer_template": FOOTER} \
                if paper is A4 else {}
            target.write_bytes(page.pdf(print_background=True, **paper, **footer))
            written.append(target)
        browser.close()
    return written


def make_pack(root: Path, target: Path, executable: str) -> tuple[bool, list[Finding]]:
    with tempfile.TemporaryDirectory(prefix="kb-pack-") as tmp:
        work = Path(tmp)
        ok, findings = build(root, work / "site", offline=True)
        if not ok:
            return False, findings
        print_pdfs(work / "site", work / "pdf", executable)
        for lang, folder in (("zh", work / "site"), ("en", work / "site" / "en")):
            _copy(folder / "trainers" / "export", work / "exports" / lang)
            for docx in sorted((folder / "tools").glob("*.docx")):
                (work / "forms" / lang).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(docx, work / "forms" / lang / docx.name)
        (work / "README.txt").write_text(README, encoding="utf-8")
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(work.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(work).as_posix())
    return True, findings


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, dirs_exist_ok=True)
