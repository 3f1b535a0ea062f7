"""Rule tests: every bundled example passes (the default ruleset's examples are part of the
suite), and a wrong expectation fails with the explanation."""

from __future__ import annotations

import pytest

from plansjekk.rules import bundled_ids, load_ruleset
from plansjekk.rules.testing import assert_example, example_params, run_examples


@pytest.mark.parametrize("case", example_params(*bundled_ids()))
def test_bundled_examples(case):
    assert_example(case)


@pytest.mark.parametrize("ruleset_id", bundled_ids())
def test_every_requirement_has_covered_and_missing_examples(ruleset_id):
    for requirement in load_ruleset(ruleset_id).active:
        expected = {example.expect.value for example in requirement.examples}
        assert {"covered", "missing"} <= expected, requirement.id


RULES = """\
id: t
version: "1"
title: T
requirements:
  - id: rus
    title: Rus
    severity: recommended
    headings: [rus*]
    aspects:
      - {id: rus, terms: [rus*]}
      - {id: tiltak, terms: [tiltak*]}
    examples:
      - {text: "# Bevilling\\nSkjenketid til kl. 01.", expect: missing}
      - {text: "# Bevilling\\nSkjenketid til kl. 01.", expect: covered}
"""


def test_outcomes_pass_and_fail(write):
    outcomes = run_examples(load_ruleset(write(RULES)))
    assert [(o.example.line, o.passed, o.status.value) for o in outcomes] == [
        (13, True, "missing"), (14, False, "missing")]


def test_assert_example_explains_failure(write):
    case = example_params(write(RULES))[1].values[0]
    with pytest.raises(AssertionError, match=r"^r.yaml:14 rus:14: expected covered, got missing "
                                             r"\(score: 0.00; matched: -"):
        assert_example(case)
