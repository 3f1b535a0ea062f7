"""What a label file must hold for every labelled document (corpus and held-out sets alike):
the report contract's twelve requirement ids, each with a status and the evidence a
caseworker would quote. Written out here, not read from the ruleset, so a renamed
requirement in the rules shows up as a failing label check."""

from __future__ import annotations

REQUIREMENTS = {
    "mal-og-strategier",
    "ansvarsfordeling",
    "organisering",
    "samarbeid",
    "avklaring-ved-uenighet",
    "barn-og-unges-medvirkning",
    "kommunestyrevedtak",
    "tjenesteomrader",
    "tiltak",
    "oppfolging-og-evaluering",
    "lovgrunnlag",
    "sammenheng-med-andre-planer",
}
STATUSES = {"covered", "partial", "missing"}


def assert_fully_labelled(reqs: dict) -> None:
    """Every requirement labelled once, with a known status; evidence "none" exactly for
    missing ones, else places with a section and a quote."""
    assert set(reqs) == REQUIREMENTS
    for req, label in reqs.items():
        assert label["status"] in STATUSES, req
        if label["status"] == "missing":
            assert label["evidence"] == "none", req
        else:
            assert label["evidence"], req
            for loc in label["evidence"]:
                assert loc["section"] and loc["quote"], req
