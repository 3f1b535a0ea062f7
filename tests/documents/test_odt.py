from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, List, ListItem, P

from plansjekk.documents import BlockKind, read_document


def test_odt_headings_lists_tables(tmp_path):
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="1 Ansvar"))
    document.text.addElement(P(text="Kommunen har ansvar."))
    document.text.addElement(H(outlinelevel=2, text="1.1 Samarbeid"))
    items = List()
    item = ListItem()
    item.addElement(P(text="Samarbeidsmøter"))
    items.addElement(item)
    document.text.addElement(items)
    table = Table()
    row = TableRow()
    for value in ("Skole", "Rektor"):
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "plan.odt"
    document.save(str(path))

    doc = read_document(path)
    assert doc.format == "odt"
    assert [(h.text, h.level) for h in doc.headings] == [("1 Ansvar", 1), ("1.1 Samarbeid", 2)]
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert (BlockKind.LIST_ITEM, "Samarbeidsmøter") in kinds
    row_block = doc.blocks[-1]
    assert row_block.cells == ("Skole", "Rektor")
    assert row_block.section == ("1 Ansvar", "1.1 Samarbeid")
