"""OCR for scanned PDFs through ocrmypdf + tesseract (Norwegian), only when the user asks.

OCR costs ~2 s per page even with OMP_THREAD_LIMIT=1 (tesseract's default threading is 5×
slower on small VMs), so it is opt-in (`--ocr`). The result is a PDF with a text layer that
the normal PDF reader then reads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from plansjekk.errors import DocumentError, ErrorCode
from plansjekk.i18n import Message

OCR_TIMEOUT_PER_PAGE = 30


def ocr_available() -> bool:
    """ocrmypdf on PATH and tesseract's Norwegian data installed."""
    if shutil.which("ocrmypdf") is None or shutil.which("tesseract") is None:
        return False
    try:
        listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True,
                                 timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return "nor" in listing.stdout.split()


def make_searchable(file: Path, name: str, pages: int = 1) -> Path:
    """A temporary copy of `file` with an OCR text layer; the caller deletes it."""
    if not ocr_available():
        raise DocumentError(ErrorCode.NO_TEXT_LAYER, name, detail=Message("detail.ocr-missing"))
    handle, target = tempfile.mkstemp(prefix="plansjekk-ocr-", suffix=".pdf")
    os.close(handle)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = ["ocrmypdf", "-l", "nor", "--skip-text", "--quiet", "--jobs", "1",
               "--output-type", "pdf", str(file), target]
    try:
        subprocess.run(command, env=env, capture_output=True, check=True,
                       timeout=OCR_TIMEOUT_PER_PAGE * max(pages, 1) + 60)
    except (OSError, subprocess.SubprocessError) as error:
        Path(target).unlink(missing_ok=True)
        detail = Message("detail.ocr-failed", {"error": type(error).__name__})
        raise DocumentError(ErrorCode.NO_TEXT_LAYER, name, detail=detail) from None
    return Path(target)
