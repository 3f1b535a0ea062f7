"""The `plansjekk` command line: a thin typer app.

Each sub-command lives in its own module and registers itself on `app`; commands parse
options, call the layers and set the exit code, nothing more.
"""

from __future__ import annotations

import importlib

import typer

from plansjekk import __version__

app = typer.Typer(
    name="plansjekk",
    help="Sjekker kommunens plan for forebygging (barnevernsloven § 15-1) mot innholdskravene.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)

_COMMAND_MODULES = ("check", "rules_cmd", "mal", "config_cmd", "diff_cmd")
"""Modules under plansjekk.cli that define commands; each has `register(app)`."""


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"plansjekk {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Vis versjonen."
    ),
) -> None:
    """plansjekk – sjekk av plan for forebygging etter barnevernsloven § 15-1."""


for _module in _COMMAND_MODULES:
    importlib.import_module(f"plansjekk.cli.{_module}").register(app)


def main() -> None:
    app()
