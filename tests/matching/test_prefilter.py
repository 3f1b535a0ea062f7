"""The regex prefilter: the texts it demands are in every match, and the characters it
assumes are safe are safe in normalised text."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from plansjekk.matching.normalise import normalise
from plansjekk.matching.prefilter import (
    CASE_SAFE,
    required_literals,
    spans_that_can_match,
    stops_of,
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
    r"\b(?:barnehag\w*|skole\w*)\b[^.]{0,40}?\b(?:møtes|samles)\b",
    r"ppt|pp-tene\w*",
    r"styrer(?:e|en|ne)?\s+(?:og|eller)\s+rektor",
    r"(?:\b(?P<a>skole\w*)|(?P<b>barnehag\w*))\s(?(a)(?!)|skole\w*)",
    r"helses(?:y|ju)keplei\w*|helsestasjon",
    r"(?:ba){1,3}rn\w*",
    r"kultur(?:skule|skole)?\s*tilbod",
]
WORDS = ["barnehagen", "skolen", "møtes", "samles", "ppt", "pp-tenesta", "styrer", "og"]
WORDS += ["rektor", "helsesjukepleiar", "helsestasjonen", "ba", "barn", "kulturskole", "tilbod"]
phrases = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", ". ", ", ", "-", ""])), max_size=14
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
def test_spans_between_stops_hold_every_match(body: str, text: str) -> None:
    """Running the pattern only within the spans finds what running it on all finds."""
    compiled = regex.compile(body, FLAGS)
    normalised = normalise(text)
    sets = required_literals(body)
    spans = spans_that_can_match(normalised, stops_of(body), sets)
    within = [m.span() for s, e in spans for m in compiled.finditer(normalised, s, e)]
    assert within == [m.span() for m in compiled.finditer(normalised)]


def test_stops_are_the_sentence_marks_the_pattern_never_consumes() -> None:
    assert stops_of(r"barn[^.!?;:\n]{0,9}skole") == ".!?;:\n"
    assert stops_of(r"barn[^.!?;:]{0,9}skole") == ".!?;:"  # the class holds a line break
    assert stops_of(r"barn\W+skole") == ""  # \W consumes every mark
    assert stops_of(r"barn\s+skole") == ".!?;:"  # \s may consume a line break
    assert stops_of(r"^barn") == ""  # anchors other than \b differ at a span's edge
