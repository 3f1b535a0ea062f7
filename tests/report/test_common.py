"""Decisions every format shares: distinct row labels for a batch, which excerpts are worth
showing, and that each batch format uses them."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from plansjekk.findings import DocumentResult, Evidence, RequirementResult, Run
from plansjekk.report import ReportOptions, get_formatter
from plansjekk.report.common import is_worth_showing, row_labels
from plansjekk.rules.model import Severity, Status


def doc(path: str, municipality: str | None = "Fjellvik kommune") -> DocumentResult:
    return DocumentResult(path=path, municipality=municipality)


def test_row_labels_are_the_municipality_when_it_is_unique() -> None:
    assert row_labels([doc("a/plan.pdf"), doc("b/x.docx", "Voss herad"),
                       doc("c/Asker-plan.pdf", None)]) == [
        "Fjellvik kommune", "Voss herad", "Asker-plan"
    ]


def test_same_municipality_twice_gets_the_file_names() -> None:
    assert row_labels([doc("inn/plan.docx"), doc("inn/plan.pdf"), doc("inn/other.pdf", "Voss")]) \
        == ["Fjellvik kommune (plan.docx)", "Fjellvik kommune (plan.pdf)", "Voss"]


def test_same_municipality_and_file_name_gets_the_paths() -> None:
    assert row_labels([doc("2023/plan.pdf"), doc("2024/plan.pdf"), doc("2024/ny.pdf")]) == [
        "Fjellvik kommune (2023/plan.pdf)",
        "Fjellvik kommune (2024/plan.pdf)",
        "Fjellvik kommune (ny.pdf)",
    ]


@pytest.mark.parametrize(("excerpt", "shown"), [
    ("", False),
    ("   ", False),
    ("Delmål…", False),
    ("…Ansvar…", False),
    ("…Samarbeidspartnarar", False),
    ("Familierettleiing frå familieteamet.", True),
    ("Vedteken i kommunestyret 06.06.2024, sak 29/24", True),
])
def test_empty_and_very_short_excerpts_are_not_shown(excerpt: str, shown: bool) -> None:
    assert is_worth_showing(Evidence(excerpt=excerpt, page=3, section="7 Ansvar",
                                     matched=())) is shown


# --- the batch formats --------------------------------------------------------------------


@pytest.fixture
def twins(batch_run: Run) -> Run:
    """A plan's DOCX and its PDF: the same municipality twice."""
    asker = batch_run.documents[0]
    return replace(batch_run, documents=(
        asker, replace(asker, path="innsendt/asker.docx", format="docx"), *batch_run.documents[1:]
    ))


def render(name: str, run: Run, ruleset, **options) -> str | bytes:
    return get_formatter(name).render(run, ruleset, ReportOptions(color=False, width=120,
                                                                  **options))


def test_terminal_matrix_tells_the_twins_apart(twins, ruleset):
    out = render("terminal", twins, ruleset)
    assert re.search(r"^Asker kommune \(asker\.pdf\)\s+✔", out, re.M)
    assert re.search(r"^Asker kommune \(asker\.docx\)\s+✔", out, re.M)
    assert re.search(r"^Voss herad\s+✔", out, re.M), "a unique municipality stays as it is"


def test_markdown_matrix_tells_the_twins_apart(twins, ruleset):
    out = render("markdown", twins, ruleset)
    assert "| Asker kommune (asker.pdf) | ✔ |" in out
    assert "| Asker kommune (asker.docx) | ✔ |" in out


def test_html_tells_the_twins_apart(twins, ruleset):
    page = render("html", twins, ruleset)
    assert page.count(">Asker kommune (asker.pdf)</") == 2, "matrix row and details"
    assert page.count(">Asker kommune (asker.docx)</") == 2


def test_csv_tells_the_twins_apart(twins, ruleset):
    text = render("csv", twins, ruleset)
    labels = {row["Kommune"] for row in csv.DictReader(io.StringIO(text, newline=""))}
    assert {"Asker kommune (asker.pdf)", "Asker kommune (asker.docx)", "Voss herad"} <= labels


def test_xlsx_tells_the_twins_apart(twins, ruleset):
    book = load_workbook(io.BytesIO(render("xlsx", twins, ruleset)))
    matrix = [row[0] for row in book["Matrise"].iter_rows(min_row=2, values_only=True)]
    assert matrix[:3] == ["Asker kommune (asker.pdf)", "Asker kommune (asker.docx)",
                          "Voss herad"]
    excerpts = {row[0] for row in book["Utdrag"].iter_rows(min_row=2, values_only=True)}
    assert "Asker kommune (asker.docx)" in excerpts


# --- excerpts too short to show ----------------------------------------------------------


@pytest.fixture
def headings_only(single_run: Run) -> Run:
    """Evidence the matcher found only as a heading or an empty block."""
    asker = single_run.documents[0]
    short = RequirementResult(
        id="ansvarsfordeling", severity=Severity.REQUIRED, status=Status.COVERED, score=0.8,
        evidence=(Evidence("…Ansvar…", 3, "7 Ansvarsfordeling", ("Ansvar",)),
                  Evidence("", 3, "7 Ansvarsfordeling", ()),
                  Evidence("Delmål…", 2, "4 Mål", ("Delmål",))),
    )
    return replace(single_run, documents=(replace(asker, requirements=(
        short, *asker.requirements[1:])),))


def test_terminal_shows_where_but_no_empty_or_useless_excerpt(headings_only, ruleset):
    out = render("terminal", headings_only, ruleset)
    section = out.split("✔ Ansvarsfordeling mellom tjenestene\n")[1].split("\n\n")[0]
    assert section.strip().splitlines() == [
        "Funnet i: s. 3 · 7 Ansvarsfordeling; s. 2 · 4 Mål (bare korte treff, for eksempel en "
        "overskrift)"
    ]
    assert "«»" not in out and "«…Ansvar…»" not in out


def test_other_formats_drop_useless_excerpts(headings_only, ruleset):
    assert "Ansvar…" not in render("html", headings_only, ruleset)
    assert "Delmål" not in render("markdown", headings_only, ruleset, verbose=True)
    rows = list(csv.DictReader(io.StringIO(render("csv", headings_only, ruleset), newline="")))
    assert rows[0]["Første utdrag"] == ""
    book = load_workbook(io.BytesIO(render("xlsx", headings_only, ruleset)))
    ids = [row[2] for row in book["Utdrag"].iter_rows(min_row=2, values_only=True)]
    assert "ansvarsfordeling" not in ids


def test_json_keeps_every_excerpt(headings_only, ruleset):
    """The JSON contract is the matcher's full output; only human formats filter."""
    assert '"excerpt": "…Ansvar…"' in render("json", headings_only, ruleset)
