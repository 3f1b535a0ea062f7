"""Reads a rules file safely into plain values that remember where they came from.

Rules are data, never code: the file is composed with PyYAML's safe loader (no tags that
construct objects), aliases are refused (so a "billion laughs" file cannot blow up), and
duplicate keys, which YAML silently lets the last one win, are reported. Mappings become
`YDict` and sequences `YList`, which keep their YAML nodes so the validator can point at the
exact line and column of any key or value.

Every `plansjekk check` reads its ruleset, so reading is on the path of a planner waiting
for a verdict: the file is composed by libyaml (C, ≈15× faster than PyYAML's Python
composer on the bundled ruleset) where PyYAML has it. The Python composer remains the one
that speaks about a bad file: it runs instead when libyaml is missing, when libyaml finds
an error (so every message reads the same on every machine), and when libyaml's tree
reaches a node twice, which only an alias does (the Python composer then stops at the
alias itself, with its line and column).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from plansjekk.rules.problems import Problem

MAX_BYTES = 2_000_000
"""A rules file is a few kilobytes; anything this large is a mistake (or an attack)."""

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


class YDict(dict):
    """A mapping from the file; `node` locates it, `keys_at`/`values_at` locate its entries."""

    def __init__(self, *args: Any, node: Node | None = None, path: str = "", **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.node = node
        self.path = path
        self.keys_at: dict[str, Node] = {}
        self.values_at: dict[str, Node] = {}
        self.paths_at: dict[str, str] = {}
        """File of a key's value when composition brought it from another file."""

    def where(self, key: str) -> str:
        """The file the value of `key` was written in."""
        return self.paths_at.get(key, self.path)

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1 if self.node is not None else 0


class YList(list):
    """A sequence from the file; `nodes[i]` locates item i."""

    def __init__(self, *args: Any, node: Node | None = None) -> None:
        super().__init__(*args)
        self.node = node
        self.nodes: list[Node] = []


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that stops at the first alias (`*name`), reported as a problem."""

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            raise _AliasFound(self.peek_event().start_mark)
        return super().compose_node(parent, index)  # type: ignore[arg-type]


class _AliasFound(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__("alias")
        self.mark = mark


def at(
    path: str, node: Node | None, code: str, hint: str | None = None, **params: object
) -> Problem:
    """A problem located at the start of `node` (1-based)."""
    if node is None:
        return Problem(path, 1, 1, code, params, hint)
    mark = node.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, code, params, hint)


_LIBYAML_LOADER: type | None = getattr(yaml, "CSafeLoader", None)
_SCALARS = SafeConstructor()
"""Builds a scalar's value from its node (one for the process: `construct_document`
forgets each node once built)."""


def read_yaml(text: str, path: str) -> tuple[Any, list[Problem]]:
    """The file's top value (or None) and the problems met while reading it."""
    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        return None, [Problem(path, 1, 1, "too-large", {"limit": MAX_BYTES})]
    root = _compose_with_libyaml(text)
    if root is not None:
        problems: list[Problem] = []
        return _value(root, path, problems), problems
    try:
        root = yaml.compose(text, Loader=_NoAliasLoader)
    except _AliasFound as found:
        line, column = found.mark.line + 1, found.mark.column + 1
        return None, [Problem(path, line, column, "alias", {}, "alias")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "?"
        return None, [Problem(path, line, column, "yaml-syntax", {"reason": reason})]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, "yaml-syntax", {"reason": str(error)})]
    if root is None:
        return None, [Problem(path, 1, 1, "empty-file")]
    problems = []
    return _value(root, path, problems), problems


def _compose_with_libyaml(text: str) -> Node | None:
    """The file's node tree composed by libyaml; None when libyaml is missing, finds an
    error or an empty file, or the tree holds an alias: the Python composer then says what
    is wrong."""
    if _LIBYAML_LOADER is None:
        return None
    try:
        root = yaml.compose(text, Loader=_LIBYAML_LOADER)
    except yaml.YAMLError:
        return None
    if root is None or _reaches_a_node_twice(root):
        return None
    return root


def _reaches_a_node_twice(root: Node) -> bool:
    """True when the tree shares a node, as an alias makes it do. Stops at the first node
    met again, so a "billion laughs" tree is walked once, never expanded."""
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, MappingNode):
            for key, value in node.value:
                pending += (key, value)
        elif isinstance(node, SequenceNode):
            pending += node.value
    return False


def _value(node: Node, path: str, problems: list[Problem]) -> Any:
    if node.tag not in _STANDARD_TAGS:
        problems.append(at(path, node, "tag", "tag", tag=node.tag))
        return None
    if isinstance(node, MappingNode):
        return _mapping(node, path, problems)
    if isinstance(node, SequenceNode):
        items = YList(node=node)
        for child in node.value:
            items.append(_value(child, path, problems))
            items.nodes.append(child)
        return items
    assert isinstance(node, ScalarNode)
    return _SCALARS.construct_document(node)


def _mapping(node: MappingNode, path: str, problems: list[Problem]) -> YDict:
    result = YDict(node=node, path=path)
    for key_node, value_node in node.value:
        key = _value(key_node, path, problems)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            problems.append(at(path, key_node, "duplicate-key", key=key))
            continue
        result[key] = _value(value_node, path, problems)
        result.keys_at[key] = key_node
        result.values_at[key] = value_node
    return result
