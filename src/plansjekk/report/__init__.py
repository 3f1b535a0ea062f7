"""Output formats, one module each, all reading the same `Run` of findings.

`FORMATS` maps a format name (the `--format` value) to its formatter class. Each module
registers itself with `@register`; `get_formatter(name)` returns an instance.
"""

from __future__ import annotations

import importlib

from plansjekk.report.base import Formatter, ReportOptions

FORMATS: dict[str, type[Formatter]] = {}

_MODULES = {
    "terminal": "terminal",
    "json": "json_format",
    "markdown": "markdown",
    "csv": "csv_format",
    "xlsx": "xlsx",
    "html": "html",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "gitlab": "gitlab",
}
"""Format name → the module that defines (and registers) it. Only the module of the format
asked for is imported: every `plansjekk check` pays for what it imports, and `xlsx` alone
brings openpyxl (≈80 ms)."""


def register(cls: type[Formatter]) -> type[Formatter]:
    FORMATS[cls.name] = cls
    return cls


def format_names() -> list[str]:
    return sorted(_MODULES)


def get_formatter(name: str) -> Formatter:
    if name not in FORMATS:
        importlib.import_module(f"plansjekk.report.{_MODULES[name]}")
    return FORMATS[name]()


__all__ = ["FORMATS", "Formatter", "ReportOptions", "format_names", "get_formatter", "register"]
