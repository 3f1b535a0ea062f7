"""What every format needs to say the same thing: titles in the right language, labels,
row labels, which excerpts are worth showing, totals, and the cleaning of text that came
from a document.

Formats differ only in layout; keeping these decisions here means a nynorsk plan gets
nynorsk titles, and a hostile PDF gets neutralised, in every format alike. Advice (what is
lacking, where to write it) is not worded here but in `plansjekk.advice`, which the planner's
tools share.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from plansjekk import advice
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


def row_labels(documents: Sequence[DocumentResult]) -> list[str]:
    """One distinct label per document, in order, for the rows of a batch.

    Usually the municipality; when two documents share it (a plan's DOCX and its PDF, two
    versions of one plan) each gets its file name added, "Fjellvik kommune (plan.docx)", and
    the whole path when even the file names are the same.
    """
    labels = [municipality_label(d) for d in documents]
    names = [one_line(PurePath(d.path).name) for d in documents]
    shared = Counter(labels)
    shared_names = Counter(zip(labels, names, strict=True))
    result = []
    for label, name, document in zip(labels, names, documents, strict=True):
        if shared[label] > 1:
            suffix = name if shared_names[label, name] == 1 else one_line(document.path)
            if suffix != label:
                label = f"{label} ({suffix})"
        result.append(label)
    return result


def labelled_documents(run: Run) -> list[tuple[DocumentResult, str]]:
    """The run's documents, each with its row label (see `row_labels`)."""
    return list(zip(run.documents, row_labels(run.documents), strict=True))


def error_documents(run: Run) -> list[DocumentResult]:
    """The documents that could not be read."""
    return [d for d in run.documents if d.status == "error"]


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


def status_cell(status: str, accepted: bool, lang: Lang) -> str:
    """"mangler (godtatt)": a status word with the accepted-exception note, for table cells."""
    text = status_label(status, lang)
    return f"{text} ({status_label('accepted', lang)})" if accepted else text


def severity_label(severity: str, lang: Lang) -> str:
    return t(f"report.severity.{severity}", lang)


def language_label(code: str, lang: Lang) -> str:
    return t(f"report.language.{code}", lang) if code in ("nb", "nn", "und") else code


def guidance(requirement: Requirement | None, lang: Lang) -> str:
    return pick(requirement.guidance, lang) if requirement and requirement.guidance else ""


def reason_texts(result: RequirementResult, lang: Lang) -> list[str]:
    """Why the matcher judged as it did (diagnosis, shown with --verbose); what to do about it
    is `plansjekk.advice`'s wording."""
    return [t(f"reason.{reason.value}", lang) for reason in result.reasons]


@dataclass(frozen=True, slots=True)
class Notes:
    """What a report says under one requirement besides its excerpts; each format only lays
    these out. Texts are cleaned but not escaped."""

    accepted: str = ""
    """"godtatt unntak: …" when an accepted exception applies."""
    lacking: tuple[str, ...] = ()
    """What is lacking, from `plansjekk.advice` (empty when covered)."""
    where: str = ""
    """Where to write it: "Passer best under «3 Organisering»."."""
    guidance: str = ""
    """What a good section contains (the ruleset's guidance; only when verbose)."""
    reasons: str = ""
    """The matcher's reasons, "; "-joined (only when verbose)."""
    sections: str = ""
    """The sections weighed, ", "-joined (only when verbose)."""


def requirement_notes(result: RequirementResult, ruleset: Ruleset, lang: Lang,
                      titles_lang: Lang, verbose: bool) -> Notes:
    """The notes for one requirement. Advice and guidance come from the ruleset, so they are
    in the plan's målform like the titles (`titles_lang`); the labels stay in `lang`."""
    requirement = ruleset.get(result.id)
    accepted = ""
    if result.accepted is not None:
        accepted = t("report.accepted", lang, reason=one_line(result.accepted))
    lacking: tuple[str, ...] = ()
    where = ""
    if result.status is not Status.COVERED:
        lacking = tuple(one_line(line) for line in advice.lacking(result, requirement,
                                                                   titles_lang))
        where = one_line(advice.where_to_write(result, requirement, titles_lang))
    if not verbose:
        return Notes(accepted, lacking, where)
    text = guidance(requirement, titles_lang) if result.status is not Status.COVERED else ""
    return Notes(
        accepted, lacking, where, one_line(text),
        "; ".join(reason_texts(result, lang)),
        ", ".join(one_line(s) for s in result.sections_weighed),
    )


MIN_EXCERPT_WORDS = 3
"""Fewer words than this («Delmål…», «…Ansvar…», a lone table header) cannot show a reader
why a requirement counts, so such excerpts are not shown."""


def excerpt_line(evidence: Evidence) -> str:
    """The excerpt as one cleaned line."""
    return one_line(evidence.excerpt)


def is_worth_showing(evidence: Evidence) -> bool:
    """False for an empty excerpt and for one too short to verify anything."""
    words = re.findall(r"\w+", excerpt_line(evidence))
    return len(words) >= MIN_EXCERPT_WORDS


def shown_evidence(result: RequirementResult) -> list[Evidence]:
    """The excerpts a report shows for one requirement (JSON keeps all of them)."""
    return [e for e in result.evidence if is_worth_showing(e)]


def hidden_locations(result: RequirementResult, lang: Lang) -> str:
    """Where the excerpts that are too short to show were found ("s. 3 · 7 Ansvar"), when no
    excerpt is shown at all: the reader still learns where to look."""
    if shown_evidence(result):
        return ""
    locations = dict.fromkeys(location_label(e, lang) for e in result.evidence)
    return "; ".join(location for location in locations if location)


def excerpt_spans(evidence: Evidence) -> list[tuple[str, bool]]:
    """The cleaned excerpt cut into (piece, is_match) for highlighting (see highlight_spans)."""
    return highlight_spans(excerpt_line(evidence), evidence.matched)


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


def verdict_of(document: DocumentResult) -> str:
    """"passed", "failed" or "error": one plan's verdict in a matrix row."""
    if document.status == "error":
        return "error"
    return "passed" if document.passed else "failed"


def verdict_word(document: DocumentResult, lang: Lang) -> str:
    """The matrix's "Bestått" column: "ja", "nei" or "feil"."""
    key = {"passed": "report.yes", "failed": "report.no",
           "error": "report.status.error"}[verdict_of(document)]
    return t(key, lang)


def document_facts(document: DocumentResult, lang: Lang) -> list[str]:
    """"pdf", "42 sider", "bokmål": what is known about one file, for a header line."""
    facts = [document.format] if document.format else []
    if document.pages is not None:
        facts.append(f"{document.pages} {t('report.field.pages', lang).lower()}")
    facts.append(language_label(document.language, lang))
    return facts


def is_accepted(document: DocumentResult, requirement_id: str) -> bool:
    result = document.requirement(requirement_id)
    return result is not None and result.accepted is not None


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


def verdict_counts(run: Run) -> Counter[str]:
    """How many plans passed, failed and could not be read."""
    return Counter(verdict_of(d) for d in run.documents)


def batch_summary(run: Run, lang: Lang) -> str:
    counts = verdict_counts(run)
    return t(
        "report.summary.batch",
        lang,
        documents=len(run.documents),
        passed=counts["passed"],
        failed=counts["failed"],
        errors=counts["error"],
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
