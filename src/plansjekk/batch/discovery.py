"""Turns the paths a user typed (files, folders, globs) into the list of plans to check.

A caseworker points the tool at a folder that also holds logos, spreadsheets and cover
letters; those are listed as skipped, not reported as errors. A file is skipped only when
neither its extension nor its bytes say it is a plan, so a plan saved as `plan.jpg` is still
read and a photo renamed `plan.pdf` is reported by the reader (wrong content), not hidden.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

from plansjekk.documents.sniff import sniff

PLAN_EXTENSIONS = frozenset(
    {".pdf", ".docx", ".docm", ".dotx", ".doc", ".dot", ".odt", ".ott", ".rtf", ".pages"}
)
"""Extensions that promise a plan; such files are always checked (the reader judges them)."""

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown"})
"""Plain text is a plan only when named explicitly; in a folder it is usually a README."""

PLAN_FORMATS = frozenset({"pdf", "docx", "odt", "doc", "rtf", "pages"})
"""Formats (from sniffing the bytes) that are plans whatever the file is called."""

GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Discovery:
    """What the paths expanded to, in a stable order (sorted, duplicates removed)."""

    files: tuple[str, ...]
    """Files to check, as paths the user recognises (joined from what they typed)."""
    skipped: tuple[str, ...]
    """Files found but not plans (images, spreadsheets, text in folders, lock files)."""
    missing: tuple[str, ...]
    """Paths or globs that matched nothing: each becomes a `not-found` error."""


def discover(paths: tuple[str, ...] | list[str]) -> Discovery:
    """Expands every path; never raises for a user's input."""
    files: dict[str, str] = {}
    skipped: dict[str, str] = {}
    missing: list[str] = []
    for raw in paths:
        for path, explicit in _expand(raw, missing):
            key = _identity(path)
            if key in files or key in skipped:
                continue
            if is_plan(Path(path), explicit=explicit):
                files[key] = path
            else:
                skipped[key] = path
    return Discovery(
        files=tuple(sorted(files.values())),
        skipped=tuple(sorted(skipped.values())),
        missing=tuple(missing),
    )


def _expand(raw: str, missing: list[str]) -> list[tuple[str, bool]]:
    """(path, named explicitly) pairs for one argument; records what matched nothing."""
    path = Path(raw)
    if path.is_dir():
        return [(p, False) for p in _walk(path)]
    if path.exists():
        return [(raw, True)]
    if GLOB_CHARS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        if matches:
            found: list[tuple[str, bool]] = []
            for match in matches:
                if Path(match).is_dir():
                    found.extend((p, False) for p in _walk(Path(match)))
                else:
                    found.append((match, False))
            return found
    missing.append(raw)
    return []


def _walk(folder: Path) -> list[str]:
    """Every regular file below `folder`, hidden files and folders left out (.git, .DS_Store)."""
    found: list[str] = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(
            os.path.normpath(os.path.join(root, name))
            for name in sorted(names)
            if not name.startswith(".")
        )
    return found


def _identity(path: str) -> str:
    """The same file reached by two arguments is checked once."""
    try:
        return str(Path(path).resolve())
    except OSError:
        return os.path.abspath(path)


def is_plan(path: Path, explicit: bool = False) -> bool:
    """True when the extension or the content says this may be a plan.

    Office lock files (`~$plan.docx`) are never plans. Unreadable files count as plans, so
    the reader reports why they cannot be read.
    """
    if path.name.startswith("~$"):
        return False
    suffix = path.suffix.lower()
    if suffix in PLAN_EXTENSIONS:
        return True
    if explicit and suffix in TEXT_EXTENSIONS:
        return True
    try:
        fmt = sniff(path).format
    except OSError:
        return True
    if fmt in PLAN_FORMATS:
        return True
    return explicit and fmt in ("text", "markdown")
