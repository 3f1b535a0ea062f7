"""`extends`: patches change only the keys they give; new ids are added; cycles are found."""

from __future__ import annotations

from plansjekk.rules import Severity, format_problems, load_ruleset, validate_file

BASE = """\
id: base
version: "1"
title: Base
requirements:
  - id: samarbeid
    title: {nb: Samarbeid, en: Cooperation}
    severity: required
    headings: [samarbeid*]
    aspects:
      - id: hvem
        terms: [barnehage*]
      - id: hvordan
        terms: [møte*]
    thresholds: {covered: 0.6, partial: 0.3}
    examples:
      - {text: "# Samarbeid", expect: partial}
  - id: tiltak
    title: Tiltak
    severity: recommended
    headings: [tiltak*]
"""


def _local(body: str) -> str:
    return 'id: lokal\nversion: "1"\ntitle: Lokal\nextends: base.yaml\n' + body


def test_five_line_local_ruleset_adds_one_requirement(write):
    write(BASE, "base.yaml")
    name = write(_local("requirements:\n  - {id: rus, title: Rus, severity: recommended, "
                        "headings: [rus*]}\n"))
    ruleset = load_ruleset(name)
    assert [r.id for r in ruleset.requirements] == ["samarbeid", "tiltak", "rus"]
    assert (ruleset.id, ruleset.extends) == ("lokal", "base.yaml")
    assert ruleset.requirements[2].source == name


def test_patch_changes_only_given_keys(write):
    write(BASE, "base.yaml")
    name = write(_local("""\
requirements:
  - id: samarbeid
    severity: recommended
    title: {nn: Samarbeid}
    thresholds: {covered: 0.7}
    aspects:
      - {id: hvem, terms: [skole*, barnehage*]}
      - {id: hvorfor, terms: [formål*]}
    examples:
      - {text: "# Samarbeid", expect: missing}
  - {id: tiltak, enabled: false}
"""))
    ruleset = load_ruleset(name)
    samarbeid = ruleset.get("samarbeid")
    assert samarbeid.severity is Severity.RECOMMENDED
    assert samarbeid.title == {"nb": "Samarbeid", "en": "Cooperation", "nn": "Samarbeid"}
    assert (samarbeid.thresholds.covered, samarbeid.thresholds.partial) == (0.7, 0.3)
    assert [(a.id, a.terms) for a in samarbeid.aspects] == [
        ("hvem", ("barnehage*", "skole*")), ("hvordan", ("møte*",)), ("hvorfor", ("formål*",))]
    assert samarbeid.headings == ("samarbeid*",)
    assert [(e.expect.value, e.source, e.line) for e in samarbeid.examples] == [
        ("partial", "base.yaml", 16), ("missing", name, 14)]
    assert samarbeid.line == 5 and samarbeid.source == "base.yaml"
    assert [r.id for r in ruleset.active] == ["samarbeid"]


def test_patch_needs_only_id_but_new_requirement_needs_title(write):
    write(BASE, "base.yaml")
    name = write(_local("requirements:\n  - {id: samarbeid, severity: recommended}\n"
                        "  - {id: ny, headings: [ny*]}\n"))
    assert format_problems(validate_file(name)).splitlines() == [
        "r.yaml:7:5: mangler påkrevd nøkkel «title»",
        "r.yaml:7:5: mangler påkrevd nøkkel «severity»",
    ]


def test_require_aspects_may_name_a_base_aspect(write):
    write(BASE, "base.yaml")
    name = write(_local("requirements:\n  - {id: samarbeid, require_aspects: [hvem, hvm]}\n"))
    assert format_problems(validate_file(name)) == (
        "r.yaml:6:45: require_aspects viser til aspektet «hvm», som kravet ikke har "
        "(mente du «hvem»?)"
    )


def test_problems_in_the_base_are_reported_with_its_name(write):
    write(BASE.replace("severity: recommended", "severity: nice"), "base.yaml")
    name = write(_local(""))
    assert format_problems(validate_file(name)).splitlines() == [
        "base.yaml:19:15: ugyldig verdi «nice» for «severity» "
        "(tillatte verdier: required, recommended)"]


def test_extends_relative_to_the_extending_file(write):
    write(BASE, "sub/base.yaml")
    name = write(_local("").replace("base.yaml", "base.yaml"), "sub/lokal.yaml")
    assert load_ruleset(name).get("tiltak") is not None


def test_extends_self_is_a_cycle(write):
    name = write('id: a\nversion: "1"\ntitle: A\nextends: r.yaml\n')
    expected = "r.yaml:4:10: extends går i ring: r.yaml → r.yaml"
    assert format_problems(validate_file(name)) == expected
