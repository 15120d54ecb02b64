"""Cases: the required sections, at least four discussion questions, length, pseudonym forms."""
from __future__ import annotations

import re
from typing import Iterator

from ..mdscan import scan
from ..report import Finding
from ..sources import Case, Project

REQUIRED_SECTIONS = ("background", "dimensions", "basic-life", "safety", "mental-health",
                     "social-development", "timeline", "actors", "lessons", "discussion", "trainer-notes")
MIN_QUESTIONS = 4
LENGTH = (1200, 2500)
HAN = re.compile(r"[\u4e00-\u9fff]")
# Kinship words and titles that may follow a bare surname (王奶奶, 黄老师): they name no one.
KIN_OR_TITLE = ("老师|奶奶|爷爷|外婆|外公|阿婆|阿公|婆婆|公公|婶婶|婶|叔叔|叔|伯伯|伯|姑妈|姑姑|姑|阿姨|姨妈|姨|"
                "舅舅|舅|嫂子|嫂|大哥|大姐|哥|姐|医生|校长|书记|主任|警官|所长|社工|法官|检察官|村长|大爷|大妈|老板|师傅")
# 小宁 / 小A (children), 韦某 / 黄某某 / 李某甲 (adults), 王奶奶 / 黄老师, or any name followed by （化名）
PSEUDONYM = re.compile(rf"^(小[\u4e00-\u9fffA-Z]{{1,2}}|[\u4e00-\u9fff]{{1,2}}某{{1,2}}[甲乙丙丁]?"
                       rf"|[\u4e00-\u9fff](?:{KIN_OR_TITLE})|.+（化名）)$")


def check_cases(project: Project) -> Iterator[Finding]:
    for case in project.cases.values():
        if case.meta is None:
            if case.id in project.broken_ids:
                continue  # its Chinese file exists but did not load: that error is already reported
            for lang, source in case.files.items():
                yield Finding(source.rel, 1, 1, "case.missing-primary",
                              f"case '{case.id}' has no Chinese file cases/{case.id}.zh.md")
            continue
        yield from _sections(case)
        yield from _todo(case)
        yield from _length(case)
        yield from _pseudonyms(case)


def _sections(case: Case) -> Iterator[Finding]:
    for lang, source in case.files.items():
        result = scan(source.body, source.body_first_line)
        anchors = {heading.anchor for heading in result.headings}
        for section in REQUIRED_SECTIONS:
            if section not in anchors:
                yield Finding(source.rel, source.body_first_line, 1, "case.section",
                              f"missing section with heading id '#{section}'")
        if "discussion" in anchors and result.ordered_items.get("discussion", 0) < MIN_QUESTIONS:
            line = next(h.line for h in result.headings if h.anchor == "discussion")
            yield Finding(source.rel, line, 1, "case.discussion",
                          f"{result.ordered_items.get('discussion', 0)} discussion questions; at least {MIN_QUESTIONS} needed")


TODO = re.compile(r"待补充|TODO")


def _todo(case: Case) -> Iterator[Finding]:
    for source in case.files.values():
        for number, line in enumerate(source.text.splitlines(), start=1):
            match = TODO.search(line)
            if match:
                yield Finding(source.rel, number, match.start() + 1, "case.todo", "text still to be written")


def _length(case: Case) -> Iterator[Finding]:
    source = case.files["zh"]
    count = len(HAN.findall(source.body))
    low, high = LENGTH
    if not low <= count <= high:
        yield Finding(source.rel, source.body_first_line, 1, "case.length",
                      f"{count} Chinese characters of body text; aim for {low:,}–{high:,}")


def _pseudonyms(case: Case) -> Iterator[Finding]:
    source = case.files["zh"]
    for index, name in enumerate(case.meta.pseudonyms):
        if not PSEUDONYM.match(name):
            line, col = source.at(("pseudonyms", index))
            yield Finding(source.rel, line, col, "case.pseudonym",
                          f"'{name}' is not a pseudonym form (小X for children, X某 for adults, or …（化名）)")
