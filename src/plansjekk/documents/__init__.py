"""Readers: one per format, each turning a file into a `Document` (see model.py).

Public entry point: `read_document(path, options)`. It sniffs the format from the file's
bytes, dispatches to the reader, and raises `plansjekk.errors.DocumentError` with a
contract code for anything it cannot read. `document_from_text` builds a Document from a
string (rule examples, tests).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from plansjekk.documents.model import Block, BlockKind, Document, ReadOptions
from plansjekk.documents.sniff import sniff
from plansjekk.documents.text import document_from_text
from plansjekk.errors import DocumentError, ErrorCode, exception_detail
from plansjekk.i18n import Message

__all__ = [
    "Block",
    "BlockKind",
    "Document",
    "ReadOptions",
    "document_from_text",
    "read_document",
]

WARNING_EXTENSION_MISMATCH = "warning.extension-mismatch"
WARNING_GARBLED = "warning.garbled-text"


DEFAULT_OPTIONS = ReadOptions()


def read_document(path: str | os.PathLike[str], options: ReadOptions = DEFAULT_OPTIONS) -> Document:
    """Reads a plan in any supported format; every failure is a `DocumentError` with a code."""
    file = Path(path)
    name = str(path)
    _check_file(file, name, options)
    sniffed = sniff(file)
    try:
        document = _dispatch(file, name, sniffed.format, sniffed.detail, options)
    except DocumentError:
        raise
    except (MemoryError, RecursionError) as error:
        raise DocumentError(ErrorCode.CORRUPT, name, detail=type(error).__name__) from error
    except Exception as error:  # the contract: never a traceback for a user's input
        detail = exception_detail(error)
        raise DocumentError(ErrorCode.INTERNAL_ERROR, name, detail=detail) from error
    if not any(block.text.strip() for block in document.blocks):
        raise DocumentError(ErrorCode.EMPTY, name, detail=sniffed.format)
    if sniffed.extension_mismatch:
        warnings = (*document.warnings, WARNING_EXTENSION_MISMATCH)
        metadata = {**document.metadata, "extension": file.suffix.lower()}
        document = dataclasses.replace(document, warnings=warnings, metadata=metadata)
    return document


def _check_file(file: Path, name: str, options: ReadOptions) -> None:
    """Existence, kind and size, before any byte is parsed."""
    try:
        size = file.stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        raise DocumentError(ErrorCode.NOT_FOUND, name, detail="") from None
    except OSError as error:
        raise DocumentError(ErrorCode.NOT_FOUND, name, detail=error.strerror or "") from None
    if file.is_dir():
        raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, name, detail=Message("detail.folder"))
    if size == 0:
        raise DocumentError(ErrorCode.EMPTY, name, detail=Message("detail.zero-bytes"))
    if size > options.max_mb * 1024 * 1024:
        detail = Message("detail.megabytes-over-limit",
                         {"size": f"{size / 1024 / 1024:.1f}", "limit": f"{options.max_mb:g}"})
        raise DocumentError(ErrorCode.TOO_LARGE, name, detail=detail)


def _dispatch(
    file: Path, name: str, fmt: str, detail: str | Message, options: ReadOptions
) -> Document:
    if fmt == "pdf":
        from plansjekk.documents.pdf import read_pdf

        return read_pdf(file, name, options)
    if fmt == "docx":
        from plansjekk.documents.docx import read_docx

        return read_docx(file, name, options)
    if fmt == "odt":
        from plansjekk.documents.odt import read_odt

        return read_odt(file, name, options)
    if fmt in ("text", "markdown"):
        return _read_text_file(file, name, options)
    if fmt in ("doc", "rtf", "pages"):
        raise DocumentError(ErrorCode.LEGACY_FORMAT, name, detail=detail)
    if fmt == "empty":
        raise DocumentError(ErrorCode.EMPTY, name, detail="")
    raise DocumentError(ErrorCode.UNSUPPORTED_FORMAT, name, detail=detail or fmt)


def _read_text_file(file: Path, name: str, options: ReadOptions) -> Document:
    raw = file.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
    else:
        text = raw.decode("utf-8-sig", errors="replace")
    document = document_from_text(text, name)
    if file.suffix.lower() in (".md", ".markdown"):
        document = dataclasses.replace(document, format="markdown")
    return document
