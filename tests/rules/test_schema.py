"""The shipped JSON Schema is current with the spec and accepts the bundled rulesets."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
import yaml

from plansjekk.rules import bundled_ids
from plansjekk.rules.resolve import bundled_dir
from plansjekk.rules.schema import json_schema


def _shipped() -> dict:
    text = (resources.files("plansjekk") / "schemas" / "ruleset.schema.json").read_text()
    return json.loads(text)


def test_shipped_schema_is_generated_from_spec():
    assert _shipped() == json_schema()


@pytest.mark.parametrize("ruleset_id", bundled_ids())
def test_bundled_ruleset_satisfies_schema(ruleset_id):
    data = yaml.safe_load((bundled_dir() / f"{ruleset_id}.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, _shipped())


def test_schema_rejects_unknown_key():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "version": "1", "title": "X", "trems": []}, _shipped())
