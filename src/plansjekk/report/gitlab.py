"""`--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality).

A JSON array of issues with `description`, `check_name`, `fingerprint`, `severity` and
`location.path` / `location.lines.begin`. A PDF has no lines, so `begin` carries the page
of the first excerpt (1 when there is none): GitLab needs a number to show the issue.
The fingerprint is stable across runs (path + requirement), so GitLab can tell new
problems from old ones in a merge request.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from plansjekk.findings import Run
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.ci import Level, problems
from plansjekk.report.common import error_documents, error_text
from plansjekk.rules.model import Ruleset, Status

SEVERITIES = {Level.ERROR: "major", Level.WARNING: "minor", Level.NOTE: "info"}


def fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(("plansjekk", *parts)).encode("utf-8")).hexdigest()


def issue(description: str, check_name: str, severity: str, path: str, line: int,
          key: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "description": description,
        "check_name": check_name,
        "fingerprint": fingerprint(path, key),
        "severity": severity,
        "categories": ["Clarity"],
        "location": {"path": path, "lines": {"begin": line}},
    }


@register
class GitlabFormatter(Formatter):
    name = "gitlab"
    extension = "json"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        lang = options.lang
        issues = [
            issue(error_text(d, lang), f"plansjekk/{d.error.code if d.error else 'error'}",
                  "blocker", d.path, 1, "error")
            for d in error_documents(run)
        ]
        for problem in problems(run, ruleset, lang):
            severity = SEVERITIES[problem.level]
            if problem.level is Level.ERROR and problem.result.status is Status.MISSING:
                severity = "critical"
            issues.append(issue(problem.message, problem.result.id, severity,
                                problem.document.path, problem.page or 1, problem.result.id))
        return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
