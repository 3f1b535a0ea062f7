"""The rules file format as one table: every key, its kind, whether it is required.

The validator walks a file against this table, the docs list it, and a test checks that the
JSON Schema in `schemas/ruleset.schema.json` names the same keys. Key names equal the field
names of `plansjekk.rules.model`, so a file reads like the data it becomes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plansjekk.i18n import LANGS
from plansjekk.rules.model import Severity, Status

SEVERITIES = tuple(s.value for s in Severity)
STATUSES = tuple(s.value for s in Status)
SCOPES = ("section", "document")


@dataclass(frozen=True)
class Key:
    """What one key may hold.

    kind: "str", "texts" (a string, or {nb, nn, en}), "int", "number", "bool", "choice",
    "patterns" (a list of term patterns), "strings", "map" (nested `keys`) or "maps" (a list
    of nested maps).
    """

    kind: str
    required: bool = False
    choices: tuple[str, ...] = ()
    keys: dict[str, Key] = field(default_factory=dict)
    minimum: float | None = None
    maximum: float | None = None


ASPECT = {
    "id": Key("str", required=True),
    "title": Key("texts"),
    "terms": Key("patterns", required=True),
    "advice": Key("texts"),
}

EXAMPLE = {
    "text": Key("str", required=True),
    "expect": Key("choice", required=True, choices=STATUSES),
    "lang": Key("choice", choices=LANGS),
    "note": Key("str"),
}

THRESHOLDS = {
    "covered": Key("number", minimum=0.0, maximum=1.0),
    "partial": Key("number", minimum=0.0, maximum=1.0),
    "review_margin": Key("number", minimum=0.0, maximum=0.5),
}

DEPRECATED = {
    "terms": Key("patterns", required=True),
    "warning": Key("texts", required=True),
}

REQUIREMENT = {
    "id": Key("str", required=True),
    "title": Key("texts", required=True),
    "severity": Key("choice", required=True, choices=SEVERITIES),
    "legal_basis": Key("str"),
    "description": Key("texts"),
    "guidance": Key("texts"),
    "headings": Key("patterns"),
    "aspects": Key("maps", keys=ASPECT),
    "min_aspects": Key("int", minimum=1),
    "require_aspects": Key("strings"),
    "exclude": Key("patterns"),
    "negative": Key("patterns"),
    "deprecated": Key("map", keys=DEPRECATED),
    "scope": Key("choice", choices=SCOPES),
    "thresholds": Key("map", keys=THRESHOLDS),
    "enabled": Key("bool"),
    "examples": Key("maps", keys=EXAMPLE),
}

PATCH_REQUIRED = ("id",)
"""In a file that `extends` another, a requirement whose id the base has is a patch: only
`id` is required there; the other required keys apply to new requirements."""

RULESET = {
    "id": Key("str", required=True),
    "version": Key("str", required=True),
    "title": Key("texts", required=True),
    "description": Key("texts"),
    "extends": Key("str"),
    "requirements": Key("maps", required=True, keys=REQUIREMENT),
}
