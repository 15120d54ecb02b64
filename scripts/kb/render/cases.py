"""Case pages and the case index."""
from __future__ import annotations

from html import escape

from ..model import PRIMARY_LANG
from ..sitemap import SiteMap, case_key
from ..sources import Case, Project
from ..vocabulary import ids as vocab_ids
from ..vocabulary import label
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
    links = []
    for actor in actors:
        target = sitemap.kb_target("role", actor)
        name = label("actor", actor, lang, short=True)
        links.append(f"[{name}]({sitemap.relative(key, target)})" if target else name)
    return ("、" if lang == "zh" else ", ").join(links)


FILTER_FACETS = ("plight", "plight_subtypes", "vulnerability", "actors", "stages", "risk_level", "border",
                 "teaching_use")
INDEX_UI = {
    "all": {"zh": "全部", "en": "All"},
    "filters": {"zh": "按标签筛选", "en": "Filter by facet"},
    "coverage": {"zh": "案例覆盖矩阵", "en": "Coverage matrix"},
}


def cases_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    """Every case with its facets as data attributes: a plain list without JavaScript,
    filtered in the browser by filter.js (loaded only here)."""
    key = "cases/index"
    cases = sorted((case for case in project.cases.values() if case.meta), key=lambda case: case.id)
    parts = [front_matter(title=t("cases", lang), kb_js="assets/kb/filter.js"), f"# {t('cases', lang)}\n\n",
             t("count_cases", lang, n=len(cases)) + f" [{INDEX_UI['coverage'][lang]}]"
             f"({sitemap.relative(key, 'cases/coverage')})\n\n",
             f'<form class="kb-filters" hidden aria-label="{INDEX_UI["filters"][lang]}">\n']
    for facet in FILTER_FACETS:
        kind = VOCAB_OF[facet]
        options = "".join(f'<option value="{term}">{escape(label(kind, term, lang, short=True))}</option>'
                          for term in vocab_ids(kind) if any(term in facet_ids(case, facet) for case in cases))
        parts.append(f'<label>{t(facet, lang)} <select data-kb-facet="{facet}">'
                     f'<option value="">{INDEX_UI["all"][lang]}</option>{options}</select></label>\n')
    parts.append('</form>\n<p class="kb-count" role="status" aria-live="polite"></p>\n\n<ul class="kb-case-list" markdown="1">\n')
    for case in cases:
        data = " ".join(f'data-kb-{facet}="{" ".join(facet_ids(case, facet))}"' for facet in FILTER_FACETS)
        text = case.text(lang)
        tags = labels("plight_subtype", case.meta.plight_subtypes, lang) + " · " + labels(
            "risk_level", [case.meta.risk_level], lang) + (" · " + labels("border_flag", case.meta.border, lang)
                                                             if case.meta.border else "")
        parts.append(f'<li {data} markdown="span">[{escape_table(text.title)}]({sitemap.relative(key, case.key)})'
                     f"<br><small>{escape(tags)}</small></li>\n")
    return "".join(parts) + "</ul>\n"


def coverage_page(project: Project, sitemap: SiteMap, lang: str) -> str:
    """Cases × dimensions, × actors, × sub-types, with totals and the library's targets."""
    from ..coverage import RULES, shortfalls

    key = "cases/coverage"
    cases = sorted((case for case in project.cases.values() if case.meta), key=lambda case: case.id)
    title = INDEX_UI["coverage"][lang]
    parts = [front_matter(title=title), f"# {title}\n\n"]
    gaps = shortfalls([case.meta for case in cases])
    parts.append(("**" + ("未达标：" if lang == "zh" else "Gaps: ") + "**" + "; ".join(gaps)) if gaps else
                 ("全部覆盖目标均已达到：" if lang == "zh" else "Every coverage target is met: "))
    parts.append("\n\n" + "".join(f"- {target.description} ≥ {target.minimum}\n" for target in RULES) + "\n")
    for facet in ("vulnerability", "actors", "plight_subtypes"):
        kind = VOCAB_OF[facet]
        columns = vocab_ids(kind)
        parts.append(f"## {t(facet, lang)} {{ #{facet.replace('_', '-')} }}\n\n")
        parts.append("| | " + " | ".join(escape_table(label(kind, c, lang, short=True)) for c in columns) + " |\n")
        parts.append("|---" * (len(columns) + 1) + "|\n")
        for case in cases:
            marks = ["●" if column in facet_ids(case, facet) else "" for column in columns]
            parts.append(f"| [{case.id}]({sitemap.relative(key, case.key)}) | " + " | ".join(marks) + " |\n")
        totals = [str(sum(column in facet_ids(case, facet) for case in cases)) for column in columns]
        parts.append(f"| **{'合计' if lang == 'zh' else 'Total'}** | " + " | ".join(totals) + " |\n\n")
    return "".join(parts)
