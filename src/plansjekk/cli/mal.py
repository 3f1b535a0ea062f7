"""`plansjekk mal`: write the skeleton of a plan (DOCX or Markdown) for a planner to fill in."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from plansjekk.exitcodes import ExitCode
from plansjekk.i18n import Lang, parse_lang, t
from plansjekk.outline import MAALFORMER, OUTLINE_FORMATS, Outline, build_outline
from plansjekk.rules.model import Ruleset
from plansjekk.settings import DEFAULT_RULESET

_FORMAT_ALIASES = {"markdown": "md", "word": "docx"}


def mal(
    kommune: str = typer.Option(..., "--kommune", "-k", help="Kommunens navn, f.eks. Asker."),
    maalform: str = typer.Option("nb", "--maalform", "-m", help="Målform: nb (bokmål) eller nn."),
    rules: str = typer.Option(DEFAULT_RULESET, "--rules", "-r", help="Regelsett: id eller sti."),
    output_format: str = typer.Option("docx", "--format", "-f", help="Filformat: docx eller md."),
    output: str | None = typer.Option(None, "--output", "-o", help="Filen malen skrives til."),
    periode: str | None = typer.Option(
        None, "--periode", help="Planperioden, f.eks. 2025–2028 (standard: fire år fra i år)."
    ),
    overwrite: bool = typer.Option(False, "--overskriv", help="Skriv over en fil som finnes."),
) -> None:
    """Lag en mal for planen med én overskrift per krav, veiledning og ansvarstabell."""
    lang = _maalform(maalform)
    fmt = output_format.lower()
    fmt = _choice(_FORMAT_ALIASES.get(fmt, fmt), OUTLINE_FORMATS, "--format", lang)
    path = Path(output or default_file_name(kommune, fmt))
    if path.exists() and not overwrite:
        _fail(t("planner.outline.exists", lang, path=path))
    ruleset = _load_ruleset(rules, lang)
    outline = build_outline(ruleset, kommune, lang, period=periode, file_name=path.name)
    path.write_bytes(_render(outline, fmt))
    typer.echo(t("planner.outline.written", lang, path=path, count=len(outline.sections),
                 ruleset=ruleset.id))


def default_file_name(kommune: str, fmt: str) -> str:
    """"Nord-Aurdal" → "plan-forebygging-nord-aurdal.docx": readable, no spaces."""
    slug = re.sub(r"[^\w]+", "-", kommune.casefold()).strip("-") or "kommune"
    return f"plan-forebygging-{slug}.{fmt}"


def _render(outline: Outline, fmt: str) -> bytes:
    if fmt == "md":
        from plansjekk.outline_markdown import render_markdown

        return render_markdown(outline).encode("utf-8")
    from plansjekk.outline_docx import render_docx

    return render_docx(outline)


def _load_ruleset(rules: str, lang: Lang) -> Ruleset:
    """The ruleset by id or path; any failure is a usage error with the loader's message."""
    from plansjekk.rules import load_ruleset

    try:
        return load_ruleset(rules)
    except Exception as error:  # the loader's own errors carry file:line; show them as-is
        _fail(t("planner.outline.no_ruleset", lang, rules=rules, detail=error))
        raise  # unreachable: _fail exits


def _maalform(value: str) -> Lang:
    try:
        lang = parse_lang(value)
    except ValueError:
        lang = None
    return _choice(lang or value, MAALFORMER, "--maalform", "nb")  # type: ignore[return-value]


def _choice(value: str, choices: tuple[str, ...], option: str, lang: Lang) -> str:
    if value not in choices:
        _fail(t("planner.outline.bad_choice", lang, value=value, option=option,
                choices=", ".join(choices)))
    return value


def _fail(message: str) -> None:
    typer.echo(message, err=True)
    raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR)


def register(app: typer.Typer) -> None:
    app.command("mal")(mal)
