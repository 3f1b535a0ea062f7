"""What changed between two checked versions of a plan, per requirement.

Works on plain data (two `DocumentResult`s), so it is tested without reading files or
running git; `plansjekk diff` does the reading. A change is a regression when a planner
would want the pipeline to stop: the status got worse, or an accepted exception no longer
applies. An accepted result is never a regression: the municipality has said why.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from plansjekk.findings import DocumentResult, Evidence, RequirementResult
from plansjekk.rules.model import Severity, Status

_RANK = {Status.COVERED: 0, Status.PARTIAL: 1, Status.MISSING: 2}
"""Lower is better; an absent requirement counts as missing."""


class Change(StrEnum):
    WORSE = "worse"
    BETTER = "better"
    SAME = "same"


def _rank(result: RequirementResult | None) -> int:
    return _RANK[result.status] if result is not None else _RANK[Status.MISSING]


def _accepted(result: RequirementResult | None) -> bool:
    return result is not None and result.accepted is not None


def evidence_key(evidence: Evidence) -> str:
    """Excerpts compared by their words, so re-wrapping or case does not count as new."""
    return " ".join(evidence.excerpt.split()).casefold()


@dataclass(frozen=True, slots=True)
class RequirementChange:
    """One requirement before and after (either side None when the ruleset lacks it)."""

    id: str
    before: RequirementResult | None
    after: RequirementResult | None
    new_evidence: tuple[Evidence, ...] = ()
    lost_evidence: tuple[Evidence, ...] = ()

    @property
    def severity(self) -> Severity:
        side = self.after or self.before
        return side.severity if side is not None else Severity.RECOMMENDED

    @property
    def score_delta(self) -> float:
        before = self.before.score if self.before else 0.0
        after = self.after.score if self.after else 0.0
        return round(after - before, 4)

    @property
    def lost_acceptance(self) -> bool:
        after_covered = self.after is not None and self.after.status is Status.COVERED
        return _accepted(self.before) and not _accepted(self.after) and not after_covered

    @property
    def change(self) -> Change:
        """Worse: status down, or acceptance lost; never when the new version is accepted."""
        if self.before is None:
            return Change.SAME
        if not _accepted(self.after) and (
            _rank(self.after) > _rank(self.before) or self.lost_acceptance
        ):
            return Change.WORSE
        if _rank(self.after) < _rank(self.before):
            return Change.BETTER
        return Change.SAME

    @property
    def regression(self) -> bool:
        return self.change is Change.WORSE


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Two versions of one plan compared, requirement by requirement."""

    old: DocumentResult
    new: DocumentResult
    old_label: str
    new_label: str
    changes: tuple[RequirementChange, ...]

    @property
    def regressions(self) -> tuple[RequirementChange, ...]:
        return tuple(c for c in self.changes if c.regression)

    @property
    def regressed(self) -> bool:
        return bool(self.regressions)


def _evidence_changes(
    before: RequirementResult | None, after: RequirementResult | None
) -> tuple[tuple[Evidence, ...], tuple[Evidence, ...]]:
    old = before.evidence if before else ()
    new = after.evidence if after else ()
    old_keys = {evidence_key(e) for e in old}
    new_keys = {evidence_key(e) for e in new}
    added = tuple(e for e in new if evidence_key(e) not in old_keys)
    lost = tuple(e for e in old if evidence_key(e) not in new_keys)
    return added, lost


def diff_documents(
    old: DocumentResult,
    new: DocumentResult,
    old_label: str | None = None,
    new_label: str | None = None,
) -> DiffResult:
    """Compares two checked versions; requirement order follows the new version, then any
    requirement only the old one had. Both documents must have status "ok"."""
    for document in (old, new):
        if document.status != "ok":
            raise ValueError(f"cannot diff a document with status {document.status!r}")
    ids = [r.id for r in new.requirements]
    ids += [r.id for r in old.requirements if r.id not in ids]
    changes = []
    for requirement_id in ids:
        before, after = old.requirement(requirement_id), new.requirement(requirement_id)
        added, lost = _evidence_changes(before, after)
        changes.append(RequirementChange(requirement_id, before, after, added, lost))
    return DiffResult(
        old=old,
        new=new,
        old_label=old_label or old.path,
        new_label=new_label or new.path,
        changes=tuple(changes),
    )
