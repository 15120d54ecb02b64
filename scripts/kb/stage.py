"""Write the generated Markdown tree and engine config per language (the only writer of staged files).

out/<lang>/docs/...   plain Markdown any engine can render
out/<lang>/mkdocs.yml engine config that INHERITs the project's mkdocs.yml
"""
from __future__ import annotations

import re
import shutil
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Callable

import yaml

from .model import LANGS
from .render.cases import case_page, cases_index, coverage_page
from .forms_docx import form_docx
from .render.common import t
from .render.glossary import annotate_terms, glossary_page, term_index
from .render.pages import authored_page, modules_index, roles_index
from .render.provisions import card_page, document_page, provisions_index
from .export import gift, moodle_xml
from .quizgen import all_questions, assembled_quizzes
from .render.course import certificate_page, paths_page
from .render import printing
from .render.quizzes import quiz_page
from .render.rules import rules_page, schemas_page
from .render.trainers import answer_key_page, assembled_page, bank_quiz, key_of, quizzes_index, trainers_page
from .render.views import (actor_key, actor_view, actors_index, matrix_page, pocket_index, pocket_key,
                           pocket_page)
from .render.tools import docx_name, print_key, print_page, tool_key, tool_page, tools_index
from .render.workflow import swimlane_svg, workflow_page
from .sitemap import SiteMap, asset_key, case_key, document_key, provision_key, quiz_key
from .sources import Project
from .vocabulary import ids as vocab_ids
from .vocabulary import search_terms, vocabulary

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
SEARCH_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）“”《》]+"
NAV = ("index", "roles/index", "workflow/index", "cases/index", "provisions/index", "tools/index",
       "modules/index", "quizzes/index", "glossary")
NAV_TITLES = {"index": "home", "cases/index": "cases", "provisions/index": "provisions", "roles/index": "roles",
              "quizzes/index": "quizzes", "workflow/index": "workflow", "tools/index": "tools",
              "modules/index": "modules", "glossary": "glossary"}
HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def render_site(project: Project, lang: str) -> dict[str, str]:
    """Every page of one language: page key -> Markdown text (pure: nothing is written)."""
    sitemap = SiteMap(project)
    pages = {page.key: authored_page(project, sitemap, page, lang) for page in project.pages.values()}
    for case in project.cases.values():
        if case.meta:
            pages[case_key(case.id)] = case_page(project, sitemap, case, lang)
    for key, render in generated_pages(project).items():
        pages[key] = render(sitemap, lang)
    terms = term_index(project.glossary.data if project.glossary else None, lang)
    pages = {key: text if key == "glossary" or key.endswith("-print") else annotate_terms(text, terms, lang)
             for key, text in pages.items()}
    return pages | print_pages(pages, lang, untaught_cases(project))


Render = Callable[[SiteMap, str], str]  # (sitemap, language) -> Markdown


def generated_pages(project: Project) -> dict[str, Render]:
    """Every page the project generates (all but authored pages and cases), by key: the one list the
    renderer and the site map (which must know every page before any is rendered) both read."""
    pages: dict[str, Render] = {}
    for entry in project.documents.values():
        document = entry.document
        pages[document_key(document.id)] = lambda sitemap, lang, document=document: document_page(project, sitemap, document, lang)
        for card in document.provisions:
            pages[provision_key(document.id, card.id)] = (lambda sitemap, lang, document=document, card=card:
                                                          card_page(project, sitemap, document, card, lang))
    for entry in project.banks.values():
        pages[quiz_key(entry.bank.module)] = lambda sitemap, lang, entry=entry: quiz_page(project, sitemap, entry, lang)
    for entry in project.tools.values():
        pages[tool_key(entry.data.id)] = partial(tool_page, entry.data)
        pages[print_key(entry.data.id)] = lambda sitemap, lang, tool=entry.data: print_page(tool, lang)
    pages["cases/coverage"] = partial(coverage_page, project)
    if project.modules:
        pages["modules/paths"] = partial(paths_page, project)
        pages["modules/certificate"] = certificate_page
    pages["contributing/rules"] = lambda sitemap, lang: rules_page(lang)
    schemas = sorted(path.name for path in (project.root / "schemas").glob("*.schema.json"))
    if schemas:
        pages["contributing/schemas"] = lambda sitemap, lang: schemas_page(schemas, lang)
    pages["provisions/actors/index"] = actors_index
    for actor in vocab_ids("actor"):
        pages[actor_key(actor)] = lambda sitemap, lang, actor=actor: actor_view(project, sitemap, actor, lang)
    pages["provisions/matrix"] = partial(matrix_page, project)
    if project.pocket_cards:
        pages["provisions/pocket/index"] = partial(pocket_index, project)
        for pocket in project.pocket_cards.data.cards:
            pages[pocket_key(pocket.id)] = lambda sitemap, lang, pocket=pocket: pocket_page(project, sitemap, pocket, lang)
    if project.glossary:
        pages["glossary"] = lambda sitemap, lang: glossary_page(project.glossary.data, sitemap, lang)
    quizzes = assembled_quizzes(project)
    every_quiz = [bank_quiz(entry) for entry in sorted(project.banks.values(), key=lambda e: e.bank.module)] + quizzes
    for quiz in quizzes:
        pages[key_of(quiz)] = lambda sitemap, lang, quiz=quiz: assembled_page(sitemap, quiz, lang)
    for quiz in every_quiz:
        pages[f"trainers/keys/{quiz.id}"] = lambda sitemap, lang, quiz=quiz: answer_key_page(sitemap, quiz, lang)
    pages["trainers/index"] = lambda sitemap, lang: trainers_page(sitemap, every_quiz, lang)
    indexes = {"cases/index": partial(cases_index, project), "provisions/index": partial(provisions_index, project),
               "roles/index": partial(roles_index, project), "tools/index": partial(tools_index, project.tools),
               "modules/index": partial(modules_index, project),
               "quizzes/index": lambda sitemap, lang: quizzes_index(project, sitemap, quizzes, lang)}
    if project.workflow:
        indexes["workflow/index"] = lambda sitemap, lang: workflow_page(project.workflow.data, sitemap, lang,
                                                                       set(project.pages))
    pages.update({key: render for key, render in indexes.items() if key not in project.pages})  # authored wins
    return pages


PRINT_PAGES = ("print/handbook", "print/pocket-cards", "print/answer-keys")


PRINT_CHAPTERS = ("index", "roles", "workflow", "cases", "provisions", "tools", "modules", "glossary")


def untaught_cases(project: Project) -> set[str]:
    """Page keys of cases no module teaches with: online only, so the printed handbook stays a handbook
    (a library of 1,000 cases would make it a 5,000-page book)."""
    taught = {case for page in project.modules.values() for meta in page.meta.values() for case in meta.cases}
    return {f"cases/{case}" for case in project.cases if case not in taught}


def print_pages(pages: dict[str, str], lang: str, leave_out: set[str] = frozenset()) -> dict[str, str]:
    """The handbook, pocket cards and answer keys as single print pages (kb pack prints them to PDF)."""
    titles = {key: t(NAV_TITLES.get(f"{key}/index", NAV_TITLES.get(key, "home")), lang) for key in PRINT_CHAPTERS}
    handbook_pages = {key: text for key, text in pages.items() if key not in leave_out}
    handbook, pocket_cards, answer_keys = PRINT_PAGES
    return {handbook: printing.handbook(handbook_pages, titles, lang),
            pocket_cards: printing.pocket_cards(pages, lang),
            answer_keys: printing.answer_keys(pages, lang)}


def render_files(project: Project, lang: str) -> dict[str, bytes]:
    """Generated downloads and images of one language: site path -> bytes."""
    files = {f"tools/{docx_name(entry.data.id)}": form_docx(entry.data, lang) for entry in project.tools.values()}
    every_quiz = [bank_quiz(entry) for entry in sorted(project.banks.values(), key=lambda e: e.bank.module)]
    every_quiz += assembled_quizzes(project)
    for quiz in every_quiz:
        category = f"ProtectingTogether/{quiz.id}"
        files[f"trainers/export/{quiz.id}.gift"] = gift(category, quiz.questions, lang).encode("utf-8")
        files[f"trainers/export/{quiz.id}.xml"] = moodle_xml(category, quiz.questions, lang).encode("utf-8")
    for schema in sorted((project.root / "schemas").glob("*.schema.json")):
        files[f"schemas/{schema.name}"] = schema.read_bytes()
    questions = all_questions(project)
    files["trainers/export/all.gift"] = gift("ProtectingTogether/all", questions, lang).encode("utf-8")
    files["trainers/export/all.xml"] = moodle_xml("ProtectingTogether/all", questions, lang).encode("utf-8")
    if project.workflow:
        for stage in project.workflow.data.stages:
            files[f"workflow/{stage.stage}.svg"] = swimlane_svg(stage, lang).encode("utf-8")
    return files


def source_of(project: Project) -> dict[str, str]:
    """Page key -> the source file it comes from, to name the source in site findings."""
    sources = {page.key: (page.files.get("zh") or next(iter(page.files.values()))).rel
               for page in project.pages.values()}
    sources.update({case.key: case.files.get("zh", next(iter(case.files.values()))).rel
                    for case in project.cases.values()})
    for entry in project.documents.values():
        sources[document_key(entry.document.id)] = entry.file.rel
        sources.update({provision_key(entry.document.id, card.id): entry.file.rel for card in entry.document.provisions})
    sources.update({quiz_key(entry.bank.module): entry.file.rel for entry in project.banks.values()})
    for entry in project.tools.values():
        sources[tool_key(entry.data.id)] = sources[print_key(entry.data.id)] = entry.file.rel
    if project.glossary:
        sources["glossary"] = project.glossary.file.rel
    if project.pocket_cards:
        sources.update({pocket_key(card.id): project.pocket_cards.file.rel for card in project.pocket_cards.data.cards})
    if project.workflow:
        sources.setdefault("workflow/index", project.workflow.file.rel)
    return sources


IFRAME_WORKER = Path("node_modules/iframe-worker/shim/index.js")
SHIM_PATH = "assets/kb/iframe-worker/shim.js"


class MissingDependency(RuntimeError):
    pass


def stage(project: Project, out: Path, site_dirs: dict[str, Path], offline: bool = False) -> dict[str, Path]:
    """Write both languages under `out`; return lang -> engine config file."""
    return {lang: stage_language(project, out, lang, site_dirs[lang], offline) for lang in LANGS}


def stage_language(project: Project, out: Path, lang: str, site_dir: Path, offline: bool = False) -> Path:
    """Write one language's Markdown tree and engine config under `out`/`lang`; return the config file.

    `offline` makes the copy that opens from file://: page.html URLs, the search index as a
    script (Material's offline plugin), and the plugin's iframe-worker shim served from the site.
    """
    shim = project.root / IFRAME_WORKER
    if offline and not shim.is_file():
        raise MissingDependency(f"{IFRAME_WORKER} is missing: run `make setup` (npm ci) first")
    docs = out / lang / "docs"
    pages = render_site(project, lang)
    for key, text in pages.items():
        target = docs / f"{key}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path, data in render_files(project, lang).items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    _copy_assets(project, docs)
    if offline:
        (docs / SHIM_PATH).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, docs / SHIM_PATH)
    dictionary = out / lang / "search-dictionary.txt"
    dictionary.write_text(search_dictionary(), encoding="utf-8")
    return _write_config(project, out / lang, lang, site_dir, dictionary, set(pages), offline)


def _copy_assets(project: Project, docs: Path) -> None:
    for rel in project.assets:
        target = docs / asset_key(rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(project.root / rel, target)
    bundled = resources.files("kb").joinpath("assets/kb")
    target = docs / "assets" / "kb"
    target.mkdir(parents=True, exist_ok=True)
    for item in bundled.iterdir():
        if item.is_file():
            (target / item.name).write_bytes(item.read_bytes())


def search_dictionary() -> str:
    """jieba user dictionary: domain terms and every Chinese vocabulary label, kept whole."""
    terms = set(search_terms())
    for entries in vocabulary().values():
        for entry in entries.values():
            for field in ("zh", "short_zh"):
                if HAN.match(str(entry.get(field, ""))):
                    terms.add(entry[field])
    return "".join(f"{term} 100000 n\n" for term in sorted(terms))


def _write_config(project: Project, folder: Path, lang: str, site_dir: Path, dictionary: Path,
                  pages: set[str], offline: bool = False) -> Path:
    root_config = yaml.safe_load(_strip_python_tags((project.root / "mkdocs.yml").read_text(encoding="utf-8")))
    site_url = root_config.get("site_url", "")
    overrides = resources.files("kb").joinpath("assets/overrides")
    config = {
        "INHERIT": str((project.root / "mkdocs.yml").resolve()),
        "docs_dir": "docs",
        "site_dir": str(site_dir.resolve()),
        "site_url": site_url + ("" if lang == "zh" else f"{lang}/"),
        "theme": {"name": "material", "language": lang, "custom_dir": str(overrides)},
        "nav": [{t(NAV_TITLES[key], lang): f"{key}.md"} for key in NAV if key in pages],
        "plugins": [{"search": {"separator": SEARCH_SEPARATOR, "jieba_dict_user": str(dictionary.resolve())}}],
        "extra_css": ["assets/kb/kb.css"],
        "extra": {
            "alternate": [_alternate(lang, other) for other in LANGS],
            "kb": {"site_root": site_url, "lang": lang},
        },
    }
    if offline:
        config["use_directory_urls"] = False
        config["plugins"].append("offline")
        config["extra"]["polyfills"] = [SHIM_PATH]  # a local path naming iframe-worker: no CDN
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _alternate(current: str, target: str) -> dict:
    """Prefix from this language's root to the other's: zh is at /, every other language at /<lang>/."""
    up = "" if current == "zh" else "../"
    prefix = up + ("" if target == "zh" else f"{target}/")
    return {"name": LANGUAGE_NAMES[target], "lang": target, "link": prefix or "./",
            "prefix": prefix, "prefix_from_root": "" if target == "zh" else f"{target}/"}


def _strip_python_tags(text: str) -> str:
    """mkdocs.yml uses !!python tags (slugify); we only need plain keys such as site_url."""
    return re.sub(r"!!python/\S+", "", text)
