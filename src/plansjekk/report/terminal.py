"""`--format terminal` (the default): what a planner or caseworker reads in the shell.

One document: a header, one row per requirement, then the evidence and — for what is not
covered — the guidance, the concrete advice and where it would fit. Several documents: a
matrix municipalities × requirements, totals per requirement and one line per error.

Everything is built from rich `Text` objects, never from markup strings, so a document
containing "[bold]" or escape sequences is shown as text, not interpreted.
"""

from __future__ import annotations

import io
from dataclasses import asdict

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from plansjekk.findings import DocumentResult, Evidence, RequirementResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.common import (
    SYMBOLS,
    advice,
    batch_summary,
    cell_status,
    clean_text,
    display_lang,
    document_summary,
    error_text,
    guidance,
    highlight_spans,
    language_label,
    location_label,
    municipality_label,
    one_line,
    reason_texts,
    requirement_ids,
    requirement_title,
    score_text,
    severity_label,
    status_label,
    totals_per_requirement,
)
from plansjekk.rules.model import Ruleset, Status

STYLES: dict[str, str] = {
    "covered": "bold green",
    "partial": "bold yellow",
    "missing": "bold red",
    "error": "bold magenta",
}
DEFAULT_WIDTH = 100


def make_console(options: ReportOptions) -> Console:
    """A console that writes into a buffer; colour only when the CLI says the output is a
    colour terminal (isatty and no NO_COLOR)."""
    return Console(
        file=io.StringIO(),
        width=options.width or DEFAULT_WIDTH,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        markup=False,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def symbol_text(status: str) -> Text:
    return Text(SYMBOLS[status], style=STYLES[status])


def excerpt_text(evidence: Evidence) -> Text:
    """The excerpt in quotes with the matched words highlighted."""
    text = Text("«")
    for piece, is_match in highlight_spans(one_line(evidence.excerpt), evidence.matched):
        text.append(piece, style="bold underline" if is_match else None)
    text.append("»")
    return text


def document_header(document: DocumentResult, run: Run, lang: Lang) -> list[Text]:
    title = Text(municipality_label(document), style="bold")
    title.append(f" — {clean_text(document.path)}", style="dim")
    facts = [f"{t('report.field.ruleset', lang)} {run.ruleset.id} {run.ruleset.version}"]
    if document.format:
        facts.append(document.format)
    if document.pages is not None:
        facts.append(f"{document.pages} {t('report.field.pages', lang).lower()}")
    facts.append(language_label(document.language, lang))
    return [title, Text(" · ".join(facts), style="dim")]


def requirement_table(document: DocumentResult, ruleset: Ruleset, lang: Lang) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column(t("report.field.status", lang), no_wrap=True)
    table.add_column(t("report.field.requirement", lang))
    table.add_column(t("report.field.severity", lang), no_wrap=True)
    table.add_column(t("report.field.score", lang), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    titles_lang = display_lang(lang, document.language)
    for result in document.requirements:
        marker = Text()
        if result.review:
            marker.append(f"⚑ {t('report.review', lang)}", style="yellow")
        if result.accepted is not None:
            marker.append(f" {status_label('accepted', lang)}", style="cyan")
        table.add_row(
            symbol_text(result.status.value),
            Text(status_label(result.status.value, lang), style=STYLES[result.status.value]),
            Text(requirement_title(ruleset, result.id, titles_lang)),
            Text(severity_label(result.severity.value, lang)),
            Text(score_text(result.score)),
            marker,
        )
    return table


def requirement_details(
    result: RequirementResult, ruleset: Ruleset, lang: Lang, titles_lang: Lang, verbose: bool
) -> list[Text]:
    """The lines under one requirement's title: evidence, then what to do about a gap."""
    requirement = ruleset.get(result.id)
    lines: list[Text] = []
    for evidence in result.evidence:
        location = location_label(evidence, lang)
        if location:
            lines.append(Text(location, style="cyan"))
        lines.append(excerpt_text(evidence))
    if not result.evidence and result.status is Status.MISSING:
        lines.append(Text(t("report.no_evidence", lang), style="dim"))
    if result.accepted is not None:
        lines.append(Text(t("report.accepted", lang, reason=one_line(result.accepted)),
                          style="cyan"))
    if result.status is not Status.COVERED:
        for text in advice(result, requirement, lang):
            lines.append(labelled(t("report.advice", lang), text))
        if text := guidance(requirement, lang):
            lines.append(labelled(t("report.guidance", lang), text))
        if result.suggested_section:
            section = one_line(result.suggested_section)
            lines.append(Text("→ " + t("report.suggested_section", lang, section=section),
                              style="green"))
    if verbose:
        if reasons := reason_texts(result, lang):
            lines.append(Text(f"{t('report.reasons', lang)}: {'; '.join(reasons)}", style="dim"))
        if result.sections_weighed:
            sections = ", ".join(one_line(s) for s in result.sections_weighed)
            lines.append(Text(t("report.sections_weighed", lang, sections=sections),
                              style="dim"))
    return lines


def labelled(label: str, text: str) -> Text:
    return Text(f"{label}: ", style="bold") + Text(text)


def requirement_heading(result: RequirementResult, ruleset: Ruleset, titles_lang: Lang) -> Text:
    heading = Text()
    heading.append(SYMBOLS[result.status.value], style=STYLES[result.status.value])
    heading.append(" ")
    heading.append(requirement_title(ruleset, result.id, titles_lang), style="bold")
    return heading


def summary_style(passed: bool) -> str:
    return "bold green" if passed else "bold red"


def render_document(console: Console, document: DocumentResult, run: Run, ruleset: Ruleset,
                    options: ReportOptions) -> None:
    lang = options.lang
    if document.status == "error":
        console.print(Text(f"{SYMBOLS['error']} {error_text(document, lang)}",
                           style=STYLES["error"]))
        return
    if options.quiet:
        console.print(Text(f"{municipality_label(document)}: {document_summary(document, lang)}",
                           style=summary_style(document.passed)))
        return
    for line in document_header(document, run, lang):
        console.print(line)
    console.print(requirement_table(document, ruleset, lang))
    titles_lang = display_lang(lang, document.language)
    console.print()
    for result in document.requirements:
        console.print(requirement_heading(result, ruleset, titles_lang))
        for line in requirement_details(result, ruleset, lang, titles_lang, options.verbose):
            console.print(Padding(line, (0, 0, 0, 3), expand=False))
        console.print()
    if document.warnings:
        console.print(Text(t("report.warnings", lang), style="bold yellow"))
        for warning in document.warnings:
            console.print(Text("  ⚠ " + one_line(warning.render(lang)), style="yellow"))
        console.print()
    console.print(Text(document_summary(document, lang), style=summary_style(document.passed)))


def matrix_cell(document: DocumentResult, requirement_id: str) -> Text:
    status = cell_status(document, requirement_id)
    if status is None:
        return Text("·", style="dim")
    cell = symbol_text(status)
    result = document.requirement(requirement_id)
    if result is not None and result.accepted is not None:
        cell.append("*", style="cyan")
    return cell


def matrix_table(run: Run, ruleset: Ruleset, ids: list[str], lang: Lang) -> Table:
    """Municipalities × requirements; columns numbered, the numbers explained below, so
    twelve requirements fit an 80-column terminal."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  title=t("report.matrix", lang), title_justify="left")
    table.add_column(t("report.field.municipality", lang), overflow="fold")
    for number, _ in enumerate(ids, start=1):
        table.add_column(str(number), justify="center", no_wrap=True)
    table.add_column(t("report.field.passed", lang), no_wrap=True)
    for document in run.documents:
        if document.status == "error":
            verdict = Text(status_label("error", lang), style=STYLES["error"])
        elif document.passed:
            verdict = Text(t("report.yes", lang), style="green")
        else:
            verdict = Text(t("report.no", lang), style="red")
        table.add_row(Text(municipality_label(document)),
                      *(matrix_cell(document, rid) for rid in ids), verdict)
    return table


def render_batch(console: Console, run: Run, ruleset: Ruleset, options: ReportOptions) -> None:
    lang = options.lang
    ids = requirement_ids(run, ruleset)
    if not options.quiet:
        console.print(matrix_table(run, ruleset, ids, lang))
        console.print(Text(t("report.legend", lang), style="dim"))
        console.print()
        console.print(Text(t("report.totals", lang), style="bold"))
        totals = totals_per_requirement(run, ids)
        for number, requirement_id in enumerate(ids, start=1):
            line = t("report.totals.line", lang, requirement=requirement_id,
                     **asdict(totals[requirement_id]))
            console.print(Text(f"{number:>3} ") + Text(line))
        errors = [d for d in run.documents if d.status == "error"]
        if errors:
            console.print()
            console.print(Text(t("report.errors", lang), style="bold magenta"))
            for document in errors:
                console.print(Text(f"  {SYMBOLS['error']} {error_text(document, lang)}"))
        if run.skipped:
            console.print(Text(t("report.skipped", lang,
                                 paths=", ".join(clean_text(p) for p in run.skipped)),
                               style="dim"))
        console.print()
    passed = run.passed and not run.has_errors
    console.print(Text(batch_summary(run, lang), style=summary_style(passed)))


@register
class TerminalFormatter(Formatter):
    name = "terminal"
    extension = "txt"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        console = make_console(options)
        if len(run.documents) == 1:
            render_document(console, run.documents[0], run, ruleset, options)
        else:
            render_batch(console, run, ruleset, options)
        output: str = console.file.getvalue()  # type: ignore[attr-defined]
        return "".join(line.rstrip() + "\n" for line in output.splitlines())
