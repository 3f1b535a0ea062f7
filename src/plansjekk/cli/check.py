"""`plansjekk check`: read plans, run the ruleset, print or write the report."""

from __future__ import annotations

from pathlib import Path

import typer

from plansjekk import __version__
from plansjekk.exitcodes import ExitCode
from plansjekk.i18n import parse_lang
from plansjekk.policy import FailOn
from plansjekk.report import ReportOptions, format_names, get_formatter
from plansjekk.settings import Settings


def check(
    paths: list[Path] = typer.Argument(..., help="Planer (PDF/DOCX), mapper eller mønstre."),
    rules: list[str] = typer.Option(
        None, "--rules", "-r", help="Regelsett: id (f.eks. bvl-15-1) eller sti til YAML-fil."
    ),
    output_format: str = typer.Option("terminal", "--format", "-f", help="Utdataformat."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Skriv rapporten til fil."),
    lang: str = typer.Option("nb", "--lang", help="Språk for rapporten: nb, nn eller en."),
    fail_on: FailOn = typer.Option(FailOn.REQUIRED_PARTIAL, "--fail-on", help="Når feiler en plan?"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Vis begrunnelser."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Bare oppsummering."),
) -> None:
    """Sjekk én eller flere planer mot regelsettet."""
    from plansjekk.batch import check_paths
    from plansjekk.rules import load_ruleset

    settings = Settings(
        rules=tuple(rules) if rules else Settings().rules,
        paths=tuple(str(p) for p in paths),
        fail_on=fail_on,
        lang=parse_lang(lang),
        format=output_format,
        output=str(output) if output else None,
        verbose=verbose,
        quiet=quiet,
    )
    if settings.format not in format_names():
        typer.echo(f"Ukjent format {settings.format!r}. Velg ett av: {', '.join(format_names())}")
        raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR)
    ruleset = load_ruleset(settings.rules[0])
    run = check_paths(settings, ruleset)
    options = ReportOptions(lang=settings.lang, verbose=verbose, quiet=quiet)
    rendered = get_formatter(settings.format).render(run, ruleset, options)
    if settings.output:
        Path(settings.output).write_text(rendered if isinstance(rendered, str) else "")
    else:
        typer.echo(rendered, nl=False)
    raise typer.Exit(_exit_code(run))


def _exit_code(run) -> ExitCode:  # noqa: ANN001
    if run.has_errors:
        return ExitCode.USAGE_OR_INPUT_ERROR
    return ExitCode.OK if run.passed else ExitCode.FAILED


def register(app: typer.Typer) -> None:
    app.command("check")(check)


__all__ = ["__version__", "register"]
