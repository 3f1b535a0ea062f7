"""The plain data every reader produces and the matcher consumes.

The reader decides what a heading, a table and the table of contents are; the matcher
never re-parses text. A `Document` is immutable so it can cross process boundaries
(batch workers) and be cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block is in the document's structure."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"
    """One table row; its cells are in `Block.cells` and `text` joins them with " | "."""


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of text in reading order.

    `section` is the path of headings above this block (outermost first), excluding the
    block itself when it is a heading. `in_toc` marks table-of-contents lines, which are
    never evidence. `page` is 1-based, or None for formats without pages (DOCX).
    """

    kind: BlockKind
    text: str
    page: int | None = None
    level: int = 0
    """Heading level, 1 = top; 0 for non-headings."""
    section: tuple[str, ...] = ()
    in_toc: bool = False
    cells: tuple[str, ...] = ()
    is_guidance: bool = False
    """Instruction text from a `plansjekk mal` outline (style "Plansjekk veiledning" in DOCX,
    a `> Veiledning:` quote in Markdown, see `plansjekk.documents.guidance`): like TOC lines,
    never evidence and never the body of a section."""

    @property
    def is_heading(self) -> bool:
        return self.kind is BlockKind.HEADING


@dataclass(frozen=True, slots=True)
class Document:
    """A read plan: its blocks in reading order plus what the reader noticed."""

    path: str
    format: str
    """"pdf", "docx", "odt", "text" or "markdown"."""
    blocks: tuple[Block, ...]
    pages: int | None = None
    title: str | None = None
    warnings: tuple[str, ...] = ()
    """Message keys (locale) of reader warnings, e.g. "warning.garbled-text"."""
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """All non-TOC text, one block per line (for language detection and name lookup)."""
        return "\n".join(b.text for b in self.blocks if not b.in_toc)

    @property
    def headings(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.is_heading and not b.in_toc)


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Limits and switches for reading; config keys and CLI options share these names."""

    max_pages: int = 1000
    max_mb: float = 100.0
    ocr: bool = False
