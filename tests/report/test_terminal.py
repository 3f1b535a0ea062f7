"""The terminal report: content per requirement, matrix for a batch, safety of document text."""

from __future__ import annotations

import re
from dataclasses import replace

from plansjekk.findings import Run
from plansjekk.report import ReportOptions, get_formatter

from .conftest import HOSTILE_EXCERPT

ANSI = re.compile(r"\x1b\[")


def render(run: Run, ruleset, options: ReportOptions) -> str:
    return get_formatter("terminal").render(run, ruleset, options)


def test_single_document_shows_header_rows_evidence_and_advice(single_run, ruleset, plain):
    out = render(single_run, ruleset, plain)
    assert "Asker kommune — innsendt/asker.pdf" in out
    assert "42 sider" in out and "bokmål" in out
    assert re.search(r"✔\s+dekket\s+Ansvarsfordeling mellom tjenestene\s+påkrevd\s+0\.91", out)
    assert re.search(r"◐\s+delvis\s+Samarbeid mellom tjenestene\s+påkrevd\s+0\.31\s+⚑\n", out)
    assert "⚑ sjekk manuelt: Skåren ligger nær en grense" in out, "the marker is explained"
    assert "◐ Samarbeid mellom tjenestene  ⚑ sjekk manuelt" in out
    assert "s. 12 · 4.2 Ansvar og roller" in out
    assert "«Barnehagen har ansvar for tidlig innsats" in out
    assert re.search(r"Dette mangler:\n\s+• Temaet er bare nevnt i forbifarten.*\n"
                     r"\s+• Nevner samarbeid, men beskriver ikke arenaer", out)
    assert "→ Passer best under «3 Organisering»." in out
    assert "Dette mangler: Beskriv hvordan barn og unge har medvirket" in out, "one item: inline"
    assert "Hva som bør stå" not in out, "the guidance is for --verbose"
    assert "Ingen utdrag funnet i planen." in out
    assert out.rstrip().endswith("2 dekket, 1 delvis, 1 mangler – ikke bestått")


def test_plain_output_has_no_escape_codes_and_no_trailing_spaces(single_run, ruleset, plain):
    out = render(single_run, ruleset, plain)
    assert not ANSI.search(out)
    assert all(line == line.rstrip() for line in out.splitlines())


def test_colour_output_colours_symbols_and_highlights_matches(single_run, ruleset):
    out = render(single_run, ruleset, ReportOptions(color=True, width=100))
    assert "\x1b[1;32m✔" in out
    assert "\x1b[1;31m✘" in out
    assert "\x1b[1;4mansvar for\x1b[0m" in out


def test_reasons_and_sections_only_with_verbose(single_run, ruleset, plain):
    assert "Begrunnelse" not in render(single_run, ruleset, plain)
    verbose = render(single_run, ruleset, replace(plain, verbose=True))
    assert "Begrunnelse: temaet nevnes bare i forbifarten; for få sider" in verbose
    assert "Avsnitt vurdert: 2 Innledning" in verbose
    assert "Hva som bør stå: Beskriv arenaer og rutiner" in verbose


def test_quiet_prints_only_the_summary(single_run, ruleset, plain):
    out = render(single_run, ruleset, replace(plain, quiet=True))
    expected = "Asker kommune: 2 dekket, 1 delvis, 1 mangler – ikke bestått"
    assert out.strip().splitlines() == [expected]


def test_nynorsk_plan_gets_nynorsk_titles_under_bokmal_report(nynorsk_run, ruleset, plain):
    out = render(nynorsk_run, ruleset, plain)
    assert "Medverknad frå barn og unge" in out
    assert "Ansvarsfordeling mellom tenestene" in out
    assert "godtatt unntak: Tiltaka står i handlingsplanen" in out
    assert "docx" in out and " sider" not in out


def test_english_report(single_run, ruleset, plain):
    out = render(single_run, ruleset, replace(plain, lang="en"))
    assert "Participation of children and young people" in out
    assert "Fits best under “3 Organisering”." in out
    assert "Mentions cooperation but describes no forums" in out
    assert "p. 12" in out
    assert "2 covered, 1 partial, 1 missing – failed" in out


def test_batch_shows_matrix_totals_and_errors(batch_run, ruleset, plain):
    out = render(batch_run, ruleset, plain)
    assert re.search(r"Asker kommune\s+✔\s+◐\s+✘\s+✔\s+nei", out)
    assert re.search(r"Voss herad\s+✔\s+✔\s+✔\s+✘\*\s+ja", out)
    assert re.search(r"skannet\s+!\s+!\s+!\s+!\s+feil", out)
    assert "1 ansvarsfordeling: 2 dekket, 1 delvis, 0 mangler" in out
    assert "3 barn-og-unges-medvirkning: 1 dekket, 0 delvis, 2 mangler" in out
    assert "! innsendt/skannet.pdf: PDF-en har ikke tekstlag" in out
    assert "Hoppet over (ikke planer): innsendt/logo.png" in out
    assert out.rstrip().endswith("4 planer: 1 bestått, 2 ikke bestått, 1 kunne ikke leses")


def test_batch_quiet_is_one_line(batch_run, ruleset, plain):
    out = render(batch_run, ruleset, replace(plain, quiet=True))
    assert out.strip().splitlines() == ["4 planer: 1 bestått, 2 ikke bestått, 1 kunne ikke leses"]


def test_single_error_document_is_one_line(batch_run, unreadable, ruleset, plain):
    out = render(replace(batch_run, documents=(unreadable,)), ruleset, plain)
    assert out.strip().startswith("! innsendt/skannet.pdf: PDF-en har ikke tekstlag")


def test_document_text_cannot_control_the_terminal(batch_run, hostile, ruleset):
    run = replace(batch_run, documents=(hostile,))
    for color in (False, True):
        out = render(run, ruleset, ReportOptions(color=color, width=200))
        assert "\x1b[2J" not in out and "\x1b[31m" not in out
        assert "[bold red]rektor[/bold red]" in out, "rich markup in a document is shown as text"
    assert HOSTILE_EXCERPT.startswith("<script>")


def test_piped_output_follows_columns(single_run, ruleset, monkeypatch):
    """No width from the caller: $COLUMNS decides (`COLUMNS=80 plansjekk check … | cat`)."""
    monkeypatch.setenv("COLUMNS", "80")
    out = render(single_run, ruleset, ReportOptions(color=False))
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Ansvarsfordeling mellom tjenestene" in out, "titles are not squeezed at 80"


def test_error_and_warning_lines_are_never_wrapped(batch_run, unreadable, single_run, ruleset):
    """One line per bad file even at 60 columns, so `… | grep skannet.pdf` gets all of it."""
    narrow = ReportOptions(color=False, width=60)
    for run in (batch_run, replace(batch_run, documents=(unreadable,))):
        out = render(run, ruleset, narrow)
        lines = [line for line in out.splitlines() if "innsendt/skannet.pdf:" in line]
        assert len(lines) == 1, out
        assert lines[0].rstrip().endswith("eller kjør med --ocr."), lines[0]
    out = render(single_run, ruleset, narrow)
    warning = [line for line in out.splitlines() if "⚠" in line]
    assert warning == ["   ⚠ Noen sider i PDF-en har ikke tekstlag (skannede sider) og ble ikke "
                       "lest."], out
    assert max(len(line) for line in out.splitlines() if "⚠" not in line) <= 60
