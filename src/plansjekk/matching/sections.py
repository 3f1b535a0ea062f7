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
    headings = [t for t in analysis.blocks if t.block.is_heading]
    ordered = [t.index for t in analysis.blocks]
    position = {index: i for i, index in enumerate(ordered)}
    sections = []
    for number, heading in enumerate(headings):
        level = max(heading.block.level, 1)
        end = len(ordered)
        for later in headings[number + 1 :]:
            if max(later.block.level, 1) <= level:
                end = position[later.index]
                break
        body = tuple(
            i
            for i in ordered[position[heading.index] + 1 : end]
            if not analysis.by_index[i].block.is_heading
        )
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
    starts: set[int] = set()
    for index in blocks:
        place = position.get(index)
        if place is not None:
            starts.update(range(max(place - WINDOW + 1, 0), place + 1))
    units: list[tuple[int, ...]] = []
    extend = units.extend
    isdisjoint = blocks.isdisjoint
    # Block indices grow with the place, and a start's windows are its longest window's
    # prefixes, shortest first: by start, the windows come out sorted (and each only once).
    # A window holding a hit block is extended only by longer ones that hold it too.
    for start in sorted(starts):
        windows = cache[start]
        for number, indices in enumerate(windows):
            if not isdisjoint(indices):
                extend(windows[number:])
                break
    return units


def _all_windows(analysis: Analysis) -> None:
    """The windows (block indices) starting at every non-TOC block, in one pass over flat
    per-block lists: a window grows block by block while the next block is a body block of
    the same section that continues it (not a paragraph), so each start's windows are the
    prefixes of its longest one."""
    ordered = analysis.blocks
    count = len(ordered)
    heading = [t.block.is_heading for t in ordered]
    section = [t.block.section for t in ordered]
    paragraph = [t.block.kind is BlockKind.PARAGRAPH for t in ordered]
    indices = [t.index for t in ordered]
    cache = analysis.windows
    for start in range(count):
        if heading[start]:
            cache[start] = []
            continue
        own = section[start]
        end = start + 1
        limit = min(start + WINDOW, count)
        while end < limit and not heading[end] and not paragraph[end] and section[end] == own:
            end += 1
        cache[start] = [tuple(indices[start:stop]) for stop in range(start + 1, end + 1)]


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
