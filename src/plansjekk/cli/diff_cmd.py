"""`plansjekk diff OLD NEW` / `plansjekk diff PLAN --rev REV [--rev REV2]`.

Thin: resolves settings, fetches the two versions (files or Git revisions), checks each
with the same ruleset and accepted exceptions, and hands the results to `plansjekk.diff`.
Exit 1 when a requirement got worse, 2 on any error, else 0.
"""

from __future__ import annotations

import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from plansjekk import __version__
from plansjekk.config import ConfigError, fallback_lang, resolve_settings
from plansjekk.diff import diff_documents
from plansjekk.diff_report import DiffFormat, render
from plansjekk.errors import PlansjekkError
from plansjekk.exceptions import apply
from plansjekk.exitcodes import ExitCode
from plansjekk.findings import DocumentResult, RulesetInfo, Run
from plansjekk.gitrev import GitError, file_at_revision
from plansjekk.i18n import Lang, t
from plansjekk.policy import FailOn
from plansjekk.rules import RulesetError, load_ruleset
from plansjekk.rules.model import Ruleset
from plansjekk.settings import Settings


class UsageError(Exception):
    """The arguments do not name two versions."""


@dataclass(frozen=True, slots=True)
class Version:
    label: str
    """How the version is named in the output ("plan.docx@HEAD~1")."""
    file: Path
    """Where its bytes are (a temporary file for a revision)."""
    logical_path: str
    """The path exceptions are matched against: the plan's own path, not the temp file."""


def _versions(old: Path, new: Path | None, revs: list[str], tmp: Path, lang: Lang) -> list[Version]:
    if new is not None and not revs:
        return [Version(str(old), old, str(old)), Version(str(new), new, str(new))]
    if new is None and len(revs) == 1:
        before = file_at_revision(old, revs[0], tmp / "old")
        working = f"{old} ({t('diff.working-copy', lang)})"
        return [Version(f"{old}@{revs[0]}", before, str(old)), Version(working, old, str(old))]
    if new is None and len(revs) == 2:
        sides = zip(revs, ("old", "new"), strict=True)
        files = [file_at_revision(old, rev, tmp / side) for rev, side in sides]
        return [Version(f"{old}@{rev}", f, str(old)) for rev, f in zip(revs, files, strict=True)]
    raise UsageError(t("diff.usage", lang))


def _read(file: Path, settings: Settings) -> object:
    from plansjekk.documents import ReadOptions, read_document

    options = ReadOptions(max_pages=settings.max_pages, max_mb=settings.max_mb, ocr=settings.ocr)
    return read_document(file, options)


def _judge(document: object, ruleset: Ruleset, fail_on: FailOn) -> DocumentResult:
    from plansjekk.matching import check_document

    return check_document(document, ruleset, fail_on)


def _check(version: Version, ruleset: Ruleset, settings: Settings) -> DocumentResult:
    """One version read, judged and with accepted exceptions applied."""
    result = _judge(_read(version.file, settings), ruleset, settings.fail_on)
    result = dataclasses.replace(result, path=version.logical_path)
    info = RulesetInfo(id=ruleset.id, version=ruleset.version, path=ruleset.path)
    run = Run(tool_version=__version__, ruleset=info, documents=(result,),
              fail_on=settings.fail_on.value)
    return apply(run, settings).documents[0]


def _error_text(error: Exception, lang: Lang) -> str:
    if isinstance(error, GitError):
        return t("diff.git-error", lang, detail=str(error))
    render_error = getattr(error, "render", None)
    return render_error(lang) if callable(render_error) else str(error)


def _cli_values(rules: list[str] | None, lang: str | None, fail_on: FailOn | None) -> dict:
    given = {"rules": tuple(rules) if rules else None, "lang": lang, "fail_on": fail_on}
    return {key: value for key, value in given.items() if value is not None}


def diff(
    old: Annotated[Path, typer.Argument(help="Gammel versjon, eller planen når --rev brukes.")],
    new: Annotated[Path | None, typer.Argument(help="Ny versjon.")] = None,
    rev: Annotated[
        list[str] | None,
        typer.Option(
            "--rev", metavar="REV",
            help="Git-revisjon. Én gang: mot arbeidskopien. To ganger: A mot B.",
        ),
    ] = None,
    diff_format: Annotated[
        DiffFormat, typer.Option("--format", "-f", help="Utdataformat.")
    ] = DiffFormat.TERMINAL,
    rules: Annotated[
        list[str] | None,
        typer.Option("--rules", "-r", metavar="REGELSETT", help="Regelsett: id eller sti."),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Språk: nb, nn eller en.")] = None,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Når feiler en plan?")
    ] = None,
    config: Annotated[str | None, typer.Option("--config", help="Konfigurasjonsfil.")] = None,
) -> None:
    """Vis hva som er endret mellom to versjoner av en plan, krav for krav."""
    language: Lang = fallback_lang()
    try:
        settings = resolve_settings(_cli_values(rules, lang, fail_on), config, Path.cwd())
        language = settings.lang
        ruleset = load_ruleset(settings.rules[0])
        with tempfile.TemporaryDirectory(prefix="plansjekk-diff-") as tmp:
            versions = _versions(old, new, list(rev or []), Path(tmp), language)
            before, after = (_check(v, ruleset, settings) for v in versions)
    except (ConfigError, PlansjekkError, GitError, UsageError, RulesetError) as error:
        typer.echo(_error_text(error, language), err=True)
        raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR) from None
    for result in (before, after):
        if result.status != "ok":
            message = result.error.message.render(language) if result.error else result.path
            typer.echo(message, err=True)
            raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR)
    compared = diff_documents(before, after, versions[0].label, versions[1].label)
    typer.echo(render(compared, ruleset, diff_format, language), nl=False)
    raise typer.Exit(ExitCode.FAILED if compared.regressed else ExitCode.OK)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
