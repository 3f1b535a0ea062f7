from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from plansjekk.documents import BlockKind, read_document


def _plan(document):
    document.add_paragraph("Plan for forebygging", style="Title")
    document.add_heading("Innhold", level=1)
    document.add_paragraph("1 Ansvar og roller\t3")
    document.add_heading("1 Ansvar og roller", level=1)
    document.add_paragraph("Barneverns\u00adtjenesten har ansvar for oppfølging.")
    document.add_heading("1.1 Samarbeid", level=2)
    document.add_paragraph("Foreldreveiledning", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    for col, value in enumerate(("Tjeneste", "Ansvar", "Frist")):
        table.cell(0, col).text = value
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Barnehage og skole"
    table.cell(1, 2).text = "2026"
    document.sections[0].header.paragraphs[0].text = "Topptekst som ikke skal leses"
    bold = document.add_paragraph()
    bold.add_run("2.3 Avklaring ved uenighet").bold = True


def test_headings_levels_lists_tables_and_sections(docx_maker):
    doc = read_document(docx_maker(_plan))
    assert doc.format == "docx"
    assert doc.pages is None
    assert [(h.text, h.level) for h in doc.headings] == [
        ("Plan for forebygging", 1),
        ("1 Ansvar og roller", 1),
        ("1.1 Samarbeid", 2),
        ("2.3 Avklaring ved uenighet", 2),
    ]
    item = next(b for b in doc.blocks if b.kind is BlockKind.LIST_ITEM)
    assert item.text == "Foreldreveiledning"
    assert item.section == ("1 Ansvar og roller", "1.1 Samarbeid")
    rows = [b.cells for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows == [("Tjeneste", "Ansvar", "Frist"), ("Barnehage og skole", "2026")]
    assert "Barnevernstjenesten har ansvar" in doc.text
    assert "Topptekst" not in doc.text
    assert all(b.page is None for b in doc.blocks)


def test_toc_entries_marked(docx_maker):
    doc = read_document(docx_maker(_plan))
    toc = [b.text for b in doc.blocks if b.in_toc]
    assert toc == ["Innhold", "1 Ansvar og roller 3"]


def test_norwegian_style_ids_and_outline_level(docx_maker):
    def build(document):
        heading = document.add_heading("Mål og strategier", level=2)
        heading.style.element.set(qn("w:styleId"), "Overskrift2")
        heading._p.pPr.pStyle.val = "Overskrift2"
        custom = document.add_paragraph("Egendefinert overskrift")
        ppr = custom._p.get_or_add_pPr()
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), "0")
        ppr.append(outline)
        document.add_paragraph("Brødtekst.")

    doc = read_document(docx_maker(build))
    assert [(h.text, h.level) for h in doc.headings] == [
        ("Mål og strategier", 2),
        ("Egendefinert overskrift", 1),
    ]


def test_word_toc_in_content_control_is_marked(docx_maker):
    def build(document):
        body = document.element.body
        sdt = OxmlElement("w:sdt")
        pr = OxmlElement("w:sdtPr")
        part = OxmlElement("w:docPartObj")
        gallery = OxmlElement("w:docPartGallery")
        gallery.set(qn("w:val"), "Table of Contents")
        part.append(gallery)
        pr.append(part)
        content = OxmlElement("w:sdtContent")
        entry = document.add_heading("Ansvar og roller", level=1)  # looks like a heading
        content.append(entry._p)
        sdt.append(pr)
        sdt.append(content)
        body.insert(0, sdt)
        document.add_heading("Ansvar og roller", level=1)
        document.add_paragraph("Kommunen har ansvar.")

    doc = read_document(docx_maker(build))
    assert [b.in_toc for b in doc.blocks] == [True, False, False]
    assert len(doc.headings) == 1


def test_bold_paragraph_followed_by_text_is_a_heading(docx_maker):
    def build(document):
        document.add_paragraph("Plan for førebygging", style="Title")
        document.add_paragraph().add_run("Medverknad").bold = True
        document.add_paragraph("Ungdomsrådet har gjeve innspel til planen.")
        document.add_paragraph().add_run("Dette er ei utheva setning.").bold = True
        document.add_paragraph("Brødtekst.")
        document.add_paragraph().add_run("Siste linje").bold = True

    doc = read_document(docx_maker(build))
    assert [(h.text, h.level) for h in doc.headings] == [
        ("Plan for førebygging", 1),
        ("Medverknad", 2),
    ]
    body = next(b for b in doc.blocks if b.text.startswith("Ungdomsrådet"))
    assert body.section == ("Plan for førebygging", "Medverknad")


# Chapter headings typed as plain numbered paragraphs (no heading style, not bold).


def _write_plain(path: Path, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    "title", ["3. Samarbeid mellom tjenestene", "4 SAMARBEID", "3 Samarbeid mellom tenestene"]
)
def test_plain_numbered_line_before_body_is_a_heading(tmp_path: Path, title: str) -> None:
    body = "Helsestasjonen og barnehagene møtes fire ganger i året i faste samarbeidsmøter."
    document = read_document(_write_plain(tmp_path / "plan.docx", [title, body]))
    kinds = {b.text: b.kind for b in document.blocks}
    assert kinds[title] is BlockKind.HEADING
    body_block = next(b for b in document.blocks if b.text == body)
    assert body_block.section[-1] == title


def test_numbered_list_of_short_lines_is_not_headings(tmp_path: Path) -> None:
    lines = ["1. Barnehage", "2. Skole", "3. Helsestasjon", "Alle tjenestene deltar i arbeidet."]
    document = read_document(_write_plain(tmp_path / "list.docx", lines))
    assert not any(b.is_heading for b in document.blocks if b.text.startswith("3."))
