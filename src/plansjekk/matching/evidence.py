"""Excerpts a caseworker can verify in seconds: the sentences around the hits, ≤ ~300 chars,
with page, section and the matched words as written in the plan."""

from __future__ import annotations

from collections import defaultdict

from plansjekk.findings import Evidence
from plansjekk.matching.analysis import Analysis, BlockText, Hit
from plansjekk.matching.scoring import Unit
from plansjekk.matching.sections import section_label

MAX_EXCERPT = 300
MAX_EVIDENCE = 3


def evidence_for(analysis: Analysis, units: list[Unit], minimum: float) -> tuple[Evidence, ...]:
    """Up to three excerpts from the best units scoring at least `minimum`, one per block."""
    chosen: list[Evidence] = []
    used: set[int] = set()
    for unit in units:
        if len(chosen) == MAX_EVIDENCE or unit.score < minimum:
            break
        hits_by_block: dict[int, list[Hit]] = defaultdict(list)
        for _, hit in unit.hits:
            hits_by_block[hit.block].append(hit)
        candidates = [
            b for b in hits_by_block if b not in used and not analysis.by_index[b].block.is_heading
        ]
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
        block = max(candidates, key=lambda b: (len({a for a, h in unit.hits if h.block == b}), -b))
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
    hits = sorted(hits, key=lambda h: h.start)
    numbers = sorted(
        {h.sentence for h in hits}, key=lambda n: (-sum(1 for h in hits if h.sentence == n), n)
    )
    spans = []
    for number in numbers:
        span = text.sentence_span(number)
        total = sum(e - s for s, e in spans) + (span[1] - span[0])
        if spans and total > MAX_EXCERPT:
            continue
        spans.append(span)
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
    if end < len(text.tokens.text):
        excerpt = excerpt + "…"
    matched = tuple(dict.fromkeys(text.written(h.start, h.end) for h in inside))
    return excerpt, matched
