"""Concrete advice for a requirement that is not covered: what is lacking and where it fits.

A planner can act on "beskriver ikke arenaer for samarbeidet; passer under «4 Samarbeid»",
not on a bare "delvis". The words come from the ruleset (each missing aspect's `advice`, the
requirement's `guidance`) and from the matcher's findings (`aspects_missing`, `reasons`,
`suggested_section`), so every format that gives advice (terminal, the markdown checklist,
HTML, the CI formats, `check --watch`) says the same thing by calling this module; the
report layer has no advice wording of its own.
"""

from __future__ import annotations

from plansjekk.findings import Reason, RequirementResult
from plansjekk.i18n import Lang, has_message, t
from plansjekk.rules.model import Aspect, Requirement, Status, pick

_QUIET_REASONS = frozenset({Reason.FEW_ASPECTS, Reason.MISSING_REQUIRED_ASPECT})
"""Reasons already explained better by the missing aspects' own advice."""


def advice_for(result: RequirementResult, requirement: Requirement | None,
               lang: Lang) -> list[str]:
    """Lines of advice, most specific first; empty for a covered requirement.

    Order: why the text found does not count (reasons), what each missing aspect needs, the
    requirement's guidance when nothing more specific is known, and last where to write it.
    """
    if result.status is Status.COVERED:
        return []
    return _dedupe([*lacking(result, requirement, lang),
                    where_to_write(result, requirement, lang)])


def lacking(result: RequirementResult, requirement: Requirement | None,
            lang: Lang) -> list[str]:
    """`advice_for` without the closing "where to write" line, for formats that show that
    line apart (terminal, HTML, the markdown checklist); empty for a covered requirement."""
    if result.status is Status.COVERED:
        return []
    lines = [*_reason_lines(result, lang), *_aspect_lines(result, requirement, lang)]
    if requirement is not None and (
        not lines or (result.status is Status.MISSING and not result.aspects_missing)
    ):
        lines.append(_write_section_line(requirement, lang))
    return _dedupe(lines)


def short_advice(result: RequirementResult, requirement: Requirement | None, lang: Lang) -> str:
    """One line for compact views (`check --watch`, tables): the most specific thing lacking,
    else where to write; empty when covered."""
    if result.status is Status.COVERED:
        return ""
    specific = [*_reason_lines(result, lang), *_aspect_lines(result, requirement, lang)]
    return specific[0] if specific else where_to_write(result, requirement, lang)


def where_to_write(result: RequirementResult, requirement: Requirement | None,
                   lang: Lang) -> str:
    """The section where text would fit (the matcher's suggestion), or a heading to add."""
    if result.suggested_section:
        return t("planner.advice.where_existing", lang,
                 section=_one_line(result.suggested_section))
    title = pick(requirement.title, lang) if requirement is not None else ""
    return t("planner.advice.where_new", lang, title=title or result.id)


def _reason_lines(result: RequirementResult, lang: Lang) -> list[str]:
    keys = (f"planner.advice.reason.{r.value}" for r in result.reasons if r not in _QUIET_REASONS)
    return [t(key, lang) for key in keys if has_message(key)]


def _aspect_lines(result: RequirementResult, requirement: Requirement | None,
                  lang: Lang) -> list[str]:
    """One line per missing aspect the ruleset knows; an id it does not know (a result from an
    older cached run or another ruleset) has no words to advise with and is left out."""
    if requirement is None:
        return []
    by_id = {aspect.id: aspect for aspect in requirement.aspects}
    return [_aspect_line(by_id[aspect_id], lang)
            for aspect_id in result.aspects_missing if aspect_id in by_id]


def _aspect_line(aspect: Aspect, lang: Lang) -> str:
    """The aspect's own advice; failing that, "Beskriv også <its title or id>"."""
    if aspect.advice and (advice := pick(aspect.advice, lang)):
        return _sentence(advice)
    name = pick(aspect.title, lang) if aspect.title else ""
    return t("planner.advice.aspect", lang, aspect=(name or aspect.id).replace("-", " "))


def _write_section_line(requirement: Requirement, lang: Lang) -> str:
    guidance = pick(requirement.guidance, lang) or pick(requirement.description, lang)
    return t("planner.advice.write_section", lang, guidance=_sentence(guidance)).strip()


def _one_line(text: str) -> str:
    """A section heading from a document as one line, without control characters."""
    return " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())


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
