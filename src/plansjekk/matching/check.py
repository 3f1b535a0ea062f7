"""`check_document`: one document against one ruleset → a `DocumentResult`."""

from __future__ import annotations

import gc
import time

from plansjekk.documents.model import Document
from plansjekk.findings import DocumentResult, RequirementResult
from plansjekk.i18n import Message
from plansjekk.matching import clauses
from plansjekk.matching.analysis import Analysis
from plansjekk.matching.compiled import CompiledRequirement, compiled, every_pattern
from plansjekk.matching.echo import mark_echoes
from plansjekk.matching.evidence import evidence_for
from plansjekk.matching.judge import Judgement, judge, mark_heading_owners
from plansjekk.matching.language import BOKMAL, NYNORSK, detect_language
from plansjekk.matching.sections import build_sections
from plansjekk.policy import FailOn, document_passes
from plansjekk.rules.model import Ruleset, Status, Thresholds


def check_document(
    document: Document, ruleset: Ruleset, fail_on: FailOn = FailOn.REQUIRED_PARTIAL
) -> DocumentResult:
    """Judges every active requirement inside the document's sections; never raises for a
    plan's content (an empty plan simply has everything missing)."""
    # The check allocates many small objects next to the document's large, long-lived
    # word index; the cyclic garbage collector would traverse that index again and again
    # (up to a third of the time on long plans) to find no cycles. Paused while checking.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _check(document, ruleset, fail_on)
    finally:
        if paused:
            gc.enable()


def _check(document: Document, ruleset: Ruleset, fail_on: FailOn) -> DocumentResult:
    started = time.perf_counter()
    requirements = compiled(ruleset)
    analysis = Analysis(document)
    analysis.look_up(every_pattern(requirements))
    analysis.look_up(clauses.INTENT)
    mark_echoes(analysis, _topic_hits(analysis, requirements))
    sections = build_sections(analysis)
    mark_heading_owners(analysis, requirements)
    warnings = [Message(key) for key in document.warnings]
    language = detect_language(_language_words(analysis))
    if language.mixed:
        warnings.append(
            Message("matching.mixed-language", {"share": round(language.nynorsk_share * 100)})
        )
    results = []
    for req in requirements:
        judgement = judge(analysis, req, sections)
        results.append(_result(analysis, req, judgement))
        if judgement.deprecated_found and req.requirement.deprecated:
            texts = req.requirement.deprecated.warning
            warnings.append(
                Message(
                    "matching.deprecated",
                    {
                        "requirement": req.requirement.id,
                        "nb": texts.get("nb", ""),
                        "nn": texts.get("nn") or texts.get("nb", ""),
                        "en": texts.get("en") or texts.get("nb", ""),
                    },
                )
            )
    return DocumentResult(
        path=document.path,
        status="ok",
        format=document.format,
        pages=document.pages,
        language=language.language,
        warnings=tuple(warnings),
        requirements=tuple(results),
        passed=document_passes(results, fail_on),
        seconds=round(time.perf_counter() - started, 4),
    )


def _topic_hits(
    analysis: Analysis, requirements: tuple[CompiledRequirement, ...]
) -> dict[str, list]:
    """Each section-scope requirement's topic-word hits, for the echo enumeration test."""
    topics = {}
    for req in requirements:
        if req.requirement.scope == "document" or not req.aspects:
            continue
        topics[req.requirement.id] = [h for p in req.aspects[0][1] for h in analysis.hits(p)]
    return topics


def _language_words(analysis: Analysis) -> list[str]:
    """The words `detect_language` counts, each as often as the document has it (from the
    vocabulary index instead of a walk over every word)."""
    occurrences = analysis.occurrences
    words: list[str] = []
    for word in sorted(BOKMAL | NYNORSK):
        words.extend([word] * len(occurrences.get(word, ())))
    return words


def status_for(score: float, thresholds: Thresholds) -> Status:
    if score >= thresholds.covered:
        return Status.COVERED
    if score >= thresholds.partial:
        return Status.PARTIAL
    return Status.MISSING


def _review(score: float, thresholds: Thresholds) -> bool:
    margin = thresholds.review_margin
    return any(abs(score - cut) < margin for cut in (thresholds.covered, thresholds.partial))


def _result(
    analysis: Analysis, req: CompiledRequirement, judgement: Judgement
) -> RequirementResult:
    requirement = req.requirement
    thresholds = requirement.thresholds
    status = status_for(judgement.score, thresholds)
    found = judgement.aspects_found if status is not Status.MISSING else ()
    return RequirementResult(
        id=requirement.id,
        severity=requirement.severity,
        status=status,
        score=judgement.score,
        evidence=evidence_for(analysis, judgement.units, thresholds.partial)
        if status is not Status.MISSING
        else (),
        reasons=tuple(sorted(judgement.reasons)) if status is not Status.COVERED else (),
        aspects_found=found,
        aspects_missing=tuple(a.id for a in requirement.aspects if a.id not in found),
        review=_review(judgement.score, thresholds) or judgement.borderline,
        sections_weighed=judgement.sections_weighed,
        suggested_section=judgement.suggested_section if status is not Status.COVERED else None,
    )
