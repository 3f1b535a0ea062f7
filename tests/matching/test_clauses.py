"""Negation scope, instructions and placeholders."""

from __future__ import annotations

import pytest

from plansjekk.matching import clauses
from plansjekk.matching.normalise import normalise, tokenise


def negated_words(text: str) -> set[str]:
    tokens = tokenise(normalise(text))
    return {w for w, flag in zip(tokens.words, clauses.negated_tokens(tokens), strict=True) if flag}


@pytest.mark.parametrize(
    "text",
    [
        "Planen omhandler ikke samarbeid.",
        "Kommunen har ingen rutiner for samarbeid.",
        "Det er ikkje utarbeidd rutinar for samarbeid.",
        "Rutiner for samarbeid mangler.",
        "Det finst verken samarbeid eller avtalar.",
        "Det er ikke fastsatt når planen skal evalueres samarbeid.",
    ],
)
def test_negated(text: str) -> None:
    assert "samarbeid" in negated_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "Det finnes ingen egen rutine, men samarbeid skjer månedlig.",
        "Målet er samarbeid slik at ingen barn faller utenfor.",
        "Samarbeid er ikke bare viktig, men nødvendig.",
        "Målet med samarbeid er at ingen barn faller utenfor.",
    ],
)
def test_not_negated(text: str) -> None:
    assert "samarbeid" not in negated_words(text)


def test_instructions_and_questions() -> None:
    tokens = tokenise(
        normalise("Beskriv hvordan tjenestene samarbeider. Er ansvaret avklart? Vi møtes.")
    )
    ranges = clauses.sentence_ranges(tokens)
    assert clauses.instruction_sentences(tokens, ranges) == {0, 1}


@pytest.mark.parametrize(
    "text", ["Kommer senere.", "Kjem seinare.", "Under arbeid.", "Rutinen skal utarbeides."]
)
def test_placeholders(text: str) -> None:
    assert clauses.placeholder_sentences(tokenise(normalise(text))) == {0}
