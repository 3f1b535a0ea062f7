"""XLSX: reopened with openpyxl, cells, colours, frozen header and filters checked."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from plansjekk.report import ReportOptions, get_formatter


def workbook(run, ruleset):
    formatter = get_formatter("xlsx")
    assert formatter.binary
    data = formatter.render(run, ruleset, ReportOptions(color=False))
    assert isinstance(data, bytes) and data[:2] == b"PK"
    return load_workbook(io.BytesIO(data))


def test_sheets_and_matrix_cells(batch_run, ruleset):
    book = workbook(batch_run, ruleset)
    assert book.sheetnames == ["Matrise", "Utdrag", "Krav"]
    matrix = book["Matrise"]
    header = [cell.value for cell in matrix[1]]
    assert header[:4] == ["Kommune", "Fil", "Bestått", "Ansvarsfordeling mellom tjenestene"]
    assert header[-1] == "Merknad"
    asker = [cell.value for cell in matrix[2]]
    assert asker[:7] == ["Asker kommune", "innsendt/asker.pdf", "nei", "✔ dekket", "◐ delvis",
                         "✘ mangler", "✔ dekket"]
    assert matrix["G3"].value == "✘ mangler (godtatt)"
    error_row = [cell.value for cell in matrix[5]]
    assert error_row[2] == "feil" and error_row[3] == "! feil"
    assert error_row[-1].startswith("innsendt/skannet.pdf: PDF-en har ikke tekstlag")


def test_matrix_colours_frozen_header_and_filter(batch_run, ruleset):
    matrix = workbook(batch_run, ruleset)["Matrise"]
    assert matrix["D2"].fill.fgColor.rgb.endswith("C6EFCE")
    assert matrix["E2"].fill.fgColor.rgb.endswith("FFEB9C")
    assert matrix["F2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert matrix.freeze_panes == "B2"
    assert matrix.auto_filter.ref == "A1:H5"


def test_excerpt_sheet_lists_every_excerpt(batch_run, ruleset):
    sheet = workbook(batch_run, ruleset)["Utdrag"]
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["Kommune", "Fil", "Krav-id", "Krav", "Status", "Side", "Avsnitt",
                         "Utdrag", "Trefford"]
    expected_count = sum(
        len(r.evidence) for d in batch_run.documents for r in d.requirements
    )
    assert len(values) - 1 == expected_count
    assert values[1][5] == 12 and values[1][6] == "4.2 Ansvar og roller"
    voss = [row for row in values if row[0] == "Voss herad"]
    assert voss[0][5] is None and voss[0][6] == "2 Ansvarsfordeling"
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref


def test_formula_injection_is_neutralised(batch_run, ruleset):
    sheet = workbook(batch_run, ruleset)["Utdrag"]
    excerpts = [row[7].value for row in sheet.iter_rows(min_row=2)]
    formula = next(e for e in excerpts if "HYPERLINK" in e)
    assert formula.startswith("'=")
    sections = [row[6].value for row in sheet.iter_rows(min_row=2)]
    assert "'-2 Samarbeid" in sections
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


def test_totals_sheet(batch_run, ruleset):
    sheet = workbook(batch_run, ruleset)["Krav"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1] == ["ansvarsfordeling", "Ansvarsfordeling mellom tjenestene", "påkrevd", 2, 1, 0]
