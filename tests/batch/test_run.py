"""check_paths end to end with the fake matcher: errors per document, time limits, crashes,
the cache, progress events and Ctrl-C."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from plansjekk.batch import ProgressObserver, check_paths, workers
from plansjekk.batch import run as batch_run
from plansjekk.findings import DocumentResult, RulesetInfo, Run
from plansjekk.settings import Settings
from tests.batch.conftest import make_ruleset, replace_text

pytestmark = pytest.mark.usefixtures("fakes")


def plans(root: Path, **texts: str) -> Path:
    for name, text in texts.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


def settings_for(*paths: Path | str, **options: object) -> Settings:
    return Settings(paths=tuple(str(p) for p in paths), **options)  # type: ignore[arg-type]


def by_name(run: Run) -> dict[str, DocumentResult]:
    return {Path(d.path).stem: d for d in run.documents}


class Recorder(ProgressObserver):
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def started(self, total: int) -> None:
        self.events.append(("started", total))

    def document_started(self, path: str) -> None:
        self.events.append(("reading", Path(path).stem))

    def document_done(self, result: DocumentResult) -> None:
        self.events.append(("done", Path(result.path).stem))

    def finished(self, run: Run, interrupted: bool = False) -> None:
        self.events.append(("finished", interrupted))


def explicit(folder: Path) -> list[Path]:
    """Text files count as plans only when named, so tests name them."""
    return sorted(folder.glob("*.txt"))


def test_one_broken_file_does_not_stop_the_batch(tmp_path: Path, ruleset) -> None:
    plans(tmp_path, asker="Asker kommune\n\ndekket", tom="", feil="BOOM")
    missing = tmp_path / "borte.pdf"
    settings = settings_for(*explicit(tmp_path), missing, timeout=0, jobs=1)
    run = check_paths(settings, ruleset, debug=True)
    docs = by_name(run)
    assert docs["asker"].status == "ok" and docs["asker"].passed
    assert docs["asker"].municipality == "Asker kommune"
    assert docs["tom"].error is not None and docs["tom"].error.code == "empty"
    assert docs["feil"].error is not None and docs["feil"].error.code == "internal-error"
    assert "simulated bug" in docs["feil"].error.message.render("en")
    assert "traceback" in docs["feil"].error.message.params
    assert docs["borte"].error is not None and docs["borte"].error.code == "not-found"
    assert run.has_errors and not run.passed


def test_results_keep_discovery_order_not_completion_order(tmp_path: Path, ruleset) -> None:
    plans(tmp_path, b="dekket", a="dekket " * 500, c="x")
    run = check_paths(
        settings_for(*explicit(tmp_path), jobs=2, timeout=30), ruleset, start_method="fork"
    )
    assert [Path(d.path).stem for d in run.documents] == ["a", "b", "c"]


def test_a_hanging_document_becomes_a_timeout_and_the_rest_carries_on(
    tmp_path: Path, ruleset
) -> None:
    plans(tmp_path, heng="HANG", asker="dekket", bodo="dekket")
    settings = settings_for(*explicit(tmp_path), jobs=2, timeout=1.5)
    run = check_paths(settings, ruleset, start_method="fork")
    docs = by_name(run)
    assert docs["heng"].error is not None and docs["heng"].error.code == "timeout"
    assert "1.5" in docs["heng"].error.message.render("nb")
    assert docs["asker"].passed and docs["bodo"].passed


def test_with_one_job_a_hanging_document_is_still_stopped(tmp_path: Path, ruleset) -> None:
    plans(tmp_path, a_heng="HANG", b_ok="dekket")
    run = check_paths(
        settings_for(*explicit(tmp_path), jobs=1, timeout=1), ruleset, start_method="fork"
    )
    docs = by_name(run)
    assert docs["a_heng"].error is not None and docs["a_heng"].error.code == "timeout"
    assert docs["b_ok"].passed


def test_a_crashing_worker_is_replaced(tmp_path: Path, ruleset) -> None:
    plans(tmp_path, krasj="CRASH", a="dekket", b="dekket", c="dekket")
    run = check_paths(
        settings_for(*explicit(tmp_path), jobs=1, timeout=30), ruleset, start_method="fork"
    )
    docs = by_name(run)
    assert docs["krasj"].error is not None and docs["krasj"].error.code == "corrupt"
    message = docs["krasj"].error.message
    assert "arbeidsprosessen stoppet" in message.render("nb")
    assert "worker process stopped" in message.render("en")
    assert all(docs[n].passed for n in "abc")


def test_cache_serves_unchanged_files_and_rereads_a_changed_one(tmp_path: Path) -> None:
    plans(tmp_path, asker="dekket", vestby="dekket", voss="ikke")
    settings = settings_for(*explicit(tmp_path), timeout=0, jobs=1)
    first = check_paths(settings, make_ruleset())
    assert not any(d.cached for d in first.documents)
    replace_text(tmp_path / "voss.txt", "nå dekket")
    second = by_name(check_paths(settings, make_ruleset()))
    assert second["asker"].cached and second["vestby"].cached
    assert not second["voss"].cached and second["voss"].passed


def test_cache_is_invalidated_by_another_ruleset_and_off_with_no_cache(tmp_path: Path) -> None:
    plans(tmp_path, asker="dekket")
    settings = settings_for(*explicit(tmp_path), timeout=0, jobs=1)
    check_paths(settings, make_ruleset("1"))
    assert check_paths(settings, make_ruleset("1")).documents[0].cached
    assert not check_paths(settings, make_ruleset("2")).documents[0].cached
    no_cache = dataclasses.replace(settings, cache=False)
    assert not check_paths(no_cache, make_ruleset("1")).documents[0].cached


def test_a_cache_hit_under_another_name_carries_the_new_path(tmp_path: Path, ruleset) -> None:
    plans(tmp_path, a="dekket")
    check_paths(settings_for(tmp_path / "a.txt", timeout=0, jobs=1), ruleset)
    (tmp_path / "b.txt").write_text("dekket", encoding="utf-8")
    run = check_paths(settings_for(tmp_path / "b.txt", timeout=0, jobs=1), ruleset)
    assert run.documents[0].cached and run.documents[0].path == str(tmp_path / "b.txt")


def test_timeouts_are_not_cached(tmp_path: Path, ruleset) -> None:
    plans(tmp_path, heng="HANG")
    settings = settings_for(*explicit(tmp_path), jobs=1, timeout=1)
    check_paths(settings, ruleset, start_method="fork")
    (tmp_path / "heng.txt").write_text("HANG", encoding="utf-8")
    run = check_paths(settings, ruleset, start_method="fork")
    assert not run.documents[0].cached


def test_progress_events(tmp_path: Path, ruleset) -> None:
    plans(tmp_path, a="dekket", b="x")
    recorder = Recorder()
    check_paths(settings_for(*explicit(tmp_path), timeout=0, jobs=1), ruleset, recorder)
    assert recorder.events == [
        ("started", 2),
        ("reading", "a"),
        ("done", "a"),
        ("reading", "b"),
        ("done", "b"),
        ("finished", False),
    ]


def test_ctrl_c_keeps_what_is_finished(
    tmp_path: Path, ruleset, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans(tmp_path, a="dekket", b="dekket", c="dekket")
    real = batch_run.run_in_process

    def interrupted_after_one(*args, **kwargs):
        results = real(*args, **kwargs)
        yield next(results)
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_run, "run_in_process", interrupted_after_one)
    recorder = Recorder()
    run = check_paths(settings_for(*explicit(tmp_path), timeout=0, jobs=1), ruleset, recorder)
    assert run.interrupted and len(run.documents) == 1
    assert recorder.events[-1] == ("finished", True)


def test_skipped_files_are_in_the_run(tmp_path: Path, ruleset) -> None:
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    (tmp_path / "plan.pdf").write_bytes(b"")
    run = check_paths(settings_for(tmp_path, timeout=0, jobs=1), ruleset)
    assert run.skipped == (str(tmp_path / "logo.png"),)
    assert run.documents[0].error is not None and run.documents[0].error.code == "empty"


@pytest.mark.parametrize("other_thread", [False, True], ids=["forked", "fork-server"])
def test_default_worker_processes_report_reader_errors(
    tmp_path: Path, ruleset, other_thread: bool
) -> None:
    """The production start methods, with the real reader's early checks: a plain fork
    while nothing else runs, a fork server while another thread (a progress bar's) does."""
    (tmp_path / "tom.pdf").write_bytes(b"")
    (tmp_path / "bilde.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait) if other_thread else None
    if thread is not None:
        thread.start()
    try:
        forks = sys.platform.startswith("linux") and not other_thread
        expected = "fork" if forks else "forkserver"
        assert workers._default_start_method() == expected
        run = check_paths(settings_for(tmp_path, jobs=2, timeout=60, cache=False), ruleset)
    finally:
        stop.set()
        if thread is not None:
            thread.join()
    codes = {Path(d.path).name: d.error.code for d in run.documents if d.error}
    assert codes == {"bilde.pdf": "unsupported-format", "tom.pdf": "empty"}
    image = next(d for d in run.documents if d.path.endswith("bilde.pdf"))
    assert image.error is not None
    assert "(binary file)" in image.error.message.render("en"), "the detail travels as a key"
    assert "(binærfil)" in image.error.message.render("nb")


def test_the_progress_bar_waits_for_the_first_document(tmp_path: Path) -> None:
    """Its refresh thread starts after the workers, so they can be forked."""
    from rich.console import Console

    from plansjekk.batch import RichProgress

    progress = RichProgress(Console(file=io.StringIO(), force_terminal=True))
    before = threading.active_count()
    progress.started(2)
    assert threading.active_count() == before and progress.task is None
    progress.document_started(str(tmp_path / "a.pdf"))
    assert progress.task is not None and progress.progress.live.is_started
    assert progress.progress.tasks[0].total == 2
    progress.finished(Run(tool_version="t", ruleset=RulesetInfo("r", "1", "r.yaml"), documents=()))
    assert not progress.progress.live.is_started


def test_a_forked_worker_does_not_repeat_what_was_printed_before_it(tmp_path: Path) -> None:
    """Output still buffered when a worker is forked is written once, not once more when
    the worker ends."""
    (tmp_path / "tom.pdf").write_bytes(b"")
    code = (
        "import sys\n"
        "from plansjekk.batch import check_paths\n"
        "from plansjekk.rules import load_ruleset\n"
        "from plansjekk.settings import Settings\n"
        "print('before', end='')\n"
        f"settings = Settings(paths=({str(tmp_path)!r},), jobs=1, timeout=60, cache=False)\n"
        "run = check_paths(settings, load_ruleset('bvl-15-1'))\n"
        "print(' after', run.documents[0].error.code)\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == "before after empty\n"
