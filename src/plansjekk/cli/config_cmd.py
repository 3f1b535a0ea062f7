"""`plansjekk config show`: the effective configuration and where each value came from.

When a pipeline behaves unexpectedly, the first question is "which setting won?"; this
answers it per key: default, a config file, an environment variable or the command line.
"""

from __future__ import annotations

import json
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated

import typer

from plansjekk.config import (
    SOURCE_CLI,
    SOURCE_DEFAULT,
    SOURCE_ENV,
    ConfigError,
    effective_options,
    env_name,
    fallback_lang,
    locate_config,
    resolve_settings,
)
from plansjekk.exitcodes import ExitCode
from plansjekk.i18n import Lang, t

config_app = typer.Typer(
    name="config",
    help="Vis konfigurasjonen plansjekk bruker.",
    no_args_is_help=True,
)


class ShowFormat(StrEnum):
    TERMINAL = "terminal"
    JSON = "json"


def _json_value(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, Enum):
        return value.value
    return value


def _text_value(value: object) -> str:
    value = _json_value(value)
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "–"
    return str(value)


def _source_label(source: str, key: str, lang: Lang) -> str:
    if source == SOURCE_ENV:
        return f"{t('config.source.env', lang)} {env_name(key.replace('-', '_'))}"
    if source in (SOURCE_DEFAULT, SOURCE_CLI):
        return t(f"config.source.{source}", lang)
    return source


def render_terminal(rows: list[tuple[str, object, str]], config_file: str | None,
                    lang: Lang) -> str:
    """An aligned three-column table under a line naming the config file."""
    header = (t("config.show.file", lang, path=config_file) if config_file
              else t("config.show.no-file", lang))
    table = [(t("config.show.key", lang), t("config.show.value", lang),
              t("config.show.source", lang))]
    table += [(key, _text_value(value), _source_label(source, key, lang))
              for key, value, source in rows]
    widths = [max(len(row[i]) for row in table) for i in range(2)]
    lines = [f"{a.ljust(widths[0])}  {b.ljust(widths[1])}  {c}".rstrip() for a, b, c in table]
    return "\n".join([header, "", *lines]) + "\n"


def render_json(rows: list[tuple[str, object, str]], config_file: str | None) -> str:
    data = {
        "config_file": config_file,
        "options": {key: {"value": _json_value(value), "source": source}
                    for key, value, source in rows},
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


@config_app.command("show")
def show(
    output_format: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="terminal eller json.")
    ] = ShowFormat.TERMINAL,
    config: Annotated[str | None, typer.Option("--config", help="Konfigurasjonsfil.")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Språk: nb, nn eller en.")] = None,
) -> None:
    """Vis gjeldende innstillinger og hvor hver verdi kommer fra."""
    cwd = Path.cwd()
    try:
        settings = resolve_settings({"lang": lang} if lang else {}, config, cwd)
        found = locate_config(config, cwd)
    except ConfigError as error:
        typer.echo(error.render(fallback_lang()), err=True)
        raise typer.Exit(ExitCode.USAGE_OR_INPUT_ERROR) from None
    rows = effective_options(settings)
    config_file = str(found.path) if found else None
    if output_format is ShowFormat.JSON:
        typer.echo(render_json(rows, config_file), nl=False)
    else:
        typer.echo(render_terminal(rows, config_file, settings.lang), nl=False)


def register(app: typer.Typer) -> None:
    app.add_typer(config_app, name="config")
