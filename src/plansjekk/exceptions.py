"""Accepted exceptions: requirements a municipality knowingly covers elsewhere.

A PDF cannot carry ignore comments, so acceptances live in a TOML file beside the config
(`plansjekk-unntak.toml` by default, or the `exceptions` key):

    [[exception]]
    document = "planer/asker.pdf"      # path or glob, relative to this file
    requirement = "kommunestyrevedtak"
    reason = "Vedtatt i sak 12/24, se møteprotokoll"   # mandatory
    expires = 2026-01-01               # optional; after this day it fails again
    accepted-by = "Kari Nordmann"      # optional

An accepted result keeps its status (the report shows "accepted", never "passed"); only
`DocumentResult.passed` is recomputed through `policy.document_passes`, so the exit code and
every format agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

import tomli_w

from plansjekk.config import (
    DEFAULT_EXCEPTIONS_FILE,
    SOURCE_DEFAULT,
    ConfigError,
    ConfigProblem,
    read_toml,
    suggest_key,
)
from plansjekk.findings import DocumentResult, RequirementResult, Run
from plansjekk.i18n import Message, t
from plansjekk.policy import FailOn, document_passes
from plansjekk.rules.model import Status
from plansjekk.settings import Settings
from plansjekk.tomlsource import key_line

TABLE = "exception"
KEYS = ("document", "requirement", "reason", "expires", "accepted-by")
_REQUIRED = ("document", "requirement", "reason")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class AcceptedException:
    """One entry of the exceptions file."""

    document: str
    """Path or glob as written, relative to `base`."""
    requirement: str
    reason: str
    base: Path
    """Folder of the exceptions file (absolute)."""
    expires: dt.date | None = None
    accepted_by: str | None = None
    line: int = 0

    def matches(self, document_path: str, requirement_id: str) -> bool:
        return fnmatchcase(requirement_id, self.requirement) and _path_matches(
            self.document, self.base, document_path
        )

    def expired(self, today: dt.date) -> bool:
        """Valid through the expiry day itself."""
        return self.expires is not None and self.expires < today

    @property
    def is_glob(self) -> bool:
        return bool(_GLOB_CHARS.search(self.document))


# ---------------------------------------------------------------------------------------
# Paths


def _glob_to_regex(pattern: str) -> str:
    """`**/` any folders, `*` and `?` within one path segment, `[...]` a character class."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 2 :]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1 : end].replace("\\", "\\\\")
            out.append("[^" + body[1:] + "]" if body.startswith("!") else "[" + body + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def _absolute(path: str | Path) -> str:
    return Path(os.path.normpath(Path(path).expanduser().absolute())).as_posix()


def _path_matches(pattern: str, base: Path, document_path: str) -> bool:
    """Both sides made absolute and normalised (so `../planer/*.pdf` works); glob
    characters in the exceptions file's own folder name would be read as a glob."""
    joined = _absolute(Path(base) / pattern) if not Path(pattern).is_absolute() else pattern
    regex = _glob_to_regex(Path(os.path.normpath(joined)).as_posix())
    return re.fullmatch(regex, _absolute(document_path)) is not None


def exceptions_path(settings: Settings) -> Path:
    """The exceptions file of these settings (it may not exist yet)."""
    return Path(settings.exceptions or DEFAULT_EXCEPTIONS_FILE)


# ---------------------------------------------------------------------------------------
# Reading


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _type_problem(key: str, kind: str, value: object) -> Message:
    params = {"key": key, "expected": Message(f"config.type.{kind}"), "value": repr(value)}
    return Message("config.expected-type", params)


def _entry_messages(raw: dict[str, object]) -> list[tuple[str, Message]]:
    """(key, message) for everything wrong with one entry; the key locates the line."""
    found: list[tuple[str, Message]] = [
        (key, suggest_key(key, list(KEYS))) for key in raw if key not in KEYS
    ]
    for key in _REQUIRED:
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            hint = Message("exceptions.reason-hint") if key == "reason" else ""
            found.append((key, Message("exceptions.missing-key", {"key": key, "hint": hint})))
    expires = raw.get("expires")
    if expires is not None and _as_date(expires) is None:
        found.append(("expires", _type_problem("expires", "date", expires)))
    accepted_by = raw.get("accepted-by")
    if accepted_by is not None and not isinstance(accepted_by, str):
        found.append(("accepted-by", _type_problem("accepted-by", "str", accepted_by)))
    return found


def _entry(
    raw: object, number: int, path: Path, text: str, problems: list[ConfigProblem]
) -> AcceptedException | None:
    """One validated entry, or None after adding its problems (located by line)."""
    header = key_line(text, "document", TABLE, number - 1)
    if not isinstance(raw, dict):
        problems.append(ConfigProblem(Message("exceptions.not-a-table"), str(path), header))
        return None
    messages = _entry_messages(raw)
    for key, message in messages:
        params = {**message.params, "number": number}
        line = key_line(text, key, TABLE, number - 1) if key in raw else header
        problems.append(ConfigProblem(Message(message.key, params), str(path), line))
    if messages:
        return None
    return AcceptedException(
        document=str(raw["document"]).strip(),
        requirement=str(raw["requirement"]).strip(),
        reason=str(raw["reason"]).strip(),
        base=Path(_absolute(path.parent)),
        expires=_as_date(raw.get("expires")),
        accepted_by=raw.get("accepted-by"),  # type: ignore[arg-type]
        line=header,
    )


def load_exceptions(path: Path) -> tuple[AcceptedException, ...]:
    """Every entry of the file; raises `ConfigError` naming each bad entry by line."""
    data, text = read_toml(path, not_found="exceptions.not-found")
    where = str(path)
    problems = [
        ConfigProblem(suggest_key(key, [TABLE]), where, key_line(text, key))
        for key in data
        if key != TABLE
    ]
    raw_entries = data.get(TABLE, [])
    if not isinstance(raw_entries, list):
        line = key_line(text, TABLE)
        problems.append(ConfigProblem(Message("exceptions.not-a-table"), where, line))
        raw_entries = []
    entries = [_entry(raw, n, path, text, problems) for n, raw in enumerate(raw_entries, start=1)]
    if problems:
        raise ConfigError(problems)
    return tuple(entry for entry in entries if entry is not None)


def _load_for(settings: Settings) -> tuple[AcceptedException, ...]:
    """The entries, or none when the default file simply does not exist."""
    if settings.exceptions is None:
        return ()
    path = exceptions_path(settings)
    if not path.exists() and settings.sources.get("exceptions", SOURCE_DEFAULT) == SOURCE_DEFAULT:
        return ()
    return load_exceptions(path)


# ---------------------------------------------------------------------------------------
# Applying


def _apply_to_requirement(
    result: RequirementResult,
    document_path: str,
    entries: tuple[AcceptedException, ...],
    today: dt.date,
    warnings: list[Message],
) -> RequirementResult:
    matching = [e for e in entries if e.matches(document_path, result.id)]
    if not matching:
        return result
    valid = [e for e in matching if not e.expired(today)]
    if result.status is Status.COVERED:
        if any(not e.is_glob for e in valid):
            warnings.append(Message("exceptions.unused", {"requirement": result.id}))
        return result
    if valid:
        return dataclasses.replace(result, accepted=valid[0].reason)
    latest = max(e.expires for e in matching if e.expires is not None)
    warnings.append(Message("exceptions.expired", {"requirement": result.id,
                                                   "date": latest.isoformat()}))
    return result


def _apply_to_document(
    document: DocumentResult, entries: tuple[AcceptedException, ...], today: dt.date,
    fail_on: FailOn,
) -> DocumentResult:
    if document.status != "ok":
        return document
    warnings: list[Message] = []
    requirements = tuple(
        _apply_to_requirement(r, document.path, entries, today, warnings)
        for r in document.requirements
    )
    return dataclasses.replace(
        document,
        requirements=requirements,
        warnings=(*document.warnings, *warnings),
        passed=document_passes(requirements, fail_on),
    )


def apply(run: Run, settings: Settings, today: dt.date | None = None) -> Run:
    """The run with accepted exceptions marked and each document's `passed` recomputed.

    An expired acceptance does not apply and adds a warning to the document, so the plan
    fails again and the report says why. Raises `ConfigError` for a bad exceptions file.
    """
    entries = _load_for(settings)
    if not entries:
        return run
    today = today or dt.date.today()
    fail_on = FailOn(run.fail_on)
    documents = tuple(_apply_to_document(d, entries, today, fail_on) for d in run.documents)
    return dataclasses.replace(run, documents=documents)


# ---------------------------------------------------------------------------------------
# Baseline


def _relative_posix(document_path: str, base: Path) -> str:
    return Path(os.path.relpath(_absolute(document_path), _absolute(base))).as_posix()


def baseline_entries(run: Run, settings: Settings, today: dt.date | None = None) -> list[dict]:
    """New entries for every not-covered finding that no existing entry already matches."""
    path = exceptions_path(settings)
    existing = load_exceptions(path) if path.exists() else ()
    reason = t("exceptions.baseline-reason", settings.lang,
               date=(today or dt.date.today()).isoformat())
    entries: list[dict] = []
    for document in run.documents:
        if document.status != "ok":
            continue
        for result in document.requirements:
            if result.status is Status.COVERED:
                continue
            if any(e.matches(document.path, result.id) for e in existing):
                continue
            entries.append({
                "document": _relative_posix(document.path, path.parent),
                "requirement": result.id,
                "reason": reason,
            })
    return entries


def write_baseline(run: Run, settings: Settings, today: dt.date | None = None) -> Path:
    """Appends entries for the current not-covered findings to the exceptions file (made if
    missing) and returns its path.

    Appending as text keeps the comments and reasons people already wrote; findings that an
    entry already matches, even an expired one, are left to that entry.
    """
    path = exceptions_path(settings)
    entries = baseline_entries(run, settings, today)
    parts: list[str] = []
    if not path.exists():
        parts.append(f"# {t('exceptions.baseline-header', settings.lang)}\n")
    for entry in entries:
        parts.append("\n" + tomli_w.dumps({TABLE: [entry]}))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("".join(parts))
    return path
