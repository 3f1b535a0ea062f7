"""Output formats, one module each, all reading the same `Run` of findings.

`FORMATS` maps a format name (the `--format` value) to its formatter class. Each module
registers itself with `@register`; `get_formatter(name)` returns an instance.
"""

from __future__ import annotations

import importlib

from plansjekk.report.base import Formatter, ReportOptions

FORMATS: dict[str, type[Formatter]] = {}

_MODULES = (
    "terminal",
    "json_format",
    "markdown",
    "csv_format",
    "xlsx",
    "html",
    "sarif",
    "junit",
    "github",
    "gitlab",
)
"""Modules that define formats; importing them fills FORMATS."""


def register(cls: type[Formatter]) -> type[Formatter]:
    FORMATS[cls.name] = cls
    return cls


def _load_all() -> None:
    for module in _MODULES:
        importlib.import_module(f"plansjekk.report.{module}")


def format_names() -> list[str]:
    _load_all()
    return sorted(FORMATS)


def get_formatter(name: str) -> Formatter:
    _load_all()
    return FORMATS[name]()


__all__ = ["FORMATS", "Formatter", "ReportOptions", "format_names", "get_formatter", "register"]
