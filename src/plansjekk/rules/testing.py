"""Rule tests: run each requirement's labelled examples through the matcher.

A requirement's `examples` are passages with the status the matcher should give them
(`covered`, `partial`, `missing`). `run_examples` checks them all; `plansjekk rules test`
prints the outcome like a test runner. Projects reuse the same cases in pytest, like
sqlfluff's rule case loader::

    from plansjekk.rules.testing import example_params, assert_example

    @pytest.mark.parametrize("case", example_params("bvl-15-1", "min-kommune.yaml"))
    def test_rule_examples(case):
        assert_example(case)
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any

from plansjekk.findings import RequirementResult
from plansjekk.rules.model import Example, Requirement, Ruleset, Status


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One example to run: which ruleset, which requirement, which passage."""

    ruleset: Ruleset
    requirement: Requirement
    example: Example

    @property
    def name(self) -> str:
        """`requirement-id:line`, the id a test runner shows."""
        return f"{self.requirement.id}:{self.example.line}"

    @property
    def location(self) -> str:
        return f"{self.example.source or self.ruleset.path}:{self.example.line}"


@dataclass(frozen=True, slots=True)
class ExampleOutcome:
    """What the matcher made of one example."""

    case: ExampleCase
    result: RequirementResult | None
    error: str | None = None
    """The matcher failed on the passage (an exception's text)."""

    @property
    def status(self) -> Status | None:
        return self.result.status if self.result is not None else None

    @property
    def passed(self) -> bool:
        return self.error is None and self.status is self.case.example.expect

    @property
    def requirement(self) -> Requirement:
        return self.case.requirement

    @property
    def example(self) -> Example:
        return self.case.example


def example_cases(ruleset: Ruleset) -> list[ExampleCase]:
    """Every example of every enabled requirement, in file order."""
    return [
        ExampleCase(ruleset, requirement, example)
        for requirement in ruleset.active
        for example in requirement.examples
    ]


def run_example(case: ExampleCase) -> ExampleOutcome:
    """Runs the matcher on the passage with a ruleset of only the example's requirement."""
    from plansjekk.documents import document_from_text
    from plansjekk.matching import check_document

    only = dataclasses.replace(case.ruleset, requirements=(case.requirement,))
    try:
        document = document_from_text(case.example.text)
        result = check_document(document, only).requirement(case.requirement.id)
    except Exception as error:
        return ExampleOutcome(case, None, f"{type(error).__name__}: {error}")
    return ExampleOutcome(case, result)


def run_examples(ruleset: Ruleset) -> list[ExampleOutcome]:
    """The outcome of every example of the ruleset."""
    return [run_example(case) for case in example_cases(ruleset)]


def explain(outcome: ExampleOutcome) -> list[str]:
    """Why the matcher decided as it did: score, matched terms, aspects, reasons (English
    field names, as in the JSON report)."""
    if outcome.error:
        return [f"error: {outcome.error}"]
    result = outcome.result
    if result is None:
        return ["no result for this requirement"]
    matched = sorted({term for evidence in result.evidence for term in evidence.matched})
    lines = [f"score: {result.score:.2f}", f"matched: {', '.join(matched) or '-'}"]
    if result.aspects_found or result.aspects_missing:
        lines.append(f"aspects found: {', '.join(result.aspects_found) or '-'}; "
                     f"missing: {', '.join(result.aspects_missing) or '-'}")
    if result.reasons:
        lines.append(f"reasons: {', '.join(reason.value for reason in result.reasons)}")
    return lines


def example_params(*refs: str | os.PathLike[str]) -> list[Any]:
    """pytest parameters (one per example, id `ruleset/requirement:line`) for
    `@pytest.mark.parametrize("case", example_params(...))`."""
    import pytest

    from plansjekk.rules.loader import load_ruleset

    params = []
    for ref in refs:
        ruleset = load_ruleset(ref)
        for case in example_cases(ruleset):
            params.append(pytest.param(case, id=f"{ruleset.id}/{case.name}"))
    return params


def assert_example(case: ExampleCase) -> None:
    """Fails (AssertionError with the explanation) when the example's status is not the
    expected one."""
    outcome = run_example(case)
    if not outcome.passed:
        status = outcome.status.value if outcome.status else "error"
        why = "; ".join(explain(outcome))
        raise AssertionError(
            f"{case.location} {case.name}: expected {case.example.expect.value}, got {status} "
            f"({why})"
        )
