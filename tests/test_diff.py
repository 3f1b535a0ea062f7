"""Comparing two checked versions of a plan (plansjekk.diff), on plain data."""

from __future__ import annotations

import pytest

from plansjekk.diff import Change, diff_documents
from plansjekk.findings import DocumentResult, Evidence, RequirementResult
from plansjekk.rules.model import Severity, Status


def evidence(text: str, page: int | None = 3) -> Evidence:
    return Evidence(excerpt=text, page=page, section="2 Samarbeid", matched=("samarbeid",))


def result(rid: str, status: Status, score: float, *ev: Evidence, accepted: str | None = None,
           severity: Severity = Severity.REQUIRED) -> RequirementResult:
    return RequirementResult(id=rid, severity=severity, status=status, score=score,
                             evidence=ev, accepted=accepted)


def document(*results: RequirementResult, path: str = "plan.docx") -> DocumentResult:
    return DocumentResult(path=path, requirements=results, passed=True)


def change_of(old: DocumentResult, new: DocumentResult, rid: str):
    return next(c for c in diff_documents(old, new).changes if c.id == rid)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (Status.COVERED, Status.PARTIAL, Change.WORSE),
        (Status.COVERED, Status.MISSING, Change.WORSE),
        (Status.PARTIAL, Status.MISSING, Change.WORSE),
        (Status.MISSING, Status.PARTIAL, Change.BETTER),
        (Status.PARTIAL, Status.COVERED, Change.BETTER),
        (Status.PARTIAL, Status.PARTIAL, Change.SAME),
    ],
)
def test_status_direction(before: Status, after: Status, expected: Change) -> None:
    change = change_of(document(result("samarbeid", before, 0.5)),
                       document(result("samarbeid", after, 0.5)), "samarbeid")
    assert change.change is expected
    assert change.regression is (expected is Change.WORSE)


def test_score_drop_alone_is_not_a_regression() -> None:
    change = change_of(document(result("samarbeid", Status.COVERED, 0.9)),
                       document(result("samarbeid", Status.COVERED, 0.7)), "samarbeid")
    assert change.score_delta == pytest.approx(-0.2)
    assert not change.regression


def test_lost_acceptance_is_a_regression() -> None:
    old = document(result("tiltak", Status.MISSING, 0.0, accepted="dekket i handlingsplan"))
    new = document(result("tiltak", Status.MISSING, 0.0))
    change = change_of(old, new, "tiltak")
    assert change.lost_acceptance and change.regression


def test_accepted_new_version_is_never_a_regression() -> None:
    old = document(result("tiltak", Status.COVERED, 0.8))
    new = document(result("tiltak", Status.MISSING, 0.0, accepted="flyttet til egen plan"))
    assert not change_of(old, new, "tiltak").regression


def test_new_and_lost_evidence_ignore_wrapping_and_case() -> None:
    kept = "Barnehagen og skolen samarbeider om overganger."
    old = document(result("samarbeid", Status.COVERED, 0.8, evidence(kept),
                          evidence("Tverrfaglig team møtes hver måned.")))
    rewrapped = evidence("barnehagen og  skolen\nsamarbeider om overganger.", page=4)
    new = document(result("samarbeid", Status.COVERED, 0.8, rewrapped,
                          evidence("SLT-koordinator leder.")))
    change = change_of(old, new, "samarbeid")
    assert [e.excerpt for e in change.lost_evidence] == ["Tverrfaglig team møtes hver måned."]
    assert [e.excerpt for e in change.new_evidence] == ["SLT-koordinator leder."]


def test_requirement_missing_from_new_counts_as_missing_and_order_follows_new() -> None:
    old = document(result("a", Status.COVERED, 1.0), result("b", Status.COVERED, 1.0))
    new = document(result("b", Status.COVERED, 1.0))
    compared = diff_documents(old, new, "gammel", "ny")
    assert [c.id for c in compared.changes] == ["b", "a"]
    assert [c.id for c in compared.regressions] == ["a"]
    assert compared.regressed
    assert (compared.old_label, compared.new_label) == ("gammel", "ny")


def test_requirement_new_in_ruleset_is_not_judged() -> None:
    compared = diff_documents(document(), document(result("a", Status.MISSING, 0.0)))
    assert compared.changes[0].change is Change.SAME
    assert not compared.regressed


def test_error_documents_cannot_be_compared() -> None:
    with pytest.raises(ValueError, match="error"):
        diff_documents(DocumentResult(path="x", status="error"), document())
