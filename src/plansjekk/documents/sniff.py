"""Decides a file's format from its bytes, never from its name.

Municipal systems rename files freely ("plan.pdf" that is a DOCX, "plan.docx" that is an old
.doc). Reading by content avoids misleading library errors; an extension that disagrees
with the content only adds a warning.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from plansjekk.i18n import Message

HEAD_BYTES = 8192

EXTENSIONS: dict[str, tuple[str, ...]] = {
    "pdf": (".pdf",),
    "docx": (".docx", ".docm", ".dotx"),
    "odt": (".odt", ".ott"),
    "doc": (".doc", ".dot"),
    "rtf": (".rtf",),
    "pages": (".pages",),
    "text": (".txt", ".text", ""),
    "markdown": (".md", ".markdown"),
}
LEGACY_NAMES = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF", "pages": "Apple Pages"}
BINARY = Message("detail.binary")
"""What an unrecognised non-text file is called in the `unsupported-format` message."""


@dataclass(frozen=True, slots=True)
class Sniffed:
    """The detected format, or `unsupported` with a short description of what was seen."""

    format: str
    """pdf, docx, odt, doc, rtf, pages, text, markdown, empty or unsupported."""
    detail: str | Message = ""
    extension_mismatch: bool = False


def sniff(path: Path) -> Sniffed:
    """Reads the head of the file (and the zip directory for zips) and names its format."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    fmt, detail = _format_from_head(head, path)
    return Sniffed(fmt, detail, _extension_mismatch(fmt, path.suffix.lower()))


def _format_from_head(head: bytes, path: Path) -> tuple[str, str | Message]:
    if not head.strip():
        return "empty", ""
    if b"%PDF-" in head[:1024]:
        return "pdf", ""
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc", LEGACY_NAMES["doc"]
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf", LEGACY_NAMES["rtf"]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_format(head, path)
    return _text_format(head, path)


def _zip_format(head: bytes, path: Path) -> tuple[str, str]:
    """DOCX has word/document.xml; ODF starts with an uncompressed `mimetype` entry."""
    if b"mimetypeapplication/vnd.oasis.opendocument.text" in head[:200]:
        return "odt", ""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = _zip_mimetype(archive, names)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        # A damaged zip that looks like an Office file is a damaged document, not text.
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx", ""
        return "unsupported", "zip"
    if "word/document.xml" in names:
        return "docx", ""
    if mimetype.startswith("application/vnd.oasis.opendocument.text"):
        return "odt", ""
    if mimetype:
        return "unsupported", mimetype
    if any(n.startswith(("Index/", "index.xml")) for n in names) or path.suffix == ".pages":
        return "pages", LEGACY_NAMES["pages"]
    if "[Content_Types].xml" in names:
        return "unsupported", "Office Open XML"
    return "unsupported", "zip"


def _zip_mimetype(archive: zipfile.ZipFile, names: set[str]) -> str:
    if "mimetype" not in names or archive.getinfo("mimetype").file_size > 200:
        return ""
    return archive.read("mimetype").decode("ascii", "replace").strip()


def _text_format(head: bytes, path: Path) -> tuple[str, str | Message]:
    """UTF-8 (or UTF-16 with BOM) without control characters is text or Markdown."""
    try:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            sample = head.decode("utf-16")
        else:
            sample = head.decode("utf-8")
    except UnicodeDecodeError as error:
        if len(head) == HEAD_BYTES and error.start >= HEAD_BYTES - 4:
            sample = head[: error.start].decode("utf-8")  # a character cut by the head limit
        else:
            return "unsupported", BINARY
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(2, len(sample) // 100):
        return "unsupported", BINARY
    if path.suffix.lower() in EXTENSIONS["markdown"] or sample.lstrip().startswith("#"):
        return "markdown", ""
    return "text", ""


def _extension_mismatch(fmt: str, suffix: str) -> bool:
    """True when the name promises another format than the content (plan.pdf that is DOCX)."""
    if fmt in ("empty", "unsupported"):
        return False
    if fmt in ("text", "markdown"):
        known = {s for exts in EXTENSIONS.values() for s in exts if s}
        return suffix in known - set(EXTENSIONS["text"]) - set(EXTENSIONS["markdown"])
    return suffix not in EXTENSIONS.get(fmt, ())
