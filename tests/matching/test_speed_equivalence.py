"""The fast matcher primitives find exactly what the simple reference (`reference_matcher`,
the implementation before the speed work) finds: on every block of several corpus plans for
every pattern of the bundled rulesets, and on generated texts and patterns."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plansjekk.documents import read_document
from plansjekk.documents.model import Block, BlockKind, Document
from plansjekk.matching import clauses, echo
from plansjekk.matching.analysis import Analysis
from plansjekk.matching.normalise import SEPARATOR, normalise_with_map, tokenise
from plansjekk.matching.patterns import Pattern, PatternError, compile_pattern
from plansjekk.matching.prefilter import (
    SENTENCE_STOPS,
    can_match,
    holds_twice,
    opens_on_digit,
    required_literals,
    required_twice,
)
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.resolve import bundled_ids
from tests.matching import reference_matcher as ref

CORPUS = Path(__file__).parents[2] / "corpus" / "docs"
DOCUMENTS = [
    "28-aurhaug-integrated.pdf",
    "04-lyngvaer-integrated.pdf",
    "01-fjordvik-theme.pdf",
    "08-haugdal-integrated.docx",
    "03-brekkestad-theme.docx",
    "23-nordheim-integrated.docx",
]


@cache
def all_patterns() -> tuple[Pattern, ...]:
    sources: dict[str, None] = {}
    for ruleset_id in bundled_ids():
        for requirement in load_ruleset(ruleset_id).requirements:
            groups = [
                requirement.headings,
                requirement.exclude,
                requirement.negative,
                *(aspect.terms for aspect in requirement.aspects),
            ]
            if requirement.deprecated:
                groups.append(requirement.deprecated.terms)
            for group in groups:
                sources.update(dict.fromkeys(group))
    patterns = {compile_pattern(s).source: compile_pattern(s) for s in sources}
    for extra in (
        clauses.PLACEHOLDERS,
        echo._MODALS,
        echo._PLAN,
        echo._CONTAIN,
        echo._LEGAL,
        echo._BODIES,
    ):
        patterns.update({p.source: p for p in extra})
    return tuple(patterns.values())


def assert_same_blocks(fast: Analysis, slow: ref.ReferenceAnalysis) -> None:
    assert [t.index for t in fast.blocks] == [t.index for t in slow.blocks]
    assert [t.index for t in fast.toc_blocks] == [t.index for t in slow.toc_blocks]
    for mine, theirs in zip(
        [*fast.blocks, *fast.toc_blocks], [*slow.blocks, *slow.toc_blocks], strict=True
    ):
        assert mine.tokens == theirs.tokens, theirs.block.text
        assert mine.display == theirs.display
        assert list(mine.cmap) == theirs.cmap
        assert tuple(mine.negated) == theirs.negated
        assert mine.sentences == theirs.sentences
        assert mine.instructions == theirs.instructions
        assert mine.placeholders == theirs.placeholders
        for start in range(0, len(theirs.tokens.text), 7):
            end = start + 11
            assert mine.written(start, end) == _written(theirs, start, end)


def _written(text: ref.RefBlock, start: int, end: int) -> str:
    if start >= len(text.cmap):
        return ""
    last = text.cmap[min(end, len(text.cmap)) - 1]
    return text.display[text.cmap[start] : last + 1]


def assert_same_hits(fast: Analysis, slow: ref.ReferenceAnalysis, patterns) -> None:
    for pattern in patterns:
        assert fast.hits(pattern) == slow.hits(pattern), pattern.source
        assert fast.toc_hits(pattern) == slow.toc_hits(pattern), pattern.source


@pytest.mark.parametrize("name", DOCUMENTS)
def test_corpus_documents_hit_alike(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    document = read_document(path)
    fast, slow = Analysis(document), ref.ReferenceAnalysis(document)
    assert_same_blocks(fast, slow)
    assert_same_hits(fast, slow, all_patterns())
    # a second Analysis of the same document reuses no stale per-document state
    again = Analysis(document)
    assert_same_hits(again, slow, all_patterns()[::-1])


# ----------------------------------------------------------------------------- generated

WORDS = [
    "barn",
    "barnet",
    "barnevern",
    "barnevernsloven",
    "samarbeid",
    "samarbeidet",
    "hjemsamarbeid",
    "plan",
    "planen",
    "ikke",
    "ingen",
    "men",
    "at",
    "skal",
    "beskriv",
    "kommer",
    "senere",
    "jf",
    "bl",
    "a",
    "k",
    "sak",
    "12",
    "24",
    "2024",
    "3",
    "1",
    "§",
    "foreldreveiledning",
    "foreldreveiledninga",
    "familieveileding",
    "tverrfaglig",
    "tverretatleg",
    "Ungdom",
    "ÆØÅ",
    "ﬁnne",
    "Straße",
    "İstanbul",
    "x",
    "xx",
    "_",
]
GLUE = [" ", "  ", ", ", ". ", "? ", "! ", "; ", "\n", "\t", " - ", "-", "/", ".", "|", " (", ") "]
GLUE += ["\u00ad", "\u200b", " \u2013 ", "\u2019", "…", " \u00a0", ": ", ".\n", ".."]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), min_size=0, max_size=25
).map(lambda parts: "".join(w + g for w, g in parts))
noisy_texts = st.one_of(
    texts, st.text(max_size=60), st.tuples(st.text(max_size=5), texts).map("".join)
)

GLOB_WORDS = [
    "barn*",
    "*barn*",
    "barn",
    "samarbeid*",
    "*samarbeid",
    "*samarbeid*",
    "plan{en,a}",
    "ikke",
    "skal",
    "k-sak",
    "§",
    "3-1",
    "foreldreveiledning*",
    "familieveiledning",
    "tverr{faglig,etatleg}*",
    "ung*m",
    "b*r*n",
    "æøå",
]
glob_patterns = st.lists(
    st.tuples(st.sampled_from(GLOB_WORDS), st.booleans()), min_size=1, max_size=3
).map(lambda parts: " ".join((w + " ..." if gap else w) for w, gap in parts).removesuffix(" ..."))
regex_patterns = st.sampled_from(
    [
        r"re:k-?sak\s*\d+/\d+",
        r"re:\b20\d{2}\b",
        r"re:barn\w*",
        r"re:\d+\.",
        r"re:(?<=\s)barn",
        r"re:barn$",
        r"re:^plan",
        r"re:\W+",
        r"re:.barn",
        r"re:[^a]arn",
        r"re:barn(?!\w)",
        r"re:\bbarn\b",
        r"re:ikke(?:\s+\w+){0,2}",
        r"re:x|xx",
    ]
)


def _paragraphs(texts: list[str]) -> Document:
    """A generated document with one paragraph per text."""
    return Document(
        path="<generated>",
        format="text",
        blocks=tuple(Block(BlockKind.PARAGRAPH, text) for text in texts),
        pages=None,
    )


def _compile(source: str) -> Pattern | None:
    try:
        return compile_pattern(source)
    except PatternError:
        return None


@settings(max_examples=300, deadline=None)
@given(noisy_texts)
def test_normalise_and_tokenise_match_the_reference(text: str) -> None:
    normalised, cmap = normalise_with_map(text)
    expected, expected_map = ref.normalise_with_map(text)
    assert normalised == expected
    assert list(cmap) == expected_map
    assert tokenise(normalised) == ref.tokenise(expected)
    assert tokenise(text) == ref.tokenise(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(glob_patterns, regex_patterns), texts)
def test_pattern_search_matches_the_reference(source: str, text: str) -> None:
    pattern = _compile(source)
    if pattern is None:
        return
    assert list(pattern.finditer(normalise_with_map(text)[0])) == ref.search(pattern, text)


kinds = st.sampled_from([BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.tuples(texts, kinds, st.booleans()), min_size=0, max_size=12),
    st.lists(st.one_of(glob_patterns, regex_patterns), min_size=1, max_size=6),
)
def test_generated_documents_hit_alike(blocks, sources) -> None:
    document = Document(
        path="<generated>",
        format="text",
        blocks=tuple(
            Block(
                kind,
                text + (" ....... 3" if toc else ""),
                level=1 if kind is BlockKind.HEADING else 0,
            )
            for text, kind, toc in blocks
        ),
        pages=None,
    )
    patterns = [p for p in map(_compile, sources) if p is not None]
    fast, slow = Analysis(document), ref.ReferenceAnalysis(document)
    assert_same_blocks(fast, slow)
    assert_same_hits(fast, slow, [*patterns, *all_patterns()[:40]])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(texts, min_size=1, max_size=8),
    st.lists(st.sampled_from(GLOB_WORDS), min_size=1, max_size=3),
)
def test_words_matching_is_every_vocabulary_word_the_glob_matches(blocks, words) -> None:
    """`_Index.exact_words`' literal, `head*` and multi-variant fast paths find exactly the
    vocabulary words some variant of the glob matches."""
    document = _paragraphs(blocks)
    fast = Analysis(document)
    for word in words:
        for element in compile_pattern(word).elements:
            glob = element.glob
            expected = [w for w in fast.vocabulary if ref.glob_matches(glob, w)]
            assert fast.words_matching(glob) == expected, glob.source
            # the answer is cached per glob: asking again gives the same words
            assert fast.words_matching(glob) == expected


COMMON = ["barn", "barn", "barn", "barnet", "og", "og", "unge", "plan", "ikke"]
RARE = ["stemme", "innspill", "samarbeid"]
crowded_texts = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(COMMON), st.sampled_from(RARE)),
        st.sampled_from([" ", " ", " ", ", ", ". "]),
    ),
    min_size=1,
    max_size=40,
).map(lambda parts: "".join(w + g for w, g in parts))
crowded_patterns = st.lists(
    st.tuples(
        st.sampled_from(
            ["barn*", "barn", "og", "unge", "stemme", "innspill", "{stemme,plan}", "fravær"]
        ),
        st.booleans(),
    ),
    min_size=2,
    max_size=4,
).map(lambda parts: " ".join((w + " ..." if gap else w) for w, gap in parts).removesuffix(" ..."))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(crowded_texts, min_size=1, max_size=10), st.lists(crowded_patterns, max_size=6))
def test_rare_later_words_narrow_the_starts_alike(blocks, sources) -> None:
    """Multi-word patterns whose first word is common and a later one rare, so that
    `_Index._sequences` tries only the first-word positions within reach of the rare
    word's occurrences (with and without gaps): the hits are the reference's."""
    document = _paragraphs(blocks)
    patterns = [p for p in map(_compile, sources) if p is not None]
    fast, slow = Analysis(document), ref.ReferenceAnalysis(document)
    assert_same_hits(fast, slow, patterns)


def test_lazy_block_signals_are_per_block() -> None:
    """`BlockText` leaves its signals unset until asked and shares one empty set between
    the blocks without placeholders, echoes or instructions: what one block is given
    (`echo.mark_echoes` writes `echo` and `echo_until`) never shows in another."""
    texts = ["Planen skal ikke gjelde.", "Hva gjør vi?", "Barn og unge.", "Skriv inn xx her."]
    document = Document(
        path="<generated>",
        format="text",
        blocks=tuple(Block(BlockKind.PARAGRAPH, text) for text in texts),
        pages=None,
    )
    fast, slow = Analysis(document), ref.ReferenceAnalysis(document)
    assert_same_blocks(fast, slow)
    first, second, third, _ = fast.blocks
    first.echo_until[0] = 1
    assert second.echo_until == {} and third.echo_until == {}
    first.echo = {0}
    assert second.echo == set() and third.echo == set()
    assert not third.instructions and not third.placeholders and third.without_negator
    assert not first.without_negator or not any(first.negated)


# ----------------------------------------------------------------------------- one-pass


@settings(max_examples=1500, deadline=None)
@given(
    st.text(
        st.sampled_from(list(" \t\n.…12345678٣²ab")),
        max_size=24,
    )
)
def test_toc_line_near_the_end_matches_the_full_search(text: str) -> None:
    from plansjekk.matching.analysis import _TOC_LINE, _toc_line

    assert _toc_line(text) == (_TOC_LINE.search(text) is not None)


block_texts = st.lists(
    st.one_of(noisy_texts, texts, st.sampled_from(["", " ", "a\x00b", "ΟΔΟΣ", "İ"])),
    max_size=6,
)


@settings(max_examples=500, deadline=None)
@given(block_texts)
def test_prepared_texts_match_block_by_block_normalisation(blocks: list[str]) -> None:
    from plansjekk.matching.normalise import Prepared, fold, nfkc

    prepared = Prepared(blocks)
    for number, text in enumerate(blocks):
        display = nfkc(text)
        folded, cmap = fold(display)
        assert prepared.displays[number] == display
        assert prepared.cmaps[number] == cmap
        assert prepared.folded(number) == folded
        assert prepared.tokens(number) == tokenise(folded)


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n\x00\xa0\u00ad\u200bab.")), max_size=12))
def test_plain_check_of_joined_texts_matches_its_regex(text: str) -> None:
    from plansjekk.matching import normalise

    assert normalise._plain_joined(text) == (normalise._NOT_PLAIN_JOINED.search(text) is None)


latin_texts = st.one_of(
    texts,
    st.text(st.sampled_from(list("ab jf.!?;|§_-,\t\n\xa0\xad\x00ÆøÅ12²½")), max_size=40),
    st.text(st.characters(max_codepoint=255), max_size=40),
)
"""Latin-1 texts (`Prepared`'s byte-level fast path) with § touching words now and then
(its regex path), and `texts` whose ligatures and dashes NFKC and quote folding remove."""


@settings(max_examples=700, deadline=None)
@given(st.lists(st.one_of(latin_texts, noisy_texts), max_size=6))
def test_prepared_arrays_match_the_reference_tokeniser(blocks: list[str]) -> None:
    """Every array of `Prepared` equals the reference tokeniser's per-block tokens laid end
    to end: offsets shifted by the block's start in the joined text, sentences numbered on
    across blocks (each block opens a new one), and each word's positions; the display and
    folded texts are the reference's too."""
    from plansjekk.matching.normalise import Prepared

    prepared = Prepared(blocks)
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    owner: list[int] = []
    sentence: list[int] = []
    offsets = [0]
    shift = 0
    for number, text in enumerate(blocks):
        folded = ref.normalise_with_map(text)[0]
        assert prepared.displays[number] == ref.nfkc(text)
        assert prepared.folded(number) == folded
        tokens = ref.tokenise(folded)
        base = sentence[-1] + 1 if sentence else 1
        words += tokens.words
        starts += [start + shift for start in tokens.starts]
        ends += [end + shift for end in tokens.ends]
        owner += [number] * len(tokens.words)
        sentence += [base + local for local in tokens.sentence]
        offsets.append(len(words))
        shift += len(folded) + 1
    assert prepared.words == words
    assert prepared.starts == starts
    assert prepared.ends == ends
    assert prepared.owner == owner
    assert prepared.offsets == offsets
    assert prepared.sentence == sentence
    expected: dict[str, list[int]] = {}
    for position, word in enumerate(words):
        expected.setdefault(word, []).append(position)
    assert prepared.occurrences == expected


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n\x00\xa0\u00adab.\x1c\x85")), max_size=12))
def test_plain_check_of_latin_bytes_matches_the_text_check(text: str) -> None:
    from plansjekk.matching import normalise

    assert normalise._plain_latin(text.encode("latin-1")) == normalise._plain_joined(text)


def _reference_echoes(analysis: Analysis, topic_hits) -> dict[int, set[int]]:
    """`echo.mark_echoes` as it walked every sentence of every active block."""
    from collections import defaultdict

    per_sentence = defaultdict(list)
    for requirement, hits in topic_hits.items():
        for hit in hits:
            per_sentence[(hit.block, hit.sentence)].append(
                (hit.first_token, hit.last_token, requirement)
            )
    kinds_at = defaultdict(set)
    for kind, found in echo._signal_sentences(analysis).items():
        for key in found:
            kinds_at[key].add(kind)
    active = {block for block, _ in kinds_at} | {block for block, _ in per_sentence}
    result = {}
    for text in analysis.blocks:
        marked = set(text.instructions)
        if text.index in active:
            about_plan = False
            for number in sorted(text.sentences):
                has = set(kinds_at.get((text.index, number), ()))
                topics = per_sentence.get((text.index, number), [])
                if (
                    about_plan
                    and {"modal", "contain"} <= has
                    and echo._starts_with_pronoun(text, number)
                ):
                    has.add("plan")
                about_plan = "plan" in has
                if not has and len(topics) < 3:
                    continue
                if echo._is_echo(has, topics, text):
                    marked.add(number)
        result[text.index] = marked
    return result


@pytest.mark.parametrize("name", DOCUMENTS)
def test_echoes_from_signal_sentences_only_match_the_walk(name: str) -> None:
    from plansjekk.matching.check import _topic_hits
    from plansjekk.matching.compiled import compiled

    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} not in the corpus")
    document = read_document(path)
    for ruleset_id in bundled_ids():
        analysis = Analysis(document)
        topics = _topic_hits(analysis, compiled(load_ruleset(ruleset_id)))
        expected = _reference_echoes(analysis, topics)
        echo.mark_echoes(analysis, topics)
        assert {t.index: t.echo for t in analysis.blocks} == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(noisy_texts, min_size=0, max_size=8),
    st.sampled_from(
        [
            r"re:\W+barn",
            r"re:.barn\w*",
            r"re:barn\w*\W+\d",
            r"re:ikke\W+\w+",
            r"re:\b(?:(?P<a>barn\w*)|(?P<b>karn))\b[^.;]{0,20}?\b(?(a)karn|barn\w*)\b",
            r"re:(?:ikke|barne)\s+vern\w*[^.!?]{0,9}\bkarn",
        ]
    ),
)
def test_regex_on_blocks_with_the_literals_finds_what_every_block_finds(blocks, source) -> None:
    from plansjekk.matching import analysis as module

    document = _paragraphs([text + " barneVERN KARN" for text in blocks])
    pattern = compile_pattern(source)
    fast = Analysis(document).hits(pattern)
    original, joinable = module.required_literals, module.joinable
    module.required_literals = lambda body: ()
    module.joinable = lambda pattern: False
    try:
        slow = Analysis(document).hits(pattern)
    finally:
        module.required_literals, module.joinable = original, joinable
    assert fast == slow


MEETING_WORDS = ["skolen", "barnehagen", "skulehelse", "ppt", "pp-tenesta", "nav", "og"]
MEETING_WORDS += ["deltar", "i", "møtes", "går", "gjennom", "gjennomgår", "sit", "sitter"]
MEETING_WORDS += ["situasjon", "3", "§", "1", "k-sak", "12/24", "januar", "2024", "vedtas"]
MEETING_WORDS += ["3. januar 2024", "§ 3-1", "k-sak 12/24: vedtas", "sak 1/20 x: vedtas", "1. 2/3"]
meeting_texts = st.lists(
    st.tuples(
        st.sampled_from(MEETING_WORDS),
        st.sampled_from([" ", " ", " ", ". ", "; ", ": ", "-", "/", "? ", "_", ""]),
    ),
    max_size=16,
).map(lambda parts: "".join(w + g for w, g in parts))
WINDOWED_REGEXES = [
    # stays in sentences: only the sentences holding a verb and two services
    r"re:\b(?:skole\w*|barnehag\w*|skulehelse\w*|ppt|pp-tene\w*|nav)\b[^.!?;:\x00]{0,40}?"
    r"\b(?:skole\w*|barnehag\w*|skulehelse\w*|ppt|pp-tene\w*|nav)\b[^.!?;:\x00]{0,40}?"
    r"\b(?:deltar\s+i|møtes|går\s+gjennom|gjennomgår|sit\s+i|sitter\s+i)\b",
    r"re:\b(?:deltar\s+i|sit\s+i)\s+\w+",
    # may run over a sentence stop (joinable): only the blocks holding the texts
    r"re:\b\d{1,2}\.\s*januar\s+20\d{2}\b",
    r"re:\bk-sak\W{0,3}\d+/\d+",
    r"re:§\s*3\s*-\s*1",
    # not joinable: block by block, only the blocks holding the texts
    r"re:\b(?:k-?sak|sak)\s*\d{1,4}\s*/\s*\d{2,4}\b[^.:]{0,60}:\s*(?:vedtas)\b",
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(meeting_texts, min_size=0, max_size=8), st.sampled_from(WINDOWED_REGEXES))
def test_regex_windows_found_through_the_vocabulary_hit_alike(blocks, source) -> None:
    """`re:` patterns run only in the sentences or blocks holding the words an occurrence
    of their demanded texts lies on (`_Index._touching`) find what the reference finds
    running them on every block."""
    document = _paragraphs(blocks)
    pattern = compile_pattern(source)
    analysis = Analysis(document)
    assert analysis.hits(pattern) == ref.ReferenceAnalysis(document).hits(pattern)
    # the windows themselves are those the text-wide search finds
    body = source[3:]
    sets, twice = required_literals(body), required_twice(body)
    index = analysis._index
    text = index.prepared.text
    stops = ref.stop_positions(text, SENTENCE_STOPS + SEPARATOR)
    assert index._spans_holding(sets, twice) == ref.spans_holding(text, sets, stops, twice)
    blocks = [index.prepared.folded(number) for number in range(len(blocks))]
    expected = [
        number
        for number, block in enumerate(blocks)
        if can_match(sets, block) and (twice is None or holds_twice(twice, block))
    ]
    assert index._blocks_holding(sets, twice) == expected


MARKED_REGEXES = [
    r"re:\b(?:k-?sak|ks|sak)\s*\d{1,4}\s*/\s*\d{2,4}\b",  # stays in sentences
    r"re:\b\d{1,2}\.\s?\d{1,2}/\d+",  # may run over a sentence stop: blocks
    r"re:\d+\W?/\W?\d+",  # not joinable: block by block
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(meeting_texts, min_size=0, max_size=8), st.sampled_from(MARKED_REGEXES))
def test_regex_windows_around_a_rare_mark_hit_alike(blocks, source) -> None:
    """`re:` patterns demanding no longer text but a mark, run only around the mark's
    occurrences (as if the document held it rarely: `_RARE` is set to 0), find what the
    reference finds running them on every block."""
    from plansjekk.matching import analysis as module

    document = _paragraphs(blocks)
    pattern = compile_pattern(source)
    rare = module._RARE
    module._RARE = 0
    try:
        fast = Analysis(document).hits(pattern)
    finally:
        module._RARE = rare
    assert fast == ref.ReferenceAnalysis(document).hits(pattern)


DIGIT_WORDS = ["2024", "12", "1", "3.", "januar", "år", "a2024", "_2024", "x²2024", "20245"]
DIGIT_WORDS += ["2024-01-05", "1.2.2024", "10-16 år", "plan", "٣٤", "→", "1²", "§"]
digit_texts = st.lists(
    st.tuples(
        st.sampled_from(DIGIT_WORDS),
        st.sampled_from([" ", " ", ". ", "-", "/", "", "_", "–", ", "]),
    ),
    max_size=14,
).map(lambda parts: "".join(w + g for w, g in parts))
DIGIT_REGEXES = [
    r"re:\b20[2-4]\d\b",
    r"re:\b\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}\b",
    r"re:\b\d{1,2}\s*[-–]\s*\d{1,2}\s*år\b",
    r"re:\b20\d{2}-\d{2}-\d{2}\b",
    r"re:\b(?:19|20)\d\d(?=\W)",
    r"re:\b\d+(?:\W+\d+)*",
]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(digit_texts, min_size=0, max_size=8), st.sampled_from(DIGIT_REGEXES))
def test_regex_opening_on_a_digit_hits_alike(blocks, source) -> None:
    """`re:` patterns that open on a digit, run only from each block's first run of digits
    (`_Index._digits_excerpt`), find what the reference finds running them on every block:
    also next to letters, underscores and superscripts, and in text beyond Latin-1 (other
    digits), where the whole text is searched."""
    assert opens_on_digit(source[3:])
    document = _paragraphs(blocks)
    pattern = compile_pattern(source)
    assert Analysis(document).hits(pattern) == ref.ReferenceAnalysis(document).hits(pattern)
