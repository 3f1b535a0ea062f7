"""Finds which municipality (or Oslo city district) a plan belongs to.

A caseworker's matrix is labelled by municipality, and submitted files are named anything
("plan_endelig_v3.pdf"), so the name comes from the text first: the title page and first
blocks, where "Asker kommune" or "Bydel Alna" stands, then the most frequent name in the
whole text. The file name is only the fallback.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from plansjekk.documents.model import Document


def _words(text: str) -> list[str]:
    return text.split()


_WORD = r"[A-ZÆØÅ][a-zæøåA-ZÆØÅéüáö]+(?:-[A-ZÆØÅa-zæøå][a-zæøåéüáö]+)*"
_SP = r"[ \t\u00a0]"
"""Spaces inside a name, never a line break: a title line is followed by other lines."""
_NAME = rf"(?:St\.{_SP})?{_WORD}(?:{_SP}(?:og{_SP})?{_WORD}){{0,2}}"
"""One to three capitalised words: "Asker", "Nore og Uvdal", "Indre Østfold", "Aurskog-Høland"."""

BYDEL = re.compile(rf"\bBydel{_SP}+(?P<name>{_NAME})")
KOMMUNE = re.compile(rf"(?P<name>{_NAME}){_SP}+(?P<kind>kommune|herad|bykommune)s?\b")
_CAPS = r"[A-ZÆØÅ][A-ZÆØÅ]+(?:-[A-ZÆØÅ]+)*"
KOMMUNE_CAPS = re.compile(
    rf"\b(?P<name>{_CAPS}(?:{_SP}(?:OG{_SP})?{_CAPS}){{0,2}}){_SP}+(?P<kind>KOMMUNE|HERAD)\b"
)
"""Cover pages often set the name in capitals: "ASKER KOMMUNE"."""

NOT_NAMES = frozenset(
    _words(
        """
        Hver Hvor Denne Den Det Dette Vår Vårt Egen Eigen Sin Sine Hele Heile Enhver Annen Anna
        Hvilken Hvilke Kva Kvar Ein En Ei Et Eit Same Samme Nabo Norsk Norske Norges Alle Andre
        Vertskommune Kommune Herad Planen Plan For Til Og Om Med Ny Nye Landets Sjølve Selve
        Forebyggende Felles Eksempel Statsforvalteren Mottaker Mottakere I
        """
    )
)
"""Capitalised words that stand before "kommune" without being a name (sentence starts)."""

TITLE_BLOCKS = 8
"""Blocks that count as the title page when the format has no pages (DOCX, text)."""

FILE_NOISE = frozenset(
    _words(
        """
        plan planen forebygging forebyggende forebyggings forebygge barn unge barnevern
        omsorgssvikt atferdsproblemer kommune kommunes herad bydel endelig utkast hoering
        høring horing vedtatt revidert versjon ver final kopi copy og i for av til med rev v
        oppvekstplan oppvekstplanen handlingsplan temaplan kommunedelplan tiltaksplan strategi
        førebygging førebyggjande førebyggande høyring høyringsutkast vedteke kommunedelplanen
        """
    )
)


def detect_municipality(document: Document | None, path: str) -> str | None:
    """The municipality's name as written ("Asker kommune", "Bydel Alna", "Voss herad").

    The first name on the title page wins (a cover names its owner first); without one,
    the most frequent name in the text; then the file name.
    """
    if document is not None:
        found = from_text(_title_text(document), first=True) or from_text(document.text)
        if found:
            return found
    return from_filename(path)


def _title_text(document: Document) -> str:
    """Title, metadata and the title page (page 1, or the first blocks without pages)."""
    blocks = [b for b in document.blocks[:200] if b.page == 1]
    if not blocks:
        blocks = list(document.blocks[:TITLE_BLOCKS])
    parts = [document.title or "", *document.metadata.values(), *(b.text for b in blocks)]
    return "\n".join(p for p in parts if p)


def from_text(text: str, first: bool = False) -> str | None:
    """The district or municipality named in `text`: the first one with `first`, else the
    most frequent. A district wins, since Oslo's district plans also say "Oslo kommune"."""
    districts = [name for m in BYDEL.finditer(text) if (name := _clean(m["name"]))]
    if districts:
        return f"Bydel {_pick(districts, first)}"
    places: list[tuple[int, str]] = []
    for match in KOMMUNE.finditer(text):
        if name := _clean(match["name"]):
            places.append((match.start(), f"{name} {match['kind']}"))
    for match in KOMMUNE_CAPS.finditer(text):
        if name := _clean(_title_case(match["name"])):
            places.append((match.start(), f"{name} {match['kind'].lower()}"))
    return _pick([name for _, name in sorted(places)], first) if places else None


def _pick(names: list[str], first: bool) -> str:
    """The first name, or the most frequent (ties go to the one seen first)."""
    return names[0] if first else Counter(names).most_common(1)[0][0]


def _title_case(name: str) -> str:
    """ "NORE OG UVDAL" → "Nore og Uvdal"."""
    return " ".join("og" if w == "OG" else w.title() for w in name.split())


def _clean(name: str) -> str:
    """Drops words around the name that are not part of it: sentence starts ("Hver",
    "Planen"), a following heading word ("Bydel Grorud Plan"), a repeated "Bydel"."""
    words = name.split()
    if "Bydel" in words[1:]:
        words = words[: words.index("Bydel", 1)]
    while words and (words[0] in NOT_NAMES or words[0] == "og"):
        words = words[1:]
    while words and (words[-1] in NOT_NAMES or words[-1] == "og"):
        words = words[:-1]
    return " ".join(words)


def from_filename(path: str) -> str | None:
    """ "asker_forebyggende-plan_2024.pdf" → "Asker"; None when only noise words remain."""
    stem = Path(path).stem
    tokens = [t for t in re.split(r"[\s_\-.,()]+", stem) if t]
    words = [t for t in tokens if t.lower() not in FILE_NOISE and not any(c.isdigit() for c in t)]
    if not words:
        return None
    return " ".join(w[:1].upper() + w[1:] for w in words[:3])
