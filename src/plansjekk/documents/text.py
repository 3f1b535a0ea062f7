"""Plain text and Markdown → `Document`.

Used for .txt/.md plans and, above all, by rule examples and matcher tests, which write a
small plan as a string. The syntax is deliberately small: `#`/`##` headings, blank lines
between paragraphs, `- `/`• ` list items, `|`-separated table rows and `>` block quotes (one
paragraph per quote, markers removed; a `> Veiledning: …` quote is outline guidance).
"""

from __future__ import annotations

import re

from plansjekk.documents import structure
from plansjekk.documents.cleanup import clean_text
from plansjekk.documents.guidance import is_guidance_quote
from plansjekk.documents.model import Block, BlockKind, Document

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*]|\d{1,2}[.)])\s+(.*)$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")


def document_from_text(text: str, path: str = "<tekst>") -> Document:
    """Parses plain text/Markdown into blocks; pages are None (text has no pages)."""
    blocks = tuple(_parse_blocks(text.replace("\r\n", "\n").replace("\r", "\n")))
    has_markup = any(b.is_heading or b.kind is BlockKind.TABLE_ROW for b in blocks)
    fmt = "markdown" if path.lower().endswith((".md", ".markdown")) or has_markup else "text"
    final = structure.finalise(blocks)
    return Document(
        path=path,
        format=fmt,
        blocks=final,
        pages=None,
        title=structure.first_heading_text(final),
    )


def _parse_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    quote: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = clean_text(" ".join(paragraph))
            if joined:
                blocks.append(Block(BlockKind.PARAGRAPH, joined))
            paragraph.clear()
        if quote:
            joined = clean_text(" ".join(_QUOTE.sub("", line) for line in quote))
            if joined:
                blocks.append(
                    Block(BlockKind.PARAGRAPH, joined, is_guidance=is_guidance_quote(quote[0]))
                )
            quote.clear()

    lines = text.split("\n")
    toc_run = False  # inside a TOC: each title or entry line is its own block
    for number, line in enumerate(lines):
        if not line.strip():
            flush()
            continue
        if toc_run or structure.is_toc_title(line):
            heading = _HEADING.match(line)
            toc_run = _toc_line(line, lines[number + 1 :]) and (
                heading is None or structure.is_toc_title(heading.group(2))
            )
            if toc_run and heading is None:
                flush()
                blocks.append(Block(BlockKind.PARAGRAPH, clean_text(line)))
                continue
        if _QUOTE.match(line):
            if not quote:
                flush()
            quote.append(line)
            continue
        if quote:
            flush()
        if heading := _HEADING.match(line):
            flush()
            title = clean_text(heading.group(2))
            if title:
                blocks.append(Block(BlockKind.HEADING, title, level=len(heading.group(1))))
            continue
        if "|" in line:
            flush()
            if not _TABLE_SEPARATOR.match(line):
                blocks.append(_table_row(line))
            continue
        if item := _LIST_ITEM.match(line):
            flush()
            blocks.append(Block(BlockKind.LIST_ITEM, clean_text(item.group(1))))
            continue
        if blocks and blocks[-1].kind is BlockKind.LIST_ITEM and line[:1].isspace():
            # An indented continuation line belongs to the list item above it.
            last = blocks.pop()
            blocks.append(Block(BlockKind.LIST_ITEM, clean_text(f"{last.text} {line}")))
            continue
        if structure.has_dot_leader(line):
            # A TOC line stays its own block even without blank lines around it.
            flush()
            blocks.append(Block(BlockKind.PARAGRAPH, clean_text(line)))
            continue
        paragraph.append(line)
    flush()
    return blocks


def _toc_line(line: str, rest: list[str]) -> bool:
    """Whether `line` belongs to a table of contents whose title or entries came before it:
    the title itself, an entry ending in a page number ('3 Samarbeid 7'), or a short line
    wrapped before an entry. The first other line ends the TOC."""
    if structure.is_toc_title(line.lstrip("# ")) or structure.looks_like_toc_entry(line):
        return True
    following = next((candidate for candidate in rest if candidate.strip()), "")
    return len(line) < 120 and structure.looks_like_toc_entry(following)


def _table_row(line: str) -> Block:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    cells = tuple(clean_text(cell) for cell in stripped.split("|"))
    return Block(BlockKind.TABLE_ROW, " | ".join(c for c in cells if c), cells=cells)
