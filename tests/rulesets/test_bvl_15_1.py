"""Every example of the default ruleset passes through the matcher with its expected status."""

from __future__ import annotations

import pytest

from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.model import Severity, Status
from plansjekk.rules.testing import assert_example, example_params

IDS = {
    "mal-og-strategier": Severity.REQUIRED,
    "ansvarsfordeling": Severity.REQUIRED,
    "organisering": Severity.REQUIRED,
    "samarbeid": Severity.REQUIRED,
    "avklaring-ved-uenighet": Severity.REQUIRED,
    "barn-og-unges-medvirkning": Severity.REQUIRED,
    "kommunestyrevedtak": Severity.RECOMMENDED,
    "tjenesteomrader": Severity.RECOMMENDED,
    "tiltak": Severity.RECOMMENDED,
    "oppfolging-og-evaluering": Severity.RECOMMENDED,
    "lovgrunnlag": Severity.RECOMMENDED,
    "sammenheng-med-andre-planer": Severity.RECOMMENDED,
}


@pytest.mark.parametrize("case", example_params("bvl-15-1"))
def test_example(case) -> None:
    assert_example(case)


def test_ids_and_severities_follow_the_contract() -> None:
    ruleset = load_ruleset("bvl-15-1")
    assert ruleset.version == "2026.1"
    assert {r.id: r.severity for r in ruleset.requirements} == IDS


@pytest.mark.parametrize("requirement", load_ruleset("bvl-15-1").requirements, ids=lambda r: r.id)
def test_each_requirement_has_every_status_in_both_forms(requirement) -> None:
    seen = {(e.expect, e.lang) for e in requirement.examples}
    for status in Status:
        assert (status, "nb") in seen and (status, "nn") in seen, status
    assert {"nb", "nn", "en"} <= set(requirement.title)
    assert {"nb", "nn", "en"} <= set(requirement.guidance)
