"""The regex prefilter: the texts it demands are in every match, and the characters it
assumes are safe are safe in normalised text."""

from __future__ import annotations

import bisect

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.matching.normalise import SEPARATOR, normalise, tokenise
from plansjekk.matching.patterns import compile_pattern, joinable
from plansjekk.matching.prefilter import (
    CASE_SAFE,
    SENTENCE_STOPS,
    _shortest,
    can_match,
    digit_runs,
    holds_twice,
    literal_pieces,
    opens_on_digit,
    required_literals,
    required_marks,
    required_twice,
    stays_in_sentences,
    stretch_around,
)
from tests.matching import reference_matcher as ref

FLAGS = regex.IGNORECASE | regex.V0


def every_normalised_character() -> str:
    """Every code point, normalised (joined by spaces, so nothing composes across them)."""
    return normalise(" ".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000))


def test_case_safe_characters_match_only_themselves_in_normalised_text() -> None:
    text = every_normalised_character()
    for char in sorted(CASE_SAFE):
        assert set(regex.findall(regex.escape(char), text, FLAGS)) == {char}, char


def test_white_space_in_normalised_text_is_single_spaces() -> None:
    spaces = "".join(chr(c) for c in range(0x110000) if regex.match(r"\s", chr(c)))
    text = normalise("a" + spaces + "b " + " c\n\n".join(spaces) + " d")
    assert set(regex.findall(r"\s", text)) == {" "}
    assert "  " not in text


def sets_of(body: str) -> list[list[str]]:
    return sorted(sorted(alternatives) for alternatives in required_literals(body))


def test_literal_runs_continue_through_groups_and_optional_letters() -> None:
    assert sets_of(r"barnevern\w*") == [["barnevern"]]
    assert sets_of(r"ppt|pp-tene\w*") == [["pp-tene", "ppt"]]  # parsed as pp(?:t|-tene)
    assert sets_of(r"styrer(?:e|en|ne)?") == [["styrer"]]  # longer forms contain it
    assert sets_of(r"deltar\s+i\b") == [["deltar i"]]  # \s is a single space here


def test_every_set_of_a_sequence_is_kept_and_branches_unite() -> None:
    body = r"\b(?:barnehag\w*|skole\w*)\b[^.]{0,40}?\b(?:møtes|samles)\b"
    assert sets_of(body) == [["barnehag", "skole"], ["møtes", "samles"]]
    assert sets_of(r"skole\w*|barn\w*") == [["barn", "skole"]]


def test_conditionals_and_named_groups_are_read_as_plain_groups() -> None:
    body = r"(?:\b(?P<a>skole\w*)|(?P<b>barnehag\w*))\s(?(a)(?!)|skole\w*)"
    # the never-matching branch `(?!)` contributes nothing to the second set
    assert sets_of(body) == [[" skole"], ["barnehag", "skole"], ["skole"]]


def test_nothing_is_concluded_from_what_cannot_be_read_with_certainty() -> None:
    assert sets_of(r"\b20\d{2}\b") == []  # too short to exclude anything
    assert sets_of(r"(?i)barnevern") == []  # inline flags
    assert sets_of(r"(?:barnevern){e<=1}") == []  # fuzzy matching
    assert sets_of(r"(?P<x>barn)\w+(?P=x)") == []  # back-reference by name
    assert sets_of(r"barn|\w+") == []  # one branch demands nothing
    assert sets_of(r"BARNEVERN") == []  # an upper-case letter is not a plain literal


BODIES = [
    r"\b(?:barnehag\w*|skole\w*)\b[^.!?;:\x00]{0,40}?\b(?:møtes|samles)\b",
    r"ppt|pp-tene\w*",
    r"styrer(?:e|en|ne)?\s+(?:og|eller)\s+rektor",
    r"(?:\b(?P<a>skole\w*)|(?P<b>barnehag\w*))\s(?(a)(?!)|skole\w*)",
    r"helses(?:y|ju)keplei\w*|helsestasjon",
    r"(?:ba){1,3}rn\w*",
    r"kultur(?:skule|skole)?\s*tilbod",
    r"\b(?:(?P<a>skole\w*)|(?P<b>barnehag\w*))\b[^.!?;:\x00]{0,30}?\b(?(a)barnehag\w*|skole\w*)",
]
WORDS = ["barnehagen", "skolen", "møtes", "samles", "ppt", "pp-tenesta", "styrer", "og"]
WORDS += ["rektor", "helsesjukepleiar", "helsestasjonen", "ba", "barn", "kulturskole", "tilbod"]
phrases = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", ". ", ", ", "-", "", "; ", "? "])),
    max_size=14,
).map(lambda parts: "".join(w + g for w, g in parts))


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BODIES), phrases)
def test_every_match_contains_a_text_of_every_set(body: str, text: str) -> None:
    compiled = regex.compile(body, FLAGS)
    for match in compiled.finditer(normalise(text)):
        for alternatives in required_literals(body):
            assert any(literal in match.group() for literal in alternatives), (match, body)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BODIES), phrases)
def test_every_match_holds_two_separate_texts_of_the_twice_set(body: str, text: str) -> None:
    twice = required_twice(body)
    if twice is None:
        return
    for match in regex.compile(body, FLAGS).finditer(normalise(text)):
        assert holds_twice(twice, match.group()), (match, body)


def test_two_parts_demanding_the_same_words_demand_two_of_them() -> None:
    services = r"(?:skole\w*|barnehag\w*|helsestasjon\w*)"
    body = services + r"[^.]{0,40}?" + services + r"[^.]{0,40}?\bmøtes"
    assert required_twice(body) == frozenset(["barnehag", "helsestasjon", "skole"])
    assert holds_twice(frozenset(["skole", "barnehag"]), "skolen og barnehagen")
    assert not holds_twice(frozenset(["skole", "skolehelse"]), "skolehelsetjenesten møtes")
    assert required_twice(r"barnevern\w*") is None  # one part: nothing is demanded twice


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(BODIES), st.lists(phrases, min_size=1, max_size=4))
def test_sentences_holding_the_sets_hold_every_match(body: str, blocks: list[str]) -> None:
    """Running the pattern only within the spans finds what running it on all finds (for
    the patterns the matcher runs on the joined text: they never consume the separator)."""
    assert stays_in_sentences(body) and joinable(compile_pattern("re:" + body))
    compiled = regex.compile(body, FLAGS)
    text = SEPARATOR.join(normalise(block) for block in blocks)
    stops = ref.stop_positions(text, SENTENCE_STOPS + SEPARATOR)
    spans = ref.spans_holding(text, required_literals(body), stops, required_twice(body))
    within = [m.span() for s, e in spans for m in compiled.finditer(text, s, e)]
    assert within == [m.span() for m in compiled.finditer(text)]
    for start, end in spans:
        assert not any(start <= position < end for position in stops)


def test_a_pattern_stays_in_sentences_when_it_never_consumes_a_stop() -> None:
    assert stays_in_sentences(r"barn[^.!?;:]{0,9}skole")
    assert stays_in_sentences(r"barn\s+skole\b")
    assert not stays_in_sentences(r"barn\W+skole")  # \W consumes every mark
    assert not stays_in_sentences(r"barn[^.]{0,9}skole")  # may run over a semicolon
    assert not stays_in_sentences(r"^barn")  # anchors other than \b differ at an edge


def _holds_twice_by_scheduling(texts: frozenset[str], text: str) -> bool:
    """`holds_twice` without its `str.count` shortcut: the earliest-ending occurrences."""
    occurrences = sorted(
        (position + len(literal), position)
        for literal in texts
        for position in range(len(text))
        if text.startswith(literal, position)
    )
    end, found = -1, 0
    for after, position in occurrences:
        if position >= end:
            found, end = found + 1, after
    return found >= 2


@settings(max_examples=500, deadline=None)
@given(
    st.frozensets(st.sampled_from(["a", "aa", "aba", "ab", "ba", "b", "bab"]), min_size=1),
    st.text(st.sampled_from("ab "), max_size=12),
)
def test_holds_twice_with_its_count_shortcut_is_the_scheduling(texts, text) -> None:
    assert holds_twice(texts, text) == _holds_twice_by_scheduling(texts, text)


@settings(max_examples=500, deadline=None)
@given(st.frozensets(st.text(st.sampled_from("abæ "), max_size=5), max_size=8))
def test_shortest_keeps_the_texts_no_other_lies_in(texts) -> None:
    expected = frozenset(t for t in texts if not any(u != t and u in t for u in texts))
    assert _shortest(texts) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.frozensets(st.sampled_from(["ba", "ab", "b", " a", "x"]), min_size=1), max_size=3),
    st.text(st.sampled_from("ab x"), max_size=10),
)
def test_can_match_tests_every_set(sets, text) -> None:
    expected = all(any(literal in text for literal in texts) for texts in sets)
    assert can_match(tuple(sets), text) == expected


LITERALS = ["deltar i", "går gjennom", "pp-tene", "§ 3-1", "§3", "sit i", "familiens hus"]
LITERALS += ["skole", "k-sak", "/ 20", "år", "3 år", "s 'x", "æøå-ü"]
piece_texts = st.lists(
    st.one_of(
        st.sampled_from(LITERALS),
        st.sampled_from(["a", "skolen", "går", "i", "x_", "_", "²", "3", "§", "ﬁ", "İ"]),
        st.sampled_from([" ", "-", "/", ".", "§", "'", "", "\u0301", "_"]),
    ),
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(piece_texts)
def test_each_occurrence_of_a_literal_lies_on_the_words_its_pieces_name(text: str) -> None:
    """Wherever a demanded text occurs in normalised text, each of its pieces lies in one
    word, at the word's start when the piece `opens` and at its end when it `closes`."""
    normalised = normalise(text)
    tokens = tokenise(normalised)
    for literal in LITERALS:
        assert set(literal) <= CASE_SAFE
        position = normalised.find(literal)
        while position >= 0:
            offset = 0
            for piece in literal_pieces(literal):
                at = position + literal.index(piece.text, offset)
                offset = at - position + len(piece.text)
                word = bisect.bisect_right(tokens.starts, at) - 1
                start, end = tokens.starts[word], tokens.ends[word]
                assert start <= at and at + len(piece.text) <= end, (literal, normalised)
                assert not piece.opens or start == at, (literal, normalised)
                assert not piece.closes or end == at + len(piece.text), (literal, normalised)
            position = normalised.find(literal, position + 1)


def test_pieces_open_and_close_at_what_no_word_holds() -> None:
    assert [tuple(p) for p in literal_pieces("deltar i")] == [
        ("deltar", False, True),
        ("i", True, False),
    ]
    assert [tuple(p) for p in literal_pieces("§3")] == [("§", True, True), ("3", True, False)]
    assert [tuple(p) for p in literal_pieces("skole")] == [("skole", False, False)]
    assert literal_pieces(" - ") == ()


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ab.;: !?\x00"), max_size=14), st.data())
def test_the_stretch_around_a_position_lies_between_its_stops(text: str, data) -> None:
    stops = SENTENCE_STOPS + SEPARATOR
    inside = [position for position, char in enumerate(text) if char not in stops]
    if not inside:
        return
    position = data.draw(st.sampled_from(inside))
    start = data.draw(st.integers(0, position))
    end = data.draw(st.integers(position + 1, len(text)))
    found = [start - 1, *(p for p in ref.stop_positions(text, stops) if start <= p < end), end]
    after = bisect.bisect_left(found, position)
    expected = (found[after - 1] + 1, found[after])
    assert stretch_around(text, position, start, end, stops) == expected


MARKED_BODIES = [
    r"\b(?:k-?sak|ks|sak)\s*\d{1,4}\s*/\s*\d{2,4}\b",
    r"\b\d{1,2}\.\s?\d{1,2}-\d+",
    r"(?:ab|§\s?\d)[-/]\d|'\w+'",
    r"(?:a/b|c/d|e-/)+",
    r"(?:x-)?\d+(?:/\d+){1,2}",
]
marked_texts = st.text(st.sampled_from(list("ab cdekx-sak/§'.12")), max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(MARKED_BODIES), marked_texts)
def test_every_match_holds_the_marks_it_demands(body: str, text: str) -> None:
    compiled = regex.compile(body, FLAGS)
    for match in compiled.finditer(normalise(text)):
        for mark in required_marks(body):
            assert mark in match.group(), (match, body)


def test_marks_are_demanded_by_every_branch_and_mandatory_repeat() -> None:
    assert required_marks(MARKED_BODIES[0]) == {"/"}
    assert required_marks(MARKED_BODIES[1]) == {"-"}
    assert required_marks(MARKED_BODIES[2]) == set()  # a class, or a branch without one
    assert required_marks(MARKED_BODIES[3]) == {"/"}  # "-" is not in every branch
    assert required_marks(MARKED_BODIES[4]) == {"/"}
    assert required_marks(r"(?=/)\d") == set()  # a lookahead consumes nothing


def test_a_pattern_opens_on_a_digit_when_every_match_begins_at_a_boundary_and_a_digit() -> None:
    assert opens_on_digit(r"\b20[2-4]\d\b")
    assert opens_on_digit(r"\b\d{1,2}\.\s?\d{1,2}")
    assert opens_on_digit(r"\b(?:19|20)\d\d")
    assert opens_on_digit(r"\b[0-9]+(?=\s)")  # a lookahead reads after the opening only
    assert not opens_on_digit(r"\d{4}")  # no boundary: a match may begin inside a run
    assert not opens_on_digit(r"\b\w\d")  # a letter may open it
    assert not opens_on_digit(r"\b(?:1|a)")  # one branch opens on a letter
    assert not opens_on_digit(r"\b\d?x")  # the digit may be absent
    assert not opens_on_digit(r"\b[^a]\d")  # a negated class
    assert not opens_on_digit(r"\b\d+(?<=x\d+)")  # looks behind the opening
    assert not opens_on_digit(r"\b(\d)\1")  # a back-reference is not read


latin_texts = st.text(st.sampled_from(list("ab 0129²_-.\x00æ")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(latin_texts)
def test_digit_runs_are_where_runs_of_digits_begin(text: str) -> None:
    assert digit_runs(text) == [m.start() for m in regex.finditer(r"\d+", text)]


def test_digit_runs_are_not_found_in_text_beyond_latin_1() -> None:
    assert digit_runs("år 2024 → 2025") is None  # "→": other digits could be there
    assert digit_runs("") == []
