"""Turns validated (and composed) file values into the immutable `plansjekk.rules.model` data.

Runs only on values without problems, so it converts rather than checks.
"""

from __future__ import annotations

from typing import Any

from plansjekk.rules.model import (
    Aspect,
    Deprecated,
    Example,
    Requirement,
    Ruleset,
    Severity,
    Status,
    Texts,
    Thresholds,
)
from plansjekk.rules.yamlread import YDict


def build_ruleset(data: YDict, path: str) -> Ruleset:
    return Ruleset(
        id=data["id"],
        version=data["version"],
        title=texts(data["title"]),
        requirements=tuple(build_requirement(r) for r in data.get("requirements") or ()),
        path=path,
        description=texts(data.get("description")),
        extends=data.get("extends"),
    )


def texts(value: Any) -> Texts:
    """A plain string is shorthand for bokmål: `title: Rusforebygging` = `{nb: ...}`."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {"nb": value}
    return {str(lang): str(text) for lang, text in value.items()}


def build_requirement(data: YDict) -> Requirement:
    defaults = Requirement(id="", title={}, severity=Severity.RECOMMENDED)
    deprecated = data.get("deprecated")
    return Requirement(
        id=data["id"],
        title=texts(data.get("title")),
        severity=Severity(data.get("severity") or "recommended"),
        legal_basis=data.get("legal_basis") or "",
        description=texts(data.get("description")),
        guidance=texts(data.get("guidance")),
        headings=_strings(data.get("headings")),
        aspects=tuple(_aspect(a) for a in data.get("aspects") or ()),
        min_aspects=_or(data.get("min_aspects"), _default_min_aspects(data, defaults)),
        require_aspects=_strings(data.get("require_aspects")),
        exclude=_strings(data.get("exclude")),
        negative=_strings(data.get("negative")),
        deprecated=Deprecated(_strings(deprecated.get("terms")), texts(deprecated.get("warning")))
        if deprecated
        else None,
        scope=data.get("scope") or "section",
        thresholds=_thresholds(data.get("thresholds")),
        enabled=_or(data.get("enabled"), True),
        examples=tuple(_example(e) for e in data.get("examples") or ()),
        line=data.line,
        source=data.path,
    )


def _default_min_aspects(data: YDict, defaults: Requirement) -> int:
    """A requirement with a single aspect would never be covered with the default of 2."""
    count = len(data.get("aspects") or ())
    return min(defaults.min_aspects, count) if count else defaults.min_aspects


def _aspect(data: YDict) -> Aspect:
    return Aspect(
        id=data["id"],
        terms=_strings(data.get("terms")),
        advice=texts(data.get("advice")),
        title=texts(data.get("title")),
    )


def _thresholds(data: Any) -> Thresholds:
    default = Thresholds()
    if not data:
        return default
    return Thresholds(
        covered=float(_or(data.get("covered"), default.covered)),
        partial=float(_or(data.get("partial"), default.partial)),
        review_margin=float(_or(data.get("review_margin"), default.review_margin)),
    )


def _example(data: YDict) -> Example:
    return Example(
        text=data["text"],
        expect=Status(data["expect"]),
        lang=data.get("lang") or "nb",
        note=data.get("note") or "",
        line=data.line,
        source=data.path,
    )


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value
