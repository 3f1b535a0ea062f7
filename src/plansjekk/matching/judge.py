"""Judging one requirement: filter hits, score units, pick the verdict and its evidence.

A hit is evidence only when it is not negated, not in an echo of the law, an instruction or
a placeholder, and not in a sentence with an `exclude` context. Units are scored by how
many distinct aspects they show (a description names several aspects; a mention names the
topic once). A unit counts only when it names the topic: its heading matches, or it
contains the requirement's first aspect (the topic words).

Beyond counting aspects, three kinds of structure decide whether a unit describes:
- statements of intent ("ønsker å styrke medvirkningen") show aspects but describe nothing
  done: a unit reaches `covered` only with enough aspects outside such sentences;
- when a requirement needs three aspects and names exactly two as required (topic + actor,
  e.g. responsibility + a named service), they must meet in one sentence or table row
  ("Helsestasjonen har ansvar for …") for a passage to describe; several such statements
  are a description even without further aspects;
- a table whose header names the topic in a column ("Teneste | Ansvar") and whose rows are
  keyed by the actor (a named service in the first cell) is a description row by row.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from plansjekk.documents.model import BlockKind
from plansjekk.findings import Reason
from plansjekk.matching.analysis import Analysis, BlockText, Hit
from plansjekk.matching.compiled import CompiledRequirement
from plansjekk.matching.passages import INVENTORY, PASSAGE, SECTION, Ranked, Windows
from plansjekk.matching.scoring import (
    MANY_ASPECTS,
    Scoring,
    Unit,
    intent_blocks,
    intent_sentences,
    pattern_key,
    score_unit,
)
from plansjekk.matching.sections import (
    Section,
    first_passage,
    heading_blocks,
    passages,
    section_label,
)

FRONT_BLOCKS = 15
"""A negative signal ("høringsutkast") counts on the front page / first blocks or in a heading."""
INVENTORY_SERVICES = 5
"""Distinct services, each the subject of its own sentence, row or sub-heading under one
heading, that make an inventory of the services' offer (a requirement of many aspects)."""
SUBJECT_TOKENS = 3
"""A service named within a sentence's first tokens is its subject ("Helsestasjonen har …")."""
INVENTORY_SCORE = 0.75
RECORD_CONTEXT = 3
"""Body blocks before a decision that may hold its date or case number (a record's header)."""


@dataclass(slots=True)
class Judgement:
    score: float
    units: Sequence[Unit]
    """The units scoring above 0, in evidence order (`passages.Ranked`)."""
    reasons: set[Reason]
    aspects_found: tuple[str, ...]
    sections_weighed: tuple[str, ...]
    suggested_section: str | None
    """Where to write the description; None for a covered requirement (nothing to write)."""
    deprecated_found: bool = False
    borderline: bool = False
    """The verdict hangs on a structural judgement a person should confirm."""


class _Exclusions:
    """Where a set of `exclude` patterns hits: (block, sentence) → the first tokens of its
    hits. Whether a requirement's hit shares a clause with one is decided from the words
    between the two (`clauses.same_clause`), only for a hit in the same sentence (a clause
    never spans sentences): most blocks with an `exclude` hit hold no hit of the requirement
    there, and numbering every clause of a long block would cost more. Derived once per
    document and set of patterns, for every requirement that shares them."""

    __slots__ = ("_analysis", "_known", "_tokens", "blocks")

    def __init__(self, analysis: Analysis, patterns: tuple) -> None:
        self._analysis = analysis
        tokens: dict[tuple[int, int], list[int]] = {}
        for pattern in patterns:
            for hit in analysis.hits(pattern):
                tokens.setdefault((hit.block, hit.sentence), []).append(hit.first_token)
        self._tokens = tokens
        self.blocks: frozenset[int] = frozenset(block for block, _ in tokens)
        """The blocks with an `exclude` hit."""
        self._known: dict[tuple[int, int, int], bool] = {}
        """(block, sentence, first token) → `covers` (overlapping patterns of a requirement
        hit the same words; a clause test walks the words between)."""

    @classmethod
    def of(cls, analysis: Analysis, patterns: tuple) -> _Exclusions:
        key = ("exclusions", pattern_key(patterns))
        found = analysis.derived.get(key)
        if found is None:
            found = analysis.derived[key] = cls(analysis, patterns)
        return found  # type: ignore[return-value]

    def covers(self, hit: Hit) -> bool:
        """True when the hit lies in a clause that holds an `exclude` hit."""
        others = self._tokens.get((hit.block, hit.sentence))
        return others is not None and self._covers(hit, others)

    def covered(self, hits: list[Hit], numbers: list[int]) -> Iterator[int]:
        """The numbers, among `numbers`, of the hits that `covers`: only a hit in a sentence
        with an `exclude` hit is looked at (found with C-level maps)."""
        chosen = [hits[number] for number in numbers]
        places = map(self._tokens.get, map(_SENTENCE, chosen))
        for number, hit, others in zip(numbers, chosen, places, strict=True):
            if others is not None and self._covers(hit, others):
                yield number

    def _covers(self, hit: Hit, others: list[int]) -> bool:
        """`covers`, given the first tokens of the `exclude` hits in the hit's sentence."""
        first = hit.first_token
        if first in others:  # the same word ("viser" in "viser at")
            return True
        key = (hit.block, hit.sentence, first)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = self._same_clause(hit, others)
        return found

    def _same_clause(self, hit: Hit, others: list[int]) -> bool:
        first = hit.first_token
        text = self._analysis.by_index[hit.block]
        # whether the two tokens have the same clause number, a token outside the block (a
        # hit that does not start at a word) having -1
        count = text.word_count
        if not 0 <= first < count:
            return any(not 0 <= other < count for other in others)
        if len(others) == 1:  # (most often: one `exclude` hit in the sentence)
            other = others[0]
            return 0 <= other < count and text.same_clause(first, other)
        same = text.same_clause
        return any(0 <= other < count and same(first, other) for other in others)


_SENTENCE = operator.itemgetter(0, 1)
"""A `Hit`'s (block, sentence)."""


class _Voided(NamedTuple):
    """The hits of one list that are not evidence, with why, summarised for `HitFilter`."""

    pairs: list[tuple[Hit, Reason]]
    blocks: frozenset[int]
    reasons: frozenset[Reason]

    @classmethod
    def of(cls, pairs: list[tuple[Hit, Reason]]) -> _Voided:
        return cls(
            pairs,
            frozenset([hit.block for hit, _ in pairs]),
            frozenset([reason for _, reason in pairs]),
        )


_NOTHING_VOIDED = _Voided([], frozenset(), frozenset())


class _Sorted(NamedTuple):
    """One hit list sorted by `HitFilter` without the `exclude` check, shared by every
    requirement that asks for the list with the same echo setting."""

    hits: list[Hit]
    kept: list[Hit]
    """The valid hits, in list order (the hit list itself when all are valid)."""
    voided: _Voided
    reasons: list[Reason | None]
    """Per hit, why it is voided (None: valid)."""
    blocks: list[int]
    """Per hit, its block (to find the hits in blocks with an `exclude` hit at C speed)."""
    kept_blocks: list[int]
    """Per valid hit, its block (`_valid_hits` groups the hits by block from it)."""


class HitFilter:
    """Sorts a requirement's hits into valid ones and the reasons others were voided."""

    def __init__(self, analysis: Analysis, req: CompiledRequirement) -> None:
        self.analysis = analysis
        self.use_echo = req.requirement.scope != "document"
        self.signals: dict[tuple[int, int, int, int], _Signals] = analysis.derived.setdefault(
            "signals", {}
        )  # type: ignore[assignment]
        self._sorted: dict[int, _Sorted] = analysis.derived.setdefault(
            ("sorted", self.use_echo), {}
        )  # type: ignore[assignment]
        """id(hit list) → the list sorted (for this echo setting, once per document)."""
        self.exclusions = _Exclusions.of(analysis, req.exclude)
        self.excluded_blocks = self.exclusions.blocks
        self.voided: set[Reason] = set()
        """Why hits of the topic (the requirement's own words) were voided."""
        self.recording_topic = False
        self.voided_blocks: set[int] = set()
        self._voided_lists: list[list[tuple[Hit, Reason]]] = []
        """Every voided hit `valid` met (read only to explain an empty section body)."""

    def why_void(self, hit: Hit) -> Reason | None:
        key = (hit.block, hit.sentence, hit.first_token, hit.last_token)
        signals = self.signals.get(key)
        if signals is None:
            signals = _signals(self.analysis, hit)
            self.signals[key] = signals
        negated, with_echo, without_echo = signals
        if negated:
            return Reason.NEGATED
        if hit.block in self.excluded_blocks and self.exclusions.covers(hit):
            return Reason.UNRELATED_SENSE
        return with_echo if self.use_echo else without_echo

    def valid(self, hits: list[Hit]) -> list[Hit]:
        """The hits that are evidence; records why the others were voided. The verdict
        without `exclude` depends only on the hit and the echo setting, so it is sorted
        once per hit list and setting for every requirement (the list returned is shared:
        never changed in place)."""
        return self.valid_blocks(hits)[0]

    def valid_blocks(self, hits: list[Hit]) -> tuple[list[Hit], list[int]]:
        """`valid`, and the block of each valid hit."""
        if not hits:
            return [], []
        cached = self._sorted.get(id(hits))
        if cached is None or cached.hits is not hits:
            cached = self._sorted[id(hits)] = _sort(self.analysis, hits, self.use_echo)
        kept, blocks, summary = cached.kept, cached.kept_blocks, cached.voided
        excluded = self.excluded_blocks
        if excluded and not excluded.isdisjoint(cached.blocks):
            kept, blocks, summary = self._without_excluded(cached)
        if summary.pairs:
            self._record(summary)
        return kept, blocks

    def _without_excluded(self, cached: _Sorted) -> tuple[list[Hit], list[int], _Voided]:
        """`valid` for a list with hits in a block with an `exclude` hit: only those hits are
        checked (a hit in the clause of an `exclude` hit, not negated, is voided as
        unrelated); the list sorted without the check is kept when none is."""
        hits, reasons = cached.hits, cached.reasons
        negated = Reason.NEGATED
        candidates = [
            number
            for number in itertools.compress(
                range(len(hits)), map(self.excluded_blocks.__contains__, cached.blocks)
            )
            if reasons[number] is not negated
        ]
        changed = dict.fromkeys(self.exclusions.covered(hits, candidates), Reason.UNRELATED_SENSE)
        if not changed:
            return cached.kept, cached.kept_blocks, cached.voided
        reasons = list(reasons)
        for number, reason in changed.items():
            reasons[number] = reason
        return _split(hits, reasons, cached.blocks)

    def _record(self, summary: _Voided) -> None:
        if self.recording_topic:
            self.voided |= summary.reasons
        self.voided_blocks |= summary.blocks
        self._voided_lists.append(summary.pairs)

    @property
    def voided_by_block(self) -> dict[int, list[Reason]]:
        """Block → why each of its hits met by `valid` was voided."""
        found: dict[int, list[Reason]] = defaultdict(list)
        for pairs in self._voided_lists:
            for hit, reason in pairs:
                found[hit.block].append(reason)
        return found


def _sort(analysis: Analysis, hits: list[Hit], use_echo: bool) -> _Sorted:
    blocks = list(map(_BLOCK, hits))
    reasons = _base_reasons(analysis, hits, use_echo, blocks)
    kept, kept_blocks, voided = _split(hits, reasons, blocks)
    return _Sorted(hits, kept, voided, reasons, blocks, kept_blocks)


def _split(
    hits: list[Hit], reasons: list[Reason | None], blocks: list[int]
) -> tuple[list[Hit], list[int], _Voided]:
    """The valid hits and their blocks (the lists themselves when all are valid: shared),
    and the voided hits."""
    if reasons.count(None) == len(reasons):
        return hits, blocks, _NOTHING_VOIDED
    kept = [hit for hit, reason in zip(hits, reasons, strict=True) if reason is None]
    kept_blocks = [block for block, reason in zip(blocks, reasons, strict=True) if reason is None]
    voided = [
        (hit, reason) for hit, reason in zip(hits, reasons, strict=True) if reason is not None
    ]
    return kept, kept_blocks, _Voided.of(voided) if voided else _NOTHING_VOIDED


_Signals = tuple[bool, Reason | None, Reason | None]
"""A hit's requirement-independent void signals: negated, and the reason it is voided after
the `exclude` check with and without echo of the law (see `HitFilter.why_void`)."""


def _base_reasons(
    analysis: Analysis, hits: list[Hit], use_echo: bool, blocks: list[int]
) -> list[Reason | None]:
    """`HitFilter.why_void` of every hit without the `exclude` check (`_signals` inlined
    for a long list). `blocks`: each hit's block. A hit in a block where nothing can void it
    is valid; only the others are looked at (found by a C-level filter: most hits of a long
    plan lie in such blocks)."""
    by_index = analysis.by_index
    clean = _clean_blocks(analysis)
    echo_reason = Reason.ECHO_OF_LAW if use_echo else None
    reasons: list[Reason | None] = [None] * len(hits)
    if clean.issuperset(blocks):
        return reasons
    unclean = map(operator.not_, map(clean.__contains__, blocks))
    for number in itertools.compress(range(len(hits)), unclean):
        hit = hits[number]
        text = by_index[hit.block]
        first, last = hit.first_token, hit.last_token
        negated = text.negated
        if negated[first] if first == last else any(negated[first : last + 1]):
            reasons[number] = Reason.NEGATED
            continue
        sentence = hit.sentence
        if sentence in text.placeholders:
            reasons[number] = Reason.PLACEHOLDER
        elif sentence in text.instructions:
            reasons[number] = Reason.ECHO_OF_LAW
        elif sentence in text.echo and first < text.echo_until.get(sentence, first + 1):
            reasons[number] = echo_reason
    return reasons


def _clean_blocks(analysis: Analysis) -> frozenset[int]:
    """Blocks where no hit can be voided by its location: no negator, placeholder,
    instruction or echo (derived once the echoes are marked, i.e. when judging starts)."""
    found = analysis.derived.get("clean")
    if found is None:
        found = frozenset(
            text.index
            for text in analysis.blocks
            if not (text.placeholders or text.echo or text.instructions) and text.without_negator
        )
        analysis.derived["clean"] = found
    return found  # type: ignore[return-value]


def _signals(analysis: Analysis, hit: Hit) -> _Signals:
    """Derived once per hit location for all requirements (echoes are marked by then)."""
    text = analysis.by_index[hit.block]
    negated = any(text.negated[hit.first_token : hit.last_token + 1])
    if hit.sentence in text.placeholders:
        return negated, Reason.PLACEHOLDER, Reason.PLACEHOLDER
    if hit.sentence in text.instructions:
        return negated, Reason.ECHO_OF_LAW, Reason.ECHO_OF_LAW
    if hit.sentence in text.echo and hit.first_token < text.echo_until.get(
        hit.sentence, hit.first_token + 1
    ):
        return negated, Reason.ECHO_OF_LAW, None
    return negated, None, None


class _Valid(NamedTuple):
    """A requirement's valid hits (`_valid_hits`)."""

    by_block: dict[int, list[tuple[str, Hit]]]
    """(aspect, hit) by block; within a block, by aspect, pattern and position."""
    topic_blocks: set[int]
    """The blocks with a valid hit of the topic."""
    masks: dict[int, int]
    """Block → the aspects of its valid hits as a mask (`scoring.aspect_bits`)."""


def _valid_hits(analysis: Analysis, req: CompiledRequirement, hit_filter: HitFilter) -> _Valid:
    """The valid hits of every aspect, by block (a pattern without hits is skipped: most
    of a requirement's patterns have none in a given plan)."""
    by_block: dict[int, list[tuple[str, Hit]]] = {}
    topic_blocks: set[int] = set()
    masks: dict[int, int] = {}
    get, mask_of = by_block.get, masks.get
    hits_of, valid = analysis.hits, hit_filter.valid_blocks
    bits, topic = req.bits, req.topic
    for aspect_id, patterns in req.aspects:
        topical = aspect_id == topic
        hit_filter.recording_topic = topical
        blocks: set[int] = set()
        for pattern in patterns:
            hits = hits_of(pattern)
            if not hits:
                continue
            kept, keys = valid(hits)
            for block, hit in zip(keys, kept, strict=True):
                pairs = get(block)
                if pairs is None:
                    by_block[block] = [(aspect_id, hit)]
                else:
                    pairs.append((aspect_id, hit))
            blocks.update(keys)
        if topical:
            topic_blocks |= blocks
        bit = bits[aspect_id]
        for block in blocks:
            masks[block] = mask_of(block, 0) | bit
    hit_filter.recording_topic = False
    return _Valid(by_block, topic_blocks, masks)


_BLOCK = operator.itemgetter(0)
"""A `Hit`'s block."""


def judge(analysis: Analysis, req: CompiledRequirement, sections: list[Section]) -> Judgement:
    requirement = req.requirement
    thresholds = requirement.thresholds
    hit_filter = HitFilter(analysis, req)
    by_block, topic_blocks, masks = _valid_hits(analysis, req, hit_filter)
    intent = intent_sentences(analysis)
    scoring = Scoring.of(analysis, req, intent, by_block, masks)
    fixed, windows = _candidates(analysis, req, sections, topic_blocks, hit_filter, scoring)
    best = _best(fixed, windows)
    score = best.score if best else 0.0
    reasons: set[Reason] = set(best.reasons) if best else set()
    score = _with_support(score, best, fixed, windows, req, analysis)
    deprecated = _deprecated(analysis, req, hit_filter)
    if deprecated and score < thresholds.partial + 0.1:
        score = thresholds.partial + 0.1
        reasons.add(Reason.DEPRECATED_ONLY)
    if req.negative and score >= thresholds.covered and _negative_signal(analysis, req, hit_filter):
        score = thresholds.covered - 0.1
        reasons.add(Reason.NEGATIVE_SIGNAL)
    if score < thresholds.covered:
        reasons |= hit_filter.voided
        if score < thresholds.partial and _only_toc(analysis, req):
            reasons.add(Reason.ONLY_TOC)
    weighed = sorted(hit_filter.voided_blocks.union(by_block))
    """The blocks with a hit of the requirement, valid or voided, in reading order."""
    final = round(min(max(score, 0.0), 1.0), 3)
    return Judgement(
        score=final,
        units=Ranked(fixed, windows, thresholds),
        reasons=reasons,
        aspects_found=tuple(a for a, _ in req.aspects if best and a in best.aspects),
        sections_weighed=_sections_weighed(analysis, weighed, [u for _, u in fixed]),
        suggested_section=_suggest(analysis, sections, by_block, weighed)
        if final < thresholds.covered
        else None,
        deprecated_found=deprecated and score < thresholds.covered,
        borderline=bool(best and best.capped and score < thresholds.covered),
    )


def _candidates(
    analysis: Analysis,
    req: CompiledRequirement,
    sections: list[Section],
    topic_blocks: set[int],
    hit_filter: HitFilter,
    scoring: Scoring,
) -> tuple[list[tuple[int, Unit]], Windows | None]:
    """The scored units to judge: (origin, unit) of the sections under a matching heading and
    the inventories, and the passages (as `Unit`s for a document-scope requirement, whose
    passages borrow their record's context; else as `Windows`, built only when read)."""
    requirement = req.requirement
    by_block = scoring.by_block
    # A passage without the topic scores 0 and is never evidence or support (partial > 0):
    # it matters only as the best of an all-zero field without sections, so such passages
    # are scored only when that happens.
    topical = requirement.thresholds.partial > 0 and req.topic is not None
    if requirement.scope == "document":
        units = _passage_units(analysis, by_block, topic_blocks if topical else None)
        _record_context(analysis, req, units, by_block, hit_filter.excluded_blocks)
        for unit in units:
            score_unit(unit, scoring)
        if topical and all(u.score <= 0 for u in units):
            units = _passage_units(analysis, by_block, first_only=True)
            for unit in units:
                score_unit(unit, scoring)
        return [(PASSAGE, unit) for unit in units], None
    fixed = [(SECTION, u) for u in _section_units(analysis, req, sections, by_block, hit_filter)]
    for _, unit in fixed:
        score_unit(unit, scoring)
    headings = _headings(analysis)
    windows = Windows.around(
        analysis, (topic_blocks if topical else by_block.keys()) - headings, scoring
    )
    if topical and not fixed and max(windows.bounds, default=0.0) <= 0:
        # Every passage scores 0 (one with the topic holds a topic block, so it was scored
        # above), so the verdict and evidence depend only on the first passage in order
        # (the best of an all-zero field): only that one is scored.
        windows = Windows(first_passage(analysis, by_block.keys() - headings), scoring)
    if requirement.min_aspects >= MANY_ASPECTS:
        inventory = _inventory_units(analysis, req, by_block, scoring.intent, scoring.facts.masks)
        fixed.extend((INVENTORY, unit) for unit in inventory)
    return fixed, windows


def _best(fixed: list[tuple[int, Unit]], windows: Windows | None) -> Unit | None:
    """The unit with the highest score; on a tie a section before a passage, then the
    earliest blocks, then sections before passages before inventories."""
    candidates = list(fixed)
    number = windows.best() if windows is not None else None
    if number is not None:
        assert windows is not None
        candidates.append((PASSAGE, windows.unit(number)))
    if not candidates:
        return None
    _, unit = min(candidates, key=lambda c: (-c[1].score, c[1].heading is None, c[1].blocks, c[0]))
    return unit


def _section_units(
    analysis: Analysis,
    req: CompiledRequirement,
    sections: list[Section],
    by_block: dict[int, list[tuple[str, Hit]]],
    hit_filter: HitFilter,
) -> list[Unit]:
    headings = heading_blocks(analysis)
    matching_headings = set()
    for pattern in req.headings:
        for hit in analysis.hits(pattern):
            if hit.block in headings and hit_filter.why_void(hit) is None:
                matching_headings.add(hit.block)
    units: list[Unit] = []
    if not matching_headings:
        return units
    for section in sections:
        if section.heading not in matching_headings:
            continue
        blocks = (section.heading, *section.body)
        hits = [pair for b in blocks for pair in by_block.get(b, ())]
        unit = Unit(blocks, {a for a, _ in hits}, hits, heading=section.heading)
        body_state = _body_state(analysis, section)
        if body_state is None:
            body_state = _voided_body(section, by_block, hit_filter)
        if body_state is not None:
            unit.reasons.add(body_state)
            unit.score = -1.0
        units.append(unit)
    return units


def _voided_body(
    section: Section, by_block: dict[int, list[tuple[str, Hit]]], hit_filter: HitFilter
) -> Reason | None:
    """The body speaks of the topic only in voided sentences ("Planen omhandler ikke
    samarbeidet …"), with no valid hit at all: the heading is all that is left."""
    if any(b in by_block for b in section.body):
        return None
    voided = [r for b, r in hit_filter.voided_by_block.items() if b in set(section.body)]
    if not voided:
        return None
    reasons = [r for found in voided for r in found]
    return _most_common(reasons)


def _body_state(analysis: Analysis, section: Section) -> Reason | None:
    """None when the body has content; else why not (empty, placeholder, echo, negated)."""
    kinds = []
    for index in section.body:
        text = analysis.by_index[index]
        for number, (first, last) in text.sentences.items():
            if number in text.placeholders:
                kinds.append(Reason.PLACEHOLDER)
            elif (number in text.echo and number not in text.echo_until) or (
                number in text.instructions
            ):
                kinds.append(Reason.ECHO_OF_LAW)
            elif all(text.negated[first : last + 1]):
                kinds.append(Reason.NEGATED)
            else:
                return None
    if not kinds:
        return Reason.NO_BODY
    return _most_common(kinds)


_BODY_PRIORITY = (Reason.PLACEHOLDER, Reason.NEGATED, Reason.ECHO_OF_LAW, Reason.UNRELATED_SENSE)
"""Which of equally frequent reasons names a voided body (never set order: a set of strings
iterates in an order that depends on the interpreter's hash seed)."""


def _most_common(reasons: list[Reason]) -> Reason:
    """The most frequent reason; ties go by `_BODY_PRIORITY`, then by name."""

    def rank(reason: Reason) -> tuple[int, int, str]:
        place = _BODY_PRIORITY.index(reason) if reason in _BODY_PRIORITY else len(_BODY_PRIORITY)
        return (-reasons.count(reason), place, str(reason))

    return min(dict.fromkeys(reasons), key=rank)


def _passage_units(
    analysis: Analysis,
    by_block: dict[int, list[tuple[str, Hit]]],
    topic_blocks: set[int] | None = None,
    first_only: bool = False,
) -> list[Unit]:
    """The passages around the blocks with hits (around `topic_blocks`, those with topic
    hits, when given); only the first in order with `first_only`.

    A block's aspects and hits are shared by every window holding it, and a window longer
    than one block extends the window before it in order (the windows from one start are
    its prefixes, `sections.passages`), so each window costs one union and one
    concatenation. A one-block passage shares its block's hit list and aspect set (units
    never change them in place: `_record_context` replaces them)."""
    headings = _headings(analysis)
    with_hits = (topic_blocks if topic_blocks is not None else by_block.keys()) - headings
    found = first_passage(analysis, with_hits) if first_only else passages(analysis, with_hits)
    get = by_block.get
    empty: list[tuple[str, Hit]] = []
    aspects_of: dict[int, frozenset[str]] = {}
    units = []
    add = units.append
    previous: Unit | None = None
    for blocks in found:
        last = blocks[-1]
        aspects = aspects_of.get(last)
        if aspects is None:
            aspects = aspects_of[last] = frozenset([a for a, _ in get(last, empty)])
        if len(blocks) == 1:
            unit = Unit(blocks, aspects, get(last, empty))
        elif previous is not None and previous.blocks == blocks[:-1]:
            unit = Unit(blocks, previous.aspects | aspects, previous.hits + get(last, empty))
        else:  # its shorter prefix holds no hit block, so it is no passage of its own
            unit = _window_unit(blocks, by_block)
        add(unit)
        previous = unit
    return units


def _window_unit(blocks: tuple[int, ...], by_block: dict[int, list[tuple[str, Hit]]]) -> Unit:
    hits = [pair for b in blocks for pair in by_block.get(b, ())]
    return Unit(blocks, frozenset([a for a, _ in hits]), hits)


def _record_context(
    analysis: Analysis,
    req: CompiledRequirement,
    units: list[Unit],
    by_block: dict[int, list[tuple[str, Hit]]],
    excluded: set[int],
) -> None:
    """A record states its date and case number once, in its heading or header line, and the
    decision below it ("Saksprotokoll i Kommunestyret – 19.02.2025" / "Kommunestyret vedtok
    enstemmig: …"; "Kvitsund kommunestyre, møte 13.02.2025, sak 4/25: …" / "Kommunestyret
    vedtok samrøystes …"). A passage that itself shows all but one of a document-level
    requirement's aspects (at least two) takes the missing ones from its section's heading and
    the body blocks just before it in the same section. A block with an excluded context
    (formannskapets innstilling, høring) is another body's record and lends nothing."""
    requirement = req.requirement
    wanted = set(requirement.require_aspects) or {a for a, _ in req.aspects}
    if requirement.min_aspects < 3:
        return
    ordered = analysis.blocks
    position = analysis.position
    for unit in units:
        own = unit.aspects & wanted
        missing = wanted - unit.aspects
        if len(own) < 2 or len(own) < requirement.min_aspects - 1 or not missing:
            continue
        place = position.get(unit.blocks[0])
        if place is None:
            continue
        section = ordered[place].block.section
        borrowed: list[tuple[str, Hit]] = []
        for back in range(place - 1, max(place - RECORD_CONTEXT - 1, -1), -1):
            block = ordered[back]
            if block.block.in_toc:
                break
            if block.block.is_heading:
                if section and block.block.text == section[-1] and block.index not in excluded:
                    borrowed.extend(p for p in by_block.get(block.index, ()) if p[0] in missing)
                break
            if block.block.section != section:
                break
            if block.index in excluded:
                continue
            borrowed.extend(p for p in by_block.get(block.index, ()) if p[0] in missing)
        if borrowed:
            unit.hits = unit.hits + borrowed
            unit.aspects = unit.aspects | {a for a, _ in borrowed}


_headings = heading_blocks
"""The indices of the heading blocks (derived once per document)."""


def mark_heading_owners(analysis: Analysis, requirements) -> None:
    """Which requirements' headings each heading names (not negated), for all requirements
    at once: a passage under a heading owned by others only describes those others. An
    inventory requirement (many aspects: the services and their offer) owns no heading: its
    heading words ("Tjenestenes bidrag", "Oppgåvene til tenestene") name the whole field every
    requirement speaks of, not a topic."""
    owners: dict[int, set[str]] = defaultdict(set)
    for req in requirements:
        if req.requirement.scope == "document" or req.requirement.min_aspects >= MANY_ASPECTS:
            continue
        for pattern in req.headings:
            for hit in analysis.hits(pattern):
                text = analysis.by_index[hit.block]
                if text.block.is_heading and not any(
                    text.negated[hit.first_token : hit.last_token + 1]
                ):
                    owners[hit.block].add(req.requirement.id)
    analysis.derived["heading-owners"] = {b: frozenset(ids) for b, ids in owners.items()}


def _with_support(
    score: float,
    best: Unit | None,
    fixed: list[tuple[int, Unit]],
    windows: Windows | None,
    req: CompiledRequirement,
    analysis: Analysis,
) -> float:
    """A small bonus for independent supporting passages, never lifting a partial to covered.
    The bonus is 0.03 per other section a supporting unit is labelled with, at most 0.1: four
    sections reach it, so the passages after the fourth are not read."""
    thresholds = req.requirement.thresholds
    if score < thresholds.covered or best is None:
        return score
    best_section = section_label(analysis, best.label_block)
    disjoint = set(best.blocks).isdisjoint
    partial = thresholds.partial
    others = {
        section_label(analysis, u.label_block)
        for _, u in fixed
        if u.score >= partial and disjoint(u.blocks)
    }
    others.discard(best_section)
    if windows is not None and len(others) < _FULL_SUPPORT:
        labels = _labels(analysis)  # a passage's label block is its first
        get = labels.get
        every = windows.blocks
        # a passage is weighed only if it can reach `partial` and would add a section
        for number in itertools.compress(range(len(every)), map(partial.__le__, windows.bounds)):
            blocks = every[number]
            if not disjoint(blocks):
                continue
            label = get(blocks[0])
            if label != best_section and label not in others and windows.score(number) >= partial:
                others.add(label)
                if len(others) >= _FULL_SUPPORT:
                    break
    return min(1.0, score + min(0.1, 0.03 * len(others)))


_FULL_SUPPORT = 4
"""Other sections that give `_with_support`'s largest bonus (4 × 0.03 > 0.1)."""


def _deprecated(analysis: Analysis, req: CompiledRequirement, hit_filter: HitFilter) -> bool:
    return any(hit_filter.why_void(h) is None for p in req.deprecated for h in analysis.hits(p))


def _negative_signal(analysis: Analysis, req: CompiledRequirement, hit_filter: HitFilter) -> bool:
    """A draft declares itself on the front page, in a heading or in the title."""
    front = {t.index for t in analysis.blocks[:FRONT_BLOCKS]}
    for pattern in req.negative:
        for hit in analysis.hits(pattern):
            text = analysis.by_index[hit.block]
            in_front = hit.block in front or text.block.page == 1 or text.block.is_heading
            if (
                in_front
                and not any(text.negated[hit.first_token : hit.last_token + 1])
                and not _past_step(text, hit)
            ):
                return True
    title = analysis.document.title or ""
    return any(True for p in req.negative for _ in p.finditer(title.lower()))


_PAST_STEP = frozenset(
    [
        "har",
        "hadde",
        "vært",
        "vore",
        "var",
        "ble",
        "blei",
        "vart",
        "etter",
        "gjennomført",
        "behandlet",
        "behandla",
        "handsama",
        "handsamt",
        "drøftet",
        "drøfta",
    ]
)
"""Words that make a hearing a step already taken ("Planen har vore på høyring", "vedteken
etter offentleg ettersyn"), not the state of the document."""


def _past_step(text, hit: Hit) -> bool:
    """The sentence around a draft signal tells of the process in the past tense."""
    first, last = text.sentences.get(hit.sentence, (0, -1))
    return not _PAST_STEP.isdisjoint(text.tokens.words[first : last + 1]) and not (
        text.block.is_heading
    )


def _only_toc(analysis: Analysis, req: CompiledRequirement) -> bool:
    patterns = [*req.headings, *(req.aspects[0][1] if req.aspects else ())]
    return any(analysis.toc_hits(p) for p in patterns)


def _sections_weighed(analysis: Analysis, weighed: list[int], units: list[Unit]) -> tuple[str, ...]:
    """The first twelve sections, in reading order, holding a hit (valid or voided) or
    heading a unit (`weighed`: the blocks with a hit, in order)."""
    headings = {u.heading for u in units if u.heading is not None}
    blocks = sorted(headings.union(weighed)) if headings else weighed
    labels = _labels(analysis)
    found: dict[str, None] = {}
    for block in blocks:
        label = labels.get(block)
        if label and label not in found:
            found[label] = None
            if len(found) == 12:
                break
    return tuple(found)


def _labels(analysis: Analysis) -> dict[int, str | None]:
    """`section_label` of every block (derived once per document; a block not in the map
    has none)."""
    found = analysis.derived.get("labels")
    if found is None:
        found = {}
        heading = BlockKind.HEADING  # (`Block.is_heading`, inline)
        for text in analysis.blocks:  # (`sections._section_label`, in one pass)
            block = text.block
            if block.kind is heading:
                found[text.index] = block.text.strip()
            else:
                found[text.index] = block.section[-1].strip() if block.section else None
        analysis.derived["labels"] = found
    return found  # type: ignore[return-value]


def _suggest(
    analysis: Analysis,
    sections: list[Section],
    by_block: dict[int, list[tuple[str, Hit]]],
    weighed: list[int],
) -> str | None:
    """The heading whose section holds most of the requirement's hits (valid or voided), else
    the first top-level heading."""
    title = _title_heading(analysis, sections)
    counts: dict[str, int] = defaultdict(int)
    labels = _labels(analysis)
    get = by_block.get
    for block in weighed:
        label = labels.get(block)
        if label and label != title:
            counts[label] += len(get(block, ())) or 1
    if counts:
        return max(counts, key=lambda k: counts[k])  # first in reading order on a tie
    top = [s for s in sections if s.level == 1 and s.title != title]
    return top[0].title if top else None


def _title_heading(analysis: Analysis, sections: list[Section]) -> str | None:
    """The document's own title when its first heading is one: above every other heading, or
    naming the plan ("Plan for førebygging … 2024–2028"). Never a place to write into: with
    no other section, a new chapter is needed. (Derived once per document and sections.)"""
    found = analysis.derived.get("title-heading")
    if found is None or found[0] is not sections:  # type: ignore[index]
        found = (sections, _find_title_heading(analysis, sections))
        analysis.derived["title-heading"] = found
    return found[1]  # type: ignore[index]


def _find_title_heading(analysis: Analysis, sections: list[Section]) -> str | None:
    if not sections:
        return None
    first = sections[0]
    text = analysis.by_index[first.heading]
    names_plan = any(w == "plan" or w.endswith("plan") for w in text.tokens.words)
    above_all = len(sections) > 1 and all(s.level > first.level for s in sections[1:])
    return first.title if names_plan or above_all else None


def _inventory_units(
    analysis: Analysis,
    req: CompiledRequirement,
    by_block: dict[int, list[tuple[str, Hit]]],
    intent: set[tuple[int, int]],
    masks: dict[int, int] | None = None,
) -> list[Unit]:
    """An inventory of services: under one heading, sentences, table rows (first cell) or
    sub-headings that each have one named service as their subject and say something about
    it ("PPT | Veilede barnehager …", "Helsestasjonen har ansvar for …", "3.2 Skule og SFO"
    over a body). Five or more distinct services described this way describe the service
    areas, however the table or prose is laid out. An enumeration of services in one
    sentence, or a joint subject ("Helsestasjonen og barnehagane har samarbeidsmøte"), is
    not a description of any one service's offer.

    `masks`: block → the aspects of its valid hits (`scoring.aspect_bits`). A heading's
    services are among the aspects other than the topic that its blocks' hits show, so the
    blocks under a heading whose hits show fewer than five such aspects are not read."""
    topic = req.topic
    groups: dict[tuple[str, ...], dict[str, list[tuple[str, Hit]]]] = {}
    blocks_of: dict[tuple[str, ...], set[int]] = defaultdict(set)
    with_intent = intent_blocks(analysis, intent)
    by_index = analysis.by_index
    with_body = _with_body(analysis)
    ordered = sorted(by_block)
    if masks is not None:
        others = ~req.bits.get(topic or "", 0)
        shown: dict[tuple[str, ...], int] = {}
        for block in ordered:
            key = by_index[block].block.section
            shown[key] = shown.get(key, 0) | (masks[block] & others)
        enough = {key for key, mask in shown.items() if mask.bit_count() >= INVENTORY_SERVICES}
        ordered = [block for block in ordered if by_index[block].block.section in enough]
    for block in ordered:
        per_sentence: dict[int, list[tuple[str, Hit]]] = {}
        pairs = by_block[block]
        if block in with_intent:
            pairs = [pair for pair in pairs if (block, pair[1].sentence) not in intent]
        get = per_sentence.get
        for pair in pairs:
            if pair[0] != topic:
                found = get(pair[1].sentence)
                if found is None:
                    per_sentence[pair[1].sentence] = [pair]
                else:
                    found.append(pair)
        if not per_sentence:
            continue
        shape: _Shape | None = None
        for number in sorted(per_sentence) if len(per_sentence) > 1 else per_sentence:
            found = per_sentence[number]
            # the sentence's first hit of a service (the first of the earliest): its subject
            lead = min(found, key=_first_token) if len(found) > 1 else found[0]
            if number == 0 and lead[1].first_token >= SUBJECT_TOKENS:
                continue  # (a shortcut of `_subject`: sentence 0 starts at token 0)
            if shape is None:
                shape = _Shape(by_index[block], with_body)
            if _subject(shape, number, found, lead):
                key = shape.section
                groups.setdefault(key, {}).setdefault(lead[0], []).append(lead)
                blocks_of[key].add(block)
    units = []
    for key in sorted(groups, key=lambda k: min(blocks_of[k])):
        services = groups[key]
        if len(services) < INVENTORY_SERVICES:
            continue
        blocks = tuple(sorted(blocks_of[key]))
        hits = [pair for b in blocks for pair in by_block.get(b, ())]
        unit = Unit(blocks, {a for a, _ in hits} | {topic or ""}, hits, score=INVENTORY_SCORE)
        units.append(unit)
    return units


class _Shape:
    """What `_subject` reads of a block, looked up once for all its sentences."""

    __slots__ = ("described", "row", "section", "sentences", "words")

    def __init__(self, text: BlockText, with_body: frozenset[int]) -> None:
        block = text.block
        self.section = block.section
        self.sentences = text.sentences
        self.words = text.word_count
        self.row = block.kind is BlockKind.TABLE_ROW
        self.described: bool | None = (
            (self.words <= 8 and text.index in with_body) if block.is_heading else None
        )
        """For a heading, whether it may name its section's subject (short, over a body)."""


def _subject(
    shape: _Shape, number: int, found: list[tuple[str, Hit]], lead: tuple[str, Hit]
) -> bool:
    """Whether a sentence (or a first table cell, or a heading over a body) is about the
    service `lead` (its first hit of a service, the first of the earliest): it names one
    service first and describes it. `found` are the sentence's hits of services."""
    first, last = shape.sentences.get(number, (0, -1))
    if lead[1].first_token - first >= SUBJECT_TOKENS:
        return False
    if len(found) > 1:
        services = {a for a, _ in found}
        joint = {a for a, h in found if h.first_token - first < SUBJECT_TOKENS}
        if len(joint) > 1 or len(services) > 3:
            return False
    if shape.described is not None:
        return shape.described
    if shape.row:
        return number == 0 and last < shape.words - 1
    return last - first + 1 >= 5


def _first_token(pair: tuple[str, Hit]) -> int:
    return pair[1].first_token


def _with_body(analysis: Analysis) -> frozenset[int]:
    """Headings directly followed by a body block (derived once per document)."""
    found = analysis.derived.get("with-body")
    if found is None:
        heading = BlockKind.HEADING  # (`Block.is_heading`, inline)
        texts = analysis.blocks
        flags = [t.block.kind is heading for t in texts]
        found = frozenset(
            texts[place].index
            for place in range(len(texts) - 1)
            if flags[place] and not flags[place + 1]
        )
        analysis.derived["with-body"] = found
    return found  # type: ignore[return-value]
