"""OCR through the real ocrmypdf + tesseract (Norwegian), on a one-page scan made here.

`make system-deps` installs ocrmypdf and tesseract-ocr-nor, so CI runs this for real.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from plansjekk.documents import ReadOptions, read_document
from plansjekk.documents.ocr import ocr_available

TEXT = [
    "Samarbeid mellom tjenestene",
    "Barnehagen, skolen og helsestasjonen møtes hver måned.",
]


def _text_pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont("Helvetica-Bold", 20)
    page.drawString(60, 760, TEXT[0])
    page.setFont("Helvetica", 14)
    page.drawString(60, 720, TEXT[1])
    page.save()
    return buffer.getvalue()


def _scanned_pdf(path: Path) -> None:
    """Render a text PDF to an image and wrap it in a PDF with no text layer: a scan."""
    image = pdfium.PdfDocument(_text_pdf())[0].render(scale=200 / 72).to_pil()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    page.save()
    path.write_bytes(buffer.getvalue())


def test_the_machine_has_ocr_installed() -> None:
    """CI installs ocrmypdf and tesseract-ocr-nor (make system-deps); fail loudly if not."""
    assert ocr_available()


def test_ocr_reads_a_scanned_plan(tmp_path: Path) -> None:
    scan = tmp_path / "skannet.pdf"
    _scanned_pdf(scan)
    document = read_document(scan, ReadOptions(ocr=True))
    text = " ".join(block.text for block in document.blocks).lower()
    assert "samarbeid" in text and "helsestasjonen" in text
    assert document.pages == 1
