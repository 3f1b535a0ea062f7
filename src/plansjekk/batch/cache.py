"""Results cache: a re-check of a folder where one plan changed reads only that plan.

An entry is keyed by the file's content (not its name or date, so a copied or renamed plan
is still a hit), the ruleset's content and the tool's version plus the options that change a
verdict, so a new rule or a new release never serves a stale verdict. Entries are pickled
`DocumentResult`s (small: verdicts and excerpts, never the text) in the user's cache folder;
the folder is the user's own, like pip's or ruff's caches.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

from plansjekk.errors import ErrorCode
from plansjekk.findings import DocumentResult
from plansjekk.i18n import Message

ENV_DIR = "PLANSJEKK_CACHE_DIR"
FORMAT_VERSION = "1"
"""Bumped when the stored shape changes, so old entries are simply not found."""

UNCACHED_ERRORS = frozenset({ErrorCode.TIMEOUT.value, ErrorCode.INTERNAL_ERROR.value})
"""Errors that may not happen again (a busy machine, a bug fixed in place): never stored."""

_CHUNK = 1 << 20


def cache_dir() -> Path:
    """`$PLANSJEKK_CACHE_DIR`, else the platform's user cache folder."""
    override = os.environ.get(ENV_DIR)
    return Path(override) if override else Path(user_cache_dir("plansjekk", appauthor=False))


def file_digest(path: str | os.PathLike[str]) -> str:
    """sha256 of the file's bytes, read in chunks so a large plan never sits in memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """Hash of the code that decides a stored result (readers, matcher, name detection).

    The version number alone is not enough: between releases, and in an editable install,
    the code changes under the same version and a cached verdict would go stale.
    """
    import plansjekk.batch as batch
    import plansjekk.documents as documents
    import plansjekk.matching as matching

    digest = hashlib.sha256()
    for package in (documents, matching, batch):
        for source in sorted(Path(package.__file__).parent.glob("*.py")):
            digest.update(source.read_bytes())
    return digest.hexdigest()


def context_digest(*parts: object) -> str:
    """One hash for everything besides the file that decides a result (ruleset, version,
    options). `repr` of the frozen ruleset dataclasses covers every field."""
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(repr(part).encode("utf-8", "replace"))
    return digest.hexdigest()


class ResultCache:
    """Get and put `DocumentResult`s by (file digest, context digest).

    Every failure (unwritable folder, damaged entry) degrades to a miss: the cache may make
    a run faster, never make it fail.
    """

    def __init__(self, context: str, folder: Path | None = None) -> None:
        self.context = context
        self.folder = (folder or cache_dir()) / "results"

    def _entry(self, file_digest: str) -> Path:
        key = hashlib.sha256(f"{file_digest}:{self.context}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, file_digest: str, path: str) -> DocumentResult | None:
        """The stored result under `path` (the name may differ), marked `cached`."""
        try:
            with open(self._entry(file_digest), "rb") as handle:
                stored = pickle.load(handle)
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            AttributeError,
            ImportError,
            TypeError,
            ValueError,
            IndexError,
        ):
            return None
        if not isinstance(stored, DocumentResult):
            return None
        error = stored.error
        if error is not None and "path" in error.message.params:  # the message names the file
            params = {**error.message.params, "path": path}
            error = dataclasses.replace(error, message=Message(error.message.key, params))
        return dataclasses.replace(stored, path=path, error=error, cached=True)

    def put(self, file_digest: str, result: DocumentResult) -> None:
        """Stores `result` atomically (temp file + rename), unless it is a passing error."""
        if result.error is not None and result.error.code in UNCACHED_ERRORS:
            return
        entry = self._entry(file_digest)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as handle:
                    pickle.dump(dataclasses.replace(result, cached=False), handle, protocol=5)
                os.replace(tmp, entry)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return
