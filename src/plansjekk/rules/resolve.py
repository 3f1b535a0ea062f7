"""Finds a ruleset by reference: a bundled id, an id in the project's rules folder, or a path.

Bundled rulesets live in `plansjekk/rulesets/*.yaml` inside the package (read through
importlib.resources, so an installed wheel finds them); a project can keep its own in
`.plansjekk/rules/*.yaml` under the working directory, found by id like the bundled ones.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

PROJECT_RULES_DIR = Path(".plansjekk") / "rules"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Located:
    """A rules file found for a reference; `key` identifies it for cycle detection."""

    path: str
    text: str
    bundled: bool = False

    @property
    def key(self) -> str:
        return os.path.normcase(os.path.abspath(self.path))


def bundled_dir() -> Traversable:
    return resources.files("plansjekk") / "rulesets"


def bundled_ids() -> list[str]:
    """Ids of the rulesets shipped in the package, sorted."""
    return sorted(
        entry.name.rsplit(".", 1)[0]
        for entry in bundled_dir().iterdir()
        if entry.name.endswith(SUFFIXES)
    )


def project_files(root: Path | None = None) -> list[Path]:
    folder = (root or Path.cwd()) / PROJECT_RULES_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def looks_like_path(ref: str) -> bool:
    return ref.endswith(SUFFIXES) or "/" in ref or os.sep in ref


def locate(ref: str | os.PathLike[str], relative_to: Path | None = None) -> Located | None:
    """The rules file `ref` names, or None. Paths are relative to `relative_to` (the folder of
    the extending file) or the working directory; ids look in the project folder, then the
    bundled rulesets."""
    text_ref = os.fspath(ref)
    candidate = Path(text_ref).expanduser()
    if not candidate.is_absolute() and relative_to is not None:
        candidate = relative_to / candidate
    if candidate.is_file():
        return Located(str(candidate), candidate.read_text(encoding="utf-8"))
    if looks_like_path(text_ref) or not text_ref:
        return None
    for path in project_files():
        if path.stem == text_ref:
            return Located(str(path), path.read_text(encoding="utf-8"))
    for suffix in SUFFIXES:
        entry = bundled_dir() / f"{text_ref}{suffix}"
        if entry.is_file():
            return Located(str(entry), entry.read_text(encoding="utf-8"), bundled=True)
    return None
