"""Where everything lives on the site: page keys, kb link targets and generated pages.

A page key is a site path without extension ("roles/police", "cases/c001"); the stage writes
key + ".md" per language, so links between keys are the same in both languages.
"""
from __future__ import annotations

import posixpath
import re
from functools import cached_property

from .mdscan import scan
from .sources import Project

KB_LINK = re.compile(r"^(?P<scheme>provision|case|role|module|quiz|tool|term):(?P<id>[\w-]+)(?:#(?P<anchor>[\w-]+))?$")
# Link text may itself hold brackets, as in [国发〔2016〕13号] or [Guo Fa [2016] No. 13].
KB_LINK_IN_MARKDOWN = re.compile(
    r"\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]\((?P<target>(?:provision|case|role|module|quiz|tool|term):[\w-]+(?:#[\w-]+)?)\)")


def case_key(case_id: str) -> str:
    return f"cases/{case_id}"


def document_key(document_id: str) -> str:
    return f"provisions/{document_id}/index"


def provision_key(document_id: str, card_id: str) -> str:
    return f"provisions/{document_id}/{card_id}"


def quiz_key(module_id: str) -> str:
    return f"quizzes/{module_id}"


def asset_key(rel: str) -> str:
    """Site path of an asset file: docs/ is the site root, cases/ keeps its folder."""
    return rel.removeprefix("docs/")


class SiteMap:
    def __init__(self, project: Project):
        self.project = project

    @cached_property
    def provision_documents(self) -> dict[str, str]:
        return {card_id: document.id for card_id, (_, document) in self.project.provisions.items()}

    @cached_property
    def generated(self) -> set[str]:
        from .stage import PRINT_PAGES, generated_pages  # the renderers import this module

        return set(generated_pages(self.project)) | set(PRINT_PAGES)

    @cached_property
    def anchors(self) -> dict[str, set[str] | None]:
        """Heading ids per key; None where the page is generated (checked after the build)."""
        result: dict[str, set[str] | None] = {key: None for key in self.generated}
        for page in self.project.pages.values():
            result[page.key] = self._anchors(page.files)
        for case in self.project.cases.values():
            result[case.key] = self._anchors(case.files)
        for rel in self.project.assets:
            result[asset_key(rel)] = set()
        return result

    @staticmethod
    def _anchors(files) -> set[str]:
        source = files.get("zh") or next(iter(files.values()))
        return {heading.anchor for heading in scan(source.body).headings}

    def kb_target(self, scheme: str, id: str) -> str | None:
        """The page key a kb link (provision:mpl-11-2, case:c001 …) points at, or None."""
        if scheme == "provision":
            document = self.provision_documents.get(id)
            return provision_key(document, id) if document else None
        if scheme == "term":
            glossary = self.project.glossary
            return "glossary" if glossary and id in {term.id for term in glossary.data.terms} else None
        key = {"case": case_key(id), "role": f"roles/{id}", "module": f"modules/{id}", "quiz": quiz_key(id),
               "tool": f"tools/{id}", "term": "glossary"}[scheme]
        return key if key in self.anchors else None

    def relative(self, from_key: str, to_key: str, anchor: str | None = None) -> str:
        """A relative Markdown link from one page to another (works offline and in both languages)."""
        target = posixpath.relpath(to_key, posixpath.dirname(from_key) or ".")
        suffix = "" if "." in to_key.rsplit("/", 1)[-1] else ".md"
        return target + suffix + (f"#{anchor}" if anchor else "")

    def resolve_relative(self, from_key: str, target: str) -> str:
        """The key a relative Markdown link points at ('../roles/police.md' → 'roles/police')."""
        path = posixpath.normpath(posixpath.join(posixpath.dirname(from_key), target))
        if target.endswith("/"):
            return posixpath.join(path, "index")
        return re.sub(r"(\.(zh|en))?\.md$", "", path)

    def rewrite(self, body: str, from_key: str) -> str:
        """Turn kb links into relative links from `from_key`.

        A link whose target does not exist (only a role without a guide passes the checks)
        keeps its text and loses the link.
        """

        def replace(match: re.Match) -> str:
            kb = KB_LINK.match(match["target"])
            to_key = self.kb_target(kb["scheme"], kb["id"])
            if to_key is None:
                return match["text"]
            anchor = kb["anchor"] or (kb["id"] if kb["scheme"] == "term" else None)
            return f"[{match['text']}]({self.relative(from_key, to_key, anchor)})"

        def outside_code(text: str) -> str:
            return LANG_SUFFIX_LINK.sub(r"\1.md\2", KB_LINK_IN_MARKDOWN.sub(replace, text))

        # Code (fenced blocks, inline spans) shows link syntax literally: leave it alone.
        return "".join(part if index % 2 else outside_code(part) for index, part in enumerate(CODE.split(body)))


CODE = re.compile(r"(^[ \t]*(?:```|~~~)[^\n]*\n.*?^[ \t]*(?:```|~~~)[ \t]*$|`[^`\n]+`)", re.M | re.S)
LANG_SUFFIX_LINK = re.compile(r"(\]\([^)\s]+?)\.(?:zh|en)\.md(#[^)]*)?(?=\))")
