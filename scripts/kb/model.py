"""The typed content model: what a case, a provision, a role guide, a module and a question are.

Fields that take vocabulary ids carry `x-vocabulary` in their JSON-Schema extra; the
vocabulary check and the schema export both read that marker, so the vocabulary itself
stays in one data file (data/vocabulary.yml).
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

LANGS = ("zh", "en")
PRIMARY_LANG = "zh"


def vocab(kind: str, *, many: bool = True, min_items: int = 0):
    """A field holding one or more ids of a vocabulary list."""
    extra = {"x-vocabulary": kind}
    if many:
        return Field(default_factory=list, min_length=min_items, json_schema_extra=extra)
    return Field(json_schema_extra=extra)


NonEmpty = Annotated[str, Field(min_length=1)]
CaseId = Annotated[str, Field(pattern=r"^c\d{3,4}$")]
ProvisionId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Bilingual(Strict):
    zh: NonEmpty
    en: NonEmpty


# ---------------------------------------------------------------- cases
class Anonymization(Strict):
    source: Literal["composite"]
    reidentification_risk: Literal["low"]
    reviewed: dt.date
    reviewer: NonEmpty | None = None


class Image(Strict):
    file: NonEmpty
    kind: Literal["illustration", "diagram"]
    alt: NonEmpty


class CaseMeta(Strict):
    """Front matter of a case's Chinese (primary) file: the facets and the text fields."""

    id: CaseId
    title: NonEmpty
    summary: NonEmpty
    plight: str = vocab("plight", many=False)
    plight_subtypes: list[str] = vocab("plight_subtype", min_items=1)
    vulnerability: list[str] = vocab("vulnerability", min_items=1)
    actors: list[str] = vocab("actor", min_items=1)
    stages: list[str] = vocab("stage", min_items=1)
    measures: list[str] = vocab("measure")
    problems: list[str] = vocab("problem")
    causes: list[str] = vocab("cause")
    remedies: list[str] = vocab("remedy")
    risk_level: str = vocab("risk_level", many=False)
    border: list[str] = vocab("border_flag")
    teaching_use: list[str] = vocab("teaching_use", min_items=1)
    learning_objectives: list[NonEmpty] = Field(min_length=1)
    provisions: list[ProvisionId] = Field(default_factory=list)
    roles: list[str] = vocab("actor")
    modules: list[str] = Field(default_factory=list)
    pseudonyms: list[NonEmpty] = Field(default_factory=list)
    images: list[Image] = Field(default_factory=list)
    anonymization: Anonymization


class CaseTranslationMeta(Strict):
    """Front matter of a case's translation: text fields only; facets live in the Chinese file."""

    id: CaseId
    title: NonEmpty
    summary: NonEmpty
    learning_objectives: list[NonEmpty] = Field(min_length=1)
    pseudonyms: list[NonEmpty] = Field(default_factory=list)


# ---------------------------------------------------------------- provisions
class DocumentVersion(Strict):
    id: NonEmpty
    label: Bilingual
    text_date: dt.date
    in_force: dt.date | None = None
    status: str = vocab("version_status", many=False)
    reference: NonEmpty | None = None  # file slug in the reference-text folder


class Verification(Strict):
    status: Literal["verified", "unverified"]
    key_terms: list[NonEmpty] = Field(default_factory=list)
    reason: Bilingual | None = None

    @model_validator(mode="after")
    def _explained(self):
        if self.status == "verified" and not self.key_terms:
            raise ValueError("a verified card lists the key_terms found in the reference text")
        if self.status == "unverified" and self.reason is None:
            raise ValueError("an unverified card gives the reason it is unverified")
        return self


class Provision(Strict):
    id: ProvisionId
    article: int | None = Field(default=None, ge=1)  # 条 (laws and regulations)
    part: int | None = Field(default=None, ge=1)  # 一、二、… (policy documents)
    section: int | None = Field(default=None, ge=1)  # （一）（二）… under a part
    paragraph: int | None = Field(default=None, ge=1)  # 款
    item: int | None = Field(default=None, ge=1)  # 项
    version: NonEmpty
    title: Bilingual
    summary: Bilingual
    obliges: list[str] = vocab("actor")
    topics: list[str] = vocab("topic", min_items=1)
    practice: dict[str, Bilingual] = Field(default_factory=dict)
    verification: Verification
    source_url: Annotated[str, Field(pattern=r"^https://")] | None = None

    @model_validator(mode="after")
    def _located(self):
        if self.article is None and self.part is None:
            raise ValueError("a provision names its article (laws) or its part (policy documents)")
        return self


class Document(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    title: Bilingual
    short: Bilingual
    level: str = vocab("level", many=False)
    issuer: Bilingual
    doc_number: NonEmpty | None = None
    date: dt.date | None = None
    versions: list[DocumentVersion] = Field(default_factory=list)
    in_reference_set: bool
    note: Bilingual | None = None
    source_url: Annotated[str, Field(pattern=r"^https://")] | None = None
    provisions: list[Provision] = Field(default_factory=list)


# ---------------------------------------------------------------- pages
class PageMeta(Strict):
    """Front matter of an ordinary page in docs/."""

    title: NonEmpty | None = None
    description: NonEmpty | None = None


class RoleGuideMeta(Strict):
    type: Literal["role"]
    actor: str = vocab("actor", many=False)
    title: NonEmpty
    description: NonEmpty
    provisions: list[ProvisionId] = Field(default_factory=list)
    partners: list[str] = vocab("actor")


class ModuleMeta(Strict):
    type: Literal["module"]
    id: Annotated[str, Field(pattern=r"^m\d{2}$")]
    title: NonEmpty
    description: NonEmpty
    duration_min: int = Field(ge=15, le=480)
    learners: list[str] = vocab("actor", min_items=1)
    objectives: list[NonEmpty] = Field(min_length=1)
    provisions: list[ProvisionId] = Field(default_factory=list)
    cases: list[CaseId] = Field(default_factory=list)


# ---------------------------------------------------------------- questions
class Option(Strict):
    text: Bilingual
    correct: bool = False
    feedback: Bilingual | None = None


class References(Strict):
    provisions: list[ProvisionId] = Field(default_factory=list)
    cases: list[CaseId] = Field(default_factory=list)
    roles: list[str] = vocab("actor")


class Question(Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    type: str = vocab("question_type", many=False)
    case: CaseId | None = None  # the case a scenario question is about
    stem: Bilingual
    options: list[Option] = Field(default_factory=list)
    answer: bool | None = None  # true/false questions only
    explanation: Bilingual
    refs: References = Field(default_factory=References)
    roles: list[str] = vocab("actor", min_items=1)
    difficulty: str = vocab("difficulty", many=False)
    scenario_kind: str = vocab("scenario_kind", many=False)
    generated: bool = False


class QuestionBank(Strict):
    module: Annotated[str, Field(pattern=r"^m\d{2}$")]
    title: Bilingual
    questions: list[Question] = Field(min_length=1)


# ---------------------------------------------------------------- glossary
Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Term(Strict):
    id: Slug
    zh: NonEmpty
    en: NonEmpty
    aliases_zh: list[NonEmpty] = Field(default_factory=list)  # other Chinese names shown with the same definition
    aliases_en: list[NonEmpty] = Field(default_factory=list)
    definition: Bilingual
    provisions: list[ProvisionId] = Field(default_factory=list)  # where the law defines or uses it
    source_note: Bilingual | None = None  # a source outside the reference set, named without articles


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)


# ---------------------------------------------------------------- field tools and forms
class FormField(Strict):
    label: Bilingual
    kind: Literal["text", "long", "date", "check", "choice", "signature"] = "text"
    options: list[Bilingual] = Field(default_factory=list)  # for choice fields
    example: Bilingual | None = None  # the filled-in example, from an anonymized case
    hint: Bilingual | None = None

    @model_validator(mode="after")
    def _options(self):
        if (self.kind == "choice") != bool(self.options):
            raise ValueError("choice fields, and only they, list `options`")
        return self


class FormSection(Strict):
    title: Bilingual
    fields: list[FormField] = Field(min_length=1)


class Tool(Strict):
    id: Slug
    title: Bilingual
    purpose: Bilingual
    users: list[str] = vocab("actor", min_items=1)
    stages: list[str] = vocab("stage", min_items=1)
    instructions: Bilingual  # Markdown
    county_parameters: list[Bilingual] = Field(default_factory=list)  # what each county must set itself
    example_case: CaseId | None = None
    provisions: list[ProvisionId] = Field(default_factory=list)
    sections: list[FormSection] = Field(min_length=1)


# ---------------------------------------------------------------- workflow swimlanes
class Lane(Strict):
    actor: str = vocab("actor", many=False)
    tasks: list[Bilingual] = Field(min_length=1)


class StageLanes(Strict):
    stage: str = vocab("stage", many=False)
    summary: Bilingual
    lanes: list[Lane] = Field(min_length=1)
    provisions: list[ProvisionId] = Field(default_factory=list)


class Workflow(Strict):
    stages: list[StageLanes] = Field(min_length=1)


# ---------------------------------------------------------------- pocket cards
class PocketCard(Strict):
    id: Slug
    title: Bilingual
    provisions: list[ProvisionId] = Field(min_length=1)
    points: list[Bilingual] = Field(min_length=1)
    action: Bilingual


class PocketCards(Strict):
    cards: list[PocketCard] = Field(min_length=1)


SCHEMAS = {
    "case": CaseMeta,
    "case-translation": CaseTranslationMeta,
    "document": Document,
    "page": PageMeta,
    "role-guide": RoleGuideMeta,
    "module": ModuleMeta,
    "question-bank": QuestionBank,
    "glossary": Glossary,
    "tool": Tool,
    "workflow": Workflow,
    "pocket-cards": PocketCards,
}
