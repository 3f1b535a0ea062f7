"""A document prepared once for matching: every block normalised, tokenised and annotated.

Each block's text is normalised exactly once; pattern hits are found through a document
vocabulary (distinct words → positions in the concatenated words), so a glob is tested
against each distinct word once, a single-word pattern's hits are the positions of its words
(each hit object built once and shared by every pattern matching that word), and a longer
pattern only looks at the positions where its first word matches (notes A9). A `re:` pattern
runs once over all blocks joined when it provably cannot see across a block boundary.
Negation, sentence ranges and instructions are computed per block on first use.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from plansjekk.documents.model import Block, Document
from plansjekk.matching import clauses
from plansjekk.matching.normalise import Tokens, fold, nfkc, tokenise
from plansjekk.matching.patterns import (
    REGEX_TIMEOUT,
    SEPARATOR,
    Element,
    Pattern,
    PatternMatch,
    WordGlob,
    joinable,
)

_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,3}\s*$")
"""A table-of-contents line the reader did not mark: "3 Samarbeid ........ 7"."""

FUZZY_MIN_LENGTH = 8
FUZZY_CUTOFF = 87.0


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
        "_sentences",
        "block",
        "display",
        "echo",
        "index",
        "placeholders",
        "tokens",
    )

    def __init__(
        self, index: int, block: Block, display: str, tokens: Tokens, cmap: list[int] | None
    ) -> None:
        self.index = index
        self.block = block
        self.display = display
        """The NFKC text that excerpts are cut from (`cmap` points into it)."""
        self.tokens = tokens
        self._cmap = cmap
        self._negated: tuple[bool, ...] | None = None
        self._sentences: dict[int, tuple[int, int]] | None = None
        self._instructions: set[int] | None = None
        self._clauses: tuple[int, ...] | None = None
        self.placeholders: set[int] = set()
        self.echo: set[int] = set()
        """Filled by `echo.mark_echoes` once the requirements' topic hits are known."""

    @property
    def cmap(self) -> Sequence[int]:
        """Per normalised character, its index in `display`."""
        return range(len(self.tokens.text)) if self._cmap is None else self._cmap

    @property
    def negated(self) -> tuple[bool, ...]:
        if self._negated is None:
            words = self.tokens.words
            if clauses.NEGATORS.isdisjoint(words):  # no negator, nothing in its scope
                self._negated = (False,) * len(words)
            else:
                self._negated = clauses.negated_tokens(self.tokens)
        return self._negated

    @property
    def sentences(self) -> dict[int, tuple[int, int]]:
        if self._sentences is None:
            numbers = self.tokens.sentence
            if not numbers:
                self._sentences = {}
            elif numbers[-1] == 0:
                self._sentences = {0: (0, len(numbers) - 1)}
            elif numbers[0] == 0:
                # `tokenise` numbers sentences in order (0, 1, 2 …): bisect the bounds
                right = bisect.bisect_right
                ranges = {}
                first = 0
                for number in range(numbers[-1] + 1):
                    after = right(numbers, number, first)
                    if after > first:
                        ranges[number] = (first, after - 1)
                        first = after
                self._sentences = ranges
            else:
                self._sentences = clauses.sentence_ranges(self.tokens)
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


@dataclass(frozen=True, slots=True)
class Hit:
    """A pattern hit located in a block."""

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
        self.blocks: list[BlockText] = []
        self.by_index: dict[int, BlockText] = {}
        self.toc_blocks: list[BlockText] = []
        for index, block in enumerate(document.blocks):
            if block.is_guidance:  # an outline's instruction text: neither evidence nor body
                continue
            text = _prepare(index, block)
            if block.in_toc or _toc_line(block.text):
                self.toc_blocks.append(text)
                continue
            self.blocks.append(text)
            self.by_index[index] = text
        self.position = {text.index: number for number, text in enumerate(self.blocks)}
        """Block index → its place among the non-TOC blocks."""
        self.windows: dict[int, list[tuple[int, ...]]] = {}
        """`sections.passages`' windows per starting place (built on first use)."""
        self._index = _Index(self.blocks)
        self._toc_index: _Index | None = None
        self._hits: dict[str, list[Hit]] = {}
        self._toc_hits: dict[str, list[Hit]] = {}
        self.derived: dict[object, object] = {}
        """Per-document facts the judge derives once for all requirements (see `judge`)."""
        for pattern in clauses.PLACEHOLDERS:
            for hit in self.hits(pattern):
                self.by_index[hit.block].placeholders.add(hit.sentence)

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
                self._toc_index = _Index(self.toc_blocks)
            cached = self._toc_index.find(pattern)
            self._toc_hits[pattern.source] = cached
        return list(cached)

    def words_matching(self, glob: WordGlob) -> list[str]:
        """Distinct document words the glob matches; fuzzy only when nothing matches exactly.

        Note: pattern hits use only the exact words (`WordGlob.matches`); the fuzzy words
        found here have never produced hits.
        """
        words = self._index.exact_words(glob)
        if words:
            return words
        return self._index.fuzzy_words(glob)


class _Index:
    """The words of a list of blocks, concatenated: distinct word → positions, and a hit
    cache per position, so that a word's hits are built once for every pattern matching it.
    """

    def __init__(self, texts: list[BlockText]) -> None:
        self.texts = texts
        words: list[str] = []
        owner: list[int] = []
        offsets: list[int] = []
        for number, text in enumerate(texts):
            offsets.append(len(words))
            words.extend(text.tokens.words)
            owner.extend([number] * len(text.tokens.words))
        self.words = words
        self.owner = owner
        self.offsets = offsets
        self.sentence: list[int] = []
        for text in texts:
            self.sentence.extend(text.tokens.sentence)
        occurrences: dict[str, list[int]] = {}
        get = occurrences.get
        for position, word in enumerate(words):
            found = get(word)
            if found is None:
                occurrences[word] = [position]
            else:
                found.append(position)
        self.occurrences = occurrences
        self.vocabulary = sorted(occurrences)
        self._hit_at: list[Hit | None] = [None] * len(words)
        self._exact: dict[int, list[str]] = {}
        self._fuzzy: dict[int, list[str]] = {}
        self._joined: tuple[str, list[int]] | None = None
        self._lines: str | None = None
        self._line_starts: list[int] = []

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
        end, so no path crosses it)."""
        words, owner, sentence = self.words, self.owner, self.sentence
        found: list[Hit] = []
        after = -1
        for position in positions:
            if position <= after:
                continue
            last = _extend(elements, 1, position, words, owner, sentence)
            if last is None:
                continue
            after = last
            number = owner[position]
            text = self.texts[number]
            offset = self.offsets[number]
            first, final = position - offset, last - offset
            tokens = text.tokens
            found.append(
                Hit(
                    text.index,
                    tokens.sentence[first],
                    first,
                    final,
                    tokens.starts[first],
                    tokens.ends[final],
                )
            )
        return found

    def _hits_at(self, positions: list[int]) -> list[Hit]:
        """The single-token hits at these concatenated positions (built once each)."""
        hit_at = self._hit_at
        out = []
        for position in positions:
            hit = hit_at[position]
            if hit is None:
                text = self.texts[self.owner[position]]
                local = position - self.offsets[self.owner[position]]
                tokens = text.tokens
                hit = Hit(
                    text.index,
                    tokens.sentence[local],
                    local,
                    local,
                    tokens.starts[local],
                    tokens.ends[local],
                )
                hit_at[position] = hit
            out.append(hit)
        return out

    def _regex(self, pattern: Pattern) -> list[Hit]:
        """A `re:` pattern on all blocks at once when it provably cannot see past a block's
        end (see `patterns.joinable`), else block by block."""
        if joinable(pattern):
            found = self._regex_joined(pattern)
            if found is not None:
                return found
        found = []
        for text in self.texts:
            found.extend(_located(text, hit) for hit in pattern.find_in(text.tokens))
        return [h for h in found if h.first_token >= 0]

    def _regex_joined(self, pattern: Pattern) -> list[Hit] | None:
        if self._joined is None:
            starts, total = [], 0
            for text in self.texts:
                starts.append(total)
                total += len(text.tokens.text) + len(SEPARATOR)
            self._joined = (SEPARATOR.join(t.tokens.text for t in self.texts), starts)
        joined, starts = self._joined
        assert pattern.compiled_regex is not None
        try:
            matches = list(pattern.compiled_regex.finditer(joined, timeout=REGEX_TIMEOUT))
        except TimeoutError:
            return None
        found = []
        for match in matches:
            number = bisect.bisect_right(starts, match.start()) - 1
            text = self.texts[number]
            offset = starts[number]
            start, end = match.start() - offset, match.end() - offset
            tokens = text.tokens
            first = bisect.bisect_right(tokens.ends, start)
            last = bisect.bisect_left(tokens.starts, end) - 1
            if first <= last:
                found.append(Hit(text.index, tokens.sentence[first], first, last, start, end))
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

    def fuzzy_words(self, glob: WordGlob) -> list[str]:
        key = id(glob)
        cached = self._fuzzy.get(key)
        if cached is None:
            words: set[str] = set()
            for segments in glob.variants:
                words.update(self._fuzzy_variant(segments))
            cached = sorted(words)
            self._fuzzy[key] = cached
        return cached

    def _fuzzy_variant(self, segments: tuple[str, ...]) -> list[str]:
        """Typo tolerance for a literal word or a literal prefix (`samarbeid*`)."""
        head = segments[0]
        if (
            len(head) < FUZZY_MIN_LENGTH
            or len(segments) > 2
            or (len(segments) == 2 and segments[1])
        ):
            return []
        prefix = len(segments) == 2
        low = bisect.bisect_left(self.vocabulary, head[0])
        high = bisect.bisect_left(self.vocabulary, head[0] + "\U0010ffff")
        candidates = [w for w in self.vocabulary[low:high] if len(w) >= len(head) - 1]
        if not prefix:
            candidates = [w for w in candidates if len(w) <= len(head) + 1]
        choices = [w[: len(head)] if prefix else w for w in candidates]
        matches = process.extract(
            head, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        )
        return [candidates[index] for _, _, index in matches]


def _extend(
    elements: tuple[Element, ...],
    index: int,
    last: int,
    words: list[str],
    owner: list[int],
    sentence: list[int],
) -> int | None:
    """The last position of the first complete path from `last` (see `patterns._extend`)."""
    if index == len(elements):
        return last
    element = elements[index]
    block, number = owner[last], sentence[last]
    for position in range(last + 1, min(last + 2 + element.gap, len(words))):
        if owner[position] != block or sentence[position] != number:
            break
        if element.glob.matches(words[position]):
            found = _extend(elements, index + 1, position, words, owner, sentence)
            if found is not None:
                return found
    return None


def _toc_line(text: str) -> bool:
    """`_TOC_LINE` searched only in a text ending with a digit (as every match does)."""
    tail = text.rstrip()
    return bool(tail) and tail[-1].isdigit() and _TOC_LINE.search(text) is not None


def _prepare(index: int, block: Block) -> BlockText:
    display = nfkc(block.text)
    normalised, cmap = fold(display)
    return BlockText(index, block, display, tokenise(normalised), cmap)


def _located(text: BlockText, hit: PatternMatch) -> Hit:
    first = hit.first_token
    sentence = text.tokens.sentence[first] if first >= 0 else -1
    return Hit(text.index, sentence, first, hit.last_token, hit.start, hit.end)
