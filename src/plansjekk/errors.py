"""Error codes from the report contract, as values that travel per document.

An error is raised at the edge of the layer that found it (reader, rules loader, writer)
and reported per document; it never stops a batch. The message text is looked up in
`locale/errors.yaml` under ``error.<code>`` (and ``remedy.<code>`` for what to do).
"""

from __future__ import annotations

from enum import StrEnum

from plansjekk.i18n import DEFAULT_LANG, Lang, Message, t


class ErrorCode(StrEnum):
    """Per-document error codes; the JSON report carries the value."""

    NOT_FOUND = "not-found"
    UNSUPPORTED_FORMAT = "unsupported-format"
    LEGACY_FORMAT = "legacy-format"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    NO_TEXT_LAYER = "no-text-layer"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    TIMEOUT = "timeout"
    UNSAFE = "unsafe"
    INTERNAL_ERROR = "internal-error"


class PlansjekkError(Exception):
    """Base for errors that carry a contract code and a translatable message."""

    def __init__(self, code: ErrorCode, message: Message) -> None:
        super().__init__(message.render("en"))
        self.code = code
        self.message = message

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.message.render(lang)


class DocumentError(PlansjekkError):
    """A document could not be read. `path` is always part of the message params."""

    def __init__(self, code: ErrorCode, path: str, **params: object) -> None:
        super().__init__(code, Message(f"error.{code.value}", {"path": path, **params}))
        self.path = path


def error_text(code: ErrorCode, lang: Lang, **params: object) -> str:
    """One line: what went wrong with which file, and what to do about it."""
    return t(f"error.{code.value}", lang, **params)
