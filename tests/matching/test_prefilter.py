"""The regex prefilter: the texts it demands are in every match, and the characters it
assumes are safe are safe in normalised text."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.matching.normalise import SEPARATOR, normalise
from plansjekk.matching.patterns import compile_pattern, joinable
from plansjekk.matching.prefilter import (
    CASE_SAFE,
    SENTENCE_STOPS,
    holds_twice,
    required_literals,
    required_twice,
    spans_holding,
    stays_in_sentences,
    stop_positions,
)

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
    stops = stop_positions(text, SENTENCE_STOPS + SEPARATOR)
    spans = spans_holding(text, required_literals(body), stops, required_twice(body))
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
