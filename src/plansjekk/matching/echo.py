"""Echo of the law: sentences that restate what the plan must contain are not content.

Recognised generally, not by quoting the statute:
  1. a normative sentence about the plan itself: plan-word + modal (skal/bør/må) + a verb
     of containing ("Planen skal beskrive mål, organisering …");
  2. a legal reference with a modal about the municipality or the plan ("Kommunestyret skal
     vedta en plan …, jf. barnevernsloven § 15-1");
  3. a summary of the plan's contents: plan-word + verb of containing + the topics of two
     or more requirements ("Planen beskriver mål for arbeidet, hvordan det skal organiseres …");
  4. an enumeration naming the topics of three or more requirements back to back
     ("mål, organisering, ansvarsfordeling og samarbeid");
  5. instructions and questions (`clauses.instruction_sentences`);
  6. a continuation of such an echo: a sentence whose subject is a pronoun standing for the
     plan ("Den/Ho skal også vise hvordan …") right after a sentence about the plan, with a
     modal and a verb of containing.
"""

from __future__ import annotations

import itertools
import operator
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet

from plansjekk.matching.analysis import Analysis, BlockText, Hit
from plansjekk.matching.patterns import compile_pattern

MODALS = ("skal", "bør", "må", "skulle", "burde", "skall")
_MODALS = tuple(compile_pattern(m) for m in MODALS)
_PLAN = tuple(
    compile_pattern(p) for p in ("plan{en,a,ane,ar,er,ene}", "planverk*", "planens", "planas")
)
_CONTAIN = tuple(
    compile_pattern(p)
    for p in (
        "beskriv*",
        "skildr*",
        "inneh{o,a}ld*",
        "omtal*",
        "omhandl*",
        "redegj*",
        "gjøre rede",
        "gjere greie",
        "ta for seg",
        "tar for seg",
        "vise",
        "viser",
        "synleggj*",
        "synliggj*",
        "gi oversikt",
        "gje oversikt",
        "gi en oversikt",
        "gje ei oversikt",
        "omfatte",
    )
)
_LEGAL = tuple(
    compile_pattern(p)
    for p in (
        "§",
        "*lov{en,a}",
        "lov",
        "lova",
        "loven",
        "forskrift*",
        "rundskriv*",
        "prop",
        "jf",
        "jamfør",
    )
)
_BODIES = tuple(compile_pattern(p) for p in ("kommunen", "kommunestyre*", "bystyre*", "plan{en,a}"))
_LIST_GLUE = frozenset(["og", "eller", "samt"])
_PLAN_PRONOUNS = frozenset(["den", "denne", "ho", "han"])
"""Words that can stand for "the plan" at the start of the sentence after one about it."""


def mark_echoes(analysis: Analysis, topic_hits: dict[str, list[Hit]]) -> None:
    """Sets `BlockText.echo` for every block; `topic_hits` = requirement id → its topic hits."""
    kinds_at: dict[tuple[int, int], set[str]] = defaultdict(set)
    signals_at: dict[tuple[int, int], list[int]] = defaultdict(list)
    """Per sentence, the first tokens of its plan, containing and legal signals."""
    for kind, found in _signal_sentences(analysis).items():
        for key, tokens in found.items():
            kinds_at[key].add(kind)
            if kind in ("plan", "contain", "legal"):
                signals_at[key].extend(tokens)
    # A sentence without a signal is an echo only as an enumeration of the topics of three
    # requirements or more (so with three topic hits or more, `_is_echo`); else it only ends
    # a run of sentences about the plan, as a sentence that is not looked at does. Only the
    # sentences with a signal or three topic hits are looked at.
    keys = {requirement: list(map(_SENTENCE, hits)) for requirement, hits in topic_hits.items()}
    counts = Counter(itertools.chain.from_iterable(keys.values()))
    wanted = {key for key, count in counts.items() if count >= 3}
    wanted.update(kinds_at)
    per_sentence: dict[tuple[int, int], list[tuple[int, int, str]]] = defaultdict(list)
    for requirement, hits in topic_hits.items():
        for key, hit in zip(keys[requirement], hits, strict=True):
            if key in wanted:
                per_sentence[key].append((hit.first_token, hit.last_token, requirement))
    numbers: dict[int, set[int]] = defaultdict(set)
    """Per block, its sentences looked at: the others are never echoes and only end a run of
    sentences about the plan."""
    for block, number in wanted:
        numbers[block].add(number)
    no_topics: list[tuple[int, int, str]] = []
    for text in analysis.blocks:
        text.echo = set(text.instructions)
        found = numbers.get(text.index)
        if found is None:  # no signal and no topic: nothing more to echo
            continue
        about_plan = False
        previous = -2
        for number in sorted(found) if len(found) > 1 else found:
            about_plan = about_plan and previous == number - 1
            previous = number
            key = (text.index, number)
            has = kinds_at.get(key, _NO_KINDS)
            topics = per_sentence.get(key, no_topics)
            if about_plan and has >= _CONTINUED and _starts_with_pronoun(text, number):
                has = has | _ABOUT_PLAN
            about_plan = "plan" in has
            if not has and len(topics) < 3:
                continue
            if _is_echo(has, topics, text):
                text.echo.add(number)
                until = _content_after_echo(text, number, signals_at)
                if until is not None:
                    text.echo_until[number] = until


_SENTENCE = operator.itemgetter(0, 1)
"""A `Hit`'s (block, sentence)."""
_NO_KINDS: frozenset[str] = frozenset()
_ABOUT_PLAN = frozenset(["plan"])
_CONTINUED = frozenset(["modal", "contain"])
"""The signals of a sentence that continues one about the plan with a pronoun for it."""
_ABOUT_PLAN_NORMATIVE = frozenset(["plan", "modal", "contain"])
_LEGAL_NORMATIVE = frozenset(["legal", "modal", "body"])
_SUMMARY = frozenset(["plan", "contain"])


_MAIN_CLAUSE_GLUE = frozenset(["og", "men", "så", "for"])
_MAIN_CLAUSE_OPENERS = frozenset(
    [
        "derfor",
        "difor",
        "dermed",
        "likevel",
        "dessuten",
        "dessutan",
        "her",
        "nå",
        "no",
        "vi",
        "dei",
        "de",
        "konkret",
        "praktisk",
    ]
)
"""Words that open a new main clause after a comma ("…, og derfor møtes …", "…, og vi har
…"): what follows states what is done, not what the law demands."""


def _content_after_echo(
    text: BlockText, number: int, signals_at: dict[tuple[int, int], list[int]]
) -> int | None:
    """The first token of a new main clause after the echo in the same sentence ("I tråd med
    barnevernsloven § 15-1 skal planen beskrive samarbeidet, og derfor møtes helsestasjonen
    og barnehagane kvar månad"), or None when the echo runs to the sentence's end. The clause
    must open with a connective adverb or a subject pronoun after the comma (an enumeration
    of topics never does), hold at least three words, and no echo signal follows it."""
    first, last = text.sentences[number]
    words = text.tokens.words
    clauses = text.clauses
    signals = signals_at.get((text.index, number), [])
    for position in range(first + 1, last - 1):
        if clauses[position] == clauses[position - 1]:
            continue
        opener = position + 1 if words[position] in _MAIN_CLAUSE_GLUE else position
        if opener > last or words[opener] not in _MAIN_CLAUSE_OPENERS:
            continue
        if last - position + 1 < 3 or any(s >= position for s in signals):
            continue
        return position
    return None


def _starts_with_pronoun(text: BlockText, number: int) -> bool:
    first, _ = text.sentences[number]
    return text.tokens.words[first] in _PLAN_PRONOUNS


def _signal_sentences(analysis: Analysis) -> dict[str, dict[tuple[int, int], list[int]]]:
    """(block, sentence) pairs containing each kind of signal, found through the index, with
    the first token of each signal there."""
    kinds = (
        ("plan", _PLAN),
        ("contain", _CONTAIN),
        ("legal", _LEGAL),
        ("body", _BODIES),
        ("modal", _MODALS),
    )
    found: dict[str, dict[tuple[int, int], list[int]]] = {}
    for kind, patterns in kinds:
        at: dict[tuple[int, int], list[int]] = defaultdict(list)
        for pattern in patterns:
            for hit in analysis.hits(pattern):
                at[(hit.block, hit.sentence)].append(hit.first_token)
        found[kind] = at
    return found


def _is_echo(has: AbstractSet[str], topics: list[tuple[int, int, str]], text: BlockText) -> bool:
    if has >= _ABOUT_PLAN_NORMATIVE:
        return True
    if has >= _LEGAL_NORMATIVE:
        return True
    if len(topics) < 2:  # (fewer distinct requirements still)
        return False
    distinct = {requirement for _, _, requirement in topics}
    if has >= _SUMMARY and len(distinct) >= 2:
        return True
    # a run never names more requirements than the sentence has (and counting the run
    # needs the block's words, which most blocks never build)
    return len(distinct) >= 3 and _enumerates(topics, text) >= 3


def _enumerates(topics: list[tuple[int, int, str]], text: BlockText) -> int:
    """The longest run of topic hits of different requirements joined only by commas/og."""
    best = 0
    run: set[str] = set()
    previous_end = -10
    for first, last, requirement in sorted(topics):
        between = text.tokens.words[previous_end + 1 : first]
        if (
            previous_end >= 0
            and first > previous_end
            and all(w in _LIST_GLUE for w in between)
            and len(between) <= 1
        ):
            run.add(requirement)
        elif first > previous_end:
            run = {requirement}
        previous_end = max(previous_end, last)
        best = max(best, len(run))
    return best
