"""CSV: one row per document × requirement, parsed back with the csv module."""

from __future__ import annotations

import csv
import io

from plansjekk.report import ReportOptions, get_formatter


def rows(run, ruleset, lang="nb") -> list[dict[str, str]]:
    text = get_formatter("csv").render(run, ruleset, ReportOptions(lang=lang, color=False))
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_row_per_document_and_requirement(batch_run, ruleset):
    table = rows(batch_run, ruleset)
    assert list(table[0]) == ["Kommune", "Fil", "Krav-id", "Tittel", "Nivå", "Status", "Skår",
                              "Sider", "Første utdrag"]
    assert len(table) == 4 + 4 + 4 + 1
    first = table[0]
    assert first == {
        "Kommune": "Asker kommune",
        "Fil": "innsendt/asker.pdf",
        "Krav-id": "ansvarsfordeling",
        "Tittel": "Ansvarsfordeling mellom tjenestene",
        "Nivå": "påkrevd",
        "Status": "dekket",
        "Skår": "0.91",
        "Sider": "12, 40",
        "Første utdrag": "Barnehagen har ansvar for tidlig innsats, og helsestasjonen har "
        "ansvar for foreldreveiledning.",
    }


def test_nynorsk_titles_docx_pages_and_accepted(batch_run, ruleset):
    voss = [row for row in rows(batch_run, ruleset) if row["Kommune"] == "Voss herad"]
    assert voss[2]["Tittel"] == "Medverknad frå barn og unge"
    assert voss[0]["Sider"] == ""
    assert voss[3]["Status"] == "mangler (godtatt)"


def test_error_document_is_one_row(batch_run, ruleset):
    error = rows(batch_run, ruleset)[-1]
    assert (error["Kommune"], error["Status"], error["Krav-id"]) == ("skannet", "feil", "")
    assert error["Første utdrag"].startswith("innsendt/skannet.pdf: PDF-en har ikke tekstlag")


def test_formula_cells_are_neutralised_and_control_characters_gone(batch_run, ruleset):
    alna = [row for row in rows(batch_run, ruleset) if row["Kommune"] == "Bydel Alna"]
    assert alna[1]["Første utdrag"].startswith("'=HYPERLINK(")
    assert "\x1b" not in alna[0]["Første utdrag"]
    for row in rows(batch_run, ruleset):
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_english_headers(single_run, ruleset):
    assert list(rows(single_run, ruleset, lang="en")[0])[:3] == [
        "Municipality", "File", "Requirement id"
    ]
