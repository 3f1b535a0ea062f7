"""Principles from the fourth held-out round, each in bokmål and nynorsk."""

from __future__ import annotations

import pytest

from plansjekk.documents import document_from_text
from plansjekk.matching import check_document
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.model import Status

RULESET = load_ruleset("bvl-15-1")


def status(text: str, requirement: str) -> Status:
    result = check_document(document_from_text(text), RULESET).requirement(requirement)
    assert result is not None
    return result.status


@pytest.mark.parametrize(
    "text",
    [
        "# Saksprotokoll i kommunestyret – 19.02.2025\nBehandling: Ordføreren la fram saken.\n\n"
        "Kommunestyret vedtok enstemmig: Planen vedtas.\n",
        "# Saksprotokoll i kommunestyret – 19.02.2025\nHandsaming: Ordføraren la fram saka.\n\n"
        "Kommunestyret vedtok samrøystes: Planen vert vedteken.\n",
        "# Saksprotokoll\nLia kommunestyre, møte 13.02.2025, sak 4/25: Plan for forebygging.\n\n"
        "Kommunestyret vedtok enstemmig å vedta planen.\n",
        "# Saksprotokoll\nLia kommunestyre, møte 13.02.2025, sak 4/25: Plan for førebygging.\n\n"
        "Kommunestyret vedtok samrøystes å vedta planen slik han ligg føre.\n",
    ],
)
def test_a_record_dates_the_decision_below_its_header(text: str) -> None:
    assert status(text, "kommunestyrevedtak") is Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# Saksprotokoll\nFormannskapets innstilling fra møte 30.01.2025, sak 3/25: Planen "
        "vedtas.\n\nKommunestyret vedtok planen.\n",
        "# Saksprotokoll\nFormannskapet si innstilling frå møte 30.01.2025, sak 3/25: Planen "
        "vert vedteken.\n\nKommunestyret vedtok planen.\n",
    ],
)
def test_an_excluded_header_lends_no_date(text: str) -> None:
    assert status(text, "kommunestyrevedtak") is Status.PARTIAL


@pytest.mark.parametrize(
    "text",
    [
        "# Vedtak 19.02.2025\nPlanen ble lagt fram.\n# Tiltak\nKommunestyret vedtok planen.\n",
        "# Vedtak 19.02.2025\nPlanen vart lagd fram.\n# Tiltak\nKommunestyret vedtok planen.\n",
    ],
)
def test_a_date_in_another_section_is_not_borrowed(text: str) -> None:
    assert status(text, "kommunestyrevedtak") is not Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# 7 Uenighet om ansvar\nHvordan uenighet om ansvar skal håndteres mellom kommunene, "
        "er ikke avklart.\n",
        "# 7 Usemje om ansvar\nKorleis usemje om ansvar skal handterast mellom dei to "
        "kommunane, er ikkje avklart.\n",
    ],
)
def test_a_negated_main_clause_reaches_back_into_its_question_subject(text: str) -> None:
    assert status(text, "avklaring-ved-uenighet") is Status.MISSING


@pytest.mark.parametrize(
    "text",
    [
        "# 7 Uenighet om ansvar\nHvordan uenighet skal håndteres, er avklart: uklarhet om "
        "ansvar avgjøres av kommunedirektørens ledergruppe.\n",
        "# 7 Usemje om ansvar\nNår tenestene er usamde om ansvaret, er det ikkje tenestene "
        "sjølve som avgjer: leiargruppa tek avgjerd.\n",
    ],
)
def test_a_question_subject_without_negation_is_not_negated(text: str) -> None:
    assert status(text, "avklaring-ved-uenighet") is not Status.MISSING
