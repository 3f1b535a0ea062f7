"""DOCX → `Document` with python-docx, walking the body XML in order.

Heading levels come from style names (python-docx resolves 'Overskrift1' ids to 'Heading 1'),
the Title style and `w:outlineLvl`, resolved once per style id: asking `paragraph.style.name`
per paragraph is 4–6× slower. Content controls (`w:sdt`) are entered, and a Word TOC inside
one is marked. Headers and footers live in other parts and are never read. DOCX has no pages.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from plansjekk.documents import safezip, structure
from plansjekk.documents.cleanup import clean_text
from plansjekk.documents.guidance import is_guidance_style
from plansjekk.documents.model import Block, BlockKind, Document, ReadOptions
from plansjekk.errors import DocumentError, ErrorCode, exception_detail

_HEADING_STYLE = re.compile(r"(?:heading|overskrift)\s*(\d)", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|tittel)$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(?:toc|innh\w*|table of contents)\s*(?:\d|heading|overskrift)?",
                        re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|liste|bullet|punkt", re.IGNORECASE)

W_P, W_TBL, W_SDT = qn("w:p"), qn("w:tbl"), qn("w:sdt")


@dataclass(frozen=True, slots=True)
class _StyleInfo:
    """What a paragraph style implies: heading level (0 = none), TOC, list, outline guidance."""

    level: int = 0
    toc: bool = False
    is_list: bool = False
    bold: bool = False
    guidance: bool = False


def read_docx(file: Path, name: str, options: ReadOptions) -> Document:
    """Refuses unsafe packages first, then reads paragraphs and tables in body order."""
    safezip.check_package(file, name)
    try:
        document = docx.Document(str(file))
    except (PackageNotFoundError, KeyError, ValueError, etree.XMLSyntaxError, OSError,
            zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise DocumentError(ErrorCode.CORRUPT, name, detail=exception_detail(error)) from None
    styles = _style_table(document)
    blocks = _bold_headings(list(_body_blocks(document.element.body, document, styles,
                                              in_toc=False)))
    final = structure.finalise(blocks)
    title = document.core_properties.title or structure.first_heading_text(final)
    return Document(path=name, format="docx", blocks=final, pages=None, title=title or None)


def _style_table(document: docx.document.Document) -> dict[str, _StyleInfo]:
    """Style id → what it means, resolved once, following `basedOn` for outline levels."""
    raw: dict[str, tuple[str, int | None, str | None, bool]] = {}
    for style in document.styles.element.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId")) or ""
        name_el = style.find(qn("w:name"))
        name = name_el.get(qn("w:val")) if name_el is not None else style_id
        outline = style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        based = style.find(qn("w:basedOn"))
        bold = style.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
        raw[style_id] = (
            name or style_id,
            int(outline.get(qn("w:val"))) if outline is not None and
            (outline.get(qn("w:val")) or "").isdigit() else None,
            based.get(qn("w:val")) if based is not None else None,
            bold,
        )
    return {style_id: _style_info(style_id, raw) for style_id in raw}


def _style_info(style_id: str, raw: dict[str, tuple[str, int | None, str | None, bool]]
                ) -> _StyleInfo:
    name, outline, based, bold = raw[style_id]
    seen = {style_id}
    while outline is None and based in raw and based not in seen:
        seen.add(based)
        outline = raw[based][1]
        based = raw[based][2]
    display = _display_name(name)
    if is_guidance_style(display):
        return _StyleInfo(guidance=True)
    if _TOC_STYLE.match(display) or _TOC_STYLE.match(style_id):
        return _StyleInfo(toc=True)
    if match := _HEADING_STYLE.search(display) or _HEADING_STYLE.search(style_id):
        return _StyleInfo(level=int(match.group(1)), bold=bold)
    if _TITLE_STYLE.match(display) or _TITLE_STYLE.match(style_id):
        return _StyleInfo(level=1, bold=bold)
    if outline is not None and 0 <= outline < 9:
        return _StyleInfo(level=outline + 1, bold=bold)
    return _StyleInfo(is_list=bool(_LIST_STYLE.search(display)), bold=bold)


def _display_name(name: str) -> str:
    """Built-in style names are stored lower-case ('heading 1', 'toc 1')."""
    return name.strip()


def _body_blocks(container: etree._Element, document: object, styles: dict[str, _StyleInfo],
                 *, in_toc: bool):
    """Paragraphs and tables in order, entering content controls (w:sdt)."""
    for child in container.iterchildren():
        if child.tag == W_P:
            paragraph = Paragraph(child, document)
            block = _paragraph_block(paragraph, styles, in_toc)
            if block is not None:
                yield block, _bold_line(paragraph, styles, block)
        elif child.tag == W_TBL:
            yield from ((row, False) for row in _table_blocks(Table(child, document), in_toc))
        elif child.tag == W_SDT:
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _body_blocks(content, document, styles,
                                        in_toc=in_toc or _is_toc_sdt(child))


def _is_toc_sdt(sdt: etree._Element) -> bool:
    gallery = sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    return gallery is not None and "table of contents" in (gallery.get(qn("w:val")) or "").lower()


def _paragraph_block(paragraph: Paragraph, styles: dict[str, _StyleInfo],
                     in_toc: bool) -> Block | None:
    text = clean_text(paragraph.text)
    if not text:
        return None
    ppr = paragraph._p.pPr
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else "Normal"
    info = styles.get(style_id, _StyleInfo())
    if info.guidance:
        return Block(BlockKind.PARAGRAPH, text, in_toc=in_toc, is_guidance=True)
    level = info.level
    if ppr is not None and not level:
        outline = ppr.find(qn("w:outlineLvl"))
        value = outline.get(qn("w:val")) if outline is not None else None
        if value is not None and value.isdigit() and int(value) < 9:
            level = int(value) + 1
    if not level and len(text) < 100 and structure.numbering_level(text) and _all_bold(
            paragraph, info):
        level = structure.numbering_level(text)
    if level:
        return Block(BlockKind.HEADING, text, level=level, in_toc=in_toc or info.toc)
    has_numbering = ppr is not None and ppr.numPr is not None
    kind = BlockKind.LIST_ITEM if info.is_list or has_numbering else BlockKind.PARAGRAPH
    return Block(kind, text, in_toc=in_toc or info.toc)


_BOLD_HEADING_CHARS = 90
_BOLD_HEADING_WORDS = 12


def _bold_line(paragraph: Paragraph, styles: dict[str, _StyleInfo], block: Block) -> bool:
    """A short, fully bold paragraph without a final full stop: a heading typed by hand
    when the next paragraph is normal text (decided in `_bold_headings`)."""
    if block.kind is not BlockKind.PARAGRAPH or block.in_toc or block.is_guidance:
        return False
    text = block.text.strip()
    if (len(text) > _BOLD_HEADING_CHARS or len(text.split()) > _BOLD_HEADING_WORDS
            or text.endswith((".", ":", ",", ";", "!", "?"))):
        return False
    ppr = paragraph._p.pPr
    style_id = ppr.pStyle.val if ppr is not None and ppr.pStyle is not None else "Normal"
    bold = _all_bold(paragraph, styles.get(style_id, _StyleInfo()))
    return bold or structure.is_numbered_title(text)


def _bold_headings(pairs: list[tuple[Block, bool]]) -> list[Block]:
    """Bold lines followed by normal text (paragraph, list or table, not another bold line)
    become headings one level below the styled heading above them."""
    result: list[Block] = []
    styled = 0
    for number, (block, bold) in enumerate(pairs):
        if block.is_heading and not block.in_toc:
            styled = block.level
        following = pairs[number + 1] if number + 1 < len(pairs) else None
        previous = pairs[number - 1] if number > 0 else None
        numbered_run = (previous is not None and previous[1]
                        and structure.is_numbered_title(previous[0].text))
        # (a run of short numbered lines is a list, not headings)
        if (
            bold
            and following is not None
            and not following[1]
            and not following[0].is_heading
            and not (numbered_run and structure.is_numbered_title(block.text))
        ):
            level = structure.numbering_level(block.text) or styled + 1
            block = Block(BlockKind.HEADING, block.text, level=min(level, 9))
        result.append(block)
    return result


def _all_bold(paragraph: Paragraph, info: _StyleInfo) -> bool:
    """A numbered line typed in bold ('3.2 Ansvar og roller') is a heading without a style."""
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold or (run.bold is None and info.bold) for run in runs)


def _table_blocks(table: Table, in_toc: bool):
    """One TABLE_ROW per row; merged cells repeat in python-docx, so each is kept once."""
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(clean_text(cell.text))
        if any(cells):
            yield Block(BlockKind.TABLE_ROW, " | ".join(c for c in cells if c),
                        cells=tuple(cells), in_toc=in_toc)
