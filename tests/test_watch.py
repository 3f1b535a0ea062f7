"""`watch`: re-checks on save, reports what changed, survives half-written files, ends cleanly.

Most tests use a fake checker that reads a status word from the file, so they exercise the
real file watching (watchfiles in a temporary folder) without depending on the matcher.
"""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from plansjekk.findings import DocumentResult, RequirementResult
from plansjekk.rules.model import Requirement, Ruleset, Severity, Status
from plansjekk.settings import Settings
from plansjekk.watch import Change, WatchState, _View, diff, is_lock_file, watch

RULESET = Ruleset(
    id="test",
    version="1",
    title={"nb": "Test"},
    requirements=(
        Requirement(id="samarbeid", title={"nb": "Samarbeid", "nn": "Samarbeid mellom tenestene"},
                    severity=Severity.REQUIRED),
        Requirement(id="tiltak", title={"nb": "Tiltak"}, severity=Severity.RECOMMENDED),
    ),
)
SETTINGS = Settings()
FAST = {"retry_delays": (0.05, 0.1), "debounce_ms": 50}


def make_result(samarbeid: Status, tiltak: Status = Status.MISSING,
                language: str = "nb") -> DocumentResult:
    requirements = (
        RequirementResult("samarbeid", Severity.REQUIRED, samarbeid,
                          {Status.COVERED: 0.9, Status.PARTIAL: 0.4}.get(samarbeid, 0.0)),
        RequirementResult("tiltak", Severity.RECOMMENDED, tiltak, 0.0),
    )
    return DocumentResult(path="plan.docx", language=language, requirements=requirements,
                          passed=samarbeid is Status.COVERED)


class FileChecker:
    """Reads the status of `samarbeid` from the file's text; "HALF" means half-written."""

    def __init__(self, fail_calls: set[int] | None = None) -> None:
        self.calls = 0
        self.results = 0
        self.fail_calls = fail_calls or set()

    def __call__(self, path: Path) -> DocumentResult:
        self.calls += 1
        if self.calls in self.fail_calls:
            raise PermissionError("låst av Word")
        text = path.read_text(encoding="utf-8").strip()
        if text == "HALF":
            raise ValueError("ikke en gyldig fil")
        result = make_result(Status(text))
        self.results += 1
        return result


def console(terminal: bool = False) -> tuple[Console, io.StringIO]:
    buffer = io.StringIO()
    return Console(file=buffer, force_terminal=terminal, width=120, color_system=None), buffer


def run_in_thread(target: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    out: list[object] = []
    thread = threading.Thread(target=lambda: out.append(target()), daemon=True)
    thread.start()
    return thread, out


def save_until_done(path: Path, text: str, thread: threading.Thread, checker: FileChecker,
                    seconds: float = 20) -> None:
    """After the first check, saves repeatedly until the watcher has seen a save (it starts
    watching a moment after that first check)."""
    deadline = time.monotonic() + seconds
    while checker.results < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    while thread.is_alive() and time.monotonic() < deadline:
        path.write_text(text, encoding="utf-8")
        thread.join(0.3)


# --- pure parts -------------------------------------------------------------------------

def test_diff_lists_changed_statuses_only() -> None:
    before = make_result(Status.PARTIAL)
    after = make_result(Status.COVERED)
    assert diff(None, after) == ()
    assert diff(before, after) == (Change("samarbeid", Status.PARTIAL, Status.COVERED),)
    assert diff(after, after) == ()
    assert diff(after, before)[0].improved is False


@pytest.mark.parametrize("name", ["~$plan.docx", ".~lock.plan.docx#", "~WRL0001.tmp"])
def test_lock_files_are_recognised(name: str) -> None:
    assert is_lock_file(name)
    assert not is_lock_file("plan.docx")


def test_view_shows_requirements_summary_and_change() -> None:
    state = WatchState(result=make_result(Status.COVERED), checks=2,
                       changes=(Change("samarbeid", Status.PARTIAL, Status.COVERED),))
    out, buffer = console()
    out.print(_View(Path("plan.docx"), RULESET, "nb", 120).render(state))
    text = buffer.getvalue()
    assert "Følger med på plan.docx" in text
    assert re.search(r"✔ +Samarbeid +dekket +0.90", text)
    assert "Legg til et eget avsnitt med overskriften «Tiltak»" in text
    assert "1 dekket · 0 delvis · 1 mangler · Samlet score 0.45" in text
    assert "▲ Samarbeid: delvis → dekket" in text
    assert "Sjekket kl." in text


def test_view_uses_nynorsk_titles_for_a_nynorsk_plan() -> None:
    state = WatchState(result=make_result(Status.MISSING, language="nn"), checks=1)
    out, buffer = console()
    out.print(_View(Path("plan.docx"), RULESET, "nb", 120).render(state))
    assert "Samarbeid mellom tenestene" in buffer.getvalue()
    assert "Første sjekk" in buffer.getvalue()


# --- the loop on real files -------------------------------------------------------------

@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "live"])
def test_saving_the_file_triggers_a_recheck_and_reports_the_change(
    tmp_path: Path, terminal: bool
) -> None:
    plan = tmp_path / "plan.docx"
    plan.write_text("partial", encoding="utf-8")
    out, buffer = console(terminal)
    checker = FileChecker()
    stop = threading.Event()
    thread, returned = run_in_thread(lambda: watch(plan, SETTINGS, RULESET, out, stop_event=stop,
                                                   max_checks=2, check=checker, **FAST))
    save_until_done(plan, "covered", thread, checker)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert checker.calls >= 2
    assert returned[0].requirement("samarbeid").status is Status.COVERED
    text = buffer.getvalue()
    assert "▲ Samarbeid: delvis → dekket" in text
    assert "Sluttet å følge med på plan.docx" in text


def test_half_written_file_shows_waiting_and_is_retried(tmp_path: Path) -> None:
    plan = tmp_path / "plan.docx"
    plan.write_text("missing", encoding="utf-8")
    out, buffer = console()
    checker = FileChecker(fail_calls={2})  # the first read after the save hits a locked file
    thread, returned = run_in_thread(lambda: watch(plan, SETTINGS, RULESET, out, max_checks=2,
                                                   check=checker, **FAST))
    save_until_done(plan, "partial", thread, checker)
    assert not thread.is_alive()
    assert "venter på at filen blir ferdig lagret" in buffer.getvalue()
    assert "PermissionError: låst av Word" in buffer.getvalue()
    assert returned[0].requirement("samarbeid").status is Status.PARTIAL
    assert "▲ Samarbeid: mangler → delvis" in buffer.getvalue()


def test_a_file_that_stays_broken_never_crashes_the_watch(tmp_path: Path) -> None:
    plan = tmp_path / "plan.docx"
    plan.write_text("HALF", encoding="utf-8")
    out, buffer = console()
    stop = threading.Event()
    thread, returned = run_in_thread(lambda: watch(plan, SETTINGS, RULESET, out, stop_event=stop,
                                                   check=FileChecker(), **FAST))
    time.sleep(1.0)
    stop.set()
    thread.join(5)
    assert not thread.is_alive()
    assert returned == [None]
    assert "Kan ikke lese filen ennå (ValueError: ikke en gyldig fil)" in buffer.getvalue()


def test_lock_files_and_other_files_do_not_trigger_a_check(tmp_path: Path) -> None:
    plan = tmp_path / "plan.docx"
    plan.write_text("partial", encoding="utf-8")
    out, _buffer = console()
    checker = FileChecker()
    stop = threading.Event()
    thread, _ = run_in_thread(lambda: watch(plan, SETTINGS, RULESET, out, stop_event=stop,
                                            check=checker, **FAST))
    for _ in range(5):
        (tmp_path / "~$plan.docx").write_text("owner", encoding="utf-8")
        (tmp_path / "annen.docx").write_text("covered", encoding="utf-8")
        time.sleep(0.2)
    stop.set()
    thread.join(5)
    assert checker.calls == 1


def test_ctrl_c_ends_cleanly(tmp_path: Path) -> None:
    plan = tmp_path / "plan.docx"
    plan.write_text("partial", encoding="utf-8")
    out, buffer = console()

    def interrupted(_path: Path) -> DocumentResult:
        raise KeyboardInterrupt

    assert watch(plan, SETTINGS, RULESET, out, check=interrupted, **FAST) is None
    assert "Sluttet å følge med" in buffer.getvalue()


def test_missing_folder_is_reported_not_raised(tmp_path: Path) -> None:
    out, buffer = console()
    assert watch(tmp_path / "finnes-ikke" / "plan.docx", SETTINGS, RULESET, out) is None
    assert "finner ikke filen" in buffer.getvalue()


# --- with the real reader and matcher ---------------------------------------------------

def test_filling_an_outline_while_watching_reports_the_improvements(tmp_path: Path) -> None:
    """The planner's loop: outline on disk, watch running, sections written and saved."""
    from plansjekk.rules import load_ruleset

    ruleset = load_ruleset("bvl-15-1")
    from plansjekk.outline import build_outline
    from plansjekk.outline_docx import render_docx

    plan = tmp_path / "plan.docx"
    plan.write_bytes(render_docx(build_outline(ruleset, "Asker", "nb")))
    filled = tmp_path / "utfylt" / "plan.docx"
    filled.parent.mkdir()
    filled.write_bytes(plan.read_bytes())
    from tests import (
        test_outline,  # the planner's sample text and how it is written into an outline
    )

    test_outline._fill_docx(filled, "nb", ruleset)
    out, buffer = console()
    thread, returned = run_in_thread(lambda: watch(plan, SETTINGS, ruleset, out, max_checks=2,
                                                   debounce_ms=50))
    deadline = time.monotonic() + 30
    while "Første sjekk" not in buffer.getvalue() and time.monotonic() < deadline:
        time.sleep(0.05)
    while thread.is_alive() and time.monotonic() < deadline:
        plan.write_bytes(filled.read_bytes())
        thread.join(0.5)
    assert not thread.is_alive()
    text = buffer.getvalue()
    assert "▲ Mål og strategier for det forebyggende arbeidet: mangler → dekket" in text
    assert "Planen består: alle påkrevde krav er dekket." in text
    assert returned[0].passed
