"""Progress as an observer injected by the caller, so library code never prints.

The batch calls `started`, `document_started`, `document_done` and `finished`; the CLI passes
`RichProgress` on a terminal and nothing otherwise (CI logs stay clean). Tests pass a
recording observer.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from plansjekk.findings import DocumentResult, Run
from plansjekk.i18n import DEFAULT_LANG, Lang, t

if TYPE_CHECKING:
    from rich.console import Console


class ProgressObserver:
    """No-op base: subclasses override what they show."""

    def started(self, total: int) -> None:
        """`total` documents will be reported through `document_done` (cache hits too)."""

    def document_started(self, path: str) -> None:
        """A worker began reading `path`."""

    def document_done(self, result: DocumentResult) -> None:
        """One document finished (checked, served from the cache, or failed)."""

    def finished(self, run: Run, interrupted: bool = False) -> None:
        """The batch ended; `interrupted` when Ctrl-C stopped it early (run is partial)."""


class RichProgress(ProgressObserver):
    """A progress bar on stderr: file being read, done/total, elapsed and remaining time."""

    def __init__(self, console: Console, lang: Lang = DEFAULT_LANG) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.lang = lang
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            TextColumn("[dim]{task.fields[current]}"),
            console=console,
            transient=True,
        )
        self.task = None
        self.total = 0
        self.reading: list[str] = []

    def started(self, total: int) -> None:
        """The bar appears with the first document, not here: its refresh thread must not
        run yet when the batch starts its workers (a worker is then forked, which is
        quick but unsafe next to a running thread; see `workers._mp_context`)."""
        self.total = total

    def _show(self) -> None:
        if self.task is None:
            self.progress.start()
            self.task = self.progress.add_task(
                t("batch.progress.checking", self.lang), total=self.total, current=""
            )

    def document_started(self, path: str) -> None:
        self._show()
        self.reading.append(path)
        self._show_current()

    def document_done(self, result: DocumentResult) -> None:
        self._show()
        if result.path in self.reading:
            self.reading.remove(result.path)
        if self.task is not None:
            self.progress.advance(self.task)
        self._show_current()

    def _show_current(self) -> None:
        if self.task is not None:
            current = ", ".join(Path(p).name for p in self.reading[-2:])
            self.progress.update(self.task, current=current)

    def finished(self, run: Run, interrupted: bool = False) -> None:
        self.progress.stop()
