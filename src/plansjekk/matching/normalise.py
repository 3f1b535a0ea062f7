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
