"""Concrete advice for a requirement that is not covered: what is lacking and where it fits.

A planner can act on "beskriver ikke arenaer for samarbeidet; passer under «4 Samarbeid»",
not on a bare "delvis". The words come from the ruleset (each missing aspect's `advice`, the
requirement's `guidance`) and from the matcher's findings (`aspects_missing`, `reasons`,
`suggested_section`), so report formats (terminal, markdown checklist, `check --watch`) all
give the same advice by calling `advice_for`.
"""

from __future__ import annotations

from plansjekk.findings import Reason, RequirementResult
from plansjekk.i18n import Lang, has_message, t
from plansjekk.rules.model import Aspect, Requirement, Status, pick

_QUIET_REASONS = frozenset({Reason.FEW_ASPECTS, Reason.MISSING_REQUIRED_ASPECT})
"""Reasons already explained better by the missing aspects' own advice."""


def advice_for(result: RequirementResult, requirement: Requirement, lang: Lang) -> list[str]:
    """Lines of advice, most specific first; empty for a covered requirement.

    Order: why the text found does not count (reasons), what each missing aspect needs, the
    requirement's guidance when nothing more specific is known, and last where to write it.
    """
    if result.status is Status.COVERED:
        return []
    lines = [*_reason_lines(result, lang), *_aspect_lines(result, requirement, lang)]
    if not lines or (result.status is Status.MISSING and not result.aspects_missing):
        lines.append(_write_section_line(requirement, lang))
    lines.append(where_to_write(result, requirement, lang))
    return _dedupe(lines)


def short_advice(result: RequirementResult, requirement: Requirement, lang: Lang) -> str:
    """One line for compact views (`check --watch`, tables): the most specific thing lacking,
    else where to write; empty when covered."""
    if result.status is Status.COVERED:
        return ""
    specific = [*_reason_lines(result, lang), *_aspect_lines(result, requirement, lang)]
    return specific[0] if specific else where_to_write(result, requirement, lang)


def where_to_write(result: RequirementResult, requirement: Requirement, lang: Lang) -> str:
    """The section where text would fit (the matcher's suggestion), or a heading to add."""
    if result.suggested_section:
        return t("planner.advice.where_existing", lang, section=result.suggested_section)
    return t("planner.advice.where_new", lang, title=pick(requirement.title, lang))


def _reason_lines(result: RequirementResult, lang: Lang) -> list[str]:
    keys = (f"planner.advice.reason.{r.value}" for r in result.reasons if r not in _QUIET_REASONS)
    return [t(key, lang) for key in keys if has_message(key)]


def _aspect_lines(result: RequirementResult, requirement: Requirement, lang: Lang) -> list[str]:
    by_id = {aspect.id: aspect for aspect in requirement.aspects}
    return [_aspect_line(by_id.get(aspect_id), aspect_id, lang)
            for aspect_id in result.aspects_missing]


def _aspect_line(aspect: Aspect | None, aspect_id: str, lang: Lang) -> str:
    """The aspect's own advice; failing that, "Beskriv også <its title or id>"."""
    if aspect is not None and aspect.advice:
        return _sentence(pick(aspect.advice, lang))
    name = pick(aspect.title, lang) if aspect is not None and aspect.title else aspect_id
    return t("planner.advice.aspect", lang, aspect=name.replace("-", " "))


def _write_section_line(requirement: Requirement, lang: Lang) -> str:
    guidance = pick(requirement.guidance, lang) or pick(requirement.description, lang)
    return t("planner.advice.write_section", lang, guidance=_sentence(guidance)).strip()


def _sentence(text: str) -> str:
    """Capitalised, with a full stop: advice lines are read as a list of sentences."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else f"{text}."


def _dedupe(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    return [line for line in lines if line and not (line in seen or seen.add(line))]
