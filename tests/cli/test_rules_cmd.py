"""`plansjekk rules ...`: exact output lines and exit codes."""

from __future__ import annotations

import textwrap

from typer.testing import CliRunner

from plansjekk.cli import app

runner = CliRunner()

GOOD = """\
id: lokal
version: "1"
title: Lokal
requirements:
  - id: rus
    title: {nb: Rusforebygging, en: Substance use prevention}
    severity: recommended
    legal_basis: alkoholloven § 1-7d
    headings: [rus*]
    aspects:
      - {id: rus, terms: [rus*]}
    examples:
      - {text: "# Rus", expect: partial}
"""


def _file(tmp_path, text, name="r.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


def test_validate_ok_and_errors(tmp_path):
    good = _file(tmp_path, GOOD, "good.yaml")
    bad = _file(tmp_path, GOOD.replace("headings:", "headngs:"), "bad.yaml")
    result = runner.invoke(app, ["rules", "validate", good, bad, "--lang", "en"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        f"{good}: OK (1 requirements)",
        f"{bad}:9:5: unknown key 'headngs' (did you mean 'headings'?)",
    ]


def test_validate_clean_exits_zero(tmp_path):
    result = runner.invoke(app, ["rules", "validate", _file(tmp_path, GOOD)])
    assert result.exit_code == 0
    assert result.output.endswith(": OK (1 krav)\n")


def test_bundled_rulesets_validate():
    result = runner.invoke(app, ["rules", "validate", "rusmiddel-1-7d"])
    assert (result.exit_code, result.output) == (0, "rusmiddel-1-7d: OK (10 krav)\n")


def test_list_shows_bundled_and_given(tmp_path):
    path = _file(tmp_path, GOOD)
    result = runner.invoke(app, ["rules", "list", path], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "rusmiddel-1-7d" in result.output
    assert any(line.split()[:3] == ["lokal", "1", "Lokal"] for line in result.output.splitlines())


def test_show_requirement(tmp_path):
    path = _file(tmp_path, GOOD)
    result = runner.invoke(app, ["rules", "show", path, "rus", "--lang", "en"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:3] == ["Substance use prevention  (rus)", "Severity: recommended",
                         "Legal basis: alkoholloven § 1-7d"]
    assert "  Headings: rus*" in lines
    assert "  Aspect rus (rus): rus*" in lines
    assert "  [partial] (nb, line 13)" in lines


def test_show_unknown_requirement(tmp_path):
    result = runner.invoke(app, ["rules", "show", _file(tmp_path, GOOD), "nei"])
    assert result.exit_code == 2
    assert "Regelsettet har ikke kravet «nei». Krav: rus" in result.output


def test_show_broken_ruleset_prints_problems(tmp_path):
    path = _file(tmp_path, GOOD.replace("recommended", "maybe"))
    result = runner.invoke(app, ["rules", "show", path])
    assert result.exit_code == 2
    assert f"{path}:7:15: ugyldig verdi «maybe» for «severity»" in result.output


def test_bad_lang_is_usage_error(tmp_path):
    result = runner.invoke(app, ["rules", "validate", _file(tmp_path, GOOD), "--lang", "de"])
    assert result.exit_code == 2


def test_rules_test_reports_pass_fail_and_summary(tmp_path):
    text = GOOD.replace('- {text: "# Rus", expect: partial}',
                        '- {text: "# Bevilling\\nSkjenketid til kl. 01.", expect: missing}\n'
                        '      - {text: "# Bevilling\\nSkjenketid til kl. 01.", expect: covered}')
    path = _file(tmp_path, text)
    result = runner.invoke(app, ["rules", "test", path, "--lang", "en"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"PASS {path}:13 rus (missing)"
    assert lines[1] == f"FAIL {path}:14 rus: expected covered, got missing"
    assert lines[2].strip() == "score: 0.00"
    assert lines[-1] == "1 passed, 1 failed"


def test_rules_test_bundled_passes():
    result = runner.invoke(app, ["rules", "test", "rusmiddel-1-7d"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].endswith("bestått, 0 feilet")
