"""Findings and the one registry of rules: id, severity, summary, example and fix.

`kb check` output, the rule documentation and the tests all read RULES.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    example: str
    fix: str


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    col: int
    rule: str
    message: str
    severity: str = field(default="", compare=False)

    def __post_init__(self):
        if not self.severity:
            object.__setattr__(self, "severity", RULES[self.rule].severity)

    def format(self, docs: str | None = None) -> str:
        """One line; with `docs` (the rules page URL) it ends with the link to the rule's entry."""
        line = f"{self.path}:{self.line}:{self.col}: {self.severity} {self.rule}: {self.message}"
        return f"{line} [{docs}#{rule_anchor(self.rule)}]" if docs else line


def rule_anchor(rule_id: str) -> str:
    return rule_id.replace(".", "-")


RULES: dict[str, Rule] = {}


def rule(id: str, severity: str, summary: str, example: str, fix: str) -> None:
    RULES[id] = Rule(id, severity, summary, example, fix)


rule("file.encoding", "error", "The file is not valid UTF-8.",
     "A case saved as GBK from an old editor.", "Save the file as UTF-8 (without BOM).")
rule("file.empty", "error", "The file is empty.", "cases/c031.zh.md with no content.",
     "Write the front matter and the text, or delete the file.")
rule("file.unknown", "warning", "A file in a content folder that kb does not know how to use.",
     "cases/notes.txt", "Move it out of docs/, cases/ or quizzes/, or give it the right name.")
rule("file.name", "error", "The file name does not follow the naming rule of its folder.",
     "cases/case1.md instead of cases/c001.zh.md", "Rename it: cases/cNNN.zh.md and cNNN.en.md.")
rule("yaml.unclosed", "error", "Front matter opened with --- is never closed.",
     "A case whose second --- line is missing.", "Add a line with --- after the last front-matter key.")
rule("yaml.syntax", "error", "The YAML cannot be parsed.", "title: a: b (an unquoted colon)",
     "Fix the YAML at the given line; quote values that contain ': ' or start with special characters.")
rule("yaml.missing-front-matter", "error", "A file that needs front matter has none.",
     "A case file starting directly with ## 背景.", "Start the file with a --- block of front matter.")
rule("schema.missing", "error", "A required field is missing.", "A case without `plight:`.",
     "Add the field; see the schema in schemas/.")
rule("schema.type", "error", "A field has the wrong type or form.", "`actors: child_director` (a string, not a list)",
     "Give the value the type the schema asks for.")
rule("schema.unknown-field", "error", "A field the schema does not know.", "`plight_type:` instead of `plight:`",
     "Remove it or correct its name.")
rule("vocab.unknown", "error", "A value that is not an id of the controlled vocabulary.",
     "`actors: [village_head]`", "Use an id from scripts/kb/data/vocabulary.yml (or add it there).")
rule("vocab.subtype-mismatch", "error", "No plight sub-type belongs to the case's plight type.",
     "`plight: absence` with `plight_subtypes: [abuse]`", "Add a sub-type of the case's plight type, or change the type.")
rule("id.duplicate", "error", "Two items share one id.", "Two cases both with `id: c004`.", "Give each item its own id.")
rule("id.filename", "error", "The id in the front matter differs from the file name.",
     "cases/c004.zh.md with `id: c005`", "Make the id and the file name agree.")
rule("ref.provision", "error", "A reference to a provision card that does not exist.",
     "`provisions: [mpl-999]`", "Use the id of an existing card (see docs/provisions/), or write the card.")
rule("ref.case", "error", "A reference to a case that does not exist.", "`cases: [c404]`", "Use an existing case id.")
rule("ref.module", "error", "A reference to a training module that does not exist.", "`module: m99`",
     "Use the id of a module page in docs/modules/.")
rule("ref.role", "warning", "A role with no role guide yet.", "`roles: [police]` before the police guide exists",
     "Write the role guide docs/roles/<actor>.zh.md, or drop the role.")
rule("ref.version", "error", "A provision cites a document version that is not listed.", "`version: \"2019\"`",
     "Use the id of one of the document's `versions`.")
rule("link.missing-page", "error", "A link to a page or file that does not exist.", "[见此](../roles/teacher.md)",
     "Correct the path; links are relative to the file and name the page without the language suffix.")
rule("link.missing-anchor", "error", "A link to a heading anchor that does not exist on the target page.",
     "[报告](#mandatory-report) when no heading has that id", "Link an existing heading id (see the page's headings).")
rule("link.scheme", "error", "An unknown kb link scheme or a malformed target.", "[x](provison:mpl-11-2)",
     "Use provision:, case:, role:, module: or a relative path.")
rule("link.absolute", "error", "An absolute site path, which breaks offline copies and the language switch.",
     "[x](/cases/)", "Use a relative link or a kb link (case:c001).")
rule("link.insecure", "error", "An external link over plain http.", "http://www.example.org/", "Use https://.")
rule("html.forbidden-element", "error", "Raw HTML element not allowed in authored Markdown.",
     "<script>…</script>, <iframe>, <object>, <embed>, <style>, <form>", "Remove it; the site's scripts are files, not inline.")
rule("html.event-handler", "error", "Inline event handler attribute (on*=) in authored Markdown.",
     "<a onclick=\"…\">", "Remove the attribute.")
rule("case.section", "error", "A required case section (heading id) is missing.",
     "A case without `## 讨论题 { #discussion }`.", "Add the section with its heading id, as in `kb new-case`.")
rule("case.discussion", "error", "Fewer than 4 discussion questions.", "Two numbered questions under #discussion.",
     "Write at least 4 numbered questions.")
rule("case.length", "warning", "Body text outside 1,200–2,500 Chinese characters.", "A 600-character case.",
     "Complete (or shorten) the text.")
rule("case.todo", "warning", "Text still to be written (a 待补充 / TODO marker left by kb new-case).",
     "## 背景 { #background }\n\n待补充：……", "Write the text and remove the marker.")
rule("case.missing-primary", "error", "A case translation without its Chinese file.",
     "cases/c007.en.md without cases/c007.zh.md", "Write the Chinese file; it carries the case's facets.")
rule("case.pseudonym", "error", "A declared pseudonym that is not a pseudonym form.", "`pseudonyms: [韦春花]`",
     "Use 小X（化名） for children and X某 for adults.")
rule("quiz.single-answer", "error", "A single-choice question without exactly one correct option.",
     "Two options marked correct: true.", "Mark exactly one option correct (or make it a multiple-choice question).")
rule("quiz.multiple-answer", "error", "A multiple-choice question with fewer than two options or no correct option.",
     "All options false.", "Mark at least one option correct and offer at least three options.")
rule("quiz.options", "error", "Options missing or not allowed for this question type.",
     "A true/false question with options.", "Single/multiple/scenario need options; true/false needs `answer:`.")
rule("quiz.duplicate-option", "error", "Two options with the same text.", "两个选项都写“民政部门”。",
     "Make each option distinct.")
rule("quiz.scenario-case", "error", "A scenario question without a case.", "`type: scenario` with no `case:`.",
     "Name the case the scenario is about.")
rule("quiz.translation", "error", "Chinese and English versions differ (empty text in one language).",
     "An option with zh text and an empty en text.", "Translate every option, stem and explanation.")
rule("i18n.untranslated", "warning", "A page or case exists in one language only.",
     "cases/c012.zh.md without cases/c012.en.md", "Write the translation; until then the other language is shown with a notice.")
rule("provision.unverified", "info", "A provision card not yet verified against the reference texts.",
     "verification: {status: unverified, …}", "Verify it with `kb verify-citations` and mark it verified.")
rule("provision.unverified-document", "error", "A document outside the reference set that makes article-level claims.",
     "pipl.yml with in_reference_set: false and provision cards", "Remove the cards; keep only title, issuer and date.")
rule("citation.article", "error", "The cited article, paragraph or item does not exist in the reference text.",
     "mpl-11-4 (Art. 11 has three paragraphs)", "Correct the locator.")
rule("citation.key-term", "error", "A key term of a verified card does not occur in the cited text.",
     "key_terms: [立即报警] for Art. 11 para. 2", "Copy the key term verbatim from the reference text.")
rule("citation.reference", "error", "The reference text of a verified card cannot be found.",
     "reference: mpl-2021 (no such file)", "Name an existing file of the reference folder.")
PII_KINDS = {
    "id-number": ("A resident identity card number (18 digits with a valid checksum, or 15 digits).",
                  "身份证号 4501xxxxxxxxxxxxxx"),
    "phone": ("A mobile or landline number (hotlines such as 110 or 12355 are fine).", "电话 138xxxxxxxx"),
    "email": ("An e-mail address.", "联系邮箱 someone@example.com"),
    "handle": ("A WeChat, QQ, Douyin or similar account.", "微信号：abc_123"),
    "bank-card": ("A bank card number (Luhn-valid).", "卡号 6222 xxxx xxxx xxxx"),
    "plate": ("A vehicle licence plate.", "车牌 桂F·12345"),
    "birthdate": ("A full date of birth.", "小宁2014年3月7日出生"),
    "address": ("A house-level address (village group and number, street number, building and room).",
                "A村3组15号"),
    "name": ("A person's name that is not a declared pseudonym.", "母亲阮氏兰说……"),
    "place": ("A real place below province level (county, town, village).", "凭祥市、爱店镇"),
    "school": ("A school, hospital or other institution named with a real place.", "龙州县人民医院"),
}
for _kind, (_summary, _example) in PII_KINDS.items():
    rule(f"pii.{_kind}", "error", _summary, _example,
         "Replace it: 小X（化名） / X某 for people, N县 / 某镇 / A村 for places, and no numbers at all. "
         "Declare every pseudonym in `pseudonyms:`.")
rule("pii.suppressed", "info", "An inline suppression (<!-- pii-ok: reason -->) hid a finding; listed so it stays visible.",
     "县城有一条人民路 <!-- pii-ok: generic street name -->", "Remove the suppression when the text no longer needs it.")
rule("image.metadata", "error", "An image carries metadata (GPS location, camera, dates, author) or cannot be read.",
     "A phone photo with GPS coordinates in its EXIF.", "Run `kb scrub PATH` to remove the metadata.")
rule("image.undeclared", "error", "An image in cases/ that no case declares as an illustration or diagram.",
     "cases/img/child.jpg not listed in any case's `images:`", "Photos of children are not allowed; declare illustrations in `images:`.")
rule("image.missing", "error", "A case declares an image file that does not exist.", "images: [{file: img/a.png …}]",
     "Add the file or correct the path (relative to cases/).")
rule("site.link", "error", "A broken link in the built site.", "A generated index linking a removed page.",
     "Fix the source named in the message.")
rule("engine.build", "error", "The site engine reported a problem.", "A warning from MkDocs in strict mode.",
     "Read the engine's message; it names the page.")


def summarize(findings: Iterable[Finding]) -> str:
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in findings:
        counts[finding.severity] += 1
    return f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} notes"
