"""The JSON Schema of the rules file format, derived from `spec` so the two never disagree.

The schema is for editors and other tools (shipped as `schemas/ruleset.schema.json`); the
validator in `validate.py` is what gives file:line messages. Regenerate the file with
`python -m plansjekk.rules.schema > src/plansjekk/schemas/ruleset.schema.json`; a test
checks it is current.
"""

from __future__ import annotations

import json
from typing import Any

from plansjekk.rules.spec import RULESET, Key

_PATTERN_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
_TEXTS = {
    "oneOf": [
        {"type": "string"},
        {
            "type": "object",
            "properties": {lang: {"type": "string"} for lang in ("nb", "nn", "en")},
            "required": ["nb"],
            "additionalProperties": False,
        },
    ]
}


def json_schema() -> dict[str, Any]:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://plansjekk.no/schemas/ruleset.schema.json",
        "title": "plansjekk ruleset",
        "description": "A plansjekk ruleset (docs/rules.md). In a file with `extends`, "
        "requirements that patch a base requirement need only `id`.",
    }
    schema.update(_object(RULESET, patchable=False))
    schema["required"] = ["id", "version", "title"]
    return schema


def _object(keys: dict[str, Key], patchable: bool) -> dict[str, Any]:
    required = [name for name, key in keys.items() if key.required]
    return {
        "type": "object",
        "properties": {name: _property(name, key) for name, key in keys.items()},
        "required": ["id"] if patchable else required,
        "additionalProperties": False,
    }


def _property(name: str, key: Key) -> dict[str, Any]:
    kind = key.kind
    if kind == "texts":
        return dict(_TEXTS)
    if kind in ("patterns", "strings"):
        return dict(_PATTERN_LIST)
    if kind == "choice":
        return {"enum": list(key.choices)}
    if kind == "map":
        return _object(key.keys, patchable=False)
    if kind == "maps":
        # Requirements may be patches of a base requirement, so only `id` is required.
        return {"type": "array", "items": _object(key.keys, patchable=name == "requirements")}
    result: dict[str, Any] = {
        "str": {"type": "string"},
        "int": {"type": "integer"},
        "number": {"type": "number"},
        "bool": {"type": "boolean"},
    }[kind]
    result = dict(result)
    if key.minimum is not None:
        result["minimum"] = key.minimum
    if key.maximum is not None:
        result["maximum"] = key.maximum
    return result


def render() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(render(), end="")
