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
    """A document could not be read. `path` is always part of the message params.

    `detail` (the part in parentheses) is a `Message` with a ``detail.*`` key from
    `locale/documents.yaml` when plansjekk words it, so it follows the report language; a
    plain string only for what a library said (see `library_detail`) or a name."""

    def __init__(self, code: ErrorCode, path: str, **params: object) -> None:
        super().__init__(code, error_message(code, path, **params))
        self.path = path


def error_message(code: ErrorCode, path: str, **params: object) -> Message:
    """The message of error `code` for the file `path`; a string detail is tidied by
    `library_detail`, a `Message` detail is rendered later in the report's language."""
    detail = params.get("detail")
    if isinstance(detail, str):
        params["detail"] = library_detail(detail)
    return Message(f"error.{code.value}", {"path": path, **params})


DETAIL_LIMIT = 200


def library_detail(text: str) -> str:
    """A library's own text as a detail: one line, at most DETAIL_LIMIT characters, without
    the trailing full stop (the message puts the detail in parentheses and ends with its
    own, which would give "(… error).).")."""
    return " ".join(text.split())[:DETAIL_LIMIT].rstrip(" .,;:")


def exception_detail(error: BaseException) -> str:
    """"TypeName: what the library said", as a detail."""
    return library_detail(f"{type(error).__name__}: {error}")


def error_text(code: ErrorCode, lang: Lang, **params: object) -> str:
    """One line: what went wrong with which file, and what to do about it."""
    return t(f"error.{code.value}", lang, **params)
