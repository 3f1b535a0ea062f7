"""Outline instruction text (`plansjekk mal`) comes out of every reader as `is_guidance`."""

from docx.enum.style import WD_STYLE_TYPE
from odf.opendocument import OpenDocumentText
from odf.style import Style
from odf.table import Table, TableCell, TableRow
from odf.text import H, P

from plansjekk import outline_marks
from plansjekk.documents import Block, BlockKind, document_from_text, guidance, read_document


def test_docx_guidance_style_paragraphs_are_guidance(docx_maker):
    def build(document):
        document.styles.add_style("Plansjekk veiledning", WD_STYLE_TYPE.PARAGRAPH)
        document.add_heading("Samarbeid mellom tjenestene", level=1)
        document.add_paragraph("Veiledning: Beskriv arenaer og rutiner.",
                               style="Plansjekk veiledning")
        document.add_paragraph("Kommunen har et tverrfaglig team for barn og unge.")

    doc = read_document(docx_maker(build))
    by_text = {b.text: b for b in doc.blocks}
    instruction = by_text["Veiledning: Beskriv arenaer og rutiner."]
    assert instruction.is_guidance
    assert instruction.kind is BlockKind.PARAGRAPH
    assert instruction.section == ("Samarbeid mellom tjenestene",)
    assert not by_text["Kommunen har et tverrfaglig team for barn og unge."].is_guidance
    assert not by_text["Samarbeid mellom tjenestene"].is_guidance


def test_nynorsk_style_name_in_docx(docx_maker):
    def build(document):
        document.styles.add_style("Plansjekk rettleiing", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph("Rettleiing: Skildre rutinane.", style="Plansjekk rettleiing")
        document.add_paragraph("Rettleiing er noko kommunen gir foreldre.")

    doc = read_document(docx_maker(build))
    assert [b.is_guidance for b in doc.blocks] == [True, False]


def test_markdown_guidance_quote_and_plain_quote():
    text = (
        "# Plan\n\n## Samarbeid\n\n"
        "> Veiledning: Beskriv arenaer og rutiner.  \n"
        "> Lovgrunnlag: barnevernsloven § 15-1.  \n\n"
        "Kommunen har samarbeidsmøter hver måned.\n"
        "> Et sitat fra en forelder.\n"
    )
    doc = document_from_text(text, "plan.md")
    blocks = [(b.text, b.is_guidance) for b in doc.blocks if not b.is_heading]
    assert blocks == [
        ("Veiledning: Beskriv arenaer og rutiner. Lovgrunnlag: barnevernsloven § 15-1.", True),
        ("Kommunen har samarbeidsmøter hver måned.", False),
        ("Et sitat fra en forelder.", False),
    ]
    assert doc.blocks[2].section == ("Plan", "Samarbeid")


def test_markdown_file_through_read_document(tmp_path):
    path = tmp_path / "mal.md"
    path.write_text("# Plan\n\n> **Rettleiing:** Skildre tiltaka.\n\nTiltak A.\n",
                    encoding="utf-8")
    doc = read_document(path)
    assert [(b.text, b.is_guidance) for b in doc.blocks[1:]] == [
        ("**Rettleiing:** Skildre tiltaka.", True), ("Tiltak A.", False)]


def test_template_table_rows_are_guidance_filled_rows_are_not():
    doc = document_from_text(
        "| Tjeneste | Ansvar | Samarbeidspartnere |\n| --- | --- | --- |\n"
        "| Barnehage |   |   |\n| NAV | Oppfølging av familier | Barnevern |\n",
        "plan.md",
    )
    assert [(b.cells[0], b.is_guidance) for b in doc.blocks] == [
        ("Tjeneste", False), ("Barnehage", True), ("NAV", False)]

    untouched = document_from_text(
        "| Tjeneste | Ansvar |\n| --- | --- |\n| Barnehage |  |\n| NAV |  |\n", "mal.md")
    assert all(b.is_guidance for b in untouched.blocks)


def test_one_cell_rows_are_content():
    rows = [Block(BlockKind.TABLE_ROW, "Faktaboks: kommunen har 40 barnehager",
                  cells=("Faktaboks: kommunen har 40 barnehager",))]
    assert not any(b.is_guidance for b in guidance.mark_template_tables(rows))


def test_odt_guidance_style_and_title_style(tmp_path):
    document = OpenDocumentText()
    for name, display in (("Title", "Title"),
                          ("Plansjekk_20_veiledning", "Plansjekk veiledning")):
        document.styles.addElement(Style(name=name, displayname=display, family="paragraph"))
    automatic = Style(name="P1", family="paragraph", parentstylename="Plansjekk_20_veiledning")
    document.automaticstyles.addElement(automatic)
    document.text.addElement(P(stylename="Title", text="Plan for forebygging"))
    document.text.addElement(H(outlinelevel=1, text="Samarbeid"))
    document.text.addElement(P(stylename=automatic, text="Veiledning: Beskriv rutinene."))
    document.text.addElement(P(text="Kommunen har faste møter."))
    table = Table()
    for values in (("Tjeneste", "Ansvar"), ("Barnehage", "")):
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "mal.odt"
    document.save(str(path))

    doc = read_document(path)
    assert [(h.text, h.level) for h in doc.headings] == [("Plan for forebygging", 1),
                                                         ("Samarbeid", 1)]
    assert doc.title == "Plan for forebygging"
    flags = {b.text: b.is_guidance for b in doc.blocks}
    assert flags["Veiledning: Beskriv rutinene."] is True
    assert flags["Kommunen har faste møter."] is False
    assert flags["Tjeneste | Ansvar"] is True  # every body row unfilled: the header too
    assert flags["Barnehage"] is True


def test_outline_marks_reexports_the_readers_contract():
    assert outline_marks.is_guidance_style is guidance.is_guidance_style
    assert outline_marks.mark_template_tables is guidance.mark_template_tables
    assert outline_marks.GUIDANCE_STYLE["nb"] == "Plansjekk veiledning"
    assert outline_marks.is_guidance_style(" plansjekk VEILEDNING ")
    assert not outline_marks.is_guidance_style("Normal")
