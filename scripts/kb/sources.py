"""Read docs/, cases/ and quizzes/ into the typed model, keeping every value's file and line.

Bad input never raises: each problem becomes a Finding and the file is left out of the
model (its id is remembered, so references to it do not raise a second error).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import yamlmap
from .frontmatter import FrontMatterError, split_front_matter
from .model import (LANGS, PRIMARY_LANG, CaseMeta, CaseTranslationMeta, Document, Glossary, ModuleMeta,
                    PageMeta, PocketCards, Provision, QuestionBank, RoleGuideMeta, Tool, Workflow)
from .report import Finding

CONTENT_DIRS = ("docs", "cases", "quizzes")
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".pdf"}
LANG_FILE = re.compile(r"^(?P<stem>.+)\.(?P<lang>zh|en)\.md$")
CASE_FILE = re.compile(r"^(?P<stem>c\d{3,4})\.(?P<lang>zh|en)\.md$")


@dataclass
class SourceFile:
    rel: str  # path relative to the project root, with forward slashes
    lang: str | None
    text: str
    located: yamlmap.Located | None = None  # front matter or whole YAML file
    body: str = ""
    body_first_line: int = 1

    def at(self, path: tuple = ()) -> tuple[int, int]:
        return self.located.where(path) if self.located else (1, 1)


@dataclass
class Page:
    """A page of the site: one source file per language, keyed by its site path ("roles/police")."""

    key: str
    files: dict[str, SourceFile] = field(default_factory=dict)
    meta: dict[str, BaseModel] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        meta = next(iter(self.meta.values()), None)
        return getattr(meta, "type", "page")


@dataclass
class Case:
    id: str
    meta: CaseMeta | None = None
    translations: dict[str, CaseTranslationMeta] = field(default_factory=dict)
    files: dict[str, SourceFile] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"cases/{self.id}"

    def text(self, lang: str) -> BaseModel:
        return self.meta if lang == PRIMARY_LANG else self.translations.get(lang, self.meta)


@dataclass
class DocumentEntry:
    document: Document
    file: SourceFile


@dataclass
class BankEntry:
    bank: QuestionBank
    file: SourceFile


@dataclass
class DataEntry:
    """A YAML data file of docs/ (glossary, a tool, the workflow) and its typed content."""

    data: BaseModel
    file: SourceFile


@dataclass
class Project:
    root: Path
    pages: dict[str, Page] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    banks: dict[str, BankEntry] = field(default_factory=dict)
    tools: dict[str, DataEntry] = field(default_factory=dict)
    glossary: DataEntry | None = None
    workflow: DataEntry | None = None
    pocket_cards: DataEntry | None = None
    assets: list[str] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)  # ids of files that failed to load
    findings: list[Finding] = field(default_factory=list)
    # Values derived from the content, computed once: the project does not change after loading.
    derived: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def provisions(self) -> dict[str, tuple[Provision, Document]]:
        return {card.id: (card, entry.document) for entry in self.documents.values()
                for card in entry.document.provisions}

    @property
    def questions(self):
        return [(question, entry) for entry in self.banks.values() for question in entry.bank.questions]

    @property
    def roles(self) -> dict[str, Page]:
        return {page.key.split("/", 1)[1]: page for page in self.pages.values() if page.kind == "role"}

    @property
    def modules(self) -> dict[str, Page]:
        return {page.key.split("/", 1)[1]: page for page in self.pages.values() if page.kind == "module"}

    def source_files(self):
        for page in self.pages.values():
            yield from page.files.values()
        for case in self.cases.values():
            yield from case.files.values()
        for entry in self.documents.values():
            yield entry.file
        for entry in self.banks.values():
            yield entry.file
        for entry in [*self.tools.values(), self.glossary, self.workflow, self.pocket_cards]:
            if entry:
                yield entry.file


# ------------------------------------------------------------------------- reading
def find_root(start: Path) -> Path:
    """The project root: the nearest folder upwards that holds mkdocs.yml and cases/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "cases").is_dir():
            return folder
    raise FileNotFoundError(f"no project root (mkdocs.yml + cases/) above {start}")


def load_project(root: Path, only: set[str] | None = None) -> Project:
    """Load every content file (or only the relative paths in `only`, plus what they need)."""
    project = Project(root)
    for rel in sorted(content_files(root)):
        suffix = Path(rel).suffix.lower()
        if suffix in ASSET_SUFFIXES:
            project.assets.append(rel)
            continue
        _load_file(project, rel)
    return project


def content_files(root: Path):
    for top in CONTENT_DIRS:
        for path in (root / top).rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                yield path.relative_to(root).as_posix()


def _load_file(project: Project, rel: str) -> None:
    source = _read(project, rel)
    if source is None:
        return
    top = rel.split("/", 1)[0]
    name = rel.rsplit("/", 1)[-1]
    if top == "cases" and rel.endswith(".md"):
        _load_case(project, source, name)
    elif top == "quizzes" and rel.endswith((".yml", ".yaml")):
        _load_bank(project, source, name)
    elif top == "docs" and rel.startswith("docs/provisions/") and rel.endswith((".yml", ".yaml")):
        _load_document(project, source, name)
    elif rel == "docs/glossary.yml":
        project.glossary = _load_data(project, source, Glossary)
    elif rel == "docs/pocket-cards.yml":
        project.pocket_cards = _load_data(project, source, PocketCards)
    elif rel == "docs/workflow/swimlanes.yml":
        project.workflow = _load_data(project, source, Workflow)
    elif rel.startswith("docs/tools/") and rel.endswith(".yml"):
        _load_tool(project, source, name)
    elif top == "docs" and rel.endswith(".md"):
        _load_page(project, source)
    else:
        project.findings.append(Finding(rel, 1, 1, "file.unknown", "kb does not use this file type here"))


def _read(project: Project, rel: str) -> SourceFile | None:
    raw = (project.root / rel).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        col = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        project.findings.append(Finding(rel, line, col, "file.encoding",
                                        f"invalid UTF-8 byte 0x{raw[error.start]:02x}; save the file as UTF-8"))
        return None
    if not text.strip():
        project.findings.append(Finding(rel, 1, 1, "file.empty", "the file is empty"))
        return None
    return SourceFile(rel=rel, lang=None, text=text)


def _parse_front_matter(project: Project, source: SourceFile, required: bool) -> bool:
    try:
        split = split_front_matter(source.text)
    except FrontMatterError as error:
        project.findings.append(Finding(source.rel, error.line, 1, "yaml.unclosed", str(error)))
        return False
    source.body, source.body_first_line = split.body, split.body_first_line
    if split.front_matter is None:
        if required:
            project.findings.append(Finding(source.rel, 1, 1, "yaml.missing-front-matter",
                                            "this file needs a front-matter block starting with ---"))
            return False
        source.located = yamlmap.Located({}, {}, 1)
        return True
    return _parse_yaml(project, source, split.front_matter, split.fm_first_line)


def _parse_yaml(project: Project, source: SourceFile, text: str, first_line: int) -> bool:
    try:
        source.located = yamlmap.load(text, first_line)
    except yamlmap.YamlError as error:
        project.findings.append(Finding(source.rel, error.line, error.col, "yaml.syntax", str(error)))
        return False
    if source.located.data is None:
        source.located.data = {}
    if not isinstance(source.located.data, dict):
        line, col = source.at()
        project.findings.append(Finding(source.rel, line, col, "schema.type",
                                        "expected a mapping of keys to values"))
        return False
    return True


def validate(project: Project, source: SourceFile, model: type[BaseModel], data: Any = None,
             translation_rule: str | None = None):
    """Validate front matter (or YAML) against `model`; return the model or None with findings.

    With `translation_rule`, a missing or empty zh/en text is reported under that rule.
    """
    data = source.located.data if data is None else data
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for problem in error.errors():
            finding = _schema_finding(source, problem)
            if translation_rule and _is_missing_text(problem):
                finding = Finding(finding.path, finding.line, finding.col, translation_rule,
                                  f"{finding.message.split(':')[0]}: the {problem['loc'][-1]} text is missing or empty")
            project.findings.append(finding)
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            project.broken_ids.add(data["id"])
        return None


def _is_missing_text(problem: dict) -> bool:
    loc = problem["loc"]
    return bool(loc) and loc[-1] in LANGS and problem["type"] in ("missing", "string_too_short")


def _schema_finding(source: SourceFile, problem: dict) -> Finding:
    loc = tuple(problem["loc"])
    line, col = source.at(loc)
    dotted = ".".join(str(part) for part in loc) or "(top level)"
    kind = problem["type"]
    if kind == "missing":
        return Finding(source.rel, line, col, "schema.missing", f"required field '{dotted}' is missing")
    if kind == "extra_forbidden":
        return Finding(source.rel, line, col, "schema.unknown-field", f"unknown field '{dotted}'")
    message = problem["msg"].removeprefix("Value error, ")
    return Finding(source.rel, line, col, "schema.type", f"{dotted}: {message}")


def _load_case(project: Project, source: SourceFile, name: str) -> None:
    match = CASE_FILE.match(name)
    if not match or "/" in source.rel.removeprefix("cases/"):
        project.findings.append(Finding(source.rel, 1, 1, "file.name",
                                        "case files are named cases/cNNN.zh.md and cases/cNNN.en.md"))
        return
    source.lang = match["lang"]
    if not _parse_front_matter(project, source, required=True):
        project.broken_ids.add(match["stem"])
        return
    model = CaseMeta if source.lang == PRIMARY_LANG else CaseTranslationMeta
    if source.lang != PRIMARY_LANG:
        _flag_facets_in_translation(project, source)
    meta = validate(project, source, model)
    if meta is None:
        project.broken_ids.add(match["stem"])
        return
    if meta.id != match["stem"]:
        line, col = source.at(("id",))
        project.findings.append(Finding(source.rel, line, col, "id.filename",
                                        f"id '{meta.id}' differs from the file name '{match['stem']}'"))
        return
    case = project.cases.setdefault(meta.id, Case(meta.id))
    case.files[source.lang] = source
    if source.lang == PRIMARY_LANG:
        case.meta = meta
    else:
        case.translations[source.lang] = meta


def _flag_facets_in_translation(project: Project, source: SourceFile) -> None:
    allowed = set(CaseTranslationMeta.model_fields)
    data = source.located.data
    for key in [key for key in data if key not in allowed and key in CaseMeta.model_fields]:
        line, col = source.at((key,))
        project.findings.append(Finding(source.rel, line, col, "schema.unknown-field",
                                        f"'{key}' is a facet: set it in the Chinese file only"))
        del data[key]


def _load_page(project: Project, source: SourceFile) -> None:
    inner = source.rel.removeprefix("docs/")
    match = LANG_FILE.match(inner)
    if not match:
        project.findings.append(Finding(source.rel, 1, 1, "file.name",
                                        "pages are named NAME.zh.md or NAME.en.md"))
        return
    source.lang = match["lang"]
    if not _parse_front_matter(project, source, required=False):
        return
    data = source.located.data
    model = {"role": RoleGuideMeta, "module": ModuleMeta}.get(data.get("type"), PageMeta)
    meta = validate(project, source, model)
    if meta is None:
        return
    key = match["stem"]
    if model is RoleGuideMeta and key != f"roles/{meta.actor}":
        line, col = source.at(("actor",))
        project.findings.append(Finding(source.rel, line, col, "id.filename",
                                        f"a role guide for '{meta.actor}' lives at docs/roles/{meta.actor}.{source.lang}.md"))
        return
    if model is ModuleMeta and key != f"modules/{meta.id}":
        line, col = source.at(("id",))
        project.findings.append(Finding(source.rel, line, col, "id.filename",
                                        f"module '{meta.id}' lives at docs/modules/{meta.id}.{source.lang}.md"))
        return
    page = project.pages.setdefault(key, Page(key))
    page.files[source.lang] = source
    page.meta[source.lang] = meta


def _load_yaml_file(project: Project, source: SourceFile) -> bool:
    return _parse_yaml(project, source, source.text, 1)


def _load_document(project: Project, source: SourceFile, name: str) -> None:
    if not _load_yaml_file(project, source):
        return
    document = validate(project, source, Document)
    if document is None:
        return
    stem = name.rsplit(".", 1)[0]
    if document.id != stem:
        line, col = source.at(("id",))
        project.findings.append(Finding(source.rel, line, col, "id.filename",
                                        f"document id '{document.id}' differs from the file name '{stem}'"))
        return
    if document.id in project.documents:
        project.findings.append(Finding(source.rel, *source.at(("id",)), "id.duplicate",
                                        f"document id '{document.id}' is used twice"))
        return
    project.documents[document.id] = DocumentEntry(document, source)


def _load_data(project: Project, source: SourceFile, model: type[BaseModel]) -> DataEntry | None:
    if not _load_yaml_file(project, source):
        return None
    data = validate(project, source, model)
    return DataEntry(data, source) if data is not None else None


def _load_tool(project: Project, source: SourceFile, name: str) -> None:
    entry = _load_data(project, source, Tool)
    if entry is None:
        return
    stem = name.rsplit(".", 1)[0]
    if entry.data.id != stem:
        line, col = source.at(("id",))
        project.findings.append(Finding(source.rel, line, col, "id.filename",
                                        f"tool id '{entry.data.id}' differs from the file name '{stem}'"))
        return
    project.tools[entry.data.id] = entry


def _load_bank(project: Project, source: SourceFile, name: str) -> None:
    if not _load_yaml_file(project, source):
        return
    bank = validate(project, source, QuestionBank, translation_rule="quiz.translation")
    if bank is None:
        return
    project.banks[source.rel] = BankEntry(bank, source)
