"""`plansjekk diff` output: terminal text, Markdown (a PR/MR comment) and JSON.

Reuses the report layer's labels and text cleaning, so a status reads the same in a diff
as in a report, and excerpts from a hostile document are neutralised here too.
"""

from __future__ import annotations

import json
from enum import StrEnum

from plansjekk.diff import Change, DiffResult, RequirementChange
from plansjekk.findings import Evidence, RequirementResult
from plansjekk.i18n import Lang, t
from plansjekk.report.common import (
    SYMBOLS,
    location_label,
    one_line,
    requirement_title,
    score_text,
    status_label,
)
from plansjekk.rules.model import Ruleset

SCHEMA = "plansjekk.diff/1"
_MARKS = {Change.WORSE: "▼", Change.BETTER: "▲", Change.SAME: " "}
_CHANGE_KEYS = {Change.WORSE: "diff.worse", Change.BETTER: "diff.better", Change.SAME: "diff.same"}


class DiffFormat(StrEnum):
    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"


def _side(result: RequirementResult | None, lang: Lang) -> str:
    """"✔ dekket 0.82", "✘ mangler 0.10 (godtatt)" or "finnes ikke"."""
    if result is None:
        return t("diff.absent", lang)
    text = f"{SYMBOLS[result.status.value]} {status_label(result.status.value, lang)} "
    text += score_text(result.score)
    if result.accepted is not None:
        text += f" ({status_label('accepted', lang)})"
    return text


def _excerpt(evidence: Evidence, lang: Lang) -> str:
    where = location_label(evidence, lang)
    excerpt = f"«{one_line(evidence.excerpt)}»"
    return f"{where}: {excerpt}" if where else excerpt


def _summary(diff: DiffResult, lang: Lang) -> str:
    if diff.regressed:
        return t("diff.summary-regressed", lang, count=len(diff.regressions))
    return t("diff.summary-ok", lang)


def _title(diff: DiffResult, lang: Lang) -> str:
    return t("diff.title", lang, old=one_line(diff.old_label), new=one_line(diff.new_label))


# ---------------------------------------------------------------------------------------


def render_terminal(diff: DiffResult, ruleset: Ruleset, lang: Lang) -> str:
    """Plain text: one line per requirement, then its new and lost evidence."""
    lines = [_title(diff, lang), ""]
    width = max((len(requirement_title(ruleset, c.id, lang)) for c in diff.changes), default=10)
    for change in diff.changes:
        title = requirement_title(ruleset, change.id, lang).ljust(width)
        label = t(_CHANGE_KEYS[change.change], lang)
        sides = f"{_side(change.before, lang)} → {_side(change.after, lang)}"
        lines.append(f"{_MARKS[change.change]} {title}  {sides}  {label}")
        lines.extend(_evidence_lines(change, lang, indent="      "))
    lines += ["", _summary(diff, lang)]
    return "\n".join(lines) + "\n"


def _evidence_groups(change: RequirementChange) -> list[tuple[str, str, tuple[Evidence, ...]]]:
    """(heading key, sign, excerpts) for the lost and the new evidence that exist."""
    groups = [
        ("diff.lost-evidence", "−", change.lost_evidence),
        ("diff.new-evidence", "+", change.new_evidence),
    ]
    return [group for group in groups if group[2]]


def _evidence_lines(change: RequirementChange, lang: Lang, indent: str) -> list[str]:
    lines: list[str] = []
    for key, sign, items in _evidence_groups(change):
        lines.append(f"{indent}{t(key, lang)}:")
        lines.extend(f"{indent}  {sign} {_excerpt(e, lang)}" for e in items)
    return lines


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(diff: DiffResult, ruleset: Ruleset, lang: Lang) -> str:
    """A table for a PR/MR comment, regressions in bold, evidence as lists below."""
    lines = [f"### {_md_cell(_title(diff, lang))}", ""]
    header = [t(k, lang) for k in ("diff.requirement", "diff.before", "diff.after", "diff.change")]
    lines += ["| " + " | ".join(header) + " |", "| --- | --- | --- | --- |"]
    for change in diff.changes:
        label = t(_CHANGE_KEYS[change.change], lang)
        if change.regression:
            label = f"**{_MARKS[change.change]} {label}**"
        cells = [requirement_title(ruleset, change.id, lang), _side(change.before, lang),
                 _side(change.after, lang), label]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    details = [c for c in diff.changes if c.new_evidence or c.lost_evidence]
    for change in details:
        lines += ["", f"**{_md_cell(requirement_title(ruleset, change.id, lang))}**", ""]
        for key, sign, items in _evidence_groups(change):
            lines.append(f"{t(key, lang)}:")
            lines.extend(f"- {sign} {_md_cell(_excerpt(e, lang))}" for e in items)
    lines += ["", _summary(diff, lang)]
    return "\n".join(lines) + "\n"


def _result_json(result: RequirementResult | None) -> dict[str, object] | None:
    if result is None:
        return None
    return {"status": result.status.value, "score": result.score, "accepted": result.accepted}


def _evidence_json(evidence: Evidence) -> dict[str, object]:
    return {"page": evidence.page, "section": evidence.section, "excerpt": evidence.excerpt,
            "matched": list(evidence.matched)}


def render_json(diff: DiffResult, ruleset: Ruleset, lang: Lang) -> str:
    data = {
        "schema": SCHEMA,
        "ruleset": {"id": ruleset.id, "version": ruleset.version},
        "old": {"label": diff.old_label, "path": diff.old.path, "passed": diff.old.passed},
        "new": {"label": diff.new_label, "path": diff.new.path, "passed": diff.new.passed},
        "regressed": diff.regressed,
        "requirements": [
            {
                "id": c.id,
                "title": requirement_title(ruleset, c.id, lang),
                "severity": c.severity.value,
                "change": c.change.value,
                "before": _result_json(c.before),
                "after": _result_json(c.after),
                "score_delta": c.score_delta,
                "new_evidence": [_evidence_json(e) for e in c.new_evidence],
                "lost_evidence": [_evidence_json(e) for e in c.lost_evidence],
            }
            for c in diff.changes
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {
    DiffFormat.TERMINAL: render_terminal,
    DiffFormat.JSON: render_json,
    DiffFormat.MARKDOWN: render_markdown,
}


def render(diff: DiffResult, ruleset: Ruleset, fmt: DiffFormat, lang: Lang) -> str:
    return RENDERERS[fmt](diff, ruleset, lang)
