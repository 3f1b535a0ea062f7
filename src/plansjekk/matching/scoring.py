"""Scoring one unit (a section under a matching heading, a passage, an inventory) of a
requirement: how many distinct aspects it shows, and the structure that decides whether it
describes (statements of intent, topic and actor meeting in one sentence or row, a table keyed
by actors, a body too thin to describe); see `judge` for the rules in full."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from plansjekk.documents.model import BlockKind
from plansjekk.findings import Reason
from plansjekk.matching import clauses
from plansjekk.matching.analysis import Analysis, Hit
from plansjekk.matching.compiled import CompiledRequirement

STATEMENTS_FOR_DESCRIPTION = 3
"""Sentences/rows where topic and actor meet that together describe (see module doc)."""
KEYED_ROWS = 3
"""Rows of a topic-headed table keyed by actors that make it a description."""
PARTIAL_CAP = 0.45
"""Score of a unit held below covered by structure (intent, aspects in separate sentences)."""
SHORT_SENTENCE = 12
"""Words below which a lone sentence is a mention, not a description ("Born kan kome med
innspel.")."""
BODY_ASPECTS = 2
"""Distinct aspects the body under a topic heading must show itself to describe."""
SPREAD_STATEMENTS = 3
"""Sentences or rows a many-aspect requirement (an offer per service) must spread over: the
same aspects enumerated in one sentence are a naming ("lederne for barnehage, skole, …")."""
MANY_ASPECTS = 4


@dataclass(slots=True)
class Unit:
    """A candidate piece of evidence: a section with a matching heading, or a passage."""

    blocks: tuple[int, ...]
    aspects: set[str] | frozenset[str]
    hits: list[tuple[str, Hit]]
    """(aspect, hit) in block order; may be shared with other units, so never changed in
    place."""
    score: float = 0.0
    reasons: set[Reason] = field(default_factory=set)
    heading: int | None = None
    firm: set[str] = field(default_factory=set)
    """Aspects shown outside statements of intent."""
    statements: int = 0
    """Sentences or table rows where the two required aspects meet."""
    capped: bool = False
    """Held below covered by structure alone (intent, aspects in separate sentences)."""

    @property
    def label_block(self) -> int:
        return self.heading if self.heading is not None else self.blocks[0]


def intent_sentences(analysis: Analysis) -> set[tuple[int, int]]:
    """(block, sentence) of every statement of intent; once per document."""
    found = analysis.derived.get("intent")
    if found is None:
        found = {(h.block, h.sentence) for p in clauses.INTENT for h in analysis.hits(p)}
        analysis.derived["intent"] = found
    return found  # type: ignore[return-value]


@dataclass(slots=True)
class Scoring:
    """What scoring a unit asks of its requirement and document, derived once per judgement
    rather than once per unit: a long plan has about a thousand candidate passages for a
    requirement."""

    req: CompiledRequirement
    analysis: Analysis
    intent: set[tuple[int, int]]
    by_block: dict[int, list[tuple[str, Hit]]]
    topic: str | None
    minimum: int
    """`min_aspects`, at least 1."""
    covered: float
    required: tuple[str, ...]
    required_set: frozenset[str]
    pair: tuple[str, str] | None
    """`_pair(req)`."""
    headers: frozenset[int]
    """Table rows with a topic hit in a later cell (`_keyed_rows`)."""
    keyed: dict[int, int]
    """Header → the rows keyed by an actor below it (shared by the requirements with the
    same actor patterns)."""
    actors: tuple
    facts: BlockFacts
    bases: defaultdict[int, dict[int, WindowBase]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    """Blocks → aspect mask → `WindowBase` of a passage (`window_bases`)."""

    @classmethod
    def of(
        cls,
        analysis: Analysis,
        req: CompiledRequirement,
        intent: set[tuple[int, int]],
        by_block: dict[int, list[tuple[str, Hit]]],
        masks: dict[int, int],
    ) -> Scoring:
        """`masks`: block → the aspects of its hits (`aspect_bits`)."""
        requirement = req.requirement
        pair = req.pair
        headers: frozenset[int] = frozenset()
        actors: tuple = ()
        keyed: dict[int, int] = {}
        if pair is not None:
            patterns = req.patterns_of
            later = _cell_blocks(analysis, patterns.get(pair[0], ()), first_cell=False)
            by_index = analysis.by_index
            headers = frozenset(b for b in later if by_index[b].block.kind is BlockKind.TABLE_ROW)
            actors = patterns.get(pair[1], ())
            keyed = analysis.derived.setdefault(("keyed-rows", pattern_key(actors)), {})  # type: ignore[assignment]
        return cls(
            req=req,
            analysis=analysis,
            intent=intent,
            by_block=by_block,
            topic=req.topic,
            minimum=max(requirement.min_aspects, 1),
            covered=requirement.thresholds.covered,
            required=requirement.require_aspects,
            required_set=frozenset(requirement.require_aspects),
            pair=pair,
            headers=headers,
            keyed=keyed,
            actors=actors,
            facts=BlockFacts(analysis, req, by_block, intent, masks),
        )


def _structure(unit: Unit, scoring: Scoring) -> None:
    """Fills `statements` (topic + actor in one sentence or row, or rows of a keyed table)."""
    pair = scoring.pair
    if pair is None:
        return
    # A unit's hits are its blocks' hits (`by_block`), so its statements add up block by
    # block: each block's are counted once per requirement.
    rows = sentences = 0
    for block in unit.blocks:
        if block == unit.heading:
            continue
        count = _statements_in(block, scoring)
        if count:
            rows += 1
            sentences += count
    unit.statements = max(sentences, rows) + _keyed_rows(unit.blocks, scoring)


def _statements_in(block: int, scoring: Scoring) -> int:
    """`_block_statements` of one block, counted once per requirement."""
    return scoring.facts.bodies[block].statements


def _block_statements(
    hits: list[tuple[str, Hit]], intent: set[tuple[int, int]], topic: str, actor: str
) -> int:
    """The sentences of one block's hits where topic and actor meet (outside intent)."""
    where: dict[int, set[str]] = defaultdict(set)
    for aspect, hit in hits:
        if (hit.block, hit.sentence) not in intent:
            where[hit.sentence].add(aspect)
    return sum(1 for found in where.values() if topic in found and actor in found)


def _firm(unit: Unit, intent: set[tuple[int, int]]) -> set[str]:
    """The aspects shown outside statements of intent (needed only for a covered unit)."""
    return {
        a for a, h in unit.hits if (h.block, h.sentence) not in intent or h.block == unit.heading
    }


def _pair(req: CompiledRequirement) -> tuple[str, str] | None:
    """(topic, actor) for a requirement whose description needs three aspects and names
    exactly two as required: who does what must be said of someone, in one sentence or row.
    Goals and strategies (two aspects) are often stated sentence by sentence and are exempt.
    (Derived once per requirement: `CompiledRequirement.pair`.)"""
    return req.pair


def _keyed_rows(blocks: tuple[int, ...], scoring: Scoring) -> int:
    """Rows of a table in a unit's `blocks` whose header names the topic in a later column and whose
    first cell names an actor: "Teneste | Ansvar" / "Helsestasjonen | Heimebesøk …"."""
    headers = scoring.headers
    if not headers:
        return 0
    for header in blocks:
        if header in headers:
            break
    else:
        return 0
    count = scoring.keyed.get(header)
    if count is None:
        count = scoring.keyed[header] = _rows_keyed_by(scoring.analysis, header, scoring.actors)
    return count if count >= KEYED_ROWS else 0


def _rows_keyed_by(analysis: Analysis, header: int, patterns) -> int:
    """The table rows right after `header` whose first cell holds a hit of `patterns`."""
    first = _cell_blocks(analysis, patterns, first_cell=True)
    ordered = analysis.blocks
    count = 0
    for place in range(analysis.position[header] + 1, len(ordered)):  # (no copy of the rest)
        text = ordered[place]
        if text.block.kind is not BlockKind.TABLE_ROW:
            break
        if text.index in first:
            count += 1
    return count


_KEYS: dict[int, tuple[object, tuple[str, ...]]] = {}
"""`pattern_key` per pattern tuple (by identity, the tuple kept alive): asked once per scored
unit."""


def pattern_key(patterns) -> tuple[str, ...]:
    entry = _KEYS.get(id(patterns))
    if entry is not None and entry[0] is patterns:
        return entry[1]
    key = tuple(p.source for p in patterns)
    if len(_KEYS) > 4096:
        _KEYS.clear()
    _KEYS[id(patterns)] = (patterns, key)
    return key


def _cell_blocks(analysis: Analysis, patterns, first_cell: bool) -> set[int] | frozenset[int]:
    """The blocks with a hit of `patterns` in the first cell (first_cell) or in a later cell
    (not first_cell): `cell_hit` for every block at once, derived once per document."""
    key = ("cells", pattern_key(patterns), first_cell)
    found = analysis.derived.get(key)
    if found is None:
        found = set()
        for pattern in patterns:
            for hit in analysis.hits(pattern):
                if first_cell == (hit.sentence == _first_sentence(analysis, hit.block)):
                    found.add(hit.block)
        analysis.derived[key] = found
    return found  # type: ignore[return-value]


def cell_hit(analysis: Analysis, block: int, patterns, first_cell: bool) -> bool:
    """A hit in the first cell (first_cell) or only in a later cell (not first_cell)."""
    return block in _cell_blocks(analysis, patterns, first_cell)


def _first_sentence(analysis: Analysis, block: int) -> int:
    """`min(analysis.by_index[block].sentences, default=0)`: always 0, as a block's first
    word starts its sentence 0 (`tokenise`, `Prepared.tokens`)."""
    return 0


def score_unit(unit: Unit, scoring: Scoring) -> None:
    """Score in [0, 1]: ≥ 0.7 only for several distinct aspects (or a topic heading with a
    body that shows them); a lone mention stays in the partial band. The structure (`firm`,
    `statements`) is weighed only for a unit that scores at all, `firm` only for one that
    would be covered."""
    base_score(unit, scoring)
    if unit.score <= 0:
        return
    _structure(unit, scoring)
    minimum = scoring.minimum
    covered = scoring.covered
    pair = scoring.pair
    if pair is not None and unit.statements >= STATEMENTS_FOR_DESCRIPTION and unit.score < covered:
        unit.score = 0.8 if unit.heading is not None else covered + 0.05
        unit.reasons.discard(Reason.FEW_ASPECTS)
        return
    if unit.score < covered:
        return
    unit.firm = _firm(unit, scoring.intent)
    if len(unit.firm) < minimum and unit.statements < STATEMENTS_FOR_DESCRIPTION:
        _cap(unit, Reason.INTENT if len(unit.firm) < len(unit.aspects) else Reason.PASSING_MENTION)
    elif pair is not None and unit.heading is None and unit.statements == 0:
        _cap(unit, Reason.FEW_ASPECTS)
    elif scoring.req.requirement.scope != "document":
        reason = _thin(unit, scoring.req, scoring.analysis, scoring.intent)
        if reason is not None:
            _cap(unit, reason)


def _cap(unit: Unit, reason: Reason) -> None:
    unit.score = PARTIAL_CAP
    unit.capped = True
    unit.reasons.add(reason)


def _thin(
    unit: Unit, req: CompiledRequirement, analysis: Analysis, intent: set[tuple[int, int]]
) -> Reason | None:
    """Why a unit that shows enough aspects still does not describe, else None:
    - under a topic heading, the body itself must show several aspects (the heading names the
      topic; "Born kan kome med innspel." under "Medverknad" adds one);
    - the words must be more than one short sentence;
    - a requirement of many aspects (each service's offer) needs them spread over several
      sentences or rows, not enumerated in one;
    - a passage in a section whose heading names another requirement only, is that
      requirement's description ("I oppvekstforum møtes lederne …" under "Samhandling" is
      cooperation; it names organisation and services only in passing)."""
    requirement = req.requirement
    body = [
        (aspect, hit)
        for aspect, hit in unit.hits
        if hit.block != unit.heading and (hit.block, hit.sentence) not in intent
    ]
    shown = len({aspect for aspect, _ in body})
    if (
        unit.heading is not None
        and requirement.min_aspects >= BODY_ASPECTS
        and (shown < BODY_ASPECTS)
    ):
        return Reason.FEW_ASPECTS
    sentences = {(hit.block, hit.sentence) for _, hit in body}
    joint = requirement.min_aspects <= len(requirement.require_aspects)
    """A requirement defined by its aspects meeting ("uenighet" + a leader + "avgjør") is
    described by one sentence where they all meet."""
    if len(sentences) <= 1 and not joint and unit.statements < STATEMENTS_FOR_DESCRIPTION:
        short = not sentences or _words(analysis, *min(sentences)) < SHORT_SENTENCE
        if short and shown <= requirement.min_aspects:
            return Reason.PASSING_MENTION
    if requirement.min_aspects >= MANY_ASPECTS:
        spread = {(h.block, h.sentence) for a, h in body if a != req.topic}
        if len(spread) < SPREAD_STATEMENTS:
            return Reason.FEW_ASPECTS
    if (
        unit.heading is None
        and not joint
        and _foreign_section(analysis, unit.blocks[0], requirement.id)
    ):
        # (a requirement defined by its aspects meeting is described wherever they meet: a
        # dispute rule is often one sentence in a chapter on cooperation)
        return Reason.PASSING_MENTION
    return None


def _words(analysis: Analysis, block: int, sentence: int) -> int:
    text = analysis.by_index[block]
    first, last = text.sentences.get(sentence, (0, -1))
    return last - first + 1


def _foreign_section(analysis: Analysis, first: int, requirement: str) -> bool:
    """A unit starting at block `first` stands under a heading that names other requirements,
    not this one."""
    owners: dict[int, frozenset[str]] = analysis.derived.get("heading-owners", {})  # type: ignore[assignment]
    if not owners:
        return False
    heading = _nearest_heading(analysis).get(first)
    found = owners.get(heading) if heading is not None else None
    return bool(found) and requirement not in found


def _nearest_heading(analysis: Analysis) -> dict[int, int]:
    """Block → the heading directly above it (derived once per document)."""
    found = analysis.derived.get("nearest-heading")
    if found is None:
        found = {}
        current = None
        heading = BlockKind.HEADING  # (`Block.is_heading`, inline)
        for text in analysis.blocks:
            if text.block.kind is heading:
                current = text.index
            elif current is not None:
                found[text.index] = current
        analysis.derived["nearest-heading"] = found
    return found  # type: ignore[return-value]


def base_score(unit: Unit, scoring: Scoring) -> None:
    if unit.score < 0:
        unit.score = 0.0
        return
    aspects, minimum = len(unit.aspects), scoring.minimum
    required = scoring.required
    if unit.heading is None and scoring.topic not in unit.aspects:
        unit.score = 0.0
        return
    if required and not scoring.required_set <= unit.aspects:
        present = len(scoring.required_set & unit.aspects)
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
        if unit.score < scoring.covered + 0.02:
            unit.score = scoring.covered + 0.02
    elif aspects == 1:
        unit.score = 0.3
        unit.reasons.add(Reason.PASSING_MENTION)
    else:
        unit.score = 0.35 + 0.15 * (aspects - 1) / max(minimum - 1, 1)
        unit.reasons.add(Reason.FEW_ASPECTS)


class _PerBlock(dict):
    """Block → a fact about its valid hits, derived on first look-up by `derive` (a plain
    dict look-up afterwards: asked for every block of every passage)."""

    __slots__ = ("_derive",)

    def __init__(self, derive: Callable[[int], Any], known: dict[int, Any] | None = None) -> None:
        super().__init__(known or {})
        self._derive = derive

    def __missing__(self, block: int) -> Any:
        found = self[block] = self._derive(block)
        return found


def _no_aspects(block: int) -> int:
    """The mask of a block without a valid hit."""
    return 0


def aspect_bits(req: CompiledRequirement) -> dict[str, int]:
    """Aspect → its bit in a mask of aspects (in the requirement's order; derived once per
    requirement: `CompiledRequirement.bits`, never changed)."""
    return req.bits


class _Body(NamedTuple):
    """What `_structure`, `_firm` and `_thin` read of one block's hits outside statements
    of intent."""

    firm: int
    """Aspect mask."""
    count: int
    """Distinct sentences."""
    spread: int
    """Distinct sentences with a hit of another aspect than the topic."""
    first: int
    """The first of them (-1 for none)."""
    statements: int
    """Sentences where topic and actor meet (`_block_statements`; 0 without a pair)."""


class BlockFacts:
    """One requirement's valid hits summarised per block, for scoring a passage from its
    blocks (`window_bases`, `window_score`) instead of building a `Unit` for each of the
    thousand or so windows of a long plan: a passage has no heading, so its aspects, firm
    aspects, sentences and statements are those of its blocks added up. Aspects are bit
    masks (in the requirement's order)."""

    __slots__ = (
        "_analysis",
        "_intent",
        "_intent_blocks",
        "_pair",
        "_requirement",
        "_topic",
        "bits",
        "bodies",
        "by_block",
        "foreign",
        "masks",
    )

    def __init__(
        self,
        analysis: Analysis,
        req: CompiledRequirement,
        by_block: dict[int, list[tuple[str, Hit]]],
        intent: set[tuple[int, int]],
        masks: dict[int, int],
    ) -> None:
        self._analysis = analysis
        self._requirement = req.requirement.id
        self.by_block = by_block
        self.bits = req.bits
        self._intent = intent
        self._intent_blocks = intent_blocks(analysis, intent)
        self._topic = req.topic
        self._pair = req.pair
        self.masks = _PerBlock(_no_aspects, masks)
        """Block → the aspect mask of its valid hits."""
        self.bodies = _PerBlock(self._body)
        """Block → its `_Body`."""
        self.foreign = _PerBlock(self._foreign)
        """Block → whether a unit starting there stands under a heading that names other
        requirements only (`_foreign_section`)."""

    def aspects(self, mask: int) -> frozenset[str]:
        """The aspects of a mask."""
        return frozenset(aspect for aspect, bit in self.bits.items() if mask & bit)

    def _body(self, block: int) -> _Body:
        pairs = self.by_block.get(block)
        if pairs is None:
            return _NO_BODY
        topic = self._topic
        if block in self._intent_blocks:
            intent = self._intent
            pairs = [pair for pair in pairs if (block, pair[1].sentence) not in intent]
            if not pairs:
                return _NO_BODY
            bits = self.bits
            firm = 0
            for aspect, _ in pairs:
                firm |= bits[aspect]
        else:
            firm = self.masks[block]  # (the aspects of all its valid hits)
        if len(pairs) == 1:
            aspect, hit = pairs[0]
            pair = self._pair
            meet = pair is not None and aspect == pair[0] == pair[1]
            return _Body(firm, 1, int(aspect != topic), hit.sentence, int(meet))
        sentences = {hit.sentence for _, hit in pairs}
        spread = {hit.sentence for aspect, hit in pairs if aspect != topic}
        statements = 0
        if self._pair is not None:
            # `_block_statements`: the sentences where topic and actor meet
            first, second = self._pair
            with_first = {hit.sentence for aspect, hit in pairs if aspect == first}
            if with_first:
                with_second = {hit.sentence for aspect, hit in pairs if aspect == second}
                statements = len(with_first & with_second)
        return _Body(firm, len(sentences), len(spread), min(sentences), statements)

    def _foreign(self, block: int) -> bool:
        return _foreign_section(self._analysis, block, self._requirement)


_NO_BODY = _Body(0, 0, 0, -1, 0)
"""The `_Body` of a block without valid hits (outside intent)."""


def intent_blocks(analysis: Analysis, intent: set[tuple[int, int]]) -> frozenset[int]:
    """The blocks with a statement of intent (derived once per document)."""
    found = analysis.derived.get("intent-blocks")
    if found is None:
        found = analysis.derived["intent-blocks"] = frozenset(block for block, _ in intent)
    return found  # type: ignore[return-value]


class WindowBase(NamedTuple):
    """What a passage's blocks give its score before its structure is weighed."""

    score: float
    """`base_score`."""
    bound: float
    """The highest score weighing the structure can give (`_window_structure` either keeps
    the base score, lifts a structured one below covered to covered + 0.05, or caps a
    covered one at PARTIAL_CAP)."""
    weighed: bool
    """Whether the structure is weighed at all (else the score is the base score)."""


def window_bases(windows: list[tuple[int, ...]], scoring: Scoring) -> list[WindowBase]:
    """The `WindowBase` of each passage (no heading) over these blocks, from per-block facts.
    It depends only on the aspects shown and the number of blocks; a window that extends the
    one before it (windows from one start are in order of length) extends its mask. The
    structure is weighed (`window_score`) only for the passages a verdict reads."""
    mask_of = scoring.facts.masks.get  # (a block without valid hits: no aspects)
    bases = scoring.bases
    found: list[WindowBase] = []
    append = found.append
    start, length, mask = -1, 0, 0
    for blocks in windows:
        count = len(blocks)
        first = blocks[0]
        if first == start and count == length + 1:
            mask |= mask_of(blocks[-1], 0)
        elif count == 1:
            mask = mask_of(first, 0)
        else:
            mask = 0
            for block in blocks:
                mask |= mask_of(block, 0)
        start, length = first, count
        by_mask = bases[count]
        base = by_mask.get(mask)
        if base is None:
            base = by_mask[mask] = _window_base_of(mask, count, scoring)
        append(base)
    return found


def window_score(blocks: tuple[int, ...], base: WindowBase, scoring: Scoring) -> float:
    """`score_unit` of a passage (no heading) over these blocks, whose `WindowBase` is
    `base`."""
    return _window_structure(blocks, base.score, scoring) if base.weighed else base.score


def _window_base_of(mask: int, count: int, scoring: Scoring) -> WindowBase:
    """The `WindowBase` of a passage of `count` blocks showing the aspects of `mask` (its
    bound follows `_window_structure`'s outcomes: the structure is weighed exactly where
    `score_unit` goes past `base_score` for a passage)."""
    score = _window_base(mask, count, scoring)
    covered = scoring.covered
    if score <= 0 or (scoring.pair is None and score < covered):
        return WindowBase(score, score, False)
    if score < covered:
        return WindowBase(score, covered + 0.05, True)
    return WindowBase(score, max(score, PARTIAL_CAP), True)


def _window_base(mask: int, count: int, scoring: Scoring) -> float:
    """`base_score` of a passage of `count` blocks showing the aspects of `mask` (it depends
    on nothing else), by scoring a stand-in unit."""
    stand_in = Unit(tuple(range(count)), scoring.facts.aspects(mask), [])
    base_score(stand_in, scoring)
    return stand_in.score


def _window_structure(blocks: tuple[int, ...], score: float, scoring: Scoring) -> float:
    """`score_unit` of a passage with a positive base score, after `base_score`: its
    `_structure`, `_firm` and `_thin` (which reads the hits outside intent, the same that
    `_firm` keeps of a passage) from the blocks' `_Body`s (unpacked, summed in one pass: a
    long plan has thousands of such passages per requirement)."""
    bodies = scoring.facts.bodies
    covered = scoring.covered
    firm = sentences = spread = statements = 0
    lone = -1
    """The block of the first body with a sentence, and that sentence."""
    lone_sentence = -1
    for block in blocks:
        body_firm, count, body_spread, first, body_statements = bodies[block]
        if count:
            if lone < 0:
                lone, lone_sentence = block, first
            firm |= body_firm
            sentences += count
            spread += body_spread
            statements += body_statements  # (0 without a pair: see `BlockFacts._body`)
    if scoring.pair is not None:
        # `_structure`'s max(sentences, rows): every row counted holds at least one
        # statement, so the sentences are never fewer than the rows
        if scoring.headers:
            statements += _keyed_rows(blocks, scoring)
        if statements >= STATEMENTS_FOR_DESCRIPTION and score < covered:
            return covered + 0.05
    if score < covered:
        return score
    shown = firm.bit_count()
    if shown < scoring.minimum and statements < STATEMENTS_FOR_DESCRIPTION:
        return PARTIAL_CAP
    if scoring.pair is not None and statements == 0:
        return PARTIAL_CAP
    requirement = scoring.req.requirement
    if requirement.scope == "document":
        return score
    minimum = requirement.min_aspects
    joint = minimum <= len(requirement.require_aspects)
    if sentences <= 1 and not joint and statements < STATEMENTS_FOR_DESCRIPTION:
        short = True
        if sentences == 1:
            short = _words(scoring.analysis, lone, lone_sentence) < SHORT_SENTENCE
        if short and shown <= minimum:
            return PARTIAL_CAP
    if minimum >= MANY_ASPECTS and spread < SPREAD_STATEMENTS:
        return PARTIAL_CAP
    if not joint and scoring.facts.foreign[blocks[0]]:
        return PARTIAL_CAP
    return score
