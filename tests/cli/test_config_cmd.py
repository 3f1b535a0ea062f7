"""`plansjekk config show`: effective values and their sources, as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plansjekk.cli import app


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("PLANSJEKK_LANG", "PLANSJEKK_FAIL_ON", "PLANSJEKK_JOBS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def show(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, ["config", "show", *args], env=env)


def test_terminal_table_names_each_source(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text('[tool.plansjekk]\nfail-on = "never"\n', encoding="utf-8")
    result = show(env={"PLANSJEKK_JOBS": "3"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Konfigurasjonsfil: {config}"
    rows = {line.split()[0]: line for line in lines[3:]}
    assert rows["fail-on"].split() == ["fail-on", "never", str(config)]
    assert rows["jobs"].split() == ["jobs", "3", "miljøvariabel", "PLANSJEKK_JOBS"]
    assert rows["lang"].split() == ["lang", "nb", "standard"]
    assert rows["output"].split() == ["output", "–", "standard"]


def test_json_lists_every_option_with_value_and_source(project: Path) -> None:
    (project / "plansjekk.toml").write_text('rules = ["bvl-15-1"]\nmax-pages = 40\n')
    result = show("--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["config_file"] == str(project / "plansjekk.toml")
    options = data["options"]
    assert options["max-pages"] == {"value": 40, "source": str(project / "plansjekk.toml")}
    assert options["lang"] == {"value": "en", "source": "cli"}
    assert options["fail-on"] == {"value": "required-partial", "source": "default"}
    assert options["rules"]["value"] == ["bvl-15-1"]
    assert {"quiet", "verbose", "exit-zero", "exceptions"} <= set(options)


def test_without_config_file_says_so_in_english(project: Path) -> None:
    result = show("--lang", "en")
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "Config file: none found (defaults apply)"


def test_bad_config_exits_2_with_line_and_suggestion(project: Path) -> None:
    (project / "plansjekk.toml").write_text('lang = "nb"\nmaxpages = 3\n', encoding="utf-8")
    result = show()
    assert result.exit_code == 2
    assert "plansjekk.toml:2: ukjent nøkkel «maxpages» – mente du «max-pages»?" in result.output


def test_explicit_config_file(project: Path) -> None:
    (project / "ci.toml").write_text('format = "json"\n', encoding="utf-8")
    data = json.loads(show("--config", "ci.toml", "--format", "json").output)
    assert data["options"]["format"] == {"value": "json", "source": str(project / "ci.toml")}
