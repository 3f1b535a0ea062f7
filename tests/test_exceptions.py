"""Accepted exceptions: applying, expiry, validation and the baseline (plansjekk.exceptions)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plansjekk.config import ConfigError
from plansjekk.exceptions import apply, baseline_entries, load_exceptions, write_baseline
from plansjekk.findings import DocumentResult, RequirementResult, RulesetInfo, Run
from plansjekk.rules.model import Severity, Status
from plansjekk.settings import Settings

TODAY = dt.date(2026, 3, 1)


def requirement(rid: str, status: Status, severity: Severity = Severity.REQUIRED):
    return RequirementResult(id=rid, severity=severity, status=status, score=0.1)


def make_run(*documents: tuple[str, tuple[RequirementResult, ...]]) -> Run:
    return Run(
        tool_version="test",
        ruleset=RulesetInfo(id="bvl-15-1", version="1", path=""),
        documents=tuple(
            DocumentResult(path=path, requirements=reqs, passed=False) for path, reqs in documents
        ),
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A municipality's repository as working directory, with plans under planer/."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "planer").mkdir()
    return tmp_path


def settings_for(path: str = "plansjekk-unntak.toml", source: str = "default") -> Settings:
    return Settings(exceptions=path, sources={"exceptions": source})


def failing_run() -> Run:
    return make_run((
        "planer/asker.pdf",
        (
            requirement("ansvarsfordeling", Status.COVERED),
            requirement("samarbeid", Status.MISSING),
            requirement("tiltak", Status.PARTIAL, Severity.RECOMMENDED),
        ),
    ))


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_accepted_exception_marks_result_and_document_passes(repo: Path) -> None:
    write(repo / "plansjekk-unntak.toml", """
[[exception]]
document = "planer/asker.pdf"
requirement = "samarbeid"
reason = "Dekket i samarbeidsavtalen, vedlegg 3"
accepted-by = "Kari"
""")
    run = apply(failing_run(), settings_for(), today=TODAY)
    document = run.documents[0]
    accepted = document.requirement("samarbeid")
    assert accepted.accepted == "Dekket i samarbeidsavtalen, vedlegg 3"
    assert accepted.status is Status.MISSING  # shown as accepted, never as covered
    assert document.passed is True
    assert run.passed is True


def test_glob_relative_to_the_exceptions_file(repo: Path) -> None:
    (repo / "config").mkdir()
    write(repo / "config" / "unntak.toml", """
[[exception]]
document = "../planer/**/*.pdf"
requirement = "samarbeid"
reason = "Felles avtale"
""")
    run = apply(failing_run(), settings_for("config/unntak.toml", "cli"), today=TODAY)
    assert run.documents[0].requirement("samarbeid").accepted == "Felles avtale"


def test_other_document_or_requirement_is_not_accepted(repo: Path) -> None:
    write(repo / "plansjekk-unntak.toml", """
[[exception]]
document = "planer/bergen.pdf"
requirement = "samarbeid"
reason = "annen plan"

[[exception]]
document = "planer/asker.pdf"
requirement = "organisering"
reason = "annet krav"
""")
    run = apply(failing_run(), settings_for(), today=TODAY)
    assert run.documents[0].requirement("samarbeid").accepted is None
    assert run.documents[0].passed is False


def test_expired_acceptance_fails_again_with_a_warning(repo: Path) -> None:
    write(repo / "plansjekk-unntak.toml", """
[[exception]]
document = "planer/asker.pdf"
requirement = "samarbeid"
reason = "Midlertidig"
expires = 2026-01-01
""")
    run = apply(failing_run(), settings_for(), today=TODAY)
    document = run.documents[0]
    assert document.requirement("samarbeid").accepted is None
    assert document.passed is False
    assert [w.render("nb") for w in document.warnings] == [
        "unntaket for samarbeid gikk ut 2026-01-01"
    ]
    # Valid through the expiry day itself.
    still = apply(failing_run(), settings_for(), today=dt.date(2026, 1, 1))
    assert still.documents[0].passed is True


def test_unneeded_acceptance_of_a_covered_requirement_is_reported(repo: Path) -> None:
    write(repo / "plansjekk-unntak.toml", """
[[exception]]
document = "planer/asker.pdf"
requirement = "ansvarsfordeling"
reason = "gammelt"
""")
    document = apply(failing_run(), settings_for(), today=TODAY).documents[0]
    assert document.requirement("ansvarsfordeling").accepted is None
    assert "trengs ikke lenger" in document.warnings[0].render("nb")


def test_missing_reason_is_a_config_error_with_line(repo: Path) -> None:
    write(repo / "plansjekk-unntak.toml", """[[exception]]
document = "planer/asker.pdf"
requirement = "samarbeid"

[[exception]]
document = "planer/asker.pdf"
requirement = "organisering"
reason = "  "
""")
    with pytest.raises(ConfigError) as caught:
        apply(failing_run(), settings_for(), today=TODAY)
    lines = caught.value.render("nb").splitlines()
    path = "plansjekk-unntak.toml"  # as configured
    assert lines[0].startswith(f"{path}:2: unntak nr. 1 mangler «reason» – skriv hvorfor")
    assert lines[1].startswith(f"{path}:8: unntak nr. 2 mangler «reason»")


def test_unknown_keys_and_bad_dates_are_errors(repo: Path) -> None:
    path = write(repo / "plansjekk-unntak.toml", """[[exception]]
document = "planer/asker.pdf"
requirement = "samarbeid"
reason = "ok"
expire = 2026-01-01
expires = "snart"
""")
    with pytest.raises(ConfigError) as caught:
        load_exceptions(path)
    assert caught.value.render("nb").splitlines() == [
        f"{path}:5: ukjent nøkkel «expire» – mente du «expires»?",
        f"{path}:6: «expires» må være en dato (ÅÅÅÅ-MM-DD), ikke 'snart'",
    ]


def test_missing_default_file_is_fine_but_a_configured_one_is_not(repo: Path) -> None:
    run = failing_run()
    assert apply(run, settings_for(), today=TODAY) is run
    assert apply(run, Settings(), today=TODAY) is run
    with pytest.raises(ConfigError, match="not found"):
        apply(run, settings_for("mangler.toml", "cli"), today=TODAY)


def test_error_documents_are_left_alone(repo: Path) -> None:
    write(repo / "plansjekk-unntak.toml", """
[[exception]]
document = "**"
requirement = "*"
reason = "alt"
""")
    broken = DocumentResult(path="planer/x.pdf", status="error")
    run = Run("t", RulesetInfo("x", "1", ""), (broken,))
    assert apply(run, settings_for(), today=TODAY).documents[0].passed is False


def test_write_baseline_round_trip(repo: Path) -> None:
    settings = settings_for()
    path = write_baseline(failing_run(), settings, today=TODAY)
    assert path == Path("plansjekk-unntak.toml")
    entries = load_exceptions(path)
    assert [(e.document, e.requirement) for e in entries] == [
        ("planer/asker.pdf", "samarbeid"),
        ("planer/asker.pdf", "tiltak"),
    ]
    assert entries[0].reason == (
        "Baseline: godtatt ved innføring 2026-03-01 – begrunn eller fjern"
    )
    run = apply(failing_run(), settings, today=TODAY)
    assert run.passed
    assert all(r.accepted for r in run.documents[0].requirements if r.status is not Status.COVERED)
    # A second baseline adds nothing and keeps what people wrote.
    path.write_text(path.read_text(encoding="utf-8") + "# kommentar fra Kari\n", encoding="utf-8")
    assert baseline_entries(failing_run(), settings, today=TODAY) == []
    write_baseline(failing_run(), settings, today=TODAY)
    assert "# kommentar fra Kari" in path.read_text(encoding="utf-8")
    assert len(load_exceptions(path)) == 2


def test_baseline_paths_are_relative_to_the_exceptions_file(repo: Path) -> None:
    settings = settings_for("config/unntak.toml", "cli")
    path = write_baseline(failing_run(), settings, today=TODAY)
    assert path.is_file()
    assert load_exceptions(path)[0].document == "../planer/asker.pdf"
    assert apply(failing_run(), settings, today=TODAY).passed
