"""`plansjekk check` through typer's CliRunner: exit codes, --list-files, --exit-zero,
--output, colour. Readers are real (plain-text plans); the ruleset and the matcher are
fakes, so these tests pin the CLI's behaviour, not the verdicts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plansjekk.cli import app
from plansjekk.cli import check as check_module
from plansjekk.findings import DocumentResult, RequirementResult
from plansjekk.policy import document_passes
from plansjekk.rules.model import Requirement, Ruleset, Severity, Status
from plansjekk.rules.problems import Problem, RulesetError
from plansjekk.settings import Settings

RULESET = Ruleset(
    id="test",
    version="1",
    title={"nb": "Test"},
    requirements=(
        Requirement(id="ansvar", title={"nb": "Ansvar"}, severity=Severity.REQUIRED),
        Requirement(id="tiltak", title={"nb": "Tiltak"}, severity=Severity.RECOMMENDED),
    ),
    path="test.yaml",
)
BASE = ["check", "--timeout", "0", "--jobs", "1", "--no-cache"]
"""In-process (no worker processes), so the monkeypatched fakes apply."""


def fake_load_ruleset(ref: str) -> Ruleset:
    if ref.endswith("feil.yaml"):
        problem = Problem(ref, 7, 3, "unknown-key", {"key": "term"}, None)
        raise RulesetError([problem])
    return RULESET


def fake_check_document(document, ruleset, fail_on):
    status = Status.COVERED if "dekket" in document.text else Status.MISSING
    results = tuple(
        RequirementResult(id=r.id, severity=r.severity, status=status, score=0.5)
        for r in ruleset.requirements
    )
    return DocumentResult(
        path=document.path,
        format=document.format,
        requirements=results,
        passed=document_passes(results, fail_on),
    )


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import plansjekk.matching
    import plansjekk.rules

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLANSJEKK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(plansjekk.rules, "load_ruleset", fake_load_ruleset)
    monkeypatch.setattr(plansjekk.matching, "check_document", fake_check_document)
    (tmp_path / "god.txt").write_text("Asker kommune\n\nAlt er dekket.", encoding="utf-8")
    (tmp_path / "svak.txt").write_text("Vestby kommune\n\nLite her.", encoding="utf-8")
    (tmp_path / "tom.pdf").write_bytes(b"")
    return tmp_path


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(app, [*BASE, *args], env=env)


def test_exit_0_when_every_plan_passes() -> None:
    result = invoke("god.txt", "-q")
    assert result.exit_code == 0, result.output


def test_exit_1_when_a_plan_fails_the_threshold() -> None:
    assert invoke("god.txt", "svak.txt", "-q").exit_code == 1


def test_exit_2_when_an_input_cannot_be_read() -> None:
    assert invoke("god.txt", "tom.pdf", "-q").exit_code == 2
    assert invoke("god.txt", "finnes-ikke.pdf", "-q").exit_code == 2


def test_fail_on_never_passes_a_weak_plan() -> None:
    assert invoke("svak.txt", "--fail-on", "never", "-q").exit_code == 0


def test_exit_zero_turns_failures_and_unreadable_inputs_into_0() -> None:
    assert invoke("svak.txt", "tom.pdf", "--exit-zero", "-q").exit_code == 0


def test_exit_zero_keeps_2_for_usage_errors() -> None:
    result = invoke("god.txt", "--exit-zero", "--format", "nonsens")
    assert result.exit_code == 2
    assert "nonsens" in result.output
    assert "Traceback" not in result.output


def test_bad_rules_file_prints_file_line_problems_and_exits_2() -> None:
    result = invoke("god.txt", "--rules", "feil.yaml")
    assert result.exit_code == 2
    assert "feil.yaml:7:3:" in result.output
    assert "Traceback" not in result.output


def test_bad_option_value_is_one_line_and_exit_2() -> None:
    result = invoke("god.txt", "--fail-on", "sometimes")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_paths_is_a_usage_error() -> None:
    assert invoke().exit_code == 2


def test_list_files_prints_what_would_be_checked_and_exits_0(isolated: Path) -> None:
    (isolated / "plan.pdf").write_bytes(b"%PDF-1.7\n")
    (isolated / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0")
    result = invoke(".", "--list-files")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["plan.pdf", "tom.pdf"]


def test_output_is_written_atomically_and_nothing_is_printed(isolated: Path) -> None:
    target = isolated / "ut" / "rapport.json"
    target.parent.mkdir()
    result = invoke("god.txt", "svak.txt", "--format", "json", "--output", str(target))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert '"schema": "plansjekk.report/1"' in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["rapport.json"]


def test_unwritable_output_fails_before_any_document_is_read(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import plansjekk.batch

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("the batch ran")

    monkeypatch.setattr(plansjekk.batch, "check_paths", must_not_run)
    result = invoke("god.txt", "--output", str(isolated / "finnes-ikke" / "r.json"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_json_on_stdout_is_parseable() -> None:
    import json

    result = invoke("god.txt", "--format", "json")
    data = json.loads(result.stdout)
    assert data["documents"][0]["summary"]["passed"] is True


def test_colour_is_forced_with_color_and_off_with_no_color() -> None:
    coloured = invoke("svak.txt", "--color")
    assert "\x1b[" in coloured.stdout
    plain = invoke("svak.txt", "--no-color")
    assert "\x1b[" not in plain.stdout


def test_no_color_environment_turns_colour_off_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert check_module._color(Settings()) is False
    monkeypatch.delenv("NO_COLOR")
    assert check_module._color(Settings()) is True
    assert check_module._color(Settings(color=False)) is False


def test_no_color_end_to_end() -> None:
    result = invoke("svak.txt", env={"NO_COLOR": "1"})
    assert "\x1b[" not in result.stdout


def test_debug_lets_tracebacks_through() -> None:
    result = invoke("god.txt", "--rules", "feil.yaml", "--debug")
    assert result.exit_code != 0
    assert isinstance(result.exception, RulesetError)


def test_real_workers_from_the_command_line(isolated: Path) -> None:
    """Default start method and pool: only reader errors, which need no fakes."""
    (isolated / "bilde.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    result = CliRunner().invoke(app, ["check", "tom.pdf", "bilde.pdf", "-j", "2", "-f", "json"])
    assert result.exit_code == 2
    assert '"code": "empty"' in result.stdout
    assert '"code": "unsupported-format"' in result.stdout


def test_exit_code_function_matches_the_contract() -> None:
    from plansjekk.findings import RulesetInfo, Run

    info = RulesetInfo("t", "1", "t.yaml")
    ok = DocumentResult(path="a", passed=True)
    bad = DocumentResult(path="b", passed=False)
    broken = DocumentResult(path="c", status="error")
    assert check_module.exit_code(Run("v", info, (ok,))) == 0
    assert check_module.exit_code(Run("v", info, (ok, bad))) == 1
    assert check_module.exit_code(Run("v", info, (bad, broken))) == 2
    assert check_module.exit_code(Run("v", info, (bad, broken)), exit_zero=True) == 0


__all__ = ["os"]
