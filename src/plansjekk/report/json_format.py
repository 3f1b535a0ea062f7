"""`--format json`: the machine-readable report of report-contract.md.

The shape is a contract with CI jobs and dashboards: fields may be added, never renamed or
dropped. `schemas/report.schema.json` describes it and `plansjekk.report.schema` checks it.
Added beyond the contract: `municipality`, `passed`, `skipped`, `fail_on` and
`interrupted` at their levels, and per
requirement `reasons`, `review`, `aspects_found`, `aspects_missing`, `sections_weighed`,
`suggested_section`, `accepted`, `legal_basis`; per evidence `score`.
"""

from __future__ import annotations

import json
from typing import Any

from plansjekk.findings import DocumentResult, Evidence, RequirementResult, Run
from plansjekk.i18n import Lang
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.common import display_lang, requirement_title
from plansjekk.rules.model import Ruleset, Status

SCHEMA_ID = "plansjekk.report/1"


def evidence_to_dict(evidence: Evidence) -> dict[str, Any]:
    return {
        "page": evidence.page,
        "section": evidence.section,
        "excerpt": evidence.excerpt,
        "matched": list(evidence.matched),
        "score": round(evidence.score, 4),
    }


def requirement_to_dict(
    result: RequirementResult, ruleset: Ruleset, lang: Lang
) -> dict[str, Any]:
    requirement = ruleset.get(result.id)
    return {
        "id": result.id,
        "title": requirement_title(ruleset, result.id, lang),
        "severity": result.severity.value,
        "status": result.status.value,
        "score": round(min(max(result.score, 0.0), 1.0), 4),
        "evidence": [evidence_to_dict(e) for e in result.evidence],
        "reasons": [reason.value for reason in result.reasons],
        "review": result.review,
        "aspects_found": list(result.aspects_found),
        "aspects_missing": list(result.aspects_missing),
        "sections_weighed": list(result.sections_weighed),
        "suggested_section": result.suggested_section,
        "accepted": result.accepted,
        "legal_basis": requirement.legal_basis if requirement else "",
    }


def document_to_dict(document: DocumentResult, ruleset: Ruleset, lang: Lang) -> dict[str, Any]:
    error = None
    if document.error is not None:
        error = {"code": document.error.code, "message": document.error.message.render(lang)}
    titles_lang = display_lang(lang, document.language)
    return {
        "path": document.path,
        "status": document.status,
        "error": error,
        "format": document.format,
        "pages": document.pages,
        "language": document.language,
        "municipality": document.municipality,
        "warnings": [warning.render(lang) for warning in document.warnings],
        "requirements": [
            requirement_to_dict(result, ruleset, titles_lang)
            for result in document.requirements
        ],
        "summary": {
            "covered": document.count(Status.COVERED),
            "partial": document.count(Status.PARTIAL),
            "missing": document.count(Status.MISSING),
            "passed": document.passed and document.status != "error",
        },
    }


def run_to_dict(run: Run, ruleset: Ruleset, lang: Lang) -> dict[str, Any]:
    """The whole report as plain data (also what other formats could embed)."""
    return {
        "schema": SCHEMA_ID,
        "tool": {"name": "plansjekk", "version": run.tool_version},
        "ruleset": {
            "id": run.ruleset.id,
            "version": run.ruleset.version,
            "path": run.ruleset.path,
        },
        "fail_on": run.fail_on,
        "passed": run.passed and not run.has_errors,
        "documents": [document_to_dict(d, ruleset, lang) for d in run.documents],
        "skipped": list(run.skipped),
        "interrupted": run.interrupted,
    }


@register
class JsonFormatter(Formatter):
    name = "json"
    extension = "json"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        data = run_to_dict(run, ruleset, options.lang)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
