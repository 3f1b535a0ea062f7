"""Judging one requirement: filter hits, score units, pick the verdict and its evidence.

A hit is evidence only when it is not negated, not in an echo of the law, an instruction or
a placeholder, and not in a sentence with an `exclude` context. Units are scored by how
many distinct aspects they show (a description names several aspects; a mention names the
topic once). A unit counts only when it names the topic: its heading matches, or it
contains the requirement's first aspect (the topic words).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from plansjekk.findings import Reason
from plansjekk.matching.analysis import Analysis, Hit
from plansjekk.matching.compiled import CompiledRequirement
from plansjekk.matching.sections import Section, passages, section_label

FRONT_BLOCKS = 15
"""A negative signal ("høringsutkast") counts on the front page / first blocks or in a heading."""


@dataclass(slots=True)
class Unit:
    """A candidate piece of evidence: a section with a matching heading, or a passage."""

    blocks: tuple[int, ...]
    aspects: set[str]
    hits: list[tuple[str, Hit]]
    score: float = 0.0
    reasons: set[Reason] = field(default_factory=set)
    heading: int | None = None

    @property
    def label_block(self) -> int:
        return self.heading if self.heading is not None else self.blocks[0]


@dataclass(slots=True)
class Judgement:
    score: float
    units: list[Unit]
    reasons: set[Reason]
    aspects_found: tuple[str, ...]
    sections_weighed: tuple[str, ...]
    suggested_section: str | None
    deprecated_found: bool = False


class HitFilter:
    """Sorts a requirement's hits into valid ones and the reasons others were voided."""

    def __init__(self, analysis: Analysis, req: CompiledRequirement) -> None:
        self.analysis = analysis
        self.use_echo = req.requirement.scope != "document"
        self.excluded = {(h.block, h.sentence) for p in req.exclude for h in analysis.hits(p)}
        self.voided: set[Reason] = set()
        self.voided_blocks: set[int] = set()

    def why_void(self, hit: Hit) -> Reason | None:
        text = self.analysis.by_index[hit.block]
        if any(text.negated[hit.first_token : hit.last_token + 1]):
            return Reason.NEGATED
        if (hit.block, hit.sentence) in self.excluded:
            return Reason.UNRELATED_SENSE
        if hit.sentence in text.placeholders:
            return Reason.PLACEHOLDER
        if hit.sentence in text.instructions or (self.use_echo and hit.sentence in text.echo):
            return Reason.ECHO_OF_LAW
        return None

    def valid(self, hits: list[Hit]) -> list[Hit]:
        kept = []
        for hit in hits:
            reason = self.why_void(hit)
            if reason is None:
                kept.append(hit)
            else:
                self.voided.add(reason)
                self.voided_blocks.add(hit.block)
        return kept


def judge(analysis: Analysis, req: CompiledRequirement, sections: list[Section]) -> Judgement:
    requirement = req.requirement
    hit_filter = HitFilter(analysis, req)
    by_block: dict[int, list[tuple[str, Hit]]] = defaultdict(list)
    for aspect_id, patterns in req.aspects:
        for pattern in patterns:
            for hit in hit_filter.valid(analysis.hits(pattern)):
                by_block[hit.block].append((aspect_id, hit))
    units: list[Unit] = []
    if requirement.scope != "document":
        units.extend(_section_units(analysis, req, sections, by_block, hit_filter))
    units.extend(_passage_units(analysis, req, by_block))
    for unit in units:
        _score(unit, req, analysis)
    units.sort(key=lambda u: (-u.score, u.blocks))
    best = units[0] if units else None
    score = best.score if best else 0.0
    reasons: set[Reason] = set(best.reasons) if best else set()
    score = _with_support(score, units, req, analysis)
    deprecated = _deprecated(analysis, req, hit_filter)
    if deprecated and score < requirement.thresholds.partial + 0.1:
        score = requirement.thresholds.partial + 0.1
        reasons.add(Reason.DEPRECATED_ONLY)
    if (
        req.negative
        and _negative_signal(analysis, req, hit_filter)
        and score >= requirement.thresholds.covered
    ):
        score = requirement.thresholds.covered - 0.1
        reasons.add(Reason.NEGATIVE_SIGNAL)
    if score < requirement.thresholds.covered:
        reasons |= hit_filter.voided
        if score < requirement.thresholds.partial and _only_toc(analysis, req):
            reasons.add(Reason.ONLY_TOC)
    return Judgement(
        score=round(min(max(score, 0.0), 1.0), 3),
        units=[u for u in units if u.score > 0],
        reasons=reasons,
        aspects_found=tuple(a for a, _ in req.aspects if best and a in best.aspects),
        sections_weighed=_sections_weighed(analysis, by_block, hit_filter, units),
        suggested_section=_suggest(analysis, sections, by_block, hit_filter),
        deprecated_found=deprecated and score < requirement.thresholds.covered,
    )


def _section_units(
    analysis: Analysis,
    req: CompiledRequirement,
    sections: list[Section],
    by_block: dict[int, list[tuple[str, Hit]]],
    hit_filter: HitFilter,
) -> list[Unit]:
    matching_headings = set()
    for pattern in req.headings:
        for hit in analysis.hits(pattern):
            if analysis.by_index[hit.block].block.is_heading and hit_filter.why_void(hit) is None:
                matching_headings.add(hit.block)
    units = []
    for section in sections:
        if section.heading not in matching_headings:
            continue
        blocks = (section.heading, *section.body)
        hits = [pair for b in blocks for pair in by_block.get(b, ())]
        unit = Unit(blocks, {a for a, _ in hits}, hits, heading=section.heading)
        body_state = _body_state(analysis, section)
        if body_state is not None:
            unit.reasons.add(body_state)
            unit.score = -1.0
        units.append(unit)
    return units


def _body_state(analysis: Analysis, section: Section) -> Reason | None:
    """None when the body has content; else why not (empty, placeholder, echo, negated)."""
    kinds = []
    for index in section.body:
        text = analysis.by_index[index]
        for number, (first, last) in text.sentences.items():
            if number in text.placeholders:
                kinds.append(Reason.PLACEHOLDER)
            elif number in text.echo or number in text.instructions:
                kinds.append(Reason.ECHO_OF_LAW)
            elif all(text.negated[first : last + 1]):
                kinds.append(Reason.NEGATED)
            else:
                return None
    if not kinds:
        return Reason.NO_BODY
    return max(set(kinds), key=kinds.count)


def _passage_units(
    analysis: Analysis, req: CompiledRequirement, by_block: dict[int, list[tuple[str, Hit]]]
) -> list[Unit]:
    units = []
    with_hits = {b for b in by_block if not analysis.by_index[b].block.is_heading}
    for blocks in passages(analysis, with_hits):
        hits = [pair for b in blocks for pair in by_block.get(b, ())]
        units.append(Unit(blocks, {a for a, _ in hits}, hits))
    return units


def _score(unit: Unit, req: CompiledRequirement, analysis: Analysis) -> None:
    """Score in [0, 1]: ≥ 0.7 only for several distinct aspects (or a topic heading with a
    body that shows them); a lone mention stays in the partial band."""
    if unit.score < 0:
        unit.score = 0.0
        return
    requirement = req.requirement
    aspects, minimum = len(unit.aspects), max(requirement.min_aspects, 1)
    required = requirement.require_aspects
    if unit.heading is None and req.topic not in unit.aspects:
        unit.score = 0.0
        return
    if required and not set(required) <= unit.aspects:
        present = len(set(required) & unit.aspects)
        unit.reasons.add(Reason.MISSING_REQUIRED_ASPECT)
        anchored = required[0] in unit.aspects or unit.heading is not None
        unit.score = 0.4 if anchored and present >= math.ceil(len(required) / 2) else 0.0
        return
    extra = 0.04 * max(0, aspects - minimum)
    if unit.heading is not None:
        if aspects >= minimum:
            unit.score = min(0.8 + extra, 0.95)
        else:
            unit.score = 0.35 + 0.2 * aspects / minimum
            unit.reasons.add(Reason.FEW_ASPECTS)
        return
    if aspects >= minimum:
        unit.score = min(0.7 + extra, 0.85) - 0.03 * (len(unit.blocks) - 1)
        if unit.score < requirement.thresholds.covered + 0.02:
            unit.score = requirement.thresholds.covered + 0.02
    elif aspects == 1:
        unit.score = 0.3
        unit.reasons.add(Reason.PASSING_MENTION)
    else:
        unit.score = 0.35 + 0.15 * (aspects - 1) / max(minimum - 1, 1)
        unit.reasons.add(Reason.FEW_ASPECTS)


def _with_support(
    score: float, units: list[Unit], req: CompiledRequirement, analysis: Analysis
) -> float:
    """A small bonus for independent supporting passages, never lifting a partial to covered."""
    thresholds = req.requirement.thresholds
    if score < thresholds.covered or not units:
        return score
    best_section = section_label(analysis, units[0].label_block)
    others = {
        section_label(analysis, u.label_block)
        for u in units[1:]
        if u.score >= thresholds.partial and not set(u.blocks) & set(units[0].blocks)
    }
    others.discard(best_section)
    return min(1.0, score + min(0.1, 0.03 * len(others)))


def _deprecated(analysis: Analysis, req: CompiledRequirement, hit_filter: HitFilter) -> bool:
    return any(hit_filter.why_void(h) is None for p in req.deprecated for h in analysis.hits(p))


def _negative_signal(analysis: Analysis, req: CompiledRequirement, hit_filter: HitFilter) -> bool:
    """A draft declares itself on the front page, in a heading or in the title."""
    front = {t.index for t in analysis.blocks[:FRONT_BLOCKS]}
    for pattern in req.negative:
        for hit in analysis.hits(pattern):
            text = analysis.by_index[hit.block]
            in_front = hit.block in front or text.block.page == 1 or text.block.is_heading
            if in_front and not any(text.negated[hit.first_token : hit.last_token + 1]):
                return True
    title = analysis.document.title or ""
    return any(True for p in req.negative for _ in p.finditer(title.lower()))


def _only_toc(analysis: Analysis, req: CompiledRequirement) -> bool:
    patterns = [*req.headings, *(req.aspects[0][1] if req.aspects else ())]
    return any(analysis.toc_hits(p) for p in patterns)


def _sections_weighed(
    analysis: Analysis,
    by_block: dict[int, list[tuple[str, Hit]]],
    hit_filter: HitFilter,
    units: list[Unit],
) -> tuple[str, ...]:
    blocks = sorted(
        {*by_block, *hit_filter.voided_blocks, *(u.heading for u in units if u.heading is not None)}
    )
    labels = [section_label(analysis, b) for b in blocks]
    return tuple(dict.fromkeys(label for label in labels if label))[:12]


def _suggest(
    analysis: Analysis,
    sections: list[Section],
    by_block: dict[int, list[tuple[str, Hit]]],
    hit_filter: HitFilter,
) -> str | None:
    """The heading whose section holds most of the requirement's hits (valid or voided), else
    the first top-level heading."""
    counts: dict[str, int] = defaultdict(int)
    for block in [*by_block, *hit_filter.voided_blocks]:
        label = section_label(analysis, block)
        if label:
            counts[label] += len(by_block.get(block, ())) or 1
    if counts:
        return max(counts, key=lambda k: counts[k])
    top = [s for s in sections if s.level == 1]
    return top[0].title if top else None
