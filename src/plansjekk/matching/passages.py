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

import itertools
import math
import operator
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from plansjekk.matching.analysis import Analysis
from plansjekk.matching.scoring import Scoring, Unit, score_unit, window_bases, window_score
from plansjekk.matching.sections import passages
from plansjekk.rules.model import Thresholds

_ASPECT = operator.itemgetter(0)
_BOUND = operator.attrgetter("bound")
_ORDER = operator.itemgetter(0, 1, 2)
"""An evidence entry's order inside its band and score: more hits, earlier blocks, origin."""

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

    def groups(self) -> Iterator[tuple[float, list[int]]]:
        """(score, numbers) of the passages scoring above 0, by score, highest first."""
        return score_groups(self.bounds, self.score)

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


class Ranked(Sequence[Unit]):
    """The units scoring above 0 in evidence order: the units of the best status band first;
    inside a band, a section under a heading that names the topic before a passage
    elsewhere, then the higher score, then the unit with more matched words (the strongest
    excerpt first), then the earlier blocks, then sections before passages before
    inventories. Read lazily, score by score: an excerpt reads the first few only."""

    def __init__(
        self, fixed: list[tuple[int, Unit]], windows: Windows | None, thresholds: Thresholds
    ) -> None:
        self._fixed = fixed
        """(origin, unit) of the units built anyway: sections, inventories, and the
        passages of a document-scope requirement."""
        self._windows = windows
        self._thresholds = thresholds
        self._all: list[Unit] | None = None

    def _band(self, score: float) -> int:
        thresholds = self._thresholds
        return 2 if score >= thresholds.covered else 1 if score >= thresholds.partial else 0

    def __iter__(self) -> Iterator[Unit]:
        groups: dict[tuple[int, bool, float], list[tuple[int, tuple[int, ...], int, object]]]
        groups = defaultdict(list)
        for origin, unit in self._fixed:
            if unit.score > 0:
                key = (-self._band(unit.score), unit.heading is None, -unit.score)
                groups[key].append((-len(unit.hits), unit.blocks, origin, unit))
        # the passages' groups come score by score (a passage has no heading), in key order
        windows = self._windows
        passages = (
            (((-self._band(score), True, -score), numbers) for score, numbers in windows.groups())
            if windows is not None
            else iter(())
        )
        upcoming = next(passages, None)
        for key in sorted(groups):
            while upcoming is not None and upcoming[0] < key:
                yield from self._group([], upcoming[1])
                upcoming = next(passages, None)
            numbers: list[int] = []
            if upcoming is not None and upcoming[0] == key:
                numbers = upcoming[1]
                upcoming = next(passages, None)
            yield from self._group(groups[key], numbers)
        while upcoming is not None:
            yield from self._group([], upcoming[1])
            upcoming = next(passages, None)

    def _group(
        self, entries: list[tuple[int, tuple[int, ...], int, object]], numbers: list[int]
    ) -> Iterator[Unit]:
        """The units of one key: `entries` of the fixed units and passages `numbers`."""
        windows = self._windows
        if numbers:
            assert windows is not None
            for number in numbers:
                entries.append(
                    (-windows.hit_count(number), windows.blocks[number], PASSAGE, number)
                )
        entries.sort(key=_ORDER)
        for entry in entries:
            payload = entry[3]
            yield payload if isinstance(payload, Unit) else windows.unit(payload)  # type: ignore[union-attr,arg-type]

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
    first whose score reaches its bound is the best of that bound)."""
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
    return best if best >= 0 else None


def score_groups(
    bounds: list[float], score: Callable[[int], float]
) -> Iterator[tuple[float, list[int]]]:
    """(score, numbers) of the scores above 0 that `score` gives, each at most its bound in
    `bounds`, highest score first; a score is asked for only when its bound is reached, and
    a group is complete once no bound left can reach its score. The numbers of a group are
    in no particular order."""
    found: dict[float, list[int]] = defaultdict(list)
    for bound in sorted({bound for bound in bounds if bound > 0}, reverse=True):
        while found and max(found) > bound:
            highest = max(found)
            yield highest, found.pop(highest)
        for number in itertools.compress(range(len(bounds)), map(bound.__eq__, bounds)):
            found[score(number)].append(number)
    while found:
        highest = max(found)
        yield highest, found.pop(highest)
