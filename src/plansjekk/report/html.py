"""`--format html`: one self-contained page to read, sort, filter and send onward.

A bar chart of coverage per requirement, the matrix municipalities × requirements
(sortable, filterable), and per plan its verdicts with excerpts, pages and highlighted
terms. CSS and JS are inlined from `templates/`; nothing is fetched from the network.

Document text is escaped everywhere, and a Content-Security-Policy allows only the one
inline script (by its hash): a PDF containing `<script>` shows as text and could not run
even if an escape were missed.
"""

from __future__ import annotations

import base64
import hashlib
import html
from functools import cache
from importlib import resources

from plansjekk.findings import DocumentResult, Evidence, RequirementResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.common import (
    STATUS_RANK,
    SYMBOLS,
    Notes,
    batch_summary,
    cell_status,
    clean_text,
    display_lang,
    document_facts,
    document_summary,
    error_text,
    excerpt_spans,
    hidden_locations,
    labelled_documents,
    location_label,
    one_line,
    requirement_ids,
    requirement_notes,
    requirement_title,
    score_text,
    severity_label,
    shown_evidence,
    status_label,
    totals_per_requirement,
    verdict_counts,
    verdict_of,
)
from plansjekk.rules.model import Ruleset, Status, pick


def e(text: object) -> str:
    """Escaped for HTML text and attribute values, control characters removed."""
    return html.escape(clean_text(str(text)), quote=True)


@cache
def asset(name: str) -> str:
    return (resources.files("plansjekk.report") / "templates" / name).read_text("utf-8")


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def doc_anchor(index: int) -> str:
    return f"plan-{index + 1}"


def verdict_pill(document: DocumentResult, lang: Lang) -> str:
    verdict = verdict_of(document)
    key = {"error": "report.status.error", "passed": "report.verdict.passed",
           "failed": "report.verdict.failed"}[verdict]
    return f'<span class="pill {verdict}">{e(t(key, lang))}</span>'


# --- header and chart --------------------------------------------------------------------


def summary_cards(run: Run, lang: Lang) -> str:
    counts = verdict_counts(run)
    cards = [
        ("", len(run.documents), t("report.cards.plans", lang)),
        ("ok", counts["passed"], t("report.verdict.passed", lang)),
        ("fail", counts["failed"], t("report.verdict.failed", lang)),
        ("err", counts["error"], t("report.filter.error", lang)),
    ]
    return '<div class="cards">' + "".join(
        f'<div class="card {kind}"><div class="n">{number}</div><div class="l">{e(label)}</div>'
        "</div>"
        for kind, number, label in cards
    ) + "</div>"


def chart(run: Run, ruleset: Ruleset, ids: list[str], lang: Lang) -> str:
    """Stacked bars in plain CSS: share of readable plans covered / partial / missing."""
    totals = totals_per_requirement(run, ids)
    rows = []
    for rid in ids:
        count = totals[rid]
        whole = count.covered + count.partial + count.missing or 1
        segments = "".join(
            f'<span class="{status}" style="width:{100 * n / whole:.1f}%" '
            f'title="{e(status_label(status, lang))}: {n}"></span>'
            for status, n in (("covered", count.covered), ("partial", count.partial),
                              ("missing", count.missing))
            if n
        )
        title = requirement_title(ruleset, rid, lang)
        counts = t("report.totals.line", lang, requirement="", covered=count.covered,
                   partial=count.partial, missing=count.missing).lstrip(": ")
        rows.append(
            f'<div class="label" title="{e(title)}">{e(title)}</div>'
            f'<div class="bar" role="img" aria-label="{e(title)}: {e(counts)}">{segments}</div>'
            f'<div class="counts">{e(counts)}</div>'
        )
    legend = "".join(
        f'<span><i class="{s}"></i>'
        f"{e(status_label(s, lang))}</span>"
        for s in ("covered", "partial", "missing")
    )
    return (f'<section id="chart"><h2>{e(t("report.chart", lang))}</h2>'
            f'<div class="chart">{"".join(rows)}</div><div class="legend">{legend}</div>'
            "</section>")


# --- matrix -------------------------------------------------------------------------------


def matrix_header(ruleset: Ruleset, ids: list[str], lang: Lang) -> str:
    cells = [
        f'<th data-type="text"><button type="button">{e(t("report.field.municipality", lang))}'
        "</button></th>",
        f'<th class="verdict" data-type="number"><button type="button">'
        f'{e(t("report.field.passed", lang))}'
        "</button></th>",
    ]
    for rid in ids:
        title = requirement_title(ruleset, rid, lang)
        cells.append(f'<th class="req" data-type="number" data-req="{e(rid)}" title="{e(title)}">'
                     f'<button type="button">{e(title)}</button></th>')
    return "<thead><tr>" + "".join(cells) + "</tr></thead>"


def matrix_row(index: int, document: DocumentResult, label: str, ruleset: Ruleset,
               ids: list[str], lang: Lang) -> str:
    verdict = verdict_of(document)
    search = f"{label} {document.path}".lower()
    cells = [
        f'<td class="name" data-sort="{e(label)}"><a class="plan-link" '
        f'href="#{doc_anchor(index)}">{e(label)}</a><small>{e(document.path)}</small></td>',
        f'<td data-sort="{["passed", "failed", "error"].index(verdict)}">'
        f"{verdict_pill(document, lang)}</td>",
    ]
    titles_lang = display_lang(lang, document.language)
    for rid in ids:
        status = cell_status(document, rid)
        if status is None:
            cells.append(f'<td class="cell" data-req="{e(rid)}" data-status="" data-sort="-1">'
                         "</td>")
            continue
        result = document.requirement(rid)
        tip = f"{requirement_title(ruleset, rid, titles_lang)}: {status_label(status, lang)}"
        classes = f"cell {status}"
        if result is not None:
            tip += f" ({score_text(result.score)})"
            if result.accepted is not None:
                classes += " accepted"
                tip += " – " + t("report.accepted", lang, reason=one_line(result.accepted))
        cells.append(
            f'<td class="{classes}" data-req="{e(rid)}" data-status="{status}" '
            f'data-sort="{STATUS_RANK[status]}" title="{e(tip)}"><span>{SYMBOLS[status]}</span>'
            "</td>"
        )
    return (f'<tr data-verdict="{verdict}" data-search="{e(search)}">' + "".join(cells)
            + "</tr>")


def matrix(run: Run, ruleset: Ruleset, ids: list[str], lang: Lang) -> str:
    options = "".join(
        f'<option value="{value}">{e(t(key, lang))}</option>'
        for value, key in (("all", "report.filter.all"), ("failed", "report.filter.failed"),
                           ("passed", "report.filter.passed"), ("error", "report.filter.error"))
    )
    requirement_options = f'<option value="">{e(t("report.filter.any_requirement", lang))}</option>'
    requirement_options += "".join(
        f'<option value="{e(rid)}">{e(requirement_title(ruleset, rid, lang))}</option>'
        for rid in ids
    )
    count_template = t("report.filter.count", lang, shown="{shown}", total="{total}")
    placeholder = e(t("report.filter.placeholder", lang))
    body = "".join(matrix_row(i, d, label, ruleset, ids, lang)
                   for i, (d, label) in enumerate(labelled_documents(run)))
    return (
        f'<section id="matrix-section"><h2>{e(t("report.matrix", lang))}</h2>'
        '<div class="toolbar">'
        f'<input id="filter-text" type="search" placeholder="{placeholder}"'
        f' aria-label="{placeholder}">'
        f'<label>{e(t("report.filter.status", lang))} <select id="filter-status">{options}'
        "</select></label>"
        f'<label>{e(t("report.filter.requirement", lang))} <select id="filter-requirement">'
        f"{requirement_options}</select></label>"
        f'<span id="filter-count" class="count" data-template="{e(count_template)}"></span>'
        "</div>"
        f'<p class="hint">{e(t("report.sort_hint", lang))} {e(t("report.legend", lang))}</p>'
        f'<div class="table-wrap"><table id="matrix" class="matrix">'
        f"{matrix_header(ruleset, ids, lang)}<tbody>{body}</tbody></table></div></section>"
    )


# --- details per plan ---------------------------------------------------------------------


def excerpt_html(evidence: Evidence) -> str:
    return "".join(
        f"<mark>{e(piece)}</mark>" if is_match else e(piece)
        for piece, is_match in excerpt_spans(evidence)
    )


def requirement_article(result: RequirementResult, ruleset: Ruleset, lang: Lang,
                        titles_lang: Lang) -> str:
    status = result.status.value
    pills = [f'<span class="pill {status}">{SYMBOLS[status]} {e(status_label(status, lang))}'
             "</span>",
             f'<span class="pill plain">{e(severity_label(result.severity.value, lang))}</span>']
    if result.review:
        pills.append(f'<span class="pill review" title="{e(t("report.review_hint", lang))}">'
                     f'⚑ {e(t("report.review", lang))}</span>')
    if result.accepted is not None:
        pills.append(f'<span class="pill accepted">{e(status_label("accepted", lang))}</span>')
    parts = [
        f'<article class="req {status}" data-req="{e(result.id)}"><h3>'
        f"{e(requirement_title(ruleset, result.id, titles_lang))} {''.join(pills)}"
        f'<span class="score">{e(t("report.field.score", lang))} {score_text(result.score)}'
        "</span></h3>"
    ]
    if evidence := shown_evidence(result):
        items = []
        for item in evidence:
            location = location_label(item, lang)
            loc = f'<span class="loc">{e(location)}</span>' if location else ""
            items.append(f"<li>{loc}<blockquote>{excerpt_html(item)}</blockquote></li>")
        parts.append(f'<ul class="evidence">{"".join(items)}</ul>')
    elif locations := hidden_locations(result, lang):
        parts.append(f'<p class="none">{e(t("report.found_in", lang, locations=locations))}</p>')
    elif result.status is Status.MISSING:
        parts.append(f'<p class="none">{e(t("report.no_evidence", lang))}</p>')
    parts.append(notes_html(requirement_notes(result, ruleset, lang, titles_lang, verbose=True),
                            lang))
    parts.append("</article>")
    return "".join(parts)


def notes_html(notes: Notes, lang: Lang) -> str:
    """The advice box: what is lacking as a list, where to write it, the guidance and the
    matcher's reasons (HTML has room for all of them)."""
    paragraphs = []
    if notes.accepted:
        paragraphs.append(f"<p>{e(notes.accepted)}</p>")
    if notes.lacking:
        items = "".join(f"<li>{e(text)}</li>" for text in notes.lacking)
        paragraphs.append(f"<p><b>{e(t('report.advice', lang))}:</b></p><ul>{items}</ul>")
    if notes.where:
        paragraphs.append(f'<p class="where">→ {e(notes.where)}</p>')
    if notes.guidance:
        paragraphs.append(f"<p><b>{e(t('report.guidance', lang))}:</b> {e(notes.guidance)}</p>")
    if notes.reasons:
        paragraphs.append(f"<p><b>{e(t('report.reasons', lang))}:</b> {e(notes.reasons)}</p>")
    if not paragraphs:
        return ""
    return '<div class="advice">' + "".join(paragraphs) + "</div>"


def plan_details(index: int, document: DocumentResult, label: str, ruleset: Ruleset,
                 lang: Lang) -> str:
    summary = (document_summary(document, lang) if document.status != "error"
               else status_label("error", lang))
    head = (f'<details class="plan" id="{doc_anchor(index)}"><summary>'
            f"{verdict_pill(document, lang)}<strong>{e(label)}</strong>"
            f'<span class="path">{e(document.path)}</span>'
            f'<span class="sum">{e(summary)}</span></summary><div class="plan-body">')
    back_text = e(t("report.back_to_matrix", lang))
    back = f'<p class="back"><a href="#matrix-section">↑ {back_text}</a></p>'
    if document.status == "error":
        message = e(error_text(document, lang))
        return head + f'<p class="error-msg">{message}</p>{back}</div></details>'
    meta = f'<p class="meta">{e(" · ".join(document_facts(document, lang)))}</p>'
    titles_lang = display_lang(lang, document.language)
    articles = "".join(requirement_article(r, ruleset, lang, titles_lang)
                       for r in document.requirements)
    warnings = ""
    if document.warnings:
        warnings = '<div class="warnings">' + "".join(
            f"<p>⚠ {e(w.render(lang))}</p>" for w in document.warnings) + "</div>"
    return head + meta + warnings + articles + back + "</div></details>"


def details(run: Run, ruleset: Ruleset, lang: Lang) -> str:
    plans = "".join(plan_details(i, d, label, ruleset, lang)
                    for i, (d, label) in enumerate(labelled_documents(run)))
    return f'<section id="details"><h2>{e(t("report.details", lang))}</h2>{plans}</section>'


# --- page ---------------------------------------------------------------------------------


def page(run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
    lang = options.lang
    ids = requirement_ids(run, ruleset)
    script = asset("report.js")
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
           f"script-src '{script_hash(script)}'; base-uri 'none'; form-action 'none'")
    title = t("report.title", lang)
    ruleset_title = pick(ruleset.title, lang) if ruleset.title else run.ruleset.id
    generated = t("report.generated_by", lang, version=run.tool_version,
                  ruleset=run.ruleset.id, ruleset_version=run.ruleset.version)
    skipped = ""
    if run.skipped:
        paths = ", ".join(run.skipped)
        skipped = f'<p class="hint">{e(t("report.skipped", lang, paths=paths))}</p>'
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)} – {e(run.ruleset.id)}</title>\n"
        f"<style>\n{asset('report.css')}</style>\n</head>\n<body>\n"
        f'<header class="top"><h1>{e(title)}</h1><p>{e(ruleset_title)} · '
        f"{e(batch_summary(run, lang))}</p></header>\n"
        f"<main>{summary_cards(run, lang)}{chart(run, ruleset, ids, lang)}"
        f"{matrix(run, ruleset, ids, lang)}{details(run, ruleset, lang)}{skipped}</main>\n"
        f"<footer>{e(generated)}</footer>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )


@register
class HtmlFormatter(Formatter):
    name = "html"
    extension = "html"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        return page(run, ruleset, options)
