"""A passage scored from per-block facts (`scoring.score_windows`) gets exactly the score
`scoring.score_unit` gives the same passage built as a `Unit`: for every passage around any
hit of every requirement of the bundled rulesets, on several corpus plans."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from plansjekk.documents import read_document
from plansjekk.matching import judge
from plansjekk.matching.analysis import Analysis
from plansjekk.matching.check import _topic_hits
from plansjekk.matching.compiled import compiled
from plansjekk.matching.echo import mark_echoes
from plansjekk.matching.scoring import Scoring, Unit, intent_sentences, score_unit, score_windows
from plansjekk.matching.sections import build_sections, passages
from plansjekk.rules.loader import load_ruleset
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
        for blocks, score in zip(windows, score_windows(windows, scoring), strict=True):
            hits = [pair for block in blocks for pair in valid.by_block.get(block, ())]
            unit = Unit(blocks, {aspect for aspect, _ in hits}, hits)
            score_unit(unit, scoring)
            assert score == unit.score, (req.requirement.id, blocks)
        compared += len(windows)
    assert compared > 0
