"""The judge's shortcuts agree with the slow, obvious definitions they replace: clause breaks
found with one regex per block against a gap slice per token, the derived table-cell index
against a scan of every hit, sentence ranges by bisection against the per-token walk, and the
plain-text test against its regex. Whole verdicts are compared against the slow judge while
optimising (outside the suite: a frozen copy of the judge would fail on every legitimate
change of the rules or of the scoring)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.documents import read_document
from plansjekk.matching import clauses, normalise, scoring
from plansjekk.matching.analysis import Analysis
from plansjekk.matching.compiled import compiled
from plansjekk.matching.normalise import Tokens, tokenise
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.resolve import bundled_ids
from tests.matching.strategies import word_texts

CORPUS = Path(__file__).parents[2] / "corpus" / "docs"
DOCUMENTS = [
    "28-aurhaug-integrated.pdf",
    "04-lyngvaer-integrated.pdf",
    "08-haugdal-integrated.docx",
]


# ----------------------------------------------------------------------------- references


def reference_clause_break(tokens: Tokens, position: int) -> bool:
    if position == 0:
        return False
    if tokens.sentence[position] != tokens.sentence[position - 1]:
        return True
    if tokens.words[position] in clauses.CLAUSE_BOUNDARIES:
        return True
    gap = tokens.text[tokens.ends[position - 1] : tokens.starts[position]]
    return any(mark in gap for mark in ",:()–")


def reference_clause_numbers(tokens: Tokens) -> tuple[int, ...]:
    numbers, current = [], 0
    for position in range(len(tokens.words)):
        if position and (
            reference_clause_break(tokens, position)
            or tokens.words[position] in clauses.SEQUENCE_WORDS
        ):
            current += 1
        numbers.append(current)
    return tuple(numbers)


def reference_negated(tokens: Tokens) -> tuple[bool, ...]:
    words = tokens.words
    flags = [False] * len(words)
    clause_start, carried = 0, False
    for position in range(len(words) + 1):
        hard = position == len(words) or reference_clause_break(tokens, position)
        soft = not hard and position > 0 and words[position] in clauses.COMPLEMENTIZERS
        if hard or soft:
            negated = carried or clauses._has_negator(words, clause_start, position)
            if negated:
                for index in range(clause_start, position):
                    flags[index] = True
            carried = negated and soft
            clause_start = position
    return tuple(flags)


def reference_cell_hit(analysis: Analysis, block: int, patterns, first_cell: bool) -> bool:
    first = min(analysis.by_index[block].sentences, default=0)
    return any(
        first_cell == (hit.sentence == first)
        for pattern in patterns
        for hit in analysis.hits(pattern)
        if hit.block == block
    )


# ----------------------------------------------------------------------------- generated text

WORDS = st.sampled_from(
    [
        "ikke",
        "ingen",
        "bare",
        "men",
        "at",
        "som",
        "deretter",
        "tjenesten",
        "har",
        "ansvar",
        "for",
        "beskriv",
        "jf",
        "§",
        "3",
        "barn",
    ]
)
GAPS = st.sampled_from([" ", ", ", ". ", ": ", " (", ") ", " – ", " - ", "; ", "? ", "\n", " | "])


def texts():
    return word_texts(WORDS, GAPS, max_words=20)


@settings(max_examples=400, deadline=None)
@given(texts())
def test_clause_signals_match_the_per_token_definitions(text: str) -> None:
    tokens = tokenise(normalise.normalise(text))
    assert clauses.clause_numbers(tokens) == reference_clause_numbers(tokens)
    assert clauses.negated_tokens(tokens) == reference_negated(tokens)
    expected = {p for p in range(len(tokens.words)) if reference_clause_break(tokens, p)}
    assert clauses.clause_breaks(tokens) == expected


@settings(max_examples=400, deadline=None)
@given(texts())
def test_sentence_ranges_by_bisection_match_the_walk(text: str) -> None:
    from plansjekk.documents.model import Block, BlockKind, Document

    document = Document(path="x", format="pdf", blocks=(Block(BlockKind.PARAGRAPH, text),))
    analysis = Analysis(document)
    for block in analysis.blocks:
        assert block.sentences == clauses.sentence_ranges(block.tokens)
        assert list(block.sentences) == sorted(block.sentences)
        ranges = clauses.sentence_ranges(block.tokens)
        assert block.instructions == clauses.instruction_sentences(block.tokens, ranges)


@settings(max_examples=2000, deadline=None)
@given(
    st.text(
        st.sampled_from(list(" \t\n\r\x0b\x1c\x85\xa0\u2028\u00ad\u200b\ufeffab.,")), max_size=8
    )
)
def test_plain_text_check_matches_its_regex(text: str) -> None:
    assert normalise._is_plain(text) == (normalise._NOT_PLAIN.search(text) is None)


# ----------------------------------------------------------------------------- corpus


@cache
def analysis_of(name: str) -> Analysis:
    return Analysis(read_document(CORPUS / name))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_cell_index_matches_a_scan_of_every_hit(name: str) -> None:
    analysis = analysis_of(name)
    for ruleset_id in bundled_ids():
        for req in compiled(load_ruleset(ruleset_id)):
            for _, patterns in req.aspects:
                for first_cell in (True, False):
                    blocks = {h.block for p in patterns for h in analysis.hits(p)}
                    for block in blocks:
                        assert scoring.cell_hit(
                            analysis, block, patterns, first_cell
                        ) == reference_cell_hit(analysis, block, patterns, first_cell)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_clause_signals_on_corpus_blocks(name: str) -> None:
    for block in analysis_of(name).blocks:
        assert block.clauses == reference_clause_numbers(block.tokens)
        assert block.negated == reference_negated(block.tokens)
