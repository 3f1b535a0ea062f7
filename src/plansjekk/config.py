"""Finding, reading and merging configuration into `Settings`.

Discovery works like ruff and pytest: from the working directory upward, the first folder
with a `plansjekk.toml` (top-level keys) or a `pyproject.toml` holding `[tool.plansjekk]`
wins; `--config FILE` overrides the search. Precedence: defaults < file < environment
(`PLANSJEKK_<KEY>`) < command line. Keys are the command-line option names (`fail-on` ⇔
`--fail-on` ⇔ `PLANSJEKK_FAIL_ON`), derived from the fields of `Settings`, so a new option
is configurable everywhere at once.

Every problem is collected (not just the first) and raised together as `ConfigError`, with
file, line, and a did-you-mean or the allowed values, because a planner editing a config
file by hand needs to be told exactly what to change.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process

from plansjekk.i18n import DEFAULT_LANG, LANGS, Lang, Message, parse_lang
from plansjekk.policy import FailOn
from plansjekk.settings import Settings
from plansjekk.tomlsource import key_line

CONFIG_FILE = "plansjekk.toml"
PYPROJECT = "pyproject.toml"
PYPROJECT_TABLE = "tool.plansjekk"
ENV_PREFIX = "PLANSJEKK_"
DEFAULT_EXCEPTIONS_FILE = "plansjekk-unntak.toml"
"""Accepted exceptions live beside the config file (or in the working directory)."""

SOURCE_DEFAULT = "default"
SOURCE_ENV = "env"
SOURCE_CLI = "cli"

_NOT_OPTIONS = frozenset({"sources"})
_PATH_FIELDS = frozenset({"paths", "output", "exceptions"})
"""Fields whose relative values in a config file mean "relative to the file's folder"."""


# ---------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One thing wrong with the configuration, located as precisely as we can."""

    message: Message
    where: str | None = None
    """A file path, an environment variable name or a command-line option."""
    line: int = 0

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        params = {
            key: value.render(lang) if isinstance(value, Message) else value
            for key, value in self.message.params.items()
        }
        text = Message(self.message.key, params).render(lang)
        if self.where and self.line:
            return f"{self.where}:{self.line}: {text}"
        if self.where:
            return f"{self.where}: {text}"
        return text


class ConfigError(Exception):
    """The configuration cannot be used; the CLI prints `render(lang)` and exits with 2."""

    def __init__(self, problems: list[ConfigProblem] | tuple[ConfigProblem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.render("en"))

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return "\n".join(problem.render(lang) for problem in self.problems)


class _Invalid(Exception):
    """Raised by a converter; carries the message without location."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


# ---------------------------------------------------------------------------------------
# Keys and converters


def option_key(field_name: str) -> str:
    """`fail_on` → `fail-on`: the config key and the long option name."""
    return field_name.replace("_", "-")


def env_name(field_name: str) -> str:
    """`fail_on` → `PLANSJEKK_FAIL_ON`."""
    return ENV_PREFIX + field_name.upper()


def option_fields() -> dict[str, dataclasses.Field[object]]:
    """Settings fields that are options, by config key."""
    return {
        option_key(f.name): f for f in dataclasses.fields(Settings) if f.name not in _NOT_OPTIONS
    }


Converter = Callable[[str, object], object]
"""(key, raw value) → the typed value, or raise `_Invalid`."""

_TRUE = frozenset({"true", "1", "yes", "ja", "on"})
_FALSE = frozenset({"false", "0", "no", "nei", "off"})


def _expected(key: str, kind: str, value: object) -> _Invalid:
    return _Invalid(
        Message("config.expected-type", {"key": key, "expected": Message(f"config.type.{kind}"),
                                         "value": repr(value)})
    )


def _to_bool(key: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _expected(key, "bool", value)


def _to_optional_bool(key: str, value: object) -> bool | None:
    if value is None or (isinstance(value, str) and value.strip().lower() == "auto"):
        return None
    try:
        return _to_bool(key, value)
    except _Invalid:
        raise _choice_error(key, value, ("true", "false", "auto")) from None


def _to_int(key: str, value: object) -> int:
    if isinstance(value, bool):
        raise _expected(key, "int", value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"\s*\d+\s*", value):
        number = int(value)
    else:
        raise _expected(key, "int", value)
    if number < 1:
        raise _Invalid(Message("config.too-small", {"key": key, "minimum": 1, "value": number}))
    return number


def _to_float(key: str, value: object) -> float:
    if isinstance(value, bool):
        raise _expected(key, "float", value)
    try:
        number = float(value) if isinstance(value, int | float | str) else None
    except ValueError:
        number = None
    if number is None or number != number:  # NaN
        raise _expected(key, "float", value)
    if number < 0 or (number == 0 and key not in _ZERO_ALLOWED):
        raise _Invalid(Message("config.too-small", {"key": key, "minimum": "> 0", "value": value}))
    return number


_ZERO_ALLOWED = frozenset({"timeout"})
"""`timeout = 0` means no time limit (the batch then checks in-process with one job)."""


def _to_str(key: str, value: object) -> str:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if not isinstance(value, str) or not value.strip():
        raise _expected(key, "str", value)
    return value


def _to_optional_str(key: str, value: object) -> str | None:
    return None if value is None else _to_str(key, value)


def _to_str_tuple(key: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str | os.PathLike):
        return (_to_str(key, value),)
    if isinstance(value, list | tuple):
        return tuple(_to_str(key, item) for item in value)
    raise _expected(key, "list", value)


def _choice_error(key: str, value: object, allowed: tuple[str, ...]) -> _Invalid:
    return _Invalid(
        Message("config.invalid-choice", {"key": key, "value": repr(value),
                                          "allowed": ", ".join(allowed)})
    )


def _to_fail_on(key: str, value: object) -> FailOn:
    try:
        return FailOn(str(value))
    except ValueError:
        raise _choice_error(key, value, tuple(FailOn)) from None


def _to_lang(key: str, value: object) -> Lang:
    try:
        return parse_lang(str(value))
    except ValueError:
        raise _choice_error(key, value, LANGS) from None


def _known_formats() -> tuple[str, ...] | None:
    """The registered report formats, or None while a format module is not importable yet
    (a partial source tree); then the check command validates the name itself."""
    from plansjekk.report import format_names

    try:
        return tuple(format_names())
    except ModuleNotFoundError:
        return None


def _to_format(key: str, value: object) -> str:
    name = _to_str(key, value)
    known = _known_formats()
    if known is not None and name not in known:
        raise _choice_error(key, value, known)
    return name


_CONVERTERS: dict[str, Converter] = {
    "fail_on": _to_fail_on,
    "lang": _to_lang,
    "format": _to_format,
    "color": _to_optional_bool,
}
"""Converters that cannot be inferred from the field's default value."""


def _converter(field: dataclasses.Field[object]) -> Converter:
    """The converter of a Settings field: explicit, else inferred from its default."""
    if field.name in _CONVERTERS:
        return _CONVERTERS[field.name]
    missing = field.default is dataclasses.MISSING
    default = field.default_factory() if missing else field.default  # type: ignore[misc]
    for kind, converter in ((bool, _to_bool), (int, _to_int), (float, _to_float),
                            (str, _to_str), (tuple, _to_str_tuple)):
        if isinstance(default, kind):
            return converter
    return _to_optional_str


# ---------------------------------------------------------------------------------------
# Files


@dataclass(frozen=True, slots=True)
class ConfigFile:
    """A parsed config file: its options (raw, by key) and the text for line numbers."""

    path: Path
    table: str
    """"" for plansjekk.toml (top level), "tool.plansjekk" for pyproject.toml."""
    values: dict[str, object]
    text: str

    def line_of(self, key: str) -> int:
        return key_line(self.text, key, self.table)


def read_toml(path: Path, not_found: str = "config.not-found") -> tuple[dict[str, object], str]:
    """The parsed TOML and its text (for line numbers); `ConfigError` with the line of a
    syntax error. `not_found` is the message key used when the file does not exist."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        message = Message(not_found, {"path": str(path)})
        raise ConfigError([ConfigProblem(message)]) from None
    except OSError as error:
        message = Message("config.unreadable", {"path": str(path), "detail": error.strerror or ""})
        raise ConfigError([ConfigProblem(message)]) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = int(found.group(1)) if found else 0
        message = Message("config.toml-syntax", {"detail": str(error)})
        raise ConfigError([ConfigProblem(message, str(path), line)]) from None


def _plansjekk_table(data: dict[str, object]) -> dict[str, object] | None:
    tool = data.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("plansjekk"), dict):
        return tool["plansjekk"]
    return None


def read_config(path: Path) -> ConfigFile:
    """Reads an explicit config file: a pyproject.toml must have `[tool.plansjekk]`."""
    data, text = read_toml(path)
    if path.name == PYPROJECT:
        table = _plansjekk_table(data)
        if table is None:
            message = Message("config.no-table", {"path": str(path), "table": PYPROJECT_TABLE})
            raise ConfigError([ConfigProblem(message)])
        return ConfigFile(path, PYPROJECT_TABLE, dict(table), text)
    return ConfigFile(path, "", data, text)


def find_config(cwd: Path) -> ConfigFile | None:
    """The first config file from `cwd` upward; in one folder plansjekk.toml beats
    pyproject.toml, and a pyproject.toml without `[tool.plansjekk]` does not count."""
    for folder in (cwd, *cwd.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return read_config(candidate)
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _mentions_plansjekk(pyproject):
            data, text = read_toml(pyproject)
            table = _plansjekk_table(data)
            if table is not None:
                return ConfigFile(pyproject, PYPROJECT_TABLE, dict(table), text)
    return None


def _mentions_plansjekk(path: Path) -> bool:
    """Cheap pre-check, so an unrelated (perhaps broken) pyproject.toml is never parsed."""
    try:
        return "plansjekk" in path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return False


def locate_config(config_path: str | None, cwd: Path) -> ConfigFile | None:
    """`--config FILE` (relative to cwd) if given, else discovery."""
    if config_path is not None:
        path = Path(config_path)
        return read_config(path if path.is_absolute() else cwd / path)
    return find_config(cwd)


# ---------------------------------------------------------------------------------------
# Resolution


def suggest_key(key: str, known: list[str]) -> Message:
    """An unknown-key message, with the closest known key when one is close enough."""
    match = process.extractOne(key.replace("_", "-"), known, score_cutoff=60)
    if match is None:
        return Message("config.unknown-key", {"key": key, "known": ", ".join(sorted(known))})
    return Message("config.unknown-key-suggestion", {"key": key, "suggestion": match[0]})


def _is_path_like_rule(value: str) -> bool:
    return value.endswith((".yaml", ".yml")) or "/" in value or os.sep in value


def _relocate(value: str, base: Path, cwd: Path) -> str:
    """A path from a config file, made relative to the file's folder, then expressed
    relative to `cwd` when it lies inside it (short paths in reports), else absolute."""
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = base / path
    path = Path(os.path.normpath(path))
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


def _relocate_field(name: str, value: object, base: Path, cwd: Path) -> object:
    if name == "rules":
        return tuple(_relocate(v, base, cwd) if _is_path_like_rule(v) else v for v in value)  # type: ignore[union-attr]
    if name not in _PATH_FIELDS or value is None:
        return value
    if isinstance(value, tuple):
        return tuple(_relocate(v, base, cwd) for v in value)
    return _relocate(str(value), base, cwd)


def _from_file(config: ConfigFile, cwd: Path, problems: list[ConfigProblem]) -> dict[str, object]:
    fields = option_fields()
    values: dict[str, object] = {}
    for key, raw in config.values.items():
        where, line = str(config.path), config.line_of(key)
        field = fields.get(key)
        if field is None:
            problems.append(ConfigProblem(suggest_key(key, list(fields)), where, line))
            continue
        try:
            value = _converter(field)(key, raw)
        except _Invalid as invalid:
            problems.append(ConfigProblem(invalid.message, where, line))
            continue
        values[field.name] = _relocate_field(field.name, value, config.path.parent, cwd)
    return values


def _from_env(environ: Mapping[str, str], problems: list[ConfigProblem]) -> dict[str, object]:
    """Only the variables that name an option; other PLANSJEKK_* variables (used by other
    parts of the tool or by scripts) are left alone."""
    values: dict[str, object] = {}
    for key, field in option_fields().items():
        name = env_name(field.name)
        if name not in environ:
            continue
        raw: object = environ[name]
        converter = _converter(field)
        if converter is _to_str_tuple:
            raw = [part.strip() for part in str(raw).split(",") if part.strip()]
        try:
            values[field.name] = converter(key, raw)
        except _Invalid as invalid:
            problems.append(ConfigProblem(invalid.message, name))
    return values


def _from_cli(cli_values: Mapping[str, object], problems: list[ConfigProblem]) -> dict[str, object]:
    fields = {f.name: f for f in option_fields().values()}
    values: dict[str, object] = {}
    for name, raw in cli_values.items():
        field = fields.get(name)
        if field is None:
            raise ValueError(f"not a Settings option: {name!r}")  # a programming error
        key = option_key(name)
        try:
            values[name] = _converter(field)(key, raw)
        except _Invalid as invalid:
            problems.append(ConfigProblem(invalid.message, f"--{key}"))
    return values


def resolve_settings(
    cli_values: dict[str, object],
    config_path: str | None,
    cwd: Path,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults < config file < environment < command line, with `sources` filled.

    `cli_values` holds only the options the user actually gave, keyed by Settings field
    name (`fail_on`, not `fail-on`). Raises `ConfigError` listing every problem found.
    """
    environ = os.environ if environ is None else environ
    cwd = cwd.resolve()
    problems: list[ConfigProblem] = []
    config = locate_config(config_path, cwd)
    layers: list[tuple[str, dict[str, object]]] = []
    if config is not None:
        layers.append((str(config.path), _from_file(config, cwd, problems)))
    layers.append((SOURCE_ENV, _from_env(environ, problems)))
    layers.append((SOURCE_CLI, _from_cli(cli_values, problems)))
    if problems:
        raise ConfigError(problems)
    values: dict[str, object] = {}
    sources = {f.name: SOURCE_DEFAULT for f in option_fields().values()}
    for source, layer in layers:
        values.update(layer)
        sources.update(dict.fromkeys(layer, source))
    if values.get("exceptions") is None:
        base = config.path.parent if config is not None else cwd
        values["exceptions"] = _relocate(DEFAULT_EXCEPTIONS_FILE, base, cwd)
    return Settings(**values, sources=sources)  # type: ignore[arg-type]


def effective_options(settings: Settings) -> list[tuple[str, object, str]]:
    """(key, value, source) for every option, in declaration order, for `config show`."""
    return [
        (key, getattr(settings, field.name), settings.sources.get(field.name, SOURCE_DEFAULT))
        for key, field in option_fields().items()
    ]


def fallback_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """The language for messages written before the settings are known (a config error):
    PLANSJEKK_LANG when it is valid, else bokmål."""
    environ = os.environ if environ is None else environ
    try:
        return parse_lang(environ.get(env_name("lang"), DEFAULT_LANG))
    except ValueError:
        return DEFAULT_LANG
