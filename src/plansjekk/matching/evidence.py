"""Excerpts a caseworker can verify in seconds: the sentences around the hits, ≤ ~300 chars,
with page, section and the matched words as written in the plan."""

from __future__ import annotations

import operator

from plansjekk.findings import Evidence
from plansjekk.matching.analysis import Analysis, BlockText, Hit
from plansjekk.matching.scoring import Unit
from plansjekk.matching.sections import heading_blocks, section_label

MAX_EXCERPT = 300
MAX_EVIDENCE = 3
_START = operator.attrgetter("start")


def evidence_for(analysis: Analysis, units: list[Unit], minimum: float) -> tuple[Evidence, ...]:
    """Up to three excerpts from the best units scoring at least `minimum`, one per block."""
    chosen: list[Evidence] = []
    used: set[int] = set()
    headings = heading_blocks(analysis)
    for unit in units:
        if len(chosen) == MAX_EVIDENCE or unit.score < minimum:
            break
        hits_by_block: dict[int, list[Hit]] = {}
        aspects_by_block: dict[int, set[str]] = {}
        for aspect, hit in unit.hits:
            found = hits_by_block.get(hit.block)
            if found is None:
                hits_by_block[hit.block] = [hit]
                aspects_by_block[hit.block] = {aspect}
            else:
                found.append(hit)
                aspects_by_block[hit.block].add(aspect)
        # (a hit's block is a body block of the document: `headings` tells its kind)
        candidates = [b for b in hits_by_block if b not in used and b not in headings]
        if not candidates:
            body = _first_body(analysis, unit, used)
            if body is None:
                continue
            used.add(body)
            text = analysis.by_index[body]
            excerpt = _opening(text)
            label = section_label(analysis, unit.label_block)
            chosen.append(Evidence(excerpt, text.block.page, label, (), round(unit.score, 3), body))
            continue
        # the block showing most of the unit's aspects, the earliest on a tie
        block = max(candidates, key=lambda b: (len(aspects_by_block[b]), -b))
        used.add(block)
        text = analysis.by_index[block]
        excerpt, matched = _excerpt(text, hits_by_block[block])
        label = (
            section_label(analysis, unit.heading)
            if unit.heading is not None
            else section_label(analysis, block)
        )
        chosen.append(
            Evidence(excerpt, text.block.page, label, matched, round(unit.score, 3), block)
        )
    return tuple(chosen)


def _first_body(analysis: Analysis, unit: Unit, used: set[int]) -> int | None:
    """The first body block of a unit whose only hits are in its heading ("Andre planar" over
    "Sjå også …"): what is written under the heading is the evidence to show."""
    if unit.heading is None:
        return None
    return next(
        (b for b in unit.blocks if b != unit.heading and b not in used and b in analysis.by_index),
        None,
    )


def _opening(text: BlockText) -> str:
    """The block's first sentences, up to MAX_EXCERPT characters."""
    display = text.display.strip()
    if len(display) <= MAX_EXCERPT:
        return display
    cut = display.rfind(" ", 0, MAX_EXCERPT)
    return display[: cut if cut > 0 else MAX_EXCERPT] + "…"


def _excerpt(text: BlockText, hits: list[Hit]) -> tuple[str, tuple[str, ...]]:
    """The hit sentences joined while they fit; a long sentence is cut around its first hit."""
    hits = sorted(hits, key=_START)
    counts: dict[int, int] = {}
    for hit in hits:
        counts[hit.sentence] = counts.get(hit.sentence, 0) + 1
    numbers = sorted(counts, key=lambda n: (-counts[n], n))
    spans: list[tuple[int, int]] = []
    length = 0
    """The characters of the spans taken."""
    size = 0
    """The length of the block's normalised text."""
    for number in numbers:
        span, size = text.sentence_chars(number)
        if spans and length + (span[1] - span[0]) > MAX_EXCERPT:
            continue
        spans.append(span)
        length += span[1] - span[0]
    spans.sort()
    start, end = spans[0][0], spans[-1][1]
    if end - start > MAX_EXCERPT:
        start, end = spans[0]
        if end - start > MAX_EXCERPT:
            anchor = next(h.start for h in hits if start <= h.start < end)
            start = max(start, anchor - MAX_EXCERPT // 3)
            end = min(end, start + MAX_EXCERPT)
    inside = [h for h in hits if start <= h.start and h.end <= end]
    excerpt = text.written(start, end).strip()
    if start > 0:
        excerpt = "…" + excerpt
    if end < size:
        excerpt = excerpt + "…"
    matched = tuple(dict.fromkeys(text.written(h.start, h.end) for h in inside))
    return excerpt, matched
