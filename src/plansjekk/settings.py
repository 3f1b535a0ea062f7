"""The resolved options of a check run: defaults, then config file, then command line.

Config keys equal the command-line option names (`fail-on` ⇔ `--fail-on`), so one
definition serves both. `plansjekk.config` finds and reads the file; this module only holds
the result and the defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from plansjekk.i18n import DEFAULT_LANG, Lang
from plansjekk.policy import FailOn

DEFAULT_RULESET = "bvl-15-1"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every option of `plansjekk check`, after precedence has been applied."""

    rules: tuple[str, ...] = (DEFAULT_RULESET,)
    """Ruleset ids (bundled) or paths; the first is the one checked."""
    paths: tuple[str, ...] = ()
    fail_on: FailOn = FailOn.REQUIRED_PARTIAL
    lang: Lang = DEFAULT_LANG
    format: str = "terminal"
    output: str | None = None
    exceptions: str | None = None
    """Path of the accepted-exceptions file."""
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cache: bool = True
    timeout: float = 120.0
    """Seconds one document may take before it is reported as `timeout`."""
    max_pages: int = 1000
    max_mb: float = 100.0
    ocr: bool = False
    verbose: bool = False
    quiet: bool = False
    exit_zero: bool = False
    color: bool | None = None
    """None = decide from the terminal and NO_COLOR."""
    sources: dict[str, str] = field(default_factory=dict)
    """Where each value came from: "default", a config file path, "env" or "cli"."""
