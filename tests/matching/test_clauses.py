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


@pytest.mark.parametrize(
    "text",
    [
        "Planen er ikkje samordna med kommuneplanen enno; det vil skje når samfunnsdelen "
        "vert revidert.",
        "Planen er ikke samordnet med kommuneplanen ennå; det vil skje når samfunnsdelen "
        "revideres.",
        "Det finnes ingen rutine for dette; dette skal utarbeides når samfunnsdelen revideres.",
    ],
)
def test_semicolon_with_a_promise_for_later_stays_negated(text: str) -> None:
    """After a semicolon, a pronoun for the negated statement + a modal/future verb only
    promises the absent thing later: still inside the negation."""
    assert "samfunnsdelen" in negated_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "Det finnes ingen egen rutine; tjenestene møtes likevel hver måned om samfunnsdelen.",
        "Det finst inga eiga rutine; det er etablert eit team som følgjer opp samfunnsdelen.",
        "Planen er ikkje samordna; samfunnsdelen vert revidert kvart fjerde år.",
    ],
)
def test_semicolon_with_a_statement_of_its_own_ends_the_negation(text: str) -> None:
    assert "samfunnsdelen" not in negated_words(text)
