"""Generated views over the repository's content (provisions, roles, cases, tools, glossary)."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document as WordDocument

from kb.coverage import shortfalls
from kb.forms_docx import form_docx
from kb.render.views import matrix_cells
from kb.sitemap import SiteMap
from kb.sources import load_project
from kb.stage import render_files, render_site
from kb.vocabulary import ids
from kbtest import REPO


@pytest.fixture(scope="module")
def project():
    return load_project(REPO)


@pytest.fixture(scope="module")
def pages(project):
    return {lang: render_site(project, lang) for lang in ("zh", "en")}


def test_at_least_90_cards_each_verified_or_explicitly_unverified(project):
    cards = [card for card, _ in project.provisions.values()]
    assert len(cards) >= 90
    assert all(card.verification.status == "verified" or card.verification.reason for card in cards)
    for entry in project.documents.values():
        if not entry.document.in_reference_set:
            assert entry.document.provisions == [] and entry.document.note


def test_every_card_is_in_its_document_view_and_each_obliged_actors_view(project, pages):
    for lang, site in pages.items():
        for card_id, (card, document) in project.provisions.items():
            target = f"{card_id}.md"
            assert target in site[f"provisions/{document.id}/index"], (lang, card_id)
            for actor in card.obliges:
                assert f"{document.id}/{target}" in site[f"provisions/actors/{actor}"], (lang, card_id, actor)


def test_document_view_lists_cards_in_article_order(project, pages):
    text = pages["en"]["provisions/mpl/index"]
    numbers = [int(n) for n in re.findall(r"\[Art\. (\d+)", text)]
    assert numbers == sorted(numbers) and len(numbers) >= 30


def test_matrix_has_a_cell_for_every_topic_and_level(project, pages):
    cells = matrix_cells(project)
    assert set(cells) == {(topic, level) for topic in ids("topic") for level in ids("level")}
    table = [line for line in pages["zh"]["provisions/matrix"].splitlines() if line.startswith("| ")]
    assert len(table) == 1 + len(ids("topic"))
    assert all(line.count(" | ") == len(ids("level")) for line in table)
    assert "暂无" in pages["zh"]["provisions/matrix"]  # empty cells say so (no Guangxi or county texts yet)


def test_every_actor_has_a_role_guide_and_a_duties_view(project, pages):
    assert set(project.roles) == set(ids("actor"))
    for actor in ids("actor"):
        assert f"provisions/actors/{actor}" in pages["zh"]
        assert {"zh", "en"} <= set(project.roles[actor].files)


def test_role_guides_have_the_required_sections(project):
    required = {"place", "stages", "identify", "assess", "plan", "act", "review", "close", "red-lines",
                "checklist", "referral", "failures"}
    for actor, page in project.roles.items():
        for lang, source in page.files.items():
            anchors = set(re.findall(r"\{ #([\w-]+) \}", source.body))
            assert required <= anchors, (actor, lang, required - anchors)


def test_pocket_cards_cover_the_six_triggers(project, pages):
    cards = {card.id: card for card in project.pocket_cards.data.cards}
    assert set(cards) == {"mandatory-reporting", "temporary-guardianship", "long-term-guardianship",
                          "entrusted-care", "revocation", "de-facto-unsupported"}
    assert len(cards["temporary-guardianship"].points) == 7 and len(cards["long-term-guardianship"].points) == 5
    for lang in ("zh", "en"):
        assert "kb_css: assets/kb/pocket.css" in pages[lang]["provisions/pocket/mandatory-reporting"]


def test_case_library_meets_its_coverage_targets(project):
    cases = [case.meta for case in project.cases.values() if case.meta]
    assert shortfalls(cases) == []
    assert all({"zh", "en"} <= set(case.files) for case in project.cases.values())


def test_case_index_has_facets_and_a_plain_list(project, pages):
    index = pages["zh"]["cases/index"]
    assert index.count("<li data-kb-plight=") == len(project.cases)
    assert '<form class="kb-filters" hidden' in index and "kb_js: assets/kb/filter.js" in index
    assert "cases/coverage" in SiteMap(project).generated


def test_cases_and_questions_are_listed_on_the_cards_they_cite(project, pages):
    case = project.cases["c002"]
    for card_id in case.meta.provisions:
        _, document = project.provisions[card_id]
        assert "c002.md" in pages["zh"][f"provisions/{document.id}/{card_id}"]


def test_glossary_has_80_terms_and_terms_get_tooltips(project, pages):
    assert len(project.glossary.data.terms) >= 80
    assert '<abbr title="' in pages["zh"]["cases/c002"]
    assert '<abbr title="' in pages["en"]["cases/c002"]


def test_swimlanes_cover_every_stage(project):
    stages = [stage.stage for stage in project.workflow.data.stages]
    assert stages == ids("stage")


def test_docx_forms_open_and_contain_the_form_fields(project):
    files = render_files(project, "zh")
    assert len(project.tools) >= 8
    for tool_id, entry in project.tools.items():
        document = WordDocument(io.BytesIO(files[f"tools/{tool_id}.docx"]))
        text = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
        for section in entry.data.sections:
            for field in section.fields:
                assert field.label.zh in text, (tool_id, field.label.zh)
        assert document.paragraphs[0].text == entry.data.title.zh


def test_docx_is_reproducible(project):
    entry = next(iter(project.tools.values()))
    one, two = form_docx(entry.data, "en"), form_docx(entry.data, "en")
    assert one == two
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zipfile.ZipFile(io.BytesIO(one)).infolist())
