"""A requirement's passages scored from per-block facts, and the units in evidence order.

A long plan gives a requirement about a thousand candidate passages; the verdict reads only
the best of them, the sections their supporting passages name, and the first few in evidence
order. So passages are scored without building a `Unit` each: every passage gets its base
score and a bound on its score from the aspects its blocks show (`scoring.window_bases`),
cheaply; its structure is weighed (`scoring.window_score`) only when the bound leaves the
score in question: for the best, a supporting passage or the passages of the score groups an
excerpt reads. A passage becomes a `Unit` (scored by `scoring.score_unit`, so with every
field the judgement or an excerpt reads) only when it is read.
"""

from __future__ import annotations

import heapq
import itertools
import math
import operator
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from plansjekk.matching.analysis import Analysis
from plansjekk.matching.scoring import Scoring, Unit, score_unit, window_bases, window_score
from plansjekk.matching.sections import passages
from plansjekk.rules.model import Thresholds

_ASPECT = operator.itemgetter(0)
_BOUND = operator.attrgetter("bound")

SECTION, PASSAGE, INVENTORY = 0, 1, 2
"""Where a unit comes from, in the order `judge` lists them (the last tie-break)."""


class Windows:
    """The passages (windows of blocks, in block order) of one requirement and their
    scores, each weighed when first asked for."""

    __slots__ = ("_bases", "_counts", "_scores", "_units", "blocks", "bounds", "scoring")

    def __init__(self, blocks: list[tuple[int, ...]], scoring: Scoring) -> None:
        self.blocks = blocks
        self.scoring = scoring
        self._bases = window_bases(blocks, scoring)
        self.bounds: list[float] = list(map(_BOUND, self._bases))
        """Per passage, the highest score it can have (its score is never above; it is
        above 0 exactly when the score is)."""
        self._scores: dict[int, float] = {}
        self._units: dict[int, Unit] = {}
        self._counts: dict[int, int] = {}
        """Block → its number of valid hits (`hit_count`, asked for every passage of a
        score band)."""

    @classmethod
    def around(cls, analysis: Analysis, blocks: set[int], scoring: Scoring) -> Windows:
        """The passages holding one of `blocks`."""
        return cls(passages(analysis, blocks), scoring)

    def score(self, number: int) -> float:
        """The score of passage `number` (`scoring.score_unit` of it as a `Unit`)."""
        found = self._scores.get(number)
        if found is None:
            found = self._scores[number] = window_score(
                self.blocks[number], self._bases[number], self.scoring
            )
        return found

    def best(self) -> int | None:
        """The number of the best passage: the highest score, the earliest blocks on a tie."""
        return first_best(self.bounds, self.score)

    def bound_groups(self) -> Iterator[tuple[float, list[int]]]:
        """(bound, numbers in order) of the passages that can score above 0, highest bound
        first (each group found when asked for)."""
        bounds = self.bounds
        for bound in sorted(set(bounds), reverse=True):
            if bound <= 0:
                break
            yield bound, list(itertools.compress(range(len(bounds)), map(bound.__eq__, bounds)))

    def unit(self, number: int) -> Unit:
        """Passage `number` as a scored `Unit` (built once)."""
        unit = self._units.get(number)
        if unit is None:
            blocks = self.blocks[number]
            by_block = self.scoring.by_block
            hits = [pair for block in blocks for pair in by_block.get(block, ())]
            unit = self._units[number] = Unit(blocks, frozenset(map(_ASPECT, hits)), hits)
            score_unit(unit, self.scoring)
        return unit

    def hit_count(self, number: int) -> int:
        """`len(self.unit(number).hits)` without building the unit."""
        counts = self._counts
        total = 0
        for block in self.blocks[number]:
            count = counts.get(block)
            if count is None:
                count = counts[block] = len(self.scoring.by_block.get(block, ()))
            total += count
        return total


_Key = tuple[int, bool, float, int, tuple[int, ...], int]
"""A unit's place in evidence order (`Ranked`): band, headless, score, hits, blocks, origin
(each negated where more comes first)."""


class Ranked(Sequence[Unit]):
    """The units scoring above 0 in evidence order: the units of the best status band first;
    inside a band, a section under a heading that names the topic before a passage
    elsewhere, then the higher score, then the unit with more matched words (the strongest
    excerpt first), then the earlier blocks, then sections before passages before
    inventories. Read lazily: an excerpt reads the first few only, so a passage enters the
    order only once its bound can reach the units read, and is weighed only when its bound
    would place it first (a passage's place by its bound is never after its place by its
    score)."""

    def __init__(
        self, fixed: list[tuple[int, Unit]], windows: Windows | None, thresholds: Thresholds
    ) -> None:
        self._fixed = fixed
        """(origin, unit) of the units built anyway: sections, inventories, and the
        passages of a document-scope requirement."""
        self._windows = windows
        self._thresholds = thresholds
        self._all: list[Unit] | None = None

    def _key(
        self, score: float, headless: bool, hits: int, blocks: tuple[int, ...], origin: int
    ) -> _Key:
        thresholds = self._thresholds
        band = 2 if score >= thresholds.covered else 1 if score >= thresholds.partial else 0
        return (-band, headless, -score, -hits, blocks, origin)

    def __iter__(self) -> Iterator[Unit]:
        # A heap of (key, tie-break, weighed, unit or passage number): a passage enters
        # keyed by its bound, all those of one bound at once, before the heap's first key
        # could fall behind that bound's; popped unweighed, it is weighed and keyed anew.
        heap: list[tuple[_Key, int, bool, Unit | int]] = [
            (self._key(u.score, u.heading is None, len(u.hits), u.blocks, origin), n, True, u)
            for n, (origin, u) in enumerate(self._fixed)
            if u.score > 0
        ]
        heapq.heapify(heap)
        windows = self._windows
        bounds = windows.bound_groups() if windows is not None else iter(())
        upcoming = next(bounds, None)
        while heap or upcoming is not None:
            if upcoming is not None and (
                not heap or heap[0][0][:3] >= self._key(upcoming[0], True, 0, (), 0)[:3]
            ):
                assert windows is not None
                heap.extend(self._entries(windows, *upcoming))
                heapq.heapify(heap)
                upcoming = next(bounds, None)
                continue
            key, tie, weighed, payload = heapq.heappop(heap)
            if isinstance(payload, Unit):
                yield payload
            elif weighed:
                yield windows.unit(payload)  # type: ignore[union-attr]
            else:
                score = windows.score(payload)  # type: ignore[union-attr]
                key = self._key(score, True, -key[3], key[4], PASSAGE)
                heapq.heappush(heap, (key, tie, True, payload))

    def _entries(
        self, windows: Windows, bound: float, numbers: list[int]
    ) -> Iterator[tuple[_Key, int, bool, int]]:
        """The heap entries of passages `numbers`, keyed by their `bound` (unweighed; tie-
        breaks after the fixed units', never compared: keys of different units differ)."""
        band, headless, score = self._key(bound, True, 0, (), 0)[:3]
        keys = zip(
            itertools.repeat(band),
            itertools.repeat(headless),
            itertools.repeat(score),
            map(operator.neg, map(windows.hit_count, numbers)),
            map(windows.blocks.__getitem__, numbers),
            itertools.repeat(PASSAGE),
        )
        ties = map(operator.add, numbers, itertools.repeat(len(self._fixed)))
        return zip(keys, ties, itertools.repeat(False), numbers)

    def _list(self) -> list[Unit]:
        if self._all is None:
            self._all = list(iter(self))  # (`list(self)` would ask `__len__` for a size hint)
        return self._all

    def __len__(self) -> int:
        return len(self._list())

    @overload
    def __getitem__(self, index: int) -> Unit: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Unit]: ...

    def __getitem__(self, index: int | slice) -> Unit | Sequence[Unit]:
        return self._list()[index]


def first_best(bounds: list[float], score: Callable[[int], float]) -> int | None:
    """`scores.index(max(scores))` for the scores `score` gives, each at most its bound in
    `bounds`, asking only for the scores that can be the highest: by bound, highest first,
    until the bounds fall below the best score found (in index order within a bound: the
    first whose score reaches its bound is the best of that bound). Most often the first
    passage of the highest bound reaches it: then it is the only one asked for."""
    if not bounds:
        return None
    highest = max(bounds)
    first = bounds.index(highest)
    if score(first) == highest:
        return first
    best, best_score = -1, -math.inf
    for bound in sorted(set(bounds), reverse=True):
        if bound < best_score:
            break
        for number in itertools.compress(range(len(bounds)), map(bound.__eq__, bounds)):
            found = score(number)
            if found > best_score or (found == best_score and number < best):
                best, best_score = number, found
            if found == bound:
                break
    return best
