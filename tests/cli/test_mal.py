"""`plansjekk mal`: options, files written, refusal to overwrite, usage errors (exit 2)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from plansjekk.cli import app
from plansjekk.cli import mal as mal_module
from plansjekk.rules.model import Requirement, Ruleset, Severity

RULESET = Ruleset(
    id="test-regler",
    version="1",
    title={"nb": "Test"},
    requirements=(
        Requirement(id="samarbeid", title={"nb": "Samarbeid", "nn": "Samarbeid mellom tenestene"},
                    severity=Severity.REQUIRED, guidance={"nb": "Beskriv samarbeidet."}),
        Requirement(id="tiltak", title={"nb": "Tiltak"}, severity=Severity.RECOMMENDED),
    ),
)

runner = CliRunner()


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Runs in an empty folder with a fake ruleset (the bundled one is tested elsewhere)."""
    monkeypatch.chdir(tmp_path)
    loaded: list[str] = []

    def fake_load(rules: str, _lang: str) -> Ruleset:
        loaded.append(rules)
        return RULESET

    monkeypatch.setattr(mal_module, "_load_ruleset", fake_load)
    return tmp_path


def test_writes_a_bokmal_docx_named_after_the_kommune(in_tmp: Path) -> None:
    result = runner.invoke(app, ["mal", "--kommune", "Nord-Aurdal", "--periode", "2025–2028"])
    assert result.exit_code == 0, result.output
    path = in_tmp / "plan-forebygging-nord-aurdal.docx"
    assert path.exists()
    assert "Skrev malen til plan-forebygging-nord-aurdal.docx (2 krav fra test-regler)" in (
        result.output
    )
    assert "plansjekk check --watch plan-forebygging-nord-aurdal.docx" in result.output
    word = docx.Document(str(path))
    assert word.core_properties.title == (
        "Plan for forebygging av omsorgssvikt og atferdsproblemer – "
        "Nord-Aurdal kommune 2025–2028"
    )
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"][:2] == [
        "Samarbeid", "Tiltak"]


def test_writes_nynorsk_markdown_to_the_given_file(in_tmp: Path) -> None:
    result = runner.invoke(app, ["mal", "-k", "Asker", "--maalform", "nn", "--format", "md",
                                 "--output", "utkast.md"])
    assert result.exit_code == 0, result.output
    text = (in_tmp / "utkast.md").read_text(encoding="utf-8")
    assert text.startswith("# Plan for førebygging av omsorgssvikt og åtferdsproblem – Asker")
    assert "## Samarbeid mellom tenestene\n\n> Rettleiing:" in text
    assert "Skreiv malen til utkast.md" in result.output


def test_accepts_nynorsk_and_markdown_spelled_out(in_tmp: Path) -> None:
    result = runner.invoke(app, ["mal", "-k", "Asker", "-m", "nynorsk", "-f", "markdown"])
    assert result.exit_code == 0, result.output
    assert (in_tmp / "plan-forebygging-asker.md").exists()


def test_refuses_to_overwrite_a_draft_unless_asked(in_tmp: Path) -> None:
    draft = in_tmp / "plan.docx"
    draft.write_bytes(b"planleggerens utkast")
    result = runner.invoke(app, ["mal", "-k", "Asker", "-o", "plan.docx"])
    assert result.exit_code == 2
    assert "plan.docx finnes allerede" in result.output
    assert draft.read_bytes() == b"planleggerens utkast"
    result = runner.invoke(app, ["mal", "-k", "Asker", "-o", "plan.docx", "--overskriv"])
    assert result.exit_code == 0, result.output
    assert draft.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--maalform", "sv"], "Ukjent verdi 'sv' for --maalform. Velg en av: nb, nn"),
     (["--format", "pdf"], "Ukjent verdi 'pdf' for --format. Velg en av: docx, md")],
)
def test_bad_choices_are_usage_errors(in_tmp: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["mal", "-k", "Asker", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert list(in_tmp.iterdir()) == []


def test_unknown_ruleset_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["mal", "-k", "Asker", "--rules", "finnes-ikke"])
    assert result.exit_code == 2
    assert "Fant ikke regelsettet finnes-ikke" in result.output
    assert list(tmp_path.iterdir()) == []


def test_mal_is_listed_in_help() -> None:
    result = runner.invoke(app, ["--help"])
    assert "mal" in result.output
