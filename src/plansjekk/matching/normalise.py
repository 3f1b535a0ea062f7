"""Text normalisation and tokenisation shared by patterns and the matcher.

Matching runs on normalised text (NFKC, lower-case, soft hyphens removed, whitespace folded)
so patterns never need IGNORECASE (notes A5: ~2.3x faster). The matcher also needs to show
the words *as written*, so `normalise_with_map` keeps, for every normalised character, the
index of the character it came from.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass

_DROP = {"\u00ad", "\ufffe", "\u200b", "\u200c", "\u200d", "\ufeff"}
_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
    }
)

TOKEN = re.compile(r"[^\W_]+|§")
"""A word: letters/digits (hyphen, slash and dots separate words), or the § sign."""

_BREAK = re.compile(r"[.!?;](?:\s|$)|\n|\|")
"""Punctuation in the gap between two tokens that ends a sentence (or a table cell)."""
_GAP_BREAK = re.compile(r"[\n|]|[.!?;](?=[\s§]|[^\W_])")
"""`_BREAK` located in the whole text: in a gap, `$` is the start of the next word."""

_ABBREVIATIONS = frozenset(
    [
        "jf",
        "bl",
        "a",
        "ca",
        "dvs",
        "mv",
        "osv",
        "eks",
        "f",
        "nr",
        "pkt",
        "kap",
        "ev",
        "evt",
        "t",
        "o",
        "m",
        "ift",
        "iht",
        "mht",
        "inkl",
        "pga",
        "vedr",
        "tlf",
        "kl",
    ]
)


def normalise(text: str) -> str:
    """NFKC, lower-case, soft hyphens removed, whitespace folded to single spaces."""
    return fold(nfkc(text))[0]


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text plus, per normalised character, its index in `nfkc(text)`.

    The offsets point into the NFKC form (not the raw reader text), which differs only for
    ligatures and compatibility characters; excerpts are cut from that NFKC form.
    """
    normalised, index = fold(nfkc(text))
    return normalised, list(range(len(normalised))) if index is None else index


def fold(source: str) -> tuple[str, list[int] | None]:
    """The normalised form of an already-NFKC text (`nfkc`) and the map of each normalised
    character to its index in `source`; the map is None when it is the identity (the
    common plain line of body text, which then skips the per-character loop)."""
    if _is_plain(source):
        lowered = source.lower()
        if len(lowered) == len(source):
            return lowered, None
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


_NOT_PLAIN = re.compile("[" + "".join(sorted(_DROP)) + r"]|\s{2,}|[^\S ]|^\s|\s$")
_QUOTE_CHARS = re.compile("[" + "".join(chr(c) for c in _QUOTES) + "]")


def _is_plain(source: str) -> bool:
    """True when folding would change nothing but case (`_NOT_PLAIN` finds nothing): every
    run of white space is one space between words, and no character is dropped. Checked
    with `str.split` and `in`, which run in C, instead of the regex's alternation per
    character."""
    if " ".join(source.split()) != source:
        return False
    return not any(char in source for char in _DROP)


def nfkc(text: str) -> str:
    """The display form that `normalise_with_map` offsets refer to."""
    source = unicodedata.normalize("NFKC", text)
    if _QUOTE_CHARS.search(source) is None:  # str.translate is slow on non-ASCII text
        return source
    return source.translate(_QUOTES)


@dataclass(frozen=True, slots=True)
class Tokens:
    """The words of one normalised text with their spans and sentence numbers."""

    text: str
    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    sentence: tuple[int, ...]
    """Sentence number per word; patterns never span a sentence break."""


def tokenise(text: str) -> Tokens:
    """Splits normalised text into words, numbering sentences by the punctuation between.

    A new sentence starts at a word when the gap before it holds a line break, a table-cell
    bar, or one of `.!?;` followed by white space or ending the gap, unless the word before
    is an abbreviation directly followed by a full stop ("jf.", "bl.a."). The break marks are
    found with one regex over the whole text rather than one search per gap.
    """
    words = TOKEN.findall(text)
    count = len(words)
    if count:  # spans from the lengths of the gaps and words, without a match object each
        lengths = [0] * (2 * count + 1)
        lengths[0::2] = map(len, TOKEN.split(text))
        lengths[1::2] = map(len, words)
        offsets = list(itertools.accumulate(lengths))
        starts = tuple(offsets[0:-1:2])
        ends = tuple(offsets[1::2])
    else:
        starts = ends = ()
    words = tuple(words)
    breaks: set[int] = set()
    if count > 1:
        for mark in _GAP_BREAK.finditer(text, starts[0], starts[-1] + 1):
            breaks.add(bisect.bisect_right(starts, mark.start()))
    for position in [p for p in breaks if words[p - 1] in _ABBREVIATIONS]:
        if text[ends[position - 1]] == ".":
            breaks.discard(position)
    if not breaks:
        return Tokens(text, words, starts, ends, (0,) * count)
    flags = [0] * count
    for position in breaks:
        flags[position] = 1
    return Tokens(text, words, starts, ends, tuple(itertools.accumulate(flags)))


SEPARATOR = "\x00"
"""Joins block texts for the one-pass preparation (`Prepared`); never a word or a break."""

_NOT_PLAIN_JOINED = re.compile(
    "[" + "".join(sorted(_DROP)) + r"]|\s{2,}|[^\S ]|(?:^|(?<=\x00))\s|\s(?=\x00|$)"
)
"""`_NOT_PLAIN` for texts joined with SEPARATOR: a match lies in a block that is not plain."""


_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
"""Splits a text into gaps and `TOKEN` words in one pass."""
_WORD_SPLIT = re.compile(r"(\w+|§)")
"""`_TOKEN_SPLIT` for a text without "_"."""
_GAP_MARK = re.compile(r"[\n|.!?;](?:(?<=[\n|])|(?=[\s§]|[^\W_]))")
"""`_GAP_BREAK` starting with a character set, which the regex engine scans for in C."""


class Prepared:
    """Many block texts normalised and tokenised in one pass over their joined text.

    `text` is the normalised texts joined with SEPARATOR; `words`, `starts`, `ends` (offsets
    in `text`) and `owner` (block number) cover every word of every block, and `sentence`
    numbers sentences across the whole text (a block always starts a new one). `tokens(k)`
    gives block k's `Tokens` exactly as `tokenise(fold(nfkc(text))[0])` would.
    """

    __slots__ = (
        "cmaps",
        "cstarts",
        "displays",
        "ends",
        "lengths",
        "offsets",
        "owner",
        "sentence",
        "starts",
        "text",
        "words",
    )

    def __init__(self, texts: list[str]) -> None:
        count = len(texts)
        joined = SEPARATOR.join(texts)
        if count and joined.count(SEPARATOR) == count - 1:
            displays, text, lengths, cmaps = _fold_joined(texts, joined)
        else:  # a text holds the separator itself (or there is none): block by block
            displays = [nfkc(t) for t in texts]
            pairs = [fold(d) for d in displays]
            text = SEPARATOR.join(p[0] for p in pairs)
            lengths = [len(p[0]) for p in pairs]
            cmaps = [p[1] for p in pairs]
        self.displays: list[str] = displays
        self.cmaps: list[list[int] | None] = cmaps
        self.lengths: list[int] = lengths
        self.text = text
        """The normalised texts joined with SEPARATOR (a text may hold one itself: `cstarts`
        are computed from the lengths, never by splitting)."""
        self.cstarts = (
            list(itertools.accumulate((n + 1 for n in lengths[:-1]), initial=0)) if count else []
        )
        self._tokenise()

    def _tokenise(self) -> None:
        text = self.text
        # gap, word, gap, word, …, gap in one regex pass; `\w` is checked faster than
        # `[^\W_]`, and is the same where there is no underscore
        parts = (_WORD_SPLIT if "_" not in text else _TOKEN_SPLIT).split(text)
        words = parts[1::2]
        total = len(words)
        if total:
            offsets = list(itertools.accumulate(map(len, parts)))
            starts = offsets[0:-1:2]
            ends = offsets[1::2]
        else:
            starts, ends = [], []
        left = bisect.bisect_left
        firsts = [left(starts, c) for c in self.cstarts]
        firsts.append(total)
        owner: list[int] = []
        for number in range(len(self.cstarts)):
            owner.extend(itertools.repeat(number, firsts[number + 1] - firsts[number]))
        flags = [0] * total
        for first in firsts[:-1]:
            if first < total:
                flags[first] = 1
        right = bisect.bisect_right
        for mark in _GAP_MARK.finditer(text):
            position = right(starts, mark.start())
            if 0 < position < total and owner[position] == owner[position - 1]:
                before = position - 1
                if words[before] in _ABBREVIATIONS and text[ends[before]] == ".":
                    continue
                flags[position] = 1
        self.words = words
        self.starts = starts
        self.ends = ends
        self.owner = owner
        self.offsets = firsts
        self.sentence = list(itertools.accumulate(flags))

    def folded(self, number: int) -> str:
        start = self.cstarts[number]
        return self.text[start : start + self.lengths[number]]

    def tokens(self, number: int) -> Tokens:
        first, after = self.offsets[number], self.offsets[number + 1]
        text = self.folded(number)
        if first == after:
            return Tokens(text, (), (), (), ())
        shift = self.cstarts[number]
        starts = tuple([s - shift for s in self.starts[first:after]])
        ends = tuple([e - shift for e in self.ends[first:after]])
        sentence = self.sentence
        base = sentence[first]
        if sentence[after - 1] == base:
            numbers: tuple[int, ...] = (0,) * (after - first)
        else:
            numbers = tuple([s - base for s in sentence[first:after]])
        return Tokens(text, tuple(self.words[first:after]), starts, ends, numbers)


def _fold_joined(
    texts: list[str], joined: str
) -> tuple[list[str], str, list[int], list[list[int] | None]]:
    """(displays, folded texts joined, their lengths, cmaps) for texts joined with SEPARATOR,
    with C-level passes over the whole text: NFKC and `str.lower` are concatenation-safe
    across SEPARATOR (a starter that composes with nothing, neither cased nor
    case-ignorable); only the blocks that are not plain are folded character by character."""
    if not unicodedata.is_normalized("NFKC", joined):
        joined = unicodedata.normalize("NFKC", joined)
        changed = True
    else:
        changed = False
    if _QUOTE_CHARS.search(joined) is not None:
        for source, target in _QUOTE_PAIRS:
            if source in joined:
                joined = joined.replace(source, target)
        changed = True
    displays = joined.split(SEPARATOR) if changed else list(texts)
    count = len(displays)
    lowered = joined.lower()
    cmaps: list[list[int] | None] = [None] * count
    if len(lowered) != len(joined):  # a character lowers to two ("İ"): fold block by block
        bad = set(range(count))
    else:
        bad = set()
        if not _plain_joined(joined):
            cstarts = list(itertools.accumulate((len(d) + 1 for d in displays[:-1]), initial=0))
            right = bisect.bisect_right
            for match in _NOT_PLAIN_JOINED.finditer(joined):
                bad.add(right(cstarts, match.start()) - 1)
    if not bad:
        return displays, lowered, [len(d) for d in displays], cmaps
    folded = []
    position = 0
    for number, display in enumerate(displays):
        if number in bad:
            text, cmap = fold(display)
            folded.append(text)
            cmaps[number] = cmap
        else:
            folded.append(lowered[position : position + len(display)])
        position += len(display) + 1
    return displays, SEPARATOR.join(folded), [len(f) for f in folded], cmaps


def _plain_joined(joined: str) -> bool:
    """True when `_NOT_PLAIN_JOINED` finds nothing (every block is plain), by C-level
    passes: white space only as single spaces between words, none next to a separator."""
    if " ".join(joined.split()) != joined:
        return False
    if " " + SEPARATOR in joined or SEPARATOR + " " in joined:
        return False
    return not any(char in joined for char in _DROP)


_QUOTE_PAIRS = tuple((chr(source), target) for source, target in _QUOTES.items())
