"""`plansjekk check --watch`: re-check a plan every time the planner saves it.

The planner keeps Word open and a terminal beside it; each save redraws one compact view
(requirements, status, score, what changed since the last save) in place with rich.live, so
the screen does not scroll or flicker. Word saves in steps (temporary file, delete, rename)
and may leave the file half-written or locked for a moment: a failed read is shown as
"venter på at filen blir ferdig lagret" and retried with a short backoff, never a crash.
Word's `~$` lock files and every other file in the folder are ignored.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import watchfiles
from rich.console import Console, Group, RenderableType
from rich.live import Live
from rich.table import Table
from rich.text import Text

from plansjekk.advice import short_advice
from plansjekk.errors import ErrorCode, error_text
from plansjekk.findings import DocumentResult, RequirementResult
from plansjekk.i18n import Lang, t
from plansjekk.rules.model import Ruleset, Status, pick
from plansjekk.settings import Settings

Checker = Callable[[Path], DocumentResult]
"""Reads and checks one file; raises (or returns status "error") when it cannot be read."""

RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0)
"""Seconds between read attempts after a save: Word usually finishes within a second."""

DEBOUNCE_MS = 400
"""Events closer than this form one save (Word writes, deletes and renames in a burst)."""

LOCK_PREFIXES = ("~$", ".~lock.", "~wrl")
"""Word's owner files (~$plan.docx), LibreOffice's locks, Word's temporary save files."""

_FIXED_COLUMNS = 66
"""Width of symbol, requirement (max 42), status, score and the padding between columns."""

_RANK = {Status.MISSING: 0, Status.PARTIAL: 1, Status.COVERED: 2}
_STYLE = {Status.COVERED: "green", Status.PARTIAL: "yellow", Status.MISSING: "red"}
_SYMBOL = {Status.COVERED: "✔", Status.PARTIAL: "◐", Status.MISSING: "✘"}


class StopEvent(Protocol):
    """What `watch` needs of a stop signal (a `threading.Event` fits)."""

    def is_set(self) -> bool: ...

    def wait(self, timeout: float | None = None) -> bool: ...


@dataclass(frozen=True, slots=True)
class Change:
    """One requirement whose status differs from the previous check."""

    requirement_id: str
    before: Status | None
    after: Status

    @property
    def improved(self) -> bool:
        return self.before is None or _RANK[self.after] > _RANK[self.before]


@dataclass(slots=True)
class WatchState:
    """What the view shows; updated after every check attempt."""

    result: DocumentResult | None = None
    changes: tuple[Change, ...] = ()
    checks: int = 0
    checked_at: datetime.datetime | None = None
    waiting: bool = False
    gave_up: bool = False
    """Every retry failed: wait for the next save rather than poll a broken file."""
    error: str | None = None
    history: list[tuple[Change, ...]] = field(default_factory=list)
    """The changes of every check after the first (tests and callers read this)."""


def watch(
    path: str | Path,
    settings: Settings,
    ruleset: Ruleset,
    console: Console,
    *,
    stop_event: StopEvent | None = None,
    max_checks: int | None = None,
    check: Checker | None = None,
    retry_delays: tuple[float, ...] = RETRY_DELAYS,
    debounce_ms: int = DEBOUNCE_MS,
) -> DocumentResult | None:
    """Checks `path` now and after every save until Ctrl-C, `stop_event` or `max_checks`.

    Returns the last successful result (None if the file could never be read), so the caller
    can set an exit code. `check` replaces the read-and-match pipeline (tests, batch).
    """
    target = Path(path).absolute()
    lang = settings.lang
    if not target.parent.is_dir():
        console.print(error_text(ErrorCode.NOT_FOUND, lang, path=str(path), detail=""))
        return None
    checker = check or pipeline_checker(settings, ruleset)
    stop = stop_event or threading.Event()
    state = WatchState()
    view = _View(target, ruleset, lang, console.width)
    try:
        with _display(console) as show:
            _check_until_read(target, checker, state, show, view, stop, retry_delays)
            if not _done(state, max_checks, stop):
                for _changes in watchfiles.watch(
                    target.parent, watch_filter=_only(target), stop_event=stop,
                    debounce=debounce_ms, recursive=False, raise_interrupt=True,
                ):
                    _check_until_read(target, checker, state, show, view, stop, retry_delays)
                    if _done(state, max_checks, stop):
                        break
    except KeyboardInterrupt:
        pass
    console.print(Text(t("planner.watch.stopped", lang, file=target.name), style="dim"))
    return state.result


def pipeline_checker(settings: Settings, ruleset: Ruleset) -> Checker:
    """The real pipeline: read the file, match it against the ruleset."""

    def run(target: Path) -> DocumentResult:
        from plansjekk.documents import ReadOptions, read_document
        from plansjekk.matching import check_document

        options = ReadOptions(max_pages=settings.max_pages, max_mb=settings.max_mb,
                              ocr=settings.ocr)
        return check_document(read_document(target, options), ruleset, settings.fail_on)

    return run


def diff(previous: DocumentResult | None, current: DocumentResult) -> tuple[Change, ...]:
    """Requirements whose status changed since `previous` (nothing on the first check)."""
    if previous is None:
        return ()
    before = {r.id: r.status for r in previous.requirements}
    return tuple(
        Change(r.id, before.get(r.id), r.status)
        for r in current.requirements
        if before.get(r.id) is not r.status
    )


def is_lock_file(name: str) -> bool:
    return name.casefold().startswith(LOCK_PREFIXES)


def _only(target: Path) -> Callable[[watchfiles.Change, str], bool]:
    """Events for the watched file itself; saves of other files and lock files are noise."""
    name = target.name

    def accept(_change: watchfiles.Change, changed: str) -> bool:
        changed_name = Path(changed).name
        return changed_name == name and not is_lock_file(changed_name)

    return accept


def _done(state: WatchState, max_checks: int | None, stop: StopEvent) -> bool:
    return stop.is_set() or (max_checks is not None and state.checks >= max_checks)


def _check_until_read(
    target: Path,
    checker: Checker,
    state: WatchState,
    show: Callable[[RenderableType], None],
    view: _View,
    stop: StopEvent,
    delays: tuple[float, ...],
) -> None:
    """One check after a save, retried while the file is half-written or locked."""
    for attempt, delay in enumerate((0.0, *delays)):
        if attempt and stop.wait(delay):
            return
        try:
            result = checker(target)
        except Exception as error:  # any read failure while Word saves: wait and retry
            _wait(state, f"{type(error).__name__}: {error}", show, view)
            continue
        if result.status == "error":
            detail = result.error.message.render(view.lang) if result.error else "error"
            _wait(state, detail, show, view)
            continue
        _record(state, result)
        show(view.render(state))
        return
    state.gave_up = True
    show(view.render(state))


def _wait(state: WatchState, detail: str, show: Callable[[RenderableType], None],
          view: _View) -> None:
    """Shows the waiting line once per save; retries in between stay quiet (a piped log
    would otherwise repeat the whole view for every attempt)."""
    already = state.waiting and not state.gave_up
    state.waiting = True
    state.gave_up = False
    state.error = detail[:200]
    if not already:
        show(view.render(state))


def _record(state: WatchState, result: DocumentResult) -> None:
    state.changes = diff(state.result, result)
    if state.result is not None:
        state.history.append(state.changes)
    state.result = result
    state.checks += 1
    state.checked_at = datetime.datetime.now()
    state.waiting = False
    state.gave_up = False
    state.error = None


@contextmanager
def _display(console: Console) -> Iterator[Callable[[RenderableType], None]]:
    """Redraws in place on a terminal; prints each view in turn when piped (logs, CI)."""
    if not console.is_terminal:
        yield console.print
        return
    with Live(console=console, auto_refresh=False, transient=False,
              redirect_stdout=False, redirect_stderr=False) as live:
        yield lambda renderable: live.update(renderable, refresh=True)


@dataclass(frozen=True, slots=True)
class _View:
    """Builds the compact view; the text is the tool's language, titles the plan's målform."""

    target: Path
    ruleset: Ruleset
    lang: Lang
    width: int = 100
    """Console width: the advice column gets what the fixed columns leave."""

    def render(self, state: WatchState) -> RenderableType:
        parts: list[RenderableType] = [
            Text(t("planner.watch.header", self.lang, file=self.target.name), style="dim")
        ]
        if state.result is not None:
            parts += [self._table(state.result), self._summary(state.result)]
            parts += self._changes(state)
        parts.append(self._footer(state))
        return Group(*parts)

    def _title_lang(self, result: DocumentResult) -> Lang:
        return "nn" if result.language == "nn" and self.lang != "en" else self.lang

    def _title(self, requirement_id: str, result: DocumentResult) -> str:
        requirement = self.ruleset.get(requirement_id)
        if requirement is None:
            return requirement_id
        return pick(requirement.title, self._title_lang(result))

    def _table(self, result: DocumentResult) -> Table:
        table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
        table.add_column("")
        table.add_column(t("planner.watch.column.requirement", self.lang), no_wrap=True,
                         overflow="ellipsis", max_width=42)
        table.add_column(t("planner.watch.column.status", self.lang), no_wrap=True)
        table.add_column(t("planner.watch.column.score", self.lang), justify="right")
        table.add_column(t("planner.watch.column.advice", self.lang), no_wrap=True)
        for item in result.requirements:
            style = _STYLE[item.status]
            table.add_row(
                Text(_SYMBOL[item.status], style=style),
                self._title(item.id, result),
                Text(t(f"report.status.{item.status.value}", self.lang), style=style),
                f"{item.score:.2f}",
                self._advice_cell(item),
            )
        return table

    def _advice_cell(self, item: RequirementResult) -> Text:
        """Truncated here: a no_wrap column wider than the screen makes rich squeeze the
        status columns to nothing."""
        requirement = self.ruleset.get(item.id)
        advice = short_advice(item, requirement, self.lang) if requirement else ""
        text = Text(advice, style="dim")
        text.truncate(max(10, self.width - _FIXED_COLUMNS), overflow="ellipsis")
        return text

    def _summary(self, result: DocumentResult) -> Text:
        counts = " · ".join(
            f"{result.count(status)} {t(f'report.status.{status.value}', self.lang)}"
            for status in (Status.COVERED, Status.PARTIAL, Status.MISSING)
        )
        scores = [r.score for r in result.requirements]
        overall = sum(scores) / len(scores) if scores else 0.0
        verdict = "planner.watch.passed" if result.passed else "planner.watch.failed"
        text = Text(f"{counts} · {t('planner.watch.summary', self.lang, score=f'{overall:.2f}')}"
                    " · ")
        text.append(t(verdict, self.lang), style="bold green" if result.passed else "bold")
        return text

    def _changes(self, state: WatchState) -> list[RenderableType]:
        assert state.result is not None
        if state.checks <= 1:
            return [Text(t("planner.watch.first", self.lang), style="dim")]
        if not state.changes:
            return [Text(t("planner.watch.no_changes", self.lang), style="dim")]
        lines: list[RenderableType] = [Text(t("planner.watch.changes", self.lang))]
        for change in state.changes:
            lines.append(self._change_line(change, state.result))
        return lines

    def _change_line(self, change: Change, result: DocumentResult) -> Text:
        before = (t(f"report.status.{change.before.value}", self.lang)
                  if change.before is not None else "–")
        after = t(f"report.status.{change.after.value}", self.lang)
        arrow, style = ("▲", "green") if change.improved else ("▼", "red")
        return Text(f"  {arrow} {self._title(change.requirement_id, result)}: "
                    f"{before} → {after}", style=style)

    def _footer(self, state: WatchState) -> Text:
        if state.gave_up:
            return Text(t("planner.watch.still_failing", self.lang, detail=state.error),
                        style="bold yellow")
        if state.waiting:
            text = Text(t("planner.watch.waiting", self.lang), style="bold yellow")
            if state.error:
                text.append(f"  ({state.error})", style="dim")
            return text
        time = state.checked_at.strftime("%H:%M:%S") if state.checked_at else "–"
        return Text(t("planner.watch.checked_at", self.lang, time=time, count=state.checks),
                    style="dim")
