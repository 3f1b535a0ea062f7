"""docs/rules.md: the worked example's commands run as written, and the YAML shown in the doc
is the example file."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plansjekk.cli import app

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
COMMANDS = [line[2:] for line in DOC.splitlines() if line.startswith("$ plansjekk ")]
EXPECTED_EXIT = {"validate": 0, "test": 0, "show": 0, "check": 1}


def test_doc_shows_the_example_file():
    example = (ROOT / "docs" / "examples" / "lillevik.yaml").read_text(encoding="utf-8")
    assert f"```yaml\n{example}```" in DOC


@pytest.mark.parametrize("command", COMMANDS)
def test_doc_command_runs(command, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(app, args)
    verb = args[1] if args[0] == "rules" else args[0]
    assert result.exit_code == EXPECTED_EXIT[verb], result.output
    if verb == "check":
        assert "fritid" in result.output.lower()


def test_doc_has_the_four_commands():
    assert len(COMMANDS) == 4
