"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One result per requirement that is not covered (`ruleId` = requirement id), located at
the plan's file. SARIF regions count lines and bytes, not pages, so the page of the first
excerpt goes into the location's `properties.page` and into the message instead of a
made-up region. Accepted exceptions are results with an external suppression.
Unreadable files are tool execution notifications, the SARIF place for "could not
analyse this file".
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import quote

from plansjekk.findings import Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.ci import Level, Problem, problems
from plansjekk.report.common import (
    error_documents,
    error_text,
    guidance,
    requirement_ids,
    requirement_title,
)
from plansjekk.rules.model import Ruleset, Severity, pick

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/plansjekk/"


def artifact_uri(path: str) -> str:
    """A URI reference for a file path: relative paths stay relative (resolved against
    %SRCROOT% by viewers), absolute ones become file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(PurePosixPath(*pure.parts).as_posix())
    return quote(pure.as_posix())


def location(path: str, page: int | None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": artifact_uri(path)}
    if not PurePath(path).is_absolute():
        artifact["uriBaseId"] = "%SRCROOT%"
    result: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact}}
    if page is not None:
        result["properties"] = {"page": page}
    return result


def rule_descriptor(ruleset: Ruleset, requirement_id: str, lang: Lang) -> dict[str, Any]:
    requirement = ruleset.get(requirement_id)
    title = requirement_title(ruleset, requirement_id, lang)
    descriptor: dict[str, Any] = {
        "id": requirement_id,
        "name": requirement_id,
        "shortDescription": {"text": title},
        "defaultConfiguration": {
            "level": "error" if requirement and requirement.severity is Severity.REQUIRED
            else "warning"
        },
    }
    if requirement is not None:
        description = pick(requirement.description, lang) if requirement.description else title
        descriptor["fullDescription"] = {"text": description}
        if text := guidance(requirement, lang):
            descriptor["help"] = {"text": text}
        descriptor["properties"] = {
            "severity": requirement.severity.value,
            "legalBasis": requirement.legal_basis,
        }
    return descriptor


def sarif_result(problem: Problem, rule_index: int, lang: Lang) -> dict[str, Any]:
    message = problem.message
    if problem.page is not None:
        message += f" ({t('report.page', lang, page=problem.page)})"
    result: dict[str, Any] = {
        "ruleId": problem.result.id,
        "ruleIndex": rule_index,
        "level": "note" if problem.level is Level.NOTE else problem.level.value,
        "kind": "fail",
        "message": {"text": message},
        "locations": [location(problem.document.path, problem.page)],
        "partialFingerprints": {
            "plansjekk/v1": hashlib.sha256(
                f"{problem.document.path}\x1f{problem.result.id}".encode()
            ).hexdigest()
        },
        "properties": {"status": problem.result.status.value,
                       "score": round(problem.result.score, 4)},
    }
    if problem.result.accepted is not None:
        result["suppressions"] = [
            {"kind": "external", "justification": problem.result.accepted}
        ]
    return result


def notifications(run: Run, lang: Lang) -> list[dict[str, Any]]:
    return [
        {
            "level": "error",
            "message": {"text": error_text(document, lang)},
            "descriptor": {"id": document.error.code if document.error else "error"},
            "locations": [location(document.path, None)],
        }
        for document in error_documents(run)
    ]


@register
class SarifFormatter(Formatter):
    name = "sarif"
    extension = "sarif"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        lang = options.lang
        ids = requirement_ids(run, ruleset)
        index = {rid: number for number, rid in enumerate(ids)}
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "plansjekk",
                            "version": run.tool_version,
                            "informationUri": INFORMATION_URI,
                            "rules": [rule_descriptor(ruleset, rid, lang) for rid in ids],
                        }
                    },
                    "invocations": [
                        {
                            "executionSuccessful": not run.has_errors,
                            "toolExecutionNotifications": notifications(run, lang),
                        }
                    ],
                    "results": [
                        sarif_result(p, index[p.result.id], lang)
                        for p in problems(run, ruleset, lang)
                    ],
                    "properties": {"ruleset": run.ruleset.id,
                                   "rulesetVersion": run.ruleset.version},
                }
            ],
        }
        return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
