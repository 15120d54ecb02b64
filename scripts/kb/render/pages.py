"""Authored pages (docs/), role guides with their generated sections, and the roles index."""
from __future__ import annotations

import re

from ..model import PRIMARY_LANG
from ..sitemap import SiteMap, case_key
from ..sources import Page, Project
from ..vocabulary import ids as vocab_ids
from ..vocabulary import label
from .common import front_matter, labels, other, t, untranslated_notice

H1 = re.compile(r"^# .+$", re.M)
# Printable checklists: "- [ ] item" becomes "- ☐ item" (a disabled checkbox has no label for screen readers).
TASK = re.compile(r"^(\s*[-*] )\[([ xX])\] ", re.M)


def authored_page(project: Project, sitemap: SiteMap, page: Page, lang: str) -> str:
    source_lang = lang if lang in page.files else (PRIMARY_LANG if PRIMARY_LANG in page.files else other(lang))
    source = page.files[source_lang]
    meta = page.meta[source_lang]
    body = sitemap.rewrite(source.body, page.key)
    body = TASK.sub(lambda m: m[1] + ("☐ " if m[2] == " " else "☑ "), body)
    title = getattr(meta, "title", None)
    if not H1.search(body) and title:
        body = f"# {title}\n\n" + body
    if source_lang != lang:
        body = _after_h1(body, untranslated_notice(lang))
    fields = {"title": title, "description": getattr(meta, "description", None)}
    text = front_matter(**fields) + body.strip() + "\n\n"
    if page.kind == "role":
        text += role_sections(project, sitemap, page, meta, lang)
    if page.kind == "module":
        text = _after_h1(text, module_header(sitemap, page, meta, lang))
        text += module_sections(project, sitemap, page, meta, lang)
    return text


def _after_h1(body: str, insert: str) -> str:
    match = H1.search(body)
    if not match:
        return insert + body
    return body[: match.end()] + "\n\n" + insert + body[match.end():].lstrip("\n")


def role_sections(project: Project, sitemap: SiteMap, page: Page, meta, lang: str) -> str:
    """What the site derives for a role: legal basis, partners, its cases and questions."""
    key, actor = page.key, meta.actor
    parts = [f"## {t('legal_basis', lang)} {{ #legal-basis }}\n\n"]
    provisions = project.provisions
    for card_id in meta.provisions:
        card, document = provisions[card_id]
        parts.append(f"- [{getattr(document.short, lang)} · {getattr(card.title, lang)}]"
                     f"({sitemap.relative(key, sitemap.kb_target('provision', card_id))})\n")
    obliging = [cid for cid, (card, _) in sorted(provisions.items()) if actor in card.obliges and cid not in meta.provisions]
    for card_id in obliging:
        card, document = provisions[card_id]
        parts.append(f"- [{getattr(document.short, lang)} · {getattr(card.title, lang)}]"
                     f"({sitemap.relative(key, sitemap.kb_target('provision', card_id))})\n")
    if meta.partners:
        parts.append(f"\n**{t('partners', lang)}**: {labels('actor', meta.partners, lang, short=True)}\n")
    cases = [case for case in sorted(project.cases.values(), key=lambda c: c.id)
             if case.meta and (actor in case.meta.roles or actor in case.meta.actors)]
    parts.append(f"\n## {t('role_cases', lang)} {{ #cases }}\n\n")
    parts += [f"- [{case.text(lang).title}]({sitemap.relative(key, case_key(case.id))})\n" for case in cases]
    if not cases:
        parts.append(t("none", lang) + "\n")
    questions = [(q, e) for q, e in project.questions if actor in q.roles]
    parts.append(f"\n## {t('role_questions', lang)} {{ #questions }}\n\n")
    parts += [f"- [{getattr(q.stem, lang)[:60]}]({sitemap.relative(key, f'quizzes/{e.bank.module}', q.id)})\n"
              for q, e in questions]
    if not questions:
        parts.append(t("none", lang) + "\n")
    return "".join(parts) + "\n"


def roles_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "roles/index"
    parts = [front_matter(title=t("roles", lang)), f"# {t('roles', lang)}\n\n"]
    roles = project.roles
    for actor in vocab_ids("actor"):
        name = label("actor", actor, lang)
        if actor in roles:
            lead = "我是" if lang == "zh" else "I am: "
            parts.append(f"- [{lead}{label('actor', actor, lang, short=True)}]({sitemap.relative(key, roles[actor].key)}) — {name}\n")
    return "".join(parts) + "\n"


def modules_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "modules/index"
    parts = [front_matter(title=t("modules", lang)), f"# {t('modules', lang)}\n\n",
             f"[{'培训路径：按角色选模块' if lang == 'zh' else 'Learning paths by role'}]({sitemap.relative(key, 'modules/paths')})"
             f" · [{'结业证书' if lang == 'zh' else 'Certificate'}]({sitemap.relative(key, 'modules/certificate')})\n\n",
             f"| | {t('duration', lang)} | {t('learners', lang)} |\n|---|---|---|\n"]
    for module_id, page in sorted(project.modules.items()):
        meta = page.meta.get(lang) or next(iter(page.meta.values()))
        parts.append(f"| [{meta.title}]({sitemap.relative(key, page.key)}) | {t('minutes', lang, n=meta.duration_min)} | "
                     f"{labels('actor', meta.learners, lang, short=True)} |\n")
    return "".join(parts) + "\n"


MODULE_UI = {
    "objectives": {"zh": "学完本模块，你能：", "en": "After this module you can:"},
    "uses": {"zh": "本模块使用的材料", "en": "What this module uses"},
    "tests": {"zh": "课前测与课后测", "en": "Pre-test and post-test"},
    "pre": {"zh": "课前测", "en": "Pre-test"},
    "post": {"zh": "课后测", "en": "Post-test"},
    "bank": {"zh": "本模块全部题目", "en": "All questions of this module"},
    "keys": {"zh": "培训者答案", "en": "Answer keys for trainers"},
}


def module_header(sitemap: SiteMap, page: Page, meta, lang: str) -> str:
    """Learners, duration and objectives, from the module's front matter, under its title."""
    lines = [f"**{t('learners', lang)}**: {labels('actor', meta.learners, lang, short=True)} · "
             f"**{t('duration', lang)}**: {t('minutes', lang, n=meta.duration_min)}\n\n",
             f"**{MODULE_UI['objectives'][lang]}**\n\n"]
    lines += [f"- {objective}\n" for objective in meta.objectives]
    return "".join(lines) + "\n"


def module_sections(project: Project, sitemap: SiteMap, page: Page, meta, lang: str) -> str:
    key, module = page.key, meta.id
    parts = [f"## {MODULE_UI['uses'][lang]} {{ #uses }}\n\n"]
    for case_id in meta.cases:
        if case_id in project.cases:
            parts.append(f"- [{project.cases[case_id].text(lang).title}]({sitemap.relative(key, case_key(case_id))})\n")
    provisions = project.provisions
    for card_id in meta.provisions:
        card, document = provisions[card_id]
        parts.append(f"- [{getattr(document.short, lang)} · {getattr(card.title, lang)}]"
                     f"({sitemap.relative(key, sitemap.kb_target('provision', card_id))})\n")
    for actor in meta.learners:
        target = sitemap.kb_target("role", actor)
        if target:
            parts.append(f"- [{label('actor', actor, lang, short=True)}]({sitemap.relative(key, target)})\n")
    if f"quizzes/{module}" in sitemap.anchors:
        parts.append(f"\n## {MODULE_UI['tests'][lang]} {{ #tests }}\n\n"
                     f"- [{MODULE_UI['pre'][lang]}]({sitemap.relative(key, f'quizzes/{module}-pre')}) · "
                     f"[{MODULE_UI['post'][lang]}]({sitemap.relative(key, f'quizzes/{module}-post')}) · "
                     f"[{MODULE_UI['bank'][lang]}]({sitemap.relative(key, f'quizzes/{module}')})\n"
                     f"- [{MODULE_UI['keys'][lang]}]({sitemap.relative(key, 'trainers/index')})\n")
    return "".join(parts) + "\n"
