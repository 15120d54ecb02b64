"""`kb new-case`: the next free case id and both language files with full front matter and the
section skeleton. The result passes `kb check` apart from the text still to be written (warnings)."""
from __future__ import annotations

import datetime as dt
import re

import yaml

from .sources import Project
from .vocabulary import ids

SECTIONS = {
    "zh": [("背景", "background"), ("儿童处境：四个维度", "dimensions"), ("### 基本生活", "basic-life"),
           ("### 安全", "safety"), ("### 心理健康", "mental-health"), ("### 社会发展", "social-development"),
           ("事件经过", "timeline"), ("各方做了什么", "actors"), ("成效与不足", "lessons"), ("讨论题", "discussion"),
           ("培训者笔记", "trainer-notes")],
    "en": [("Background", "background"), ("The child's situation in four dimensions", "dimensions"),
           ("### Basic living needs", "basic-life"), ("### Safety", "safety"), ("### Mental health", "mental-health"),
           ("### Social development", "social-development"), ("What happened", "timeline"),
           ("What each actor did", "actors"), ("What worked and what did not", "lessons"),
           ("Discussion questions", "discussion"), ("Trainer notes", "trainer-notes")],
}
TODO = {"zh": "待补充", "en": "TODO"}
FIELDS = {  # flag -> (vocabulary, many)
    "plight": ("plight", False), "subtypes": ("plight_subtype", True), "dimensions": ("vulnerability", True),
    "actors": ("actor", True), "stages": ("stage", True), "risk": ("risk_level", False),
    "use": ("teaching_use", True), "border": ("border_flag", True),
}


def next_case_id(project: Project) -> str:
    numbers = [int(re.sub(r"\D", "", case_id)) for case_id in set(project.cases) | project.broken_ids
               if re.fullmatch(r"c\d{3,4}", case_id)]
    return f"c{max(numbers, default=0) + 1:03d}"


def validate_choices(values: dict[str, list[str] | str]) -> list[str]:
    """Problems with the chosen vocabulary ids, one line each."""
    problems = []
    for flag, (kind, many) in FIELDS.items():
        chosen = values.get(flag) or ([] if many else None)
        for value in (chosen if many else [chosen] if chosen else []):
            if value not in ids(kind):
                problems.append(f"--{flag}: '{value}' is not a {kind} id; choose from: {', '.join(ids(kind))}")
    return problems


def case_files(case_id: str, title_zh: str, title_en: str, values: dict, today: dt.date) -> dict[str, str]:
    todo = TODO["zh"]
    meta = {
        "id": case_id, "title": title_zh, "summary": f"{todo}：一两句话概括案情和教学重点。",
        "plight": values["plight"], "plight_subtypes": values["subtypes"], "vulnerability": values["dimensions"],
        "actors": values["actors"], "stages": values["stages"], "measures": [], "problems": [], "causes": [],
        "remedies": [], "risk_level": values["risk"], "border": values.get("border") or [],
        "teaching_use": values["use"], "learning_objectives": [f"{todo}：学完本案例，你能……"], "provisions": [],
        "roles": values["actors"], "pseudonyms": [],
        "anonymization": {"source": "composite", "reidentification_risk": "low", "reviewed": today},
    }
    en_meta = {"id": case_id, "title": title_en, "summary": "TODO: one or two sentences.",
               "learning_objectives": ["TODO: after this case you can …"], "pseudonyms": []}
    return {"zh": _file(meta, "zh"), "en": _file(en_meta, "en")}


def _file(meta: dict, lang: str) -> str:
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n"
    for heading, anchor in SECTIONS[lang]:
        level = "" if heading.startswith("###") else "## "
        text += f"\n{level}{heading} {{ #{anchor} }}\n\n"
        if anchor == "discussion":
            text += "".join(f"{n}. {TODO[lang]}\n" for n in range(1, 5))
        elif anchor == "timeline":
            head = "| 时间 | 事件 |" if lang == "zh" else "| When | Event |"
            day = "第1天" if lang == "zh" else "Day 1"
            text += f"{head}\n|---|---|\n| {day} | {TODO[lang]} |\n"
        elif anchor == "trainer-notes":
            title = "参考答案（培训者用）" if lang == "zh" else "Model answer (for trainers)"
            text += f'??? note "{title}"\n    {TODO[lang]}\n'
        elif anchor != "dimensions":
            text += f"{TODO[lang]}\n"
    return text
