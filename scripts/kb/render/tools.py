"""Field tools: a page with instructions and a filled-in example, a printable blank form, and an index."""
from __future__ import annotations

from ..model import Tool
from ..sitemap import SiteMap
from ..vocabulary import ids as vocab_ids
from ..vocabulary import label
from .common import escape_table, front_matter, labels, strings

UI = {
    "tools": {"zh": "工具与表单", "en": "Tools and forms"},
    "purpose": {"zh": "用途", "en": "Purpose"},
    "users": {"zh": "使用者", "en": "Used by"},
    "stages": {"zh": "个案管理阶段", "en": "Case-management stages"},
    "how": {"zh": "使用说明", "en": "How to use it"},
    "county": {"zh": "由县里设定的参数", "en": "Parameters the county sets"},
    "example": {"zh": "填写示例", "en": "Filled-in example"},
    "example_from": {"zh": "示例取自合成案例", "en": "The example comes from the composite case"},
    "blank": {"zh": "空白表（可打印）", "en": "Blank form (printable)"},
    "word": {"zh": "下载 Word 版", "en": "Download as Word"},
    "field": {"zh": "项目", "en": "Field"},
    "value": {"zh": "填写内容", "en": "Entry"},
    "legal": {"zh": "法律政策依据", "en": "Legal basis"},
    "print_note": {"zh": "打印本页即得空白表。", "en": "Print this page for a blank form."},
    "yes_no": {"zh": "□ 是　□ 否", "en": "□ Yes  □ No"},
    "sign": {"zh": "签名：＿＿＿＿＿＿　日期：＿＿＿＿", "en": "Signature: ________  Date: ______"},
}


u = strings(UI)


def tool_key(tool_id: str) -> str:
    return f"tools/{tool_id}"


def print_key(tool_id: str) -> str:
    return f"tools/{tool_id}-print"


def docx_name(tool_id: str) -> str:
    return f"{tool_id}.docx"


def tool_page(tool: Tool, sitemap: SiteMap, lang: str) -> str:
    key = tool_key(tool.id)
    title = getattr(tool.title, lang)
    parts = [front_matter(title=title, description=getattr(tool.purpose, lang)), f"# {title}\n\n",
             getattr(tool.purpose, lang) + "\n\n",
             f"[{u('blank', lang)}]({sitemap.relative(key, print_key(tool.id))}) · "
             f"[{u('word', lang)}]({docx_name(tool.id)})\n\n",
             f"| | |\n|---|---|\n| {u('users', lang)} | {labels('actor', tool.users, lang, short=True)} |\n"
             f"| {u('stages', lang)} | {labels('stage', tool.stages, lang)} |\n\n",
             f"## {u('how', lang)} {{ #how }}\n\n{sitemap.rewrite(getattr(tool.instructions, lang).strip(), key)}\n\n"]
    if tool.county_parameters:
        parts.append(f"## {u('county', lang)} {{ #county }}\n\n")
        parts += [f"- {getattr(parameter, lang)}\n" for parameter in tool.county_parameters]
        parts.append("\n")
    parts.append(f"## {u('example', lang)} {{ #example }}\n\n")
    if tool.example_case:
        parts.append(f"{u('example_from', lang)} [{tool.example_case}]"
                     f"({sitemap.relative(key, f'cases/{tool.example_case}')}).\n\n")
    for section in tool.sections:
        parts.append(f"### {getattr(section.title, lang)}\n\n| {u('field', lang)} | {u('value', lang)} |\n|---|---|\n")
        for field in section.fields:
            value = getattr(field.example, lang) if field.example else "—"
            name = escape_table(getattr(field.label, lang))
            if field.hint:
                name += f"<br><small>{escape_table(getattr(field.hint, lang))}</small>"
            parts.append(f"| {name} | {escape_table(value)} |\n")
        parts.append("\n")
    if tool.provisions:
        parts.append(f"## {u('legal', lang)} {{ #legal-basis }}\n\n")
        for card_id in tool.provisions:
            target = sitemap.kb_target("provision", card_id)
            parts.append(f"- [{card_id}]({sitemap.relative(key, target)})\n")
    return "".join(parts) + "\n"


def blank_text(field, lang: str) -> str:
    """What an empty field shows on paper (print page and Word form): boxes to tick, a line to sign."""
    if field.kind == "check":
        return u("yes_no", lang)
    if field.kind == "choice":
        return "　".join(f"□ {getattr(option, lang)}" for option in field.options)
    if field.kind == "signature":
        return u("sign", lang)
    if field.kind == "date":
        return "＿＿＿＿" if lang == "zh" else "________"
    return ""


def blank_value(field, lang: str) -> str:
    """The blank in a Markdown table cell: room to write for text fields."""
    text = blank_text(field, lang)
    return text or ("&nbsp;<br>&nbsp;<br>&nbsp;" if field.kind == "long" else "&nbsp;")


def print_page(tool: Tool, lang: str) -> str:
    title = getattr(tool.title, lang)
    parts = [front_matter(title=title, description=u("print_note", lang)), f"# {title}\n\n",
             f'<p class="kb-screen-only">{u("print_note", lang)}</p>\n\n']
    for section in tool.sections:
        parts.append(f"## {getattr(section.title, lang)}\n\n| {u('field', lang)} | {u('value', lang)} |\n|---|---|\n")
        for field in section.fields:
            parts.append(f"| {escape_table(getattr(field.label, lang))} | {blank_value(field, lang)} |\n")
        parts.append("\n")
    return "".join(parts)


def tools_index(tools: dict, sitemap: SiteMap, lang: str) -> str:
    key = "tools/index"
    parts = [front_matter(title=u("tools", lang)), f"# {u('tools', lang)}\n\n"]
    for stage in vocab_ids("stage"):
        in_stage = [entry.data for entry in sorted(tools.values(), key=lambda e: e.data.id) if stage in entry.data.stages]
        if not in_stage:
            continue
        parts.append(f"## {label('stage', stage, lang)} {{ #{stage} }}\n\n")
        for tool in in_stage:
            parts.append(f"- [{getattr(tool.title, lang)}]({sitemap.relative(key, tool_key(tool.id))})"
                         f" — {getattr(tool.purpose, lang)}\n")
        parts.append("\n")
    return "".join(parts)
