"""Every error code a reader produces, each from a real input made here."""

import subprocess
import zipfile

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from plansjekk.documents import ReadOptions, read_document
from plansjekk.errors import DocumentError, ErrorCode
from plansjekk.i18n import has_message


def _code(path, options=None):
    with pytest.raises(DocumentError) as raised:
        read_document(path, options or ReadOptions())
    return raised.value.code


def _docx_bytes(docx_maker):
    return docx_maker(lambda d: d.add_paragraph("Kommunen har ansvar for samarbeid.")).read_bytes()


def test_missing_and_empty_files(tmp_path):
    assert _code(tmp_path / "finnes-ikke.pdf") is ErrorCode.NOT_FOUND
    (tmp_path / "tom.pdf").write_bytes(b"")
    assert _code(tmp_path / "tom.pdf") is ErrorCode.EMPTY
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    assert _code(tmp_path / "blank.txt") is ErrorCode.EMPTY


def test_random_bytes_are_unsupported(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(bytes(range(256)) * 8)
    assert _code(path) is ErrorCode.UNSUPPORTED_FORMAT


def test_truncated_pdf_is_corrupt(tmp_path, small_plan_pdf):
    path = tmp_path / "halv.pdf"
    path.write_bytes(small_plan_pdf.read_bytes()[:3000])
    assert _code(path) is ErrorCode.CORRUPT


@pytest.mark.parametrize(("user", "readable"), [("hemmelig", False), ("", True)])
def test_encrypted_pdf(tmp_path, small_plan_pdf, user, readable):
    path = tmp_path / "kryptert.pdf"
    subprocess.run(["qpdf", "--encrypt", user, "eier", "256", "--", str(small_plan_pdf),
                    str(path)], check=True)
    if readable:
        assert read_document(path).pages == 4
    else:
        assert _code(path) is ErrorCode.ENCRYPTED


def test_image_only_pdf_has_no_text_layer(tmp_path):
    path = tmp_path / "skannet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.rect(50, 50, 400, 600, fill=1)
        pdf.showPage()
    pdf.save()
    assert _code(path) is ErrorCode.NO_TEXT_LAYER
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    assert "2 sider" in raised.value.render("nb") and "--ocr" in raised.value.render("en")
    assert "(scanned; 2 pages)" in raised.value.render("en")


def test_ocr_without_ocrmypdf_says_how_to_install(tmp_path, monkeypatch):
    from plansjekk.documents import ocr

    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    path = tmp_path / "skannet.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError) as raised:
        read_document(path, ReadOptions(ocr=True))
    assert raised.value.code is ErrorCode.NO_TEXT_LAYER
    for lang in ("nb", "nn", "en"):
        assert "apt install ocrmypdf tesseract-ocr-nor" in raised.value.render(lang)


def test_limits_give_too_large(small_plan_pdf):
    assert _code(small_plan_pdf, ReadOptions(max_pages=2)) is ErrorCode.TOO_LARGE
    assert _code(small_plan_pdf, ReadOptions(max_mb=0.001)) is ErrorCode.TOO_LARGE


def test_lying_extension_is_read_by_content_with_warning(tmp_path, docx_maker):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_docx_bytes(docx_maker))
    doc = read_document(path)
    assert doc.format == "docx"
    assert "warning.extension-mismatch" in doc.warnings
    assert has_message("warning.extension-mismatch")


@pytest.mark.parametrize(
    ("name", "content", "detail"),
    [
        ("plan.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word"),
        ("plan.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word"),
        ("plan.rtf", rb"{\rtf1\ansi Plan for forebygging}", "RTF"),
    ],
)
def test_legacy_formats(tmp_path, name, content, detail):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    assert raised.value.code is ErrorCode.LEGACY_FORMAT
    assert detail in raised.value.render("nb")


def test_pages_package_is_legacy(tmp_path):
    path = tmp_path / "plan.pages"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00\x01")
    assert _code(path) is ErrorCode.LEGACY_FORMAT


def test_invalid_office_package_is_corrupt(tmp_path, docx_maker):
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<ikke xml")
    assert _code(path) is ErrorCode.CORRUPT
    truncated = tmp_path / "kuttet.docx"
    truncated.write_bytes(_docx_bytes(docx_maker)[:5000])
    assert _code(truncated) is ErrorCode.CORRUPT


def test_zip_bomb_refused(tmp_path, docx_maker):
    source = docx_maker(lambda d: d.add_paragraph("Tekst"))
    path = tmp_path / "bombe.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in original.infolist():
            archive.writestr(info, original.read(info))
        archive.writestr("word/media/fyll.bin", b"\0" * (40 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    assert _code(path) is ErrorCode.UNSAFE


def test_entity_bomb_refused(tmp_path, docx_maker):
    source = docx_maker(lambda d: d.add_paragraph("Tekst"))
    path = tmp_path / "entiteter.docx"
    bomb = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>')
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as archive:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/document.xml":
                data = bomb.encode() + data.split(b"?>", 1)[1]
            archive.writestr(info, data)
    assert _code(path) is ErrorCode.UNSAFE


def test_odt_is_read_directly_not_refused(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    document.text.addElement(P(text="Kommunen har ansvar for samarbeid."))
    path = tmp_path / "plan.odt"
    document.save(str(path))
    assert read_document(path).blocks[0].text == "Kommunen har ansvar for samarbeid."


def test_garbled_pdf_text_gives_warning(pdf_maker):
    line = ("\ue010\ue011\ue012 \ue013\ue014 (cid:12)(cid:13) plan", 11)
    doc = read_document(pdf_maker([[line] * 10]))
    assert "warning.garbled-text" in doc.warnings


def test_every_error_message_names_the_file(tmp_path):
    error = DocumentError(ErrorCode.CORRUPT, "plan.pdf", detail="x")
    assert "plan.pdf" in error.render("nb") and "plan.pdf" in error.render("en")


RAISED_PARAMS = {"detail": "DETALJ", "seconds": "60"}
"""What the raisers pass besides the path: reader errors carry detail; batch adds seconds."""


@pytest.mark.parametrize("code", list(ErrorCode))
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_every_code_renders_without_leftover_placeholders(code, lang):
    assert has_message(f"error.{code.value}")
    text = DocumentError(code, "plan.pdf", **RAISED_PARAMS).render(lang)
    assert "{" not in text and "}" not in text, text
    assert "plan.pdf" in text
    if code is ErrorCode.TIMEOUT:
        assert "60" in text
    if code in (ErrorCode.NO_TEXT_LAYER, ErrorCode.CORRUPT, ErrorCode.UNSAFE,
                ErrorCode.TOO_LARGE, ErrorCode.INTERNAL_ERROR, ErrorCode.LEGACY_FORMAT,
                ErrorCode.UNSUPPORTED_FORMAT):
        assert "DETALJ" in text
