"""Renders an `Outline` as a Word document (`plansjekk mal`, the default format).

Real Word styles carry the structure: "Title"/"Subtitle" on the title page, "Heading 1" per
requirement, so Word's navigation pane and plansjekk's DOCX reader both see the sections.
Instruction text uses a paragraph style of its own ("Plansjekk veiledning" / "Plansjekk
rettleiing", italic grey), which the reader recognises (`outline_marks.is_guidance_style`)
and which Word shows as plainly not part of the plan. Pressing Enter after it continues in
"Normal", so the planner's own text never inherits the guidance style by accident.
"""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import _Row

from plansjekk.outline import Outline, OutlineTable
from plansjekk.outline_marks import GUIDANCE_STYLE

GUIDANCE_GREY = RGBColor(0x59, 0x59, 0x59)
"""Dark enough to read (contrast > 7:1 on white), light enough to look like help text."""

LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
"""Proofing language of the text, so Word spell-checks bokmål or nynorsk correctly."""


def render_docx(outline: Outline) -> bytes:
    """The outline as the bytes of a .docx file."""
    document = new_document()
    _set_language(document, LANGUAGE_TAGS[outline.lang])
    style = _guidance_style(document, GUIDANCE_STYLE[outline.lang])
    _title_page(document, outline, style)
    for section in outline.sections:
        document.add_heading(section.heading, level=1)
        _guidance(document, section.guidance, style)
        document.add_paragraph("", style="Normal")
    _appendix(document, outline.appendix, style)
    _properties(document, outline)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _guidance_style(document: WordDocument, name: str) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.next_paragraph_style = document.styles["Normal"]
    style.quick_style = True
    style.font.italic = True
    style.font.size = Pt(10)
    style.font.color.rgb = GUIDANCE_GREY
    style.paragraph_format.left_indent = Cm(0.5)
    style.paragraph_format.space_after = Pt(4)
    return style


def _guidance(document: WordDocument, lines: tuple[str, ...], style: ParagraphStyle) -> None:
    for line in lines:
        document.add_paragraph(line, style=style)


def _title_page(document: WordDocument, outline: Outline, style: ParagraphStyle) -> None:
    document.add_paragraph(outline.title, style="Title")
    document.add_paragraph(outline.subtitle, style="Subtitle")
    _guidance(document, outline.front_guidance, style)
    document.add_page_break()


def _appendix(document: WordDocument, table: OutlineTable, style: ParagraphStyle) -> None:
    document.add_page_break()
    document.add_heading(table.heading, level=1)
    _guidance(document, table.guidance, style)
    word_table = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    word_table.style = document.styles["Table Grid"]
    for cell, text in zip(word_table.rows[0].cells, table.columns, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(word_table.rows[0])
    for word_row, row in zip(word_table.rows[1:], table.rows, strict=True):
        for cell, text in zip(word_row.cells, row, strict=True):
            cell.text = text


def _repeat_header(row: _Row) -> None:
    """The header row repeats on every page when the table grows."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _set_language(document: WordDocument, tag: str) -> None:
    properties = document.styles["Normal"].element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), tag)
    properties.append(language)


def _properties(document: WordDocument, outline: Outline) -> None:
    core = document.core_properties
    core.title = outline.full_title
    core.language = LANGUAGE_TAGS[outline.lang]
    core.author = ""
    core.comments = f"plansjekk mal ({outline.ruleset_id})"
