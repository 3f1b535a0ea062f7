"""The one interface every output format implements.

A formatter receives the whole run (all documents) plus the ruleset (for titles and
guidance) and returns the finished output. Formats register themselves in
`plansjekk.report.FORMATS`; adding a format is one new module.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from plansjekk.findings import Run
from plansjekk.i18n import DEFAULT_LANG, Lang
from plansjekk.rules.model import Ruleset


@dataclass(frozen=True, slots=True)
class ReportOptions:
    lang: Lang = DEFAULT_LANG
    """Language of the tool's own text; "nb" shows nynorsk titles for a nynorsk plan."""
    color: bool = True
    verbose: bool = False
    quiet: bool = False
    width: int | None = None


class Formatter(ABC):
    """Turns a run into one output document (text or bytes)."""

    name: ClassVar[str]
    binary: ClassVar[bool] = False
    extension: ClassVar[str] = "txt"

    @abstractmethod
    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str | bytes:
        """The whole report for `run`."""
