"""Text normalisation and tokenisation shared by patterns and the matcher.

Matching runs on normalised text (NFKC, lower-case, soft hyphens removed, whitespace folded)
so patterns never need IGNORECASE (notes A5: ~2.3x faster). The matcher also needs to show
the words *as written*, so `normalise_with_map` keeps, for every normalised character, the
index of the character it came from.
"""

from __future__ import annotations

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
    return normalise_with_map(text)[0]


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text plus, per normalised character, its index in `nfkc(text)`.

    The offsets point into the NFKC form (not the raw reader text), which differs only for
    ligatures and compatibility characters; excerpts are cut from that NFKC form.
    """
    source = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if _is_plain(source):
        lowered = source.lower()
        if len(lowered) == len(source):
            return lowered, list(range(len(source)))
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


def _is_plain(source: str) -> bool:
    """True when folding would change nothing but case: the common line of body text, which
    then skips the per-character loop."""
    return _NOT_PLAIN.search(source) is None


def nfkc(text: str) -> str:
    """The display form that `normalise_with_map` offsets refer to."""
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


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
    """Splits normalised text into words, numbering sentences by the punctuation between."""
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
