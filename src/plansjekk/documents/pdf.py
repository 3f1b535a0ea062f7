"""PDF → `Document` with pypdfium2: text, font size and position per line, page by page.

pypdfium2 reads a page in ~1.5 ms, 60× faster than pdfplumber (see
notes/pdf-docx-reading-performance.md); one extra ctypes call per line gives the font size
that recovers headings. Tables come from the page's ruling lines (cheap path objects) and
pdfium's bounded text per cell, so pdfplumber is never needed. Pages are opened and closed one
at a time, so memory stays flat on long plans; only small `Line` records are kept.

Hot paths call pdfium's C functions directly instead of pypdfium2's helper objects (page,
text page, `get_text_range`, `get_text_bounded`): on a text page the helpers' Python cost was
about as large as pdfium's own work. Tests in tests/documents/test_pdf.py check these paths
against the helpers.
"""

from __future__ import annotations

import codecs
import ctypes
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from plansjekk.documents import ocr, structure
from plansjekk.documents.cleanup import (
    clean_text,
    collapse_spaces,
    join_hyphenated,
    looks_garbled,
    needs_normalising,
    normalise_chars,
    resolve_inline_markers,
    starts_with_bullet,
    strip_bullet,
)
from plansjekk.documents.model import Block, BlockKind, Document, ReadOptions
from plansjekk.errors import DocumentError, ErrorCode
from plansjekk.i18n import Message

MIN_CHARS_PER_PAGE = 20
"""Below this a page has no real text layer (a scan)."""
HEADING_SIZE_STEP = 1.5
"""A line this many points above the body size is a heading (measured: 106/106 headings)."""

_PAGE_NUMBER = re.compile(
    r"^(?:(?:side|page|s\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:av|of|/)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "?", ":", ";")
MIN_CELL_WIDTH = 6.0
"""Grid columns narrower than this hold no text: a table cut off at the page edge leaves a
sliver between its last inner rule and the clip (LibreOffice, a table wider than its text
column), which would otherwise read as an empty last cell."""
GARBLED_SAMPLE_LINES = 1500
"""Lines, spread over the document, that the garbled-text check looks at."""


def _unchecked(function: ctypes._CFuncPtr) -> ctypes._CFuncPtr:
    """A second handle on a pdfium function that skips ctypes' per-argument conversion
    (`argtypes`), which is more than half the cost of a short call (measured 0.43 → 0.17 µs).
    Only for hot calls whose arguments are handles returned by pdfium (typed pointers),
    `byref` structs and small ints; a float or a large int would be passed wrongly."""
    unchecked = ctypes.CFUNCTYPE(function.restype)(ctypes.cast(function, ctypes.c_void_p).value)
    unchecked.argtypes = None
    return unchecked


_LOOSE_CHAR_BOX = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_FONT_SIZE = _unchecked(pdfium_c.FPDFText_GetFontSize)
_FONT_WEIGHT = _unchecked(pdfium_c.FPDFText_GetFontWeight)
_PAGE_OBJECT = _unchecked(pdfium_c.FPDFPage_GetObject)
_FORM_OBJECT = _unchecked(pdfium_c.FPDFFormObj_GetObject)
_OBJECT_TYPE = _unchecked(pdfium_c.FPDFPageObj_GetType)
_OBJECT_BOUNDS = _unchecked(pdfium_c.FPDFPageObj_GetBounds)


@dataclass(slots=True)
class Line:
    """One visual line (or a table row) with what headings, paragraphs and tables need."""

    text: str
    page: int
    size: float
    bold: bool
    left: float
    right: float
    top: float
    bottom: float
    cells: tuple[str, ...] = ()
    heading_level: int = 0
    page_height: float = 842.0

    @property
    def in_margin(self) -> bool:
        """In the top or bottom 12 % of the page, where running headers and footers live."""
        return self.bottom > self.page_height * 0.88 or self.top < self.page_height * 0.12

    @property
    def is_table_row(self) -> bool:
        return bool(self.cells)


@dataclass(slots=True)
class _Table:
    left: float
    right: float
    bottom: float
    top: float
    rows: list[float] = field(default_factory=list)
    """y edges from top to bottom."""
    cols: list[float] = field(default_factory=list)
    """x edges from left to right."""

    def contains(self, line: Line) -> bool:
        middle_y = (line.top + line.bottom) / 2
        inside_y = self.bottom - 1 <= middle_y <= self.top + 1
        return inside_y and self.left - 2 <= line.left < self.right


def read_pdf(file: Path, name: str, options: ReadOptions) -> Document:
    """Reads the PDF at `file`; `name` is how the user wrote the path (for messages)."""
    pdf = _open(file, name)
    try:
        page_count = len(pdf)
        if page_count > options.max_pages:
            detail = Message("detail.pages-over-limit",
                             {"pages": page_count, "limit": options.max_pages})
            raise DocumentError(ErrorCode.TOO_LARGE, name, detail=detail)
        lines, empty_pages, damaged_pages = _read_pages(pdf, page_count)
    finally:
        pdf.close()
    text_chars = sum(len(line.text) for line in lines)
    if text_chars < MIN_CHARS_PER_PAGE * max(page_count - damaged_pages, 1):
        return _without_text_layer(file, name, options, page_count)
    warnings: list[str] = []
    if damaged_pages:
        warnings.append("warning.damaged-pages")
    if empty_pages >= max(3, page_count // 4):
        warnings.append("warning.some-pages-without-text")
    if looks_garbled("\n".join(line.text for line in _sample(lines, GARBLED_SAMPLE_LINES))):
        warnings.append("warning.garbled-text")
    blocks = lines_to_blocks(lines, page_count)
    return Document(
        path=name,
        format="pdf",
        blocks=blocks,
        pages=page_count,
        title=structure.first_heading_text(blocks),
        warnings=tuple(warnings),
    )


def _sample(lines: list[Line], count: int) -> list[Line]:
    """At most `count` lines taken evenly from the whole document (garbling is per font, and
    fonts change between chapters and appendices)."""
    step = max(1, -(-len(lines) // count))
    return lines[::step]


def _open(file: Path, name: str) -> pdfium.PdfDocument:
    """Opens with the empty user password; a real password means `encrypted`."""
    try:
        return pdfium.PdfDocument(str(file), password=None)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(ErrorCode.ENCRYPTED, name, detail=str(error)) from None
        raise DocumentError(ErrorCode.CORRUPT, name, detail=str(error)) from None
    except (OSError, ValueError) as error:
        raise DocumentError(ErrorCode.CORRUPT, name, detail=str(error)) from None


def _read_pages(pdf: pdfium.PdfDocument, page_count: int) -> tuple[list[Line], int, int]:
    """All pages' lines; counts pages without text and pages pdfium could not load."""
    lines: list[Line] = []
    empty = damaged = 0
    for index in range(page_count):
        try:
            page_lines = _read_page(pdf, index)
        except pdfium.PdfiumError:
            damaged += 1
            continue
        if sum(len(line.text) for line in page_lines) < MIN_CHARS_PER_PAGE:
            empty += 1
        lines.extend(page_lines)
    return lines, empty, damaged


def _read_page(pdf: pdfium.PdfDocument, index: int) -> list[Line]:
    """One page through raw pdfium calls (the helper objects register finalizers and parents,
    which costs more per page than the whole table detection)."""
    page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not page:
        raise pdfium.PdfiumError("Failed to load page.")
    try:
        textpage = pdfium_c.FPDFText_LoadPage(page)
        if not textpage:
            raise pdfium.PdfiumError("Failed to load text page.")
        try:
            lines = _page_lines(textpage, index + 1, pdfium_c.FPDF_GetPageHeightF(page))
            tables = _find_tables(page) if lines else []
            if tables:
                lines = _replace_table_lines(lines, tables, textpage, index + 1)
            return lines
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        pdfium_c.FPDF_ClosePage(page)


def _page_text(raw: object, char_count: int) -> str:
    """The whole page's text, as `PdfTextPage.get_text_range()` gives it: chars that are not
    part of the text at either end are left out of the range pdfium is asked for."""
    text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    start, end = 0, char_count - 1
    while start <= end and text_index(raw, start) == -1:
        start += 1
    while start <= end and text_index(raw, end) == -1:
        end -= 1
    if start > end:
        return ""
    size = text_index(raw, end) + 2 - text_index(raw, start)  # with the NUL terminator
    buffer = (ctypes.c_ushort * size)()
    written = pdfium_c.FPDFText_GetText(raw, start, end + 1 - start, buffer)
    return codecs.decode(memoryview(buffer)[:written - 1], "utf-16-le", "ignore")


def _page_lines(raw: object, page_number: int, page_height: float, *,
                map_indices: bool = False) -> list[Line]:
    """Splits the page text (fetched in one call) at pdfium's line breaks; font and box come
    from the line's first and last char through raw pdfium calls (the helper wrappers cost
    more than the calls). Character cleanup runs only on pages that have odd characters.
    `map_indices` forces the text → char index mapping even where it is the identity (tests
    compare both ways)."""
    char_count = pdfium_c.FPDFText_CountChars(raw)
    if char_count == -1:
        raise pdfium.PdfiumError("Failed to get character count.")
    text = _page_text(raw, char_count)
    if not text.strip():
        return []
    normalise = needs_normalising(text)
    # Usually every char is in the text once and in order, so text and char indices are the
    # same (the text index maps into the char list one to one and in order; equal lengths
    # leave no room for a gap) and the two mapping calls per line can be skipped.
    same_indices = not map_indices and len(text) == char_count
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex
    text_index = pdfium_c.FPDFText_GetTextIndexFromCharIndex
    loose_box, font_size, font_weight = _LOOSE_CHAR_BOX, _FONT_SIZE, _FONT_WEIGHT
    box = pdfium_c.FS_RECTF()
    box_ref = ctypes.byref(box)
    result: list[Line] = []
    append = result.append
    position = 0
    pieces = text.split("\r\n")
    last_piece = len(pieces) - 1
    for number, piece in enumerate(pieces):
        start = position
        position += len(piece) + 2
        trimmed = piece.rstrip()
        if not trimmed:
            continue
        first = start + len(piece) - len(piece.lstrip())
        last = start + len(trimmed) - 1
        if not same_indices:
            first = char_index(raw, first)
            last = char_index(raw, last)
            if first < 0 or last < 0:
                continue
            if (number < last_piece and last + 1 < char_count
                    and text_index(raw, last + 1) < 0 and _hyphen_dropped_after(raw, last)):
                piece = trimmed + "-"
        if not loose_box(raw, first, box_ref):
            continue
        left, bottom, top = box.left, box.bottom, box.top
        if not loose_box(raw, last, box_ref):
            continue
        right = box.right
        if box.bottom < bottom:  # a U+FFFE join makes one text line of two
            bottom = box.bottom
        append(Line(normalise_chars(piece) if normalise else piece, page_number,
                    round(font_size(raw, first), 1), font_weight(raw, first) >= 600,
                    left, right, top, bottom, (), 0, page_height))
    return result


def _hyphen_dropped_after(raw: object, last: int) -> bool:
    """pdfium sometimes leaves a line-end hard hyphen out of the text ('barne' + 'og ...').

    The glyph is still in the char list just after the line's last text char; the caller has
    checked that this char exists and is not part of the text (a normal line break).
    """
    return chr(pdfium_c.FPDFText_GetUnicode(raw, last + 1)) in "-\u2010\u2011\u00ad"


def _find_tables(page: object) -> list[_Table]:
    """Grids of ruling lines (Word's 'Table Grid'): ≥2 horizontal and ≥2 vertical rules."""
    horizontals: list[tuple[float, float, float, float]] = []
    verticals: list[tuple[float, float, float, float]] = []
    for left, bottom, right, top in _path_bounds(page):
        width, height = right - left, top - bottom
        if height < 2.5 and width > 15:
            horizontals.append((left, bottom, right, top))
        elif width < 2.5 and height > 6:
            verticals.append((left, bottom, right, top))
    if len(horizontals) < 2 or len(verticals) < 2:
        return []
    return [table for group in _group_rules(horizontals + verticals)
            if (table := _table_from_rules(group)) is not None]


def _path_bounds(raw_page: object) -> list[tuple[float, float, float, float]]:
    """Bounds of the page's path objects, and of those one Form XObject deep, through raw
    pdfium calls: `page.get_objects` builds a Python helper object per object, which on a
    text page costs more than reading the text."""
    count_page, get_page_object = pdfium_c.FPDFPage_CountObjects, _PAGE_OBJECT
    count_form, get_form_object = pdfium_c.FPDFFormObj_CountObjects, _FORM_OBJECT
    get_type, get_bounds = _OBJECT_TYPE, _OBJECT_BOUNDS
    path_type, form_type = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    bounds: list[tuple[float, float, float, float]] = []
    append = bounds.append
    for index in range(count_page(raw_page)):
        obj = get_page_object(raw_page, index)
        kind = get_type(obj)  # 0 (unknown) for a null object
        if kind == path_type:
            if get_bounds(obj, *refs):
                append((left.value, bottom.value, right.value, top.value))
        elif kind == form_type:
            for child_index in range(count_form(obj)):
                child = get_form_object(obj, child_index)
                if get_type(child) == path_type and get_bounds(child, *refs):
                    append((left.value, bottom.value, right.value, top.value))
    return bounds


def _group_rules(rules: list[tuple[float, float, float, float]]) -> list[list[tuple]]:
    """Connected groups of touching rules (each group is one table); union-find, n is small."""
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(rules[:400]):
        for j in range(i + 1, min(len(rules), 400)):
            b = rules[j]
            if a[0] <= b[2] + 3 and a[2] >= b[0] - 3 and a[1] <= b[3] + 3 and a[3] >= b[1] - 3:
                parent[root(i)] = root(j)
    groups: dict[int, list[tuple]] = {}
    for i, rule in enumerate(rules[:400]):
        groups.setdefault(root(i), []).append(rule)
    return list(groups.values())


def _table_from_rules(group: list[tuple]) -> _Table | None:
    horizontals = [r for r in group if r[3] - r[1] < 2.5]
    verticals = [r for r in group if r[2] - r[0] < 2.5]
    rows = _distinct(sorted(((r[1] + r[3]) / 2 for r in horizontals), reverse=True))
    cols = _distinct(sorted((r[0] + r[2]) / 2 for r in verticals))
    if len(rows) < 2 or len(cols) < 2:
        return None
    return _Table(cols[0], cols[-1], rows[-1], rows[0], rows, cols)


def _distinct(values: list[float], tolerance: float = 2.0) -> list[float]:
    result: list[float] = []
    for value in values:
        if not result or abs(value - result[-1]) > tolerance:
            result.append(value)
    return result


def _replace_table_lines(lines: list[Line], tables: list[_Table], textpage: object,
                         page_number: int) -> list[Line]:
    """Lines inside a table give way to one row per grid row, cells read by position."""
    result: list[Line] = []
    emitted: set[int] = set()
    cell_text = _CellReader(textpage)
    for line in lines:
        table_index = next((i for i, t in enumerate(tables) if t.contains(line)), None)
        if table_index is None:
            result.append(line)
            continue
        if table_index not in emitted:
            emitted.add(table_index)
            result.extend(_table_rows(tables[table_index], cell_text, page_number, line))
    return result


class _CellReader:
    """`get_text_bounded` without the helper: one pdfium call per cell into a buffer that
    is allocated once per page (the helper asks for the length first, then the text; each
    call scans every char of the page)."""

    __slots__ = ("buffer", "raw", "size")

    def __init__(self, raw: object) -> None:
        self.raw = raw
        # A rectangle's text holds each char at most once (two UTF-16 units for a surrogate
        # pair) plus a line break or space between chars, and a NUL terminator.
        self.size = 4 * max(pdfium_c.FPDFText_CountChars(raw), 0) + 16
        self.buffer = (ctypes.c_ushort * self.size)()

    def __call__(self, left: float, bottom: float, right: float, top: float) -> str:
        count = pdfium_c.FPDFText_GetBoundedText(self.raw, left, top, right, bottom,
                                                 self.buffer, self.size)
        if count >= self.size:  # cannot happen by the bound above; stay exact anyway
            self.size = pdfium_c.FPDFText_GetBoundedText(self.raw, left, top, right, bottom,
                                                         None, 0) * 2 + 16
            self.buffer = (ctypes.c_ushort * self.size)()
            return self(left, bottom, right, top)
        if count > 0 and self.buffer[count - 1] == 0:
            count -= 1  # pdfium copies the terminator too
        if count <= 0:
            return ""
        text = ctypes.string_at(self.buffer, count * 2).decode("utf-16-le", "ignore")
        if len(text) != count:
            # Surrogate pairs: the helper sizes its buffer in code points and so keeps only
            # the first len(text) UTF-16 units; do the same (the output stays identical).
            text = ctypes.string_at(self.buffer, len(text) * 2).decode("utf-16-le", "ignore")
        return text


def _table_rows(table: _Table, cell_text: _CellReader, page_number: int,
                first: Line) -> list[Line]:
    rows: list[Line] = []
    for top, bottom in zip(table.rows, table.rows[1:], strict=False):
        cells = tuple(
            clean_text(cell_text(left + 0.5, bottom + 0.5, right - 0.5, top - 0.5)
                       .replace("\r\n", "\n").replace("-\n", "-").replace("\n", " "))
            for left, right in zip(table.cols, table.cols[1:], strict=False)
            if right - left >= MIN_CELL_WIDTH
        )
        if any(cells):
            rows.append(Line(" | ".join(c for c in cells if c), page_number, first.size, False,
                             table.left, table.right, top, bottom, cells=cells))
    return rows


# --- from lines to blocks -------------------------------------------------------------------


def lines_to_blocks(lines: list[Line], page_count: int) -> tuple[Block, ...]:
    """Headers/footers out, headings ranked, lines joined into paragraphs and list items."""
    lines = remove_running_lines(lines, page_count)
    assign_heading_levels(lines)
    blocks = _join_lines(lines, _line_gaps(lines))
    return structure.finalise(blocks, merge_headings=True)


_DIGITS = re.compile(r"\d+")


def _running_key(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.lower().split()))


def remove_running_lines(lines: list[Line], page_count: int) -> list[Line]:
    """Drops headers/footers: the first/last two lines of a page that repeat (digits aside) on
    at least half of the pages, and bare page numbers ('Side 3 av 40', '- 3 -')."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    edge_indices: set[int] = set()
    counts: Counter[str] = Counter()
    keys: dict[int, str] = {}
    for indices in by_page.values():
        edges = set(indices[:2] + indices[-2:])
        edge_indices |= edges
        page_keys = {i: _running_key(lines[i].text) for i in edges if not lines[i].cells}
        keys.update(page_keys)
        counts.update(set(page_keys.values()))
    threshold = max(2, (page_count + 1) // 2)
    body = _body_size(lines)
    drop = set()
    for index in edge_indices:
        line = lines[index]
        if line.cells or line.size >= body + HEADING_SIZE_STEP:
            continue  # a chapter heading at the top of each page is not a running header
        if not line.in_margin:
            continue
        if counts[keys[index]] >= threshold or _PAGE_NUMBER.match(line.text.strip()):
            drop.add(index)
    if not drop:
        return lines
    return [line for index, line in enumerate(lines) if index not in drop]


def _body_size(lines: list[Line]) -> float:
    """The font size that most characters have."""
    weights: dict[float, int] = {}
    get = weights.get
    for line in lines:
        if not line.cells:
            size = line.size
            weights[size] = get(size, 0) + len(line.text)
    # The first size with the most characters, as `Counter.most_common(1)` picks it.
    return max(weights, key=get) if weights else 0.0


def assign_heading_levels(lines: list[Line]) -> None:
    """Body size = the size of most characters; larger lines are headings ranked by size.

    Sizes used at least three times get levels 1, 2, ... from the largest; rarer sizes (the
    title page) take the level of the nearest ranked size at or below them. Bold lines in body
    size that start with a section number ('3.2 Ansvar') are headings at the numbering level.
    """
    if not lines:
        return
    body = _body_size(lines)
    candidates = [ln for ln in lines if _is_heading_candidate(ln, body)]
    usage = Counter(line.size for line in candidates)
    ranked = sorted((size for size, count in usage.items() if count >= 3), reverse=True)
    for line in candidates:
        line.heading_level = _size_level(line.size, ranked)
    for line in lines:
        if (not line.heading_level and line.bold and abs(line.size - body) < HEADING_SIZE_STEP
                and len(line.text) < 100 and not structure.has_dot_leader(line.text)):
            line.heading_level = structure.numbering_level(line.text)
    _numbered_body_headings(lines, body)


def _numbered_body_headings(lines: list[Line], body: float) -> None:
    """Short numbered lines in body size and weight ('3 Samarbeid mellom tenestene') followed
    by body text are chapter headings typed without a heading font, as in the DOCX reader
    (`structure.is_numbered_title`); a run of such lines is a numbered list, not headings."""
    def numbered(line: Line | None) -> bool:
        return (line is not None and not line.cells and not line.heading_level
                and abs(line.size - body) < HEADING_SIZE_STEP
                and structure.is_numbered_title(line.text)
                and not structure.has_dot_leader(line.text))

    found = [
        index for index, line in enumerate(lines)
        if numbered(line)
        and index + 1 < len(lines)
        and not lines[index + 1].cells
        and not lines[index + 1].heading_level
        and not numbered(lines[index + 1])
        and not starts_with_bullet(lines[index + 1].text)
        and lines[index + 1].text[:1].isupper()
        and not (index > 0 and numbered(lines[index - 1]))
    ]
    for index in found:
        lines[index].heading_level = structure.numbering_level(lines[index].text)


def _is_heading_candidate(line: Line, body: float) -> bool:
    text = line.text.strip()
    return (
        not line.is_table_row
        and line.size >= body + HEADING_SIZE_STEP
        and 2 <= len(text) < 160
        and not _PAGE_NUMBER.match(text)
    )


def _size_level(size: float, ranked: list[float]) -> int:
    if not ranked:
        return 1
    for level, ranked_size in enumerate(ranked, start=1):
        if size >= ranked_size - 0.25:
            return level
    return len(ranked)


def _line_gaps(lines: list[Line]) -> dict[float, float]:
    """The usual space between two lines of one paragraph, per font size (median gap).

    Line spacing differs between documents (1.0, 1.15, 'exactly 14 pt'), so a fixed
    threshold cannot tell a line break from a paragraph break; the document's own median can.
    Table rows are left out: their boxes are the cells' ruled edges, which touch (gap 0), so in
    a plan with many tables they would set the median to 0 and split every paragraph into its
    lines.
    """
    gaps: dict[float, list[float]] = {}
    for previous, line in itertools.pairwise(lines):
        if previous.cells or line.cells:
            continue
        gap = previous.bottom - line.top
        if previous.page == line.page and previous.size == line.size and -1 < gap < line.size:
            gaps.setdefault(line.size, []).append(gap)
    return {size: sorted(values)[len(values) // 2] for size, values in gaps.items()}


def _join_lines(lines: list[Line], gaps: dict[float, float]) -> list[Block]:
    """Groups consecutive lines into blocks by kind, spacing, indentation and punctuation."""
    blocks: list[Block] = []
    current: list[Line] = []
    kind = BlockKind.PARAGRAPH

    def flush() -> None:
        if current:
            blocks.append(_block(kind, current))
            current.clear()

    has_dot_leader = structure.has_dot_leader
    for line in lines:
        if line.cells:
            flush()
            blocks.append(Block(BlockKind.TABLE_ROW, line.text, page=line.page,
                                cells=line.cells))
            continue
        if line.heading_level:
            if not (current and kind is BlockKind.HEADING
                    and _continues_heading_line(current[-1], line)):
                flush()
                kind = BlockKind.HEADING
            current.append(line)
            continue
        is_item = starts_with_bullet(line.text)
        if is_item or has_dot_leader(line.text):
            flush()
            kind = BlockKind.LIST_ITEM if is_item else BlockKind.PARAGRAPH
            current.append(line)
            if not is_item:
                flush()
            continue
        continues = bool(current) and _continues_paragraph(current[-1], line, gaps)
        if continues and kind is BlockKind.PARAGRAPH:
            current.append(line)
            continue
        if continues and kind is BlockKind.LIST_ITEM and line.left > current[0].left + 2:
            current.append(line)  # the wrapped, indented tail of a list item
            continue
        flush()
        kind = BlockKind.PARAGRAPH
        current.append(line)
    flush()
    return blocks


def _continues_heading_line(previous: Line, line: Line) -> bool:
    """A heading wrapped onto a second line: same size and level, close below, no numbering."""
    return (
        previous.page == line.page
        and previous.heading_level == line.heading_level
        and abs(previous.size - line.size) < 0.3
        and 0 < previous.bottom - line.bottom < previous.size * 1.8
        and not structure.numbering_level(line.text)
    )


def _continues_paragraph(previous: Line, line: Line, gaps: dict[float, float]) -> bool:
    """Whether `line` continues the paragraph that `previous` ends."""
    if abs(previous.size - line.size) >= 1.0:
        return False
    ends_sentence = previous.text.rstrip().endswith(_SENTENCE_END)
    if previous.page != line.page or line.top > previous.bottom + previous.size:
        # New page or new column: continue only a sentence that was cut off.
        return not ends_sentence and line.text[:1].islower()
    gap = previous.bottom - line.top
    usual = gaps.get(line.size, previous.size * 0.3)
    if gap > usual + max(2.0, previous.size * 0.25):
        return False
    return not (ends_sentence and line.left > previous.left + previous.size)


def _block(kind: BlockKind, lines: list[Line]) -> Block:
    text = lines[0].text
    for line in lines[1:]:
        text = join_hyphenated(text, line.text)
    if kind is BlockKind.LIST_ITEM:
        text = strip_bullet(text)[1]
    level = lines[0].heading_level if kind is BlockKind.HEADING else 0
    # Lines are normalised already (`_page_lines`); only markers and spaces are left to do.
    return Block(kind, collapse_spaces(resolve_inline_markers(text)), page=lines[0].page,
                 level=level)


def page_count_detail(pages: int) -> Message:
    """"2 pages" in the report's language (a detail of `no-text-layer`)."""
    return Message("detail.page" if pages == 1 else "detail.pages", {"pages": pages})


def _without_text_layer(file: Path, name: str, options: ReadOptions, pages: int) -> Document:
    """A scan: OCR when asked and installed, else `no-text-layer` with the remedy."""
    if not options.ocr:
        raise DocumentError(ErrorCode.NO_TEXT_LAYER, name, detail=page_count_detail(pages))
    searchable = ocr.make_searchable(file, name, pages)
    try:
        document = read_pdf(searchable, name, ReadOptions(options.max_pages, options.max_mb,
                                                          ocr=False))
    finally:
        searchable.unlink(missing_ok=True)
    return Document(document.path, document.format, document.blocks, document.pages,
                    document.title, (*document.warnings, "warning.ocr-used"), document.metadata)
