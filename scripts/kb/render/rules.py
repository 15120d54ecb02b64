"""Documentation of every rule of `kb check` and `kb pii`, generated from the registry (report.RULES),
so it cannot drift from the checks; and the page that publishes the front-matter JSON Schemas."""
from __future__ import annotations

from ..report import RULES, rule_anchor
from .common import front_matter

UI = {
    "title": {"zh": "检查规则说明", "en": "Check rules"},
    "intro": {"zh": "`kb check` 与 `kb pii` 的每条规则。每行检查结果末尾的链接都指向这里对应的条目。",
              "en": "Every rule of `kb check` and `kb pii`. The link at the end of each finding points to its entry here."},
    "severity": {"zh": "级别", "en": "Severity"},
    "example": {"zh": "示例", "en": "Example"},
    "fix": {"zh": "怎么改", "en": "How to fix it"},
    "schemas": {"zh": "前置元数据的 JSON Schema", "en": "JSON Schemas of the front matter"},
    "schemas_intro": {"zh": "编辑器（如 VS Code）可以用这些 Schema 在编写时提示字段和取值。",
                      "en": "Editors such as VS Code can use these schemas to suggest fields and values while you write."},
}
SEVERITY = {"error": {"zh": "错误（阻止构建）", "en": "error (stops the build)"},
            "warning": {"zh": "警告（不阻止构建）", "en": "warning (never stops the build)"},
            "info": {"zh": "提示", "en": "note"}}


def rules_page(lang: str) -> str:
    parts = [front_matter(title=UI["title"][lang]), f"# {UI['title'][lang]}\n\n", UI["intro"][lang] + "\n\n"]
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        parts.append(f"## `{rule.id}` {{ #{rule_anchor(rule.id)} }}\n\n{rule.summary}\n\n"
                     f"- **{UI['severity'][lang]}**: {SEVERITY[rule.severity][lang]}\n"
                     f"- **{UI['example'][lang]}**: `` {rule.example.replace(chr(10), ' ')} ``\n- **{UI['fix'][lang]}**: {rule.fix}\n\n")
    return "".join(parts)


def schemas_page(files: list[str], lang: str) -> str:
    parts = [front_matter(title=UI["schemas"][lang]), f"# {UI['schemas'][lang]}\n\n", UI["schemas_intro"][lang] + "\n\n"]
    parts += [f"- [{name}](../schemas/{name})\n" for name in files]
    return "".join(parts) + "\n"
