"""Issue 6, "Done when": a folder with one of each bad input and some good plans, checked in
ONE batch through the real command, reports every good plan and exactly one clear error per
bad file (contract code; a one-line message naming the file and what to do), exits with 2 and
never prints a traceback; in bokmål and English. The same folder through the HTML, CSV and
XLSX reports: document text is escaped, formula-like cells are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from tests.acceptance.conftest import CHROMIUM, EXAMPLES, LAUNCH_ARGS
from tests.acceptance.plans import (
    FORMULA_NAME,
    MISSING,
    SCRIPT_TEXT,
    BadInput,
    make_bad_inputs,
)
from tests.report.helpers import assert_valid_report_json

REMEDY = {
    "nb": {
        "not-found": "Sjekk stien",
        "empty": "Sjekk at riktig fil er sendt inn",
        "legacy-format": "lagre som DOCX eller PDF",
        "corrupt": "eksporter filen på nytt",
        "encrypted": "uten passord",
        "no-text-layer": "--ocr",
        "unsafe": "Eksporter dokumentet på nytt",
    },
    "en": {
        "not-found": "Check the path",
        "empty": "Check that the right file was submitted",
        "legacy-format": "save as DOCX or PDF",
        "corrupt": "export it again",
        "encrypted": "without a password",
        "no-text-layer": "--ocr",
        "unsafe": "Export the document again",
    },
}
"""Per error code, the words of the remedy the one-line message must contain."""


class Folder(type(Path())):
    """The folder of inputs, carrying what each file should give (`items`)."""

    items: list[BadInput]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Folder:
    """<tmp>/innsendt with the bad and good inputs; commands run in <tmp> with relative paths."""
    folder = Folder(tmp_path_factory.mktemp("bad-inputs") / "innsendt")
    folder.items = make_bad_inputs(folder, EXAMPLES)
    return folder


def items(folder: Folder) -> list[BadInput]:
    return folder.items


ARGS = ("check", "innsendt", f"innsendt/{MISSING}", "--jobs", "2")


def check(plansjekk, folder: Path, *extra: str, binary: bool = False):
    return plansjekk(*ARGS, *extra, cwd=folder.parent, binary=binary,
                     env={"COLUMNS": "400"})


def test_every_bad_input_gives_its_code_and_every_good_plan_is_reported(plansjekk, folder):
    result = check(plansjekk, folder, "--format", "json")
    assert result.returncode == 2, result.stderr
    data = assert_valid_report_json(result.stdout)
    documents = {Path(d["path"]).name: d for d in data["documents"]}
    assert set(documents) == {item.name for item in items(folder)}
    assert len(data["documents"]) == len(items(folder)), "one entry per file, no duplicates"
    wrong = {}
    for item in items(folder):
        document = documents[item.name]
        if item.code is None:
            if document["status"] != "ok":
                wrong[item.name] = f"should be read, got {document['error']}"
            elif len(document["requirements"]) != 12:
                wrong[item.name] = "not all requirements reported"
            mismatch = any("innholdet" in w for w in document["warnings"])
            if mismatch is not item.warning:
                wrong[item.name] = f"extension warning expected={item.warning}: {document}"
        else:
            error = document["error"] or {}
            if document["status"] != "error" or error.get("code") != item.code:
                wrong[item.name] = f"expected {item.code}, got {error or document['status']}"
            elif document["requirements"]:
                wrong[item.name] = "an unreadable file with requirement results"
    assert not wrong, json.dumps(wrong, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_one_line_per_bad_file_with_the_file_and_a_remedy(plansjekk, folder, lang):
    extra = ("--lang", "en") if lang == "en" else ()
    result = check(plansjekk, folder, *extra)
    assert result.returncode == 2
    lines = (result.stdout + result.stderr).splitlines()
    problems = []
    for item in items(folder):
        if item.code is None:
            continue
        path = f"innsendt/{item.name}"
        mentioned = [line for line in lines if f"{path}:" in line]
        if len(mentioned) != 1:
            problems.append(f"{item.name}: {len(mentioned)} lines: {mentioned}")
        elif REMEDY[lang][item.code] not in mentioned[0]:
            problems.append(f"{item.name}: no remedy ({REMEDY[lang][item.code]!r}): {mentioned[0]}")
    assert not problems, "\n".join(problems)
    summary = lines[-1]
    bad = sum(1 for item in items(folder) if item.code)
    assert (f"{bad} kunne ikke leses" if lang == "nb" else f"{bad} could not be read") in summary


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_json_messages_are_one_line_name_the_file_and_say_what_to_do(plansjekk, folder, lang):
    result = check(plansjekk, folder, "--format", "json", "--lang", lang)
    data = assert_valid_report_json(result.stdout)
    for document in data["documents"]:
        if document["status"] != "error":
            continue
        message = document["error"]["message"]
        assert "\n" not in message
        assert message.startswith(document["path"] + ":"), message
        assert REMEDY[lang][document["error"]["code"]] in message, message


def test_html_escapes_document_text(plansjekk, folder, tmp_path):
    report = tmp_path / "r.html"
    result = check(plansjekk, folder, "-f", "html", "-o", str(report))
    assert result.returncode == 2
    html = report.read_text("utf-8")
    assert "alert(1)" in html, "the hostile text is shown (escaped), not dropped"
    assert SCRIPT_TEXT not in html and "<script>alert" not in html
    assert "alert(1)&lt;/script&gt;" in html
    for item in items(folder):
        assert item.name.replace("=", "") in html.replace("=", ""), item.name
    if Path(CHROMIUM).exists():
        _open_every_plan_without_running_scripts(report)


def _open_every_plan_without_running_scripts(report: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(report.as_uri())
            page.locator("a.plan-link", has_text="=cmd").first.click()
            opened = page.locator("details[open] .plan-body")
            assert "alert(1)</script>" in opened.inner_text()
            assert dialogs == []
        finally:
            browser.close()


def _formula_like(value: object) -> bool:
    return isinstance(value, str) and value[:1] in ("=", "+", "-", "@")


def test_csv_neutralises_formula_cells(plansjekk, folder):
    result = check(plansjekk, folder, "-f", "csv")
    assert result.returncode == 2
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert not [row for row in rows if any(_formula_like(cell) for cell in row)]
    formula_rows = [row for row in rows if row[1] == f"innsendt/{FORMULA_NAME}"]
    assert len(formula_rows) == 12
    assert all(row[0] == "'=cmd" for row in formula_rows), formula_rows[0]
    files = {row[1] for row in rows[1:]}
    assert files == {f"innsendt/{item.name}" for item in items(folder)}


def test_xlsx_neutralises_formula_cells(plansjekk, folder, tmp_path):
    report = tmp_path / "r.xlsx"
    result = check(plansjekk, folder, "-f", "xlsx", "-o", str(report))
    assert result.returncode == 2
    workbook = openpyxl.load_workbook(report)
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                assert not _formula_like(cell.value), (sheet.title, cell.coordinate, cell.value)
    matrix = workbook["Matrise"]
    labels = {row[1]: row[0] for row in matrix.iter_rows(min_row=2, values_only=True)}
    assert labels[f"innsendt/{FORMULA_NAME}"] == "'=cmd"
    assert len(labels) == len(items(folder))


NORWEGIAN_DETAILS = (" sider", "komprimering", "zip-bombe", "DTD/ENTITY i ", "deler i pakken",
                     "OCR krever", "mappe")
"""Norwegian words the readers put into an error's detail (the part in parentheses)."""


def test_english_messages_have_no_norwegian_details(plansjekk, folder):
    """`--lang en` must give English lines throughout, the detail in parentheses included."""
    result = check(plansjekk, folder, "--format", "json", "--lang", "en")
    data = assert_valid_report_json(result.stdout)
    errors = [document for document in data["documents"] if document["status"] == "error"]
    assert errors
    for document in errors:
        assert document["error"]["message"].startswith(document["path"] + ": ")
    # The file's own name ("zip-bombe.docx") is the user's; everything after it is ours.
    norwegian = [
        document["error"]["message"] for document in errors
        if any(word in document["error"]["message"].removeprefix(document["path"] + ": ")
               for word in NORWEGIAN_DETAILS)
    ]
    assert not norwegian, "\n".join(norwegian)
