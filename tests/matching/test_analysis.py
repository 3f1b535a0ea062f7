"""The prepared document: lazy block signals, passage windows, joinable regexes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from plansjekk.documents import document_from_text, read_document
from plansjekk.documents.model import BlockKind
from plansjekk.matching import clauses
from plansjekk.matching.analysis import Analysis
from plansjekk.matching.patterns import compile_pattern, joinable
from plansjekk.matching.sections import WINDOW, passages

CORPUS = Path(__file__).parents[2] / "corpus" / "docs"


def reference_passages(analysis: Analysis, blocks: set[int]) -> list[tuple[int, ...]]:
    """`sections.passages` before the windows were cached."""
    ordered = analysis.blocks
    position = {t.index: i for i, t in enumerate(ordered)}
    starts = {
        start
        for index in blocks
        if index in position
        for start in range(max(position[index] - WINDOW + 1, 0), position[index] + 1)
    }
    units: set[tuple[int, ...]] = set()
    for i in starts:
        text = ordered[i]
        if text.block.is_heading:
            continue
        for size in range(1, WINDOW + 1):
            window = ordered[i : i + size]
            if len(window) < size or any(t.block.is_heading for t in window):
                break
            if any(t.block.section != text.block.section for t in window):
                break
            if size > 1 and any(t.block.kind is BlockKind.PARAGRAPH for t in window[1:]):
                break
            indices = tuple(t.index for t in window)
            if any(index in blocks for index in indices):
                units.add(indices)
    return sorted(units)


@pytest.mark.parametrize("name", ["28-aurhaug-integrated.pdf", "08-haugdal-integrated.docx"])
def test_passages_match_the_reference(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    analysis = Analysis(read_document(path))
    indices = [t.index for t in analysis.blocks]
    chooser = random.Random(8)
    for size in (0, 1, 3, 20, len(indices)):
        for _ in range(5):
            chosen = set(chooser.sample(indices, min(size, len(indices))))
            chosen.add(-1)  # an index that is not a body block is ignored
            assert passages(analysis, chosen) == reference_passages(analysis, chosen)


def test_block_signals_are_computed_on_demand_and_equal_the_clause_functions() -> None:
    analysis = Analysis(
        document_from_text(
            "# Plan\nDet finnes ingen rutine, men tjenestene møtes. Beskriv arbeidet.\n\n"
            "Barnehagen samarbeider med helsestasjonen.\n\nEr ansvaret avklart?"
        )
    )
    for text in analysis.blocks:
        # computed on demand (the slot unset until then), except the all-False flags of a
        # block without a negator
        early = getattr(text, "_negated", None)
        assert early is None or (not any(early) and clauses.NEGATORS.isdisjoint(text.tokens.words))
        assert text.negated == clauses.negated_tokens(text.tokens)
        assert text.sentences == clauses.sentence_ranges(text.tokens)
        assert text.instructions == clauses.instruction_sentences(text.tokens, text.sentences)
        assert text.written(0, 5) == text.display[:5]
    assert any(any(t.negated) for t in analysis.blocks)
    assert any(t.instructions for t in analysis.blocks)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"re:\b20\d{2}\b", True),
        (r"re:k-?sak\s*\d+/\d+", True),
        (r"re:barn(?!\w)", True),
        (r"re:(?<=\s)barn", True),
        (r"re:barn$", False),  # end anchor: the block's end is not the joined text's end
        (r"re:^plan", False),
        (r"re:\W+barn", False),  # \W could consume the separator
        (r"re:.barn", False),
        (r"re:[^a]arn", False),
        (r"re:barn\s*", True),
        (r"re:(?:barn){e<=1}", False),  # fuzzy syntax of the regex module
        (r"re:(?i)barn", False),
        (r"re:x?y", True),
    ],
)
def test_joinable(pattern: str, expected: bool) -> None:
    assert joinable(compile_pattern(pattern)) is expected


def test_a_plan_without_a_table_of_contents_has_no_toc_hits_and_builds_no_toc_index() -> None:
    analysis = Analysis(document_from_text("Samarbeid\n\nSamarbeidet mellom tjenestene er godt."))
    assert analysis.toc_blocks == []
    assert analysis.toc_hits(compile_pattern("samarbeid*")) == []
    assert analysis._toc_index is None
    text = "Innhold\n\nSamarbeid ........ 3\n\nSamarbeid\n\nTekst."
    with_toc = Analysis(document_from_text(text))
    assert [h.block for h in with_toc.toc_hits(compile_pattern("samarbeid*"))] == [1]
