"""The skeleton of a plan (`plansjekk mal`), as plain data that DOCX and Markdown render.

One heading per requirement of the ruleset, in its order and in the chosen målform, with the
ruleset's guidance and legal basis under it as *instruction*, plus an appendix table for the
division of responsibility. Building the outline once and rendering it twice keeps the two
formats identical in content; the instruction marks are defined in `outline_marks`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from plansjekk.i18n import Lang, t
from plansjekk.outline_marks import GUIDANCE_PREFIX
from plansjekk.rules.model import Requirement, Ruleset, Severity, pick

OUTLINE_FORMATS = ("docx", "md")
MAALFORMER: tuple[Lang, ...] = ("nb", "nn")


@dataclass(frozen=True, slots=True)
class OutlineSection:
    """A heading the planner writes under, and the instruction shown beneath it."""

    requirement_id: str
    heading: str
    guidance: tuple[str, ...]
    """Instruction paragraphs; the first starts with "Veiledning:"/"Rettleiing:"."""


@dataclass(frozen=True, slots=True)
class OutlineTable:
    """The appendix table: a header row and one row per service with empty cells to fill."""

    heading: str
    guidance: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Outline:
    """Everything a renderer needs; nothing format-specific."""

    lang: Lang
    title: str
    subtitle: str
    front_guidance: tuple[str, ...]
    """Instruction on the title page (how to use the outline, where adoption goes)."""
    sections: tuple[OutlineSection, ...]
    appendix: OutlineTable
    ruleset_id: str

    @property
    def full_title(self) -> str:
        """"Plan for … – Asker kommune 2025–2028", for document properties and Markdown."""
        return f"{self.title} – {self.subtitle}"


def build_outline(
    ruleset: Ruleset,
    kommune: str,
    lang: Lang = "nb",
    *,
    period: str | None = None,
    file_name: str = "plan.docx",
) -> Outline:
    """The outline for `kommune` in målform `lang`, from the active requirements of `ruleset`."""
    return Outline(
        lang=lang,
        title=t("planner.outline.title", lang),
        subtitle=t("planner.outline.subtitle", lang, kommune=kommune_name(kommune, lang),
                   period=period or default_period()),
        front_guidance=(
            t("planner.outline.intro", lang, file=file_name),
            t("planner.outline.adoption_hint", lang),
        ),
        sections=tuple(_section(requirement, lang) for requirement in ruleset.active),
        appendix=_appendix(lang),
        ruleset_id=ruleset.id,
    )


def kommune_name(kommune: str, lang: Lang) -> str:
    """"Asker" → "Asker kommune"; a name that already says kommune is kept as typed."""
    name = " ".join(kommune.split())
    suffix = t("planner.outline.kommune_suffix", lang)
    return name if name.casefold().endswith(("kommune", suffix.casefold())) else f"{name} {suffix}"


def default_period(today: datetime.date | None = None) -> str:
    """A four-year plan period starting this year, e.g. "2025–2028" (the usual length)."""
    year = (today or datetime.date.today()).year
    return f"{year}–{year + 3}"


def guidance_lines(requirement: Requirement, lang: Lang) -> tuple[str, ...]:
    """Instruction for one requirement: what a good section contains, then its legal basis.

    The ruleset's guidance is phrased as instructions ("Beskriv …"); when a requirement has
    none, its description is turned into one, so no section is left without help.
    """
    guidance = pick(requirement.guidance, lang)
    if not guidance:
        guidance = t("planner.outline.guidance_fallback", lang,
                     description=pick(requirement.description, lang))
    lines = [f"{GUIDANCE_PREFIX[lang]} {' '.join(guidance.split())}"]
    if requirement.legal_basis:
        basis = requirement.legal_basis.strip().rstrip(".")
        lines.append(t("planner.outline.legal_basis", lang, legal_basis=basis))
    severity = "required" if requirement.severity is Severity.REQUIRED else "recommended"
    lines.append(t(f"planner.outline.severity.{severity}", lang))
    return tuple(lines)


def _section(requirement: Requirement, lang: Lang) -> OutlineSection:
    return OutlineSection(
        requirement_id=requirement.id,
        heading=pick(requirement.title, lang),
        guidance=guidance_lines(requirement, lang),
    )


def _appendix(lang: Lang) -> OutlineTable:
    columns = tuple(t("planner.outline.appendix_columns", lang).split("|"))
    services = t("planner.outline.services", lang).split("|")
    empty = ("",) * (len(columns) - 1)
    return OutlineTable(
        heading=t("planner.outline.appendix_heading", lang),
        guidance=(t("planner.outline.appendix_guidance", lang),),
        columns=columns,
        rows=tuple((service, *empty) for service in services),
    )
