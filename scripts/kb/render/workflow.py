"""The case-management workflow page: one who-does-what swimlane per stage, drawn as SVG at build
time (no diagram library, no CDN), each followed by the same content as an accessible table."""
from __future__ import annotations

from html import escape

from ..model import StageLanes, Workflow
from ..sitemap import SiteMap
from ..vocabulary import label
from .common import escape_table, front_matter

UI = {
    "title": {"zh": "个案管理流程：谁在什么时候做什么", "en": "Case management: who does what, and when"},
    "intro": {"zh": "从发现到结案，每个阶段各方的任务如下。图下的表格内容相同，便于读屏和搜索。",
              "en": "The tasks of each actor at each stage, from discovery to closure. The table under each "
                    "diagram holds the same content, for screen readers and search."},
    "actor": {"zh": "主体", "en": "Actor"},
    "tasks": {"zh": "任务", "en": "Tasks"},
    "legal": {"zh": "依据", "en": "Legal basis"},
    "see": {"zh": "另见：[决策辅助](decisions.md) · [多部门协同](coordination.md)",
            "en": "See also: [decision aids](decisions.md) · [working together](coordination.md)"},
}
LABEL_WIDTH, BOX_WIDTH, GAP, LINE, PAD = 120, 168, 10, 17, 8


def workflow_page(workflow: Workflow, sitemap: SiteMap, lang: str, authored: set[str]) -> str:
    key = "workflow/index"
    parts = [front_matter(title=UI["title"][lang], description=UI["intro"][lang]), f"# {UI['title'][lang]}\n\n",
             UI["intro"][lang] + "\n\n"]
    if {"workflow/decisions", "workflow/coordination"} <= authored:
        parts.append(UI["see"][lang] + "\n\n")
    for stage in workflow.stages:
        name = label("stage", stage.stage, lang)
        parts.append(f"## {name} {{ #{stage.stage} }}\n\n{getattr(stage.summary, lang)}\n\n")
        parts.append(f"![{escape_table(name)}]({stage.stage}.svg)\n\n")
        parts.append(f"| {UI['actor'][lang]} | {UI['tasks'][lang]} |\n|---|---|\n")
        for lane in stage.lanes:
            tasks = "<br>".join(escape_table(getattr(task, lang)) for task in lane.tasks)
            parts.append(f"| {label('actor', lane.actor, lang, short=True)} | {tasks} |\n")
        if stage.provisions:
            links = [f"[{card}]({sitemap.relative(key, sitemap.kb_target('provision', card))})" for card in stage.provisions]
            parts.append(f"\n{UI['legal'][lang]}: " + " · ".join(links) + "\n")
        parts.append("\n")
    return "".join(parts)


def _wrap(text: str, lang: str) -> list[str]:
    if lang == "zh":
        lines: list[str] = []
        for char in text:
            if lines and (len(lines[-1]) < 9 or char in "，、。；：）”！？"):  # no line starts with punctuation
                lines[-1] += char
            else:
                lines.append(char)
        return lines
    lines, current = [], ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > 22:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return lines + ([current] if current else [])


def swimlane_svg(stage: StageLanes, lang: str) -> str:
    """One stage as a swimlane diagram: a row per actor, a box per task."""
    columns = max(len(lane.tasks) for lane in stage.lanes)
    width = LABEL_WIDTH + columns * (BOX_WIDTH + GAP) + GAP
    rows, y = [], 40
    for index, lane in enumerate(stage.lanes):
        wrapped = [_wrap(getattr(task, lang), lang) for task in lane.tasks]
        height = max(len(lines) for lines in wrapped) * LINE + 2 * PAD
        shade = "#eef5f4" if index % 2 == 0 else "#ffffff"
        rows.append(f'<rect x="0" y="{y}" width="{width}" height="{height + 2 * GAP}" fill="{shade}"/>')
        name = escape(label("actor", lane.actor, lang, short=True))
        rows.append(f'<text x="{PAD}" y="{y + GAP + PAD + 12}" font-weight="bold">{name}</text>')
        for column, lines in enumerate(wrapped):
            x = LABEL_WIDTH + column * (BOX_WIDTH + GAP)
            rows.append(f'<rect x="{x}" y="{y + GAP}" width="{BOX_WIDTH}" height="{height}" rx="6" '
                        f'fill="#ffffff" stroke="#00695c"/>')
            for number, text in enumerate(lines):
                rows.append(f'<text x="{x + PAD}" y="{y + GAP + PAD + 12 + number * LINE}">{escape(text)}</text>')
        y += height + 2 * GAP
    title = escape(label("stage", stage.stage, lang))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {y + GAP}" width="{width}" '
            f'height="{y + GAP}" role="img" aria-label="{title}" font-family="PingFang SC, Microsoft YaHei, '
            f'Noto Sans CJK SC, sans-serif" font-size="13" fill="#1a1a1a">'
            f"<title>{title}</title>"
            f'<text x="{PAD}" y="24" font-size="16" font-weight="bold">{title}</text>'
            + "".join(rows) + "</svg>\n")
