"""The plan outline (`plansjekk mal`): content, both renderers, and the round trip through the
real reader and matcher (untouched outline → all missing; filled outline → passes)."""

from __future__ import annotations

import datetime
import io
import itertools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from plansjekk.documents.text import document_from_text
from plansjekk.i18n import Lang
from plansjekk.outline import build_outline, default_period, guidance_lines, kommune_name
from plansjekk.outline_docx import render_docx
from plansjekk.outline_markdown import render_markdown
from plansjekk.outline_marks import is_guidance_quote, is_guidance_style
from plansjekk.policy import FailOn
from plansjekk.rules.model import Requirement, Ruleset, Severity, Status

FILL = yaml.safe_load(
    (Path(__file__).parent / "fixtures" / "planner" / "fill.yaml").read_text(encoding="utf-8")
)


def fake_ruleset() -> Ruleset:
    return Ruleset(
        id="test",
        version="1",
        title={"nb": "Test"},
        requirements=(
            Requirement(
                id="samarbeid",
                title={"nb": "Samarbeid mellom tjenestene", "nn": "Samarbeid mellom tenestene"},
                severity=Severity.REQUIRED,
                legal_basis="barnevernsloven § 15-1 annet ledd",
                guidance={"nb": "Beskriv arenaer og rutiner.", "nn": "Skildre arenaer og rutinar."},
            ),
            Requirement(
                id="tiltak",
                title={"nb": "Tiltak"},
                severity=Severity.RECOMMENDED,
                description={"nb": "hvilke forebyggende tiltak kommunen har"},
            ),
            Requirement(id="av", title={"nb": "Avslått"}, severity=Severity.REQUIRED,
                        enabled=False),
        ),
    )


# --- the outline as data ---------------------------------------------------------------

def test_one_section_per_active_requirement_in_ruleset_order() -> None:
    outline = build_outline(fake_ruleset(), "Asker", "nb", period="2025–2028")
    assert [s.requirement_id for s in outline.sections] == ["samarbeid", "tiltak"]
    assert [s.heading for s in outline.sections] == ["Samarbeid mellom tjenestene", "Tiltak"]
    assert outline.full_title == (
        "Plan for forebygging av omsorgssvikt og atferdsproblemer – Asker kommune 2025–2028"
    )


def test_nynorsk_titles_and_guidance_prefix() -> None:
    outline = build_outline(fake_ruleset(), "Asker", "nn", period="2025–2028")
    assert outline.title == "Plan for førebygging av omsorgssvikt og åtferdsproblem"
    assert outline.sections[0].heading == "Samarbeid mellom tenestene"
    assert outline.sections[0].guidance[0] == "Rettleiing: Skildre arenaer og rutinar."
    assert outline.appendix.columns == ("Teneste", "Ansvar", "Samarbeidspartnarar")


def test_guidance_has_legal_basis_and_severity() -> None:
    lines = guidance_lines(fake_ruleset().requirements[0], "nb")
    assert lines[0] == "Veiledning: Beskriv arenaer og rutiner."
    assert lines[1] == "Lovgrunnlag: barnevernsloven § 15-1 annet ledd."
    assert lines[2].startswith("Påkrevd")


def test_requirement_without_guidance_gets_an_instruction_from_its_description() -> None:
    lines = guidance_lines(fake_ruleset().requirements[1], "nb")
    assert lines[0] == (
        "Veiledning: Beskriv hvordan kommunen gjør dette: hvilke forebyggende tiltak kommunen har"
    )
    assert lines[1].startswith("Anbefalt")


def test_appendix_lists_services_with_empty_cells() -> None:
    table = build_outline(fake_ruleset(), "Asker").appendix
    assert table.columns == ("Tjeneste", "Ansvar", "Samarbeidspartnere")
    services = [row[0] for row in table.rows]
    assert {"Barnehage", "Barneverntjenesten", "NAV", "Helsestasjon og skolehelsetjeneste"} <= set(
        services
    )
    assert all(row[1:] == ("", "") for row in table.rows)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("Asker", "Asker kommune"), ("  Nord-Aurdal ", "Nord-Aurdal kommune"),
     ("Asker kommune", "Asker kommune")],
)
def test_kommune_name(typed: str, expected: str) -> None:
    assert kommune_name(typed, "nb") == expected


def test_default_period_is_four_years_from_this_year() -> None:
    assert default_period(datetime.date(2025, 6, 1)) == "2025–2028"


# --- Markdown -------------------------------------------------------------------------

def test_markdown_marks_every_instruction_as_a_guidance_quote() -> None:
    text = render_markdown(build_outline(fake_ruleset(), "Asker", "nb", period="2025–2028"))
    assert text.startswith("# Plan for forebygging av omsorgssvikt og atferdsproblemer – Asker")
    assert "## Samarbeid mellom tjenestene\n\n> Veiledning: Beskriv arenaer og rutiner." in text
    quotes = [block for block in text.split("\n\n") if block.startswith(">")]
    assert len(quotes) == 5  # intro, adoption hint, two sections, appendix
    assert all(is_guidance_quote(block) for block in quotes)
    assert "| Barnehage |   |   |" in text


def test_markdown_reads_back_with_headings_and_table_rows() -> None:
    text = render_markdown(build_outline(fake_ruleset(), "Asker", "nn"))
    document = document_from_text(text, "mal.md")
    headings = [b.text for b in document.headings]
    assert headings[1:] == ["Samarbeid mellom tenestene", "Tiltak",
                            "Vedlegg 1: Tenester, ansvar og samarbeidspartnarar"]
    rows = [b for b in document.blocks if b.cells]
    assert rows[0].cells == ("Teneste", "Ansvar", "Samarbeidspartnarar")
    assert rows[1].cells[0] == "Barnehage"


# --- DOCX -----------------------------------------------------------------------------

def _open(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_docx_uses_word_heading_styles_and_a_guidance_style() -> None:
    word = _open(render_docx(build_outline(fake_ruleset(), "Asker", "nb", period="2025–2028")))
    styles = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    assert styles[0] == ("Title", "Plan for forebygging av omsorgssvikt og atferdsproblemer")
    assert styles[1] == ("Subtitle", "Asker kommune 2025–2028")
    headings = [text for name, text in styles if name == "Heading 1"]
    assert headings == ["Samarbeid mellom tjenestene", "Tiltak",
                        "Vedlegg 1: Tjenester, ansvar og samarbeidspartnere"]
    guidance = [text for name, text in styles if name == "Plansjekk veiledning"]
    assert guidance[0].startswith("Veiledning: Denne malen")
    assert "Lovgrunnlag: barnevernsloven § 15-1 annet ledd." in guidance
    # Nothing else is written: every non-empty paragraph is a title, heading or guidance.
    assert {name for name, _ in styles} == {"Title", "Subtitle", "Heading 1",
                                             "Plansjekk veiledning"}
    assert word.core_properties.title.endswith("Asker kommune 2025–2028")


def test_docx_guidance_style_looks_like_help_and_is_recognised() -> None:
    word = _open(render_docx(build_outline(fake_ruleset(), "Asker", "nn")))
    style = word.styles["Plansjekk rettleiing"]
    assert style.font.italic is True
    assert style.font.color.rgb is not None
    assert style.next_paragraph_style.name == "Normal"
    assert is_guidance_style(style.name)


def test_docx_appendix_table_has_header_and_empty_cells() -> None:
    word = _open(render_docx(build_outline(fake_ruleset(), "Asker", "nb")))
    table = word.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Tjeneste", "Ansvar", "Samarbeidspartnere"]
    assert table.rows[1].cells[0].text == "Barnehage"
    assert all(c.text == "" for row in table.rows[1:] for c in row.cells[1:])


# --- round trip through the real reader and matcher -----------------------------------

def _pipeline() -> tuple[Ruleset, Callable[..., Any], Callable[..., Any]]:
    """The real ruleset, reader and matcher."""
    from plansjekk.documents import read_document
    from plansjekk.matching import check_document
    from plansjekk.rules import load_ruleset

    return load_ruleset("bvl-15-1"), read_document, check_document


def _write(tmp_path: Path, outline_lang: Lang, fmt: str, ruleset: Ruleset) -> Path:
    outline = build_outline(ruleset, "Asker", outline_lang, period="2025–2028")
    path = tmp_path / f"mal-{outline_lang}.{fmt}"
    if fmt == "md":
        path.write_text(render_markdown(outline), encoding="utf-8")
    else:
        path.write_bytes(render_docx(outline))
    return path


def _fill_docx(path: Path, lang: Lang, ruleset: Ruleset) -> None:
    """Writes sample text under each requirement heading, as a planner would in Word."""
    word = docx.Document(str(path))
    ids = {r.title.get(lang) or r.title["nb"]: r.id for r in ruleset.active}
    headings = [p for p in word.paragraphs if p.style.name == "Heading 1"]
    for heading, following in itertools.pairwise(headings):
        for text in FILL[lang].get(ids.get(heading.text, ""), []):
            following.insert_paragraph_before(text, style="Normal")
    for row in word.tables[0].rows[1:]:
        for cell, text in zip(row.cells[1:], FILL["table"][lang].get(row.cells[0].text, []),
                              strict=False):
            cell.text = text
    word.save(str(path))


def _fill_markdown(path: Path, lang: Lang, ruleset: Ruleset) -> None:
    ids = {r.title.get(lang) or r.title["nb"]: r.id for r in ruleset.active}
    out: list[str] = []
    pending: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("## "):
            out.extend(f"{text}\n" for text in pending)
            pending = FILL[lang].get(ids.get(line[3:].strip(), ""), [])
        if (match := re.match(r"\| (.+?) \|", line)) and match.group(1) in FILL["table"][lang]:
            line = "| " + " | ".join([match.group(1), *FILL["table"][lang][match.group(1)]]) + " |"
        out.append(line)
    out.extend(f"{text}\n" for text in pending)
    path.write_text("\n".join(out), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_untouched_outline_reports_every_requirement_missing(
    tmp_path: Path, lang: Lang, fmt: str
) -> None:
    ruleset, read, check = _pipeline()
    path = _write(tmp_path, lang, fmt, ruleset)
    result = check(read(path), ruleset, FailOn.REQUIRED_PARTIAL)
    not_missing = {r.id: r.status.value for r in result.requirements if r.status is not
                   Status.MISSING}
    assert not_missing == {}
    assert len(result.requirements) == len(ruleset.active)


@pytest.mark.parametrize("fmt", ["docx", "md"])
@pytest.mark.parametrize("lang", ["nb", "nn"])
def test_filled_outline_passes(tmp_path: Path, lang: Lang, fmt: str) -> None:
    ruleset, read, check = _pipeline()
    path = _write(tmp_path, lang, fmt, ruleset)
    (_fill_markdown if fmt == "md" else _fill_docx)(path, lang, ruleset)
    result = check(read(path), ruleset, FailOn.REQUIRED_PARTIAL)
    not_covered = {r.id: r.status.value for r in result.requirements
                   if r.severity is Severity.REQUIRED and r.status is not Status.COVERED}
    assert not_covered == {}
    assert result.passed


def test_fill_fixture_has_text_for_every_requirement_of_the_default_ruleset() -> None:
    ruleset, _read, _check = _pipeline()
    for lang in ("nb", "nn"):
        assert {r.id for r in ruleset.active} <= set(FILL[lang])
