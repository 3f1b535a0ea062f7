"""A requirement's passages scored from per-block facts, and the units in evidence order.

A long plan gives a requirement about a thousand candidate passages; the verdict reads only
the best of them, the sections their supporting passages name, and the first few in evidence
order. So passages are scored without building a `Unit` each (`scoring.score_window`), and a
passage becomes a `Unit` (scored by `scoring.score_unit`, so with every field the judgement
or an excerpt reads) only when it is read.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import overload

from plansjekk.matching.analysis import Analysis
from plansjekk.matching.scoring import Scoring, Unit, score_unit, score_windows
from plansjekk.matching.sections import passages
from plansjekk.rules.model import Thresholds

_ASPECT = operator.itemgetter(0)
_ORDER = operator.itemgetter(0, 1, 2)
"""An evidence entry's order inside its band and score: more hits, earlier blocks, origin."""

SECTION, PASSAGE, INVENTORY = 0, 1, 2
"""Where a unit comes from, in the order `judge` lists them (the last tie-break)."""


class Windows:
    """The passages (windows of blocks, in block order) of one requirement and their
    scores."""

    __slots__ = ("_counts", "_units", "blocks", "scores", "scoring")

    def __init__(self, blocks: list[tuple[int, ...]], scoring: Scoring) -> None:
        self.blocks = blocks
        self.scoring = scoring
        self.scores = score_windows(blocks, scoring)
        self._units: dict[int, Unit] = {}
        self._counts: dict[int, int] = {}
        """Block → its number of valid hits (`hit_count`, asked for every passage of a
        score band)."""

    @classmethod
    def around(cls, analysis: Analysis, blocks: set[int], scoring: Scoring) -> Windows:
        """The passages holding one of `blocks`."""
        return cls(passages(analysis, blocks), scoring)

    def first_only(self) -> Windows:
        """Only the first passage in order."""
        return Windows(self.blocks[:1], self.scoring)

    def best(self) -> int | None:
        """The number of the best passage: the highest score, the earliest blocks on a tie."""
        scores = self.scores
        return scores.index(max(scores)) if scores else None

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
        passages_by_key: dict[tuple[int, bool, float], list[int]] = defaultdict(list)
        windows = self._windows
        if windows is not None:
            by_score: dict[float, list[int]] = defaultdict(list)
            for number, score in enumerate(windows.scores):
                if score > 0:
                    by_score[score].append(number)
            for score, numbers in by_score.items():
                passages_by_key[(-self._band(score), True, -score)] = numbers
        for key in sorted(groups.keys() | passages_by_key.keys()):
            entries = groups.get(key, [])
            if windows is not None:
                for number in passages_by_key.get(key, ()):
                    entries.append(
                        (-windows.hit_count(number), windows.blocks[number], PASSAGE, number)
                    )
            entries.sort(key=_ORDER)
            for entry in entries:
                payload = entry[3]
                yield payload if isinstance(payload, Unit) else windows.unit(payload)  # type: ignore[union-attr,arg-type]

    def _list(self) -> list[Unit]:
        if self._all is None:
            self._all = list(self)
        return self._all

    def __len__(self) -> int:
        return len(self._list())

    @overload
    def __getitem__(self, index: int) -> Unit: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Unit]: ...

    def __getitem__(self, index: int | slice) -> Unit | Sequence[Unit]:
        return self._list()[index]
