"""Advice for partial/missing requirements: from the ruleset's aspect advice and the
matcher's findings, ending with where to write."""

from __future__ import annotations

import pytest

from plansjekk.advice import _QUIET_REASONS, advice_for, lacking, short_advice, where_to_write
from plansjekk.findings import Reason, RequirementResult
from plansjekk.i18n import LANGS, _catalog
from plansjekk.rules.model import Aspect, Requirement, Severity, Status

SAMARBEID = Requirement(
    id="samarbeid",
    title={"nb": "Samarbeid mellom tjenestene", "nn": "Samarbeid mellom tenestene"},
    severity=Severity.REQUIRED,
    guidance={"nb": "Beskriv arenaer og rutiner for samarbeidet."},
    aspects=(
        Aspect(id="samarbeid", terms=("samarbeid*",)),
        Aspect(
            id="arenaer",
            terms=("samarbeidsforum",),
            advice={
                "nb": "nevner samarbeid, men beskriver ikke arenaer eller rutiner for samarbeidet",
                "nn": "nemner samarbeid, men skildrar ikkje arenaer eller rutinar for samarbeidet",
            },
        ),
        Aspect(id="systemniva", terms=("systemnivå",), title={"nb": "samarbeid på systemnivå"}),
        Aspect(id="individ-niva", terms=("individnivå",)),
    ),
)


def result(status: Status, **fields: object) -> RequirementResult:
    values: dict[str, object] = {"score": 0.4, **fields}
    return RequirementResult(id="samarbeid", severity=Severity.REQUIRED, status=status,
                             **values)  # type: ignore[arg-type]


def test_covered_needs_no_advice() -> None:
    assert advice_for(result(Status.COVERED, suggested_section="4 Samarbeid"), SAMARBEID,
                      "nb") == []


def test_partial_names_each_missing_aspect_and_the_section_to_extend() -> None:
    lines = advice_for(
        result(Status.PARTIAL, aspects_found=("samarbeid",),
               aspects_missing=("arenaer", "systemniva", "individ-niva"),
               suggested_section="4 Samarbeid og samordning"),
        SAMARBEID, "nb",
    )
    assert lines == [
        "Nevner samarbeid, men beskriver ikke arenaer eller rutiner for samarbeidet.",
        "Beskriv også samarbeid på systemnivå.",
        "Beskriv også individ niva.",
        "Passer best under «4 Samarbeid og samordning».",
    ]


def test_nynorsk_advice() -> None:
    lines = advice_for(result(Status.PARTIAL, aspects_missing=("arenaer",)), SAMARBEID, "nn")
    assert lines == [
        "Nemner samarbeid, men skildrar ikkje arenaer eller rutinar for samarbeidet.",
        "Legg til eit eige avsnitt med overskrifta «Samarbeid mellom tenestene».",
    ]


def test_missing_without_findings_gives_the_guidance_and_a_heading_to_add() -> None:
    lines = advice_for(result(Status.MISSING, score=0.0), SAMARBEID, "nb")
    assert lines == [
        "Skriv et avsnitt om dette. Beskriv arenaer og rutiner for samarbeidet.",
        "Legg til et eget avsnitt med overskriften «Samarbeid mellom tjenestene».",
    ]


def test_reasons_explain_why_text_found_does_not_count() -> None:
    lines = advice_for(
        result(Status.MISSING, reasons=(Reason.NO_BODY, Reason.FEW_ASPECTS),
               suggested_section="Samarbeid"),
        SAMARBEID, "nb",
    )
    assert lines[0] == "Overskriften finnes, men det står ingen tekst under den."
    assert lines[1].startswith("Skriv et avsnitt om dette.")
    assert lines[-1] == "Passer best under «Samarbeid»."
    assert len(lines) == 3  # FEW_ASPECTS is left to the aspects' own advice


def test_english_falls_back_to_bokmal_ruleset_text_but_english_frame() -> None:
    lines = advice_for(result(Status.PARTIAL, aspects_missing=("arenaer",)), SAMARBEID, "en")
    assert lines[0].startswith("Nevner samarbeid")
    assert lines[1] == "Add a section of its own headed “Samarbeid mellom tjenestene”."


def test_where_to_write_prefers_the_matchers_suggestion() -> None:
    found = result(Status.PARTIAL, suggested_section="3 Organisering")
    assert where_to_write(found, SAMARBEID, "nb") == "Passer best under «3 Organisering»."


def test_lacking_is_advice_for_without_where_to_write() -> None:
    found = result(Status.PARTIAL, aspects_missing=("arenaer",), suggested_section="4 Samarbeid")
    assert lacking(found, SAMARBEID, "nb") == [
        "Nevner samarbeid, men beskriver ikke arenaer eller rutiner for samarbeidet."
    ]
    assert advice_for(found, SAMARBEID, "nb") == [
        *lacking(found, SAMARBEID, "nb"), "Passer best under «4 Samarbeid»."
    ]
    assert lacking(result(Status.COVERED), SAMARBEID, "nb") == []


def test_intent_says_what_to_describe_instead() -> None:
    lines = advice_for(result(Status.PARTIAL, reasons=(Reason.INTENT,)), SAMARBEID, "nb")
    assert lines[0].startswith("Teksten sier bare hva kommunen ønsker eller vil vurdere")


def test_aspect_unknown_to_the_ruleset_is_left_out() -> None:
    """A result from an older cached run may name an aspect the ruleset no longer has."""
    found = result(Status.PARTIAL, aspects_missing=("fjernet-aspekt", "arenaer"))
    assert lacking(found, SAMARBEID, "nb") == [
        "Nevner samarbeid, men beskriver ikke arenaer eller rutiner for samarbeidet."
    ]


def test_requirement_unknown_to_the_ruleset_still_says_where() -> None:
    found = result(Status.MISSING, aspects_missing=("arenaer",))
    assert advice_for(found, None, "nb") == [
        "Legg til et eget avsnitt med overskriften «samarbeid»."
    ]
    assert short_advice(found, None, "nb") == advice_for(found, None, "nb")[0]


def test_section_from_a_document_is_one_clean_line() -> None:
    found = result(Status.PARTIAL, suggested_section="3\x1b[2J  Organisering\n og ansvar")
    assert where_to_write(found, SAMARBEID, "nb") == (
        "Passer best under «3[2J Organisering og ansvar»."
    )


@pytest.mark.parametrize("reason", sorted(set(Reason) - _QUIET_REASONS), ids=str)
def test_every_reason_that_gives_advice_has_it_in_every_language(reason: Reason) -> None:
    texts = _catalog().get(f"planner.advice.reason.{reason.value}") or {}
    assert all(texts.get(lang) for lang in LANGS), f"{reason}: {sorted(texts)}"
