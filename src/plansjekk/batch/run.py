"""`check_paths`: the whole batch, from the paths a user typed to one `Run`.

Order of work: discover files, serve what the cache knows (in this process, so a warm run
starts no worker at all), check the rest in workers, store the new results. Ctrl-C keeps
what is finished: the `Run` is then partial and the observer is told so.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from plansjekk import __version__
from plansjekk.batch.cache import ResultCache, code_fingerprint, context_digest, file_digest
from plansjekk.batch.discovery import discover
from plansjekk.batch.progress import ProgressObserver
from plansjekk.batch.workers import (
    Checker,
    JobContext,
    WorkerPool,
    check_file,
    error_result,
    run_in_process,
)
from plansjekk.documents.model import ReadOptions
from plansjekk.errors import ErrorCode
from plansjekk.findings import DocumentResult, RulesetInfo, Run
from plansjekk.rules.model import Ruleset
from plansjekk.settings import Settings


def check_paths(
    settings: Settings,
    ruleset: Ruleset,
    observer: ProgressObserver | None = None,
    *,
    debug: bool = False,
    checker: Checker = check_file,
    start_method: str | None = None,
) -> Run:
    """Checks every plan under `settings.paths`; never raises for a user's input.

    `checker` and `start_method` exist for tests (a fake reader, "fork" so it is inherited).
    """
    observer = observer or ProgressObserver()
    found = discover(settings.paths)
    context = job_context(settings, ruleset, debug)
    cache = ResultCache(cache_context(context)) if settings.cache else None
    results: dict[str, DocumentResult] = {}
    observer.started(len(found.files) + len(found.missing))
    interrupted = False
    try:
        for path in found.missing:
            _done(results, observer, error_result(path, ErrorCode.NOT_FOUND, detail=""))
        digests, todo = _serve_cached(found.files, cache, results, observer)
        for result in _check(todo, context, settings.jobs, checker, start_method, observer):
            if cache is not None and result.path in digests:
                cache.put(digests[result.path], result)
            _done(results, observer, result)
    except KeyboardInterrupt:
        interrupted = True
    order = [*found.files, *found.missing]
    run = Run(
        tool_version=__version__,
        ruleset=ruleset_info(ruleset),
        documents=tuple(results[p] for p in order if p in results),
        skipped=found.skipped,
        fail_on=settings.fail_on.value,
        interrupted=interrupted,
    )
    observer.finished(run, interrupted)
    return run


def job_context(settings: Settings, ruleset: Ruleset, debug: bool = False) -> JobContext:
    return JobContext(
        ruleset=ruleset,
        fail_on=settings.fail_on,
        read_options=ReadOptions(
            max_pages=settings.max_pages, max_mb=settings.max_mb, ocr=settings.ocr
        ),
        timeout=settings.timeout,
        debug=debug,
    )


def cache_context(context: JobContext) -> str:
    """What besides the file decides a result: ruleset, tool version, reading options and
    the threshold (it decides `passed`)."""
    return context_digest(
        __version__,
        code_fingerprint(),
        context.ruleset,
        context.read_options,
        context.fail_on.value,
    )


def ruleset_info(ruleset: Ruleset) -> RulesetInfo:
    return RulesetInfo(
        id=ruleset.id, version=ruleset.version, path=ruleset.path, title=dict(ruleset.title)
    )


def _done(
    results: dict[str, DocumentResult], observer: ProgressObserver, result: DocumentResult
) -> None:
    results[result.path] = result
    observer.document_done(result)


def _serve_cached(
    files: tuple[str, ...],
    cache: ResultCache | None,
    results: dict[str, DocumentResult],
    observer: ProgressObserver,
) -> tuple[dict[str, str], list[str]]:
    """Cache hits go straight to `results`; returns the digests and the paths still to check."""
    if cache is None:
        return {}, list(files)
    digests: dict[str, str] = {}
    todo: list[str] = []
    for path in files:
        try:
            digest = file_digest(path)
        except OSError:  # unreadable: the reader will say why
            todo.append(path)
            continue
        digests[path] = digest
        hit = cache.get(digest, path)
        if hit is None:
            todo.append(path)
        else:
            _done(results, observer, hit)
    return digests, todo


def _check(
    paths: list[str],
    context: JobContext,
    jobs: int,
    checker: Checker,
    start_method: str | None,
    observer: ProgressObserver,
) -> Iterator[DocumentResult]:
    """In-process when there is one job and no time limit; otherwise killable workers
    (with one job too, so a hanging document is still stopped)."""
    if not paths:
        return iter(())
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    if jobs == 1 and context.timeout <= 0:
        return run_in_process(paths, context, checker, observer.document_started)
    pool = WorkerPool(min(jobs, len(paths)), context, checker, start_method)
    return pool.run(paths, observer.document_started)
