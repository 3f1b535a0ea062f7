"""Each kind of mistake: the exact location and message (bokmål; English where noted)."""

from __future__ import annotations

import pytest

from plansjekk.rules import format_problems, validate_file

HEAD = 'id: test\nversion: "1"\ntitle: Test\nrequirements:\n'
REQ = "  - id: samarbeid\n    title: Samarbeid\n    severity: required\n"
ASPECTS = "    aspects:\n      - id: hvem\n        terms: [barnehage*]\n" \
          "      - id: hvordan\n        terms: [møte*]\n"

CASES = [
    (  # unknown key with did-you-mean
        HEAD + REQ + "    aspects:\n      - id: hvem\n        trems: [barnehage*]\n",
        ["r.yaml:9:9: mangler påkrevd nøkkel «terms»",
         "r.yaml:10:9: ukjent nøkkel «trems» (mente du «terms»?)"],
    ),
    (  # unknown key, nothing close: the allowed keys
        HEAD + REQ + ASPECTS + "    zzz: 1\n",
        ["r.yaml:13:5: ukjent nøkkel «zzz» (tillatte nøkler: id, title, severity, legal_basis, "
         "description, guidance, headings, aspects, min_aspects, require_aspects, exclude, "
         "negative, deprecated, scope, thresholds, enabled, examples)"],
    ),
    (  # wrong type: a number where text is needed, with the quoting hint
        HEAD.replace('"1"', "2026.1") + REQ + ASPECTS,
        ['r.yaml:2:10: «version» skal være tekst, ikke et tall (sett verdien i anførselstegn: '
         '"2026.1")'],
    ),
    (  # wrong type: a string where a list is needed
        HEAD + REQ + ASPECTS + "    headings: samarbeid\n",
        ["r.yaml:13:15: «headings» skal være en liste med tekster, ikke tekst"],
    ),
    (  # missing required key, located at the mapping
        HEAD + "  - id: samarbeid\n    title: Samarbeid\n" + ASPECTS,
        ["r.yaml:5:5: mangler påkrevd nøkkel «severity»"],
    ),
    (  # duplicate requirement id
        HEAD + REQ + ASPECTS + REQ + ASPECTS,
        ["r.yaml:13:9: kravet «samarbeid» er definert to ganger (første gang på linje 5)"],
    ),
    (  # a pattern that does not compile: column of the offending character
        HEAD + REQ + ASPECTS.replace("[møte*]", '[møte*, "tverr{faglig"]'),
        ["r.yaml:12:30: mønsteret «tverr{faglig» kan ikke tolkes: '{' without '}'"],
    ),
    (  # threshold out of range
        HEAD + REQ + ASPECTS + "    thresholds: {covered: 1.5}\n",
        ["r.yaml:13:27: «covered» er 1.5, men må være mellom 0 og 1"],
    ),
    (  # partial above covered
        HEAD + REQ + ASPECTS + "    thresholds: {covered: 0.3, partial: 0.5}\n",
        ["r.yaml:13:41: terskelen partial (0.5) er høyere enn covered (0.3) "
         "(partial må være lavere enn eller lik covered)"],
    ),
    (  # unknown severity with the allowed values
        HEAD + REQ.replace("required", "must") + ASPECTS,
        ["r.yaml:7:15: ugyldig verdi «must» for «severity» "
         "(tillatte verdier: required, recommended)"],
    ),
    (  # unknown status and language of an example
        HEAD + REQ + ASPECTS + "    examples:\n      - {text: x, expect: coverd, lang: de}\n",
        ["r.yaml:14:27: ugyldig verdi «coverd» for «expect» "
         "(tillatte verdier: covered, partial, missing)",
         "r.yaml:14:41: ugyldig verdi «de» for «lang» (tillatte verdier: nb, nn, en)"],
    ),
    (  # require_aspects naming an unknown aspect
        HEAD + REQ + ASPECTS + "    require_aspects: [hvm]\n",
        ["r.yaml:13:23: require_aspects viser til aspektet «hvm», som kravet ikke har "
         "(mente du «hvem»?)"],
    ),
    (  # min_aspects above the number of aspects
        HEAD + REQ + ASPECTS + "    min_aspects: 3\n",
        ["r.yaml:13:18: min_aspects er 3, men kravet har bare 2 aspekter"],
    ),
    (  # a requirement that can never match
        HEAD + REQ,
        ["r.yaml:5:5: kravet «samarbeid» har verken headings eller aspects og kan aldri bli "
         "oppfylt (legg til headings eller aspects med terms)"],
    ),
    (  # bad id
        HEAD + REQ.replace("id: samarbeid", "id: Sam arbeid") + ASPECTS,
        ["r.yaml:5:9: «Sam arbeid» er ikke en gyldig id (bruk små bokstaver, tall og "
         "bindestrek, f.eks. «rus-forebygging»)"],
    ),
    (  # texts in an unknown language
        HEAD.replace("title: Test", "title: {nb: Test, de: Test}") + REQ + ASPECTS,
        ["r.yaml:3:19: ugyldig verdi «de» for «title» (tillatte verdier: nb, nn, en)"],
    ),
    (  # duplicate key
        HEAD + REQ + "    severity: required\n" + ASPECTS,
        ["r.yaml:8:5: nøkkelen «severity» står to ganger"],
    ),
    (  # invalid YAML with the parser's position
        HEAD + REQ + "    headings: [samarbeid*\n",
        ["r.yaml:9:1: ugyldig YAML: expected ',' or ']', but got '<stream end>'"],
    ),
    (  # aliases are refused
        HEAD + REQ + "    headings: &h [samarbeid*]\n    exclude: *h\n",
        ["r.yaml:9:14: YAML-aliaser (*navn) er ikke tillatt i regelsett "
         "(skriv verdien ut der den brukes)"],
    ),
    (  # tags that would construct objects are refused
        HEAD + REQ + ASPECTS + "    legal_basis: !!python/object:os.system ls\n",
        ["r.yaml:13:18: YAML-taggen «tag:yaml.org,2002:python/object:os.system» er ikke "
         "tillatt (regelsett er rene data; fjern taggen)"],
    ),
    (  # not a mapping at all
        "- a\n- b\n",
        ["r.yaml:1:1: «/» skal være en mapping (nøkkel: verdi), ikke en liste"],
    ),
    ("", ["r.yaml:1:1: filen er tom"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_problem_location_and_message(write, text, expected):
    name = write(text)
    assert format_problems(validate_file(name)).splitlines() == expected


def test_extends_naming_no_ruleset(write):
    name = write(HEAD.replace("requirements:\n", "extends: finnes-ikke\n"))
    (problem,) = validate_file(name)
    assert problem.render("en").startswith(
        "r.yaml:4:10: extends names 'finnes-ikke', which is neither a bundled ruleset nor a "
        "file (bundled rulesets: "
    )


def test_extends_cycle(write):
    write('id: a\nversion: "1"\ntitle: A\nextends: b.yaml\n', "a.yaml")
    write('id: b\nversion: "1"\ntitle: B\nextends: a.yaml\n', "b.yaml")
    assert format_problems(validate_file("a.yaml")) == (
        "b.yaml:4:10: extends går i ring: a.yaml → b.yaml → a.yaml"
    )


def test_problems_in_english(write):
    name = write(HEAD + REQ + "    aspects:\n      - id: hvem\n        trems: [barnehage*]\n")
    assert format_problems(validate_file(name), "en").splitlines() == [
        "r.yaml:9:9: missing required key 'terms'",
        "r.yaml:10:9: unknown key 'trems' (did you mean 'terms'?)",
    ]


def test_missing_file(write):
    assert format_problems(validate_file("nope.yaml"), "en").startswith(
        "nope.yaml: no ruleset 'nope.yaml' found (bundled rulesets:"
    )


def test_valid_file_has_no_problems(write, minimal):
    assert validate_file(write(minimal)) == []
