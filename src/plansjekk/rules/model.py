"""A validated ruleset as plain, immutable data.

The YAML format is documented in docs/rules.md; `plansjekk.rules.loader` turns a file into
these objects (after validation with file:line errors). The matcher reads only these.

Term patterns (`terms`, `headings`, `exclude`, `negative`) use a small safe language that
cannot backtrack catastrophically, compiled by `plansjekk.matching.patterns`:
  - words are matched case-insensitively on normalised text (NFKC, soft hyphens removed);
  - `*` inside a word = any letters: `samarbeid*` (inflections, compounds starting with it),
    `*samarbeid*` (compound tails too), `ansvar*fordel*`;
  - `{a,b}` = alternatives inside a word: `tverr{faglig,etatlig,etatleg}*`;
  - `...` between words = up to 3 other words in between: `vedtatt ... kommunestyret`;
  - `re:` prefix = a regular expression (Python `regex` syntax, run with a time limit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from plansjekk.i18n import Lang


class Severity(StrEnum):
    REQUIRED = "required"
    RECOMMENDED = "recommended"


class Status(StrEnum):
    COVERED = "covered"
    PARTIAL = "partial"
    MISSING = "missing"


Texts = dict[str, str]
"""Text per language code ("nb", "nn", "en"); nb is mandatory."""


def pick(texts: Texts, lang: Lang) -> str:
    """The text in `lang`, falling back nn → nb and en → nb."""
    return texts.get(lang) or texts.get("nb") or next(iter(texts.values()), "")


@dataclass(frozen=True, slots=True)
class Aspect:
    """One distinct element a good section on the requirement describes.

    Coverage needs several aspects in one passage (see `Requirement.min_aspects`), which is
    what separates a description from a passing mention. `advice` tells the writer what to
    add when the aspect is absent.
    """

    id: str
    terms: tuple[str, ...]
    advice: Texts = field(default_factory=dict)
    title: Texts = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score cut-offs in [0, 1]: score >= covered → covered; >= partial → partial."""

    covered: float = 0.6
    partial: float = 0.25
    review_margin: float = 0.08
    """Scores this close to a cut-off are flagged for human review."""


@dataclass(frozen=True, slots=True)
class Example:
    """A labelled passage that `plansjekk rules test` runs through the matcher.

    `text` is plain text where lines starting with `#` are headings (`##` = level 2).
    """

    text: str
    expect: Status
    lang: str = "nb"
    note: str = ""
    line: int = 0
    """Line in the rules file, so a failing example can be located."""
    source: str = ""
    """The rules file the example is written in (a base file, when composed)."""


@dataclass(frozen=True, slots=True)
class Deprecated:
    """Terms that show an outdated reference (e.g. the repealed § 3-1): a warning when they
    appear, and at most `partial` when only they appear."""

    terms: tuple[str, ...]
    warning: Texts


@dataclass(frozen=True, slots=True)
class Requirement:
    """One requirement of a ruleset, with everything the matcher and the reports need."""

    id: str
    title: Texts
    severity: Severity
    legal_basis: str = ""
    description: Texts = field(default_factory=dict)
    """What the plan must describe (one sentence)."""
    guidance: Texts = field(default_factory=dict)
    """What a good section on this contains: shown for partial/missing and in `mal`."""
    headings: tuple[str, ...] = ()
    """Patterns for a heading that names the topic."""
    aspects: tuple[Aspect, ...] = ()
    min_aspects: int = 2
    """Distinct aspects one passage must show to count as a description."""
    require_aspects: tuple[str, ...] = ()
    """Aspect ids that must all appear together in one passage for it to be evidence at all
    (e.g. management + disagreement + decision for dispute escalation)."""
    exclude: tuple[str, ...] = ()
    """Contexts that void a hit in the same sentence ("samarbeid med nabokommunene om innkjøp")."""
    negative: tuple[str, ...] = ()
    """Document-level signals that cap the status at partial (e.g. "høringsutkast")."""
    deprecated: Deprecated | None = None
    scope: str = "section"
    """"section" (judge inside sections) or "document" (e.g. adoption: anywhere, even the
    front page)."""
    thresholds: Thresholds = field(default_factory=Thresholds)
    enabled: bool = True
    examples: tuple[Example, ...] = ()
    line: int = 0
    """Line in the rules file where the requirement starts."""
    source: str = ""
    """The rules file where the requirement is defined (the base file, when patched)."""

    @property
    def all_terms(self) -> tuple[str, ...]:
        return tuple(term for aspect in self.aspects for term in aspect.terms)


@dataclass(frozen=True, slots=True)
class Ruleset:
    """A set of requirements for one kind of plan."""

    id: str
    version: str
    title: Texts
    requirements: tuple[Requirement, ...]
    path: str = ""
    description: Texts = field(default_factory=dict)
    extends: str | None = None

    @property
    def active(self) -> tuple[Requirement, ...]:
        return tuple(r for r in self.requirements if r.enabled)

    def get(self, requirement_id: str) -> Requirement | None:
        return next((r for r in self.requirements if r.id == requirement_id), None)
