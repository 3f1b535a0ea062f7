"""`--format xlsx`: the workbook a caseworker filters, annotates and sends onward.

Sheet "Matrise": one row per plan, one coloured column per requirement. Sheet "Utdrag":
every excerpt with page and section, to verify verdicts. Sheet "Krav": totals per
requirement. Each sheet has a frozen header and an autofilter. Cells holding document
text are neutralised against formula injection.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plansjekk.findings import Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.common import (
    SYMBOLS,
    cell_status,
    display_lang,
    error_text,
    excerpt_line,
    is_accepted,
    labelled_documents,
    neutralise_cell,
    one_line,
    requirement_ids,
    requirement_title,
    severity_label,
    shown_evidence,
    status_cell,
    status_label,
    totals_per_requirement,
    verdict_word,
)
from plansjekk.rules.model import Ruleset

FILLS: dict[str, tuple[str, str]] = {
    "covered": ("C6EFCE", "006100"),
    "partial": ("FFEB9C", "9C5700"),
    "missing": ("FFC7CE", "9C0006"),
    "error": ("E4DFEC", "5B2C6F"),
}
"""Background and font colour per status (Excel's own good/neutral/bad palette)."""
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
HEADER_FONT = Font(bold=True, color="FFFFFF")

MATRIX_SHEET = "Matrise"
EXCERPT_SHEET = "Utdrag"
TOTALS_SHEET = "Krav"


def safe(value: object) -> object:
    """Numbers stay numbers; text is cleaned and can never start a formula."""
    if isinstance(value, str):
        return neutralise_cell(one_line(value))
    return value


def write_table(sheet: Worksheet, header: list[str], rows: Iterable[list[object]],
                widths: list[int]) -> None:
    sheet.append(header)
    for row in rows:
        sheet.append([safe(value) for value in row])
    for cell in sheet[1]:
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = sheet.dimensions


def paint(cell, status: str) -> None:
    background, colour = FILLS[status]
    cell.fill = PatternFill("solid", fgColor=background)
    cell.font = Font(color=colour, bold=True)
    cell.alignment = Alignment(horizontal="center")


def matrix_sheet(sheet: Worksheet, run: Run, ruleset: Ruleset, ids: list[str],
                 lang: Lang) -> None:
    header = [t("report.field.municipality", lang), t("report.field.file", lang),
              t("report.field.passed", lang)]
    header += [requirement_title(ruleset, rid, lang) for rid in ids]
    header.append(t("report.field.note", lang))
    rows = []
    for document, label in labelled_documents(run):
        cells: list[object] = [label, document.path, verdict_word(document, lang)]
        for rid in ids:
            status = cell_status(document, rid)
            accepted = is_accepted(document, rid)
            text = f"{SYMBOLS[status]} {status_cell(status, accepted, lang)}" if status else ""
            cells.append(text)
        cells.append(error_text(document, lang))
        rows.append(cells)
    write_table(sheet, header, rows, [22, 30, 10, *([16] * len(ids)), 60])
    sheet.row_dimensions[1].height = 45
    for row_index, document in enumerate(run.documents, start=2):
        for column_index, rid in enumerate(ids, start=4):
            status = cell_status(document, rid)
            if status:
                paint(sheet.cell(row=row_index, column=column_index), status)
    for column_index in range(4, 4 + len(ids)):
        sheet.cell(row=1, column=column_index).alignment = Alignment(
            wrap_text=True, vertical="top", horizontal="center"
        )


def excerpt_sheet(sheet: Worksheet, run: Run, ruleset: Ruleset, lang: Lang) -> None:
    fields = ("municipality", "file", "requirement_id", "requirement", "status", "page",
              "section", "excerpt", "matched")
    header = [t(f"report.field.{field}", lang) for field in fields]
    rows: list[list[object]] = []
    for document, label in labelled_documents(run):
        titles_lang = display_lang(lang, document.language)
        for result in document.requirements:
            for evidence in shown_evidence(result):
                rows.append([
                    label,
                    document.path,
                    result.id,
                    requirement_title(ruleset, result.id, titles_lang),
                    status_label(result.status.value, lang),
                    evidence.page if evidence.page is not None else "",
                    one_line(evidence.section or ""),
                    excerpt_line(evidence),
                    ", ".join(evidence.matched),
                ])
    write_table(sheet, header, rows, [22, 28, 22, 30, 10, 7, 28, 90, 24])
    for row in sheet.iter_rows(min_row=2, min_col=8, max_col=8):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def totals_sheet(sheet: Worksheet, run: Run, ruleset: Ruleset, ids: list[str],
                 lang: Lang) -> None:
    header = [t("report.field.requirement_id", lang), t("report.field.requirement", lang),
              t("report.field.severity", lang), status_label("covered", lang),
              status_label("partial", lang), status_label("missing", lang)]
    totals = totals_per_requirement(run, ids)
    rows = []
    for rid in ids:
        requirement = ruleset.get(rid)
        severity = severity_label(requirement.severity.value, lang) if requirement else ""
        count = totals[rid]
        rows.append([rid, requirement_title(ruleset, rid, lang), severity,
                     count.covered, count.partial, count.missing])
    write_table(sheet, header, rows, [28, 44, 12, 10, 10, 10])
    for column, status in zip((4, 5, 6), ("covered", "partial", "missing"), strict=True):
        paint(sheet.cell(row=1, column=column), status)


@register
class XlsxFormatter(Formatter):
    name = "xlsx"
    binary = True
    extension = "xlsx"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> bytes:
        ids = requirement_ids(run, ruleset)
        workbook = Workbook()
        matrix = workbook.active
        matrix.title = MATRIX_SHEET
        matrix_sheet(matrix, run, ruleset, ids, options.lang)
        excerpt_sheet(workbook.create_sheet(EXCERPT_SHEET), run, ruleset, options.lang)
        totals_sheet(workbook.create_sheet(TOTALS_SHEET), run, ruleset, ids, options.lang)
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
