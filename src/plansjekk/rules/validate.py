"""Checks one file's values against `spec` and the rules' own logic, collecting every problem.

Two passes: `check_structure` walks the keys (unknown key with a did-you-mean, wrong type,
missing key, value out of range or not among the allowed choices, pattern that does not
compile); `check_logic` looks at a requirement as a whole after composition (duplicate ids,
threshold order, `require_aspects` naming an unknown aspect, `min_aspects` above the number
of aspects, a new requirement with no evidence at all).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process
from yaml.nodes import Node

from plansjekk.rules.problems import Problem
from plansjekk.rules.spec import REQUIREMENT, RULESET, Key
from plansjekk.rules.yamlread import YDict, YList, at

_ID = re.compile(r"^[a-z0-9æøå][a-z0-9æøå_-]*$")
_TEXT_LANGS = ("nb", "nn", "en")


def check_structure(data: Any, path: str, patch_ids: Iterable[str] = ()) -> list[Problem]:
    """Every structural problem of a whole file (`data` is what `read_yaml` returned).

    `patch_ids` are the base ruleset's requirement ids: entries with these ids are patches,
    so only their `id` is required.
    """
    if not isinstance(data, YDict):
        return [at(path, getattr(data, "node", None), "wrong-type", key="/", expected="map",
                   actual=_kind_of(data))]
    walker = _Walker(path, set(patch_ids))
    walker.mapping(data, RULESET, required_ok=lambda key: key == "requirements"
                   and "extends" in data)
    return walker.problems


class _Walker:
    def __init__(self, path: str, patch_ids: set[str]) -> None:
        self.path = path
        self.patch_ids = patch_ids
        self.patching = False
        """Inside a patch of a base requirement: texts need not repeat `nb`."""
        self.problems: list[Problem] = []

    def mapping(self, data: YDict, keys: dict[str, Key], required_ok=lambda key: False) -> None:
        for name, value in data.items():
            key = keys.get(name)
            if key is None:
                self.problems.append(_unknown_key(self.path, data.keys_at[name], name, keys))
                continue
            self.value(value, data.values_at[name], name, key)
        for name, key in keys.items():
            if key.required and name not in data and not required_ok(name):
                self.problems.append(at(self.path, data.node, "missing-key", key=name))

    def value(self, value: Any, node: Node, name: str, key: Key) -> None:
        if value is None and not key.required:
            return
        check = getattr(self, f"kind_{key.kind}")
        check(value, node, name, key)

    def _wrong(self, value: Any, node: Node, name: str, expected: str) -> None:
        hint = "quote" if expected == "str" and _scalar(value) else None
        self.problems.append(at(self.path, node, "wrong-type", hint, key=name, expected=expected,
                                actual=_kind_of(value), value=_show(value, node)))

    def kind_str(self, value: Any, node: Node, name: str, key: Key) -> None:
        if not isinstance(value, str):
            self._wrong(value, node, name, "str")
        elif name == "id" and not _ID.match(value):
            self.problems.append(at(self.path, node, "bad-id", "bad-id", value=value))

    def kind_texts(self, value: Any, node: Node, name: str, key: Key) -> None:
        if isinstance(value, str):
            return
        if not isinstance(value, YDict):
            self._wrong(value, node, name, "texts")
            return
        for lang, text in value.items():
            if lang not in _TEXT_LANGS:
                self.problems.append(at(self.path, value.keys_at[lang], "bad-choice", "allowed",
                                        key=name, value=lang, allowed=", ".join(_TEXT_LANGS)))
            elif not isinstance(text, str):
                self._wrong(text, value.values_at[lang], f"{name}.{lang}", "str")
        if "nb" not in value and not self.patching:
            self.problems.append(at(self.path, node, "missing-key", key=f"{name}.nb"))

    def kind_int(self, value: Any, node: Node, name: str, key: Key) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(value, node, name, "int")
        else:
            self._range(value, node, name, key)

    def kind_number(self, value: Any, node: Node, name: str, key: Key) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._wrong(value, node, name, "number")
        else:
            self._range(value, node, name, key)

    def kind_bool(self, value: Any, node: Node, name: str, key: Key) -> None:
        if not isinstance(value, bool):
            self._wrong(value, node, name, "bool")

    def kind_choice(self, value: Any, node: Node, name: str, key: Key) -> None:
        if not isinstance(value, str) or value not in key.choices:
            shown = value if isinstance(value, str) else _show(value, node)
            self.problems.append(at(self.path, node, "bad-choice", "allowed", key=name,
                                    value=shown, allowed=", ".join(key.choices)))

    def kind_strings(self, value: Any, node: Node, name: str, key: Key) -> None:
        if not isinstance(value, YList):
            self._wrong(value, node, name, "strings")
            return
        for item, item_node in zip(value, value.nodes, strict=True):
            if not isinstance(item, str):
                self._wrong(item, item_node, name, "str")

    def kind_patterns(self, value: Any, node: Node, name: str, key: Key) -> None:
        self.kind_strings(value, node, name, key)
        if isinstance(value, YList):
            for item, item_node in zip(value, value.nodes, strict=True):
                if isinstance(item, str):
                    self.problems.extend(pattern_problems(item, item_node, self.path))

    def kind_map(self, value: Any, node: Node, name: str, key: Key) -> None:
        if not isinstance(value, YDict):
            self._wrong(value, node, name, "map")
        else:
            self.mapping(value, key.keys)

    def kind_maps(self, value: Any, node: Node, name: str, key: Key) -> None:
        if not isinstance(value, YList):
            self._wrong(value, node, name, "maps")
            return
        for item, item_node in zip(value, value.nodes, strict=True):
            if not isinstance(item, YDict):
                self._wrong(item, item_node, name, "map")
            elif key.keys is REQUIREMENT and item.get("id") in self.patch_ids:
                self.patching = True
                self.mapping(item, key.keys, required_ok=lambda k: k != "id")
                self.patching = False
            else:
                self.mapping(item, key.keys)

    def _range(self, value: float, node: Node, name: str, key: Key) -> None:
        low = key.minimum if key.minimum is not None else float("-inf")
        high = key.maximum if key.maximum is not None else float("inf")
        if not low <= value <= high:
            code = "out-of-range" if key.maximum is not None else "too-small"
            self.problems.append(at(self.path, node, code, key=name, value=value,
                                    minimum=_num(key.minimum), maximum=_num(key.maximum)))


def pattern_problems(text: str, node: Node, path: str) -> list[Problem]:
    """A pattern that the matcher could not compile, located at the offending character."""
    try:
        from plansjekk.matching.patterns import PatternError, compile_pattern
    except ImportError:  # the matcher is not installed yet: nothing to check against
        return []
    try:
        compile_pattern(text)
    except PatternError as error:
        offset = max(int(getattr(error, "column", 1) or 1) - 1, 0)  # column is 1-based
        quoted = 1 if getattr(node, "style", None) in ('"', "'") else 0
        mark = node.start_mark
        reason = getattr(error, "message", None) or str(error)
        return [Problem(path, mark.line + 1, mark.column + 1 + quoted + offset, "bad-pattern",
                        {"pattern": text, "reason": reason})]
    return []


def check_logic(requirements: list[YDict], path_of_ruleset: str) -> list[Problem]:
    """Problems of whole requirements, after composition (so aspects from a base count)."""
    problems: list[Problem] = []
    for requirement in requirements:
        if not isinstance(requirement, YDict):
            continue
        problems.extend(_threshold_order(requirement))
        problems.extend(_aspect_references(requirement))
        if not requirement.get("headings") and not requirement.get("aspects"):
            node = requirement.keys_at.get("id", requirement.node)
            problems.append(at(requirement.path, node, "no-evidence", "no-evidence",
                               id=requirement.get("id")))
    return problems


def duplicate_ids(requirements: Iterable[Any], path: str) -> list[Problem]:
    """A requirement id used twice in one file (in an extending file, a base id is a patch)."""
    first: dict[str, int] = {}
    problems: list[Problem] = []
    for item in requirements:
        if not isinstance(item, YDict) or not isinstance(item.get("id"), str):
            continue
        node = item.values_at["id"]
        if item["id"] in first:
            problems.append(at(path, node, "duplicate-id", id=item["id"], first=first[item["id"]]))
        else:
            first[item["id"]] = node.start_mark.line + 1
    return problems


def _threshold_order(requirement: YDict) -> list[Problem]:
    thresholds = requirement.get("thresholds")
    if not isinstance(thresholds, YDict):
        return []
    covered, partial = thresholds.get("covered", 0.6), thresholds.get("partial", 0.25)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (covered, partial)):
        return []
    if partial > covered:
        key = "partial" if "partial" in thresholds.values_at else "covered"
        node = thresholds.values_at.get(key)
        return [at(thresholds.where(key), node, "thresholds-order", "thresholds-order",
                   partial=partial, covered=covered)]
    return []


def _aspect_references(requirement: YDict) -> list[Problem]:
    aspects = requirement.get("aspects")
    aspects = aspects if isinstance(aspects, list) else []
    ids = [a["id"] for a in aspects if isinstance(a, dict) and isinstance(a.get("id"), str)]
    problems: list[Problem] = []
    wanted = requirement.get("require_aspects")
    if isinstance(wanted, YList):
        for name, node in zip(wanted, wanted.nodes, strict=True):
            if isinstance(name, str) and name not in ids:
                problems.append(_unknown_aspect(requirement.where("require_aspects"), node,
                                                name, ids))
    minimum = requirement.get("min_aspects")
    is_int = isinstance(minimum, int) and not isinstance(minimum, bool)
    if is_int and aspects and minimum > len(ids):
        problems.append(at(requirement.where("min_aspects"), requirement.values_at["min_aspects"],
                           "min-aspects-too-high", value=minimum, count=len(ids)))
    return problems


def _unknown_aspect(path: str, node: Node, name: str, ids: list[str]) -> Problem:
    match = process.extractOne(name, ids, scorer=fuzz.ratio, score_cutoff=60) if ids else None
    if match:
        return at(path, node, "unknown-aspect", "did-you-mean", aspect=name, suggestion=match[0])
    return at(path, node, "unknown-aspect", "aspects", aspect=name,
              allowed=", ".join(ids) or "–")


def _unknown_key(path: str, node: Node, name: str, keys: dict[str, Key]) -> Problem:
    match = process.extractOne(name, list(keys), scorer=fuzz.ratio, score_cutoff=60)
    if match:
        return at(path, node, "unknown-key", "did-you-mean", key=name, suggestion=match[0])
    return at(path, node, "unknown-key", "allowed-keys", key=name, allowed=", ".join(keys))


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "str"
    if isinstance(value, dt.date):
        return "date"
    return "map" if isinstance(value, dict) else "list"


def _scalar(value: Any) -> bool:
    return isinstance(value, int | float | bool | dt.date)


def _show(value: Any, node: Node) -> str:
    if _scalar(value) or value is None:
        return str(getattr(node, "value", value))
    return _kind_of(value)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
