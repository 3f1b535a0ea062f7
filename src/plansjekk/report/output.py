"""Writing a report to a file without ever leaving half of one behind.

`ensure_writable` runs before any document is read, so a typo in `--output` fails in a
second, not after a 70-plan batch. `write_output` writes a temporary file in the same
folder and renames it over the target: an interrupted run leaves the old report (or none),
never a truncated one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from plansjekk.i18n import DEFAULT_LANG, Lang, Message


class OutputError(Exception):
    """The report cannot be written to the requested path (exit code 2 in the CLI)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.render("en"))
        self.message = message

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.message.render(lang)


def _fail(key: str, path: Path, detail: str = "") -> OutputError:
    return OutputError(Message(f"report.output.{key}", {"path": str(path), "detail": detail}))


def ensure_writable(path: str | os.PathLike[str]) -> None:
    """Raise `OutputError` unless a report can be created at `path`.

    Probes by creating (and removing) a file in the target folder: permission bits alone
    say nothing for root or on read-only mounts.
    """
    target = Path(path)
    folder = target.parent
    if target.is_dir():
        raise _fail("is-directory", target)
    if not folder.is_dir():
        raise _fail("no-folder", target, str(folder))
    if target.exists() and not os.access(target, os.W_OK):
        raise _fail("not-writable", target, "read-only file")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".plansjekk-probe-"):
            pass
    except OSError as error:
        raise _fail("not-writable", target, error.strerror or type(error).__name__) from error


def write_output(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` atomically."""
    target = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise _fail("not-writable", target, error.strerror or type(error).__name__) from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _default_mode())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _default_mode() -> int:
    """The mode a normally created file gets (mkstemp makes 0600, too strict for a report)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
