"""A file as it was in a Git revision, written to a temporary folder.

`plansjekk diff plan.docx --rev HEAD~1` needs the old bytes as a file, because the readers
take paths. The path inside the repository comes from `git rev-parse --show-prefix` run in
the file's folder, so the command works from any working directory.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not a repository, or the revision/path is unknown."""


def _git(args: list[str], cwd: Path) -> bytes:
    try:
        completed = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {' '.join(args)} took too long") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", errors="replace").strip()
        raise GitError(message or f"git {' '.join(args)} failed")
    return completed.stdout


def repo_path(file: Path) -> str:
    """The file's path relative to the repository root, with forward slashes."""
    folder = file.absolute().parent
    if not folder.is_dir():
        raise GitError(f"{folder}: no such folder")
    prefix = _git(["rev-parse", "--show-prefix"], folder).decode("utf-8").strip()
    return f"{prefix}{file.name}"


def file_at_revision(file: Path, rev: str, dest_dir: Path) -> Path:
    """Writes `file` as of `rev` into `dest_dir/<name>` (same name, so the report and the
    format hint stay familiar) and returns that path."""
    if rev.startswith("-"):
        raise GitError(f"invalid revision {rev!r}")
    inside = repo_path(file)
    content = _git(["show", f"{rev}:{inside}"], file.absolute().parent)
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / file.name
    target.write_bytes(content)
    return target
