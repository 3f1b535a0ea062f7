"""`plansjekk diff`: real DOCX files, a real Git repository, the real reader and matcher.

A small ruleset written by the test (one required requirement) keeps the verdicts about
the diff, not about the default ruleset's tuning.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from plansjekk.cli import app

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

RULESET = """\
id: mini
version: "1"
title: {nb: Mini}
requirements:
  - id: samarbeid
    title: {nb: Samarbeid mellom tjenestene, nn: Samarbeid mellom tenestene, en: Cooperation}
    severity: required
    headings: ["samarbeid*", "samhandling*"]
    aspects:
      - id: samarbeid
        terms: ["samarbeid*", "samhandl*"]
      - id: tjenester
        terms: ["barnehage*", "skole*", "helsestasjon*", "barnevern*"]
      - id: rutine
        terms: ["møte*", "rutine*", "team*", "fast*"]
"""

INTRO = ("Innledning", "Planen gjelder det forebyggende arbeidet for barn og unge i kommunen.")
COOPERATION = (
    "Samarbeid mellom tjenestene",
    "Barnehagen, skolen, helsestasjonen og barnevernet samarbeider i faste tverrfaglige "
    "møter hver måned. Samhandlingen følger egne rutiner for overganger.",
)
BUDGET = ("Økonomi", "Tiltakene finansieres over ordinært budsjett.")


def write_plan(path: Path, *sections: tuple[str, str]) -> Path:
    document = Document()
    for heading, body in sections:
        document.add_heading(heading, level=1)
        document.add_paragraph(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid",
         "-c", "commit.gpgsign=false", *args],
        cwd=repo, check=True, capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A kommune's plan repository: v1 covers cooperation, v2 (HEAD) dropped the chapter."""
    root = tmp_path / "kommune"
    root.mkdir()
    (root / "regler").mkdir()
    (root / "regler" / "mini.yaml").write_text(RULESET, encoding="utf-8")
    (root / "plansjekk.toml").write_text('rules = ["regler/mini.yaml"]\n', encoding="utf-8")
    git(root, "init", "-q")
    plan = root / "planer" / "plan.docx"
    write_plan(plan, INTRO, COOPERATION)
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "v1")
    write_plan(plan, INTRO, BUDGET)
    git(root, "commit", "-q", "-am", "v2: samarbeid fjernet")
    monkeypatch.chdir(root)
    monkeypatch.delenv("PLANSJEKK_LANG", raising=False)
    return root


def run(*args: str):
    return CliRunner().invoke(app, ["diff", *args])


def test_regression_against_previous_revision_exits_1(repo: Path) -> None:
    result = run("planer/plan.docx", "--rev", "HEAD~1")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Endringer fra planer/plan.docx@HEAD~1 til planer/plan.docx (arbeidskopi)"
    row = next(line for line in lines if "Samarbeid mellom tjenestene" in line)
    assert row.startswith("▼ ")
    assert "✔ dekket" in row and "✘ mangler 0.00" in row and row.endswith("FORVERRET")
    assert "Tekst som ikke lenger finnes:" in result.output
    assert "Barnehagen, skolen, helsestasjonen" in result.output
    assert lines[-1] == "1 krav er blitt dårligere."


def test_from_a_subfolder_the_path_is_found_in_the_repository(repo: Path, monkeypatch) -> None:
    monkeypatch.chdir(repo / "planer")
    result = run("plan.docx", "--rev", "HEAD~1", "--rev", "HEAD", "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["schema"] == "plansjekk.diff/1"
    assert data["regressed"] is True
    requirement = data["requirements"][0]
    assert requirement["change"] == "worse"
    assert requirement["before"]["status"] == "covered"
    assert requirement["after"]["status"] == "missing"
    assert requirement["lost_evidence"] and not requirement["new_evidence"]


def test_improvement_exits_0(repo: Path) -> None:
    result = run("planer/plan.docx", "--rev", "HEAD", "--rev", "HEAD~1", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "| Samarbeid mellom tjenestene |" in result.output
    assert "forbedret" in result.output
    assert "Ingen krav er blitt dårligere." in result.output


def test_two_files(repo: Path) -> None:
    old = write_plan(repo / "v1.docx", INTRO, COOPERATION)
    result = run(str(old), "planer/plan.docx", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "WORSE" in result.output
    assert run("planer/plan.docx", "planer/plan.docx").exit_code == 0


def test_accepted_exception_on_the_new_version_is_not_a_regression(repo: Path) -> None:
    (repo / "plansjekk-unntak.toml").write_text(
        '[[exception]]\ndocument = "planer/plan.docx"\nrequirement = "samarbeid"\n'
        'reason = "Flyttet til samarbeidsavtalen"\n', encoding="utf-8")
    result = run("planer/plan.docx", "--rev", "HEAD~1")
    assert result.exit_code == 0, result.output
    assert "(godtatt)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("planer/plan.docx", "--rev", "nope"), "git:"),
        (("planer/finnes-ikke.docx", "--rev", "HEAD"), "git:"),
        (("planer/plan.docx",), "Oppgi to filer"),
        (("planer/plan.docx", "planer/x.docx", "--rev", "HEAD"), "Oppgi to filer"),
        (("planer/plan.docx", "mangler.docx"), "mangler.docx"),
    ],
)
def test_errors_exit_2_with_a_message(repo: Path, args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_bad_config_exits_2(repo: Path) -> None:
    (repo / "plansjekk.toml").write_text('rules = ["regler/mini.yaml"]\nfailon = "x"\n')
    result = run("planer/plan.docx", "--rev", "HEAD~1")
    assert result.exit_code == 2
    assert "plansjekk.toml:2: ukjent nøkkel «failon» – mente du «fail-on»?" in result.output
