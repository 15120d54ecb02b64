"""Questions derived from the content's own metadata, and the quizzes assembled from all questions.

Everything is deterministic: choices are seeded by content ids, so two builds give the same site.
Generated questions are marked `generated: true`; their distractors are of the same kind as the
answer and never repeat it.
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field

from .model import Bilingual, Option, Question, References
from .locators import locator
from .sources import Project
from .vocabulary import ids as vocab_ids
from .vocabulary import label, vocabulary


def rng(*seed: str) -> random.Random:
    return random.Random(int(hashlib.sha256("/".join(seed).encode()).hexdigest()[:16], 16))


def bi(zh: str, en: str) -> Bilingual:
    return Bilingual(zh=zh, en=en)


def _single(qid: str, stem: Bilingual, right: Bilingual, wrong: list[Bilingual], explanation: Bilingual,
            refs: References, roles: list[str], qtype: str = "single", case: str | None = None,
            difficulty: str = "basic") -> Question:
    options = [Option(text=right, correct=True)] + [Option(text=w) for w in wrong]
    rng(qid, "order").shuffle(options)
    return Question(id=qid, type=qtype, case=case, stem=stem, options=options, explanation=explanation,
                    refs=refs, roles=roles or ["child_director"], difficulty=difficulty,
                    scenario_kind="typical", generated=True)


# ---------------------------------------------------------------- generators
def provision_questions(project: Project) -> list[Question]:
    """Which provision says this? Distractors: other cards of the same topic, with other labels."""
    provisions = project.provisions
    questions = []
    for card_id, (card, document) in sorted(provisions.items()):
        if not card.obliges or card.verification.status != "verified":
            continue
        name = lambda c, d: bi(f"{d.short.zh}{locator(c, 'zh')}", f"{d.short.en} {locator(c, 'en')}")
        right = name(card, document)
        pool = sorted({other_id for other_id, (other, _) in provisions.items()
                       if other_id != card_id and set(other.topics) & set(card.topics)})
        distractors, seen = [], {right.zh}
        for other_id in rng(card_id, "distractors").sample(pool, len(pool)):
            option = name(*provisions[other_id])
            if option.zh not in seen and option.en != right.en:
                seen.add(option.zh)
                distractors.append(option)
            if len(distractors) == 3:
                break
        if len(distractors) < 2:
            continue
        who = label("actor", card.obliges[0], "zh", short=True), label("actor", card.obliges[0], "en", short=True)
        stem = bi(f"哪一条规定了“{card.title.zh}”（涉及{who[0]}等主体的义务）？",
                  f"Which provision sets out “{card.title.en}” (a duty of the {who[1]} and others)?")
        questions.append(_single(f"gen-provision-{card_id}", stem, right, distractors, card.summary,
                                 References(provisions=[card_id]), card.obliges, difficulty="intermediate"))
    return questions


def case_questions(project: Project) -> list[Question]:
    """Which plight type fits this case? In which dimensions is the child vulnerable?"""
    questions = []
    for case in sorted((c for c in project.cases.values() if c.meta), key=lambda c: c.id):
        meta, zh, en = case.meta, case.text("zh"), case.text("en")
        plight = lambda term: bi(label("plight", term, "zh"), label("plight", term, "en"))
        stem = bi(f"案例“{zh.title}”中，孩子面临的主要是哪一类监护困境？",
                  f"In the case “{en.title}”, which kind of guardianship plight does the child mainly face?")
        explanation = bi(f"本案的困境类型为{label('plight', meta.plight, 'zh')}，具体情形：{label_list('plight_subtype', meta.plight_subtypes, 'zh')}。",
                         f"The case shows {label('plight', meta.plight, 'en')}: {label_list('plight_subtype', meta.plight_subtypes, 'en')}.")
        others = [plight(term) for term in vocab_ids("plight") if term != meta.plight]
        questions.append(_single(f"gen-case-plight-{case.id}", stem, plight(meta.plight), others, explanation,
                                 References(cases=[case.id]), meta.roles or meta.actors, "scenario", case.id))
        dims = vocab_ids("vulnerability")
        if 0 < len(meta.vulnerability) < len(dims):
            options = [Option(text=bi(label("vulnerability", d, "zh"), label("vulnerability", d, "en")),
                              correct=d in meta.vulnerability) for d in dims]
            questions.append(Question(
                id=f"gen-case-dimensions-{case.id}", type="multiple", case=case.id,
                stem=bi(f"案例“{zh.title}”中，孩子在哪些维度上处于脆弱状态？（多选）",
                        f"In the case “{en.title}”, in which dimensions is the child vulnerable? (Choose all that apply)"),
                options=options, refs=References(cases=[case.id]), roles=meta.roles or meta.actors,
                explanation=bi(f"本案涉及：{label_list('vulnerability', meta.vulnerability, 'zh')}。",
                               f"The case shows: {label_list('vulnerability', meta.vulnerability, 'en')}."),
                difficulty="intermediate", scenario_kind="typical", generated=True))
    return questions


def subtype_questions() -> list[Question]:
    """Which plight type does this situation belong to (the study's three-way classification)?"""
    questions = []
    for subtype in vocab_ids("plight_subtype"):
        parent = label("plight_subtype", subtype, "zh")
        plight_id = vocabulary()["plight_subtype"][subtype]["parent"]
        right = bi(label("plight", plight_id, "zh"), label("plight", plight_id, "en"))
        wrong = [bi(label("plight", p, "zh"), label("plight", p, "en")) for p in vocab_ids("plight") if p != plight_id]
        stem = bi(f"“{parent}”通常归入哪一类监护困境？",
                  f"Which kind of guardianship plight does “{label('plight_subtype', subtype, 'en')}” usually belong to?")
        explanation = bi(f"按研究的三分法，“{parent}”属于{right.zh}。",
                         f"In the study's three-way classification, “{label('plight_subtype', subtype, 'en')}” is {right.en}.")
        questions.append(_single(f"gen-subtype-{subtype.replace('_', '-')}", stem, right, wrong, explanation,
                                 References(), ["child_director", "child_supervisor", "civil_affairs"]))
    return questions


def term_questions(project: Project) -> list[Question]:
    """Which term matches this definition? Distractors: other glossary terms."""
    if not project.glossary:
        return []
    terms = project.glossary.data.terms
    questions = []
    for term in terms:
        definition = bi(_blank_out(term.definition.zh, [term.zh, *term.aliases_zh]),
                        _blank_out(term.definition.en, [term.en, *term.aliases_en]))
        others = [t for t in terms if t.id != term.id and t.zh not in term.definition.zh and t.en != term.en]
        picked = rng(term.id, "terms").sample(others, min(3, len(others)))
        stem = bi(f"下面的定义对应哪个术语？\n“{definition.zh}”", f"Which term matches this definition?\n“{definition.en}”")
        questions.append(_single(f"gen-term-{term.id}", stem, bi(term.zh, term.en), [bi(t.zh, t.en) for t in picked],
                                 term.definition, References(provisions=term.provisions),
                                 ["child_director", "child_supervisor"]))
    return questions


def _blank_out(text: str, names: list[str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(re.escape(name), "____", text, flags=re.I)
    return text


def label_list(kind: str, terms, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(label(kind, term, lang) for term in terms)


GENERATED_MODULE = {"provision": "m02", "case": "m01", "subtype": "m01", "term": "m01"}


def generated_questions(project: Project) -> list[Question]:
    return provision_questions(project) + case_questions(project) + subtype_questions() + term_questions(project)


# ---------------------------------------------------------------- assembly
@dataclass
class Quiz:
    id: str
    title: Bilingual
    questions: list[Question]
    kind: str  # bank, pre, post, role, exam, generated
    intro: Bilingual | None = None
    module: str | None = None
    covers: dict = field(default_factory=dict)


def module_of(question: Question, project: Project) -> str | None:
    if question.generated:
        return GENERATED_MODULE[question.id.split("-")[1]]
    for entry in project.banks.values():
        if question in entry.bank.questions:
            return entry.bank.module
    return None


def all_questions(project: Project) -> list[Question]:
    if "questions" not in project.derived:
        project.derived["questions"] = [q for q, _ in project.questions] + generated_questions(project)
    return project.derived["questions"]


def module_tests(project: Project, questions: list[Question], size: int = 10) -> list[Quiz]:
    """A pre-test and a post-test per module, drawn from disjoint halves of its pool."""
    quizzes = []
    for entry in sorted(project.banks.values(), key=lambda e: e.bank.module):
        module = entry.bank.module
        pool = [q for q in questions if module_of(q, project) == module]
        pool = sorted(pool, key=lambda q: q.id)
        rng(module, "split").shuffle(pool)
        half = len(pool) // 2
        title = entry.bank.title
        for kind, chosen, zh, en in (("pre", pool[:half][:size], "课前测", "pre-test"),
                                     ("post", pool[half:][:size], "课后测", "post-test")):
            quizzes.append(Quiz(f"{module}-{kind}", bi(f"{title.zh}（{zh}）", f"{title.en} ({en})"), chosen, kind,
                                module=module))
    return quizzes


def role_quizzes(project: Project, questions: list[Question], size: int = 15) -> list[Quiz]:
    quizzes = []
    for actor in vocab_ids("actor"):
        pool = sorted((q for q in questions if actor in q.roles), key=lambda q: (q.generated, q.id))
        handwritten = [q for q in pool if not q.generated]
        generated = [q for q in pool if q.generated]
        rng(actor, "role").shuffle(handwritten)
        rng(actor, "role-generated").shuffle(generated)
        chosen = (handwritten + generated)[:size]
        name = label("actor", actor, "zh", short=True), label("actor", actor, "en", short=True)
        quizzes.append(Quiz(f"role-{actor.replace('_', '-')}", bi(f"{name[0]}自测", f"Self-check for the {name[1]}"),
                            chosen, "role"))
    return quizzes


def exam(project: Project, questions: list[Question], size: int = 40) -> Quiz:
    """The comprehensive exam: every plight type, every vulnerability dimension, ≥ 10 provisions."""
    cases = {case.id: case.meta for case in project.cases.values() if case.meta}

    def covers(question: Question) -> tuple[set, set, set]:
        case_ids = set(question.refs.cases) | ({question.case} if question.case else set())
        plights = {cases[c].plight for c in case_ids if c in cases}
        dims = {d for c in case_ids if c in cases for d in cases[c].vulnerability}
        return plights, dims, set(question.refs.provisions)

    pool = sorted(questions, key=lambda q: (q.generated, q.id))
    rng("exam").shuffle(pool)
    pool.sort(key=lambda q: q.generated)  # hand-written questions first
    need_plights, need_dims = set(vocab_ids("plight")), set(vocab_ids("vulnerability"))
    chosen, provisions = [], set()
    for question in pool:
        plights, dims, cards = covers(question)
        useful = (plights & need_plights) or (dims & need_dims) or (len(provisions) < 10 and cards - provisions)
        if useful:
            chosen.append(question)
            need_plights -= plights
            need_dims -= dims
            provisions |= cards
    for question in pool:
        if len(chosen) >= size:
            break
        if question not in chosen:
            chosen.append(question)
            provisions |= covers(question)[2]
    covered = [covers(q) for q in chosen]
    return Quiz("exam", bi("综合考试", "Comprehensive exam"), chosen, "exam",
                covers={"plights": set().union(*(c[0] for c in covered)), "dimensions": set().union(*(c[1] for c in covered)),
                        "provisions": set().union(*(c[2] for c in covered))})


def assembled_quizzes(project: Project) -> list[Quiz]:
    """Computed once per loaded project (the sitemap, every language's pages and the exports use it)."""
    if "quizzes" not in project.derived:
        project.derived["quizzes"] = _assemble(project)
    return project.derived["quizzes"]


def _assemble(project: Project) -> list[Quiz]:
    questions = all_questions(project)
    generated = [q for q in questions if q.generated]
    groups = {"provision": ("由条文生成的题目", "Generated from the provision cards"),
              "case": ("由案例生成的题目", "Generated from the cases"),
              "subtype": ("困境类型辨析", "Plight types"), "term": ("术语辨析", "Terms")}
    banks = [bank for kind, titles in groups.items()
             for bank in _pages_of(f"generated-{kind}", bi(*titles), [q for q in generated if q.id.split("-")[1] == kind])]
    return module_tests(project, questions) + role_quizzes(project, questions) + [exam(project, questions)] + banks


GENERATED_PAGE_SIZE = 100  # a phone page stays light however many cases and provisions there are


def _pages_of(quiz_id: str, title: Bilingual, questions: list[Question]) -> list[Quiz]:
    """Generated practice in pages of at most GENERATED_PAGE_SIZE questions: generated-case, generated-case-2, …"""
    chunks = [questions[i:i + GENERATED_PAGE_SIZE] for i in range(0, len(questions), GENERATED_PAGE_SIZE)]
    return [Quiz(quiz_id if number == 1 else f"{quiz_id}-{number}",
                 title if number == 1 else bi(f"{title.zh}（{number}）", f"{title.en} ({number})"), chunk, "generated")
            for number, chunk in enumerate(chunks, start=1)]
