"""Question rules: right number of correct options, no duplicates, scenarios name their case."""
from __future__ import annotations

from typing import Iterator

from ..model import LANGS, Question
from ..report import Finding
from ..sources import Project


def check_questions(project: Project) -> Iterator[Finding]:
    for entry in project.banks.values():
        for index, question in enumerate(entry.bank.questions):
            for rule, message, field in question_problems(question):
                line, col = entry.file.at(("questions", index, field))
                yield Finding(entry.file.rel, line, col, rule, f"{question.id}: {message}")


def question_problems(question: Question) -> Iterator[tuple[str, str, str]]:
    correct = sum(option.correct for option in question.options)
    if question.type == "true_false":
        if question.options:
            yield "quiz.options", "a true/false question has `answer:` and no options", "options"
        if question.answer is None:
            yield "quiz.options", "a true/false question needs `answer: true` or `answer: false`", "type"
        return
    if question.answer is not None:
        yield "quiz.options", "`answer:` is only for true/false questions", "answer"
    if question.type in ("single", "scenario"):
        if len(question.options) < 2 or correct != 1:
            yield ("quiz.single-answer",
                   f"{len(question.options)} options with {correct} correct; a single-choice question needs exactly one",
                   "options")
    elif question.type == "multiple":
        if len(question.options) < 3 or correct < 1 or correct == len(question.options):
            yield ("quiz.multiple-answer",
                   f"{len(question.options)} options with {correct} correct; give at least 3 options, "
                   "at least one correct and one wrong", "options")
    if question.type == "scenario" and not question.case:
        yield "quiz.scenario-case", "a scenario question names its case with `case:`", "type"
    for lang in LANGS:
        texts = [getattr(option.text, lang) for option in question.options]
        duplicates = sorted({text for text in texts if texts.count(text) > 1})
        if duplicates:
            yield "quiz.duplicate-option", f"duplicate {lang} option text: {', '.join(duplicates)}", "options"
