"""Generated views of the provision cards: by actor, topic × level matrix, A6 pocket cards."""
from __future__ import annotations

from ..model import PocketCard
from ..sitemap import SiteMap, provision_key
from ..sources import Project
from ..vocabulary import ids as vocab_ids
from ..vocabulary import label
from .common import escape_table, front_matter, strings
from ..locators import locator
from .provisions import sort_key

UI = {
    "by_actor": {"zh": "各主体的法定职责", "en": "What the rules ask of each actor"},
    "asks_of": {"zh": "法律政策对{who}的要求", "en": "What the rules ask of the {who}"},
    "intro_actor": {"zh": "下列条文卡片对{who}规定了义务，按主题排列。", "en": "These provision cards put duties on the {who}, by topic."},
    "matrix": {"zh": "主题 × 层级对照表", "en": "Topics by level"},
    "intro_matrix": {"zh": "每一格列出该主题在该层级的条文卡片；空格表示参考文本中暂无相应规定。",
                     "en": "Each cell lists the cards on that topic at that level; an empty cell means the reference set has none."},
    "topic": {"zh": "主题", "en": "Topic"},
    "none": {"zh": "暂无", "en": "none"},
    "pocket": {"zh": "口袋卡", "en": "Pocket cards"},
    "intro_pocket": {"zh": "每张卡可打印在一张 A6 纸上，随身携带。", "en": "Each card prints on one A6 sheet to carry with you."},
    "what_to_do": {"zh": "怎么做", "en": "What to do"},
    "basis": {"zh": "依据", "en": "Basis"},
    "no_duties": {"zh": "参考文本中暂无直接对该主体规定义务的条文。", "en": "No card in the reference set puts a duty directly on this actor."},
}


u = strings(UI)


def _card_link(sitemap: SiteMap, key: str, card, document, lang: str) -> str:
    target = sitemap.relative(key, provision_key(document.id, card.id))
    return f"[{getattr(document.short, lang)} {locator(card, lang)}]({target})"


def actor_key(actor: str) -> str:
    return f"provisions/actors/{actor}"


def actor_view(project: Project, sitemap: SiteMap, actor: str, lang: str) -> str:
    key = actor_key(actor)
    who = label("actor", actor, lang, short=True)
    title = u("asks_of", lang, who=who)
    parts = [front_matter(title=title), f"# {title}\n\n", u("intro_actor", lang, who=who) + "\n\n"]
    cards = [(card, document) for card, document in project.provisions.values() if actor in card.obliges]
    if not cards:
        parts.append(u("no_duties", lang) + "\n")
    for topic in vocab_ids("topic"):
        in_topic = sorted((pair for pair in cards if topic in pair[0].topics), key=lambda p: (p[1].id, sort_key(p[0])))
        if not in_topic:
            continue
        parts.append(f"## {label('topic', topic, lang)} {{ #{topic.replace('_', '-')} }}\n\n")
        for card, document in in_topic:
            advice = card.practice.get(actor)
            line = f"- {_card_link(sitemap, key, card, document, lang)} · {getattr(card.title, lang)}"
            parts.append(line + (f"：{advice.zh}" if advice and lang == "zh" else f": {advice.en}" if advice else "") + "\n")
        parts.append("\n")
    return "".join(parts)


def actors_index(sitemap: SiteMap, lang: str) -> str:
    key = "provisions/actors/index"
    parts = [front_matter(title=u("by_actor", lang)), f"# {u('by_actor', lang)}\n\n"]
    for actor in vocab_ids("actor"):
        parts.append(f"- [{label('actor', actor, lang)}]({sitemap.relative(key, actor_key(actor))})\n")
    return "".join(parts) + "\n"


def matrix_cells(project: Project) -> dict[tuple[str, str], list]:
    """(topic, level) -> the cards in that cell; every pair of the vocabulary has a cell."""
    cells = {(topic, level): [] for topic in vocab_ids("topic") for level in vocab_ids("level")}
    for card, document in project.provisions.values():
        for topic in card.topics:
            cells[(topic, document.level)].append((card, document))
    return cells


def matrix_page(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "provisions/matrix"
    levels = vocab_ids("level")
    parts = [front_matter(title=u("matrix", lang)), f"# {u('matrix', lang)}\n\n", u("intro_matrix", lang) + "\n\n",
             f"| {u('topic', lang)} | " + " | ".join(label("level", level, lang) for level in levels) + " |\n",
             "|---" * (len(levels) + 1) + "|\n"]
    cells = matrix_cells(project)
    for topic in vocab_ids("topic"):
        row = []
        for level in levels:
            cards = sorted(cells[(topic, level)], key=lambda p: (p[1].id, sort_key(p[0])))
            row.append("<br>".join(_card_link(sitemap, key, c, d, lang) for c, d in cards) or f"*{u('none', lang)}*")
        parts.append(f"| {label('topic', topic, lang)} | " + " | ".join(row) + " |\n")
    return "".join(parts) + "\n"


def pocket_key(card_id: str) -> str:
    return f"provisions/pocket/{card_id}"


def pocket_page(project: Project, sitemap: SiteMap, pocket: PocketCard, lang: str) -> str:
    key = pocket_key(pocket.id)
    title = getattr(pocket.title, lang)
    provisions = project.provisions
    parts = [front_matter(title=title, kb_css="assets/kb/pocket.css", boost=3), '<div class="kb-pocket" markdown>\n\n',
             f"# {title}\n\n"]
    parts += [f"- {escape_table(getattr(point, lang))}\n" for point in pocket.points]
    parts.append(f"\n**{u('what_to_do', lang)}**{'：' if lang == 'zh' else ': '}{getattr(pocket.action, lang)}\n\n")
    links = [_card_link(sitemap, key, *provisions[card_id], lang) for card_id in pocket.provisions]
    parts.append(f"<small>{u('basis', lang)}: " + " · ".join(links) + "</small>\n\n</div>\n")
    return "".join(parts)


def pocket_index(project: Project, sitemap: SiteMap, lang: str) -> str:
    key = "provisions/pocket/index"
    parts = [front_matter(title=u("pocket", lang)), f"# {u('pocket', lang)}\n\n", u("intro_pocket", lang) + "\n\n"]
    for pocket in project.pocket_cards.data.cards:
        parts.append(f"- [{getattr(pocket.title, lang)}]({sitemap.relative(key, pocket_key(pocket.id))})\n")
    return "".join(parts) + "\n"
