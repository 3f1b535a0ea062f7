"""Checks documents one by one, in worker processes that can be killed when one hangs.

Why not `concurrent.futures.ProcessPoolExecutor`: it cannot stop one running task, and a
worker that dies (a native PDF library crashing on a hostile file) breaks the whole pool.
Here each worker is a process with its own pipe; a document that exceeds its time limit gets
its worker killed and replaced, a crashed worker becomes that document's error, and the rest
of the batch carries on. Workers receive a path and send back a small `DocumentResult`
(verdicts and excerpts, never the text). The largest files go first so the slowest document
does not start last.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from plansjekk.batch.municipality import detect_municipality, from_filename
from plansjekk.documents.model import ReadOptions
from plansjekk.errors import DocumentError, ErrorCode, error_message, exception_detail
from plansjekk.findings import DocumentError as ErrorInfo
from plansjekk.findings import DocumentResult
from plansjekk.i18n import Message
from plansjekk.policy import FailOn
from plansjekk.rules.model import Ruleset

PRELOAD = ("plansjekk.batch.workers", "plansjekk.documents", "plansjekk.matching")
"""Imported once in the fork server, so a new (or replacement) worker starts warm."""

_KILL_GRACE = 2.0


@dataclass(frozen=True, slots=True)
class JobContext:
    """Everything a worker needs besides the path; sent once per worker, not per document."""

    ruleset: Ruleset
    fail_on: FailOn
    read_options: ReadOptions = field(default_factory=ReadOptions)
    timeout: float = 0.0
    debug: bool = False


def error_result(
    path: str, code: ErrorCode, elapsed: float = 0.0, **params: object
) -> DocumentResult:
    """A document that could not be checked; its municipality still comes from the name."""
    message = error_message(code, path, **params)
    return DocumentResult(
        path=path,
        status="error",
        error=ErrorInfo(code.value, message),
        municipality=from_filename(path),
        seconds=elapsed,
    )


def check_file(path: str, context: JobContext) -> DocumentResult:
    """Reads and checks one file; never raises (every failure is that document's error)."""
    from plansjekk.documents import read_document

    started = time.perf_counter()
    try:
        document = read_document(path, context.read_options)
        from plansjekk.matching import check_document

        result = check_document(document, context.ruleset, context.fail_on)
        result = dataclasses.replace(
            result, path=path, municipality=detect_municipality(document, path)
        )
    except DocumentError as error:
        result = DocumentResult(
            path=path,
            status="error",
            error=ErrorInfo(error.code.value, error.message),
            municipality=from_filename(path),
        )
    except Exception as error:  # the contract: a bug becomes this document's error
        result = internal_error(path, error, context.debug)
    return dataclasses.replace(result, seconds=time.perf_counter() - started)


def internal_error(path: str, error: BaseException, debug: bool) -> DocumentResult:
    """`internal-error` naming the file; with --debug the traceback travels in the message."""
    params: dict[str, object] = {"detail": exception_detail(error)}
    if debug:
        params["traceback"] = "".join(traceback.format_exception(error))
    return error_result(path, ErrorCode.INTERNAL_ERROR, **params)


def largest_first(paths: list[str]) -> list[str]:
    """Big documents first: with several workers the batch then ends evenly."""

    def size(path: str) -> int:
        try:
            return os.path.getsize(path)
        except OSError:
            return 0

    return sorted(paths, key=size, reverse=True)


Checker = Callable[[str, JobContext], DocumentResult]
Notify = Callable[[str], None]


def run_in_process(
    paths: list[str],
    context: JobContext,
    checker: Checker = check_file,
    on_start: Notify | None = None,
) -> Iterator[DocumentResult]:
    """No workers, no time limit: for `--timeout 0` with one job (and debugging)."""
    for path in paths:
        if on_start:
            on_start(path)
        yield checker(path, context)


def _worker_main(conn: Connection, context: JobContext, checker: Checker) -> None:
    """A worker's loop: receive a path, send its result; None means stop.

    SIGINT is ignored here: Ctrl-C reaches the whole process group, and the parent decides
    what to keep and stops the workers itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        conn.send(checker(path, context))


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    path: str | None = None
    deadline: float = float("inf")


class WorkerPool:
    """`jobs` worker processes; `run` yields one result per path, in completion order."""

    def __init__(
        self,
        jobs: int,
        context: JobContext,
        checker: Checker = check_file,
        start_method: str | None = None,
    ) -> None:
        self.jobs = max(1, jobs)
        self.context = context
        self.checker = checker
        self.start_method = start_method
        self.workers: list[_Worker] = []

    def _spawn(self) -> _Worker:
        context = _mp_context(self.start_method)
        parent, child = context.Pipe(duplex=True)
        process = context.Process(
            target=_worker_main, args=(child, self.context, self.checker), daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        """Kills a worker (hung or crashed) and forgets it."""
        self.workers.remove(worker)
        _stop(worker, graceful=False)

    def run(self, paths: list[str], on_start: Notify | None = None) -> Iterator[DocumentResult]:
        queue = deque(largest_first(paths))
        try:
            for _ in range(min(self.jobs, len(queue))):
                self._spawn()
            while queue or any(w.path for w in self.workers):
                self._assign(queue, on_start)
                yield from self._collect()
        finally:
            self.close()

    def _assign(self, queue: deque[str], on_start: Notify | None) -> None:
        for worker in list(self.workers):
            if worker.path is None and queue:
                path = queue.popleft()
                try:
                    worker.conn.send(path)
                except OSError:  # died while idle: replace it and retry this path
                    queue.appendleft(path)
                    self._retire(worker)
                    self._spawn()
                    continue
                worker.path = path
                worker.deadline = (
                    time.monotonic() + self.context.timeout
                    if self.context.timeout > 0
                    else float("inf")
                )
                if on_start:
                    on_start(path)

    def _collect(self) -> Iterator[DocumentResult]:
        """Waits for the next result or the nearest deadline; handles crashes and hangs."""
        busy = [w for w in self.workers if w.path is not None]
        nearest = min(w.deadline for w in busy)
        wait_for = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
        ready = wait([w.conn for w in busy], timeout=wait_for)
        for worker in busy:
            path = worker.path
            assert path is not None
            if worker.conn in ready:
                try:
                    result = worker.conn.recv()
                except (EOFError, OSError):
                    yield self._crashed(worker, path)
                    continue
                worker.path, worker.deadline = None, float("inf")
                yield result
            elif time.monotonic() >= worker.deadline:
                self._retire(worker)
                self._spawn()
                limit = self.context.timeout
                yield error_result(path, ErrorCode.TIMEOUT, elapsed=limit, seconds=f"{limit:g}")

    def _crashed(self, worker: _Worker, path: str) -> DocumentResult:
        """The worker died mid-document (a native reader crash): the file is the suspect."""
        worker.process.join(0.5)
        exitcode = worker.process.exitcode
        self._retire(worker)
        self._spawn()
        detail = Message("detail.worker-exit", {"exitcode": exitcode})
        return error_result(path, ErrorCode.CORRUPT, detail=detail)

    def close(self) -> None:
        """Stops every worker: politely when idle, by force when busy (Ctrl-C, timeout)."""
        workers, self.workers = self.workers, []
        for worker in workers:
            _stop(worker, graceful=worker.path is None)


def _stop(worker: _Worker, graceful: bool) -> None:
    if graceful:
        with contextlib.suppress(OSError):
            worker.conn.send(None)
        worker.process.join(_KILL_GRACE)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(_KILL_GRACE)
    worker.conn.close()


def _mp_context(start_method: str | None) -> mp.context.BaseContext:
    """How a new worker starts, chosen when it starts. On Linux, while this process runs no
    other thread, a plain fork: the worker starts at once with everything imported and the
    ruleset in memory (a fork server first starts a new interpreter and imports plansjekk:
    ≈0.4 s that a planner checking one plan would wait for). Forking a process that runs
    another thread (the progress bar's) is unsafe, so then a fork server where available,
    preloaded so that a replacement worker is cheap; else spawn."""
    method = start_method or _default_start_method()
    context = mp.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(list(PRELOAD))
    return context


def _default_start_method() -> str:
    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1 and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"
