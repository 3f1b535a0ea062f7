"""`extends`: a ruleset on top of another, merged as data before it becomes a `Ruleset`.

In the extending file a requirement whose id the base has is a *patch*: only the keys it
gives change. Mappings (title, description, guidance, thresholds, deprecated) merge key by
key; `aspects` merge by aspect id (terms are added, other keys replaced; a new id is added);
`examples` are added; any other key (severity, headings, enabled, ...) is replaced. A
requirement with a new id is added at the end.
"""

from __future__ import annotations

from typing import Any

from plansjekk.rules.yamlread import YDict, YList

_MERGED_MAPS = ("title", "description", "guidance", "thresholds", "deprecated")


def merge_ruleset(base: YDict, patch: YDict) -> YDict:
    """The base with the extending file's top-level keys and requirements applied."""
    result = _copy(base)
    result.node, result.path = patch.node, patch.path
    result.paths_at = {key: base.where(key) for key in base}
    for key, value in patch.items():
        if key == "requirements":
            continue
        _set(result, patch, key, _merge_value(key, result.get(key), value))
    result["requirements"] = _merge_requirements(base.get("requirements"),
                                                 patch.get("requirements"))
    return result


def _merge_requirements(base: Any, patch: Any) -> YList:
    merged = YList(node=getattr(base, "node", None))
    merged.extend(base if isinstance(base, list) else [])
    merged.nodes = list(getattr(base, "nodes", [None] * len(merged)))
    position = {item.get("id"): i for i, item in enumerate(merged) if isinstance(item, YDict)}
    for index, item in enumerate(patch if isinstance(patch, list) else []):
        node = patch.nodes[index]
        if isinstance(item, YDict) and item.get("id") in position:
            at = position[item["id"]]
            merged[at] = merge_requirement(merged[at], item)
        else:
            merged.append(item)
            merged.nodes.append(node)
    return merged


def merge_requirement(base: YDict, patch: YDict) -> YDict:
    """A base requirement with a patch's keys applied (see module docstring)."""
    result = _copy(base)
    for key, value in patch.items():
        if key == "id":
            continue
        if key == "aspects":
            merged: Any = _merge_aspects(result.get(key), value)
        elif key == "examples":
            merged = _concat(result.get(key), value)
        else:
            merged = _merge_value(key, result.get(key), value)
        _set(result, patch, key, merged)
    return result


def _merge_value(key: str, old: Any, new: Any) -> Any:
    if key in _MERGED_MAPS and isinstance(old, dict) and isinstance(new, dict):
        merged = _copy(old) if isinstance(old, YDict) else YDict(old)
        for name, value in new.items():
            _set(merged, new, name, value)
        return merged
    return new


def _merge_aspects(old: Any, new: Any) -> Any:
    if not isinstance(old, YList) or not isinstance(new, YList):
        return new
    merged = _concat(old, YList())
    position = {a.get("id"): i for i, a in enumerate(merged) if isinstance(a, YDict)}
    for item, node in zip(new, new.nodes, strict=True):
        if isinstance(item, YDict) and item.get("id") in position:
            at = position[item["id"]]
            aspect = _copy(merged[at])
            for key, value in item.items():
                if key == "terms" and isinstance(aspect.get("terms"), YList):
                    value = _concat(aspect["terms"], value, unique=True)
                elif key != "id":
                    merge_as = "title" if key == "advice" else key  # texts merge by language
                    value = _merge_value(merge_as, aspect.get(key), value)
                _set(aspect, item, key, value)
            merged[at] = aspect
        else:
            merged.append(item)
            merged.nodes.append(node)
    return merged


def _concat(old: Any, new: Any, unique: bool = False) -> Any:
    if not isinstance(new, YList):
        return new
    result = YList(node=getattr(old, "node", new.node))
    result.extend(old if isinstance(old, list) else [])
    result.nodes = list(getattr(old, "nodes", [None] * len(result)))
    for item, node in zip(new, new.nodes, strict=True):
        if unique and item in result:
            continue
        result.append(item)
        result.nodes.append(node)
    return result


def _copy(data: YDict) -> YDict:
    result = YDict(data, node=data.node, path=data.path)
    result.keys_at = dict(data.keys_at)
    result.values_at = dict(data.values_at)
    result.paths_at = dict(data.paths_at)
    return result


def _set(target: YDict, source: Any, key: str, value: Any) -> None:
    """Puts `value` under `key`, remembering where in which file the source wrote it."""
    target[key] = value
    if isinstance(source, YDict):
        if key in source.keys_at:
            target.keys_at[key] = source.keys_at[key]
            target.values_at[key] = source.values_at[key]
        target.paths_at[key] = source.where(key)
