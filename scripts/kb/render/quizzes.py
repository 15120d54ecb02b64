"""Quiz pages: a paper quiz that works without JavaScript (answers in collapsible blocks);
quiz.js (loaded only on quiz pages) adds checking, feedback, a score, retry and saved progress.

HTML contract with assets/kb/quiz.js:
  <div class="kb-quiz" data-kb-quiz="ID">              one per page
    <fieldset class="kb-question" id="QID" data-kb-type="single|multiple|true_false|scenario"
              data-kb-correct="0,2">                     indexes of the correct options ("true"/"false")
      <legend>…</legend> <p class="kb-stem">…</p>
      <div class="kb-options"><label><input type=radio|checkbox name="q-QID" value="0"> text</label>…</div>
      <div class="kb-result" role="status" aria-live="polite"></div>
    </fieldset>
    <details class="kb-answer …"> … <ul><li data-kb-option="1">feedback for option B</li></ul> … </details>
    …
    <div class="kb-score" role="status" aria-live="polite"></div>
  </div>
"""
from __future__ import annotations

from html import escape

from ..sitemap import SiteMap, quiz_key
from ..sources import Project
from .common import front_matter, t

QUIZ_ASSETS = {"kb_css": "assets/kb/quiz.css", "kb_js": "assets/kb/quiz.js"}


def quiz_document(sitemap: SiteMap, key: str, quiz_id: str, title: str, intro: str, questions, lang: str,
                  unsearchable: bool = False) -> str:
    """A quiz page from any list of questions (a bank, a pre-test, an exam …)."""
    parts = [front_matter(title=title, description=t("quiz_intro", lang), unsearchable=unsearchable, **QUIZ_ASSETS),
             f"# {title}\n\n",
             (intro + " " if intro else "") + t("quiz_intro", lang) + " "
             + t("questions_count", lang, n=len(questions)) + "\n\n",
             f'<div class="kb-quiz" data-kb-quiz="{escape(quiz_id)}" markdown>\n\n']
    for number, question in enumerate(questions, start=1):
        parts.append(_question(sitemap, key, question, number, lang))
    parts.append('<div class="kb-score" role="status" aria-live="polite"></div>\n\n</div>\n')
    return "".join(parts)


def quiz_page(project: Project, sitemap: SiteMap, entry, lang: str) -> str:
    bank = entry.bank
    return quiz_document(sitemap, quiz_key(bank.module), bank.module, getattr(bank.title, lang), "",
                         bank.questions, lang)


def correct_values(question) -> str:
    if question.type == "true_false":
        return "true" if question.answer else "false"
    return ",".join(str(i) for i, option in enumerate(question.options) if option.correct)


def _question(sitemap: SiteMap, key: str, question, number: int, lang: str) -> str:
    name = f"q-{question.id}"
    kind = "checkbox" if question.type == "multiple" else "radio"
    lead = ""
    if question.case:
        target = sitemap.relative(key, f"cases/{question.case}")
        lead = f"{t('scenario_case', lang)}: [{question.case}]({target})\n\n"
    html = [f'<fieldset class="kb-question" id="{question.id}" data-kb-type="{question.type}" '
            f'data-kb-correct="{correct_values(question)}">',
            f"<legend>{t('question', lang, n=number)}</legend>",
            f'<p class="kb-stem">{escape(getattr(question.stem, lang))}</p>', '<div class="kb-options">']
    if question.type == "true_false":
        for value in ("true", "false"):
            html.append(f'<label><input type="radio" name="{name}" value="{value}"> {t(value, lang)}</label>')
    else:
        for index, option in enumerate(question.options):
            html.append(f'<label><input type="{kind}" name="{name}" value="{index}"> '
                        f"{chr(ord('A') + index)}. {escape(getattr(option.text, lang))}</label>")
    html += ["</div>", '<div class="kb-result" role="status" aria-live="polite"></div>', "</fieldset>\n"]
    return lead + "\n".join(html) + "\n" + _answer(sitemap, key, question, lang) + "\n"


def _answer(sitemap: SiteMap, key: str, question, lang: str) -> str:
    if question.type == "true_false":
        correct = t("true" if question.answer else "false", lang)
    else:
        correct = ", ".join(chr(ord("A") + i) for i, option in enumerate(question.options) if option.correct)
    lines = [f'??? success kb-answer "{t("answer", lang)}"', f"    **{t('correct_answer', lang)}**: {correct}", "",
             f"    {getattr(question.explanation, lang)}", ""]
    feedback = [(i, o) for i, o in enumerate(question.options) if o.feedback]
    for i, option in feedback:  # attr_list puts data-kb-option on each list item, for quiz.js
        lines += [f"    - {chr(ord('A') + i)}: {getattr(option.feedback, lang)}", f'    {{ data-kb-option="{i}" }}']
    if feedback:
        lines.append("")
    refs = [f"[{card_id}]({sitemap.relative(key, sitemap.kb_target('provision', card_id))})"
            for card_id in question.refs.provisions]
    refs += [f"[{case_id}]({sitemap.relative(key, f'cases/{case_id}')})" for case_id in question.refs.cases]
    if refs:
        lines += [f"    {t('see_also', lang)}: " + " · ".join(refs)]
    if question.generated:
        lines += ["", f"    *{t('generated_question', lang)}*"]
    return "\n".join(lines) + "\n"


def quizzes_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "quizzes/index"
    parts = [front_matter(title=t("quizzes", lang)), f"# {t('quizzes', lang)}\n\n"]
    for entry in sorted(project.banks.values(), key=lambda e: e.bank.module):
        target = sitemap.relative(key, quiz_key(entry.bank.module))
        parts.append(f"- [{getattr(entry.bank.title, lang)}]({target})"
                     f" — {t('questions_count', lang, n=len(entry.bank.questions))}\n")
    return "".join(parts) + "\n"
