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
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import regex

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
    Piece,
    can_match,
    digit_runs,
    holds_twice,
    literal_pieces,
    opens_on_digit,
    positions_of,
    required_literals,
    required_marks,
    required_twice,
    stays_in_sentences,
    stretch_around,
)

_RARE = 1000
"""`_Index._rare_mark`: a mark held once per this many characters or more rarely is looked
for (a stretch costs a few microseconds; a regex runs over a character in a few ns)."""

_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,3}\s*$")
"""A table-of-contents line the reader did not mark: "3 Samarbeid ........ 7"."""


class BlockText:
    """One block with its normalised text and the per-token and per-sentence signals.

    The clause signals (`negated`, `sentences`, `instructions`), the tokens and
    `echo_until` are computed on first use: most blocks never hold a hit whose negation is
    asked about. Their slots stay unset until then (a property reads the slot and fills it
    on `AttributeError`), and `display` and `cmap` are read from the prepared arrays, so
    that building a block stores only what every block needs (a long plan has thousands).
    """

    __slots__ = (
        "_clauses",
        "_echo_until",
        "_instructions",
        "_negated",
        "_number",
        "_prepared",
        "_sentences",
        "_tokens",
        "block",
        "echo",
        "index",
        "placeholders",
    )

    def __init__(self, index: int, block: Block, prepared: Prepared, number: int) -> None:
        self.index = index
        self.block = block
        self._prepared = prepared
        self._number = number
        """The block's place in `prepared` (its words are built into `tokens` on first use)."""
        self.placeholders: set[int] | frozenset[int] = _NOTHING
        """Sentences holding a placeholder (set by `Analysis`; shared and empty for the
        blocks without one)."""
        self.echo: set[int] | frozenset[int] = _NOTHING
        """Filled by `echo.mark_echoes` once the requirements' topic hits are known."""

    @property
    def display(self) -> str:
        """The NFKC text that excerpts are cut from (`cmap` points into it)."""
        return self._prepared.displays[self._number]

    @property
    def echo_until(self) -> dict[int, int]:
        """Echo sentence → the token where its echo ends and a new main clause with content
        begins (absent: the whole sentence is echo); see `echo.mark_echoes`."""
        try:
            return self._echo_until
        except AttributeError:
            self._echo_until: dict[int, int] = {}
            return self._echo_until

    @property
    def tokens(self) -> Tokens:
        try:
            return self._tokens
        except AttributeError:
            self._tokens: Tokens = self._prepared.tokens(self._number)
            return self._tokens

    @property
    def without_negator(self) -> bool:
        """True when the block is known to have no negated token (its `negated` was
        computed, or set by `Analysis` for a block without a negator, and holds none)."""
        try:
            negated = self._negated
        except AttributeError:
            return False
        return not any(negated)

    @property
    def cmap(self) -> Sequence[int]:
        """Per normalised character, its index in `display`."""
        cmap = self._prepared.cmaps[self._number]
        if cmap is None:
            return range(self._prepared.lengths[self._number])
        return cmap

    @property
    def negated(self) -> tuple[bool, ...]:
        try:
            return self._negated
        except AttributeError:
            words = self.tokens.words
            if clauses.NEGATORS.isdisjoint(words):  # no negator, nothing in its scope
                self._negated: tuple[bool, ...] = (False,) * len(words)
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
        try:
            return self._sentences
        except AttributeError:
            prepared = self._prepared
            first, after = prepared.offsets[self._number], prepared.offsets[self._number + 1]
            numbers = prepared.sentence
            if first == after:
                self._sentences: dict[int, tuple[int, int]] = {}
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
    def instructions(self) -> set[int] | frozenset[int]:
        try:
            return self._instructions
        except AttributeError:
            tokens = self.tokens
            if "?" not in tokens.text and clauses.IMPERATIVES.isdisjoint(tokens.words):
                # no question mark, no imperative: no instruction
                self._instructions: set[int] | frozenset[int] = _NOTHING
            else:
                self._instructions = clauses.instruction_sentences(tokens, self.sentences)
            return self._instructions

    @property
    def clauses(self) -> tuple[int, ...]:
        """Per token, the number of its clause (`clauses.clause_numbers`)."""
        try:
            return self._clauses
        except AttributeError:
            self._clauses: tuple[int, ...] = clauses.clause_numbers(self.tokens)
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

    def sentence_chars(self, number: int) -> tuple[tuple[int, int], int]:
        """`sentence_span` and the length of the normalised text, read from the prepared
        arrays without building `tokens` (asked of the few blocks an excerpt is cut from)."""
        prepared, place = self._prepared, self._number
        first, last = self.sentences[number]
        offset, shift = prepared.offsets[place], prepared.cstarts[place]
        length = prepared.lengths[place]
        end = prepared.ends[offset + last] - shift
        text = prepared.text  # (the joined text: the scan stops at the block's end)
        while end < length and text[shift + end] in ".!?)»\"'":
            end += 1
        return (prepared.starts[offset + first] - shift, end), length


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
        placeholders: dict[int, set[int]] = {}
        for pattern in clauses.PLACEHOLDERS:
            for hit in self.hits(pattern):
                placeholders.setdefault(hit.block, set()).add(hit.sentence)
        for index, sentences in placeholders.items():
            self.by_index[index].placeholders = sentences
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
                text._instructions = _NOTHING
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

    def look_up(self, patterns: Iterable[Pattern]) -> None:
        """Finds every pattern's hits at once (kept for `hits`), right after the text is
        prepared. Interleaved with judging, a long plan's first look-ups ran up to three
        times slower per hit: the judging between them pushes the word arrays (tens of
        thousands of entries each) out of the processor's cache. A 120-page plan is checked
        in about 15 % less time; the hits are the same, only found earlier."""
        hits = self.hits
        for pattern in patterns:
            hits(pattern)

    def toc_hits(self, pattern: Pattern) -> list[Hit]:
        """Hits in table-of-contents lines (only to explain a `missing`). A plan without a
        table of contents has none: its missing requirements ask for every topic pattern."""
        if not self.toc_blocks:
            return []
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


class _Excerpt(NamedTuple):
    """Stretches of a text joined with SEPARATOR: `text`, where each stretch starts in it
    (`starts`) and in the whole text (`origins`)."""

    text: str
    starts: list[int]
    origins: list[int]

    def spans(self, compiled: regex.Pattern[str]) -> list[tuple[int, int]]:
        """The pattern's matches in the excerpt, as spans of the whole text."""
        right, starts, origins = bisect.bisect_right, self.starts, self.origins
        found = []
        for match in compiled.finditer(self.text, timeout=REGEX_TIMEOUT):
            start, end = match.span()
            piece = right(starts, start) - 1
            shift = origins[piece] - starts[piece]
            found.append((start + shift, end + shift))
        return found


class _Index:
    """The words of a list of blocks (a `Prepared` text): distinct word → positions in the
    concatenated words, and a hit cache per distinct word, so that a word's hits are built
    once for every pattern matching it. Hits are located from the prepared arrays, without
    building the blocks' `Tokens`. Per glob (a pure function of the pattern) the split into
    literal, `head*` and other variants is made once on the `WordGlob`; per document only
    the glob's words and their counts are cached here.
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
        self._word_hits: dict[str, list[Hit]] = {}
        """Distinct word → its single-word hits (built once, shared by the patterns)."""
        self._exact: dict[WordGlob, list[str]] = {}
        """Per glob (interned, hashed by identity), its `exact_words` in this document."""
        self._sets: dict[WordGlob, tuple[frozenset[str], int]] = {}
        self._lines: str | None = None
        self._line_starts: list[int] = []
        self._digit_excerpt: _Excerpt | bool | None = None
        """`_digits_excerpt` once built (False: the text is not Latin-1)."""

    def hit(self, first: int, last: int) -> Hit:
        """The hit spanning the concatenated positions first..last (one block's words)."""
        return self.hits_spanning([(first, last)])[0]

    def hits_spanning(self, spans: list[tuple[int, int]]) -> list[Hit]:
        """`hit` for many spans (the arrays looked up once: patterns have thousands)."""
        return self._hits_between([first for first, _ in spans], [last for _, last in spans])

    def _hits_between(self, firsts: list[int], lasts: list[int]) -> list[Hit]:
        """The hits spanning firsts[k]..lasts[k]. Each is built with `tuple.__new__`, which
        skips the Python-level `__new__` a named tuple's constructor runs (about a quarter
        of the cost of a hit, and a long plan builds tens of thousands)."""
        prepared = self.prepared
        owner, offsets, cstarts = prepared.owner, prepared.offsets, prepared.cstarts
        sentence, starts, ends = prepared.sentence, prepared.starts, prepared.ends
        indices = self.indices
        new = tuple.__new__
        found = []
        append = found.append
        for first, last in zip(firsts, lasts, strict=True):
            number = owner[first]
            offset = offsets[number]
            shift = cstarts[number]
            append(
                new(
                    Hit,
                    (
                        indices[number],
                        sentence[first] - sentence[offset],
                        first - offset,
                        last - offset,
                        starts[first] - shift,
                        ends[last] - shift,
                    ),
                )
            )
        return found

    # ------------------------------------------------------------------ hits

    def find(self, pattern: Pattern) -> list[Hit]:
        """Every hit of `pattern`. Most of a ruleset's patterns find nothing in a given
        document, so the way to an empty answer is kept short: the first glob's words come
        from a per-glob cache, and an empty list ends the look-up."""
        if pattern.compiled_regex is not None:
            return self._regex(pattern)
        elements = pattern.elements
        glob = elements[0].glob
        words = self._exact.get(glob)
        if words is None:
            words = self._exact[glob] = self._exact_words(glob)
        if not words:
            return []
        if len(elements) == 1:
            if len(words) == 1:
                return self._single(words[0]).copy()
            # a hit's tuple order is its position order (blocks in reading order, a
            # block's sentence numbers never fall), so the words' hits sort into place
            return sorted(itertools.chain.from_iterable(map(self._single, words)))
        return self._sequences(elements, words)

    def _sequences(self, elements: tuple[Element, ...], words: list[str]) -> list[Hit]:
        """A multi-word pattern from its first glob's words (`exact_words`, not empty):
        `Pattern.find_in`'s depth-first extension, run on the concatenated words (a block's
        end is a sentence end, and sentence numbers differ between blocks, so no path
        crosses it). A glob matches a document word exactly when the word is among its
        `exact_words`. The first word's positions are gathered only once every later glob
        is known to match some word (most multi-word patterns of a ruleset stop there).

        When a later glob's words occur more rarely than the first's, only the first-word
        positions within reach of one of those occurrences (at the distance the elements'
        gaps allow, in the same sentence) are tried: every complete path passes through
        one, and a position without a complete path neither yields a hit nor moves the
        non-overlap bound, so the hits are the same."""
        exact_words = self.exact_words
        if not all([exact_words(element.glob) for element in elements[1:]]):
            return []  # a later glob matches no word (counted only when all match one)
        first_set, first_count = self._facts(elements[0].glob)
        sets = [first_set]
        rarest, cheapest = 0, first_count
        farthest = 0
        reach = (0, 0)
        for number in range(1, len(elements)):
            element = elements[number]
            matching, count = self._facts(element.glob)
            sets.append(matching)
            # element `number` stands `number` … `farthest` words after the first
            farthest += 1 + element.gap
            cost = count * (farthest - number + 1)
            if cost < cheapest:
                rarest, cheapest = number, cost
                reach = (number, farthest)
        if rarest:
            positions = self._near(sets[rarest], first_set, *reach)
        elif len(words) == 1:
            positions = self.occurrences[words[0]]
        else:
            occurrences = self.occurrences
            positions = sorted(itertools.chain.from_iterable(map(occurrences.__getitem__, words)))
        words, sentence = self.words, self.sentence
        count = len(words)
        firsts: list[int] = []
        lasts: list[int] = []
        after = -1
        if len(elements) == 2:
            following, gap = sets[1], elements[1].gap
            if gap == 0:
                # two adjacent words: the position after is checked directly
                for position in positions:
                    if position <= after:
                        continue
                    following_position = position + 1
                    if (
                        following_position < count
                        and words[following_position] in following
                        and sentence[position] == sentence[following_position]
                    ):
                        after = following_position
                        firsts.append(position)
                        lasts.append(following_position)
                return self._hits_between(firsts, lasts)
            for position in positions:
                if position <= after:
                    continue
                number = sentence[position]
                for last in range(position + 1, min(position + 2 + gap, count)):
                    if sentence[last] != number:
                        break
                    if words[last] in following:
                        after = last
                        firsts.append(position)
                        lasts.append(last)
                        break
            return self._hits_between(firsts, lasts)
        for position in positions:
            if position <= after:
                continue
            last = _extend(elements, sets, 1, position, words, sentence)
            if last is None:
                continue
            after = last
            firsts.append(position)
            lasts.append(last)
        return self._hits_between(firsts, lasts)

    def _near(
        self, matching: frozenset[str], first: frozenset[str], nearest: int, farthest: int
    ) -> list[int]:
        """Sorted positions p of a word in `first` such that a word in `matching` stands at
        p + nearest … p + farthest in p's sentence."""
        occurrences, words, sentence = self.occurrences, self.words, self.sentence
        found = itertools.chain.from_iterable(map(occurrences.__getitem__, matching))
        if nearest == farthest:
            return sorted(
                [
                    q - nearest
                    for q in found
                    if q >= nearest
                    and words[q - nearest] in first
                    and sentence[q - nearest] == sentence[q]
                ]
            )
        return sorted(
            {
                p
                for q in found
                for p in range(max(0, q - farthest), q - nearest + 1)
                if words[p] in first and sentence[p] == sentence[q]
            }
        )

    def word_set(self, glob: WordGlob) -> frozenset[str]:
        """`exact_words` as a set."""
        return self._facts(glob)[0]

    def _facts(self, glob: WordGlob) -> tuple[frozenset[str], int]:
        """`exact_words` as a set, and the number of their occurrences (cached per glob)."""
        cached = self._sets.get(glob)
        if cached is None:
            words = self.exact_words(glob)
            occurrences = self.occurrences
            cached = self._sets[glob] = (
                frozenset(words),
                sum(len(occurrences[word]) for word in words),
            )
        return cached

    def _single(self, word: str) -> list[Hit]:
        """The one-word hits of a distinct word, built once for every pattern matching it
        (with `tuple.__new__` as in `_hits_between`; one token: first and last are equal)."""
        found = self._word_hits.get(word)
        if found is not None:
            return found
        prepared = self.prepared
        owner, offsets, cstarts = prepared.owner, prepared.offsets, prepared.cstarts
        sentence, starts, ends = prepared.sentence, prepared.starts, prepared.ends
        indices = self.indices
        new = tuple.__new__
        found = self._word_hits[word] = []
        append = found.append
        for position in self.occurrences[word]:
            number = owner[position]
            offset = offsets[number]
            shift = cstarts[number]
            token = position - offset
            append(
                new(
                    Hit,
                    (
                        indices[number],
                        sentence[position] - sentence[offset],
                        token,
                        token,
                        starts[position] - shift,
                        ends[position] - shift,
                    ),
                )
            )
        return found

    def _regex(self, pattern: Pattern) -> list[Hit]:
        """A `re:` pattern only where it can match. When it provably cannot see past a
        block's end (`patterns.joinable`), on the joined text of all blocks: only in the
        sentences (or, when it may run over a sentence stop, the blocks) holding a text of
        each set every match contains (`prefilter`), or else everywhere. Otherwise block by
        block, skipping blocks without those texts. Without such texts, a mark every match
        holds ("/" in "sak 12/24") serves when the document holds it rarely. A pattern that opens
        on a digit runs only from each block's first run of digits (`_digits_excerpt`)."""
        body = pattern.source[3:].strip()
        if joinable(pattern) and opens_on_digit(body):
            excerpt = self._digits_excerpt()
            found = self._regex_joined(pattern, excerpt=excerpt) if excerpt else None
            if found is not None:
                return found
        sets = required_literals(body) or self._rare_mark(body)
        twice = required_twice(body) if sets else None
        if joinable(pattern):
            spans = None
            if sets and stays_in_sentences(body):
                spans = self._spans_holding(sets, twice)
            elif sets:
                spans = [self._block_span(number) for number in self._blocks_holding(sets, twice)]
            found = self._regex_joined(pattern, spans)
            if found is not None:
                return found
        texts = self.texts
        if sets:
            texts = [texts[number] for number in self._blocks_holding(sets, twice)]
        found = []
        for text in texts:
            found.extend(_located(text, hit) for hit in pattern.find_in(text.tokens))
        return [h for h in found if h.first_token >= 0]

    def _rare_mark(self, body: str) -> tuple[frozenset[str], ...]:
        """The mark of `prefilter.required_marks` that the joined text holds least, as a
        set, when it holds it less than once per `_RARE` characters: then looking at the
        stretches around its occurrences costs less than running the pattern everywhere
        (the marks are counted with `str.count`, a pass far faster than a regex's)."""
        marks = required_marks(body)
        if not marks:
            return ()
        text = self.prepared.text
        mark = min(sorted(marks), key=text.count)
        return (frozenset([mark]),) if text.count(mark) * _RARE < len(text) else ()

    def _block_span(self, number: int) -> tuple[int, int]:
        """Where block `number`'s normalised text lies in the joined text."""
        start = self.prepared.cstarts[number]
        return start, start + self.prepared.lengths[number]

    def _spans_holding(
        self, sets: tuple[frozenset[str], ...], twice: frozenset[str] | None
    ) -> list[tuple[int, int]]:
        """The sentences of the joined text (stretches between `SENTENCE_STOPS` and block
        ends) that hold a text of every set (and two of `twice`). The stretches judged are
        those around the words an occurrence of the first set's texts would lie on
        (`_touching`), or around the occurrences themselves when a text has no word piece:
        each such occurrence lies in one stretch (a demanded text holds no stop), and so
        does the word. A set equal to `twice` is not looked for on its own: two of its
        texts hold one."""
        prepared = self.prepared
        text, cstarts, lengths = prepared.text, prepared.cstarts, prepared.lengths
        positions = self._touching(sets[0])
        if positions is None:
            openings = sorted(itertools.chain.from_iterable(positions_of(text, t) for t in sets[0]))
            right = bisect.bisect_right
            blocks: Iterable[int] = (right(cstarts, opening) - 1 for opening in openings)
        else:
            openings = [prepared.starts[position] for position in positions]
            blocks = map(prepared.owner.__getitem__, positions)
        rest = tuple(texts for texts in sets if texts != twice)
        spans: list[tuple[int, int]] = []
        judged = 0  # the end of the last stretch judged: later openings in it are skipped
        for opening, number in zip(openings, blocks, strict=True):
            if opening < judged:
                continue
            block = cstarts[number]
            start, judged = stretch_around(
                text, opening, block, block + lengths[number], SENTENCE_STOPS + SEPARATOR
            )
            span = text[start:judged]
            if can_match(rest, span) and (twice is None or holds_twice(twice, span)):
                spans.append((start, judged))
        return spans

    def _touching(self, literals: frozenset[str]) -> list[int] | None:
        """Sorted positions of the words that an occurrence of one of `literals` would lie
        on, found in the vocabulary (`prefilter.literal_pieces`): per text, the piece whose
        words occur least. None when a text has no word piece."""
        occurrences = self.occurrences
        positions: set[int] = set()
        for literal in literals:
            choices = [self._piece_words(piece) for piece in literal_pieces(literal)]
            if not choices:
                return None
            words = min(choices, key=lambda ws: sum(len(occurrences[w]) for w in ws))
            for word in words:
                positions.update(occurrences[word])
        return sorted(positions)

    def _piece_words(self, piece: Piece) -> list[str]:
        """The distinct words that hold `piece` as it lies in them: equal to it, beginning
        with it (a slice of the sorted vocabulary), ending with it, or anywhere."""
        text = piece.text
        if piece.opens and piece.closes:
            return [text] if text in self.occurrences else []
        if piece.opens:
            return self._starting_with(text)
        words = self._containing(text)
        return [word for word in words if word.endswith(text)] if piece.closes else words

    def _blocks_holding(
        self, sets: tuple[frozenset[str], ...], twice: frozenset[str] | None
    ) -> list[int]:
        """Numbers of the blocks holding a text of every set (and two of `twice`): those of
        the words an occurrence of the first set's texts would lie on (`_touching`), or
        else those holding one in the joined text, checked in each block's text."""
        positions = self._touching(sets[0])
        if positions is None:
            blocks = (self._blocks_containing(t) for t in sets[0])
            candidates = sorted(set(itertools.chain.from_iterable(blocks)))
        else:
            owner = self.prepared.owner
            candidates = sorted({owner[position] for position in positions})
        text = self.prepared.text
        found = []
        for number in candidates:
            start, end = self._block_span(number)
            block = text[start:end]
            if can_match(sets, block) and (twice is None or holds_twice(twice, block)):
                found.append(number)
        return found

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

    def _digits_excerpt(self) -> _Excerpt | None:
        """The stretches of the joined text from each block's first run of digits (and the
        character before it) to the block's end, joined with SEPARATOR; None when the text
        holds a character beyond Latin-1 (see `prefilter.digit_runs`). A pattern that opens
        on a digit and never looks behind (`prefilter.opens_on_digit`) finds there exactly
        what it finds in the whole text, as a `joinable` one never runs past a block: each
        match begins at a run of digits, the boundary before it reads the character kept,
        and everything after it is the same text up to the same SEPARATOR. Plans hold few
        digits: the excerpt is a fifth of the text or less. Built once per document."""
        if self._digit_excerpt is None:
            prepared = self.prepared
            text, cstarts, lengths = prepared.text, prepared.cstarts, prepared.lengths
            runs = digit_runs(text)
            if runs is None:
                self._digit_excerpt = False
                return None
            pieces: list[str] = []
            origins: list[int] = []
            right = bisect.bisect_right
            block_end = -1
            for opening in runs:
                if opening < block_end:
                    continue  # the block's first run is taken
                number = right(cstarts, opening) - 1
                block_start = cstarts[number]
                block_end = block_start + lengths[number]
                start = max(opening - 1, block_start)
                pieces.append(text[start:block_end])
                origins.append(start)
            lengths_kept = (len(piece) + 1 for piece in pieces[:-1])
            self._digit_excerpt = _Excerpt(
                SEPARATOR.join(pieces), list(itertools.accumulate(lengths_kept, initial=0)), origins
            )
        return self._digit_excerpt or None

    def _regex_joined(
        self,
        pattern: Pattern,
        spans: list[tuple[int, int]] | None = None,
        excerpt: _Excerpt | None = None,
    ) -> list[Hit] | None:
        """The pattern's hits in the joined text, or only within `spans` of it, or in the
        `excerpt` of it."""
        prepared = self.prepared
        compiled = pattern.compiled_regex
        assert compiled is not None
        text = prepared.text
        try:
            if excerpt is not None:
                found_spans = excerpt.spans(compiled)
            elif spans is None:
                found_spans = [m.span() for m in compiled.finditer(text, timeout=REGEX_TIMEOUT)]
            else:
                found_spans = [
                    match.span()
                    for start, end in spans
                    for match in compiled.finditer(text, start, end, timeout=REGEX_TIMEOUT)
                ]
        except TimeoutError:
            return None
        cstarts, offsets = prepared.cstarts, prepared.offsets
        starts, ends, sentence = prepared.starts, prepared.ends, prepared.sentence
        right, left = bisect.bisect_right, bisect.bisect_left
        found = []
        for start, end in found_spans:
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
        cached = self._exact.get(glob)
        if cached is None:
            cached = self._exact[glob] = self._exact_words(glob)
        return cached

    def _exact_words(self, glob: WordGlob) -> list[str]:
        """Literal variants by a dictionary look-up, `head*` variants as a slice of the
        sorted vocabulary (every word there matches), the rest tested word by word."""
        occurrences = self.occurrences
        literals = glob.literals
        if len(glob.variants) == 1:  # the commonest globs: one word, or one `head*`
            if literals:
                return [literals[0]] if literals[0] in occurrences else []
            if glob.prefixes:
                return self._starting_with(glob.prefixes[0])
        found = [word for word in literals if word in occurrences]
        for head in glob.prefixes:
            found += self._starting_with(head)
        for segments in glob.patterned:
            found += self._exact_variant(glob, segments)
        if len(glob.variants) > 1:
            return sorted(set(found))
        return found  # one variant's words: distinct, in vocabulary order

    def _starting_with(self, head: str) -> list[str]:
        """Vocabulary words starting with `head` (a slice of the sorted vocabulary; most
        heads start none, which the first bisection tells)."""
        vocabulary = self.vocabulary
        low = bisect.bisect_left(vocabulary, head)
        if low == len(vocabulary) or not vocabulary[low].startswith(head):
            return []
        return vocabulary[low : bisect.bisect_left(vocabulary, head + "\U0010ffff", low)]

    def _exact_variant(self, glob: WordGlob, segments: tuple[str, ...]) -> list[str]:
        head = segments[0]
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


_NOTHING: frozenset[int] = frozenset()
"""The shared `placeholders`, `echo` and `instructions` of a block without any (replaced,
never changed: building an empty set per block costs more than the rest of a block)."""


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
