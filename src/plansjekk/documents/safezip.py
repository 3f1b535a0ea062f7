"""Checks an Office/ODF zip package before any XML parser sees it.

A 40 KB zip can expand to gigabytes (zip bomb) and XML with DOCTYPE/ENTITY declarations can
expand entities exponentially ('billion laughs'). Word and LibreOffice never write either,
so refusing them costs nothing and keeps a batch safe.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from plansjekk.errors import DocumentError, ErrorCode
from plansjekk.i18n import Message

MAX_ENTRIES = 5000
MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
MAX_RATIO = 200
"""Compression ratio above which a large part is treated as a bomb (text XML is ~10-30×)."""
RATIO_CHECK_MIN_SIZE = 10 * 1024 * 1024
PROLOG_BYTES = 4096


def check_package(file: Path, name: str, xml_suffixes: tuple[str, ...] = (".xml", ".rels")) -> None:
    """Raises `corrupt` for a broken zip and `unsafe` for bombs and DTD declarations."""
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            _check_sizes(infos, name)
            for info in infos:
                if info.filename.lower().endswith(xml_suffixes):
                    _check_prolog(archive, info, name)
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError, zlib.error) as error:
        raise DocumentError(ErrorCode.CORRUPT, name, detail=f"zip: {error}") from None


def _check_sizes(infos: list[zipfile.ZipInfo], name: str) -> None:
    if len(infos) > MAX_ENTRIES:
        detail = Message("detail.zip-entries", {"count": len(infos)})
        raise DocumentError(ErrorCode.UNSAFE, name, detail=detail)
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        detail = Message("detail.zip-unpacked", {"megabytes": total // (1024 * 1024)})
        raise DocumentError(ErrorCode.UNSAFE, name, detail=detail)
    for info in infos:
        if info.file_size > RATIO_CHECK_MIN_SIZE and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            detail = Message("detail.zip-ratio", {"ratio": f"{ratio}:1"})
            raise DocumentError(ErrorCode.UNSAFE, name, detail=detail)


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """DOCTYPE/ENTITY can only appear before the root element, so the head is enough."""
    with archive.open(info) as part:
        head = part.read(PROLOG_BYTES)
    upper = head.upper()
    if b"<!DOCTYPE" in upper or b"<!ENTITY" in upper:
        detail = Message("detail.xml-dtd", {"part": info.filename})
        raise DocumentError(ErrorCode.UNSAFE, name, detail=detail)
