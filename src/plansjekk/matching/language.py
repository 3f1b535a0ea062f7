"""Bokmål or nynorsk, from function words that differ between them.

Counting a few frequent words is robust on 1-page excerpts and on 100-page plans alike and
needs no model. A document where both are substantially present is reported as its majority
form with a "mixed" warning (Odda's plan writes "Lederane" and "helhetleg").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

BOKMAL = frozenset(
    [
        "ikke",
        "jeg",
        "hva",
        "hvordan",
        "hvem",
        "hvilke",
        "hvilken",
        "hvis",
        "også",
        "mye",
        "noen",
        "noe",
        "bare",
        "fra",
        "en",
        "et",
        "de",
        "deres",
        "være",
        "hun",
        "selv",
        "hele",
        "tjenester",
        "tjenestene",
        "tjeneste",
        "ble",
        "blir",
        "kommer",
        "mellom",
        "gjennom",
        "etter",
        "dette",
        "disse",
        "hos",
        "skal",
    ]
) - {"mellom", "gjennom", "etter", "dette", "hos", "skal"}
NYNORSK = frozenset(
    [
        "ikkje",
        "eg",
        "kva",
        "korleis",
        "kven",
        "kva",
        "kvar",
        "òg",
        "mykje",
        "nokon",
        "noko",
        "berre",
        "frå",
        "ein",
        "eit",
        "dei",
        "deira",
        "vere",
        "vera",
        "ho",
        "sjølv",
        "heile",
        "tenester",
        "tenestene",
        "teneste",
        "vart",
        "vert",
        "kjem",
        "desse",
        "gjennom",
        "saman",
        "fleire",
        "utan",
        "difor",
    ]
) - {"gjennom"}

MIN_WORDS = 3
MIXED_SHARE = 0.2


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    language: str
    """"nb", "nn" or "und"."""
    nynorsk_share: float
    mixed: bool


def detect_language(words: list[str] | tuple[str, ...]) -> LanguageGuess:
    counts = Counter(w for w in words if w in BOKMAL or w in NYNORSK)
    nb = sum(n for w, n in counts.items() if w in BOKMAL)
    nn = sum(n for w, n in counts.items() if w in NYNORSK)
    total = nb + nn
    if total < MIN_WORDS:
        return LanguageGuess("und", 0.0, False)
    share = nn / total
    language = "nn" if share > 0.5 else "nb"
    mixed = MIXED_SHARE <= share <= 1 - MIXED_SHARE and total >= 20
    return LanguageGuess(language, round(share, 2), mixed)
