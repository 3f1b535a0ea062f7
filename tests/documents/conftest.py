"""Inputs for the reader tests, made on the spot (reportlab PDFs, python-docx documents)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

FIXTURES = Path(__file__).parents[1] / "fixtures" / "documents"


def make_pdf(path: Path, pages: list[list[tuple[str, float]]], header: str | None = None,
             footer: bool = False) -> Path:
    """One (text, font size) per line; sizes above 11 use Helvetica-Bold. A4, 15 pt pitch."""
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    for number, lines in enumerate(pages, start=1):
        if header:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(72, height - 40, header)
        y = height - 90
        for text, size in lines:
            if text == "":
                y -= 12
                continue
            pdf.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
            pdf.drawString(72, y, text)
            y -= size * 1.4
        if footer:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(280, 30, f"Side {number} av {len(pages)}")
        pdf.showPage()
    pdf.save()
    return path


def make_docx(path: Path, build) -> Path:
    document = DocxDocument()
    build(document)
    document.save(str(path))
    return path


@pytest.fixture
def small_plan_pdf() -> Path:
    return FIXTURES / "plan_small.pdf"


@pytest.fixture
def twocol_pdf() -> Path:
    return FIXTURES / "plan_twocol.pdf"


@pytest.fixture
def pdf_maker(tmp_path: Path):
    """`pdf_maker(pages, name=..., header=..., footer=...)` → path of a new PDF."""

    def _make(pages: list[list[tuple[str, float]]], name: str = "plan.pdf", **kwargs) -> Path:
        return make_pdf(tmp_path / name, pages, **kwargs)

    return _make


@pytest.fixture
def docx_maker(tmp_path: Path):
    """`docx_maker(build, name=...)`: `build(document)` fills a python-docx Document."""

    def _make(build, name: str = "plan.docx") -> Path:
        return make_docx(tmp_path / name, build)

    return _make
