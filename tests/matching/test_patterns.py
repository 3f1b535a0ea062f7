"""The term pattern language: each syntax element, errors with columns, no backtracking."""

from __future__ import annotations

import pytest

from plansjekk.matching.normalise import normalise
from plansjekk.matching.patterns import PatternError, compile_pattern, search


def words(pattern: str, text: str) -> list[tuple[str, ...]]:
    return [m.words for m in search(pattern, text)]


def test_star_covers_inflections_and_compounds() -> None:
    assert words("samarbeid*", "Samarbeidet og samarbeidsrutinene") == [
        ("samarbeidet",),
        ("samarbeidsrutinene",),
    ]
    assert words("*samarbeid*", "skole-hjem-samarbeid, hjemsamarbeidet") == [
        ("samarbeid",),
        ("hjemsamarbeidet",),
    ]
    assert words("ansvar*fordel*", "Ansvarsfordelinga") == [("ansvarsfordelinga",)]
    assert words("mål", "målgruppe") == []


def test_alternatives() -> None:
    found = words("tverr{faglig,etatlig,etatleg}*", "tverretatleg samhandling og tverrfaglige team")
    assert found == [("tverretatleg",), ("tverrfaglige",)]


def test_gap_allows_up_to_three_words_within_a_sentence() -> None:
    assert words("vedtatt ... kommunestyret", "vedtatt i Bodø kommunestyret") == [
        ("vedtatt", "kommunestyret")
    ]
    assert words("vedtatt ... kommunestyret", "vedtatt av det nye store kommunestyret") == []
    assert words("vedtatt ... kommunestyret", "Vedtatt. Kommunestyret møtes") == []


def test_hyphen_and_section_sign_are_separate_words() -> None:
    assert words("§ 15-1", "jf. barnevernsloven §15-1 andre ledd") == [("§", "15", "1")]
    assert words("rolle og oppgavefordeling", "rolle- og oppgavefordeling") == [
        ("rolle", "og", "oppgavefordeling")
    ]


def test_regex_with_span() -> None:
    [hit] = search(r"re:k-sak \d+/\d+", "Vedtatt i K-sak 12/24.")
    assert hit.words == ("k-sak 12/24",)
    assert (hit.start, hit.end) == (10, 21)


def test_normalisation() -> None:
    assert normalise("Sam\u00adar-\n  beid  FOR") == "samar- beid for"
    assert words("samarbeid", "Sam\u00adarbeid") == [("samarbeid",)]


@pytest.mark.parametrize(
    ("pattern", "column"),
    [
        ("", 1),
        ("a...", 2),
        ("... a", 1),
        ("a ... ... b", 7),
        ("foo{a,b", 4),
        ("x}", 2),
        ("re:(", 5),
        ("re:a*", 4),
        ("a(b)", 2),
        ("*", 1),
        ("{a,{b}}", 4),
        ("{a}", 1),
    ],
)
def test_errors_have_columns(pattern: str, column: int) -> None:
    with pytest.raises(PatternError) as error:
        compile_pattern(pattern)
    assert error.value.column == column


def test_no_catastrophic_backtracking_on_adversarial_text() -> None:
    text = normalise("a" * 50_000 + "b " + "ab" * 20_000)
    assert list(compile_pattern("*a*a*a*a*c").finditer(text)) == []
    assert [m.words[0][-1] for m in compile_pattern("*a*a*b").finditer(text)] == ["b", "b"]


def test_regex_timeout_returns_no_hits() -> None:
    pattern = compile_pattern(r"re:(a+)+$")
    assert list(pattern.finditer("a" * 40 + "!")) == []
