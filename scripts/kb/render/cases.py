"""Case pages and the case index."""
from __future__ import annotations

from ..model import PRIMARY_LANG
from ..sitemap import SiteMap, case_key
from ..sources import Case, Project
from .common import escape_table, front_matter, labels, t, untranslated_notice

FACETS = ("plight", "plight_subtypes", "vulnerability", "actors", "stages", "measures",
          "risk_level", "border", "teaching_use", "problems", "causes", "remedies")
VOCAB_OF = {"plight": "plight", "plight_subtypes": "plight_subtype", "vulnerability": "vulnerability",
            "actors": "actor", "stages": "stage", "measures": "measure", "risk_level": "risk_level",
            "border": "border_flag", "teaching_use": "teaching_use", "problems": "problem",
            "causes": "cause", "remedies": "remedy"}


def facet_ids(case: Case, facet: str) -> list[str]:
    value = getattr(case.meta, facet)
    return value if isinstance(value, list) else [value]


def case_page(project: Project, sitemap: SiteMap, case: Case, lang: str) -> str:
    key = case_key(case.id)
    text = case.text(lang)
    source = case.files.get(lang) or case.files[PRIMARY_LANG]
    parts = [front_matter(title=text.title, description=text.summary), f"# {text.title}\n\n"]
    if lang not in case.files:
        parts.append(untranslated_notice(lang))
    parts.append(f"*{t('composite_note', lang)}*\n\n")
    parts.append(f"**{t('summary', lang)}**：{text.summary}\n\n" if lang == "zh" else f"**{t('summary', lang)}:** {text.summary}\n\n")
    parts.append(_facet_table(case, lang))
    parts.append(f"## {t('objectives', lang)} {{ #objectives }}\n\n")
    parts.extend(f"- {objective}\n" for objective in text.learning_objectives)
    parts.append("\n" + sitemap.rewrite(source.body, key).strip() + "\n\n")
    parts.append(_legal_basis(project, sitemap, case, key, lang))
    return "".join(parts)


def _facet_table(case: Case, lang: str) -> str:
    rows = [f"| {t('facets', lang)} | |\n|---|---|\n"]
    for facet in FACETS:
        ids = facet_ids(case, facet)
        if ids:
            rows.append(f"| {t(facet, lang)} | {escape_table(labels(VOCAB_OF[facet], ids, lang, short=True))} |\n")
    return '<div class="kb-facets" markdown>\n\n' + "".join(rows) + "\n</div>\n\n"


def _legal_basis(project: Project, sitemap: SiteMap, case: Case, key: str, lang: str) -> str:
    lines = [f"## {t('legal_basis', lang)} {{ #legal-basis }}\n\n"]
    provisions = project.provisions
    for card_id in case.meta.provisions:
        card, document = provisions[card_id]
        target = sitemap.relative(key, sitemap.kb_target("provision", card_id))
        lines.append(f"- [{getattr(document.short, lang)} · {getattr(card.title, lang)}]({target})\n")
    if case.meta.roles:
        lines.append(f"\n**{t('for_roles', lang)}**：" if lang == "zh" else f"\n**{t('for_roles', lang)}:** ")
        lines.append(_role_links(sitemap, key, case.meta.roles, lang) + "\n")
    return "".join(lines) + "\n"


def _role_links(sitemap: SiteMap, key: str, actors: list[str], lang: str) -> str:
    from ..vocabulary import label
    links = []
    for actor in actors:
        target = sitemap.kb_target("role", actor)
        name = label("actor", actor, lang, short=True)
        links.append(f"[{name}]({sitemap.relative(key, target)})" if target else name)
    return ("、" if lang == "zh" else ", ").join(links)


def cases_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "cases/index"
    cases = sorted(project.cases.values(), key=lambda case: case.id)
    parts = [front_matter(title=t("cases", lang)), f"# {t('cases', lang)}\n\n",
             t("count_cases", lang, n=len(cases)) + "\n\n"]
    header = f"| | {t('plight', lang)} | {t('vulnerability', lang)} | {t('risk_level', lang)} |\n|---|---|---|---|\n"
    parts.append(header)
    for case in cases:
        text = case.text(lang)
        link = sitemap.relative(key, case.key)
        parts.append(f"| [{escape_table(text.title)}]({link}) | "
                     f"{labels('plight_subtype', case.meta.plight_subtypes, lang)} | "
                     f"{labels('vulnerability', case.meta.vulnerability, lang)} | "
                     f"{labels('risk_level', [case.meta.risk_level], lang)} |\n")
    return "".join(parts) + "\n"
