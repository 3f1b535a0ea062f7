"""Principles that keep verdicts honest on plans written in other words (bokmål and nynorsk):
a thin body under a right heading, a passage in another requirement's section, the domain of a
dispute, a statistic that is not follow-up, a hearing already held, and what is reported."""

from __future__ import annotations

import pytest

from plansjekk.documents import document_from_text
from plansjekk.findings import Reason
from plansjekk.matching import check_document
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.model import Status

RULESET = load_ruleset("bvl-15-1")


def judge(text: str, requirement: str):
    result = check_document(document_from_text(text), RULESET).requirement(requirement)
    assert result is not None
    return result


@pytest.mark.parametrize(
    "text",
    [
        "# Plan\n# Medvirkning\nBarn og unge kan komme med innspill.\n",
        "# Plan\n# Medverknad\nBorn kan kome med innspel.\n",
        "# Plan\n# Organisering\nStyringsgruppen møtes årlig.\n",
        "# Plan\n# Organisering\nStyringsgruppa møtest årleg.\n",
    ],
)
def test_one_line_under_the_right_heading_is_partial(text: str) -> None:
    requirement = "organisering" if "rganiser" in text else "barn-og-unges-medvirkning"
    assert judge(text, requirement).status is Status.PARTIAL


@pytest.mark.parametrize(
    "text",
    [
        "# Plan\n# Samarbeid\nI oppvekstforum møtes lederne for barnehage, skole, helsestasjon, "
        "barnevern og kultur hver sjette uke for å samordne innsatsen på systemnivå.\n",
        "# Plan\n# Samhandling\nI oppvekstforum møtest leiarane for barnehage, skule, "
        "helsestasjon, "
        "barnevern og kultur kvar sjette veke for å samordne innsatsen på systemnivå.\n",
    ],
)
def test_arena_in_the_cooperation_section_is_not_organisation_or_service_offer(text) -> None:
    assert judge(text, "samarbeid").status is Status.COVERED
    assert judge(text, "organisering").status is Status.PARTIAL
    assert judge(text, "tjenesteomrader").status is not Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# Plan\n# Gebyr\nUenighet om kommunale avgifter og gebyrer avklares av kommunedirektøren.",
        "# Plan\n# Gebyr\nUsemje om kommunale avgifter blir avklart av kommunedirektøren.",
    ],
)
def test_dispute_about_something_else_is_not_covered(text: str) -> None:
    assert judge(text, "avklaring-ved-uenighet").status is not Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# Plan\n# Uklart ansvar\nDersom det er uklart hvilken tjeneste som skal følge opp "
        "et barn, "
        "møtes lederne. Blir de ikke enige, tar bydelsdirektøren stilling og bestemmer.\n",
        "# Plan\n# Uklart ansvar\nDersom det er uklart kva teneste som skal følgje opp eit barn, "
        "møtest leiarane. Blir dei ikkje einige, tek bydelsdirektøren stilling og bestemmer.\n",
    ],
)
def test_disagreement_paraphrase_with_a_general_leader_is_covered(text: str) -> None:
    assert judge(text, "avklaring-ved-uenighet").status is Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# Plan\n# Kunnskapsgrunnlag\nUngdata ble gjennomført våren 2023, svarprosent 82. "
        "Resultatene viser at de fleste trives, og rapporten er sendt kommunestyret.\n",
        "# Plan\n# Kunnskapsgrunnlag\nUngdata vart gjennomført våren 2023, svarprosent 82. "
        "Resultata viser at dei fleste trivst, og rapporten er send kommunestyret.\n",
    ],
)
def test_statistics_are_not_follow_up(text: str) -> None:
    assert judge(text, "oppfolging-og-evaluering").status is not Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# Plan for forebygging 2024–2028\nPlanen har vært på høring. Den ble vedtatt av "
        "kommunestyret 14.03.2024, sak 9/24.\n",
        "# Plan for førebygging 2024–2028\nPlanen har vore på høyring. Han vart vedteken av "
        "kommunestyret 14.03.2024, sak 9/24.\n",
    ],
)
def test_a_hearing_already_held_does_not_make_a_draft(text: str) -> None:
    assert judge(text, "kommunestyrevedtak").status is Status.COVERED


def test_draft_on_the_front_page_still_caps() -> None:
    text = (
        "# Plan\nHøringsutkast – lagt ut til offentlig ettersyn. Vedtatt i kommunestyret "
        "14.03.2024, sak 9/24.\n"
    )
    assert judge(text, "kommunestyrevedtak").status is Status.PARTIAL


@pytest.mark.parametrize(
    "text",
    [
        "# Plan for forebygging 2024–2028\nKommunen er opptatt av barn.\n",
        "# Plan for førebygging 2024–2028\nKommunen er oppteken av born.\n",
    ],
)
def test_nothing_found_has_no_echo_reason_and_no_title_suggestion(text: str) -> None:
    result = judge(text, "avklaring-ved-uenighet")
    assert result.status is Status.MISSING
    assert Reason.ECHO_OF_LAW not in result.reasons
    assert result.suggested_section is None


def test_suggestion_names_a_real_section_not_the_title() -> None:
    text = "# Plan for forebygging 2024–2028\n# Innledning\nKommunen har gode skoler.\n"
    assert judge(text, "avklaring-ved-uenighet").suggested_section == "Innledning"


@pytest.mark.parametrize(
    "text",
    [
        "# Barn og unges stemme\nKommunen ønsker å styrke medvirkningen fra barn og unge.\n",
        "# Barn og unge si stemme\nKommunen ønskjer å styrkje medverknaden frå barn og unge.\n",
    ],
)
def test_intent_is_reported_as_intent(text: str) -> None:
    result = judge(text, "barn-og-unges-medvirkning")
    assert result.status is Status.PARTIAL
    assert Reason.INTENT in result.reasons or Reason.FEW_ASPECTS in result.reasons
