"""Sentence-level signals that decide whether a hit can be evidence at all.

- negation, scoped to the clause (a comma, "men", "at", "som" … ends it), so "Det finnes
  ingen egen rutine, men tjenestene møtes månedlig" still counts the second clause;
- sentences that are instructions or questions rather than content (an outline's guidance
  "Beskriv hvordan …", a checklist's "Er ansvaret avklart?");
- placeholders ("kommer senere", "under arbeid", "skal utarbeides");
- statements of intent ("ønsker å styrke", "vil vurdere", "skal på sikt"): a wish or a plan
  for later, weaker than a description of what is done.

Echo-of-law detection needs the requirements' topic hits and lives in `echo.py`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from plansjekk.matching.normalise import Tokens
from plansjekk.matching.patterns import compile_pattern

NEGATORS = frozenset(
    [
        "ikke",
        "ikkje",
        "ikkje'",
        "ingen",
        "inga",
        "intet",
        "ingenting",
        "inkje",
        "mangler",
        "manglar",
        "manglende",
        "manglande",
        "verken",
        "korkje",
        "aldri",
    ]
)
_NOT_NEGATING_AFTER = frozenset(["bare", "berre", "kun", "minst", "berre"])
""""ikke bare … men også", "ikkje minst": emphasis, not negation."""

CLAUSE_BOUNDARIES = frozenset(
    ["men", "mens", "slik", "fordi", "dersom", "hvis", "viss", "der", "hvor", "kor", "så", "enn"]
)
"""Words that start a new clause outside the scope of a negation before them."""
COMPLEMENTIZERS = frozenset(["at", "når", "som", "om", "hvordan", "korleis", "hvem", "kven"])
"""Words that start a clause; a negation before them reaches into it ("Det er ikke fastsatt
når planen skal evalueres", "Det finst inga rutine som …"), one after them does not reach
back ("Målet er at ingen barn …")."""

IMPERATIVES = frozenset(
    [
        "beskriv",
        "gjør",
        "gjer",
        "oppgi",
        "angi",
        "forklar",
        "synliggjør",
        "synleggjer",
        "vis",
        "skriv",
        "list",
        "nevn",
        "nemn",
        "fyll",
        "legg",
        "redegjør",
        "presiser",
        "tydeliggjør",
        "tydeleggjer",
    ]
)
"""First words of an instruction to the writer (an outline's guidance), not content."""

_LATER = (
    "{skriv*,utarbeid*,ferdigstil*,utform*,innarbeid*,skildr*,beskrives,supplere*,fylles,fyllast}"
)
"""Verbs of writing a text, in the future or passive ("skrives", "blir utarbeidd")."""

PLACEHOLDERS = tuple(
    compile_pattern(p)
    for p in (
        "kommer senere",
        "kommer seinere",
        "kjem seinare",
        "kjem seinere",
        "kjem etter",
        "under arbeid",
        "under utarbeid{else,ing}",
        "skal utarbeid{es,ast}",
        "vil bli utarbeid{et,d}",
        "blir utarbeid{et,d}",
        "ikke ferdig*",
        "ikkje ferdig*",
        "fylles ut",
        "fyllast ut",
        "{fylles,fyllast} inn",
        # a template field left for someone else: "[vert fylt ut av arbeidsgruppa]",
        # "blir fylt inn seinare"
        "{vert,blir,bli,blitt} {fylt,fylte} {ut,inn}",
        "{skal,må} {fylles,fyllast,fylle} {ut,inn}",
        "ettersend{es,ast}",
        "tbd",
        "ikke klar",
        "ikkje klar",
        "vil bli beskrevet",
        "vil bli skildra",
        "vil bli omtalt",
        "skal beskrives senere",
        "lorem ipsum",
        # a future or passive "is written/prepared later": "Dette kapitlet skrives etter
        # høringen", "Kapittelet blir utarbeidd seinare", "ferdigstilles i neste revisjon"
        _LATER + " ... {senere,seinare,seinere,etterpå}",
        _LATER + " ... etter {høringen,høyringa,høringa,høyringen,høring,høyring,høringsrunden}",
        _LATER + " ... {i,ved} neste {revisjon,rullering,versjon}",
        "{kommer,kjem} {i,ved} neste {revisjon,rullering,versjon}",
        "{ikke,ikkje} {ennå,enda,enno,ennu} {utarbeid*,skrevet,skrive,ferdig*}",
        "xx",
        "xxx",
    )
)


INTENT = tuple(
    compile_pattern(p)
    for p in (
        "ønsker å",
        "ønskjer å",
        "ynskjer å",
        "ønsker at",
        "ønskjer at",
        "ynskjer at",
        "ønsker ... å",
        "ønskjer ... å",
        "har et ønske",
        "har eit ønske",
        "vil vurdere*",
        "skal vurdere*",
        "vurderer å",
        "på sikt",
        "på lengre sikt",
        "tar sikte på",
        "tek sikte på",
        "tenker å",
        "tenkjer å",
        "planlegger å",
        "planlegg å",
        "vil bli orientert",
        "vil bli informert",
        "vil få ... til orientering",
        "håper å",
        "håpar å",
        "etter hvert",
        "etter kvart",
    )
)
"""Wording of a wish or an intention for later (bokmål and nynorsk)."""


def negated_tokens(tokens: Tokens) -> tuple[bool, ...]:
    """Per token: is it inside the scope of a negator (its clause, plus complement clauses
    that follow it within the sentence)?"""
    words = tokens.words
    flags = [False] * len(words)
    hard_breaks = clause_breaks(tokens)
    clause_start = 0
    carried = False
    for position in range(len(words) + 1):
        hard = position == len(words) or position in hard_breaks
        soft = not hard and position > 0 and words[position] in COMPLEMENTIZERS
        if hard or soft:
            negated = carried or (
                _has_negator(words, clause_start, position)
                and not _conditional(words, tokens.sentence, clause_start)
            )
            if negated:
                for index in range(clause_start, position):
                    flags[index] = True
            carried = negated and (soft or _continues_after_semicolon(tokens, position))
            clause_start = position
    _negated_subject_clauses(tokens, hard_breaks, flags)
    return tuple(flags)


QUESTION_WORDS = frozenset(["hvordan", "korleis", "hvem", "kven", "hva", "kva", "hvilke"])
_SUBJECT_COPULAS = frozenset(["er", "blir", "vert", "har", "var", "ble", "vart"])


def _negated_subject_clauses(tokens: Tokens, hard_breaks: set[int], flags: list[bool]) -> None:
    """A sentence that opens with an indirect question as its subject and negates it in the
    main clause after the comma: "Hvordan uenighet skal håndteres, er ikke avklart" /
    "Korleis usemje skal handterast, er ikkje avklart". The negation reaches back over the
    comma into the subject clause (the statement is that the thing is absent). Conditions
    ("Når …", "Om …") are not subjects and keep their own scope."""
    words, sentence = tokens.words, tokens.sentence
    count = len(words)
    start = 0
    while start < count:
        end = start
        while end < count and sentence[end] == sentence[start]:
            end += 1
        if words[start] in QUESTION_WORDS:
            for position in range(start + 2, end - 1):
                if position in hard_breaks:
                    if words[position] in _SUBJECT_COPULAS and words[position + 1] in NEGATORS:
                        for index in range(start, position):
                            flags[index] = True
                    break
        start = end


ANAPHORS = frozenset(["det", "dette", "dét", "dei", "de", "disse", "desse"])
FUTURE = frozenset(["vil", "skal", "kommer", "kjem", "blir", "vert", "må", "bør", "skjer"])


def _continues_after_semicolon(tokens: Tokens, position: int) -> bool:
    """A semicolon continues a negated statement when the clause after it points back to
    the absent thing and only promises it for later: a pronoun for the statement + a modal
    or future verb ("Planen er ikkje samordna med kommuneplanen; det vil skje når …", "Det
    finnes ingen rutine; dette skal utarbeides"). A clause with its own subject ("…; tjenestene
    møtes likevel månedlig") is a new statement outside the negation."""
    words = tokens.words
    if not 0 < position < len(words) - 1:
        return False
    gap = tokens.text[tokens.ends[position - 1] : tokens.starts[position]]
    return gap.strip() == ";" and words[position] in ANAPHORS and words[position + 1] in FUTURE


CONDITIONALS = frozenset(["dersom", "hvis", "viss", "ifall", "i fall"])
SENTENCE_CONDITIONALS = frozenset(["om", "når", "er", "blir", "vert"])
"""Words that open a conditional clause anywhere (CONDITIONALS) or at a sentence's start
("Om tenestene ikkje blir samde, …", "Blir ikke tjenestene enige, …")."""


def _conditional(words: tuple[str, ...], sentence: tuple[int, ...], start: int) -> bool:
    """The clause is a condition ("Dersom tjenestene ikke kommer til enighet, avgjør …"):
    a negation inside it states a hypothesis, not that something is absent."""
    if start >= len(words):
        return False
    word = words[start]
    if word in CONDITIONALS:
        return True
    at_start = start == 0 or sentence[start - 1] != sentence[start]
    return at_start and word in SENTENCE_CONDITIONALS and start + 1 < len(words)


_BREAK_MARKS = re.compile("[,:()–]")
"""Punctuation in the gap between two words that ends a clause."""


def clause_breaks(tokens: Tokens) -> set[int]:
    """The token positions (≥ 1) that start a new clause after a hard break: a new sentence,
    a clause-boundary word, or punctuation in the gap before (`_clause_break` for all
    positions at once: one regex over the text instead of a slice per gap)."""
    words, sentence, starts = tokens.words, tokens.sentence, tokens.starts
    count = len(words)
    if count < 2:
        return set()
    found = {
        position
        for position in range(1, count)
        if sentence[position] != sentence[position - 1] or words[position] in CLAUSE_BOUNDARIES
    }
    for mark in _BREAK_MARKS.finditer(tokens.text, tokens.ends[0], starts[-1]):
        # marks never fall inside a word, so the mark is in the gap before this word
        found.add(bisect.bisect_right(starts, mark.start()))
    return found


_AGREE = ("enig", "einig", "samd")
"""Stems of "agree": "ikke enige" / "ikkje samde" is disagreement stated, not a negation."""
_COPULAS = frozenset(["blir", "ble", "er", "var", "vert", "vart", "blei", "de", "dei", "vi"])


def _has_negator(words: tuple[str, ...], start: int, end: int) -> bool:
    for position in range(start, end):
        if words[position] in NEGATORS:
            following = words[position + 1] if position + 1 < end else ""
            if following not in _NOT_NEGATING_AFTER and not _disagreement(words, position, end):
                return True
    return False


def _disagreement(words: tuple[str, ...], position: int, end: int) -> bool:
    """ "ikke enige", "ikkje blir samde": the negator and "agree" form one word, "disagree"."""
    after = position + 1
    while after < end and after <= position + 2 and words[after] in _COPULAS:
        after += 1
    return after < end and words[after].startswith(_AGREE)


SEQUENCE_WORDS = frozenset(["deretter", "etterpå", "seinare", "senere", "sidan", "siden"])
"""Words that start a later step of a sequence ("behandlet i hovedutvalget og deretter vedtatt
i kommunestyret"): a new clause for the scope of an `exclude` context."""


def clause_numbers(tokens: Tokens) -> tuple[int, ...]:
    """Per token: the number of its clause (punctuation, clause-starting and sequence words
    end a clause). An `exclude` context voids hits of its own clause only."""
    words = tokens.words
    if not words:
        return ()
    starts = clause_breaks(tokens)
    starts.update(p for p in range(1, len(words)) if words[p] in SEQUENCE_WORDS)
    if not starts:
        return (0,) * len(words)
    flags = [0] * len(words)
    for position in starts:
        flags[position] = 1
    return tuple(itertools.accumulate(flags))


def same_clause(tokens: Tokens, first: int, second: int) -> bool:
    """`clause_numbers(tokens)[first] == clause_numbers(tokens)[second]` for two tokens of
    one sentence, by looking only at the words between them (a clause starts at a word
    after a hard break (`clause_breaks`) or at a sequence word): asked for a few tokens of
    a long block, where numbering every clause would cost more."""
    return no_clause_break(
        tokens.words,
        tokens.sentence,
        tokens.starts,
        tokens.ends,
        tokens.text,
        min(first, second),
        max(first, second),
    )


def no_clause_break(
    words: Sequence[str],
    sentence: Sequence[int],
    starts: Sequence[int],
    ends: Sequence[int],
    text: str,
    low: int,
    high: int,
) -> bool:
    """`same_clause` on any word arrays (a block's `Tokens`, or the whole document's
    prepared arrays, which need no per-block copy): no clause starts at a word after
    `low` up to `high`. Tested for the span at once: sentence numbers never decrease, and a
    break mark never falls inside a word (`TOKEN` is letters and digits, or "§"), so the
    gaps between the words hold one exactly when the text between the two does."""
    if high <= low:
        return True
    return (
        sentence[low] == sentence[high]
        and _CLAUSE_STARTS.isdisjoint(words[low + 1 : high + 1])
        and _BREAK_MARKS.search(text, ends[low], starts[high]) is None
    )


_CLAUSE_STARTS = CLAUSE_BOUNDARIES | SEQUENCE_WORDS
"""Words that start a clause for `no_clause_break`."""


def sentence_ranges(tokens: Tokens) -> dict[int, tuple[int, int]]:
    """Sentence number → (first token, last token)."""
    ranges: dict[int, tuple[int, int]] = {}
    for position, number in enumerate(tokens.sentence):
        first, _ = ranges.get(number, (position, position))
        ranges[number] = (first, position)
    return ranges


def instruction_sentences(tokens: Tokens, ranges: dict[int, tuple[int, int]]) -> set[int]:
    """Sentences that instruct or ask rather than state: imperative start or a question."""
    found = set()
    for number, (first, last) in ranges.items():
        if tokens.words[first] in IMPERATIVES:
            found.add(number)
            continue
        tail = tokens.text[tokens.ends[last] : tokens.ends[last] + 3]
        if tail.lstrip().startswith("?"):
            found.add(number)
    return found


def intent_sentences(tokens: Tokens) -> set[int]:
    """Sentences that state a wish or an intention instead of what is done."""
    found: set[int] = set()
    for pattern in INTENT:
        for hit in pattern.find_in(tokens):
            found.add(tokens.sentence[hit.first_token])
    return found


def placeholder_sentences(tokens: Tokens) -> set[int]:
    """Sentences that promise content instead of giving it."""
    found: set[int] = set()
    for pattern in PLACEHOLDERS:
        for hit in pattern.find_in(tokens):
            found.add(tokens.sentence[hit.first_token])
    return found
