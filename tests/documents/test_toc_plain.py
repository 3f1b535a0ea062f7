"""Tables of contents without dot leaders: short lines ending in a page number after an
'Innhold'/'Innhald' title are TOC lines in every format, never evidence; a statistics table
under a normal heading is not a TOC."""

from __future__ import annotations

from plansjekk.documents import read_document
from plansjekk.documents.text import document_from_text

_ENTRIES_NB = [
    "1 Innledning 3",
    "2 Mål og strategier 5",
    "3 Samarbeid 7",
    "Samarbeid mellom tjenestene 12",
]
_ENTRIES_NN = [
    "1 Innleiing 3",
    "2 Mål og strategiar 5",
    "3 Samarbeid 7",
    "Samarbeid mellom tenestene 12",
]
_BODY = "Tenestene møtest kvar månad i eit fast samarbeidsmøte med barnehage og skule."


def _toc_texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if b.in_toc]


def _no_toc_headings(doc) -> None:
    assert all(not (b.in_toc and b.is_heading and b.text[:1].isdigit()) for b in doc.blocks)


def test_text_bokmal_toc_lines_without_blank_lines():
    text = "# Plan\n\nInnhold\n" + "\n".join(_ENTRIES_NB) + "\n\n# 1 Innledning\n\nTekst her.\n"
    doc = document_from_text(text)
    toc = _toc_texts(doc)
    assert toc[0] == "Innhold"
    assert toc[1:] == _ENTRIES_NB
    assert [h.text for h in doc.headings] == ["Plan", "1 Innledning"]
    assert not doc.blocks[-1].in_toc


def test_text_nynorsk_heading_and_paragraph_entries():
    entries = "\n\n".join(_ENTRIES_NN)
    text = f"# Plan\n\n## Innhald\n\n{entries}\n\n## 1 Innleiing\n\n{_BODY}\n"
    doc = document_from_text(text)
    assert _toc_texts(doc)[1:] == _ENTRIES_NN
    _no_toc_headings(doc)
    assert next(b for b in doc.blocks if b.text == _BODY).section[-1] == "1 Innleiing"


def test_joined_toc_paragraph_is_toc():
    doc = document_from_text("# Plan\n\nInnhaldsliste " + " ".join(_ENTRIES_NN) + "\n")
    assert len(_toc_texts(doc)) == 1


def test_statistics_after_normal_heading_are_not_toc():
    text = (
        "# Plan\n\n## Statistikk\n\nBarn 0-5 år 312\nBarn 6-15 år 845\n\n"
        "| Alder | Tal |\n| --- | --- |\n| 0-5 år | 312 |\n| 6-15 år | 845 |\n"
    )
    doc = document_from_text(text)
    assert not _toc_texts(doc)
    assert any(h.text == "Statistikk" for h in doc.headings)


def test_statistics_heading_right_after_toc_ends_it():
    text = (
        "# Plan\n\nInnholdsfortegnelse\n3 Samarbeid 7\nSamarbeid mellom tjenestene 12\n\n"
        "## Statistikk\n\nBarn 0-5 år 312\n"
    )
    doc = document_from_text(text)
    assert _toc_texts(doc) == [
        "Innholdsfortegnelse",
        "3 Samarbeid 7",
        "Samarbeid mellom tjenestene 12",
    ]
    assert any(h.text == "Statistikk" for h in doc.headings)


def test_pdf_nynorsk_toc_title_in_body_size(pdf_maker):
    lines = [
        ("Plan for førebygging", 18),
        ("", 10),
        ("Innhald", 10),
        *[(e, 10) for e in _ENTRIES_NN],
        ("", 10),
        ("1 Innleiing", 14),
        (_BODY, 10),
        ("2 Mål", 14),
        (_BODY, 10),
        ("3 Samarbeid", 14),
        (_BODY, 10),
    ]
    doc = read_document(pdf_maker([lines]))
    toc = " ".join(_toc_texts(doc))
    assert "Innhald" in toc and "tenestene 12" in toc
    assert [h.text for h in doc.headings][1:] == ["1 Innleiing", "2 Mål", "3 Samarbeid"]
    assert all(not b.in_toc for b in doc.blocks if b.text == _BODY)


def test_pdf_bokmal_bold_numbered_entries(pdf_maker):
    lines = [
        ("Plan for forebygging", 18),
        ("Innhold", 14),
        *[(e, 12 if e[0].isdigit() else 10) for e in _ENTRIES_NB],
        ("", 10),
        ("1 Innledning", 14),
        (_BODY, 10),
        ("2 Mål", 14),
        (_BODY, 10),
    ]
    doc = read_document(pdf_maker([lines]))
    assert len(_toc_texts(doc)) == 5
    _no_toc_headings(doc)


def test_docx_toc_paragraphs(docx_maker):
    def build(document):
        document.add_heading("Plan for førebygging", 0)
        document.add_paragraph("Innhald")
        for entry in _ENTRIES_NN:
            document.add_paragraph(entry)
        document.add_heading("1 Innleiing", 1)
        document.add_paragraph(_BODY)
        document.add_heading("Statistikk", 1)
        document.add_paragraph("Barn 0-5 år 312")
        document.add_paragraph("Barn 6-15 år 845")

    doc = read_document(docx_maker(build))
    assert _toc_texts(doc) == ["Innhald", *_ENTRIES_NN]
    assert not any(b.in_toc for b in doc.blocks if "år" in b.text)
