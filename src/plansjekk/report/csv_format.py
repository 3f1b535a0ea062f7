"""`--format csv`: one row per document × requirement, for spreadsheets and scripts.

Comma-separated, UTF-8, RFC 4180 quoting. Headers and status words follow `--lang`; the
requirement id column is the stable key. An unreadable document gets one row with status
"feil" and the error message in the excerpt column. Every cell is neutralised against
formula injection, because excerpts are whatever text a municipality's PDF contained.
"""

from __future__ import annotations

import csv
import io

from plansjekk.findings import DocumentResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.common import (
    display_lang,
    error_text,
    excerpt_line,
    labelled_documents,
    neutralise_cell,
    one_line,
    pages_of,
    requirement_title,
    score_text,
    severity_label,
    shown_evidence,
    status_cell,
    status_label,
)
from plansjekk.rules.model import Ruleset

COLUMNS = (
    "municipality", "file", "requirement_id", "title", "severity", "status", "score", "pages",
    "first_excerpt",
)


def header(lang: Lang) -> list[str]:
    return [t(f"report.field.{column}", lang) for column in COLUMNS]


def document_rows(document: DocumentResult, label: str, ruleset: Ruleset,
                  lang: Lang) -> list[list[str]]:
    """The rows of one document; `label` is its row label (see `row_labels`)."""
    if document.status == "error":
        error = status_label("error", lang)
        return [[label, document.path, "", "", "", error, "", "", error_text(document, lang)]]
    titles_lang = display_lang(lang, document.language)
    rows = []
    for result in document.requirements:
        status = status_cell(result.status.value, result.accepted is not None, lang)
        rows.append([
            label,
            document.path,
            result.id,
            requirement_title(ruleset, result.id, titles_lang),
            severity_label(result.severity.value, lang),
            status,
            score_text(result.score),
            ", ".join(str(page) for page in pages_of(result)),
            next((excerpt_line(e) for e in shown_evidence(result)), ""),
        ])
    return rows


@register
class CsvFormatter(Formatter):
    name = "csv"
    extension = "csv"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header(options.lang))
        for document, label in labelled_documents(run):
            for row in document_rows(document, label, ruleset, options.lang):
                writer.writerow([neutralise_cell(one_line(cell)) for cell in row])
        return buffer.getvalue()
