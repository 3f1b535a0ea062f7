"""When does a document pass? One place decides, so exit codes and reports agree."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from plansjekk.findings import RequirementResult
from plansjekk.rules.model import Severity, Status


class FailOn(StrEnum):
    """The `fail-on` option: which findings fail a document."""

    REQUIRED_MISSING = "required-missing"
    """Fail only when a required requirement is missing."""
    REQUIRED_PARTIAL = "required-partial"
    """Fail when a required requirement is not covered (the default)."""
    ANY_PARTIAL = "any-partial"
    """Fail when any requirement, recommended too, is not covered."""
    NEVER = "never"


def requirement_fails(result: RequirementResult, fail_on: FailOn) -> bool:
    """True when this single result fails the document under `fail_on`.

    An accepted exception never fails; the report still shows it as accepted, not passed.
    """
    if result.accepted is not None or fail_on is FailOn.NEVER:
        return False
    if fail_on is FailOn.ANY_PARTIAL:
        return result.status is not Status.COVERED
    if result.severity is not Severity.REQUIRED:
        return False
    if fail_on is FailOn.REQUIRED_MISSING:
        return result.status is Status.MISSING
    return result.status is not Status.COVERED


def document_passes(results: Iterable[RequirementResult], fail_on: FailOn) -> bool:
    return not any(requirement_fails(r, fail_on) for r in results)
