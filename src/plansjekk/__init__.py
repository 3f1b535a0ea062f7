"""plansjekk: checks a Norwegian municipality's prevention plan (barnevernsloven § 15-1)."""

__version__ = "0.3.0"
"""The one place the version is written (pyproject.toml reads it from here). Asking
`importlib.metadata` instead would cost every command ≈30 ms of imports and a search of the
installed packages."""
