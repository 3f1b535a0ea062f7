"""Where a `re:` pattern can match, decided from its syntax without running it.

A large pattern costs tens of microseconds per block or sentence even where it finds
nothing, so the matcher runs it only where it can match. Most patterns name words every match
must contain: the cooperation pattern needs one of the services *and* one of the meeting
verbs. `required_literals` derives such sets from the pattern's syntax tree (the classic
"prefilter" of regex engines), as a conjunction of alternatives: every match contains at
least one text of each set. `required_twice` finds a set every match holds twice, in
separate places (two services … meet), and `required_marks` the marks it demands where it
demands no longer text. `stays_in_sentences` and `never_consumes` tell which characters the
pattern cannot run over, so a text cut there holds the same matches: the matcher then runs
the pattern only in the sentences (`stretch_around`) or blocks that hold the demanded
texts, and `patterns.joinable` runs a pattern on all blocks joined. It finds those
sentences through the words the texts lie on (`literal_pieces`): a document's distinct
words are far fewer than its characters.

The derivation is conservative: whatever it cannot read with certainty (syntax the `regex`
module reads differently from `re`, back-references, characters that other characters fold
to under IGNORECASE) contributes no requirement, never a wrong one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from re import _constants as _c
from re import _parser as _re_parser
from typing import NamedTuple

import regex

from plansjekk.matching.normalise import TOKEN

MIN_LENGTH = 3
"""Shorter texts are in nearly every block: not worth a search."""
MAX_TEXTS = 64
"""An alternative set larger than this is not built (literal products multiply)."""
MAX_SETS = 3
"""The best this many sets are kept; more rarely excludes more blocks."""

CASE_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789æøåäöüéè-/§ '")
"""Characters that, in normalised text (NFKC, lower-cased), only the character itself
matches under the `regex` module's IGNORECASE (the Kelvin sign and the long s become k and s
under NFKC). tests/matching/test_prefilter.py checks this against every code point."""

_UNSURE = re.compile(r"\(\?(?![:=!]|<[=!])|\{[^\d,}]|\[:|\\[pPNXGKLmM]")
"""Syntax the `regex` module reads differently from `re`'s parser (inline flags, fuzzy
`{e<=1}`, POSIX classes, properties…): such patterns get no prefilter."""

_GROUP_SYNTAX = re.compile(r"\(\?P?<(?![=!])\w+>|\(\?\(\w+\)")
"""A named group's opening, `(?P<name>` or `(?<name>`, or a conditional's `(?(name)`."""


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a piece of a pattern says about the text it matches: `exact` is every text it can
    match, when that is a small literal set; `sets` are alternatives every match contains;
    every match begins with a text of `prefix` and ends with one of `suffix` (when known).
    Prefixes and suffixes let literal runs continue into and out of groups: `re`'s parser
    turns `ppt|pp-tene` into `pp(?:t|-tene)`, which still requires "ppt" or "pp-tene"."""

    exact: frozenset[str] | None = None
    sets: tuple[frozenset[str], ...] = ()
    prefix: frozenset[str] | None = None
    suffix: frozenset[str] | None = None
    never: bool = False

    @property
    def head(self) -> frozenset[str] | None:
        return self.exact if self.exact is not None else self.prefix

    @property
    def tail(self) -> frozenset[str] | None:
        return self.exact if self.exact is not None else self.suffix


_NOTHING = _Facts()
_EMPTY = _Facts(exact=frozenset([""]))
_NEVER = _Facts(never=True)


def required_literals(body: str) -> tuple[frozenset[str], ...]:
    """Sets of texts such that every match of the regular expression `body` (as compiled
    for `re:` patterns: IGNORECASE, on normalised text) contains one text of each set.
    Empty when nothing is certain."""
    return _required_literals(body)


def can_match(sets: tuple[frozenset[str], ...], text: str) -> bool:
    """False when `text` lacks every text of one of the sets, so no match can be in it
    (each set is tested with a C-level `map`: it is asked of many sentences and blocks)."""
    holds = text.__contains__
    return all(any(map(holds, alternatives)) for alternatives in sets)


class Piece(NamedTuple):
    """A run of word characters in a demanded text: wherever the text occurs, the piece lies
    in one word of the tokenised text (`normalise.TOKEN`), which begins with it when
    `opens` and ends with it when `closes`."""

    text: str
    opens: bool
    closes: bool


@cache
def literal_pieces(literal: str) -> tuple[Piece, ...]:
    """The word pieces of a demanded text, so that its occurrences can be looked for among
    a document's distinct words instead of in its whole text. A demanded text holds only
    `CASE_SAFE` characters: its letters and digits are word characters to the tokeniser,
    and the rest (space, `-`, `/`, `'`, `§`) are not, so a piece that is not at the text's
    edge meets a word's edge there (`§` is a word of its own)."""
    pieces = []
    for match in TOKEN.finditer(literal):
        start, end = match.span()
        alone = match.group() == "§"
        pieces.append(Piece(match.group(), alone or start > 0, alone or end < len(literal)))
    return tuple(pieces)


@cache
def parse_regex(body: str):  # -> re._parser.SubPattern | None
    """The syntax tree of a `re:` pattern's body as `re`'s parser reads it, with named
    groups and conditionals as plain groups (`_without_group_syntax`); None for syntax the
    `regex` module may read differently, so nothing is concluded from it."""
    plain = _without_group_syntax(body)
    if plain is None or _UNSURE.search(plain):
        return None
    try:
        return _re_parser.parse(plain, 0)
    except (re.error, RecursionError, OverflowError):
        return None


@cache
def _required_literals(body: str) -> tuple[frozenset[str], ...]:
    parsed = parse_regex(body)
    if parsed is None:
        return ()
    facts = _sequence(list(parsed))
    if facts.never:
        return ()
    return _best(_sets_of(facts))


def _without_group_syntax(body: str) -> str | None:
    """The pattern with named groups and conditionals as plain non-capturing groups:
    `re`'s parser refuses names defined twice, which the `regex` module allows. A
    conditional `(?(name)yes|no)` becomes `(?:yes|no)`: the match is one of the two. None
    for back-references by name, whose text this module cannot know."""
    if "(?P=" in body or "\\g<" in body:
        return None
    out: list[str] = []
    position, length = 0, len(body)
    while position < length:
        char = body[position]
        if char == "\\":
            out.append(body[position : position + 2])
            position += 2
        elif char == "[":
            end = _class_end(body, position)
            out.append(body[position:end])
            position = end
        elif (match := _GROUP_SYNTAX.match(body, position)) is not None:
            out.append("(?:")
            position = match.end()
        else:
            out.append(char)
            position += 1
    return "".join(out)


def _class_end(body: str, start: int) -> int:
    """The index just past the character class opening at `start`."""
    position = start + 1
    if body.startswith("^", position):
        position += 1
    if body.startswith("]", position):
        position += 1
    while position < len(body) and body[position] != "]":
        position += 2 if body[position] == "\\" else 1
    return position + 1


def _sequence(items: list) -> _Facts:
    """Facts of consecutive items: literal texts multiply into longer texts (a run) until an
    item that is not a small literal set ends the run; the run joined with that item's
    prefix is one more set every match contains."""
    run: frozenset[str] | None = frozenset([""])
    sets: list[frozenset[str]] = []
    prefix: frozenset[str] | None = None
    broken = False
    for op, value in items:
        facts = _item(op, value)
        if facts.never:
            return _NEVER
        if facts.exact is not None and run is not None:
            joined = _product(run, facts.exact)
            if joined is not None:
                run = joined
                continue
        ended = run
        if run is not None and facts.head is not None:
            ended = _product(run, facts.head) or run
        if not broken:
            prefix, broken = ended, True
        if ended is not None:
            sets.extend(_sets_of(_Facts(exact=ended)))
        sets.extend(facts.sets)
        run = facts.tail
    if not broken:
        return _Facts(exact=run)
    if run is not None:
        sets.extend(_sets_of(_Facts(exact=run)))
    return _Facts(sets=tuple(sets), prefix=prefix, suffix=run)


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > MAX_TEXTS:
        return None
    return frozenset(a + b for a in left for b in right)


_ITEM_FACTS: dict[tuple[object, int], tuple[object, _Facts]] = {}
"""An item's facts by its op and the identity of its value, a node of a tree that
`parse_regex` keeps (the entry holds the value too, so its identity is never another's):
`required_twice` asks for the facts of each nested item again at every level above it."""


def _item(op, value) -> _Facts:
    if op is _c.LITERAL:
        char = chr(value)
        return _Facts(exact=frozenset([char])) if char in CASE_SAFE else _NOTHING
    if not isinstance(value, (list, tuple, _re_parser.SubPattern)):
        return _item_facts(op, value)
    key = (op, id(value))
    known = _ITEM_FACTS.get(key)
    if known is None:
        known = _ITEM_FACTS[key] = (value, _item_facts(op, value))
    return known[1]


def _item_facts(op, value) -> _Facts:
    if op is _c.IN:
        return _character_set(value)
    if op is _c.SUBPATTERN:
        return _sequence(list(value[3]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(value))
    if op is _c.BRANCH:
        return _branches([_sequence(list(branch)) for branch in value[1]])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return _repeat(value[0], value[1], _sequence(list(value[2])))
    if op is _c.ASSERT_NOT and not list(value[1]):
        return _NEVER  # `(?!)`: the branch that can never match
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY  # zero-width: consumes nothing, so literal runs continue past it
    if op is _c.GROUPREF_EXISTS:
        no = _sequence(list(value[2])) if value[2] is not None else _EMPTY
        return _branches([_sequence(list(value[1])), no])
    return _NOTHING  # ANY, NOT_LITERAL, back-references, anything unknown


_SPACE = frozenset(" ")
"""What `\\s` matches in normalised text, where all white space is single spaces."""


def _character_set(items) -> _Facts:
    if list(items) == [(_c.CATEGORY, _c.CATEGORY_SPACE)]:
        return _Facts(exact=_SPACE)
    chars = []
    for op, value in items:
        if op is not _c.LITERAL or chr(value) not in CASE_SAFE:
            return _NOTHING
        chars.append(chr(value))
    return _Facts(exact=frozenset(chars)) if len(chars) <= MAX_TEXTS else _NOTHING


def _repeat(low: int, high: int, facts: _Facts) -> _Facts:
    if facts.never:
        return _EMPTY if low == 0 else _NEVER
    if facts.exact == _SPACE and low <= 1:  # normalised text never has two spaces in a row
        return _Facts(exact=_SPACE if low else frozenset(["", " "]))
    if facts.exact is not None and high <= 3:
        texts: set[str] = set()
        part: frozenset[str] | None = frozenset([""])
        for count in range(high + 1):
            if count >= low:
                texts.update(part)
            if count == high and len(texts) <= MAX_TEXTS:
                return _Facts(exact=frozenset(texts))
            part = _product(part, facts.exact)
            if part is None:
                break
    if low == 0:
        return _NOTHING
    return _Facts(sets=_sets_of(facts), prefix=facts.head, suffix=facts.tail)


def _branches(branches: list[_Facts]) -> _Facts:
    """Every match takes one branch: a set holds for the whole when each branch contributes
    one of its own sets to it (any choice is sound; the best few are kept)."""
    possible = [b for b in branches if not b.never]
    if not possible:
        return _NEVER
    if all(b.exact is not None for b in possible):
        texts = _union([b.exact for b in possible])
        if texts is not None:
            return _Facts(exact=texts)
    sets: tuple[frozenset[str], ...] = ()
    choices = [_best(_sets_of(b)) for b in possible]
    if all(choices):
        picks = itertools.islice(itertools.product(*choices), 512)
        unions = {_shortest(frozenset().union(*pick)) for pick in picks}
        sets = _best(tuple(u for u in unions if len(u) <= MAX_TEXTS))
    return _Facts(
        sets=sets,
        prefix=_union([b.head for b in possible]),
        suffix=_union([b.tail for b in possible]),
    )


def _union(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The texts of all parts, unless one is unknown or there are too many."""
    if any(part is None for part in parts):
        return None
    texts = frozenset().union(*parts)
    return texts if len(texts) <= MAX_TEXTS else None


def _sets_of(facts: _Facts) -> tuple[frozenset[str], ...]:
    """A piece's sets, with its exact texts as one more set when none is too short."""
    sets = facts.sets
    if facts.exact is not None and facts.exact and min(map(len, facts.exact)) >= MIN_LENGTH:
        sets = (*sets, _shortest(facts.exact))
    return sets


@cache
def _shortest(texts: frozenset[str]) -> frozenset[str]:
    """The texts without those that contain another of them: a text holding "styrere"
    holds "styrer", so the shorter one alone tests the same. Only the shorter texts kept so
    far are tried (a text another contains is shorter, and a dropped one holds a kept one),
    and each set once per process: the same sets recur at every level of a pattern."""
    kept: list[str] = []
    for text in sorted(texts, key=len):
        if not any(shorter in text for shorter in kept if len(shorter) < len(text)):
            kept.append(text)
    return frozenset(kept)


def _best(sets: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """The most selective sets (longest shortest text, then fewest texts), skipping sets
    that mostly repeat one already taken: different words exclude different blocks."""
    ranked = sorted(set(sets), key=lambda s: (-min(map(len, s)), len(s), sorted(s)))
    taken: list[frozenset[str]] = []
    for candidate in ranked:
        if all(len(candidate & chosen) * 2 <= len(candidate) for chosen in taken):
            taken.append(candidate)
        if len(taken) == MAX_SETS:
            break
    return tuple(taken)


# ----------------------------------------------------------------------------- marks

MARKS = frozenset("-/§'")
"""The `CASE_SAFE` characters that no word holds but a space: a pattern may demand one
where it demands no longer text ("/" in "sak 12/24"), and a document may hold it rarely."""


def required_marks(body: str) -> frozenset[str]:
    """`MARKS` every match of the regular expression `body` consumes: the literal marks of
    its sequence, of the groups and repeats (at least once) it is made of, and those every
    branch demands. Lookarounds and classes are not read (they demand nothing here)."""
    return _required_marks(body)


@cache
def _required_marks(body: str) -> frozenset[str]:
    parsed = parse_regex(body)
    return frozenset() if parsed is None else _marks_in(list(parsed))


def _marks_in(items: list) -> frozenset[str]:
    found: set[str] = set()
    for op, value in items:
        if op is _c.LITERAL and chr(value) in MARKS:
            found.add(chr(value))
        elif op is _c.SUBPATTERN:
            found |= _marks_in(list(value[3]))
        elif op is _c.ATOMIC_GROUP:
            found |= _marks_in(list(value))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and value[0] >= 1:
            found |= _marks_in(list(value[2]))
        elif op is _c.BRANCH:
            found |= frozenset.intersection(*(_marks_in(list(b)) for b in value[1]))
    return frozenset(found)


# ----------------------------------------------------------------------------- twice


def required_twice(body: str) -> frozenset[str] | None:
    """Texts of which every match holds two occurrences that do not overlap, or None. Two
    parts of a sequence match separate stretches of text, so when each demands a text of a
    set, the match holds two: "two services … meet" needs two service names, and a sentence
    naming one service cannot hold a match."""
    return _required_twice(body)


def holds_twice(texts: frozenset[str], text: str) -> bool:
    """Whether `text` holds two occurrences of `texts` that do not overlap. Most texts asked
    about hold one at most, which `str.count` tells first: it counts a text's occurrences
    that do not overlap, so two that do not overlap make a sum of at least two."""
    if sum(map(text.count, texts)) < 2:
        return False
    occurrences = sorted(
        (position + len(literal), position)
        for literal in texts
        for position in positions_of(text, literal)
    )
    end = -1
    found = 0
    for after, position in occurrences:  # the earliest-ending occurrences first
        if position >= end:
            found += 1
            end = after
            if found == 2:
                return True
    return False


@cache
def _required_twice(body: str) -> frozenset[str] | None:
    parsed = parse_regex(body)
    if parsed is None:
        return None
    return _twice_in_sequence(list(parsed))


def _twice_in_sequence(items: list) -> frozenset[str] | None:
    """The best set of which two parts of the sequence (or one part, within itself) each
    demand a text."""
    candidates: list[frozenset[str]] = []
    demands: list[tuple[frozenset[str], ...]] = []
    for op, value in items:
        facts = _item(op, value)
        if facts.never:
            return None
        demands.append(_best(_sets_of(facts)))
        nested = _twice_in_item(op, value)
        if nested is not None:
            candidates.append(nested)
    for first, second in itertools.combinations([d for d in demands if d], 2):
        for one in first:
            for other in second:
                joined = _shortest(one | other)
                if len(joined) <= MAX_TEXTS:
                    candidates.append(joined)
    best = _best(tuple(candidates))
    return best[0] if best else None


def _twice_in_item(op, value) -> frozenset[str] | None:
    if op is _c.SUBPATTERN:
        return _twice_in_sequence(list(value[3]))
    if op is _c.ATOMIC_GROUP:
        return _twice_in_sequence(list(value))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and value[0] >= 1:
        return _twice_in_sequence(list(value[2]))
    if op is _c.BRANCH:
        branches = [list(branch) for branch in value[1] if not _sequence(list(branch)).never]
        found = [_twice_in_sequence(branch) for branch in branches]
        if not found or any(f is None for f in found):
            return None
        texts = _shortest(frozenset().union(*found))
        return texts if len(texts) <= MAX_TEXTS else None
    return None


# ----------------------------------------------------------------------------- digits


def opens_on_digit(body: str) -> bool:
    """True when every match of the regular expression `body` begins with a word boundary
    and a digit 0-9 (dates, years, case numbers), and no part of it looks behind: in text
    without other digits, such a match begins where a run of digits begins (`digit_runs`)
    and reads nothing before the character there, so the text from the character before
    the run holds the same matches, and a plan holds few digits."""
    return _opens_on_digit(body)


@cache
def _opens_on_digit(body: str) -> bool:
    parsed = parse_regex(body)
    if parsed is None:
        return False
    items = list(parsed)
    return (
        items[:1] == [(_c.AT, _c.AT_BOUNDARY)]
        and _digit_first(items[1:])
        and not _looks_behind(items)
    )


def _looks_behind(items) -> bool:
    """True when a lookbehind (or an item not read here) is anywhere in `items`."""
    c = _c
    for op, value in items:
        if op in (c.ASSERT, c.ASSERT_NOT):
            if value[0] < 0 or _looks_behind(value[1]):
                return True
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if _looks_behind(value[2]):
                return True
        elif op is c.SUBPATTERN:
            if _looks_behind(value[3]):
                return True
        elif op is c.ATOMIC_GROUP:
            if _looks_behind(value):
                return True
        elif op is c.BRANCH:
            if any(_looks_behind(branch) for branch in value[1]):
                return True
        elif op not in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.AT, c.CATEGORY):
            return True  # group references, conditionals, anything unknown
    return False


def _digit_first(items: list) -> bool:
    """True when the first character every match of `items` consumes is a digit 0-9."""
    if not items:
        return False
    op, value = items[0]
    if op is _c.LITERAL:
        return chr(value) in _DIGITS
    if op is _c.IN:
        return _only_digits(value)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        return value[0] >= 1 and _digit_first(list(value[2]))
    if op is _c.SUBPATTERN:
        return _digit_first(list(value[3]))
    if op is _c.ATOMIC_GROUP:
        return _digit_first(list(value))
    if op is _c.BRANCH:
        return all(_digit_first(list(branch)) for branch in value[1])
    return False


_DIGITS = "0123456789"


def _only_digits(items) -> bool:
    """Whether a character class matches nothing but digits (`\\d`: the Unicode digits,
    of which Latin-1 text holds only 0-9)."""
    for op, value in items:
        if op is _c.LITERAL:
            if chr(value) not in _DIGITS:
                return False
        elif op is _c.RANGE:
            if not (ord("0") <= value[0] and value[1] <= ord("9")):
                return False
        elif not (op is _c.CATEGORY and value is _c.CATEGORY_DIGIT):
            return False  # NEGATE, other categories
    return True


_DIGIT_MARKS = bytes(0x31 if chr(code) in _DIGITS else 0x30 for code in range(256))
"""Writes each digit 0-9 as "1" and every other Latin-1 character as "0"."""


def digit_runs(text: str) -> list[int] | None:
    """Where each run of digits in `text` begins, or None when the text holds a character
    beyond Latin-1 (where `\\d` matches other digits too). Found by a byte translation and
    `bytes.find`, which run in C, instead of a regex pass."""
    try:
        marked = text.encode("latin-1").translate(_DIGIT_MARKS)
    except UnicodeEncodeError:
        return None
    find = marked.find
    found = []
    position = find(b"1")
    while position >= 0:
        found.append(position)
        after = find(b"0", position)
        if after < 0:
            break
        position = find(b"1", after)
    return found


# ----------------------------------------------------------------------------- stops


def never_consumes(items, char: str) -> bool:
    """True when no part of the parsed pattern can consume `char` (a non-word character)
    and its only anchors are word boundaries: at a text's edge every element then fails or
    succeeds as it does next to `char`. So a text cut at such characters holds exactly the
    matches the whole text holds, and texts joined with one hold exactly their own."""
    code = ord(char)
    c = _c
    for op, value in items:
        if op is c.LITERAL:
            if value == code:
                return False
        elif op is c.NOT_LITERAL:
            if value != code:
                return False
        elif op is c.IN:
            if _set_holds(value, char):
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if not never_consumes(value[2], char):
                return False
        elif op is c.SUBPATTERN:
            if not never_consumes(value[3], char):
                return False
        elif op is c.ATOMIC_GROUP:
            if not never_consumes(value, char):
                return False
        elif op is c.BRANCH:
            if not all(never_consumes(branch, char) for branch in value[1]):
                return False
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if not never_consumes(value[1], char):
                return False
        elif op is c.AT:
            if value not in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY):
                return False
        elif op is not c.GROUPREF:
            return False  # ANY, conditionals, anything unknown
    return True


_CATEGORIES = {
    _c.CATEGORY_DIGIT: re.compile(r"\d"),
    _c.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _c.CATEGORY_SPACE: re.compile(r"\s"),
    _c.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _c.CATEGORY_WORD: re.compile(r"\w"),
    _c.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _set_holds(items, char: str) -> bool:
    """Whether a character class may match `char` (True when unsure)."""
    negate, contains = False, False
    for op, value in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            contains |= value == ord(char)
        elif op is _c.RANGE:
            contains |= value[0] <= ord(char) <= value[1]
        elif op is _c.CATEGORY and value in _CATEGORIES:
            contains |= _CATEGORIES[value].match(char) is not None
        else:
            return True
    return negate != contains


SENTENCE_STOPS = ".!?;:"
"""The marks that end a sentence or clause. (Normalised text has no line breaks: all white
space is single spaces.)"""


@cache
def stays_in_sentences(body: str) -> bool:
    """True when the pattern never consumes a sentence stop, so every match lies between
    two of them."""
    parsed = parse_regex(body)
    return parsed is not None and all(never_consumes(parsed, char) for char in SENTENCE_STOPS)


def stretch_around(text: str, position: int, start: int, end: int, stops: str) -> tuple[int, int]:
    """The stretch of `text[start:end]` between the `stops` characters around `position`
    (not a stop): two anchored matches of the characters that are not stops, one run
    backwards from `position` (the `regex` module's REVERSE), instead of finding every
    stop of the text to bisect them."""
    before, after = _stretch_finders(stops)
    return before.match(text, start, position).start(), after.match(text, position, end).end()


def positions_of(text: str, literal: str) -> list[int]:
    """Where `literal` starts in `text`, overlaps included."""
    found = []
    position = text.find(literal)
    while position >= 0:
        found.append(position)
        position = text.find(literal, position + 1)
    return found


@cache
def _stretch_finders(stops: str) -> tuple[regex.Pattern[str], re.Pattern[str]]:
    """Runs of characters that are not `stops`: (backwards from the end, forwards)."""
    others = "[^" + re.escape(stops) + "]*"
    return regex.compile(others, regex.REVERSE), re.compile(others)
