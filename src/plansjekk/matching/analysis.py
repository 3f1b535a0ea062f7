"""A document prepared once for matching: every block normalised, tokenised and annotated.

All blocks are normalised and tokenised in one pass over their joined text
(`normalise.Prepared`); a block's `Tokens` are cut from it only when something asks for them.
Pattern hits are found through a document vocabulary (distinct words → positions in the
concatenated words), so a glob is tested against each distinct word once, a single-word
pattern's hits are the positions of its words (each hit built once and shared by every
pattern matching that word), and a longer pattern only looks at the positions where its
first word matches (notes A9). A `re:` pattern runs once over all blocks joined when it
provably cannot see across a block boundary, else only on the blocks holding the literal
texts every match contains (`prefilter.required_literals`), else block by block. Negation,
sentence ranges and instructions are computed per block on first use (a block without a
negator, question mark or imperative gets its empty answer up front).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

from plansjekk.documents.model import Block, Document
from plansjekk.matching import clauses
from plansjekk.matching.normalise import SEPARATOR, Prepared, Tokens
from plansjekk.matching.patterns import (
    REGEX_TIMEOUT,
    Element,
    Pattern,
    PatternMatch,
    WordGlob,
    joinable,
)
from plansjekk.matching.prefilter import (
    SENTENCE_STOPS,
    can_match,
    required_literals,
    spans_holding,
    stays_in_sentences,
    stop_positions,
)

_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,3}\s*$")
"""A table-of-contents line the reader did not mark: "3 Samarbeid ........ 7"."""


class BlockText:
    """One block with its normalised text and the per-token and per-sentence signals.

    The clause signals (`negated`, `sentences`, `instructions`) and the character map are
    computed on first use: most blocks never hold a hit whose negation is asked about.
    """

    __slots__ = (
        "_clauses",
        "_cmap",
        "_instructions",
        "_negated",
        "_number",
        "_prepared",
        "_sentences",
        "_tokens",
        "block",
        "display",
        "echo",
        "echo_until",
        "index",
        "placeholders",
    )

    def __init__(self, index: int, block: Block, prepared: Prepared, number: int) -> None:
        self.index = index
        self.block = block
        self.display = prepared.displays[number]
        """The NFKC text that excerpts are cut from (`cmap` points into it)."""
        self._prepared = prepared
        self._number = number
        """The block's place in `prepared` (its words are built into `tokens` on first use)."""
        self._tokens: Tokens | None = None
        self._cmap = prepared.cmaps[number]
        self._negated: tuple[bool, ...] | None = None
        self._sentences: dict[int, tuple[int, int]] | None = None
        self._instructions: set[int] | None = None
        self._clauses: tuple[int, ...] | None = None
        self.placeholders: set[int] = set()
        self.echo: set[int] = set()
        """Filled by `echo.mark_echoes` once the requirements' topic hits are known."""
        self.echo_until: dict[int, int] = {}
        """Echo sentence → the token where its echo ends and a new main clause with content
        begins (absent: the whole sentence is echo); see `echo.mark_echoes`."""

    @property
    def tokens(self) -> Tokens:
        if self._tokens is None:
            self._tokens = self._prepared.tokens(self._number)
        return self._tokens

    @property
    def without_negator(self) -> bool:
        """True when the block has no negator (every token is known not negated)."""
        return self._negated is not None and not any(self._negated)

    @property
    def cmap(self) -> Sequence[int]:
        """Per normalised character, its index in `display`."""
        if self._cmap is None:
            return range(self._prepared.lengths[self._number])
        return self._cmap

    @property
    def negated(self) -> tuple[bool, ...]:
        if self._negated is None:
            words = self.tokens.words
            if clauses.NEGATORS.isdisjoint(words):  # no negator, nothing in its scope
                self._negated = (False,) * len(words)
            else:
                self._negated = clauses.negated_tokens(self.tokens)
        return self._negated

    def same_clause(self, first: int, second: int) -> bool:
        """`clauses.same_clause` on this block's tokens, read from the document's prepared
        arrays (asked of blocks whose tokens are otherwise never built)."""
        prepared = self._prepared
        offset = prepared.offsets[self._number]
        return clauses.no_clause_break(
            prepared.words,
            prepared.sentence,
            prepared.starts,
            prepared.ends,
            prepared.text,
            offset + min(first, second),
            offset + max(first, second),
        )

    @property
    def word_count(self) -> int:
        """`len(self.tokens.words)`, without building the tokens."""
        offsets = self._prepared.offsets
        return offsets[self._number + 1] - offsets[self._number]

    @property
    def sentences(self) -> dict[int, tuple[int, int]]:
        """Sentence number → (first token, last token), read from the prepared sentence
        numbers without building the block's `Tokens` (asked of most blocks with a hit)."""
        if self._sentences is None:
            prepared = self._prepared
            first, after = prepared.offsets[self._number], prepared.offsets[self._number + 1]
            numbers = prepared.sentence
            if first == after:
                self._sentences = {}
            elif numbers[after - 1] == numbers[first]:
                self._sentences = {0: (0, after - first - 1)}
            else:
                # `Prepared` numbers sentences in order (a block's are base, base + 1 …, as
                # its `Tokens` number them 0, 1 …): bisect the bounds
                right = bisect.bisect_right
                base = numbers[first]
                ranges = {}
                start = first
                for number in range(numbers[after - 1] - base + 1):
                    end = right(numbers, base + number, start, after)
                    if end > start:
                        ranges[number] = (start - first, end - 1 - first)
                        start = end
                self._sentences = ranges
        return self._sentences

    @property
    def instructions(self) -> set[int]:
        if self._instructions is None:
            tokens = self.tokens
            if "?" not in tokens.text and clauses.IMPERATIVES.isdisjoint(tokens.words):
                self._instructions = set()  # no question mark, no imperative: no instruction
            else:
                self._instructions = clauses.instruction_sentences(tokens, self.sentences)
        return self._instructions

    @property
    def clauses(self) -> tuple[int, ...]:
        """Per token, the number of its clause (`clauses.clause_numbers`)."""
        if self._clauses is None:
            self._clauses = clauses.clause_numbers(self.tokens)
        return self._clauses

    def written(self, start: int, end: int) -> str:
        """The text between two normalised offsets, as written (case kept)."""
        cmap = self.cmap
        if start >= len(cmap):
            return ""
        last = cmap[min(end, len(cmap)) - 1]
        return self.display[cmap[start] : last + 1]

    def sentence_span(self, number: int) -> tuple[int, int]:
        """Normalised character span of a sentence, including its closing punctuation."""
        first, last = self.sentences[number]
        end = self.tokens.ends[last]
        text = self.tokens.text
        while end < len(text) and text[end] in ".!?)»\"'":
            end += 1
        return self.tokens.starts[first], end


class Hit(NamedTuple):
    """A pattern hit located in a block (a named tuple: built several times faster than a
    frozen dataclass, and a long plan has tens of thousands)."""

    block: int
    sentence: int
    first_token: int
    last_token: int
    start: int
    end: int


class Analysis:
    """The prepared document plus a cache of pattern hits."""

    def __init__(self, document: Document) -> None:
        self.document = document
        body: list[tuple[int, Block]] = []
        toc: list[tuple[int, Block]] = []
        for index, block in enumerate(document.blocks):
            if block.is_guidance:  # an outline's instruction text: neither evidence nor body
                continue
            if block.in_toc or _toc_line(block.text):
                toc.append((index, block))
            else:
                body.append((index, block))
        prepared = Prepared([block.text for _, block in body])
        self.blocks: list[BlockText] = _block_texts(body, prepared)
        self.by_index: dict[int, BlockText] = {text.index: text for text in self.blocks}
        self._toc_prepared = Prepared([block.text for _, block in toc])
        self.toc_blocks: list[BlockText] = _block_texts(toc, self._toc_prepared)
        self.position: dict[int, int] = dict(zip((index for index, _ in body), itertools.count()))
        """Block index → its place among the non-TOC blocks."""
        self.windows: dict[int, list[tuple[int, ...]]] = {}
        """`sections.passages`' windows per starting place (built on first use)."""
        self._index = _Index(self.blocks, prepared)
        self._toc_index: _Index | None = None
        self._hits: dict[str, list[Hit]] = {}
        self._toc_hits: dict[str, list[Hit]] = {}
        self.derived: dict[object, object] = {}
        """Per-document facts the judge derives once for all requirements (see `judge`)."""
        self.labels: dict[int, str | None] = {}
        """`sections.section_label` per block (memo)."""
        for pattern in clauses.PLACEHOLDERS:
            for hit in self.hits(pattern):
                self.by_index[hit.block].placeholders.add(hit.sentence)
        asking = set(self._index._blocks_containing("?"))
        occurrences, owner = self.occurrences, prepared.owner
        for word in clauses.IMPERATIVES & occurrences.keys():
            asking.update(owner[position] for position in occurrences[word])
        negating: set[int] = set()
        for word in clauses.NEGATORS & occurrences.keys():
            negating.update(owner[position] for position in occurrences[word])
        offsets = prepared.offsets
        for number, text in enumerate(self.blocks):
            if number not in asking:  # no question mark, no imperative: no instruction
                text._instructions = set()
            if number not in negating:  # no negator, nothing in its scope
                text._negated = _unnegated(offsets[number + 1] - offsets[number])

    @property
    def occurrences(self) -> dict[str, list[int]]:
        """Distinct word → its positions in the concatenated words of the non-TOC blocks."""
        return self._index.occurrences

    @property
    def vocabulary(self) -> list[str]:
        return self._index.vocabulary

    def hits(self, pattern: Pattern) -> list[Hit]:
        """Every hit of `pattern` in the non-TOC blocks, in reading order."""
        cached = self._hits.get(pattern.source)
        if cached is None:
            cached = self._index.find(pattern)
            self._hits[pattern.source] = cached
        return cached

    def toc_hits(self, pattern: Pattern) -> list[Hit]:
        """Hits in table-of-contents lines (only to explain a `missing`)."""
        cached = self._toc_hits.get(pattern.source)
        if cached is None:
            if self._toc_index is None:
                self._toc_index = _Index(self.toc_blocks, self._toc_prepared)
            cached = self._toc_index.find(pattern)
            self._toc_hits[pattern.source] = cached
        return list(cached)

    def words_matching(self, glob: WordGlob) -> list[str]:
        """Distinct document words the glob matches (exactly: see `_Index.exact_words`)."""
        return self._index.exact_words(glob)


class _Index:
    """The words of a list of blocks (a `Prepared` text): distinct word → positions in the
    concatenated words, and a hit cache per position, so that a word's hits are built once
    for every pattern matching it. Hits are located from the prepared arrays, without
    building the blocks' `Tokens`.
    """

    def __init__(self, texts: list[BlockText], prepared: Prepared) -> None:
        self.texts = texts
        self.indices = [text.index for text in texts]
        self.prepared = prepared
        words = prepared.words
        self.words = words
        self.owner = prepared.owner
        self.offsets = prepared.offsets
        self.sentence = prepared.sentence
        """Sentence numbers across all blocks (equal only within one sentence of a block)."""
        self.occurrences = prepared.occurrences
        self.vocabulary = sorted(self.occurrences)
        self._hit_at: list[Hit | None] = [None] * len(words)
        self._exact: dict[int, list[str]] = {}
        self._sets: dict[int, frozenset[str]] = {}
        self._lines: str | None = None
        self._stops: list[int] | None = None
        self._line_starts: list[int] = []

    def hit(self, first: int, last: int) -> Hit:
        """The hit spanning the concatenated positions first..last (one block's words)."""
        return self.hits_spanning([(first, last)])[0]

    def hits_spanning(self, spans: list[tuple[int, int]]) -> list[Hit]:
        """`hit` for many spans (the arrays looked up once: patterns have thousands)."""
        prepared = self.prepared
        owner, offsets, cstarts = prepared.owner, prepared.offsets, prepared.cstarts
        sentence, starts, ends = prepared.sentence, prepared.starts, prepared.ends
        indices = self.indices
        found = []
        for first, last in spans:
            number = owner[first]
            offset = offsets[number]
            shift = cstarts[number]
            found.append(
                Hit(
                    indices[number],
                    sentence[first] - sentence[offset],
                    first - offset,
                    last - offset,
                    starts[first] - shift,
                    ends[last] - shift,
                )
            )
        return found

    # ------------------------------------------------------------------ hits

    def find(self, pattern: Pattern) -> list[Hit]:
        if pattern.is_regex:
            return self._regex(pattern)
        assert pattern.first is not None
        words = self.exact_words(pattern.first)
        if not words:
            return []
        occurrences = self.occurrences
        if len(words) == 1:
            positions = occurrences[words[0]]
        else:
            positions = sorted(itertools.chain.from_iterable(occurrences[w] for w in words))
        if len(pattern.elements) == 1:
            return self._hits_at(positions)
        return self._sequences(pattern.elements, positions)

    def _sequences(self, elements: tuple[Element, ...], positions: list[int]) -> list[Hit]:
        """A multi-word pattern from its first word's positions: `Pattern.find_in`'s
        depth-first extension, run on the concatenated words (a block's end is a sentence
        end, and sentence numbers differ between blocks, so no path crosses it). A glob
        matches a document word exactly when the word is among its `exact_words`."""
        sets = [self.word_set(element.glob) for element in elements]
        if not all(sets):
            return []
        words, sentence = self.words, self.sentence
        count = len(words)
        spans: list[tuple[int, int]] = []
        after = -1
        if len(elements) == 2 and elements[1].gap == 0:
            return self._pairs(sets, positions)
        if len(elements) == 2:
            following, gap = sets[1], elements[1].gap
            for position in positions:
                if position <= after:
                    continue
                number = sentence[position]
                for last in range(position + 1, min(position + 2 + gap, count)):
                    if sentence[last] != number:
                        break
                    if words[last] in following:
                        after = last
                        spans.append((position, last))
                        break
            return self.hits_spanning(spans)
        for position in positions:
            if position <= after:
                continue
            last = _extend(elements, sets, 1, position, words, sentence)
            if last is None:
                continue
            after = last
            spans.append((position, last))
        return self.hits_spanning(spans)

    def _pairs(self, sets: list[frozenset[str]], positions: list[int]) -> list[Hit]:
        """Two adjacent words: a hit at p when the second glob matches p + 1 in the same
        sentence, found from whichever word is rarer; a hit's second word is never the
        first of the next (`_sequences`' non-overlap rule)."""
        words, sentence = self.words, self.sentence
        first, second = sets
        seconds = [self.occurrences[w] for w in second]
        if sum(map(len, seconds)) < len(positions):
            candidates = sorted(
                q - 1
                for q in itertools.chain.from_iterable(seconds)
                if q > 0 and words[q - 1] in first and sentence[q - 1] == sentence[q]
            )
        else:
            count = len(words)
            candidates = [
                p
                for p in positions
                if p + 1 < count and words[p + 1] in second and sentence[p] == sentence[p + 1]
            ]
        spans: list[tuple[int, int]] = []
        after = -1
        for position in candidates:
            if position <= after:
                continue
            after = position + 1
            spans.append((position, after))
        return self.hits_spanning(spans)

    def word_set(self, glob: WordGlob) -> frozenset[str]:
        """`exact_words` as a set."""
        key = id(glob)
        cached = self._sets.get(key)
        if cached is None:
            cached = self._sets[key] = frozenset(self.exact_words(glob))
        return cached

    def _hits_at(self, positions: list[int]) -> list[Hit]:
        """The single-token hits at these concatenated positions (built once each)."""
        hit_at = self._hit_at
        prepared = self.prepared
        owner, offsets, cstarts = prepared.owner, prepared.offsets, prepared.cstarts
        sentence, starts, ends = prepared.sentence, prepared.starts, prepared.ends
        indices = self.indices
        out = []
        for position in positions:
            hit = hit_at[position]
            if hit is None:
                number = owner[position]
                offset = offsets[number]
                shift = cstarts[number]
                hit = hit_at[position] = Hit(
                    indices[number],
                    sentence[position] - sentence[offset],
                    position - offset,
                    position - offset,
                    starts[position] - shift,
                    ends[position] - shift,
                )
            out.append(hit)
        return out

    def _regex(self, pattern: Pattern) -> list[Hit]:
        """A `re:` pattern only where it can match. When it provably cannot see past a
        block's end (`patterns.joinable`), on the joined text of all blocks: only in the
        sentences holding a text of each set every match contains (`prefilter`), or else
        everywhere. Otherwise block by block, skipping blocks without those texts."""
        body = pattern.source[3:].strip()
        sets = required_literals(body)
        if joinable(pattern):
            spans = self._spans_holding(sets) if sets and stays_in_sentences(body) else None
            found = self._regex_joined(pattern, spans)
            if found is not None:
                return found
        texts = self.texts
        if sets:
            texts = [texts[number] for number in self._blocks_holding(sets)]
        found = []
        for text in texts:
            found.extend(_located(text, hit) for hit in pattern.find_in(text.tokens))
        return [h for h in found if h.first_token >= 0]

    def _spans_holding(self, sets: tuple[frozenset[str], ...]) -> list[tuple[int, int]]:
        """The sentences of the joined text that hold a text of every set."""
        if self._stops is None:
            self._stops = stop_positions(self.prepared.text, SENTENCE_STOPS + SEPARATOR)
        return spans_holding(self.prepared.text, sets, self._stops)

    def _blocks_holding(self, sets: tuple[frozenset[str], ...]) -> list[int]:
        """Numbers of the blocks holding a text of every set: found in the joined text for
        the first (most selective) set, checked in each such block's text for the rest."""
        candidates = sorted(
            set(itertools.chain.from_iterable(self._blocks_containing(t) for t in sets[0]))
        )
        prepared = self.prepared
        text, cstarts, lengths = prepared.text, prepared.cstarts, prepared.lengths
        rest = sets[1:]
        return [
            number
            for number in candidates
            if can_match(rest, text[cstarts[number] : cstarts[number] + lengths[number]])
        ]

    def _blocks_containing(self, probe: str) -> list[int]:
        """Numbers of the blocks whose normalised text contains `probe`, in order."""
        prepared = self.prepared
        text, cstarts, lengths = prepared.text, prepared.cstarts, prepared.lengths
        found: list[int] = []
        position = text.find(probe)
        while position >= 0:
            number = bisect.bisect_right(cstarts, position) - 1
            if position + len(probe) <= cstarts[number] + lengths[number]:
                found.append(number)
            following = cstarts[number] + lengths[number] + 1
            position = text.find(probe, following)
        return found

    def _regex_joined(
        self, pattern: Pattern, spans: list[tuple[int, int]] | None = None
    ) -> list[Hit] | None:
        """The pattern's hits in the joined text, or only within `spans` of it."""
        prepared = self.prepared
        compiled = pattern.compiled_regex
        assert compiled is not None
        text = prepared.text
        try:
            if spans is None:
                matches = list(compiled.finditer(text, timeout=REGEX_TIMEOUT))
            else:
                matches = [
                    match
                    for start, end in spans
                    for match in compiled.finditer(text, start, end, timeout=REGEX_TIMEOUT)
                ]
        except TimeoutError:
            return None
        cstarts, offsets = prepared.cstarts, prepared.offsets
        starts, ends, sentence = prepared.starts, prepared.ends, prepared.sentence
        right, left = bisect.bisect_right, bisect.bisect_left
        found = []
        for match in matches:
            start, end = match.span()
            number = right(cstarts, start) - 1
            low, high = offsets[number], offsets[number + 1]
            first = right(ends, start, low, high)
            last = left(starts, end, low, high) - 1
            if first <= last:
                shift = cstarts[number]
                found.append(
                    Hit(
                        self.indices[number],
                        sentence[first] - sentence[low],
                        first - low,
                        last - low,
                        start - shift,
                        end - shift,
                    )
                )
        return found

    # ------------------------------------------------------------------ vocabulary

    def exact_words(self, glob: WordGlob) -> list[str]:
        """Distinct words the glob matches exactly, sorted."""
        key = id(glob)
        cached = self._exact.get(key)
        if cached is None:
            words: set[str] = set()
            for segments in glob.variants:
                words.update(self._exact_variant(glob, segments))
            cached = sorted(words)
            self._exact[key] = cached
        return cached

    def _exact_variant(self, glob: WordGlob, segments: tuple[str, ...]) -> list[str]:
        head = segments[0]
        if len(segments) == 1:
            return [head] if head in self.occurrences else []
        if head:
            low = bisect.bisect_left(self.vocabulary, head)
            high = bisect.bisect_left(self.vocabulary, head + "\U0010ffff")
            candidates = self.vocabulary[low:high]
        else:
            candidates = self._containing(max(segments, key=len))
        return [w for w in candidates if glob.matches(w)]

    def _containing(self, probe: str) -> list[str]:
        """Vocabulary words containing `probe` (a `*tail*` glob), by `str.find` over the
        vocabulary joined with newlines instead of a Python loop over every word."""
        if self._lines is None:
            self._lines = "\n".join(self.vocabulary)
            self._line_starts = list(
                itertools.accumulate((len(w) + 1 for w in self.vocabulary[:-1]), initial=0)
            )
        lines, line_starts = self._lines, self._line_starts
        found: list[str] = []
        position = lines.find(probe)
        while position >= 0:
            number = bisect.bisect_right(line_starts, position) - 1
            found.append(self.vocabulary[number])
            following = line_starts[number + 1] if number + 1 < len(line_starts) else len(lines)
            position = lines.find(probe, following)
        return found


def _extend(
    elements: tuple[Element, ...],
    sets: list[frozenset[str]],
    index: int,
    last: int,
    words: list[str],
    sentence: list[int],
) -> int | None:
    """The last position of the first complete path from `last` (see `patterns._extend`)."""
    if index == len(elements):
        return last
    number = sentence[last]
    matching = sets[index]
    for position in range(last + 1, min(last + 2 + elements[index].gap, len(words))):
        if sentence[position] != number:
            break
        if words[position] in matching:
            found = _extend(elements, sets, index + 1, position, words, sentence)
            if found is not None:
                return found
    return None


def _block_texts(blocks: list[tuple[int, Block]], prepared: Prepared) -> list[BlockText]:
    """A `BlockText` per (index, block), block k being text k of `prepared`; built with a
    C-level `map` (a long plan has thousands of blocks)."""
    indices = [index for index, _ in blocks]
    chosen = [block for _, block in blocks]
    return list(map(BlockText, indices, chosen, itertools.repeat(prepared), itertools.count()))


@functools.cache
def _unnegated(count: int) -> tuple[bool, ...]:
    return (False,) * count


def _toc_line(text: str) -> bool:
    """`_TOC_LINE.search(text)`, searched only near the end: a match ends with 1-3 digits
    and white space, so it needs digits at the end, and its dot leader can always be cut to
    its last few characters (4 dots, 2 ellipses or 3 ". ") just before those digits."""
    tail = text.rstrip()
    if not tail or not tail[-1].isdigit():
        return False
    digits = len(tail)
    while digits > 0 and tail[digits - 1].isdecimal() and len(tail) - digits < 4:
        digits -= 1
    if not 1 <= len(tail) - digits <= 3:
        return False
    leader = len(tail[:digits].rstrip())
    return _TOC_LINE.search(text, max(0, leader - 8)) is not None


def _located(text: BlockText, hit: PatternMatch) -> Hit:
    first = hit.first_token
    sentence = text.tokens.sentence[first] if first >= 0 else -1
    return Hit(text.index, sentence, first, hit.last_token, hit.start, hit.end)
