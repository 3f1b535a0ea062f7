"""ODT (LibreOffice's own format) → `Document` with odfpy, without converting.

`text:h` carries its outline level; `text:list`, `text:table` and `text:table-of-content`
map directly onto blocks, so no heuristics are needed. Paragraph styles are resolved once
(automatic styles point at their named parent): the Title style is a level-1 heading and the
outline's "Plansjekk veiledning" style marks guidance. ODT has no pages.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.parsers.expat import ExpatError

from odf import opendocument, teletype
from odf.element import Element

from plansjekk.documents import safezip, structure
from plansjekk.documents.cleanup import clean_text
from plansjekk.documents.guidance import is_guidance_style
from plansjekk.documents.model import Block, BlockKind, Document, ReadOptions
from plansjekk.errors import DocumentError, ErrorCode, exception_detail

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"

_TITLE_STYLE = re.compile(r"^(?:title|tittel)$", re.IGNORECASE)
TITLE = "title"
GUIDANCE = "guidance"


def read_odt(file: Path, name: str, options: ReadOptions) -> Document:
    """Reads headings, paragraphs, lists and tables of the document body in order."""
    safezip.check_package(file, name)
    try:
        odf_document = opendocument.load(str(file))
    except (zipfile.BadZipFile, KeyError, ValueError, ExpatError, OSError, AttributeError,
            IndexError, zlib.error, EOFError) as error:
        raise DocumentError(ErrorCode.CORRUPT, name, detail=exception_detail(error)) from None
    roles = _style_roles(odf_document)
    blocks = list(_blocks(odf_document.text, roles, in_toc=False, in_list=False))
    final = structure.finalise(blocks)
    return Document(path=name, format="odt", blocks=final, pages=None,
                    title=structure.first_heading_text(final))


def _style_roles(odf_document: opendocument.OpenDocument) -> dict[str, str]:
    """Paragraph style name → "title" or "guidance", following parent styles (named in
    styles.xml, automatic ones in content.xml) up to the first that says something."""
    styles: dict[str, tuple[str, str]] = {}
    for container in (odf_document.styles, odf_document.automaticstyles):
        for style in container.childNodes:
            if getattr(style, "qname", None) != (STYLE_NS, "style"):
                continue
            name = str(style.getAttrNS(STYLE_NS, "name") or "")
            display = str(style.getAttrNS(STYLE_NS, "display-name") or name)
            parent = str(style.getAttrNS(STYLE_NS, "parent-style-name") or "")
            if name:
                styles[name] = (display.replace("_20_", " "), parent)
    roles: dict[str, str] = {}
    for name in styles:
        seen: set[str] = set()
        current = name
        while current in styles and current not in seen:
            seen.add(current)
            display, parent = styles[current]
            if is_guidance_style(display) or is_guidance_style(current.replace("_20_", " ")):
                roles[name] = GUIDANCE
                break
            if _TITLE_STYLE.match(display) or _TITLE_STYLE.match(current):
                roles[name] = TITLE
                break
            current = parent
    return roles


def _blocks(node: Element, roles: dict[str, str], *, in_toc: bool,
            in_list: bool) -> Iterator[Block]:
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname is None:
            continue
        namespace, local = qname
        if namespace == TEXT_NS and local == "h":
            level = _int(child.getAttrNS(TEXT_NS, "outline-level"), 1)
            yield Block(BlockKind.HEADING, clean_text(teletype.extractText(child)),
                        level=level, in_toc=in_toc)
        elif namespace == TEXT_NS and local == "p":
            text = clean_text(teletype.extractText(child))
            role = roles.get(str(child.getAttrNS(TEXT_NS, "style-name") or ""))
            if role == GUIDANCE:
                yield Block(BlockKind.PARAGRAPH, text, in_toc=in_toc, is_guidance=True)
            elif role == TITLE and not in_list:
                yield Block(BlockKind.HEADING, text, level=1, in_toc=in_toc)
            else:
                kind = BlockKind.LIST_ITEM if in_list else BlockKind.PARAGRAPH
                yield Block(kind, text, in_toc=in_toc)
        elif namespace == TEXT_NS and local in ("list", "list-item", "list-header"):
            yield from _blocks(child, roles, in_toc=in_toc, in_list=True)
        elif namespace == TEXT_NS and local in ("table-of-content", "index-body"):
            yield from _blocks(child, roles, in_toc=True, in_list=False)
        elif namespace == TEXT_NS and local == "section":
            yield from _blocks(child, roles, in_toc=in_toc, in_list=in_list)
        elif namespace == TABLE_NS and local == "table":
            yield from _table_rows(child, in_toc)


def _table_rows(table: Element, in_toc: bool) -> Iterator[Block]:
    for row in _descendants(table, TABLE_NS, "table-row"):
        cells = tuple(
            clean_text(teletype.extractText(cell))
            for cell in row.childNodes
            if getattr(cell, "qname", None) == (TABLE_NS, "table-cell")
        )
        if any(cells):
            yield Block(BlockKind.TABLE_ROW, " | ".join(c for c in cells if c), cells=cells,
                        in_toc=in_toc)


def _descendants(node: Element, namespace: str, local: str) -> Iterator[Element]:
    for child in node.childNodes:
        if getattr(child, "qname", None) == (namespace, local):
            yield child
        elif getattr(child, "qname", None) is not None:
            yield from _descendants(child, namespace, local)


def _int(value: object, default: int) -> int:
    try:
        return max(1, int(str(value)))
    except (TypeError, ValueError):
        return default
