"""`--format terminal` (the default): what a planner or caseworker reads in the shell.

One document: a header, one row per requirement, then the evidence and — for what is not
covered — the guidance, the concrete advice and where it would fit. Several documents: a
matrix municipalities × requirements, totals per requirement and one line per error.

Everything is built from rich `Text` objects, never from markup strings, so a document
containing "[bold]" or escape sequences is shown as text, not interpreted.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import asdict

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from plansjekk.findings import DocumentResult, Evidence, RequirementResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.common import (
    SYMBOLS,
    Notes,
    batch_summary,
    cell_status,
    clean_text,
    display_lang,
    document_facts,
    document_summary,
    error_documents,
    error_text,
    excerpt_spans,
    hidden_locations,
    is_accepted,
    labelled_documents,
    location_label,
    municipality_label,
    one_line,
    requirement_ids,
    requirement_notes,
    requirement_title,
    score_text,
    severity_label,
    shown_evidence,
    status_label,
    totals_per_requirement,
    verdict_of,
    verdict_word,
)
from plansjekk.rules.model import Ruleset, Status

STYLES: dict[str, str] = {
    "covered": "bold green",
    "partial": "bold yellow",
    "missing": "bold red",
    "error": "bold magenta",
}
VERDICT_STYLES: dict[str, str] = {"passed": "green", "failed": "red", "error": STYLES["error"]}
DEFAULT_WIDTH = 100
"""Width when neither the caller nor the environment (a terminal, $COLUMNS) gives one."""
MIN_WIDTH = 60
INDENT = 3


def report_width(options: ReportOptions) -> int:
    """The caller's width, else the terminal's or $COLUMNS (so `COLUMNS=80 … | cat` wraps at
    80), else DEFAULT_WIDTH; never narrower than MIN_WIDTH."""
    width = options.width or shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return max(MIN_WIDTH, width)


def make_console(options: ReportOptions) -> Console:
    """A console that writes into a buffer; colour only when the CLI says the output is a
    colour terminal (isatty and no NO_COLOR)."""
    return Console(
        file=io.StringIO(),
        width=report_width(options),
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
    for piece, is_match in excerpt_spans(evidence):
        text.append(piece, style="bold underline" if is_match else None)
    text.append("»")
    return text


def document_header(document: DocumentResult, run: Run, lang: Lang) -> list[Text]:
    title = Text(municipality_label(document), style="bold")
    title.append(f" — {clean_text(document.path)}", style="dim")
    facts = [f"{t('report.field.ruleset', lang)} {run.ruleset.id} {run.ruleset.version}",
             *document_facts(document, lang)]
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
            marker.append("⚑", style="yellow")
        if result.accepted is not None:
            marker.append("*", style="cyan")
        table.add_row(
            symbol_text(result.status.value),
            Text(status_label(result.status.value, lang), style=STYLES[result.status.value]),
            Text(requirement_title(ruleset, result.id, titles_lang)),
            Text(severity_label(result.severity.value, lang)),
            Text(score_text(result.score)),
            marker,
        )
    return table


def table_legend(document: DocumentResult, lang: Lang) -> Text | None:
    """What the one-character markers of the requirement table mean, when any is used; the
    markers stay narrow so the titles keep their room at 80 columns."""
    parts = []
    if any(r.review for r in document.requirements):
        parts.append(f"⚑ {t('report.review', lang)}: {t('report.review_hint', lang)}")
    if any(r.accepted is not None for r in document.requirements):
        parts.append(f"* {status_label('accepted', lang)}")
    return Text("  ".join(parts), style="dim") if parts else None


def requirement_details(
    result: RequirementResult, ruleset: Ruleset, lang: Lang, titles_lang: Lang, verbose: bool
) -> list[RenderableType]:
    """The lines under one requirement's title: evidence, then what to do about a gap."""
    lines: list[RenderableType] = []
    for evidence in shown_evidence(result):
        if location := location_label(evidence, lang):
            lines.append(Text(location, style="cyan"))
        lines.append(excerpt_text(evidence))
    if locations := hidden_locations(result, lang):
        lines.append(Text(t("report.found_in", lang, locations=locations), style="cyan"))
    elif not result.evidence and result.status is Status.MISSING:
        lines.append(Text(t("report.no_evidence", lang), style="dim"))
    notes = requirement_notes(result, ruleset, lang, titles_lang, verbose)
    return lines + note_lines(notes, lang)


def note_lines(notes: Notes, lang: Lang) -> list[RenderableType]:
    """Accepted exception, what is lacking (one line, or a label and a bulleted list), where
    to write it, then the verbose extras."""
    lines: list[RenderableType] = []
    if notes.accepted:
        lines.append(Text(notes.accepted, style="cyan"))
    label = t("report.advice", lang)
    if len(notes.lacking) == 1:
        lines.append(labelled(label, notes.lacking[0]))
    elif notes.lacking:
        lines.append(Text(f"{label}:", style="bold"))
        lines += [bullet(line) for line in notes.lacking]
    if notes.where:
        lines.append(Text("→ " + notes.where, style="green"))
    if notes.guidance:
        lines.append(labelled(t("report.guidance", lang), notes.guidance))
    if notes.reasons:
        lines.append(Text(f"{t('report.reasons', lang)}: {notes.reasons}", style="dim"))
    if notes.sections:
        lines.append(Text(t("report.sections_weighed", lang, sections=notes.sections),
                          style="dim"))
    return lines


def labelled(label: str, text: str) -> Text:
    return Text(f"{label}: ", style="bold") + Text(text)


def requirement_heading(result: RequirementResult, ruleset: Ruleset, lang: Lang,
                        titles_lang: Lang) -> Text:
    heading = Text()
    heading.append(SYMBOLS[result.status.value], style=STYLES[result.status.value])
    heading.append(" ")
    heading.append(requirement_title(ruleset, result.id, titles_lang), style="bold")
    if result.review:
        heading.append(f"  ⚑ {t('report.review', lang)}", style="yellow")
    return heading


def bullet(text: str) -> Table:
    """"• text" whose wrapped lines stay under the text, not under the bullet."""
    grid = Table.grid(padding=(0, 1, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row("•", Text(text))
    return grid


def print_indented(console: Console, line: RenderableType) -> None:
    """A line under its heading; wrapped lines keep the indent."""
    console.print(Padding(line, (0, 0, 0, INDENT), expand=False))


def print_unwrapped(console: Console, line: Text) -> None:
    """An error or warning line, never wrapped whatever the width: one line per problem, so
    `plansjekk check … | grep plan.pdf` finds the whole message."""
    console.print(line, soft_wrap=True)


def summary_style(passed: bool) -> str:
    return "bold green" if passed else "bold red"


def render_document(console: Console, document: DocumentResult, run: Run, ruleset: Ruleset,
                    options: ReportOptions) -> None:
    lang = options.lang
    if document.status == "error":
        print_unwrapped(console, Text(f"{SYMBOLS['error']} {error_text(document, lang)}",
                                      style=STYLES["error"]))
        return
    if options.quiet:
        console.print(Text(f"{municipality_label(document)}: {document_summary(document, lang)}",
                           style=summary_style(document.passed)))
        return
    for line in document_header(document, run, lang):
        console.print(line)
    console.print(requirement_table(document, ruleset, lang))
    if legend := table_legend(document, lang):
        console.print(legend)
    titles_lang = display_lang(lang, document.language)
    console.print()
    for result in document.requirements:
        console.print(requirement_heading(result, ruleset, lang, titles_lang))
        for line in requirement_details(result, ruleset, lang, titles_lang, options.verbose):
            print_indented(console, line)
        console.print()
    if document.warnings:
        console.print(Text(t("report.warnings", lang), style="bold yellow"))
        for warning in document.warnings:
            warning_line = Text(" " * INDENT + "⚠ " + one_line(warning.render(lang)),
                                style="yellow")
            print_unwrapped(console, warning_line)
        console.print()
    console.print(Text(document_summary(document, lang), style=summary_style(document.passed)))


def matrix_cell(document: DocumentResult, requirement_id: str) -> Text:
    status = cell_status(document, requirement_id)
    if status is None:
        return Text("·", style="dim")
    cell = symbol_text(status)
    if is_accepted(document, requirement_id):
        cell.append("*", style="cyan")
    return cell


def matrix_table(run: Run, ruleset: Ruleset, ids: list[str], lang: Lang) -> Table:
    """Municipalities × requirements; columns numbered, the numbers explained below, so
    twelve requirements fit an 80-column terminal."""
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True,
                  title=t("report.matrix", lang), title_justify="left")
    table.add_column(t("report.field.municipality", lang), overflow="fold")
    for number, _ in enumerate(ids, start=1):
        table.add_column(str(number), justify="center", no_wrap=True)
    table.add_column(t("report.field.passed", lang), no_wrap=True)
    for document, label in labelled_documents(run):
        verdict = Text(verdict_word(document, lang), style=VERDICT_STYLES[verdict_of(document)])
        table.add_row(Text(label), *(matrix_cell(document, rid) for rid in ids), verdict)
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
        if errors := error_documents(run):
            console.print()
            console.print(Text(t("report.errors", lang), style="bold magenta"))
            for document in errors:
                print_unwrapped(console, Text(f"  {SYMBOLS['error']} {error_text(document, lang)}"))
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
