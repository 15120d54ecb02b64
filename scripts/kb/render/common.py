"""Shared pieces of rendering: interface strings, labels, front matter, notices."""
from __future__ import annotations

import yaml

from ..model import LANGS
from ..vocabulary import label

UI = {
    "home": {"zh": "首页", "en": "Home"},
    "cases": {"zh": "案例库", "en": "Cases"},
    "provisions": {"zh": "政策法规", "en": "Laws and policies"},
    "roles": {"zh": "角色指南", "en": "Role guides"},
    "quizzes": {"zh": "自测题", "en": "Self-check quizzes"},
    "workflow": {"zh": "工作流程", "en": "Workflow"},
    "tools": {"zh": "工具与表单", "en": "Tools and forms"},
    "modules": {"zh": "培训课程", "en": "Training modules"},
    "glossary": {"zh": "术语表", "en": "Glossary"},
    "generated_question": {"zh": "本题由知识库根据内容元数据自动生成。", "en": "This question was generated from the knowledge base's metadata."},
    "view_actors": {"zh": "按主体查看", "en": "By actor"},
    "view_matrix": {"zh": "主题 × 层级", "en": "Topics by level"},
    "view_pocket": {"zh": "口袋卡", "en": "Pocket cards"},
    "view_changes": {"zh": "法规变化", "en": "What changed"},
    "view_gaps": {"zh": "政策短板", "en": "Policy gaps"},
    "duration": {"zh": "时长", "en": "Duration"},
    "minutes": {"zh": "{n} 分钟", "en": "{n} min"},
    "learners": {"zh": "学员", "en": "Learners"},
    "untranslated": {"zh": "尚未翻译 / not yet translated",
                     "en": "Not yet translated / 尚未翻译"},
    "untranslated_body": {"zh": "本页还没有中文版本，下面显示的是英文原文。",
                          "en": "This page has no English version yet; the Chinese text is shown below."},
    "summary": {"zh": "概要", "en": "Summary"},
    "facets": {"zh": "案例标签", "en": "Case facets"},
    "plight": {"zh": "监护困境类型", "en": "Plight type"},
    "plight_subtypes": {"zh": "具体情形", "en": "Situation"},
    "vulnerability": {"zh": "脆弱性维度", "en": "Vulnerability dimensions"},
    "actors": {"zh": "涉及主体", "en": "Actors involved"},
    "stages": {"zh": "个案管理阶段", "en": "Case-management stages"},
    "measures": {"zh": "法律与行政措施", "en": "Legal and administrative measures"},
    "problems": {"zh": "反映的问题", "en": "Problems illustrated"},
    "causes": {"zh": "成因", "en": "Causes"},
    "remedies": {"zh": "对策", "en": "Remedies"},
    "risk_level": {"zh": "风险等级", "en": "Risk level"},
    "border": {"zh": "边境与民族", "en": "Border and ethnicity"},
    "teaching_use": {"zh": "教学用途", "en": "Teaching use"},
    "objectives": {"zh": "学习目标", "en": "Learning objectives"},
    "legal_basis": {"zh": "法律政策依据", "en": "Legal basis"},
    "for_roles": {"zh": "适用角色", "en": "For these roles"},
    "questions_citing": {"zh": "相关自测题", "en": "Quiz questions"},
    "cases_citing": {"zh": "引用本条的案例", "en": "Cases citing this provision"},
    "role_cases": {"zh": "与本角色相关的案例", "en": "Cases for this role"},
    "none": {"zh": "暂无。", "en": "None yet."},
    "composite_note": {"zh": "本案例为合成教学案例，人物均为化名，地点均已隐去。",
                       "en": "This is a composite teaching case; all names are pseudonyms and places are withheld."},
    "document": {"zh": "文件", "en": "Document"},
    "level": {"zh": "层级", "en": "Level"},
    "issuer": {"zh": "发布机关", "en": "Issued by"},
    "doc_number": {"zh": "文号", "en": "Document number"},
    "versions": {"zh": "版本", "en": "Versions"},
    "text_date": {"zh": "文本日期", "en": "Text date"},
    "in_force": {"zh": "施行日期", "en": "In force"},
    "status": {"zh": "状态", "en": "Status"},
    "cards": {"zh": "条文卡片", "en": "Provision cards"},
    "obliges": {"zh": "义务主体", "en": "Who must act"},
    "topics": {"zh": "主题", "en": "Topics"},
    "practice": {"zh": "实务要点", "en": "In practice"},
    "verification": {"zh": "核对情况", "en": "Verification"},
    "verified": {"zh": "已与参考文本逐字核对（条、款、项及关键词）。", "en": "Checked against the reference text (article, paragraph, item and key terms)."},
    "unverified": {"zh": "未核实", "en": "Unverified"},
    "not_in_reference": {"zh": "本文件不在项目参考文本集中：只列出可确认的标题、发布机关和日期，不作条文层面的引用。",
                         "en": "This document is not in the project's reference set: only its title, issuer and date are given, with no article-level claims."},
    "official_source": {"zh": "官方来源", "en": "Official source"},
    "note": {"zh": "说明", "en": "Note"},
    "back_to_document": {"zh": "返回文件", "en": "Back to the document"},
    "version": {"zh": "版本", "en": "Version"},
    "count_cases": {"zh": "共 {n} 个案例。", "en": "{n} cases."},
    "question": {"zh": "第 {n} 题", "en": "Question {n}"},
    "answer": {"zh": "答案与解析", "en": "Answer and explanation"},
    "correct_answer": {"zh": "正确答案", "en": "Correct answer"},
    "true": {"zh": "正确", "en": "True"},
    "false": {"zh": "错误", "en": "False"},
    "see_also": {"zh": "参见", "en": "See"},
    "scenario_case": {"zh": "情景案例", "en": "Scenario case"},
    "questions_count": {"zh": "共 {n} 题。", "en": "{n} questions."},
    "quiz_intro": {"zh": "选出答案后展开“答案与解析”核对。本页打印时不显示答案。",
                   "en": "Choose your answers, then open “Answer and explanation” to check. Answers are not printed."},
    "partners": {"zh": "主要合作方", "en": "Main partners"},
    "role_questions": {"zh": "本角色的自测题", "en": "Quiz questions for this role"},
    "module": {"zh": "培训模块", "en": "Training module"},
}


def strings(table: dict[str, dict[str, str]]):
    """The lookup for one module's interface strings: lookup(key, lang, **values)."""
    def lookup(key: str, lang: str, **values) -> str:
        return table[key][lang].format(**values)
    return lookup


t = strings(UI)


def labels(kind: str, ids, lang: str, short: bool = False) -> str:
    sep = "、" if lang == "zh" else ", "
    return sep.join(label(kind, term, lang, short) for term in ids) or "—"


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when available: thousands of pages


def front_matter(boost: float | None = None, unsearchable: bool = False, **fields) -> str:
    """Staged front matter: title, description, kb_css / kb_js for page-specific assets, and a search
    boost (readers who search a legal term want the rule before the stories that mention it)."""
    fields = {key: value for key, value in fields.items() if value is not None}
    if boost:
        fields["search"] = {"boost": boost}
    if unsearchable:  # print pages repeat the whole site: keep them out of the search results
        fields["search"] = {"exclude": True}
    return "---\n" + yaml.dump(fields, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def untranslated_notice(lang: str) -> str:
    return f'!!! warning "{t("untranslated", lang)}"\n    {t("untranslated_body", lang)}\n\n'


def other(lang: str) -> str:
    return next(code for code in LANGS if code != lang)


def escape_table(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
