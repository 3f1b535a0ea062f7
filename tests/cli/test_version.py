"""`plansjekk --version` prints the version the package was installed with."""

from __future__ import annotations

from importlib.metadata import version

from typer.testing import CliRunner

from plansjekk import __version__
from plansjekk.cli import app


def test_the_written_version_is_the_installed_one() -> None:
    """pyproject.toml reads the version from the package; a stale installation (or a
    version written in two places) shows up here."""
    assert __version__ == version("plansjekk")


def test_version_option_prints_it() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"plansjekk {__version__}"
