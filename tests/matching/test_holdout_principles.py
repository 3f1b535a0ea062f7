"""Principles from the second held-out round, each in bokmål and nynorsk."""

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


SERVICES_TABLE_NB = """# Hvem har ansvaret for hva
| Tjeneste | Oppgave |
| --- | --- |
| Barnehagen | Språkgrupper og foreldresamtaler |
| Skolen og SFO | Sosiallærer og leksehjelp |
| PPT | Veilede barnehager og skoler, sakkyndighet |
| Helsestasjonen | Hjemmebesøk og åpen dør |
| Barneverntjenesten | Foreldreveiledning og råd til andre |
| NAV | Ungdomskontakt for unge 16 til 24 år |
"""
SERVICES_PROSE_NN = """# 4 Korleis vi arbeider
Barnehagane følgjer med på språkutviklinga til kvart barn gjennom heile året.
Skulane har sosiallærar og leksehjelp for alle elevar på mellomsteget.
Helsestasjonen gir heimebesøk til alle nyfødde og har ope kontor kvar veke.
PPT rettleier dei tilsette i barnehagar og skular om tilrettelegging.
NAV har eigen ungdomskontakt for unge mellom 16 og 24 år i kommunen.
"""
SERVICES_ENUMERATION = """# 4 Samarbeid
Helsestasjonen, barnehagane, skulane, PPT og barnevernstenesta møtest i faste samarbeidsmøte.
"""


@pytest.mark.parametrize("text", [SERVICES_TABLE_NB, SERVICES_PROSE_NN])
def test_one_statement_per_service_describes_the_service_areas(text: str) -> None:
    assert status(text, "tjenesteomrader") is Status.COVERED


def test_services_enumerated_in_one_sentence_are_not_described() -> None:
    assert status(SERVICES_ENUMERATION, "tjenesteomrader") is not Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# 5 Medvirkning\nDette kapitlet skrives etter høringen.\n",
        "# 5 Medverknad\nKapittelet blir utarbeidd seinare.\n",
        "# 5 Medverknad\nDenne delen vert skrive etter høyringa.\n",
        "# 5 Medvirkning\nDelen om medvirkning ferdigstilles i neste revisjon.\n",
    ],
)
def test_placeholder_sections_are_missing(text: str) -> None:
    assert status(text, "barn-og-unges-medvirkning") is Status.MISSING


@pytest.mark.parametrize(
    "sentence",
    [
        "Dersom tjenestene ikke kommer til enighet om hvem som skal følge opp barnet, "
        "bestemmer kommunalsjefen.",
        "Om tenestene ikkje kjem til semje om kven som skal følgje opp barnet, avgjer rådmannen.",
        "Er tjenestene uenige om ansvaret for et barn, tar virksomhetslederne stilling.",
        "Når einingsleiarane er usamde om ansvaret for eit barn, avgjer oppvekstsjefen.",
    ],
)
def test_dispute_rule_in_a_general_chapter_is_covered(sentence: str) -> None:
    text = f"# 5 Samarbeid mellom tjenestene\n{sentence}\n"
    assert status(text, "avklaring-ved-uenighet") is Status.COVERED


@pytest.mark.parametrize(
    "sentence",
    [
        "Uenighet om SFO-betaling for et barn avgjøres av kommunalsjefen.",
        "Usemje om foreldrebetaling for barnet vert avgjort av kommunedirektøren.",
    ],
)
def test_fee_disputes_are_not_about_responsibility(sentence: str) -> None:
    assert status(f"# 5 Økonomi\n{sentence}\n", "avklaring-ved-uenighet") is Status.MISSING


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Barneverntjenesten gir hjelpetiltak etter barnevernsloven.", Status.MISSING),
        ("Kommunen har plikt etter barnevernslova § 15-3.", Status.MISSING),
        ("Planen er heimla i barnevernslova § 15-1.", Status.COVERED),
        ("Planen er utarbeidet etter barnevernsloven § 15-1 annet ledd.", Status.COVERED),
    ],
)
def test_only_15_1_is_the_legal_basis(sentence: str, expected: Status) -> None:
    assert status(f"# 1 Innledning\n{sentence}\n", "lovgrunnlag") is expected


@pytest.mark.parametrize(
    "text",
    [
        "# Samarbeid\nI tråd med barnevernslova § 15-1 skal planen beskrive samarbeidet, og "
        "derfor møtest helsestasjonen og barnehagane kvar månad i eit fast samarbeidsmøte om "
        "born dei er uroa for.",
        "# Samarbeid\nI tråd med barnevernloven § 15-1 skal planen beskrive samarbeidet, og "
        "derfor møtes helsestasjonen og barnehagene hver måned i et fast samarbeidsmøte om "
        "barn de er bekymret for.",
    ],
)
def test_content_after_an_echo_in_the_same_sentence_counts(text: str) -> None:
    """The echo is the clause that restates the law; a new main clause after it is content."""
    assert status(text, "samarbeid") is Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# Innleiing\nI tråd med barnevernslova § 15-1 skal planen beskrive samarbeidet mellom "
        "tenestene.",
        "# Innledning\nPlanen skal beskrive mål, organisering, ansvarsfordeling og samarbeid, "
        "og vi har derfor delt den i fire kapitler.",
    ],
)
def test_echo_clauses_stay_echo(text: str) -> None:
    assert status(text, "samarbeid") is Status.MISSING


@pytest.mark.parametrize(
    "text",
    [
        "# Planprosessen\nArbeidet starta med ein gjennomgang av statistikk og erfaringar frå "
        "dei tilsette. Ei arbeidsgruppe med fem personar har skrive planen.",
        "# Planprosessen\nArbeidet startet med en gjennomgang av statistikk og erfaringer fra "
        "de ansatte. En arbeidsgruppe på fem personer har skrevet planen.",
    ],
)
def test_how_the_plan_was_made_is_not_its_follow_up(text: str) -> None:
    assert status(text, "oppfolging-og-evaluering") is Status.MISSING
