"""Blank forms as Word documents (county offices work in Word), byte-reproducible."""
from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from docx import Document as WordDocument
from docx.shared import Pt

from .model import Tool
from .render.tools import blank_text

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def form_docx(tool: Tool, lang: str) -> bytes:
    document = WordDocument()
    style = document.styles["Normal"]
    style.font.size = Pt(11)
    document.add_heading(getattr(tool.title, lang), level=1)
    document.add_paragraph(getattr(tool.purpose, lang))
    for section in tool.sections:
        document.add_heading(getattr(section.title, lang), level=2)
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for field in section.fields:
            cells = table.add_row().cells
            cells[0].text = getattr(field.label, lang)
            cells[1].text = blank_text(field, lang) or ("\n\n" if field.kind == "long" else "")
    _fix_dates(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())


def _fix_dates(document) -> None:
    """Word stores creation and modification times; use SOURCE_DATE_EPOCH so builds repeat exactly."""
    when = dt.datetime.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH", "0")), dt.timezone.utc).replace(tzinfo=None)
    properties = document.core_properties
    properties.created = properties.modified = when
    properties.last_printed = when
    properties.author = properties.last_modified_by = "协同守护 · Protecting Together"
    properties.revision = 1


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times, so the same input gives the same bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
