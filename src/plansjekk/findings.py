"""The plain data that flows from matching (and batch) to every report format.

Matching produces a `RequirementResult` per requirement; a `DocumentResult` wraps them for one
file (or carries its error); a `Run` is everything one command checked. Formatters receive a
whole `Run` and return text, so every format reads the same facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from plansjekk.i18n import Message
from plansjekk.rules.model import Severity, Status


class Reason(StrEnum):
    """Why a verdict is not higher (or why a passage did not count); shown with --verbose and
    in the JSON as `reasons`."""

    NO_BODY = "no-body"
    """A heading names the topic but nothing is written under it."""
    NEGATED = "negated"
    ONLY_TOC = "only-toc"
    ECHO_OF_LAW = "echo-of-law"
    """Only sentences that restate the legal requirement, not content."""
    PASSING_MENTION = "passing-mention"
    FEW_ASPECTS = "few-aspects"
    UNRELATED_SENSE = "unrelated-sense"
    NEGATIVE_SIGNAL = "negative-signal"
    """E.g. the document is a hearing draft."""
    DEPRECATED_ONLY = "deprecated-only"
    MISSING_REQUIRED_ASPECT = "missing-required-aspect"
    PLACEHOLDER = "placeholder"
    """The section says "kommer senere" or similar."""
    INTENT = "intent"
    """Only intentions or plans ("ønsker å", "vil vurdere"), no description of what is done."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One excerpt that supports a verdict, located so a person can verify it in seconds."""

    excerpt: str
    page: int | None
    section: str | None
    matched: tuple[str, ...]
    """The words in the excerpt that matched the requirement's terms (as written there)."""
    score: float = 0.0
    block_index: int = -1


@dataclass(frozen=True, slots=True)
class RequirementResult:
    """The verdict for one requirement in one document."""

    id: str
    severity: Severity
    status: Status
    score: float
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[Reason, ...] = ()
    aspects_found: tuple[str, ...] = ()
    aspects_missing: tuple[str, ...] = ()
    review: bool = False
    """Borderline score: a human should look."""
    sections_weighed: tuple[str, ...] = ()
    suggested_section: str | None = None
    """The existing section where text for this requirement would fit best."""
    accepted: str | None = None
    """Reason of an accepted exception (config), if one applies; status stays as found."""


@dataclass(frozen=True, slots=True)
class DocumentError:
    code: str
    message: Message


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """One checked file: its requirement results, or the error that stopped it."""

    path: str
    status: str = "ok"
    """"ok" or "error"."""
    error: DocumentError | None = None
    format: str | None = None
    pages: int | None = None
    language: str = "und"
    municipality: str | None = None
    warnings: tuple[Message, ...] = ()
    requirements: tuple[RequirementResult, ...] = ()
    passed: bool = False
    seconds: float = 0.0
    cached: bool = False

    def count(self, status: Status) -> int:
        return sum(1 for r in self.requirements if r.status is status)

    def requirement(self, requirement_id: str) -> RequirementResult | None:
        return next((r for r in self.requirements if r.id == requirement_id), None)


@dataclass(frozen=True, slots=True)
class RulesetInfo:
    id: str
    version: str
    path: str
    title: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Run:
    """Everything one invocation checked; the single input of every formatter."""

    tool_version: str
    ruleset: RulesetInfo
    documents: tuple[DocumentResult, ...]
    skipped: tuple[str, ...] = ()
    """Paths that were found but are not plans (images, spreadsheets)."""
    fail_on: str = "required-partial"
    interrupted: bool = False
    """Ctrl-C stopped the batch: `documents` holds only what was finished."""

    @property
    def passed(self) -> bool:
        return all(d.passed for d in self.documents)

    @property
    def has_errors(self) -> bool:
        return any(d.status == "error" for d in self.documents)
