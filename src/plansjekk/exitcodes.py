"""Exit codes from the report contract; other tools depend on these numbers."""

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status of every plansjekk command."""

    OK = 0
    """Every checked document passed."""
    FAILED = 1
    """At least one document failed the threshold (or `diff` found a regression)."""
    USAGE_OR_INPUT_ERROR = 2
    """Usage error, a bad rules or config file, or an input that could not be read."""
