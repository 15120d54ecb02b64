"""Questions: counts, generated questions, assembled quizzes, and Moodle exports parsed back."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from kb.checks.quizzes import question_problems
from kb.export import MOODLE_GRADES, gift, moodle_xml
from kb.quizgen import all_questions, assembled_quizzes, generated_questions
from kb.sources import load_project
from kb.vocabulary import ids, label
from kbtest import REPO

GRADES = {round(g, 5) for g in MOODLE_GRADES} | {-round(g, 5) for g in MOODLE_GRADES}


@pytest.fixture(scope="module")
def project():
    return load_project(REPO)


@pytest.fixture(scope="module")
def quizzes(project):
    return assembled_quizzes(project)


def test_question_counts(project):
    handwritten = [q for q, _ in project.questions]
    assert len(handwritten) >= 150
    assert len(all_questions(project)) >= 300
    assert all(q.stem.zh and q.stem.en and q.explanation.zh and q.explanation.en for q in all_questions(project))


def test_generated_questions_are_valid_marked_and_deterministic(project):
    first, second = generated_questions(project), generated_questions(project)
    assert [q.model_dump() for q in first] == [q.model_dump() for q in second]
    assert len({q.id for q in first}) == len(first)
    for question in first:
        assert question.generated and question.id.startswith("gen-")
        assert list(question_problems(question)) == [], question.id


def test_generated_distractors_are_of_the_answers_kind(project):
    terms = {t.zh for t in project.glossary.data.terms}
    plights = {label("plight", p, "zh") for p in ids("plight")}
    for question in generated_questions(project):
        texts = [o.text.zh for o in question.options]
        kind = question.id.split("-")[1]
        if kind == "term":
            assert set(texts) <= terms
        elif kind in ("subtype",) or question.id.startswith("gen-case-plight"):
            assert set(texts) <= plights
        elif kind == "provision":
            assert all(re.search(r"第.+(条|部分)", text) for text in texts), texts


def test_pre_and_post_tests_are_disjoint(project, quizzes):
    modules = {entry.bank.module for entry in project.banks.values()}
    for module in modules:
        pre = next(q for q in quizzes if q.id == f"{module}-pre")
        post = next(q for q in quizzes if q.id == f"{module}-post")
        assert pre.questions and post.questions
        assert not {q.id for q in pre.questions} & {q.id for q in post.questions}


def test_a_self_check_for_every_actor(quizzes):
    roles = {q.id for q in quizzes if q.kind == "role"}
    assert roles == {f"role-{actor.replace('_', '-')}" for actor in ids("actor")}
    assert all(q.questions for q in quizzes if q.kind == "role")


def test_exam_covers_every_plight_type_dimension_and_ten_provisions(project, quizzes):
    exam = next(q for q in quizzes if q.kind == "exam")
    cases = {case.id: case.meta for case in project.cases.values()}
    case_ids = {c for q in exam.questions for c in [*q.refs.cases, *([q.case] if q.case else [])]}
    assert {cases[c].plight for c in case_ids} == set(ids("plight"))
    assert {d for c in case_ids for d in cases[c].vulnerability} == set(ids("vulnerability"))
    assert len({p for q in exam.questions for p in q.refs.provisions}) >= 10


# ----------------------------------------------------------------------------- GIFT parsed back
def split_gift(text: str) -> list[str]:
    blocks, current = [], []
    for line in text.splitlines():
        if line.startswith("//") or line.startswith("$CATEGORY"):
            continue
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    return blocks + (["\n".join(current)] if current else [])


def unescaped_braces(text: str, brace: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\\)" + re.escape(brace), text)]


def parse_gift(block: str) -> dict:
    opens, closes = unescaped_braces(block, "{"), unescaped_braces(block, "}")
    assert len(opens) == 1 and len(closes) == 1 and opens[0] < closes[0], block  # special chars escaped
    head, body = block[: opens[0]], block[opens[0] + 1: closes[0]]
    name = re.match(r"^::(.+?)(?<!\\)::", head)
    assert name, block
    answers = re.findall(r"(?m)^\t([=~])(%(-?[\d.]+)%)?((?:\\.|[^#\n\\])*)", body)
    return {"name": name[1], "answers": answers, "body": body}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gift_export_parses_back(project, lang):
    questions = all_questions(project)
    text = gift("ProtectingTogether/all", questions, lang)
    assert text.count("$CATEGORY: $course$/top/ProtectingTogether/all") == 1
    blocks = split_gift(text)
    assert len(blocks) == len(questions)
    for question, block in zip(questions, blocks):
        parsed = parse_gift(block)
        assert parsed["name"] == question.id
        if question.type == "true_false":
            assert re.match(r"^(TRUE|FALSE)####", parsed["body"])
            continue
        assert len(parsed["answers"]) == len(question.options)
        if question.type == "multiple":
            weights = [float(a[2]) for a in parsed["answers"]]
            assert all(round(w, 5) in GRADES for w in weights)
            assert abs(sum(w for w in weights if w > 0) - 100) < 0.01
            assert not any(a[0] == "=" for a in parsed["answers"])
        else:
            assert [a[0] for a in parsed["answers"]].count("=") == 1


# ----------------------------------------------------------------------------- Moodle XML parsed back
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_moodle_xml_structure(project, lang):
    questions = all_questions(project)
    root = ET.fromstring(moodle_xml("ProtectingTogether/all", questions, lang))
    items = root.findall("question")
    assert items[0].get("type") == "category"
    assert items[0].find("category/text").text == "$course$/top/ProtectingTogether/all"
    assert len(items) == len(questions) + 1
    for question, item in zip(questions, items[1:]):
        fractions = [float(a.get("fraction")) for a in item.findall("answer")]
        assert all(round(f, 5) in GRADES for f in fractions)
        if item.get("type") == "truefalse":
            assert sorted(a.find("text").text for a in item.findall("answer")) == ["false", "true"]
            assert sorted(fractions) == [0, 100]
        elif item.find("single").text == "true":
            assert fractions.count(100) == 1, question.id
        else:
            assert abs(sum(f for f in fractions if f > 0) - 100) < 0.01, question.id
        assert item.find("questiontext/text").text == getattr(question.stem, lang)
