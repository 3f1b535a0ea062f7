"""The term pattern language of rulesets (see `plansjekk.rules.model`), compiled safely.

Why not translate globs to regular expressions: `\\w*samarbeid\\w*` backtracks (notes A3:
23-30x slower) and a rules author could write something quadratic. Instead a pattern is a
sequence of *word globs* matched against single tokens: each glob is a list of literal
segments checked with `startswith`/`find`/`endswith` (greedy leftmost segment search is
exact for `*`-only globs and linear in the token length). Only `re:` patterns use a regex,
run by the `regex` module with a time limit.

Word globs are interned (`WordGlob.of`) and remember their verdict per distinct token, so a
document's vocabulary is tested once per glob, not once per occurrence (notes A9).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

import regex

from plansjekk.matching.normalise import SEPARATOR, TOKEN, Tokens, normalise, tokenise
from plansjekk.matching.prefilter import never_consumes, parse_regex

MAX_GAP = 3
"""`...` allows up to this many other words between two words."""
MAX_VARIANTS = 64
"""`{a,b}` alternatives multiply; more variants than this is surely a mistake."""
REGEX_TIMEOUT = 0.05
"""Seconds a `re:` pattern may run on one text before it is abandoned."""

# SEPARATOR joins block texts (`normalise.Prepared`): a `joinable` regex never matches it.

_ALLOWED = re.compile(r"[^\W_]|[*{},§\-/.'’]")
_SEPARATORS = "-/.'’"


class PatternError(ValueError):
    """A pattern that cannot be compiled; `column` is 1-based within the pattern text."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"{message} (column {column})")
        self.message = message
        self.column = column


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """One hit: character span in the normalised text, token span, and the matched words."""

    start: int
    end: int
    words: tuple[str, ...]
    first_token: int = -1
    last_token: int = -1


@dataclass(eq=False, slots=True)
class WordGlob:
    """One word of a pattern: literal variants, each a `*`-separated list of segments."""

    source: str
    variants: tuple[tuple[str, ...], ...]
    verdicts: dict[str, bool] = field(default_factory=dict)
    literals: tuple[str, ...] = field(init=False, repr=False)
    """The variants without `*`: a word matches one only by being it (a dictionary look-up
    instead of a test per vocabulary word)."""
    prefixes: tuple[str, ...] = field(init=False, repr=False)
    """The heads of the `head*` variants: every word starting with one matches, so a sorted
    vocabulary's slice needs no test per word."""
    patterned: tuple[tuple[str, ...], ...] = field(init=False, repr=False)
    """The other variants (`*tail`, `a*b` …), tested word by word with `matches`."""

    def __post_init__(self) -> None:
        # split once per glob: a document looks up every glob of the ruleset, most of them
        # literal or prefix globs that find nothing
        self.literals = tuple(v[0] for v in self.variants if len(v) == 1)
        self.prefixes = tuple(v[0] for v in self.variants if _is_prefix(v))
        self.patterned = tuple(v for v in self.variants if len(v) > 1 and not _is_prefix(v))

    @staticmethod
    @cache
    def of(source: str, variants: tuple[tuple[str, ...], ...]) -> WordGlob:
        return WordGlob(source, variants)

    @property
    def literal(self) -> bool:
        return all(len(v) == 1 for v in self.variants)

    def matches(self, token: str) -> bool:
        verdict = self.verdicts.get(token)
        if verdict is None:
            verdict = any(_glob_match(segments, token) for segments in self.variants)
            if len(self.verdicts) < 200_000:
                self.verdicts[token] = verdict
        return verdict


def _is_prefix(segments: tuple[str, ...]) -> bool:
    """True for a `head*` variant (letters, then one trailing `*`)."""
    return len(segments) == 2 and bool(segments[0]) and not segments[1]


def _glob_match(segments: tuple[str, ...], token: str) -> bool:
    """`segments` = the glob split at `*`; linear time, no backtracking."""
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


@dataclass(frozen=True, slots=True)
class Element:
    """A word glob and the number of other words allowed before it (0, or MAX_GAP after `...`)."""

    glob: WordGlob
    gap: int = 0


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled term pattern. Use `finditer` on normalised text, or `find_in` on tokens."""

    source: str
    elements: tuple[Element, ...] = ()
    compiled_regex: regex.Pattern[str] | None = None

    @property
    def is_regex(self) -> bool:
        return self.compiled_regex is not None

    @property
    def first(self) -> WordGlob | None:
        return self.elements[0].glob if self.elements else None

    def finditer(self, text: str) -> Iterator[PatternMatch]:
        """Hits in already-normalised text (see `normalise`)."""
        yield from self.find_in(tokenise(text))

    def find_in(self, tokens: Tokens, starts: list[int] | None = None) -> Iterator[PatternMatch]:
        """Hits in tokenised text; `starts` optionally restricts the candidate first tokens
        (the matcher passes the positions where the first glob is already known to match)."""
        if self.compiled_regex is not None:
            yield from _regex_hits(self.compiled_regex, tokens)
            return
        first = self.first
        assert first is not None
        positions = starts if starts is not None else range(len(tokens.words))
        after = -1
        for position in positions:
            if position <= after or not first.matches(tokens.words[position]):
                continue
            path = _extend(self.elements, 1, [position], tokens)
            if path is not None:
                after = path[-1]
                yield PatternMatch(
                    tokens.starts[path[0]],
                    tokens.ends[path[-1]],
                    tuple(tokens.words[i] for i in path),
                    path[0],
                    path[-1],
                )


def _extend(
    elements: tuple[Element, ...], index: int, path: list[int], tokens: Tokens
) -> list[int] | None:
    """Depth-first extension of a partial match; bounded by (MAX_GAP+1)^len(elements)."""
    if index == len(elements):
        return path
    element = elements[index]
    last = path[-1]
    sentence = tokens.sentence[last]
    for position in range(last + 1, min(last + 2 + element.gap, len(tokens.words))):
        if tokens.sentence[position] != sentence:
            break
        if element.glob.matches(tokens.words[position]):
            found = _extend(elements, index + 1, [*path, position], tokens)
            if found is not None:
                return found
    return None


def _regex_hits(compiled: regex.Pattern[str], tokens: Tokens) -> Iterator[PatternMatch]:
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


def joinable(pattern: Pattern) -> bool:
    """True when the `re:` pattern finds, in texts joined with SEPARATOR, exactly the matches
    it finds in each text alone: it never matches empty text, nothing in it can consume the
    separator, and its only anchors are word boundaries and lookarounds built the same way.
    At a text's edge every such element then fails or succeeds as it does at the separator
    (a non-word character that nothing matches)."""
    return pattern.is_regex and _joinable(pattern.source[3:].strip())


@cache
def _joinable(body: str) -> bool:
    parsed = parse_regex(body)
    return parsed is not None and parsed.getwidth()[0] >= 1 and never_consumes(parsed, SEPARATOR)


@cache
def compile_pattern(text: str) -> Pattern:
    """Compiles one pattern of the ruleset language; raises PatternError with a column."""
    if not text or not text.strip():
        raise PatternError("empty pattern", 1)
    if text.startswith("re:"):
        return _compile_regex(text)
    elements: list[Element] = []
    gap = 0
    for match in re.finditer(r"\S+", text):
        word, column = match.group(), match.start() + 1
        if word == "...":
            if not elements:
                raise PatternError("'...' must stand between two words", column)
            if gap:
                raise PatternError("two '...' in a row", column)
            gap = MAX_GAP
            continue
        for glob in _compile_word(word, column):
            elements.append(Element(glob, gap))
            gap = 0
    if gap:
        raise PatternError("'...' must stand between two words", len(text.rstrip()) - 2)
    if not elements:
        raise PatternError("pattern has no words", 1)
    return Pattern(text, tuple(elements))


def _compile_regex(text: str) -> Pattern:
    body = text[3:].strip()
    if not body:
        raise PatternError("empty regular expression after 're:'", 4)
    try:
        compiled = regex.compile(body, regex.IGNORECASE | regex.V0)
    except regex.error as error:
        position = getattr(error, "pos", None) or 0
        raise PatternError(f"invalid regular expression: {error.msg}", 4 + position) from None
    if compiled.search("") is not None:
        raise PatternError("regular expression matches empty text", 4)
    return Pattern(text, (), compiled)


def _compile_word(word: str, column: int) -> list[WordGlob]:
    """One whitespace-separated word → one glob per token it contains ("k-sak" → k, sak)."""
    for offset, char in enumerate(word):
        if not _ALLOWED.match(char):
            raise PatternError(
                f"character {char!r} is not allowed here (use 're:' for regular expressions)",
                column + offset,
            )
    if "..." in word:
        raise PatternError("'...' must be a separate word", column + word.index("..."))
    variants = _expand(word.lower(), column)
    split = [_split_tokens(v, column) for v in variants]
    counts = {len(parts) for parts in split}
    if len(counts) != 1:
        raise PatternError("alternatives must have the same number of words", column)
    globs = []
    for position in range(counts.pop()):
        options = tuple(dict.fromkeys(parts[position] for parts in split))
        segments = tuple(tuple(option.split("*")) for option in options)
        name = "|".join(options)
        globs.append(WordGlob.of(name, segments))
    return globs


def _split_tokens(variant: str, column: int) -> list[str]:
    """Splits at the separators the tokeniser also splits at; validates `*` use."""
    for separator in _SEPARATORS:
        variant = variant.replace(separator, " ")
    parts = variant.split()
    if not parts:
        raise PatternError("pattern word has no letters", column)
    for part in parts:
        if "**" in part:
            raise PatternError(
                "'**' is not allowed; use a single '*'", column + max(0, variant.find("**"))
            )
        letters = part.replace("*", "")
        if not letters:
            raise PatternError("'*' needs letters around it", column)
        if not all(TOKEN.fullmatch(chunk) for chunk in part.split("*") if chunk):
            raise PatternError("'§' must be a word of its own", column)
    return parts


def _expand(word: str, column: int) -> list[str]:
    """Expands `{a,b}` alternatives; no nesting, no empty braces."""
    pieces: list[list[str]] = []
    position = 0
    while position < len(word):
        opening = word.find("{", position)
        closing = word.find("}", position)
        if closing != -1 and (opening == -1 or closing < opening):
            raise PatternError("'}' without '{'", column + closing)
        if opening == -1:
            pieces.append([word[position:]])
            break
        pieces.append([word[position:opening]])
        end = word.find("}", opening)
        if end == -1:
            raise PatternError("'{' without '}'", column + opening)
        inner = word[opening + 1 : end]
        if "{" in inner:
            raise PatternError("nested '{' is not allowed", column + opening + 1 + inner.index("{"))
        options = inner.split(",")
        if len(options) < 2 or any(not o.strip() for o in options):
            raise PatternError(
                "'{...}' needs at least two non-empty alternatives separated by ','",
                column + opening,
            )
        pieces.append([o.strip() for o in options])
        position = end + 1
    if any("," in option for piece in pieces if len(piece) == 1 for option in piece):
        raise PatternError("',' is only allowed inside '{...}'", column + word.find(","))
    total = 1
    for piece in pieces:
        total *= len(piece)
    if total > MAX_VARIANTS:
        raise PatternError(f"too many alternatives ({total} > {MAX_VARIANTS})", column)
    return ["".join(combo) for combo in itertools.product(*pieces)]


def search(pattern: str, text: str) -> list[PatternMatch]:
    """Convenience for tests and the rules validator: compile, normalise, find all."""
    return list(compile_pattern(pattern).finditer(normalise(text)))
