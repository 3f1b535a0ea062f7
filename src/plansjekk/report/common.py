"""What every format needs to say the same thing: titles in the right language, labels,
advice, totals, and the cleaning of text that came from a document.

Formats differ only in layout; keeping these decisions here means a nynorsk plan gets
nynorsk titles, and a hostile PDF gets neutralised, in every format alike.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from plansjekk.findings import DocumentResult, Evidence, RequirementResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.policy import FailOn, requirement_fails
from plansjekk.rules.model import Requirement, Ruleset, Status, pick

SYMBOLS: dict[str, str] = {"covered": "✔", "partial": "◐", "missing": "✘", "error": "!"}
"""One glyph per status; the same in terminal, markdown and HTML so users learn it once."""

STATUS_RANK: dict[str, int] = {"covered": 0, "partial": 1, "missing": 2, "error": 3}

_ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
"""C0/C1 controls (keeping tab and newline) and bidi overrides that could disguise text."""


def clean_text(text: str) -> str:
    """Document text made safe to show: ANSI escapes and control characters removed.

    A PDF can carry any bytes; printed raw they could move the cursor, clear the screen
    or recolour the caseworker's terminal.
    """
    return _CONTROL.sub("", _ANSI_ESCAPE.sub("", text))


def one_line(text: str) -> str:
    """Cleaned text with all whitespace runs collapsed, for table cells and CI messages."""
    return " ".join(clean_text(text).split())


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """A spreadsheet cell that cannot be run as a formula (CSV/formula injection).

    A leading apostrophe makes Excel and LibreOffice show the text as text.
    """
    if value.startswith(_FORMULA_START):
        return "'" + value
    return value


def display_lang(lang: Lang, document_language: str) -> Lang:
    """The language of requirement titles for one document: a nynorsk plan read with the
    default bokmål report gets nynorsk titles; an explicit nn or en is kept."""
    if lang == "nb" and document_language == "nn":
        return "nn"
    return lang


def municipality_label(document: DocumentResult) -> str:
    """The row label: the recognised municipality, else the file name without suffix."""
    if document.municipality:
        return one_line(document.municipality)
    return one_line(PurePath(document.path).stem) or document.path


def requirement_ids(run: Run, ruleset: Ruleset) -> list[str]:
    """Columns of a matrix: the ruleset's active requirements in order, then any id that a
    result carries but the ruleset does not (an older cached run, another ruleset)."""
    ids = [r.id for r in ruleset.active]
    for document in run.documents:
        for result in document.requirements:
            if result.id not in ids:
                ids.append(result.id)
    return ids


def requirement_title(ruleset: Ruleset, requirement_id: str, lang: Lang) -> str:
    requirement = ruleset.get(requirement_id)
    if requirement is None:
        return requirement_id
    return pick(requirement.title, lang) or requirement_id


def status_label(status: str, lang: Lang) -> str:
    return t(f"report.status.{status}", lang)


def severity_label(severity: str, lang: Lang) -> str:
    return t(f"report.severity.{severity}", lang)


def language_label(code: str, lang: Lang) -> str:
    return t(f"report.language.{code}", lang) if code in ("nb", "nn", "und") else code


def guidance(requirement: Requirement | None, lang: Lang) -> str:
    return pick(requirement.guidance, lang) if requirement and requirement.guidance else ""


def advice(result: RequirementResult, requirement: Requirement | None, lang: Lang) -> list[str]:
    """Concrete advice: the ruleset's text for each aspect the matcher found missing."""
    if requirement is None:
        return []
    by_id = {aspect.id: aspect for aspect in requirement.aspects}
    texts = []
    for aspect_id in result.aspects_missing:
        aspect = by_id.get(aspect_id)
        if aspect is None:
            continue
        text = pick(aspect.advice, lang) if aspect.advice else pick(aspect.title, lang)
        if text:
            texts.append(text)
    return texts


def reason_texts(result: RequirementResult, lang: Lang) -> list[str]:
    return [t(f"reason.{reason.value}", lang) for reason in result.reasons]


def page_label(page: int | None, lang: Lang) -> str:
    return t("report.page", lang, page=page) if page is not None else ""


def location_label(evidence: Evidence, lang: Lang) -> str:
    """"s. 12 · 4.2 Ansvar og roller": page and section, whichever exist (DOCX has no pages)."""
    parts = [page_label(evidence.page, lang), one_line(evidence.section or "")]
    return " · ".join(part for part in parts if part)


def pages_of(result: RequirementResult) -> list[int]:
    return sorted({e.page for e in result.evidence if e.page is not None})


def score_text(score: float) -> str:
    return f"{score:.2f}"


def fails(result: RequirementResult, run: Run) -> bool:
    """Whether this result fails its document under the run's fail-on policy."""
    try:
        policy = FailOn(run.fail_on)
    except ValueError:
        policy = FailOn.REQUIRED_PARTIAL
    return requirement_fails(result, policy)


def cell_status(document: DocumentResult, requirement_id: str) -> str | None:
    """Status of one matrix cell: "error" for an unreadable document, None when the
    requirement was not checked in it."""
    if document.status == "error":
        return "error"
    result = document.requirement(requirement_id)
    return result.status.value if result else None


@dataclass(frozen=True, slots=True)
class Totals:
    covered: int = 0
    partial: int = 0
    missing: int = 0


def totals_per_requirement(run: Run, ids: Iterable[str]) -> dict[str, Totals]:
    """Counts per requirement over the readable documents ("41 dekket, 18 delvis …")."""
    totals: dict[str, Totals] = {}
    for requirement_id in ids:
        counts: Counter[str] = Counter()
        for document in run.documents:
            result = document.requirement(requirement_id)
            if result is not None:
                counts[result.status.value] += 1
        totals[requirement_id] = Totals(counts["covered"], counts["partial"], counts["missing"])
    return totals


def document_summary(document: DocumentResult, lang: Lang) -> str:
    verdict = t("report.verdict.passed" if document.passed else "report.verdict.failed", lang)
    return t(
        "report.summary.document",
        lang,
        covered=document.count(Status.COVERED),
        partial=document.count(Status.PARTIAL),
        missing=document.count(Status.MISSING),
        verdict=verdict,
    )


def batch_summary(run: Run, lang: Lang) -> str:
    errors = sum(1 for d in run.documents if d.status == "error")
    passed = sum(1 for d in run.documents if d.status != "error" and d.passed)
    return t(
        "report.summary.batch",
        lang,
        documents=len(run.documents),
        passed=passed,
        failed=len(run.documents) - passed - errors,
        errors=errors,
    )


def error_text(document: DocumentResult, lang: Lang) -> str:
    if document.error is None:
        return ""
    return one_line(document.error.message.render(lang))


def highlight_spans(text: str, matched: Iterable[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_match) so each format can mark the matched words its own
    way (rich style, <mark>, **bold**) while escaping the pieces itself."""
    terms = sorted({m for m in matched if m.strip()}, key=len, reverse=True)
    if not terms:
        return [(text, False)] if text else []
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    spans: list[tuple[str, bool]] = []
    position = 0
    for found in pattern.finditer(text):
        if found.start() > position:
            spans.append((text[position : found.start()], False))
        spans.append((found.group(0), True))
        position = found.end()
    if position < len(text):
        spans.append((text[position:], False))
    return spans


def not_covered(document: DocumentResult) -> list[RequirementResult]:
    return [r for r in document.requirements if r.status is not Status.COVERED]
