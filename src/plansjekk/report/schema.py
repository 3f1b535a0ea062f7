"""The JSON Schema of the `--format json` report, shipped in the package.

Tests (ours and other layers') validate every JSON report against it, so the contract in
report-contract.md cannot drift silently. Consumers can use it too.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema


@cache
def report_schema() -> dict[str, Any]:
    text = (resources.files("plansjekk") / "schemas" / "report.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_report(data: Any) -> None:
    """Raise `jsonschema.ValidationError` when `data` is not a valid plansjekk report."""
    validator = jsonschema.Draft202012Validator(report_schema())
    validator.validate(data)
