"""Principles beyond counting aspects: intent vs description, topic and actor in one sentence,
responsibility tables keyed by service, echo continuations, clause-scoped exclusion, a heading
whose body only negates, and evidence from under the best heading. Bokmål and nynorsk."""

from __future__ import annotations

import pytest

from plansjekk.documents import document_from_text
from plansjekk.findings import Reason
from plansjekk.matching import check_document
from plansjekk.matching.clauses import clause_numbers, intent_sentences
from plansjekk.matching.normalise import normalise, tokenise
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.model import Status

RULESET = load_ruleset("bvl-15-1")


def judge(text: str, requirement: str):
    result = check_document(document_from_text(text), RULESET).requirement(requirement)
    assert result is not None
    return result


# ------------------------------------------------------------- intent vs description


@pytest.mark.parametrize(
    "text",
    [
        "# Barn og unges stemme\nKommunen ønsker å styrke medvirkningen fra barn og unge, og "
        "ungdomsrådet vil bli orientert om planen.\n",
        "# Barn og unge si stemme\nKommunen ønskjer å styrkje medverknaden frå barn og unge, og "
        "ungdomsrådet vil få planen til orientering.\n",
    ],
)
def test_statement_of_intent_is_partial_not_covered(text: str) -> None:
    result = judge(text, "barn-og-unges-medvirkning")
    assert result.status is Status.PARTIAL
    assert Reason.INTENT in result.reasons
    assert result.review  # held below covered by structure alone: a person should look


@pytest.mark.parametrize(
    "text",
    [
        "# Barn og unges stemme\nUngdomsrådet har vært høringsinstans for planen, og innspillene "
        "er tatt med i tiltakene.\n",
        "# Barn og unge si stemme\nUngdomsrådet har vore høyringsinstans for planen, og innspela "
        "er teke med i tiltaka.\n",
    ],
)
def test_description_of_what_is_done_stays_covered(text: str) -> None:
    assert judge(text, "barn-og-unges-medvirkning").status is Status.COVERED


@pytest.mark.parametrize(
    ("sentence", "intent"),
    [
        ("Kommunen ønsker å styrke medvirkningen.", True),
        ("Kommunen ønskjer å styrkje medverknaden.", True),
        ("Kommunen vil vurdere å etablere et familiens hus.", True),
        ("Dette skal på sikt samordnes.", True),
        ("Ungdomsrådet uttaler seg om planen.", False),
    ],
)
def test_intent_sentences(sentence: str, intent: bool) -> None:
    assert bool(intent_sentences(tokenise(normalise(sentence)))) is intent


# ------------------------------------------------------------- topic and actor in one sentence

LEVELS_NB = (
    "# Slik er arbeidet organisert\nArbeidet er organisert på tre nivåer. På kommunenivå har "
    "oppvekstutvalget i ledergruppen ansvar for prioriteringer og ressurser. På tjenestenivå har "
    "hver enhetsleder ansvar for at planens tiltak gjennomføres. På individnivå møtes det "
    "tverrfaglige teamet på skolen hver annen uke.\n"
)
LEVELS_NN = (
    "# Korleis arbeidet er organisert\nArbeidet er organisert på tre nivå. På kommunenivå har "
    "leiargruppa ansvar for prioriteringar og ressursar. På tenestenivå har kvar einingsleiar "
    "ansvar for at tiltaka i planen vert gjennomførte. På individnivå møtest det tverrfaglege "
    "teamet på skulen annakvar veke.\n"
)


@pytest.mark.parametrize("text", [LEVELS_NB, LEVELS_NN])
def test_responsibility_without_a_named_service_in_the_sentence_is_partial(text: str) -> None:
    assert judge(text, "ansvarsfordeling").status is Status.PARTIAL


@pytest.mark.parametrize(
    "text",
    [
        "# 8 Tjenestenes ansvar\nOppvekst (barnehage og skole) har ansvaret for at barn som "
        "strever blir oppdaget. Barneverntjenesten har ansvaret for familier der hjelpen ikke er "
        "nok. NAV har ansvaret for økonomisk oppfølging av barnefamilier.\n",
        "# Slik arbeider vi\nBarnehagen og skulen har ansvaret for at barn som strevar blir "
        "oppdaga. Barnevernstenesta har ansvaret for familiar der hjelpa ikkje er nok. NAV har "
        "ansvaret for økonomisk oppfølging av barnefamiliar.\n",
    ],
)
def test_several_responsibility_statements_are_a_description(text: str) -> None:
    assert judge(text, "ansvarsfordeling").status is Status.COVERED


# ------------------------------------------------------------- responsibility table

TABLE_NN = """# 3.2 Kven gjer kva
| Teneste | Ansvar | Samarbeidspartnarar |
| Helsestasjon og skulehelseteneste | Helsekontrollar og foreldrerettleiing | Barnehage, skule |
| Barnehage | Tidleg oppdaging og språkarbeid | Helsestasjon, PPT |
| Skule og SFO | Godt skulemiljø og oppfølging av fråvær | PPT |
| NAV | Økonomisk rådgjeving | Barnevern |
"""
TABLE_NB = """# Slik jobber vi
| Tjeneste | Ansvar |
| Helsestasjonen | Helsekontroller og foreldreveiledning |
| Barnehagen | Tidlig oppdagelse og språkarbeid |
| Skolen | Godt skolemiljø og oppfølging av fravær |
"""
TILTAK_TABLE_NB = """# Tiltak
| Tiltak | Målgruppe | Ansvarlig |
| ICDP foreldreveiledning | Foreldre med barn 0–6 år | Helsestasjonen |
| Psykologisk førstehjelp | Elever på 5.–7. trinn | Skolen |
| Fritidskort | Barn i lavinntektsfamilier | Kultur |
"""


@pytest.mark.parametrize("text", [TABLE_NN, TABLE_NB])
def test_table_keyed_by_service_with_responsibility_column_is_covered(text: str) -> None:
    assert judge(text, "ansvarsfordeling").status is Status.COVERED


def test_tiltak_table_with_an_ansvarlig_column_is_not_covered() -> None:
    assert judge(TILTAK_TABLE_NB, "ansvarsfordeling").status is not Status.COVERED


# ------------------------------------------------------------- echo continuation


@pytest.mark.parametrize(
    "text",
    [
        "# Innledning\nKommunestyret skal vedta en plan for kommunens forebyggende arbeid. Planen "
        "skal beskrive mål og organisering. Den skal også vise hvordan barn og unge medvirker, og "
        "hvordan ledelsen avklarer uenighet om ansvar.\n",
        "# Innleiing\nKommunestyret skal vedta ein plan for det førebyggjande arbeidet. Planen "
        "skal skildre mål og organisering. Ho skal òg vise korleis barn og unge medverkar, og "
        "korleis leiinga avklarer usemje om ansvar.\n",
    ],
)
def test_pronoun_continuation_of_an_echo_is_an_echo(text: str) -> None:
    for requirement in ("barn-og-unges-medvirkning", "avklaring-ved-uenighet", "ansvarsfordeling"):
        assert judge(text, requirement).status is Status.MISSING, requirement


# ------------------------------------------------------------- exclusion scoped to the clause


@pytest.mark.parametrize(
    "text",
    [
        "# Politisk behandling\nPlanen ble behandlet i hovedutvalg for oppvekst og deretter "
        "vedtatt av kommunestyret i møte 21.09.2024 (K-sak 106/24).\n",
        "# Politisk handsaming\nPlanen vart handsama i hovudutval for oppvekst og deretter "
        "vedteken av kommunestyret 21.09.2024 (K-sak 106/24).\n",
    ],
)
def test_adoption_after_a_committee_in_a_later_clause_counts(text: str) -> None:
    assert judge(text, "kommunestyrevedtak").status is Status.COVERED


@pytest.mark.parametrize(
    "text",
    [
        "# Forord\nPlanen ble vedtatt i formannskapet 12.02.2024, sak 8/24.\n",
        "# Føreord\nPlanen vart vedteken i formannskapet 12.02.2024, sak 8/24.\n",
    ],
)
def test_adoption_by_formannskapet_alone_still_does_not_count(text: str) -> None:
    assert judge(text, "kommunestyrevedtak").status is Status.MISSING


def test_clause_numbers_split_at_sequence_words_and_commas() -> None:
    tokens = tokenise(normalise("behandlet i hovedutvalget og deretter vedtatt, sak 1/24"))
    numbers = clause_numbers(tokens)
    assert numbers[tokens.words.index("hovedutvalget")] != numbers[tokens.words.index("vedtatt")]
    assert numbers[tokens.words.index("vedtatt")] != numbers[tokens.words.index("sak")]


# ------------------------------------------------------------- heading over a negating body


@pytest.mark.parametrize(
    "text",
    [
        "# 9 Samarbeid mellom tjenestene\nPlanen omhandler ikke samarbeidet mellom tjenestene. "
        "Temaet tas opp ved neste rullering.\n",
        "# Samarbeid mellom tenestene\nDet er ikkje utarbeidd rutinar for samarbeid mellom "
        "tenestene. Temaet vert teke opp att ved neste rullering.\n",
    ],
)
def test_heading_whose_body_only_negates_is_missing(text: str) -> None:
    result = judge(text, "samarbeid")
    assert result.status is Status.MISSING
    assert Reason.NEGATED in result.reasons


# ------------------------------------------------------------- evidence


@pytest.mark.parametrize(
    "text",
    [
        "# Andre planer\nSe også kommunens øvrige dokumenter for barn og unge.\n",
        "# Andre planar\nSjå òg dei andre dokumenta til kommunen for barn og unge.\n",
    ],
)
def test_heading_only_unit_shows_the_text_under_the_heading(text: str) -> None:
    result = judge(text, "sammenheng-med-andre-planer")
    assert result.status is Status.PARTIAL
    assert result.evidence and result.evidence[0].section in ("Andre planer", "Andre planar")
    assert result.evidence[0].excerpt.startswith("S")


def test_first_evidence_prefers_the_section_under_a_matching_heading() -> None:
    text = (
        "# Innledning\nAnsvaret for det forebyggende arbeidet er delt mellom tjenestene.\n"
        "# Ansvarsfordeling\nAnsvaret er delt mellom tjenestene, se delegeringsreglementet.\n"
    )
    result = judge(text, "ansvarsfordeling")
    assert result.status is Status.PARTIAL
    assert result.evidence[0].section == "Ansvarsfordeling"
