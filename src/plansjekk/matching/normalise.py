"""Text normalisation and tokenisation shared by patterns and the matcher.

Matching runs on normalised text (NFKC, lower-case, soft hyphens removed, whitespace folded)
so patterns never need IGNORECASE (notes A5: ~2.3x faster). The matcher also needs to show
the words *as written*, so `normalise_with_map` keeps, for every normalised character, the
index of the character it came from.
"""

from __future__ import annotations

import bisect
import collections
import functools
import itertools
import operator
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
_GAP_HOLDS_BREAK = re.compile(r"[.!?;](?:\s|$)|\n|\|")
"""`_BREAK` for one whole gap between two tokens (its end is the start of the next word)."""


def _is_token_char(char: str) -> bool:
    """True for a character of a `TOKEN` ([^\\W_] is `str.isalnum` in Latin-1, see
    `_latin_words_and_gaps`)."""
    return char.isalnum() or char == "§"


def _gap_class(char: str) -> str:
    """A gap character's class for `_CLASS_HOLDS_BREAK`: "." (a full stop, kept apart for the
    abbreviation rule), "!" (the other sentence ends), "|" (a line break or cell bar), "s"
    (white space) or "o"; a token character becomes a space, so `str.split` cuts there."""
    if _is_token_char(char):
        return " "
    if char in "!?;":
        return "!"
    if char in "\n|":
        return "|"
    if char.isspace():
        return "s"
    return char if char == "." else "o"


_LATIN_LOWER = bytes(ord(chr(code).lower()) for code in range(256))
"""`str.lower` as a byte table: each Latin-1 character lowers to one Latin-1 character."""
_LATIN_NOT_PLAIN = bytes(
    code for code in range(256) if chr(code) in _DROP or (chr(code).isspace() and code != 32)
)
"""Latin-1 characters that `fold` drops or turns into a space (soft hyphen, tab, NBSP …)."""
_LATIN_SPACING = bytes(
    ord("s") if code in (32, 0) else ord("x") if code in _LATIN_NOT_PLAIN else ord(".")
    for code in range(256)
)
"""A space or SEPARATOR becomes "s", a character that is never plain "x", any other "."."""
_LATIN_KEEP_NOT_NFKC = bytes(
    code
    for code in range(256)
    if unicodedata.is_normalized("NFKC", chr(code))  # all but NBSP, "²", "½", "ª" …
)
"""The bytes that `bytes.translate` deletes to leave only characters that NFKC changes."""
_LATIN_WORDS = bytes(code if _is_token_char(chr(code)) else 32 for code in range(256))
"""Keeps token characters and turns every gap character into a space."""
_LATIN_GAPS = bytes(ord(_gap_class(chr(code))) for code in range(256))
"""Writes each gap character as its `_gap_class` and each token character as a space."""
_CLASS_HOLDS_BREAK = re.compile(r"[.!](?:s|\Z)|\|")
"""`_GAP_HOLDS_BREAK` for a gap written in `_gap_class` classes."""


def _latin(text: str) -> bytes | None:
    """The text's Latin-1 bytes (a copy of a one-byte string), or None when it holds a
    character beyond Latin-1: every corpus plan is Latin-1 once normalised, and then C-level
    byte operations replace Python-level passes."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return None


def _plain_latin(data: bytes) -> bool:
    """`_plain_joined` for Latin-1 text, by one table pass and byte searches instead of
    splitting the text into words and joining them again: a space next to a space or a
    SEPARATOR shows as "ss" in `_LATIN_SPACING` (as do two SEPARATORs, an empty block, which
    is checked apart)."""
    if data.startswith(b" ") or data.endswith(b" "):
        return False
    spacing = data.translate(_LATIN_SPACING)
    if b"x" in spacing:
        return False
    if b"ss" in spacing:
        return not (b"  " in data or b" \x00" in data or b"\x00 " in data)
    return True


def _latin_words_and_gaps(text: str) -> tuple[list[str], list[str]] | None:
    """`TOKEN` words and the gaps around them (gap k before word k, one more after the last;
    in `_gap_class` classes, of the same lengths) by byte translation and `str.split`,
    which run in C, instead of a regex split: None when the text is not Latin-1, has no word,
    or has a § touching another token (a gap of length 0, which `str.split` cannot show)."""
    data = _latin(text)
    if data is None or _section_touches_token(text):
        return None
    words = data.translate(_LATIN_WORDS).decode("latin-1").split()
    if not words:
        return None
    gaps = data.translate(_LATIN_GAPS).decode("latin-1").split()
    if _is_token_char(text[0]):
        gaps.insert(0, "")
    if _is_token_char(text[-1]):
        gaps.append("")
    return words, gaps


def _section_touches_token(text: str) -> bool:
    """True when a § directly precedes or follows a letter, digit or another §."""
    position = text.find("§")
    while position >= 0:
        if position and _is_token_char(text[position - 1]):
            return True
        if position + 1 < len(text) and _is_token_char(text[position + 1]):
            return True
        position = text.find("§", position + 1)
    return False


def _words_and_gaps(text: str) -> tuple[list[str], list[str], re.Pattern[str]]:
    """The `TOKEN` words, the gaps around them (gap k before word k, one more after the last)
    and the regex that tells a gap holding a sentence break."""
    split = _latin_words_and_gaps(text)
    if split is not None:
        return *split, _CLASS_HOLDS_BREAK
    # gap, word, gap, word, …, gap in one regex pass; `\w` is checked faster than `[^\W_]`,
    # and is the same where there is no underscore
    parts = (_WORD_SPLIT if "_" not in text else _TOKEN_SPLIT).split(text)
    return parts[1::2], parts[0::2], _GAP_HOLDS_BREAK


def _positions_by_word(words: list[str]) -> dict[str, list[int]]:
    """Distinct word → its positions, in order. Appends each position to its word's list
    with C-level `map`s (a `defaultdict` makes the lists) instead of a Python loop with a
    lookup per word; the factory is then dropped, so a missing word raises as in a dict."""
    occurrences: collections.defaultdict[str, list[int]] = collections.defaultdict(list)
    appends = map(list.append, map(occurrences.__getitem__, words), itertools.count())
    collections.deque(appends, maxlen=0)
    occurrences.default_factory = None
    return occurrences


def _sentence_numbers(
    words: list[str],
    gaps: list[str],
    firsts: list[int],
    holds_break: re.Pattern[str],
    occurrences: dict[str, list[int]],
) -> list[int]:
    """Sentence number per word: a new sentence starts at a block's first word, and at a
    word whose gap before holds a break (`holds_break`) unless the word before is an
    abbreviation directly followed by a full stop. Each distinct gap is tested once (a
    document has few: " ", ". ", ", " …), the gaps are looked up with a C-level `map`, and
    the abbreviations are found through `occurrences`."""
    total = len(words)
    breaking = {gap for gap in set(gaps) if holds_break.search(gap)}
    flags: list[int] = list(map(breaking.__contains__, gaps))
    flags.pop()  # the gap after the last word
    dotted = {gap for gap in breaking if gap.startswith(".")}
    if dotted:
        for word in _ABBREVIATIONS & occurrences.keys():
            for position in occurrences[word]:
                if position + 1 < total and gaps[position + 1] in dotted:
                    flags[position + 1] = 0
    for first in firsts[:-1]:
        if first < total:
            flags[first] = 1
    return list(itertools.accumulate(flags))


class Prepared:
    """Many block texts normalised and tokenised in one pass over their joined text.

    `text` is the normalised texts joined with SEPARATOR; `words`, `starts`, `ends` (offsets
    in `text`) and `owner` (block number) cover every word of every block, `sentence`
    numbers sentences across the whole text (a block always starts a new one), and
    `occurrences` maps each distinct word to its positions in `words`. `tokens(k)`
    gives block k's `Tokens` exactly as `tokenise(fold(nfkc(text))[0])` would.
    """

    __slots__ = (
        "cmaps",
        "cstarts",
        "displays",
        "ends",
        "lengths",
        "occurrences",
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
        """Fills the word arrays from the words and gaps of the joined text, each array
        built by C-level passes (`map`, `accumulate`, slices) rather than a loop per word:
        a long plan has over a hundred thousand words."""
        words, gaps, holds_break = _words_and_gaps(self.text)
        total = len(words)
        lengths = [0] * (2 * total + 1)  # gap, word, gap, word, …, gap
        lengths[0::2] = map(len, gaps)
        lengths[1::2] = map(len, words)
        offsets = list(itertools.accumulate(lengths))
        starts = offsets[0:-1:2]
        firsts = list(map(functools.partial(bisect.bisect_left, starts), self.cstarts))
        firsts.append(total)
        counts = map(operator.sub, firsts[1:], firsts)
        self.words = words
        self.starts = starts
        self.ends = offsets[1::2]
        self.owner = list(
            itertools.chain.from_iterable(map(itertools.repeat, itertools.count(), counts))
        )
        self.offsets = firsts
        self.occurrences = _positions_by_word(words)
        """Distinct word → its positions in `words`."""
        self.sentence = (
            _sentence_numbers(words, gaps, firsts, holds_break, self.occurrences) if total else []
        )

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
    display = _nfkc_joined(joined)
    displays = display.split(SEPARATOR) if display is not joined else list(texts)
    joined = display
    count = len(displays)
    data = _latin(joined)
    if data is not None:  # `str.lower` and `_plain_joined` as byte operations
        lowered = data.translate(_LATIN_LOWER).decode("latin-1")
        plain = _plain_latin(data)
    else:
        lowered = joined.lower()
        plain = len(lowered) == len(joined) and _plain_joined(joined)
    cmaps: list[list[int] | None] = [None] * count
    if plain:
        return displays, lowered, [len(d) for d in displays], cmaps
    if len(lowered) != len(joined):  # a character lowers to two ("İ"): fold block by block
        bad = set(range(count))
    else:
        cstarts = list(itertools.accumulate((len(d) + 1 for d in displays[:-1]), initial=0))
        right = bisect.bisect_right
        bad = {right(cstarts, m.start()) - 1 for m in _NOT_PLAIN_JOINED.finditer(joined)}
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


def _nfkc_joined(joined: str) -> str:
    """`nfkc` of the joined texts (the same object when nothing changes). Quotes are
    replaced first; when that leaves Latin-1 text whose every character is its own NFKC
    form, NFKC then quotes gives the same text (no Latin-1 character composes with another,
    and a quote's NFKC form is itself or a quote replaced alike, "‑" → "‐"), so the
    Unicode check of the whole text is skipped."""
    replaced = _without_quotes(joined)
    data = _latin(replaced)
    if data is not None and not data.translate(None, _LATIN_KEEP_NOT_NFKC):
        return replaced
    if not unicodedata.is_normalized("NFKC", joined):
        joined = unicodedata.normalize("NFKC", joined)
    return _without_quotes(joined)


def _without_quotes(text: str) -> str:
    """`text.translate(_QUOTES)` (the same object when it holds no quote) by `str.replace`
    per quote present: `str.translate` is slow on non-ASCII text."""
    if _QUOTE_CHARS.search(text) is None:
        return text
    for source, target in _QUOTE_PAIRS:
        if source in text:
            text = text.replace(source, target)
    return text


def _plain_joined(joined: str) -> bool:
    """True when `_NOT_PLAIN_JOINED` finds nothing (every block is plain), by C-level
    passes: white space only as single spaces between words, none next to a separator."""
    if " ".join(joined.split()) != joined:
        return False
    if " " + SEPARATOR in joined or SEPARATOR + " " in joined:
        return False
    return not any(char in joined for char in _DROP)


_QUOTE_PAIRS = tuple((chr(source), target) for source, target in _QUOTES.items())
