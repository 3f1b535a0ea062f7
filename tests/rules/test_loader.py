from __future__ import annotations

import pytest

from plansjekk.rules import RulesetError, Severity, Status, bundled_ids, load_ruleset


def test_valid_file_becomes_dataclasses_with_lines(minimal, write):
    name = write(minimal + """\
    examples:
      - text: "# Samarbeid"
        expect: covered
        lang: nn
""")
    ruleset = load_ruleset(name)
    assert ruleset.id == "test" and ruleset.version == "1" and ruleset.path == name
    (requirement,) = ruleset.requirements
    assert requirement.severity is Severity.REQUIRED
    assert requirement.title["en"] == "Cooperation"
    assert requirement.line == 5 and requirement.source == name
    assert [a.id for a in requirement.aspects] == ["hvem", "hvordan"]
    assert requirement.aspects[0].terms == ("barnehage*",)
    (example,) = requirement.examples
    assert (example.expect, example.lang, example.line) == (Status.COVERED, "nn", 15)


def test_plain_string_is_bokmal_text(minimal, write):
    ruleset = load_ruleset(write(minimal.replace("title: {nb: Test}", "title: Test")))
    assert ruleset.title == {"nb": "Test"}


def test_single_aspect_lowers_default_min_aspects(minimal, write):
    text = minimal.split("      - id: hvordan")[0]
    assert load_ruleset(write(text)).requirements[0].min_aspects == 1


def test_path_object_accepted(minimal, write, tmp_path):
    write(minimal)
    assert load_ruleset(tmp_path / "r.yaml").id == "test"


def test_project_folder_found_by_id(minimal, write):
    write(minimal, ".plansjekk/rules/lokal.yaml")
    assert load_ruleset("lokal").id == "test"


def test_broken_file_raises_with_every_problem(minimal, write):
    broken = minimal.replace("severity: required", "severity: must")
    name = write(broken.replace("terms: [m", "trems: [m"))
    with pytest.raises(RulesetError) as caught:
        load_ruleset(name)
    assert [p.code for p in caught.value.problems] == ["bad-choice", "unknown-key", "missing-key"]


@pytest.mark.parametrize("ruleset_id", bundled_ids())
def test_bundled_rulesets_load(ruleset_id):
    ruleset = load_ruleset(ruleset_id)
    assert ruleset.id == ruleset_id
    assert ruleset.requirements
    for requirement in ruleset.requirements:
        assert {"nb", "nn", "en"} <= set(requirement.title), requirement.id
