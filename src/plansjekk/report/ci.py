"""What the CI formats (sarif, junit, github, gitlab) share: which results are problems,
how serious each is, and the one-line message a planner reads in a pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from plansjekk.advice import advice_for
from plansjekk.findings import DocumentResult, RequirementResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.report.common import (
    display_lang,
    fails,
    one_line,
    pages_of,
    requirement_title,
    score_text,
    status_label,
)
from plansjekk.rules.model import Ruleset, Status


class Level(StrEnum):
    """How serious a problem is; mapped to each CI format's own scale."""

    ERROR = "error"
    """Fails the document under the run's fail-on policy."""
    WARNING = "warning"
    """Not covered, but does not fail (e.g. a recommended requirement)."""
    NOTE = "note"
    """Not covered, with an accepted exception."""


@dataclass(frozen=True, slots=True)
class Problem:
    document: DocumentResult
    result: RequirementResult
    level: Level
    title: str
    message: str
    page: int | None


def level_of(result: RequirementResult, run: Run) -> Level:
    if result.accepted is not None:
        return Level.NOTE
    return Level.ERROR if fails(result, run) else Level.WARNING


def problem_message(result: RequirementResult, ruleset: Ruleset, lang: Lang,
                    titles_lang: Lang) -> str:
    """"Samarbeid …: delvis (skår 0.31). Nevner samarbeid, men … Passer best under
    «3 Organisering»." (the advice is `plansjekk.advice`'s, in the plan's målform)."""
    hints = advice_for(result, ruleset.get(result.id), titles_lang)
    text = t("report.ci.message", lang,
             title=requirement_title(ruleset, result.id, titles_lang),
             status=status_label(result.status.value, lang),
             score=score_text(result.score),
             advice=" ".join(hints))
    if result.accepted is not None:
        text += " " + sentence(t("report.accepted", lang, reason=one_line(result.accepted)))
    return one_line(text)


def sentence(text: str) -> str:
    """"passer under: 3 Organisering" → "Passer under: 3 Organisering." for running text."""
    text = text.strip()
    if not text:
        return text
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def problems(run: Run, ruleset: Ruleset, lang: Lang) -> Iterator[Problem]:
    """Every requirement that is not covered, in document order."""
    for document in run.documents:
        titles_lang = display_lang(lang, document.language)
        for result in document.requirements:
            if result.status is Status.COVERED:
                continue
            pages = pages_of(result)
            yield Problem(
                document=document,
                result=result,
                level=level_of(result, run),
                title=requirement_title(ruleset, result.id, titles_lang),
                message=problem_message(result, ruleset, lang, titles_lang),
                page=pages[0] if pages else None,
            )
