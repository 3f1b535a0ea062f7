"""The matcher's primitives as they were before the speed work (commit 832a21f), kept as an
oracle: simple, slow, obviously per block. `test_speed_equivalence` asserts that the fast
`plansjekk.matching.analysis.Analysis` finds exactly what this reference finds.

Only the primitives this file freezes are compared: normalisation, tokenisation, the pattern
search per block (with the vocabulary's fuzzy fallback) and hit location. The clause signals
(`clauses.negated_tokens`, `sentence_ranges`, `instruction_sentences`) are called live, so the
accuracy work on them never breaks the oracle.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz, process

from plansjekk.documents.model import Block, Document
from plansjekk.matching import clauses
from plansjekk.matching.analysis import Hit
from plansjekk.matching.normalise import _ABBREVIATIONS, _DROP, _QUOTES, TOKEN, Tokens
from plansjekk.matching.patterns import REGEX_TIMEOUT, Element, Pattern, PatternMatch, WordGlob
from plansjekk.matching.prefilter import can_match, holds_twice

FUZZY_MIN_LENGTH = 8
FUZZY_CUTOFF = 87.0
"""The fuzzy fallback the matcher had: it only ever proposed first-word positions that the
exact glob test then rejected, so it never produced a hit and was removed from the matcher."""

_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|(?:\. ){3,})\s*\d{1,3}\s*$")
_BREAK = re.compile(r"[.!?;](?:\s|$)|\n|\|")


# ----------------------------------------------------------------------------- normalise


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    source = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    out: list[str] = []
    index: list[int] = []
    space_pending = False
    for i, char in enumerate(source):
        if char in _DROP:
            continue
        if char.isspace():
            space_pending = bool(out)
            continue
        if space_pending:
            out.append(" ")
            index.append(i - 1)
            space_pending = False
        lowered = char.lower()
        out.append(lowered)
        index.extend([i] * len(lowered))
    return "".join(out), index


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


def tokenise(text: str) -> Tokens:
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    sentence: list[int] = []
    current = 0
    previous_end = 0
    for match in TOKEN.finditer(text):
        abbreviation = bool(words) and words[-1] in _ABBREVIATIONS and text[previous_end] == "."
        if words and not abbreviation and _BREAK.search(text, previous_end, match.start()):
            current += 1
        words.append(match.group())
        starts.append(match.start())
        ends.append(match.end())
        sentence.append(current)
        previous_end = match.end()
    return Tokens(text, tuple(words), tuple(starts), tuple(ends), tuple(sentence))


# ----------------------------------------------------------------------------- patterns


def glob_match(segments: tuple[str, ...], token: str) -> bool:
    if len(segments) == 1:
        return token == segments[0]
    head, *middle, tail = segments
    if not token.startswith(head) or not token.endswith(tail):
        return False
    position, limit = len(head), len(token) - len(tail)
    if position > limit:
        return False
    for segment in middle:
        found = token.find(segment, position, limit)
        if found < 0:
            return False
        position = found + len(segment)
    return True


def glob_matches(glob: WordGlob, token: str) -> bool:
    return any(glob_match(segments, token) for segments in glob.variants)


def find_in(pattern: Pattern, tokens: Tokens, starts: list[int] | None = None):
    if pattern.compiled_regex is not None:
        yield from _regex_hits(pattern.compiled_regex, tokens)
        return
    first = pattern.elements[0].glob
    positions = starts if starts is not None else range(len(tokens.words))
    after = -1
    for position in positions:
        if position <= after or not glob_matches(first, tokens.words[position]):
            continue
        path = _extend(pattern.elements, 1, [position], tokens)
        if path is not None:
            after = path[-1]
            yield PatternMatch(
                tokens.starts[path[0]],
                tokens.ends[path[-1]],
                tuple(tokens.words[i] for i in path),
                path[0],
                path[-1],
            )


def _extend(elements: tuple[Element, ...], index: int, path: list[int], tokens: Tokens):
    if index == len(elements):
        return path
    element = elements[index]
    last = path[-1]
    sentence = tokens.sentence[last]
    for position in range(last + 1, min(last + 2 + element.gap, len(tokens.words))):
        if tokens.sentence[position] != sentence:
            break
        if glob_matches(element.glob, tokens.words[position]):
            found = _extend(elements, index + 1, [*path, position], tokens)
            if found is not None:
                return found
    return None


def _regex_hits(compiled: regex.Pattern[str], tokens: Tokens):
    try:
        hits = list(compiled.finditer(tokens.text, timeout=REGEX_TIMEOUT))
    except TimeoutError:
        return
    for hit in hits:
        if hit.end() == hit.start():
            continue
        first = bisect.bisect_right(tokens.ends, hit.start())
        last = bisect.bisect_left(tokens.starts, hit.end()) - 1
        inside = first <= last
        yield PatternMatch(
            hit.start(), hit.end(), (hit.group(),), first if inside else -1, last if inside else -1
        )


def search(pattern: Pattern, text: str) -> list[PatternMatch]:
    return list(find_in(pattern, tokenise(normalise_with_map(text)[0])))


# ----------------------------------------------------------------------------- analysis


@dataclass(slots=True)
class RefBlock:
    index: int
    block: Block
    display: str
    cmap: list[int]
    tokens: Tokens
    negated: tuple[bool, ...]
    sentences: dict[int, tuple[int, int]]
    instructions: set[int]
    placeholders: set[int]


class ReferenceAnalysis:
    def __init__(self, document: Document) -> None:
        self.blocks: list[RefBlock] = []
        self.by_index: dict[int, RefBlock] = {}
        self.toc_blocks: list[RefBlock] = []
        occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for index, block in enumerate(document.blocks):
            if block.is_guidance:
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
        for pattern in clauses.PLACEHOLDERS:
            for hit in self.hits(pattern):
                self.by_index[hit.block].placeholders.add(hit.sentence)

    def hits(self, pattern: Pattern) -> list[Hit]:
        return self._find(pattern, self.blocks)

    def toc_hits(self, pattern: Pattern) -> list[Hit]:
        return self._find(pattern, self.toc_blocks, use_index=False)

    def _find(self, pattern: Pattern, blocks: list[RefBlock], use_index: bool = True) -> list[Hit]:
        found: list[Hit] = []
        if pattern.is_regex or not use_index:
            for text in blocks:
                found.extend(_located(text, hit) for hit in find_in(pattern, text.tokens))
            return [h for h in found if h.first_token >= 0]
        first = pattern.elements[0].glob
        starts: dict[int, list[int]] = defaultdict(list)
        for word in self.words_matching(first):
            for block, position in self.occurrences[word]:
                starts[block].append(position)
        for block in sorted(starts):
            text = self.by_index[block]
            for hit in find_in(pattern, text.tokens, sorted(starts[block])):
                found.append(_located(text, hit))
        return found

    def words_matching(self, glob: WordGlob) -> list[str]:
        words: set[str] = set()
        for segments in glob.variants:
            words.update(self._exact(segments))
        if not words:
            for segments in glob.variants:
                words.update(self._fuzzy(segments))
        return sorted(words)

    def _exact(self, segments: tuple[str, ...]) -> list[str]:
        head = segments[0]
        if len(segments) == 1:
            return [head] if head in self.occurrences else []
        if head:
            low = bisect.bisect_left(self.vocabulary, head)
            high = bisect.bisect_left(self.vocabulary, head + "\U0010ffff")
            candidates = self.vocabulary[low:high]
        else:
            candidates = self.vocabulary
        return [w for w in candidates if glob_match(segments, w)]

    def _fuzzy(self, segments: tuple[str, ...]) -> list[str]:
        head = segments[0]
        if (
            len(head) < FUZZY_MIN_LENGTH
            or len(segments) > 2
            or (len(segments) == 2 and segments[1])
        ):
            return []
        prefix = len(segments) == 2
        candidates = [
            w for w in self.vocabulary if w.startswith(head[0]) and len(w) >= len(head) - 1
        ]
        if not prefix:
            candidates = [w for w in candidates if len(w) <= len(head) + 1]
        choices = [w[: len(head)] if prefix else w for w in candidates]
        matches = process.extract(
            head, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        )
        return [candidates[index] for _, _, index in matches]


def _prepare(index: int, block: Block) -> RefBlock:
    normalised, cmap = normalise_with_map(block.text)
    tokens = tokenise(normalised)
    ranges = clauses.sentence_ranges(tokens)
    return RefBlock(
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


def _located(text: RefBlock, hit: PatternMatch) -> Hit:
    first = hit.first_token
    sentence = text.tokens.sentence[first] if first >= 0 else -1
    return Hit(text.index, sentence, first, hit.last_token, hit.start, hit.end)


# ----------------------------------------------------------------------------- prefilter


def stop_positions(text: str, stops: str) -> list[int]:
    """Where in `text` the `stops` characters are, in order."""
    return [match.start() for match in re.finditer("[" + re.escape(stops) + "]", text)]


def spans_holding(
    text: str,
    sets: tuple[frozenset[str], ...],
    stops: list[int],
    twice: frozenset[str] | None = None,
) -> list[tuple[int, int]]:
    """The stretches of `text` between stop positions that hold a text of every set (and
    two of `twice`), found from every occurrence of the first set's texts in the whole
    text: the sentences `_Index._spans_holding` finds through the vocabulary."""
    openings = sorted(
        position
        for literal in sets[0]
        for position in range(len(text))
        if text.startswith(literal, position)
    )
    spans: list[tuple[int, int]] = []
    judged = 0
    for position in openings:
        if position < judged:
            continue
        after = bisect.bisect_left(stops, position)
        start = stops[after - 1] + 1 if after else 0
        judged = stops[after] if after < len(stops) else len(text)
        span = text[start:judged]
        if can_match(sets[1:], span) and (twice is None or holds_twice(twice, span)):
            spans.append((start, judged))
    return spans
