"""`plansjekk check`: read plans, run the ruleset, print or write the report.

Thin on purpose: options become `Settings` (through `plansjekk.config`, which applies
defaults < config file < environment < command line), the batch does the work, a formatter
renders it, and the exit code follows the report contract. Every user mistake ends in one
clear line and exit code 2, never a traceback (unless `--debug`).
"""

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from plansjekk.exitcodes import ExitCode
from plansjekk.findings import Run
from plansjekk.i18n import DEFAULT_LANG, Lang, parse_lang, t
from plansjekk.report.base import ReportOptions
from plansjekk.settings import Settings

USAGE = ExitCode.USAGE_OR_INPUT_ERROR


class _Stop(Exception):
    """A usage or input problem: `text` goes to stderr, the command exits with 2."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def check(
    paths: Annotated[
        list[str] | None, typer.Argument(help="Planer (PDF/DOCX), mapper eller mønstre.")
    ] = None,
    rules: Annotated[
        list[str] | None,
        typer.Option("--rules", "-r", help="Regelsett: id (bvl-15-1) eller sti til YAML-fil."),
    ] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", "-f", help="Utdataformat.")
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Skriv rapporten til fil.")
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Språk for rapporten: nb, nn eller en.")
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Når feiler en plan: required-missing, required-partial, any-partial, never.",
        ),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", help="Antall parallelle prosesser.")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ikke bruk hurtigbufferen.")] = False,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Sekunder per dokument (0 = ingen grense).")
    ] = None,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", help="Største antall sider.")
    ] = None,
    max_mb: Annotated[
        float | None, typer.Option("--max-mb", help="Største filstørrelse i MB.")
    ] = None,
    ocr: Annotated[bool | None, typer.Option("--ocr", help="Kjør OCR på skannede PDF-er.")] = None,
    list_files: Annotated[
        bool, typer.Option("--list-files", help="Vis filene som ville bli sjekket.")
    ] = False,
    verbose: Annotated[
        bool | None, typer.Option("--verbose", "-v", help="Vis begrunnelser.")
    ] = None,
    quiet: Annotated[bool | None, typer.Option("--quiet", "-q", help="Bare oppsummering.")] = None,
    exit_zero: Annotated[
        bool | None, typer.Option("--exit-zero", help="Avslutt med 0 selv om planer feiler.")
    ] = None,
    config: Annotated[
        str | None, typer.Option("--config", help="Konfigurasjonsfil (plansjekk.toml).")
    ] = None,
    write_baseline: Annotated[
        bool, typer.Option("--write-baseline", help="Skriv dagens mangler som aksepterte unntak.")
    ] = False,
    exceptions: Annotated[
        str | None, typer.Option("--exceptions", help="Fil med aksepterte unntak.")
    ] = None,
    watch: Annotated[
        str | None, typer.Option("--watch", help="Sjekk FIL på nytt hver gang den lagres.")
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Vis tekniske detaljer (traceback).")
    ] = False,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Farger på/av.")] = None,
) -> None:
    """Sjekk én eller flere planer mot regelsettet."""
    given = {
        "paths": tuple(paths) if paths else None,
        "rules": tuple(rules) if rules else None,
        "format": output_format,
        "output": output,
        "lang": lang,
        "fail_on": fail_on,
        "jobs": jobs,
        "cache": False if no_cache else None,
        "timeout": timeout,
        "max_pages": max_pages,
        "max_mb": max_mb,
        "ocr": ocr,
        "verbose": verbose,
        "quiet": quiet,
        "exit_zero": exit_zero,
        "exceptions": exceptions,
        "color": color,
    }
    cli_values = {key: value for key, value in given.items() if value is not None}
    ui_lang = _ui_lang(lang)
    try:
        settings = _resolve(cli_values, config)
        ui_lang = settings.lang
        if list_files:
            raise typer.Exit(_list_files(settings))
        code = _check(settings, debug, watch, write_baseline)
    except _Stop as stop:
        if debug:
            raise
        typer.echo(stop.text, err=True)
        raise typer.Exit(USAGE) from None
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as error:  # a config, rules or output error of any layer: one line
        if debug:
            raise
        render = getattr(error, "render", None)
        if callable(render):  # the layers' own errors: already one clear line each
            typer.echo(render(ui_lang), err=True)
        else:
            typer.echo(f"{type(error).__name__}: {error}", err=True)
            typer.echo(t("cli.hint.debug", ui_lang), err=True)
        raise typer.Exit(USAGE) from None
    raise typer.Exit(code)


def _ui_lang(value: str | None) -> Lang:
    """The language for errors that happen before settings exist."""
    try:
        return parse_lang(value) if value else DEFAULT_LANG
    except ValueError:
        return DEFAULT_LANG


def _resolve(cli_values: dict[str, object], config_path: str | None) -> Settings:
    from plansjekk.config import resolve_settings

    return resolve_settings(cli_values, config_path, Path.cwd())


def _list_files(settings: Settings) -> ExitCode:
    """What would be checked, one path a line; skipped files on stderr with --verbose."""
    from plansjekk.batch import discover

    found = discover(settings.paths)
    for path in found.files:
        typer.echo(path)
    if settings.verbose:
        for path in found.skipped:
            typer.echo(t("cli.list.skipped", settings.lang, path=path), err=True)
    for path in found.missing:
        typer.echo(t("error.not-found", settings.lang, path=path), err=True)
    return USAGE if found.missing else ExitCode.OK


def _check(settings: Settings, debug: bool, watch: str | None, write_baseline: bool) -> int:
    from plansjekk.batch import RichProgress, check_paths
    from plansjekk.report import format_names, get_formatter
    from plansjekk.report.output import ensure_writable, write_output
    from plansjekk.rules import load_ruleset

    if settings.format not in format_names():
        names = ", ".join(format_names())
        raise _Stop(t("cli.error.unknown-format", settings.lang, name=settings.format, names=names))
    if settings.output:
        ensure_writable(settings.output)
    ruleset = load_ruleset(settings.rules[0])
    err = Console(stderr=True)
    if watch:
        return _watch(watch, settings, ruleset)
    if not settings.paths:
        raise _Stop(t("cli.error.no-paths", settings.lang))
    show_progress = err.is_terminal and not settings.quiet
    observer = RichProgress(err, settings.lang) if show_progress else None
    run = check_paths(settings, ruleset, observer, debug=debug)
    _report_interruption(run, settings)
    if debug:
        _print_tracebacks(run)
    if not run.documents:
        raise _Stop(t("cli.error.no-plans", settings.lang, skipped=len(run.skipped)))
    if write_baseline:
        from plansjekk.exceptions import write_baseline as write

        path = write(run, settings)
        typer.echo(t("cli.baseline-written", settings.lang, path=str(path)), err=True)
        return ExitCode.OK
    from plansjekk.exceptions import apply

    run = apply(run, settings)
    formatter = get_formatter(settings.format)
    rendered = formatter.render(run, ruleset, _report_options(settings))
    if settings.output:
        write_output(settings.output, rendered)
    elif isinstance(rendered, bytes):
        sys.stdout.buffer.write(rendered)
        sys.stdout.flush()
    else:
        typer.echo(rendered, nl=not rendered.endswith("\n"), color=_color(settings))
    return exit_code(run, settings.exit_zero)


def _watch(path: str, settings: Settings, ruleset: object) -> int:
    from plansjekk.watch import watch

    result = watch(Path(path), settings, ruleset, Console(no_color=not _color(settings)))
    return int(result) if isinstance(result, int) else ExitCode.OK


def _report_options(settings: Settings) -> ReportOptions:
    return ReportOptions(
        lang=settings.lang,
        color=False if settings.output else _color(settings),
        verbose=settings.verbose,
        quiet=settings.quiet,
    )


def _color(settings: Settings) -> bool:
    """--color/--no-color win; otherwise colour only on a terminal without NO_COLOR."""
    if settings.color is not None:
        return settings.color
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _report_interruption(run: Run, settings: Settings) -> None:
    if run.interrupted:
        typer.echo(t("cli.interrupted", settings.lang, done=len(run.documents)), err=True)


def _print_tracebacks(run: Run) -> None:
    """--debug: the traceback of every internal error, which workers carry as text."""
    for document in run.documents:
        if document.error is not None and "traceback" in document.error.message.params:
            typer.echo(str(document.error.message.params["traceback"]), err=True)


def exit_code(run: Run, exit_zero: bool = False) -> ExitCode:
    """0 all passed, 1 a plan failed the threshold, 2 an input could not be read."""
    if exit_zero:
        return ExitCode.OK
    if run.has_errors:
        return USAGE
    return ExitCode.OK if run.passed else ExitCode.FAILED


def register(app: typer.Typer) -> None:
    app.command("check")(check)
