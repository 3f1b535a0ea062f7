"""A template field left for someone to fill in is a promise of content, not content."""

from __future__ import annotations

import pytest

from plansjekk.documents import document_from_text
from plansjekk.matching import check_document
from plansjekk.rules.loader import load_ruleset
from plansjekk.rules.model import Status

RULESET = load_ruleset("bvl-15-1")


def status(text: str, requirement: str) -> Status:
    result = check_document(document_from_text(text), RULESET).requirement(requirement)
    assert result is not None
    return result.status


@pytest.mark.parametrize(
    "text",
    [
        "# 7 Oppfølging\nIndikatorer: [blir fylt ut av arbeidsgruppen]. Rapportering: [dato].\n",
        "# 7 Oppfølging\nIndikatorar: [vert fylt ut av arbeidsgruppa]. Rapportering: [dato].\n",
        "# 7 Oppfølging\nEvaluering og rapportering skal fylles inn av arbeidsgruppen.\n",
        "# 7 Oppfølging\nEvaluering og rapportering skal fyllast inn av arbeidsgruppa.\n",
    ],
)
def test_a_field_to_be_filled_in_is_not_coverage(text: str) -> None:
    assert status(text, "oppfolging-og-evaluering") is not Status.COVERED
