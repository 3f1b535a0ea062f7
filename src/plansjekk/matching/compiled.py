"""A ruleset's patterns compiled once and cached, so checking many documents never recompiles."""

from __future__ import annotations

from dataclasses import dataclass, field

from plansjekk.matching.patterns import Pattern, compile_pattern
from plansjekk.rules.model import Requirement, Ruleset


@dataclass(frozen=True, slots=True)
class CompiledRequirement:
    requirement: Requirement
    headings: tuple[Pattern, ...]
    aspects: tuple[tuple[str, tuple[Pattern, ...]], ...]
    """(aspect id, its term patterns); the first aspect is the requirement's topic."""
    exclude: tuple[Pattern, ...]
    negative: tuple[Pattern, ...]
    deprecated: tuple[Pattern, ...]
    topic: str | None = field(init=False, compare=False, repr=False)
    """The first aspect's id (None without aspects)."""
    bits: dict[str, int] = field(init=False, compare=False, repr=False)
    """Aspect → its bit in a mask of aspects (in the requirement's order)."""
    patterns_of: dict[str, tuple[Pattern, ...]] = field(init=False, compare=False, repr=False)
    """Aspect → its term patterns."""
    pair: tuple[str, str] | None = field(init=False, compare=False, repr=False)
    """(topic, actor) for a requirement whose description needs three aspects and names
    exactly two as required (`scoring._pair`)."""

    def __post_init__(self) -> None:
        # Facts of the rules that judging asks of every requirement on every document,
        # derived once here (not compared: they follow from the fields above).
        requirement = self.requirement
        required = requirement.require_aspects
        pair = (
            (required[0], required[1])
            if len(required) == 2 and requirement.min_aspects >= 3
            else None
        )
        set_ = object.__setattr__
        set_(self, "topic", self.aspects[0][0] if self.aspects else None)
        set_(self, "bits", {aspect: 1 << n for n, (aspect, _) in enumerate(self.aspects)})
        set_(self, "patterns_of", dict(self.aspects))
        set_(self, "pair", pair)


_CACHE: dict[int, tuple[Ruleset, tuple[CompiledRequirement, ...]]] = {}


def compiled(ruleset: Ruleset) -> tuple[CompiledRequirement, ...]:
    """The active requirements of `ruleset`, compiled (cached by identity)."""
    entry = _CACHE.get(id(ruleset))
    if entry is not None and entry[0] is ruleset:
        return entry[1]
    result = tuple(compile_requirement(r) for r in ruleset.active)
    if len(_CACHE) > 32:
        _CACHE.clear()
    _CACHE[id(ruleset)] = (ruleset, result)
    return result


def compile_requirement(requirement: Requirement) -> CompiledRequirement:
    def many(patterns: tuple[str, ...]) -> tuple[Pattern, ...]:
        return tuple(compile_pattern(p) for p in patterns)

    return CompiledRequirement(
        requirement=requirement,
        headings=many(requirement.headings),
        aspects=tuple((a.id, many(a.terms)) for a in requirement.aspects),
        exclude=many(requirement.exclude),
        negative=many(requirement.negative),
        deprecated=many(requirement.deprecated.terms) if requirement.deprecated else (),
    )


_EVERY: dict[int, tuple[tuple[CompiledRequirement, ...], tuple[Pattern, ...]]] = {}


def every_pattern(requirements: tuple[CompiledRequirement, ...]) -> tuple[Pattern, ...]:
    """The distinct patterns (by source) of the requirements' headings, aspect terms and
    exclusions: those every check looks up, whatever the document. Cached by identity of
    the tuple `compiled` returns."""
    entry = _EVERY.get(id(requirements))
    if entry is not None and entry[0] is requirements:
        return entry[1]
    distinct: dict[str, Pattern] = {}
    for req in requirements:
        for pattern in (*req.headings, *(p for _, ps in req.aspects for p in ps), *req.exclude):
            distinct.setdefault(pattern.source, pattern)
    result = tuple(distinct.values())
    if len(_EVERY) > 32:
        _EVERY.clear()
    _EVERY[id(requirements)] = (requirements, result)
    return result
