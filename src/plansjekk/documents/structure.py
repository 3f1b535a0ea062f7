"""Post-processing every reader shares: TOC marking, wrapped headings, section paths.

Readers emit blocks with kind, text, page and heading level. This module decides, the same
way for every format, which blocks form the table of contents (never evidence, and a TOC
line must never look like a heading) and under which headings each block stands.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterable, Sequence

from plansjekk.documents.guidance import mark_template_tables
from plansjekk.documents.model import Block, BlockKind

TOC_TITLES = frozenset(
    {
        "innhold",
        "innhald",
        "innholdsfortegnelse",
        "innhaldsliste",
        "innhaldsoversikt",
        "innholdsliste",
        "innholdsoversikt",
        "innhaldsfortegnelse",
        "table of contents",
        "contents",
        "innhold og oversikt",
    }
)

_TOC_ENTRY = re.compile(
    r"(?:(?:\.{2,}|…+|(?:\.\s){2,}|_{3,}|\t)\s*(?:\d{1,4}|[ivxlc]{1,6})"  # leader + page
    r"|\s\d{1,3})\s*$",  # or just a gap and a page number
    re.IGNORECASE,
)
_DOT_LEADER = re.compile(r"(?:\.{4,}|…{2,}|(?:\.\s){4,})\s*\d{1,4}\s*$")
_NUMBERING = re.compile(r"^(?P<num>(?:\d{1,2}\.){0,4}\d{1,2})\.?\s+(?P<title>\S.*)$")
_CHAPTER = re.compile(r"^(?:kapittel|del|chapter)\s+\d{1,2}\b", re.IGNORECASE)
# A TOC that a reader joined into one paragraph: 'Innhald 1 Innleiing 3 2 Mål 5 Samarbeid 12'.
_JOINED_TITLE = re.compile(
    r"^(?P<title>innh[oa]ld\w*|table of contents|contents)\s*:?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_JOINED_ENTRY = re.compile(
    r"\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?"  # optional entry number
    r"(?P<title>[^\d\s][^\d]*?)"  # the title: words without digits
    r"(?:\s*(?:\.{2,}|…+|(?:\.\s){2,}|_{3,})\s*|\s+)(?P<page>\d{1,3})(?=\s|$)"
)
_PAGE_AT_END = re.compile(r"(\d{1,4})\s*$")


def is_toc_title(text: str) -> bool:
    """'Innhold', 'Innhaldsliste', 'Innholdsfortegnelse' ... (case and trailing colon ignored)."""
    return text.strip().rstrip(":").strip().lower() in TOC_TITLES


def looks_like_toc_entry(text: str) -> bool:
    """A line ending in a page number after a leader or gap: '3.2 Ansvar ....... 12'."""
    stripped = text.strip()
    if not _TOC_ENTRY.search(stripped):
        return False
    # '2025 2028' or a bare number is not a TOC entry; it needs some words before the number.
    return bool(re.search(r"[^\W\d_]{2,}", stripped))


def has_dot_leader(text: str) -> bool:
    """Dot leaders before a trailing page number are TOC lines anywhere in a document."""
    # Cheap checks first: called on every line, and the regex scans from every position.
    end = text.rstrip()
    if not end or not end[-1].isdigit() or ("." not in text and "…" not in text):
        return False
    return bool(_DOT_LEADER.search(text))


def joined_toc_pages(text: str) -> list[int] | None:
    """The page numbers of a TOC joined into one line after its title, else None.

    'Innhold 1 Innleiing 3 2 Mål og strategiar 5 Samarbeid mellom tenestene 12' → [3, 5, 12]:
    at least two entries, each a title of words ending in a page number, pages never falling.
    """
    match = _JOINED_TITLE.match(text.strip())
    if match is None or not is_toc_title(match.group("title")):
        return None
    rest = match.group("rest")
    pages: list[int] = []
    position = 0
    while position < len(rest):
        entry = _JOINED_ENTRY.match(rest, position)
        if entry is None or not re.search(r"[^\W\d_]{2,}", entry.group("title")):
            return None
        pages.append(int(entry.group("page")))
        position = entry.end()
        if not rest[position:].strip():
            break
    if len(pages) < 2 or any(b < a for a, b in itertools.pairwise(pages)):
        return None
    return pages


def numbering_level(text: str) -> int:
    """The heading level implied by a leading section number: '3' → 1, '3.2' → 2, else 0."""
    match = _NUMBERING.match(text.strip())
    if match is None:
        return 0
    return match.group("num").count(".") + 1


NUMBERED_TITLE_WORDS = 8


def is_numbered_title(text: str) -> bool:
    """A short numbered line in plain text, its title starting with a capital ('3. Samarbeid
    mellom tjenestene', '4 SAMARBEID'): a chapter heading typed without a heading style, in
    body size and weight. Whether it is one depends on what follows (body text, not another
    numbered line: a run of them is a list); the DOCX and PDF readers decide that."""
    text = text.strip()
    if numbering_level(text) == 0:
        return False
    parts = text.split(None, 1)
    title = parts[1] if len(parts) > 1 else ""
    words = title.split()
    return (
        0 < len(words) <= NUMBERED_TITLE_WORDS
        and title[0].isalpha()
        and title[0].isupper()
        and not any(ch.isdigit() for ch in title)
        and not title.endswith((".", ":", ",", ";", "!", "?"))
    )


def strip_toc_page(text: str) -> str:
    """A TOC entry without its leader and page number (for comparing with real headings)."""
    return re.sub(
        r"(?:\.{2,}|…+|(?:\.\s){2,}|\s)+\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$",
        "",
        text.strip(),
        flags=re.IGNORECASE,
    ).strip()


def mark_toc(blocks: Sequence[Block]) -> list[Block]:
    """Marks the table of contents `in_toc` and turns its entries into paragraphs.

    The TOC starts at a heading or line titled 'Innhold'/'Innhaldsliste'/..., and runs while
    the following blocks look like entries (trailing page number). One line without a page
    number is tolerated when an entry follows (an entry wrapped over two lines). Outside a
    TOC, lines with dot leaders and a page number are marked too. Blocks a reader already
    marked (Word TOC styles) stay marked and are also demoted from headings.
    """
    result: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.in_toc:
            result.append(_as_toc(block, keep_heading=is_toc_title(block.text)))
            index += 1
            continue
        if is_toc_title(block.text) and block.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH):
            result.append(_as_toc(block, keep_heading=True))
            index += 1
            index = _consume_toc_entries(blocks, index, result)
            continue
        if block.kind is BlockKind.PARAGRAPH and joined_toc_pages(block.text):
            result.append(_as_toc(block, keep_heading=False))
            index += 1
            index = _consume_toc_entries(blocks, index, result)
            continue
        if block.kind is not BlockKind.TABLE_ROW and has_dot_leader(block.text):
            result.append(_as_toc(block, keep_heading=False))
        else:
            result.append(block)
        index += 1
    return result


def _consume_toc_entries(blocks: Sequence[Block], index: int, out: list[Block]) -> int:
    """Appends the TOC entries starting at `index`; returns the index after the TOC.

    The TOC ends at a block that is no entry, at a heading that repeats an entry's title (the
    body has begun), and at an entry whose page number falls below the one before it (a
    table of figures after the TOC, not the TOC).
    """
    titles: set[str] = set()
    last_page = 0
    while index < len(blocks):
        block = blocks[index]
        if block.in_toc or _is_entry(block):
            page = _entry_page(block)
            if not block.in_toc and page is not None and page < last_page:
                break
            last_page = max(last_page, page or 0)
            titles.add(_title_key(strip_toc_page(block.text)))
            out.append(_as_toc(block, keep_heading=False))
            index += 1
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        wrapped = len(block.text) < 120 and following is not None and _is_entry(following)
        if block.is_heading and (
            _title_key(block.text) in titles or _page_jump(last_page, following)
        ):
            break
        if wrapped and block.kind is not BlockKind.TABLE_ROW:
            out.append(_as_toc(block, keep_heading=False))
            index += 1
            continue
        break
    return index


_MAX_PAGE_JUMP = 40


def _page_jump(last_page: int, following: Block | None) -> bool:
    """Whether the entry after a heading jumps far ahead of the TOC so far ('Barn 6-15 år 845'
    under a statistics heading): those numbers are counts, not pages."""
    page = _entry_page(following) if following is not None else None
    return page is not None and last_page > 0 and page > last_page + _MAX_PAGE_JUMP


def _entry_page(block: Block) -> int | None:
    """The page number an entry ends with (the last of a joined TOC paragraph)."""
    text = block.cells[-1] if block.kind is BlockKind.TABLE_ROW and block.cells else block.text
    match = _PAGE_AT_END.search(text)
    return int(match.group(1)) if match else None


def _title_key(text: str) -> str:
    """A heading or entry title compared without numbering, case and spacing."""
    match = _NUMBERING.match(text.strip())
    title = match.group("title") if match else text
    return " ".join(title.lower().split())


def _is_entry(block: Block) -> bool:
    if block.kind is BlockKind.TABLE_ROW:
        # Some TOCs are laid out as a two-column table: title | page.
        return bool(block.cells) and bool(re.fullmatch(r"\d{1,4}", block.cells[-1].strip()))
    return looks_like_toc_entry(block.text)


def _as_toc(block: Block, *, keep_heading: bool) -> Block:
    if keep_heading and block.kind is BlockKind.HEADING:
        return dataclasses.replace(block, in_toc=True)
    if block.kind is BlockKind.TABLE_ROW:
        return dataclasses.replace(block, in_toc=True)
    return dataclasses.replace(block, kind=BlockKind.PARAGRAPH, level=0, in_toc=True)


def merge_wrapped_headings(blocks: Sequence[Block]) -> list[Block]:
    """Joins a heading that wrapped over two lines (PDF, narrow columns) into one heading.

    Two adjacent headings of the same level and page are one heading when the second does not
    start a new numbered or capitalised title: '3.2 Ansvar og roller i' + 'kommunen'.
    """
    result: list[Block] = []
    for block in blocks:
        previous = result[-1] if result else None
        if (
            previous is not None
            and block.is_heading
            and previous.is_heading
            and not previous.in_toc
            and previous.level == block.level
            and previous.page == block.page
            and _continues_heading(previous.text, block.text)
        ):
            result[-1] = dataclasses.replace(previous, text=f"{previous.text} {block.text}")
            continue
        result.append(block)
    return result


def _continues_heading(first: str, second: str) -> bool:
    if numbering_level(second) or _CHAPTER.match(second):
        return False
    if first.rstrip().endswith((".", ":", "?", "!")):
        return False
    return second[:1].islower() or first.rstrip().endswith((",", "-", "og", "i", "for", "av"))


def assign_sections(blocks: Iterable[Block]) -> list[Block]:
    """Gives every block the path of headings above it (outermost first).

    TOC headings do not open a section: the blocks after a TOC belong to the real headings.
    """
    stack: list[tuple[int, str]] = []
    result: list[Block] = []
    for block in blocks:
        path = tuple(text for _, text in stack)
        result.append(dataclasses.replace(block, section=path) if block.section != path else block)
        if block.is_heading and not block.in_toc:
            level = max(block.level, 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, block.text))
    return result


def drop_empty(blocks: Iterable[Block]) -> list[Block]:
    """Blocks without text carry nothing; a table row with only empty cells neither."""
    return [b for b in blocks if b.text.strip()]


def finalise(blocks: Iterable[Block], *, merge_headings: bool = False) -> tuple[Block, ...]:
    """The shared pipeline: drop empties, (merge wrapped headings), flag unfilled template
    table rows as guidance, mark TOC, section paths."""
    result = drop_empty(blocks)
    if merge_headings:
        result = merge_wrapped_headings(result)
    result = mark_template_tables(result)
    result = mark_toc(result)
    return tuple(assign_sections(result))


def first_heading_text(blocks: Iterable[Block]) -> str | None:
    """The document's title guess: its first real heading."""
    for block in blocks:
        if block.is_heading and not block.in_toc:
            return block.text
    return None
