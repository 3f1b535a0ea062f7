import pytest

from plansjekk.documents.cleanup import (
    clean_text,
    dehyphenate,
    join_hyphenated,
    looks_garbled,
    normalise_chars,
    strip_bullet,
)


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("et godt samar-", "beid med skolen", "et godt samarbeid med skolen"),
        ("med barne-", "og ungdomsrådet", "med barne- og ungdomsrådet"),
        ("bruker ICDP-", "programmet", "bruker ICDP-programmet"),
        ("perioden 2025-", "2028", "perioden 2025-2028"),
        ("samar\ufffe", "beid", "samarbeid"),
        ("helse-", "eller omsorgstjenester", "helse- eller omsorgstjenester"),
        ("vanlig linje", "neste linje", "vanlig linje neste linje"),
    ],
)
def test_join_hyphenated(left, right, joined):
    assert join_hyphenated(left, right) == joined


def test_inline_pdfium_markers_are_resolved():
    text = "Vi har samar\ufffebeid med barne\ufffeog ungdomsrådet og ICDP\ufffeprogrammet."
    assert clean_text(text) == "Vi har samarbeid med barne- og ungdomsrådet og ICDP-programmet."


def test_dehyphenate_multiline_text():
    assert dehyphenate("tverr-\nfaglig og kultur-\nog fritid") == "tverrfaglig og kultur- og fritid"


def test_normalise_chars():
    assert normalise_chars("\uf0b7 ﬁnne") == "• finne"
    assert normalise_chars("a\u00adb") == "ab"


def test_strip_bullet():
    assert strip_bullet("• Foreldreveiledning") == (True, "Foreldreveiledning")
    assert strip_bullet("Foreldreveiledning") == (False, "Foreldreveiledning")


def test_garbled_text_detected():
    assert looks_garbled("(cid:12)(cid:44)(cid:3)(cid:9) plan " * 20)
    assert looks_garbled("\ue001\ue002\ue003 " * 50)
    assert not looks_garbled("Kommunen har ansvar for samarbeid og tiltak for barn og unge. " * 40)
