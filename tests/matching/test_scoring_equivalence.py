"""A passage scored from per-block facts (`passages.Windows.score`) gets exactly the score
`scoring.score_unit` gives the same passage built as a `Unit`, never above its bound: for
every passage around any hit of every requirement of the bundled rulesets, on several corpus
plans. The verdict's reads of the passages, which weigh only the scores their bounds leave in
question (the best passage, the supporting sections, the evidence order), agree with the
same reads over every score."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.documents import read_document
from plansjekk.matching import judge
from plansjekk.matching.analysis import Analysis
from plansjekk.matching.check import _topic_hits
from plansjekk.matching.compiled import compiled
from plansjekk.matching.echo import mark_echoes
from plansjekk.matching.passages import INVENTORY, PASSAGE, SECTION, Ranked, Windows, first_best
from plansjekk.matching.scoring import Scoring, Unit, intent_sentences, score_unit
from plansjekk.matching.sections import build_sections, passages
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.model import Thresholds
from plansjekk.rules.resolve import bundled_ids

CORPUS = Path(__file__).parents[2] / "corpus" / "docs"
DOCUMENTS = [
    "28-aurhaug-integrated.pdf",
    "04-lyngvaer-integrated.pdf",
    "08-haugdal-integrated.docx",
    "03-brekkestad-theme.docx",
]


@cache
def prepared(name: str, ruleset_id: str) -> tuple[Analysis, tuple]:
    """An analysis ready for judging (echoes and heading owners marked), as `check` does."""
    analysis = Analysis(read_document(CORPUS / name))
    requirements = compiled(load_ruleset(ruleset_id))
    mark_echoes(analysis, _topic_hits(analysis, requirements))
    build_sections(analysis)
    judge.mark_heading_owners(analysis, requirements)
    return analysis, requirements


@pytest.mark.parametrize("ruleset_id", bundled_ids())
@pytest.mark.parametrize("name", DOCUMENTS)
def test_passage_scores_from_block_facts_match_scored_units(name: str, ruleset_id: str) -> None:
    analysis, requirements = prepared(name, ruleset_id)
    compared = 0
    for req in requirements:
        valid = judge._valid_hits(analysis, req, judge.HitFilter(analysis, req))
        windows = passages(analysis, set(valid.by_block) - judge._headings(analysis))
        scoring = Scoring.of(analysis, req, intent_sentences(analysis), valid.by_block, valid.masks)
        scored = Windows(windows, scoring)
        for number, blocks in enumerate(windows):
            hits = [pair for block in blocks for pair in valid.by_block.get(block, ())]
            unit = Unit(blocks, {aspect for aspect, _ in hits}, hits)
            score_unit(unit, scoring)
            assert scored.score(number) == unit.score, (req.requirement.id, blocks)
            assert unit.score <= scored.bounds[number], (req.requirement.id, blocks)
            assert (unit.score > 0) == (scored.bounds[number] > 0), (req.requirement.id, blocks)
        compared += len(windows)
    assert compared > 0


def every_score(windows: Windows) -> list[float]:
    return [windows.score(number) for number in range(len(windows.blocks))]


def reference_ranking(fixed: list[tuple[int, Unit]], windows: Windows, thresholds) -> list:
    """Every unit scoring above 0, sorted by the evidence order's full key."""

    def band(score: float) -> int:
        return 2 if score >= thresholds.covered else 1 if score >= thresholds.partial else 0

    entries = [(origin, unit) for origin, unit in fixed if unit.score > 0]
    entries += [
        (PASSAGE, windows.unit(number))
        for number, score in enumerate(every_score(windows))
        if score > 0
    ]
    entries.sort(
        key=lambda entry: (
            -band(entry[1].score),
            entry[1].heading is None,
            -entry[1].score,
            -len(entry[1].hits),
            entry[1].blocks,
            entry[0],
        )
    )
    return [unit for _, unit in entries]


def reference_support(analysis: Analysis, best: Unit, windows: Windows, partial: float) -> set:
    """The sections of the passages that can support `best`, from every score."""
    labels = judge._labels(analysis)
    best_section = labels.get(best.label_block)
    found = set()
    for blocks, score in zip(windows.blocks, every_score(windows), strict=True):
        if score >= partial and set(blocks).isdisjoint(best.blocks):
            label = labels.get(blocks[0])
            if label != best_section:
                found.add(label)
    return found


@pytest.mark.parametrize("ruleset_id", bundled_ids())
@pytest.mark.parametrize("name", DOCUMENTS)
def test_lazily_weighed_reads_match_reads_of_every_score(name: str, ruleset_id: str) -> None:
    analysis, requirements = prepared(name, ruleset_id)
    sections = build_sections(analysis)
    for req in requirements:
        if req.requirement.scope == "document":
            continue
        hit_filter = judge.HitFilter(analysis, req)
        valid = judge._valid_hits(analysis, req, hit_filter)
        scoring = Scoring.of(analysis, req, intent_sentences(analysis), valid.by_block, valid.masks)
        fixed, windows = judge._candidates(
            analysis, req, sections, valid.topic_blocks, hit_filter, scoring
        )
        assert windows is not None
        thresholds = req.requirement.thresholds
        ranked = list(Ranked(fixed, windows, thresholds))
        expected = reference_ranking(fixed, windows, thresholds)
        assert list(map(id, ranked)) == list(map(id, expected)), req.requirement.id
        scores = every_score(windows)
        assert windows.best() == (scores.index(max(scores)) if scores else None)
        number = windows.best()
        if number is not None and scores[number] >= thresholds.covered:
            best = windows.unit(number)
            support = judge._with_support(scores[number], best, [], windows, req, analysis)
            others = reference_support(analysis, best, windows, thresholds.partial)
            assert support == min(1.0, scores[number] + min(0.1, 0.03 * len(others)))


SCORES = st.sampled_from([0.0, 0.3, 0.425, 0.45, 0.6, 0.64, 0.65, 0.67, 0.7, 0.74])
"""Few distinct values, as passages score: ties are the rule."""


@st.composite
def bounded_scores(draw) -> tuple[list[float], list[float]]:
    """Scores and bounds at or above them (0 exactly for a score of 0)."""
    scores = draw(st.lists(SCORES, max_size=30))
    bounds = [
        score if score == 0 else max(score, draw(SCORES)) if draw(st.booleans()) else score
        for score in scores
    ]
    return scores, bounds


@settings(max_examples=1000, deadline=None)
@given(bounded_scores())
def test_first_best_is_the_first_highest_score(drawn) -> None:
    scores, bounds = drawn
    assert first_best(bounds, scores.__getitem__) == (scores.index(max(scores)) if scores else None)


class StubWindows:
    """Passages with drawn scores, bounds and hit counts, for `Ranked`."""

    def __init__(self, scores: list[float], bounds: list[float], hits: list[int]) -> None:
        self.scores, self.bounds, self.hits = scores, bounds, hits
        self.blocks = [(number,) for number in range(len(scores))]
        self.units = [
            Unit(blocks, set(), [("a", None)] * count, score=score)  # type: ignore[list-item]
            for blocks, count, score in zip(self.blocks, hits, scores, strict=True)
        ]

    def bound_groups(self):
        return Windows.bound_groups(self)  # type: ignore[arg-type]

    def score(self, number: int) -> float:
        return self.scores[number]

    def hit_count(self, number: int) -> int:
        return self.hits[number]

    def unit(self, number: int) -> Unit:
        return self.units[number]


FIXED = st.tuples(SCORES, st.booleans(), st.integers(0, 3), st.integers(0, 30))
"""A section or inventory: score, under a heading, hits, first block."""


@settings(max_examples=1000, deadline=None)
@given(
    bounded_scores(),
    st.lists(st.integers(0, 3), min_size=30, max_size=30),
    st.lists(st.tuples(FIXED, st.sampled_from([SECTION, INVENTORY])), max_size=8),
)
def test_lazy_evidence_order_is_the_full_sort(drawn, hits, drawn_fixed) -> None:
    scores, bounds = drawn
    windows = StubWindows(scores, bounds, hits[: len(scores)])
    fixed = [
        (origin, Unit((first,), set(), [("a", None)] * count, score, heading=heading))  # type: ignore[list-item]
        for (score, headed, count, first), origin in drawn_fixed
        for heading in [first if headed else None]
    ]
    thresholds = Thresholds()
    ranked = list(Ranked(fixed, windows, thresholds))  # type: ignore[arg-type]
    expected = reference_ranking(fixed, windows, thresholds)  # type: ignore[arg-type]
    assert list(map(id, ranked)) == list(map(id, expected))
