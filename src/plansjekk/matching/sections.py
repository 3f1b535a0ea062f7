"""Sections and passages: the units a requirement is judged in.

A section is a heading plus every block under it until the next heading of the same or a
higher level; a passage is one paragraph, list item or table row, or a small window of
consecutive blocks under the same heading: a paragraph followed by the list items or table
rows that continue it (a description often lives in a table's rows). Two paragraphs are
never merged: a description is one passage, and merging let scattered mentions add up.
"""

from __future__ import annotations

from dataclasses import dataclass

from plansjekk.documents.model import BlockKind
from plansjekk.matching.analysis import Analysis

WINDOW = 3
"""Largest number of consecutive blocks judged together as one passage."""


@dataclass(frozen=True, slots=True)
class Section:
    heading: int
    """Block index of the heading."""
    level: int
    title: str
    body: tuple[int, ...]
    """Indices of the non-heading blocks of the whole subtree."""


def build_sections(analysis: Analysis) -> list[Section]:
    headings = [t for t in analysis.blocks if t.block.kind is _HEADING]
    ordered = [t.index for t in analysis.blocks]
    position = {index: i for i, index in enumerate(ordered)}
    heading_set = {t.index for t in headings}
    sections = []
    for number, heading in enumerate(headings):
        level = max(heading.block.level, 1)
        end = len(ordered)
        for later in headings[number + 1 :]:
            if max(later.block.level, 1) <= level:
                end = position[later.index]
                break
        body = tuple(i for i in ordered[position[heading.index] + 1 : end] if i not in heading_set)
        sections.append(Section(heading.index, level, heading.block.text.strip(), body))
    return sections


def passages(analysis: Analysis, blocks: set[int]) -> list[tuple[int, ...]]:
    """Single blocks and windows of up to WINDOW consecutive body blocks under one heading,
    restricted to windows that contain at least one of `blocks` (those with hits).

    Only windows that can reach a hit block are tried, so the cost follows the number of
    hits, not the length of the document times the number of requirements; the windows
    starting at a block depend only on the document and are built once per analysis.
    """
    position = analysis.position
    cache = analysis.windows
    if not cache and analysis.blocks:
        _all_windows(analysis)
    places = sorted([place for place in map(position.get, blocks) if place is not None])
    units: list[tuple[int, ...]] = []
    extend = units.extend
    # Block indices grow with the place, and a start's windows are its longest window's
    # prefixes, shortest first: by start, the windows come out sorted (and each only once).
    # The first window from a start that holds a hit block ends at the first hit block of
    # its longest window; the longer ones hold it too. Each start is taken once, in order.
    done = -1
    """The last start taken."""
    for place in places:
        for start in range(max(place - WINDOW + 1, done + 1), place + 1):
            windows = cache[start]
            if start == place:
                extend(windows)
                continue
            if not windows:  # a heading
                continue
            for number, index in enumerate(windows[-1]):
                if index in blocks:
                    extend(windows[number:])
                    break
        done = place
    return units


def first_passage(analysis: Analysis, blocks: set[int]) -> list[tuple[int, ...]]:
    """`passages(analysis, blocks)[:1]`, from the earliest of `blocks` alone: the first
    passage starts at the first start whose window reaches a block of `blocks`, and no block
    before the earliest is one, so the window reaches that one first (asked when only the
    first passage in order is scored: one of thousands on a long plan). A heading starts and
    joins no window, so the earliest body block is the one."""
    position = analysis.position
    headings = heading_blocks(analysis)
    placed = [block for block in blocks if block in position and block not in headings]
    if not placed:
        return []
    return passages(analysis, {min(placed, key=position.__getitem__)})[:1]


def _all_windows(analysis: Analysis) -> None:
    """The windows (block indices) starting at every non-TOC block, in one pass over flat
    per-block lists: a window grows block by block while the next block is a body block of
    the same section that continues it (not a paragraph), so each start's windows are the
    prefixes of its longest one."""
    ordered = analysis.blocks
    count = len(ordered)
    blocks = [t.block for t in ordered]
    kinds = [block.kind for block in blocks]  # (`Block.is_heading`, without a call per block)
    heading = [kind is _HEADING for kind in kinds]
    section = [block.section for block in blocks]
    indices = [t.index for t in ordered]
    # whether a block continues the one before it in a window: a body block that is no
    # paragraph, in the same section (so a window's blocks share its first block's section)
    continues = [False] * (count + 1)
    paragraph = BlockKind.PARAGRAPH
    for place in range(1, count):
        kind = kinds[place]
        continues[place] = (
            kind is not _HEADING and kind is not paragraph and section[place] == section[place - 1]
        )
    cache = analysis.windows
    for start in range(count):
        if heading[start]:
            cache[start] = []
        elif not continues[start + 1]:
            cache[start] = [(indices[start],)]
        else:
            end = start + 2
            limit = min(start + WINDOW, count)
            while end < limit and continues[end]:
                end += 1
            cache[start] = [tuple(indices[start:stop]) for stop in range(start + 1, end + 1)]


_HEADING = BlockKind.HEADING
"""`Block.is_heading` is `kind is _HEADING` (compared inline in per-document passes)."""


def heading_blocks(analysis: Analysis) -> frozenset[int]:
    """The indices of the heading blocks (derived once per document)."""
    found = analysis.derived.get("headings")
    if found is None:
        found = frozenset(t.index for t in analysis.blocks if t.block.kind is _HEADING)
        analysis.derived["headings"] = found
    return found  # type: ignore[return-value]


def section_label(analysis: Analysis, block: int) -> str | None:
    """The heading directly above a block, as printed ("3.2 Ansvar og roller")."""
    labels = analysis.labels
    if block in labels:
        return labels[block]
    label = labels[block] = _section_label(analysis, block)
    return label


def _section_label(analysis: Analysis, block: int) -> str | None:
    text = analysis.by_index.get(block)
    if text is None:
        return None
    if text.block.is_heading:
        return text.block.text.strip()
    return text.block.section[-1].strip() if text.block.section else None
