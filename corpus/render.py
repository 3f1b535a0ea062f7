"""Render a laid-out document to DOCX the way municipal planners' Word files look.

Structure features (spec.features): numbered (in the heading text), toc-word (a Word TOC field
with its cached entries), toc-typed (a typed "Innhold" list), header-footer (kommune name and
"Side X av Y"), twocol (body in a two-column section), hyphen (justified text with soft hyphens
in long compounds, so the PDF breaks words at line ends), fake-headings (bold paragraphs
instead of heading styles), norwegian-styles (heading styles renamed "Overskrift N").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Calibri"
SOFT = "\u00ad"


@dataclass
class Section:
    """One heading and its body. Level 0 = front page lines (no heading)."""

    heading: str
    level: int
    passage_ids: list[str]
    front: bool = False
    placeholder: bool = False
    generated: bool = False
    blocks: list[tuple[str, str]] = field(default_factory=list)
    gen_labels: dict[str, str] = field(default_factory=dict)


def hyphenate(text: str) -> str:
    """Soft hyphens inside long words (vowel–consonant boundaries), as Word's hyphenation
    would break them; LibreOffice without a Norwegian dictionary breaks only there."""

    def word(match: re.Match[str]) -> str:
        w = match.group(0)
        vowels = "aeiouyæøåAEIOUYÆØÅ"
        out, last = [], 0
        for i in range(3, len(w) - 3):
            if w[i] not in vowels and w[i + 1] in vowels and i - last >= 3:
                out.append(w[last:i])
                last = i
        out.append(w[last:])
        return SOFT.join(out)

    return re.sub(r"\w{12,}", word, text)


def set_fonts(doc: Any) -> None:
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet"):
        style = doc.styles[name]
        style.font.name = FONT
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attr), None)
    doc.styles["Normal"].font.size = Pt(11)


def add_field(paragraph: Any, instr: str, cached: str) -> None:
    """A simple field (PAGE, NUMPAGES) with a cached result, as Word writes it."""
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("text", cached),
                       ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
            run._r.append(el)
        elif kind == "text":
            run.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def header_footer(doc: Any, spec: Any) -> None:
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.text = f"{spec.kommune} – {spec.title}"
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("Side ")
    add_field(foot, "PAGE", "1")
    foot.add_run(" av ")
    add_field(foot, "NUMPAGES", "1")


def toc_entries(sections: list[Section]) -> list[tuple[int, str, int]]:
    """(level, heading, estimated page) for the TOC's cached text."""
    entries, weight = [], 0
    for s in sections:
        if s.front:
            continue
        weight += 2 + sum(len(t) // 350 + 1 for _, t in s.blocks)
        entries.append((s.level, s.heading, 3 + weight // 40))
    return entries


def word_toc(doc: Any, sections: list[Section], nn: bool) -> None:
    """A Word-generated TOC: field begin/separate, "TOC N" paragraphs, field end."""
    doc.add_paragraph("Innhald" if nn else "Innhold", style=toc_style(doc, "TOC Heading", 0))
    entries = toc_entries(sections)
    for i, (level, heading, page) in enumerate(entries):
        p = doc.add_paragraph(style=toc_style(doc, f"TOC {level}", level))
        tab_stop(p)
        if i == 0:
            for kind in ("begin", "instr", "separate"):
                run = p.add_run()
                if kind == "instr":
                    el = OxmlElement("w:instrText")
                    el.set(qn("xml:space"), "preserve")
                    el.text = ' TOC \\o "1-3" \\h \\z \\u '
                else:
                    el = OxmlElement("w:fldChar")
                    el.set(qn("w:fldCharType"), kind)
                run._r.append(el)
        p.add_run(f"{heading}\t{page}")
        if i == len(entries) - 1:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), "end")
            p.add_run()._r.append(el)


def typed_toc(doc: Any, sections: list[Section], nn: bool) -> None:
    """A typed contents list: bold "Innhold" and lines with dot leaders."""
    p = doc.add_paragraph()
    p.add_run("Innhald" if nn else "Innhold").bold = True
    for level, heading, page in toc_entries(sections):
        line = doc.add_paragraph()
        tab_stop(line)
        line.paragraph_format.left_indent = Pt(12 * (level - 1))
        line.add_run(f"{heading}\t{page}")


def tab_stop(paragraph: Any) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER

    paragraph.paragraph_format.tab_stops.add_tab_stop(
        Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
    )


def toc_style(doc: Any, name: str, level: int) -> Any:
    try:
        return doc.styles[name]
    except KeyError:
        from docx.enum.style import WD_STYLE_TYPE

        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        if level:
            style.paragraph_format.left_indent = Pt(12 * (level - 1))
        else:
            style.font.size = Pt(16)
            style.font.bold = True
        return style


def two_columns(doc: Any) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "567")


def heading(doc: Any, spec: Any, text: str, level: int, styles: dict[int, Any]) -> None:
    if "fake-headings" in spec.features:
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = True
        run.font.size = Pt(16 if level == 1 else 13)
        return
    doc.add_paragraph(text, style=styles[min(level, 3)])


def body(doc: Any, spec: Any, section: Section, styles: dict[int, Any]) -> None:
    hyphen = "hyphen" in spec.features
    table_rows: list[list[str]] = []

    def flush() -> None:
        if not table_rows:
            return
        width = max(len(r) for r in table_rows)
        table = doc.add_table(rows=len(table_rows), cols=width)
        table.style = doc.styles["Table Grid"]
        total = Cm(7.8 if "twocol" in spec.features else 16.0)
        for r, row in enumerate(table_rows):
            for c, cell_text in enumerate(row):
                cell = table.cell(r, c)
                cell.width = int(total / width)
                cell.text = cell_text
                if r == 0:
                    for run in cell.paragraphs[0].runs:
                        run.bold = True
        doc.add_paragraph()
        table_rows.clear()

    for kind, text in section.blocks:
        if kind == "tr":
            table_rows.append([c.strip() for c in text.strip().strip("|").split("|")])
            continue
        flush()
        if kind == "h":
            heading(doc, spec, text, section.level + 1, styles)
            continue
        shown = hyphenate(text) if hyphen else text
        style = doc.styles["List Bullet"] if kind == "li" else None
        p = doc.add_paragraph(shown, style=style)
        if hyphen:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    flush()


def render_docx(spec: Any, sections: list[Section], path: Path) -> None:
    doc = Document()
    set_fonts(doc)
    styles = {n: doc.styles[f"Heading {n}"] for n in (1, 2, 3)}
    if "norwegian-styles" in spec.features:
        for n, style in styles.items():
            style.name = f"Overskrift {n}"
    nn = spec.lang == "nn"
    doc.add_paragraph(spec.title, style=doc.styles["Title"])
    doc.add_paragraph(spec.kommune)
    for s in sections:
        if s.front:
            for _, text in s.blocks:
                doc.add_paragraph().add_run(text).italic = True
    if "header-footer" in spec.features:
        header_footer(doc, spec)
    body_sections = [s for s in sections if not s.front]
    if "toc-word" in spec.features or "toc-typed" in spec.features:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if "toc-word" in spec.features:
            word_toc(doc, body_sections, nn)
        else:
            typed_toc(doc, body_sections, nn)
    if "twocol" in spec.features:
        two_columns(doc)
    else:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for s in body_sections:
        heading(doc, spec, s.heading, s.level, styles)
        body(doc, spec, s, styles)
    doc.core_properties.title = spec.title
    doc.core_properties.author = spec.kommune
    doc.save(str(path))
