"""`--format markdown`: a PR/MR comment or an e-mail.

One plan: a status table and a checklist (`- [ ]`) of what the planning group should add,
with the concrete advice and where it fits. Several plans: the matrix as a table, totals
and errors. Document text is escaped so a plan cannot inject markup, links or HTML into
the comment.
"""

from __future__ import annotations

import re

from plansjekk.findings import DocumentResult, RequirementResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.common import (
    SYMBOLS,
    Notes,
    batch_summary,
    cell_status,
    display_lang,
    document_summary,
    error_documents,
    error_text,
    excerpt_spans,
    hidden_locations,
    is_accepted,
    labelled_documents,
    location_label,
    municipality_label,
    not_covered,
    one_line,
    pages_of,
    requirement_ids,
    requirement_notes,
    requirement_title,
    score_text,
    severity_label,
    shown_evidence,
    status_cell,
    status_label,
    totals_per_requirement,
    verdict_word,
)
from plansjekk.rules.model import Ruleset, Status

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
"""Characters that start emphasis, code, links, tables or HTML inside a line."""


def escape(text: str) -> str:
    """Document text with every inline Markdown/HTML-significant character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def md(text: str) -> str:
    """One cleaned line of document text, escaped."""
    return escape(one_line(text))


def excerpt_md(result: RequirementResult, lang: Lang) -> list[str]:
    lines = []
    for evidence in shown_evidence(result):
        text = "".join(
            f"**{escape(piece)}**" if is_match else escape(piece)
            for piece, is_match in excerpt_spans(evidence)
        )
        location = location_label(evidence, lang)
        lines.append(f"  > {text}" + (f" — _{md(location)}_" if location else ""))
    if locations := hidden_locations(result, lang):
        lines.append(f"  > _{md(t('report.found_in', lang, locations=locations))}_")
    return lines


def notes_md(notes: Notes, lang: Lang) -> list[str]:
    """Sub-items of a checklist entry: each thing lacking as a box of its own to tick, then
    the verbose extras (where to write is on the entry's own line)."""
    lines = [f"  - [ ] {md(text)}" for text in notes.lacking]
    if notes.guidance:
        lines.append(f"  - {t('report.guidance', lang)}: {md(notes.guidance)}")
    if notes.reasons:
        lines.append(f"  - {t('report.reasons', lang)}: {md(notes.reasons)}")
    return lines


def status_table(document: DocumentResult, ruleset: Ruleset, lang: Lang) -> list[str]:
    titles_lang = display_lang(lang, document.language)
    head = ["", t("report.field.requirement", lang), t("report.field.severity", lang),
            t("report.field.status", lang), t("report.field.score", lang),
            t("report.field.pages", lang)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for result in document.requirements:
        status = status_cell(result.status.value, result.accepted is not None, lang)
        if result.review:
            status += f" ⚑ {t('report.review', lang)}"
        pages = ", ".join(str(p) for p in pages_of(result))
        title = md(requirement_title(ruleset, result.id, titles_lang))
        cells = [SYMBOLS[result.status.value], title, severity_label(result.severity.value, lang),
                 status, score_text(result.score), pages]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def checklist(document: DocumentResult, ruleset: Ruleset, lang: Lang,
              verbose: bool = False) -> list[str]:
    """What the planning group should add, most important first (required, then missing)."""
    titles_lang = display_lang(lang, document.language)
    todo = sorted(
        (r for r in not_covered(document) if r.accepted is None),
        key=lambda r: (r.severity.value != "required", r.status is not Status.MISSING),
    )
    lines = [f"### {t('report.checklist', lang)}", ""]
    if not todo:
        return [*lines, t("report.checklist_done", lang), ""]
    for result in todo:
        notes = requirement_notes(result, ruleset, lang, titles_lang, verbose)
        title = md(requirement_title(ruleset, result.id, titles_lang))
        lines.append(f"- [ ] **{title}** ({severity_label(result.severity.value, lang)}, "
                     f"{status_label(result.status.value, lang)}) — {md(notes.where)}")
        lines += notes_md(notes, lang)
        lines += excerpt_md(result, lang)
    lines.append("")
    return lines


def single_document(document: DocumentResult, run: Run, ruleset: Ruleset,
                    options: ReportOptions) -> list[str]:
    lang = options.lang
    heading = f"## {t('report.title', lang)}: {md(municipality_label(document))}"
    if document.status == "error":
        return [heading, "", f"{SYMBOLS['error']} {md(error_text(document, lang))}", ""]
    lines = [heading, "", f"`{md(document.path)}` · **{document_summary(document, lang)}**", ""]
    if options.quiet:
        return lines
    lines += [*status_table(document, ruleset, lang), ""]
    lines += checklist(document, ruleset, lang, options.verbose)
    covered = [r for r in document.requirements if r.status is Status.COVERED]
    if covered and options.verbose:
        titles_lang = display_lang(lang, document.language)
        lines += [f"### {t('report.covered_list', lang)}", ""]
        for result in covered:
            lines.append(f"- {md(requirement_title(ruleset, result.id, titles_lang))}")
            lines.extend(excerpt_md(result, lang))
        lines.append("")
    for warning in document.warnings:
        lines.append(f"> ⚠ {md(warning.render(lang))}")
    return lines


def matrix(run: Run, ruleset: Ruleset, ids: list[str], lang: Lang) -> list[str]:
    head = [t("report.field.municipality", lang), *(f"`{rid}`" for rid in ids),
            t("report.field.passed", lang)]
    lines = ["| " + " | ".join(head) + " |", "|---|" + ":-:|" * len(ids) + "---|"]
    for document, label in labelled_documents(run):
        cells = []
        for rid in ids:
            status = cell_status(document, rid)
            star = "\\*" if is_accepted(document, rid) else ""
            cells.append(SYMBOLS[status] + star if status else "")
        lines.append(f"| {md(label)} | " + " | ".join(cells)
                     + f" | {verdict_word(document, lang)} |")
    return lines


def batch(run: Run, ruleset: Ruleset, options: ReportOptions) -> list[str]:
    lang = options.lang
    lines = [f"## {t('report.title', lang)}", "", f"**{batch_summary(run, lang)}**", ""]
    if options.quiet:
        return lines
    ids = requirement_ids(run, ruleset)
    lines += [*matrix(run, ruleset, ids, lang), "", f"_{escape(t('report.legend', lang))}_", ""]
    lines += [f"### {t('report.totals', lang)}", ""]
    totals = totals_per_requirement(run, ids)
    for rid in ids:
        count = totals[rid]
        lines.append("- " + t("report.totals.line", lang, requirement=f"`{rid}`",
                                covered=count.covered, partial=count.partial,
                                missing=count.missing))
    if errors := error_documents(run):
        lines += ["", f"### {t('report.errors', lang)}", ""]
        lines += [f"- {md(error_text(d, lang))}" for d in errors]
    lines.append("")
    return lines


@register
class MarkdownFormatter(Formatter):
    name = "markdown"
    extension = "md"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        if len(run.documents) == 1:
            lines = single_document(run.documents[0], run, ruleset, options)
        else:
            lines = batch(run, ruleset, options)
        footer = t("report.generated_by", options.lang, version=run.tool_version,
                   ruleset=run.ruleset.id, ruleset_version=run.ruleset.version)
        return "\n".join([*lines, "", f"<sub>{escape(footer)}</sub>", ""])
