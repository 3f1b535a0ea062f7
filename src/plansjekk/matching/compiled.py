"""A ruleset's patterns compiled once and cached, so checking many documents never recompiles."""

from __future__ import annotations

from dataclasses import dataclass

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

    @property
    def topic(self) -> str | None:
        return self.aspects[0][0] if self.aspects else None


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
