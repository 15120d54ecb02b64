"""Quiz pages: a paper quiz that works without JavaScript (answers in collapsible blocks)."""
from __future__ import annotations

from html import escape

from ..sitemap import SiteMap, quiz_key
from ..sources import BankEntry, Project
from .common import front_matter, t


def quiz_page(project: Project, sitemap: SiteMap, entry: BankEntry, lang: str) -> str:
    bank = entry.bank
    key = quiz_key(bank.module)
    title = getattr(bank.title, lang)
    parts = [front_matter(title=title, description=t("quiz_intro", lang)), f"# {title}\n\n",
             t("quiz_intro", lang) + " " + t("questions_count", lang, n=len(bank.questions)) + "\n\n"]
    for number, question in enumerate(bank.questions, start=1):
        parts.append(_question(sitemap, key, question, number, lang))
    return "".join(parts)


def _question(sitemap: SiteMap, key: str, question, number: int, lang: str) -> str:
    name = f"q-{question.id}"
    stem = escape(getattr(question.stem, lang))
    kind = "checkbox" if question.type == "multiple" else "radio"
    options = question.options
    if question.type == "true_false":
        options = None
    lead = ""
    if question.case:
        target = sitemap.relative(key, f"cases/{question.case}")
        lead = f"{t('scenario_case', lang)}: [{question.case}]({target})\n\n"
    html = [f'<fieldset class="kb-question" id="{question.id}" data-kb-type="{question.type}">',
            f"<legend>{t('question', lang, n=number)}</legend>", f"<p>{stem}</p>"]
    if options is None:
        for value in ("true", "false"):
            html.append(f'<label><input type="radio" name="{name}" value="{value}"> {t(value, lang)}</label>')
    else:
        for index, option in enumerate(options):
            html.append(f'<label><input type="{kind}" name="{name}" value="{index}"> '
                        f"{escape(getattr(option.text, lang))}</label>")
    html.append("</fieldset>\n")
    return lead + "\n".join(html) + "\n" + _answer(sitemap, key, question, lang) + "\n"


def _answer(sitemap: SiteMap, key: str, question, lang: str) -> str:
    if question.type == "true_false":
        correct = t("true" if question.answer else "false", lang)
    else:
        letters = [chr(ord("A") + i) for i, option in enumerate(question.options) if option.correct]
        correct = ", ".join(letters)
    lines = [f'??? success "{t("answer", lang)}"', f"    **{t('correct_answer', lang)}**: {correct}", "",
             f"    {getattr(question.explanation, lang)}", ""]
    for index, option in enumerate(question.options):
        if option.feedback:
            lines.append(f"    - {chr(ord('A') + index)}: {getattr(option.feedback, lang)}")
    refs = [f"[{card_id}]({sitemap.relative(key, sitemap.kb_target('provision', card_id))})"
            for card_id in question.refs.provisions]
    refs += [f"[{case_id}]({sitemap.relative(key, f'cases/{case_id}')})" for case_id in question.refs.cases]
    if refs:
        lines += ["", f"    {t('see_also', lang)}: " + " · ".join(refs)]
    return "\n".join(lines) + "\n"


def quizzes_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "quizzes/index"
    parts = [front_matter(title=t("quizzes", lang)), f"# {t('quizzes', lang)}\n\n"]
    for entry in sorted(project.banks.values(), key=lambda e: e.bank.module):
        target = sitemap.relative(key, quiz_key(entry.bank.module))
        parts.append(f"- [{getattr(entry.bank.title, lang)}]({target})"
                     f" — {t('questions_count', lang, n=len(entry.bank.questions))}\n")
    return "".join(parts) + "\n"
