"""Quiz index, assembled quiz pages, trainers' answer keys and the Moodle export downloads."""
from __future__ import annotations

from ..quizgen import Quiz
from ..sitemap import SiteMap, quiz_key
from ..sources import Project
from .common import escape_table, front_matter, strings, t
from .quizzes import quiz_document

UI = {
    "banks": {"zh": "模块题库", "en": "Module question banks"},
    "tests": {"zh": "课前测与课后测", "en": "Pre-tests and post-tests"},
    "roles": {"zh": "按角色自测", "en": "Self-checks by role"},
    "exam": {"zh": "综合考试", "en": "Comprehensive exam"},
    "generated": {"zh": "自动生成的练习", "en": "Generated practice"},
    "trainers": {"zh": "培训者专区：答案与导出", "en": "For trainers: answer keys and exports"},
    "trainers_intro": {"zh": "每份测验的答案页可直接打印。导出文件可导入 Moodle（GIFT 或 Moodle XML 格式，每份测验一个题目类别）。",
                       "en": "Every quiz's answer key prints cleanly. The exports import into Moodle (GIFT or Moodle XML; one question category per quiz)."},
    "key": {"zh": "答案", "en": "Answer key"},
    "no": {"zh": "题号", "en": "No."},
    "answer": {"zh": "答案", "en": "Answer"},
    "id": {"zh": "题目编号", "en": "Question id"},
    "quiz": {"zh": "测验", "en": "Quiz"},
    "download": {"zh": "下载", "en": "Download"},
    "all": {"zh": "全部题目", "en": "All questions"},
}


u = strings(UI)


def key_of(quiz: Quiz) -> str:
    return quiz_key(quiz.module) if quiz.kind == "bank" else f"quizzes/{quiz.id}"


def assembled_page(sitemap: SiteMap, quiz: Quiz, lang: str) -> str:
    # Assembled quizzes repeat the banks' questions: searchable once, in the banks.
    return quiz_document(sitemap, key_of(quiz), quiz.id, getattr(quiz.title, lang), "", quiz.questions, lang,
                         unsearchable=True)


def quizzes_index(project: Project, sitemap: SiteMap, quizzes: list[Quiz], lang: str) -> str:
    key = "quizzes/index"
    parts = [front_matter(title=t("quizzes", lang)), f"# {t('quizzes', lang)}\n\n"]

    def section(title: str, items: list[Quiz]) -> None:
        if items:
            parts.append(f"## {title}\n\n")
            parts.extend(f"- [{getattr(q.title, lang)}]({sitemap.relative(key, key_of(q))})"
                         f" — {t('questions_count', lang, n=len(q.questions))}\n" for q in items)
            parts.append("\n")

    banks = [bank_quiz(entry) for entry in sorted(project.banks.values(), key=lambda e: e.bank.module)]
    section(u("banks", lang), banks)
    section(u("tests", lang), [q for q in quizzes if q.kind in ("pre", "post")])
    section(u("roles", lang), [q for q in quizzes if q.kind == "role"])
    section(u("exam", lang), [q for q in quizzes if q.kind == "exam"])
    section(u("generated", lang), [q for q in quizzes if q.kind == "generated"])
    parts.append(f"[{u('trainers', lang)}]({sitemap.relative(key, 'trainers/index')})\n")
    return "".join(parts)


def bank_quiz(entry) -> Quiz:
    return Quiz(entry.bank.module, entry.bank.title, entry.bank.questions, "bank", module=entry.bank.module)


def answer(question, lang: str) -> str:
    if question.type == "true_false":
        return t("true" if question.answer else "false", lang)
    return ", ".join(chr(ord("A") + i) for i, option in enumerate(question.options) if option.correct)


def answer_key_page(sitemap: SiteMap, quiz: Quiz, lang: str) -> str:
    key = f"trainers/keys/{quiz.id}"
    title = f"{getattr(quiz.title, lang)} · {u('key', lang)}"
    parts = [front_matter(title=title, unsearchable=True), f"# {title}\n\n",  # answers stay out of search
             f"[{u('quiz', lang)}]({sitemap.relative(key, key_of(quiz))})\n\n",
             f"| {u('no', lang)} | {u('answer', lang)} | {u('id', lang)} | {t('answer', lang)} |\n|---|---|---|---|\n"]
    for number, question in enumerate(quiz.questions, start=1):
        parts.append(f"| {number} | **{answer(question, lang)}** | `{question.id}` | "
                     f"{escape_table(getattr(question.explanation, lang))} |\n")
    return "".join(parts) + "\n"


def trainers_page(sitemap: SiteMap, quizzes: list[Quiz], lang: str) -> str:
    key = "trainers/index"
    parts = [front_matter(title=u("trainers", lang)), f"# {u('trainers', lang)}\n\n", u("trainers_intro", lang) + "\n\n",
             f"| {u('quiz', lang)} | {u('key', lang)} | GIFT | Moodle XML |\n|---|---|---|---|\n"]
    for quiz in quizzes:
        parts.append(f"| {escape_table(getattr(quiz.title, lang))} | "
                     f"[{u('key', lang)}]({sitemap.relative(key, f'trainers/keys/{quiz.id}')}) | "
                     f"[{quiz.id}.gift](export/{quiz.id}.gift) | [{quiz.id}.xml](export/{quiz.id}.xml) |\n")
    parts.append(f"| **{u('all', lang)}** | | [all.gift](export/all.gift) | [all.xml](export/all.xml) |\n")
    return "".join(parts) + "\n"
