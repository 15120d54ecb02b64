"""Every check rule: a fixture that breaks it (here) and one that passes (the clean mini project)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kb.checks import run_checks
from kb.report import RULES
from kb.sources import load_project
from kbtest import BANK, CASE, DOC, edit, write


def findings_of(root: Path):
    return run_checks(load_project(root))


# rule id -> (mutation, file where the finding must be reported, line it must be on or None)
BREAKERS = {
    "file.encoding": (lambda r: write(r, "docs/gbk.zh.md", "# 标题\n".encode("gbk")), "docs/gbk.zh.md", 1),
    "file.empty": (lambda r: write(r, "docs/empty.zh.md", ""), "docs/empty.zh.md", 1),
    "file.unknown": (lambda r: write(r, "cases/notes.txt", "x"), "cases/notes.txt", 1),
    "file.name": (lambda r: write(r, "cases/case1.md", "---\nid: c009\n---\n"), "cases/case1.md", 1),
    "yaml.unclosed": (lambda r: edit(r, CASE, "anonymization: {source: composite, reidentification_risk: low, reviewed: 2026-11-28}\n---",
                                     "anonymization: {source: composite, reidentification_risk: low, reviewed: 2026-11-28}\n"), CASE, 1),
    "yaml.syntax": (lambda r: edit(r, CASE, "summary: 父母外出务工", "summary: [父母外出务工"), CASE, 5),
    "yaml.missing-front-matter": (lambda r: write(r, "cases/c002.zh.md", "## 背景\n"), "cases/c002.zh.md", 1),
    "schema.missing": (lambda r: edit(r, CASE, "plight: improper\n", ""), CASE, None),
    "schema.type": (lambda r: edit(r, CASE, "risk_level: medium", "risk_level: [medium, high]"), CASE, 14),
    "schema.unknown-field": (lambda r: edit(r, CASE, "risk_level: medium", "risk_level: medium\nrisk: high"), CASE, 15),
    "vocab.unknown": (lambda r: edit(r, CASE, "actors: [child_director, community]", "actors: [child_director, village_head]"), CASE, 8),
    "vocab.subtype-mismatch": (lambda r: edit(r, CASE, "plight: improper", "plight: infringement"), CASE, 6),
    "id.duplicate": (lambda r: edit(r, BANK, "id: m01-q02", "id: m01-q01"), BANK, 17),
    "id.filename": (lambda r: edit(r, CASE, "id: c001", "id: c002"), CASE, 2),
    "ref.provision": (lambda r: edit(r, CASE, "provisions: [ml-2-1, ml-3]", "provisions: [ml-2-1, ml-99]"), CASE, 18),
    "ref.case": (lambda r: edit(r, BANK, "refs: {cases: [c001]}", "refs: {cases: [c404]}"), BANK, None),
    "ref.module": (lambda r: edit(r, BANK, "module: m01", "module: m09"), BANK, 1),
    "ref.role": (lambda r: edit(r, CASE, "roles: [child_director]", "roles: [child_director, police]"), CASE, 19),
    "ref.version": (lambda r: edit(r, DOC, 'version: "2020"\n    title: {zh: 报告义务', 'version: "2019"\n    title: {zh: 报告义务'), DOC, None),
    "link.missing-page": (lambda r: edit(r, "docs/about.zh.md", "(index.md#principles)", "(nowhere.md)"), "docs/about.zh.md", 3),
    "link.missing-anchor": (lambda r: edit(r, "docs/about.zh.md", "(index.md#principles)", "(index.md#no-such-heading)"), "docs/about.zh.md", 3),
    "link.scheme": (lambda r: edit(r, "docs/index.zh.md", "(provision:ml-2-1)", "(provison:ml-2-1)"), "docs/index.zh.md", 3),
    "link.absolute": (lambda r: edit(r, "docs/index.zh.md", "(provision:ml-2-1)", "(/cases/)"), "docs/index.zh.md", 3),
    "link.insecure": (lambda r: edit(r, "docs/index.zh.md", "(provision:ml-2-1)", "(http://example.org/)"), "docs/index.zh.md", 3),
    "html.forbidden-element": (lambda r: edit(r, "docs/index.zh.md", "强制报告。", "强制报告。\n\n<iframe src=\"x\"></iframe>"), "docs/index.zh.md", 9),
    "html.event-handler": (lambda r: edit(r, "docs/index.zh.md", "强制报告。", "<b onclick=\"go()\">强制报告</b>。"), "docs/index.zh.md", 7),
    "case.section": (lambda r: edit(r, CASE, "## 讨论题 { #discussion }", "## 讨论 { #talk }"), CASE, None),
    "case.discussion": (lambda r: edit(r, CASE, "4. 如何跟进？\n", ""), CASE, None),
    "case.length": (lambda r: None, CASE, None),
    "case.todo": (lambda r: edit(r, CASE, "吃饭不定时。", "待补充：吃饭情况。"), CASE, 31),  # the fixture case is deliberately short
    "case.missing-primary": (lambda r: write(r, "cases/c003.en.md", (r / "cases/c001.en.md").read_text(encoding="utf-8").replace("id: c001", "id: c003")), "cases/c003.en.md", 1),
    "case.pseudonym": (lambda r: edit(r, CASE, "pseudonyms: [小宁, 韦某]", "pseudonyms: [小宁, 韦春花]"), CASE, 20),
    "quiz.single-answer": (lambda r: edit(r, BANK, "      - text: {zh: 等家长回来, en: Wait for the parents}", "      - text: {zh: 等家长回来, en: Wait for the parents}\n        correct: true"), BANK, None),
    "quiz.multiple-answer": (lambda r: edit(r, BANK, "      - text: {zh: 孩子考试不及格, en: The child fails an exam}", "      - text: {zh: 孩子考试不及格, en: The child fails an exam}\n        correct: true"), BANK, None),
    "quiz.options": (lambda r: edit(r, BANK, "    answer: false\n", ""), BANK, None),
    "quiz.duplicate-option": (lambda r: edit(r, BANK, "{zh: 孩子本人, en: The child}", "{zh: 儿童主任, en: The child}"), BANK, None),
    "quiz.scenario-case": (lambda r: edit(r, BANK, "    case: c001\n", ""), BANK, None),
    "quiz.translation": (lambda r: edit(r, BANK, "{zh: 存档不理, en: File it and do nothing}", "{zh: 存档不理, en: \" \"}"), BANK, None),
    "i18n.untranslated": (lambda r: None, "docs/about.zh.md", 1),
    "provision.unverified": (lambda r: edit(r, DOC, "verification: {status: verified, key_terms: [民政部门应当临时监护]}",
                                            "verification: {status: unverified, reason: {zh: 待核, en: to check}}"), DOC, None),
    "provision.unverified-document": (lambda r: edit(r, DOC, "in_reference_set: true", "in_reference_set: false"), DOC, None),
    "pii.phone": (lambda r: edit(r, CASE, "吃饭不定时。", "吃饭不定时，祖母电话13812345678。"), CASE, 31),
    "pii.place": (lambda r: edit(r, CASE, "住在A村", "住在凭祥市"), CASE, None),
    "pii.suppressed": (lambda r: edit(r, CASE, "吃饭不定时。", "吃饭不定时，祖母电话13812345678。<!-- pii-ok: test -->"), CASE, 31),
}
# Rules exercised in other test files: the built site (test_build, test_security), citations
# (test_citations), images (test_security) and each personal-data kind (tests/pii, test_security).
TESTED_ELSEWHERE = {"site.link", "engine.build", "citation.article", "citation.key-term",
                    "citation.reference", "image.metadata", "image.missing", "image.undeclared"} | {
                    r for r in RULES if r.startswith("pii.")}


def test_every_rule_has_a_breaking_fixture():
    missing = set(RULES) - set(BREAKERS) - TESTED_ELSEWHERE
    assert not missing, f"rules without a test: {sorted(missing)}"


def test_clean_fixture_has_no_errors(mini):
    errors = [f.format() for f in findings_of(mini) if f.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("rule", sorted(BREAKERS))
def test_rule_fires_on_its_fixture(mini, rule):
    mutate, path, line = BREAKERS[rule]
    mutate(mini)
    hits = [f for f in findings_of(mini) if f.rule == rule]
    assert hits, f"{rule} did not fire"
    assert any(f.path == path for f in hits), [f.format() for f in hits]
    if line is not None:
        assert any(f.line == line for f in hits if f.path == path), [f.format() for f in hits]


def test_rule_severity_is_the_registered_one(mini):
    BREAKERS["schema.type"][0](mini)
    for finding in findings_of(mini):
        assert finding.severity == RULES[finding.rule].severity


def test_findings_are_one_line_in_the_standard_format(mini):
    BREAKERS["vocab.unknown"][0](mini)
    pattern = re.compile(r"^[^:\s]+:\d+:\d+: (error|warning|info) [a-z0-9.-]+: \S.*$")
    for finding in findings_of(mini):
        assert pattern.match(finding.format()), finding.format()


def test_vocabulary_error_suggests_the_closest_id(mini):
    edit(mini, CASE, "actors: [child_director, community]", "actors: [child_director, comunity]")
    message = next(f.message for f in findings_of(mini) if f.rule == "vocab.unknown")
    assert "did you mean 'community'" in message
