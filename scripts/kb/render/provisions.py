"""Provision cards, document pages and the provisions index."""
from __future__ import annotations

from ..model import Document, Provision
from ..sitemap import SiteMap, case_key, document_key, provision_key
from ..sources import Project
from ..vocabulary import ids as vocab_ids
from ..vocabulary import label
from ..locators import locator
from .common import front_matter, labels, t

def sort_key(card: Provision) -> tuple:
    return (card.article or 0, card.part or 0, card.section or 0, card.paragraph or 0, card.item or 0, card.id)


def card_page(project: Project, sitemap: SiteMap, document: Document, card: Provision, lang: str) -> str:
    key = provision_key(document.id, card.id)
    version = next((v for v in document.versions if v.id == card.version), None)
    title = f"{getattr(document.short, lang)} {locator(card, lang)} · {getattr(card.title, lang)}"
    parts = [front_matter(title=title, description=getattr(card.summary, lang), boost=2), f"# {title}\n\n"]
    parts.append(getattr(card.summary, lang) + "\n\n")
    rows = [f"| {t('document', lang)} | [{getattr(document.title, lang)}]({sitemap.relative(key, document_key(document.id))}) |",
            f"| {t('version', lang)} | {_version_text(version, lang)} |",
            f"| {t('obliges', lang)} | {labels('actor', card.obliges, lang, short=True)} |",
            f"| {t('topics', lang)} | {labels('topic', card.topics, lang)} |"]
    parts.append("| | |\n|---|---|\n" + "\n".join(rows) + "\n\n")
    if card.practice:
        parts.append(f"## {t('practice', lang)} {{ #practice }}\n\n")
        for actor, advice in card.practice.items():
            parts.append(f"- **{label('actor', actor, lang, short=True)}**：{getattr(advice, lang)}\n" if lang == "zh"
                         else f"- **{label('actor', actor, lang, short=True)}:** {getattr(advice, lang)}\n")
        parts.append("\n")
    parts.append(f"## {t('verification', lang)} {{ #verification }}\n\n")
    if card.verification.status == "verified":
        parts.append(t("verified", lang) + "\n\n")
    else:
        parts.append(f"**{t('unverified', lang)}**: {getattr(card.verification.reason, lang)}\n\n")
    if card.source_url or document.source_url:
        parts.append(f"{t('official_source', lang)}: <{card.source_url or document.source_url}>\n\n")
    parts.append(_citing_cases(project, sitemap, key, card.id, lang))
    return "".join(parts)


def _version_text(version, lang: str) -> str:
    if version is None:
        return "—"
    text = f"{getattr(version.label, lang)} · {t('text_date', lang)} {version.text_date.isoformat()}"
    if version.in_force:
        text += f" · {t('in_force', lang)} {version.in_force.isoformat()}"
    return text + f" · {label('version_status', version.status, lang)}"


def _citing_cases(project: Project, sitemap: SiteMap, key: str, card_id: str, lang: str) -> str:
    cases = [case for case in sorted(project.cases.values(), key=lambda c: c.id)
             if case.meta and card_id in case.meta.provisions]
    lines = [f"## {t('cases_citing', lang)} {{ #cases }}\n\n"]
    lines += [f"- [{case.text(lang).title}]({sitemap.relative(key, case_key(case.id))})\n" for case in cases]
    questions = [question for question, _ in project.questions if card_id in question.refs.provisions]
    if questions:
        lines.append(f"\n## {t('questions_citing', lang)} {{ #questions }}\n\n")
        for question, entry in project.questions:
            if card_id in question.refs.provisions:
                target = sitemap.relative(key, f"quizzes/{entry.bank.module}", question.id)
                lines.append(f"- [{getattr(question.stem, lang)[:60]}]({target})\n")
    return "".join(lines if cases or questions else lines + [t("none", lang) + "\n"]) + "\n"


def document_page(project: Project, sitemap: SiteMap, document: Document, lang: str) -> str:
    key = document_key(document.id)
    title = getattr(document.title, lang)
    parts = [front_matter(title=title, description=getattr(document.short, lang)), f"# {title}\n\n"]
    rows = [f"| {t('level', lang)} | {label('level', document.level, lang)} |",
            f"| {t('issuer', lang)} | {getattr(document.issuer, lang)} |"]
    if document.doc_number:
        rows.append(f"| {t('doc_number', lang)} | {document.doc_number} |")
    for version in document.versions:
        rows.append(f"| {t('version', lang)} | {_version_text(version, lang)} |")
    parts.append("| | |\n|---|---|\n" + "\n".join(rows) + "\n\n")
    if not document.in_reference_set:
        parts.append(f'!!! warning "{t("unverified", lang)}"\n    {t("not_in_reference", lang)}\n\n')
    if document.note:
        parts.append(f'!!! note "{t("note", lang)}"\n    {getattr(document.note, lang)}\n\n')
    if document.provisions:
        parts.append(f"## {t('cards', lang)} {{ #cards }}\n\n")
        for card in sorted(document.provisions, key=sort_key):
            target = sitemap.relative(key, provision_key(document.id, card.id))
            parts.append(f"- [{locator(card, lang)} · {getattr(card.title, lang)}]({target})"
                         f" — {label('version_status', _status(document, card), lang)}\n")
    return "".join(parts) + "\n"


def _status(document: Document, card: Provision) -> str:
    version = next((v for v in document.versions if v.id == card.version), None)
    return version.status if version else "current"


def provisions_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "provisions/index"
    parts = [front_matter(title=t("provisions", lang)), f"# {t('provisions', lang)}\n\n"]
    views = [("provisions/actors/index", "view_actors"), ("provisions/matrix", "view_matrix"),
             ("provisions/pocket/index", "view_pocket"), ("provisions/changes", "view_changes"),
             ("provisions/gaps", "view_gaps")]
    links = [f"[{t(name, lang)}]({sitemap.relative(key, target)})" for target, name in views if target in sitemap.anchors]
    parts.append(" · ".join(links) + "\n\n")
    documents = [entry.document for entry in project.documents.values()]
    for level in vocab_ids("level"):
        in_level = sorted((d for d in documents if d.level == level), key=lambda d: d.id)
        if not in_level:
            continue
        parts.append(f"## {label('level', level, lang)} {{ #{level.replace('_', '-')} }}\n\n")
        for document in in_level:
            target = sitemap.relative(key, document_key(document.id))
            count = len(document.provisions)
            suffix = f"（{count}）" if lang == "zh" else f" ({count})"
            parts.append(f"- [{getattr(document.title, lang)}]({target}){suffix}\n")
        parts.append("\n")
    return "".join(parts)
