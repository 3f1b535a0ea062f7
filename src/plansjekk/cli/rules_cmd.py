"""`plansjekk rules list|show|validate|test`: inspect, validate and test rulesets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from plansjekk.exitcodes import ExitCode
from plansjekk.i18n import Lang, parse_lang, t
from plansjekk.rules import bundled_ids, format_problems, load_with_problems
from plansjekk.rules.model import Requirement, Ruleset, pick
from plansjekk.rules.resolve import project_files
from plansjekk.settings import DEFAULT_RULESET

rules_app = typer.Typer(
    name="rules",
    help="Vis, valider og test regelsett.",
    no_args_is_help=True,
)

_LANG = typer.Option("nb", "--lang", help="Språk: nb, nn eller en.")


def _lang(value: str) -> Lang:
    try:
        return parse_lang(value)
    except ValueError:
        typer.echo(t("rules.cli.bad-lang", "nb", value=value), err=True)
        raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR) from None


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


@rules_app.command("list")
def list_rulesets(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Flere regelsettfiler å ta med.")
    ] = None,
    lang: str = _LANG,
) -> None:
    """List innebygde regelsett, regelsett i .plansjekk/rules/ og filer du oppgir."""
    language = _lang(lang)
    refs = [*bundled_ids(), *(str(p) for p in project_files()), *(str(p) for p in paths or ())]
    table = Table(*(t(f"rules.cli.column.{c}", language) for c in
                    ("id", "version", "title", "count", "path")), box=None)
    for ref in refs:
        ruleset, problems = load_with_problems(ref)
        if ruleset is None:
            table.add_row(ref, "", t("rules.cli.invalid", language, count=len(problems)), "", "")
            continue
        table.add_row(ruleset.id, ruleset.version, pick(ruleset.title, language),
                      str(len(ruleset.active)), ruleset.path)
    _console().print(table)


@rules_app.command("show")
def show(
    ruleset_ref: str = typer.Argument(DEFAULT_RULESET, metavar="[RULESET]"),
    requirement_id: str | None = typer.Argument(None, metavar="[REQUIREMENT]"),
    lang: str = _LANG,
) -> None:
    """Vis et regelsett, eller ett krav: hva som kreves og hva som teller som belegg."""
    language = _lang(lang)
    ruleset = _load_or_exit(ruleset_ref, language)
    console = _console()
    if requirement_id is None:
        _show_ruleset(console, ruleset, language)
        return
    requirement = ruleset.get(requirement_id)
    if requirement is None:
        known = ", ".join(r.id for r in ruleset.requirements)
        typer.echo(t("rules.cli.no-requirement", language, id=requirement_id, known=known),
                   err=True)
        raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR)
    _show_requirement(console, requirement, language)


def _show_ruleset(console: Console, ruleset: Ruleset, lang: Lang) -> None:
    console.print(f"[bold]{pick(ruleset.title, lang)}[/bold]  ({ruleset.id} {ruleset.version})")
    if ruleset.description:
        console.print(pick(ruleset.description, lang))
    table = Table("id", t("rules.cli.column.severity", lang),
                  t("rules.cli.column.title", lang), t("rules.cli.column.examples", lang),
                  box=None)
    for requirement in ruleset.requirements:
        title = pick(requirement.title, lang)
        if not requirement.enabled:
            title += " " + t("rules.cli.disabled", lang)
        table.add_row(requirement.id, t(f"rules.cli.severity.{requirement.severity.value}", lang),
                      title, str(len(requirement.examples)))
    console.print(table)


def _show_requirement(console: Console, requirement: Requirement, lang: Lang) -> None:
    label = lambda key: t(f"rules.cli.label.{key}", lang)  # noqa: E731
    console.print(f"[bold]{pick(requirement.title, lang)}[/bold]  ({requirement.id})")
    console.print(f"{label('severity')}: "
                  f"{t(f'rules.cli.severity.{requirement.severity.value}', lang)}")
    for key, text in (("legal_basis", requirement.legal_basis),
                      ("description", pick(requirement.description, lang)),
                      ("guidance", pick(requirement.guidance, lang))):
        if text:
            console.print(f"{label(key)}: {text.strip()}", markup=False)
    console.print(f"\n[bold]{label('evidence')}[/bold]")
    if requirement.headings:
        console.print(f"  {label('headings')}: {', '.join(requirement.headings)}", markup=False)
    for aspect in requirement.aspects:
        name = pick(aspect.title, lang) or aspect.id
        console.print(f"  {label('aspect')} {aspect.id} ({name}): {', '.join(aspect.terms)}",
                      markup=False)
    console.print(f"  min_aspects: {requirement.min_aspects}")
    for key in ("require_aspects", "exclude", "negative"):
        values = getattr(requirement, key)
        if values:
            console.print(f"  {key}: {', '.join(values)}", markup=False)
    if requirement.deprecated:
        console.print(f"  deprecated: {', '.join(requirement.deprecated.terms)}", markup=False)
    if requirement.examples:
        console.print(f"\n[bold]{label('examples')}[/bold]")
    for example in requirement.examples:
        console.print(f"  [{example.expect.value}] ({example.lang}, {label('line')} "
                      f"{example.line})", markup=False)
        for text_line in example.text.strip().splitlines():
            console.print(f"    {text_line}", markup=False)


@rules_app.command("validate")
def validate(
    files: Annotated[list[str], typer.Argument(help="Regelsettfiler (eller id-er).")],
    lang: str = _LANG,
) -> None:
    """Finn alle feil i regelsettfiler (fil:linje:kolonne). Avslutter med 2 ved feil."""
    language = _lang(lang)
    failed = False
    for ref in files:
        ruleset, problems = load_with_problems(ref)
        if problems:
            failed = True
            typer.echo(format_problems(problems, language))
        else:
            typer.echo(t("rules.cli.valid", language, path=ref,
                         count=len(ruleset.requirements) if ruleset else 0))
    raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR if failed else ExitCode.OK)


@rules_app.command("test")
def test(
    refs: Annotated[
        list[str] | None,
        typer.Argument(help="Regelsett (id eller fil); standard: alle innebygde."),
    ] = None,
    lang: str = _LANG,
) -> None:
    """Kjør eksemplene i regelsettene gjennom sjekken, som en testkjører."""
    from plansjekk.rules.testing import explain, run_examples

    language = _lang(lang)
    passed = failed = 0
    for ref in refs or bundled_ids():
        ruleset = _load_or_exit(ref, language)
        for outcome in run_examples(ruleset):
            case = outcome.case
            if outcome.passed:
                passed += 1
                typer.echo(f"PASS {case.location} {case.requirement.id} "
                           f"({case.example.expect.value})")
                continue
            failed += 1
            got = outcome.status.value if outcome.status else "error"
            typer.echo(f"FAIL {case.location} {case.requirement.id}: "
                       + t("rules.cli.expected", language, expected=case.example.expect.value,
                           got=got))
            for line in explain(outcome):
                typer.echo(f"     {line}")
    typer.echo(t("rules.cli.summary", language, passed=passed, failed=failed))
    raise typer.Exit(ExitCode.FAILED if failed else ExitCode.OK)


def _load_or_exit(ref: str, lang: Lang) -> Ruleset:
    ruleset, problems = load_with_problems(ref)
    if ruleset is None:
        typer.echo(format_problems(problems, lang), err=True)
        raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR)
    return ruleset


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")
