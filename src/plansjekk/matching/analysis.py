"""A document prepared once for matching: every block normalised, tokenised and annotated.

Each block's text is normalised exactly once; pattern hits are found through a document
vocabulary (distinct words → occurrences), so a glob is tested against each distinct word
once and a pattern only looks at the positions where its first word matches (notes A9).
Fuzzy matching (rapidfuzz) runs only for literal words that match nothing exactly.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from plansjekk.documents.model import Block, Document
from plansjekk.matching import clauses
from plansjekk.matching.normalise import Tokens, nfkc, normalise_with_map, tokenise
from plansjekk.matching.patterns import Pattern, PatternMatch, WordGlob

_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,3}\s*$")
"""A table-of-contents line the reader did not mark: "3 Samarbeid ........ 7"."""

FUZZY_MIN_LENGTH = 8
FUZZY_CUTOFF = 87.0


@dataclass(slots=True)
class BlockText:
    """One block with its normalised text and the per-token and per-sentence signals."""

    index: int
    block: Block
    display: str
    """The NFKC text that excerpts are cut from (`cmap` points into it)."""
    cmap: list[int]
    tokens: Tokens
    negated: tuple[bool, ...]
    sentences: dict[int, tuple[int, int]]
    instructions: set[int]
    placeholders: set[int]
    echo: set[int] = field(default_factory=set)
    """Filled by `echo.mark_echoes` once the requirements' topic hits are known."""

    def written(self, start: int, end: int) -> str:
        """The text between two normalised offsets, as written (case kept)."""
        if start >= len(self.cmap):
            return ""
        last = self.cmap[min(end, len(self.cmap)) - 1]
        return self.display[self.cmap[start] : last + 1]

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
        occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for index, block in enumerate(document.blocks):
            if block.is_guidance:  # an outline's instruction text: neither evidence nor body
                continue
            text = _prepare(index, block)
            if block.in_toc or _TOC_LINE.search(block.text):
                self.toc_blocks.append(text)
                continue
            self.blocks.append(text)
            self.by_index[index] = text
            for position, word in enumerate(text.tokens.words):
                occurrences[word].append((index, position))
        self.occurrences = dict(occurrences)
        self.vocabulary = sorted(self.occurrences)
        self._glob_words: dict[int, list[str]] = {}
        self._hits: dict[str, list[Hit]] = {}
        for pattern in clauses.PLACEHOLDERS:
            for hit in self.hits(pattern):
                self.by_index[hit.block].placeholders.add(hit.sentence)

    def hits(self, pattern: Pattern) -> list[Hit]:
        """Every hit of `pattern` in the non-TOC blocks, in reading order."""
        cached = self._hits.get(pattern.source)
        if cached is None:
            cached = self._find(pattern, self.blocks)
            self._hits[pattern.source] = cached
        return cached

    def toc_hits(self, pattern: Pattern) -> list[Hit]:
        """Hits in table-of-contents lines (only to explain a `missing`)."""
        return self._find(pattern, self.toc_blocks, use_index=False)

    def _find(self, pattern: Pattern, blocks: list[BlockText], use_index: bool = True) -> list[Hit]:
        found: list[Hit] = []
        if pattern.is_regex or not use_index:
            for text in blocks:
                found.extend(_located(text, hit) for hit in pattern.find_in(text.tokens))
            return [h for h in found if h.first_token >= 0]
        assert pattern.first is not None
        starts: dict[int, list[int]] = defaultdict(list)
        for word in self.words_matching(pattern.first):
            for block, position in self.occurrences[word]:
                starts[block].append(position)
        for block in sorted(starts):
            text = self.by_index[block]
            for hit in pattern.find_in(text.tokens, sorted(starts[block])):
                found.append(_located(text, hit))
        return found

    def words_matching(self, glob: WordGlob) -> list[str]:
        """Distinct document words the glob matches; fuzzy only when nothing matches exactly."""
        key = id(glob)
        cached = self._glob_words.get(key)
        if cached is not None:
            return cached
        words: set[str] = set()
        for segments in glob.variants:
            words.update(self._exact(glob, segments))
        if not words:
            for segments in glob.variants:
                words.update(self._fuzzy(segments))
        result = sorted(words)
        self._glob_words[key] = result
        return result

    def _exact(self, glob: WordGlob, segments: tuple[str, ...]) -> list[str]:
        head = segments[0]
        if len(segments) == 1:
            return [head] if head in self.occurrences else []
        if head:
            low = bisect.bisect_left(self.vocabulary, head)
            high = bisect.bisect_left(self.vocabulary, head + "\U0010ffff")
            candidates = self.vocabulary[low:high]
        else:
            probe = max(segments, key=len)
            candidates = [w for w in self.vocabulary if probe in w]
        return [w for w in candidates if glob.matches(w)]

    def _fuzzy(self, segments: tuple[str, ...]) -> list[str]:
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


def _prepare(index: int, block: Block) -> BlockText:
    normalised, cmap = normalise_with_map(block.text)
    tokens = tokenise(normalised)
    ranges = clauses.sentence_ranges(tokens)
    return BlockText(
        index=index,
        block=block,
        display=nfkc(block.text),
        cmap=cmap,
        tokens=tokens,
        negated=clauses.negated_tokens(tokens),
        sentences=ranges,
        instructions=clauses.instruction_sentences(tokens, ranges),
        placeholders=set(),
    )


def _located(text: BlockText, hit: PatternMatch) -> Hit:
    first = hit.first_token
    sentence = text.tokens.sentence[first] if first >= 0 else -1
    return Hit(text.index, sentence, first, hit.last_token, hit.start, hit.end)
