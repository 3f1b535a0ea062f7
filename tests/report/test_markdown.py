"""Markdown: checklist for one plan, matrix for a batch, document text escaped."""

from __future__ import annotations

import re
from dataclasses import replace

from plansjekk.report import ReportOptions, get_formatter


def render(run, ruleset, **options) -> str:
    return get_formatter("markdown").render(run, ruleset, ReportOptions(color=False, **options))


def test_single_plan_is_a_checklist_with_advice(single_run, ruleset):
    out = render(single_run, ruleset)
    assert "## Plansjekk-rapport: Asker kommune" in out
    row = "| ◐ | Samarbeid mellom tjenestene | påkrevd | delvis ⚑ sjekk manuelt | 0.31 | 7 |"
    assert row in out
    checklist = [line for line in out.splitlines() if line.startswith("- [ ]")]
    assert checklist == [
        "- [ ] **Barn og unges medvirkning** (påkrevd, mangler) — Passer best under "
        "«5 Medvirkning og involvering».",
        "- [ ] **Samarbeid mellom tjenestene** (påkrevd, delvis) — Passer best under "
        "«3 Organisering».",
    ]
    assert "  - [ ] Nevner samarbeid, men beskriver ikke arenaer eller rutiner" in out
    assert "  > Tjenestene skal ha et godt **samarbeid**. — _s. 7 · 2 Innledning_" in out


def test_accepted_requirement_is_not_on_the_checklist(nynorsk_run, ruleset):
    out = render(nynorsk_run, ruleset)
    assert "- [ ]" not in out
    assert "Alle krav er dekket – ingenting å gjøre." in out
    assert "| ✘ | Konkrete tiltak | anbefalt | mangler (godtatt) | 0.05 |  |" in out


def test_batch_is_a_matrix_table(batch_run, ruleset):
    out = render(batch_run, ruleset)
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert rows[0] == ("| Kommune | `ansvarsfordeling` | `samarbeid` | "
                       "`barn-og-unges-medvirkning` | `tiltak` | Bestått |")
    assert "| Voss herad | ✔ | ✔ | ✔ | ✘\\* | ja |" in rows
    assert "| skannet | ! | ! | ! | ! | feil |" in rows
    assert all(row.count("|") == rows[0].count("|") for row in rows)
    assert "- `samarbeid`: 1 dekket, 2 delvis, 0 mangler" in out
    assert "### Filer som ikke kunne leses" in out


def test_document_text_cannot_inject_markup(batch_run, hostile, ruleset):
    out = render(replace(batch_run, documents=(hostile,)), ruleset)
    assert "<script>" not in out and "<b>" not in out
    assert "\\<script\\>" in out
    assert "\\[bold red\\]" in out
    assert "\x1b" not in out
    assert not re.search(r"(?<!\\)<img", out)


def test_english(single_run, ruleset):
    out = render(single_run, ruleset, lang="en")
    assert "### Checklist for the planning group" in out
    assert "  - [ ] Describe how children took part (youth council, surveys)." in out
    assert "Fits best under “5 Medvirkning og involvering”." in out
