"""Hand-built runs for the report tests, independent of readers and matcher.

A small but realistic ruleset (four requirements, aspects with advice in three languages)
and documents that exercise every branch a format has: a bokmål PDF with pages, a nynorsk
DOCX without pages, a document whose text tries to attack the reader, and an unreadable
file.
"""

from __future__ import annotations

import pytest

from plansjekk.findings import (
    DocumentError,
    DocumentResult,
    Evidence,
    Reason,
    RequirementResult,
    RulesetInfo,
    Run,
)
from plansjekk.i18n import Message
from plansjekk.report import ReportOptions
from plansjekk.rules.model import Aspect, Requirement, Ruleset, Severity, Status

REQUIRED = Severity.REQUIRED
RECOMMENDED = Severity.RECOMMENDED

HOSTILE_EXCERPT = (
    "<script>window.__pwned = 1</script> Ansvar for tiltak \x1b[2J\x1b[31mligger hos "
    "[bold red]rektor[/bold red] og helsesykepleier."
)
FORMULA_EXCERPT = "=HYPERLINK(\"http://example.invalid\",\"klikk\") samarbeid med skolen"


def _texts(nb: str, nn: str, en: str) -> dict[str, str]:
    return {"nb": nb, "nn": nn, "en": en}


@pytest.fixture
def ruleset() -> Ruleset:
    return Ruleset(
        id="bvl-15-1",
        version="2026.1",
        path="rules/bvl-15-1.yaml",
        title=_texts(
            "Plan for forebyggende arbeid (barnevernsloven § 15-1)",
            "Plan for førebyggjande arbeid (barnevernslova § 15-1)",
            "Prevention plan (Child Welfare Act § 15-1)",
        ),
        requirements=(
            Requirement(
                id="ansvarsfordeling",
                title=_texts(
                    "Ansvarsfordeling mellom tjenestene",
                    "Ansvarsfordeling mellom tenestene",
                    "Division of responsibility between services",
                ),
                severity=REQUIRED,
                legal_basis="barnevernsloven § 15-1 annet ledd",
                guidance=_texts(
                    "Beskriv hvilken tjeneste som har ansvar for hva, gjerne i en tabell.",
                    "Skildre kva teneste som har ansvar for kva, gjerne i ein tabell.",
                    "Describe which service is responsible for what, preferably in a table.",
                ),
                aspects=(
                    Aspect(
                        id="roller",
                        terms=("ansvar*",),
                        advice=_texts(
                            "Nevn hvilke tjenester som har ansvar for hvilke oppgaver.",
                            "Nemn kva tenester som har ansvar for kva oppgåver.",
                            "Name which services are responsible for which tasks.",
                        ),
                    ),
                    Aspect(
                        id="tabell",
                        terms=("ansvarstabell",),
                        advice=_texts(
                            "Lag en oversikt over ansvar per tjeneste.",
                            "Lag ei oversikt over ansvar per teneste.",
                            "Add an overview of responsibility per service.",
                        ),
                    ),
                ),
            ),
            Requirement(
                id="samarbeid",
                title=_texts(
                    "Samarbeid mellom tjenestene",
                    "Samarbeid mellom tenestene",
                    "Cooperation between services",
                ),
                severity=REQUIRED,
                guidance=_texts(
                    "Beskriv arenaer og rutiner for samarbeid på tvers av tjenestene.",
                    "Skildre arenaer og rutinar for samarbeid på tvers av tenestene.",
                    "Describe forums and routines for cooperation across services.",
                ),
                aspects=(
                    Aspect(id="samarbeid", terms=("samarbeid*",)),
                    Aspect(
                        id="arenaer",
                        terms=("arena*", "møte*"),
                        advice=_texts(
                            "Nevner samarbeid, men beskriver ikke arenaer eller rutiner for "
                            "samarbeidet.",
                            "Nemner samarbeid, men skildrar ikkje arenaer eller rutinar for "
                            "samarbeidet.",
                            "Mentions cooperation but describes no forums or routines for it.",
                        ),
                    ),
                ),
            ),
            Requirement(
                id="barn-og-unges-medvirkning",
                title=_texts(
                    "Barn og unges medvirkning",
                    "Medverknad frå barn og unge",
                    "Participation of children and young people",
                ),
                severity=REQUIRED,
                guidance=_texts(
                    "Beskriv hvordan barn og unge er tatt med i arbeidet med planen.",
                    "Skildre korleis barn og unge er tekne med i arbeidet med planen.",
                    "Describe how children and young people took part in the plan.",
                ),
                aspects=(
                    Aspect(
                        id="medvirkning",
                        terms=("medvirkning*", "medverknad*"),
                        advice=_texts(
                            "Beskriv hvordan barn og unge har medvirket (ungdomsråd, "
                            "elevråd, spørreundersøkelser).",
                            "Skildre korleis barn og unge har medverka (ungdomsråd, elevråd).",
                            "Describe how children took part (youth council, surveys).",
                        ),
                    ),
                ),
            ),
            Requirement(
                id="tiltak",
                title=_texts("Konkrete tiltak", "Konkrete tiltak", "Concrete measures"),
                severity=RECOMMENDED,
                guidance=_texts(
                    "List tiltak på universelt, selektivt og indikert nivå.",
                    "List tiltak på universelt, selektivt og indikert nivå.",
                    "List measures at universal, selective and indicated level.",
                ),
            ),
        ),
    )


@pytest.fixture
def asker() -> DocumentResult:
    """A bokmål PDF that fails: one required requirement partial, one missing."""
    return DocumentResult(
        path="innsendt/asker.pdf",
        format="pdf",
        pages=42,
        language="nb",
        municipality="Asker kommune",
        warnings=(Message("warning.some-pages-without-text"),),
        passed=False,
        requirements=(
            RequirementResult(
                id="ansvarsfordeling",
                severity=REQUIRED,
                status=Status.COVERED,
                score=0.91,
                evidence=(
                    Evidence(
                        excerpt="Barnehagen har ansvar for tidlig innsats, og helsestasjonen "
                        "har ansvar for foreldreveiledning.",
                        page=12,
                        section="4.2 Ansvar og roller",
                        matched=("ansvar for",),
                        score=0.9,
                    ),
                    Evidence(
                        excerpt="Se ansvarstabell i vedlegg 1.",
                        page=40,
                        section="Vedlegg 1",
                        matched=("ansvarstabell",),
                    ),
                ),
                aspects_found=("roller", "tabell"),
                sections_weighed=("4.2 Ansvar og roller", "Vedlegg 1"),
            ),
            RequirementResult(
                id="samarbeid",
                severity=REQUIRED,
                status=Status.PARTIAL,
                score=0.31,
                evidence=(
                    Evidence(
                        excerpt="Tjenestene skal ha et godt samarbeid.",
                        page=7,
                        section="2 Innledning",
                        matched=("samarbeid",),
                    ),
                ),
                reasons=(Reason.PASSING_MENTION, Reason.FEW_ASPECTS),
                aspects_found=("samarbeid",),
                aspects_missing=("arenaer",),
                review=True,
                sections_weighed=("2 Innledning",),
                suggested_section="3 Organisering",
            ),
            RequirementResult(
                id="barn-og-unges-medvirkning",
                severity=REQUIRED,
                status=Status.MISSING,
                score=0.0,
                aspects_missing=("medvirkning",),
                suggested_section="5 Medvirkning og involvering",
            ),
            RequirementResult(
                id="tiltak",
                severity=RECOMMENDED,
                status=Status.COVERED,
                score=0.78,
                evidence=(
                    Evidence(
                        excerpt="Tiltak på universelt nivå: foreldreveiledning (ICDP).",
                        page=20,
                        section="6 Tiltak",
                        matched=("Tiltak", "universelt"),
                    ),
                ),
            ),
        ),
    )


@pytest.fixture
def voss() -> DocumentResult:
    """A nynorsk DOCX (no pages) that passes; one recommended requirement accepted."""
    return DocumentResult(
        path="innsendt/voss.docx",
        format="docx",
        pages=None,
        language="nn",
        municipality="Voss herad",
        passed=True,
        requirements=(
            RequirementResult(
                id="ansvarsfordeling",
                severity=REQUIRED,
                status=Status.COVERED,
                score=0.88,
                evidence=(
                    Evidence(
                        excerpt="Ansvarsfordelinga mellom tenestene går fram av tabellen.",
                        page=None,
                        section="2 Ansvarsfordeling",
                        matched=("Ansvarsfordelinga",),
                    ),
                ),
            ),
            RequirementResult(
                id="samarbeid",
                severity=REQUIRED,
                status=Status.COVERED,
                score=0.7,
                evidence=(
                    Evidence(
                        excerpt="Samarbeidsmøte kvar månad mellom skule og barnevern.",
                        page=None,
                        section="3 Samarbeid",
                        matched=("Samarbeidsmøte",),
                    ),
                ),
            ),
            RequirementResult(
                id="barn-og-unges-medvirkning",
                severity=REQUIRED,
                status=Status.COVERED,
                score=0.66,
                evidence=(
                    Evidence(
                        excerpt="Ungdomsrådet har gitt innspel, og medverknad er sikra.",
                        page=None,
                        section="4 Medverknad",
                        matched=("medverknad",),
                    ),
                ),
            ),
            RequirementResult(
                id="tiltak",
                severity=RECOMMENDED,
                status=Status.MISSING,
                score=0.05,
                accepted="Tiltaka står i handlingsplanen for oppvekst.",
            ),
        ),
    )


@pytest.fixture
def hostile() -> DocumentResult:
    """A PDF whose text tries HTML/terminal/markup/formula injection."""
    return DocumentResult(
        path="innsendt/alna<img src=x>.pdf",
        format="pdf",
        pages=3,
        language="nb",
        municipality="Bydel Alna",
        passed=False,
        requirements=(
            RequirementResult(
                id="ansvarsfordeling",
                severity=REQUIRED,
                status=Status.PARTIAL,
                score=0.4,
                evidence=(
                    Evidence(
                        excerpt=HOSTILE_EXCERPT,
                        page=2,
                        section="1 <b>Ansvar</b>",
                        matched=("Ansvar for",),
                    ),
                ),
                aspects_missing=("tabell",),
            ),
            RequirementResult(
                id="samarbeid",
                severity=REQUIRED,
                status=Status.PARTIAL,
                score=0.3,
                evidence=(
                    Evidence(
                        excerpt=FORMULA_EXCERPT,
                        page=3,
                        section="-2 Samarbeid",
                        matched=("samarbeid",),
                    ),
                ),
            ),
            RequirementResult(
                id="barn-og-unges-medvirkning",
                severity=REQUIRED,
                status=Status.MISSING,
                score=0.0,
            ),
            RequirementResult(
                id="tiltak", severity=RECOMMENDED, status=Status.MISSING, score=0.0
            ),
        ),
    )


@pytest.fixture
def unreadable() -> DocumentResult:
    path = "innsendt/skannet.pdf"
    return DocumentResult(
        path=path,
        status="error",
        error=DocumentError(
            code="no-text-layer", message=Message("error.no-text-layer", {"path": path})
        ),
        format="pdf",
    )


def _info() -> RulesetInfo:
    return RulesetInfo(id="bvl-15-1", version="2026.1", path="rules/bvl-15-1.yaml")


@pytest.fixture
def single_run(asker: DocumentResult) -> Run:
    return Run(tool_version="0.3.0", ruleset=_info(), documents=(asker,))


@pytest.fixture
def nynorsk_run(voss: DocumentResult) -> Run:
    return Run(tool_version="0.3.0", ruleset=_info(), documents=(voss,))


@pytest.fixture
def batch_run(
    asker: DocumentResult, voss: DocumentResult, hostile: DocumentResult, unreadable: DocumentResult
) -> Run:
    return Run(
        tool_version="0.3.0",
        ruleset=_info(),
        documents=(asker, voss, hostile, unreadable),
        skipped=("innsendt/logo.png",),
    )


@pytest.fixture
def plain() -> ReportOptions:
    """Options of a run whose output is not a terminal."""
    return ReportOptions(color=False, width=100)
