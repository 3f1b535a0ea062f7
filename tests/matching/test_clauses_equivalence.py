"""`clauses.same_clause` (which looks only at the words between two tokens) agrees with
comparing the tokens' `clauses.clause_numbers` (which numbers every clause of the block): on
every token pair of generated texts, and on the token pairs of corpus sentences, where
`BlockText.same_clause` (the same test on the document's prepared arrays) agrees too."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.documents import read_document
from plansjekk.matching import clauses
from plansjekk.matching.analysis import Analysis
from plansjekk.matching.normalise import Tokens, normalise, tokenise
from tests.matching.strategies import word_texts

CORPUS = Path(__file__).parents[2] / "corpus" / "docs"
DOCUMENTS = ["28-aurhaug-integrated.pdf", "08-haugdal-integrated.docx"]
MAX_DISTANCE = 40
"""Corpus pairs are taken up to this many tokens apart (a long sentence has many pairs)."""


def assert_same_clause_matches_numbers(tokens: Tokens, pairs, text=None) -> None:
    numbers = clauses.clause_numbers(tokens)
    for first, second in pairs:
        expected = numbers[first] == numbers[second]
        assert clauses.same_clause(tokens, first, second) is expected, (first, second)
        if text is not None:
            assert text.same_clause(first, second) is expected, (first, second)


# ----------------------------------------------------------------------------- generated text

WORDS = st.sampled_from(
    [
        "tjenesten",
        "har",
        "ansvar",
        "for",
        "barn",
        "høring",
        "vedtatt",
        "og",
        "i",
        # clause boundaries and sequence words
        "men",
        "fordi",
        "dersom",
        "så",
        "enn",
        "deretter",
        "seinare",
        "siden",
        # complementizers (no clause break of their own for `clause_numbers`)
        "at",
        "som",
        "når",
        "§",
        "3",
    ]
)
GAPS = st.sampled_from(
    [" ", " ", " ", ", ", ". ", ": ", " (", ") ", " – ", " - ", "; ", "? ", "! ", "\n", " | "]
)


def texts():
    return word_texts(WORDS, GAPS, max_words=24)


@settings(max_examples=500, deadline=None)
@given(texts())
def test_same_clause_matches_clause_numbers_on_generated_texts(text: str) -> None:
    tokens = tokenise(normalise(text))
    count = len(tokens.words)
    pairs = [(first, second) for first in range(count) for second in range(count)]
    assert_same_clause_matches_numbers(tokens, pairs)


# ----------------------------------------------------------------------------- corpus


@cache
def analysis_of(name: str) -> Analysis:
    return Analysis(read_document(CORPUS / name))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_same_clause_matches_clause_numbers_on_corpus_sentences(name: str) -> None:
    checked = 0
    for text in analysis_of(name).blocks:
        tokens = text.tokens
        pairs = [
            (first, second)
            for low, high in text.sentences.values()
            for first in range(low, high + 1)
            for second in range(max(low, first - MAX_DISTANCE), min(high, first + MAX_DISTANCE) + 1)
        ]
        assert_same_clause_matches_numbers(tokens, pairs, text)
        checked += len(pairs)
    assert checked > 1_000  # the documents hold long sentences
