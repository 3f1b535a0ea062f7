"""Build the fourth held-out test set from hand-written plans in corpus-holdout4/passages/*.yaml.

Why a fourth set: the matcher has been tuned with corpus/ and the first three held-out sets in
view, so none of them measures generalisation any more. These plans were written from scratch
by an independent labeller who read neither the matcher, the rulesets nor the other sets'
texts, to resemble a Statsforvalter inbox: an interkommunal plan from three small
municipalities, an oppvekstplan with prevention as one chapter, a "Slik gjør vi det" guide, a
plan dominated by statistics, a plan with a requirements-vs-chapters table, a plan opening with
a saksprotokoll, a hearing draft, a formannskap-only plan, plans with content in appendices.

Each block may carry `ev: {requirement: status}` and a verbatim quote (`q`, or
`qs: {requirement: quote}`). A document's label per requirement is the highest level any block
reaches; its evidence is every block at that level (heading above + quote). Labels were set by
corpus/GUIDELINES.md when each block was written, never from tool output.

Usage:
    .venv/bin/python corpus-holdout4/build.py            # docs/*, labels.yaml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

import buildkit

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
PASSAGES = HERE / "passages"


# ---------------------------------------------------------------- filler

# Neutral background written for this set (no requirement content): kindergartens and schools
# with pupil numbers, a weather-and-travel note, a housing note, a meeting calendar for the
# council, abbreviations and a property list. Deterministic per file.


def filler(kind: str, nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    if kind == "einingar":
        rows = [
            [
                "Eining" if nn else "Enhet",
                "Type",
                "Tal born/elevar" if nn else "Antall barn/elever",
                "Tilsette" if nn else "Ansatte",
            ]
        ]
        for name in extra.get("units", ["Sentrum", "Nordbygda", "Vestre"]):
            rows.append(
                [
                    name,
                    rnd.choice(
                        [
                            "Barnehage",
                            "Barneskule" if nn else "Barneskole",
                            "Kombinert skule" if nn else "Kombinert skole",
                        ]
                    ),
                    str(rnd.randint(18, 420)),
                    str(rnd.randint(6, 60)),
                ]
            )
        text = (
            f"Tabellen viser dei kommunale einingane i {place} per 1. oktober. Private "
            "barnehagar er ikkje tekne med."
            if nn
            else f"Tabellen viser de kommunale enhetene i {place} per 1. oktober. Private "
            "barnehager er ikke tatt med."
        )
        return [
            {"h2": "Einingar i oppvekstsektoren" if nn else "Enheter i oppvekstsektoren"},
            {"p": text},
            {"table": rows},
        ]
    if kind == "reise":
        km = rnd.randint(12, 95)
        text = (
            f"Frå dei ytste grendene er det opptil {km} kilometer til kommunesenteret. "
            "Vegen over fjellet er stengd i periodar om vinteren, og kveldsbussen går berre "
            "tre dagar i veka. Mange ungdomar får skyss av foreldre til trening og kino."
            if nn
            else f"Fra de ytterste grendene er det opptil {km} kilometer til kommunesenteret. "
            "Veien over fjellet er stengt i perioder om vinteren, og kveldsbussen går bare "
            "tre dager i uka. Mange ungdommer får skyss av foreldre til trening og kino."
        )
        return [
            {"h2": "Avstandar og kollektivtilbod" if nn else "Avstander og kollektivtilbud"},
            {"p": text},
        ]
    if kind == "bustad":
        share = rnd.randint(8, 31)
        text = (
            f"Om lag {share} prosent av bustadene er leigebustader. Det er få små "
            "husvære i sentrum, og unge vaksne flyttar ofte ut for å studere. Prisane på "
            "einebustader har auka jamt sidan 2019."
            if nn
            else f"Om lag {share} prosent av boligene er utleieboliger. Det er få små "
            "leiligheter i sentrum, og unge voksne flytter ofte ut for å studere. Prisene "
            "på eneboliger har økt jevnt siden 2019."
        )
        return [{"h2": "Bustader" if nn else "Boliger"}, {"p": text}]
    if kind == "motekalender":
        rows = [["Organ", "Vår", "Haust" if nn else "Høst"]]
        for organ in (
            "Formannskapet",
            "Kommunestyret",
            "Kontrollutvalet" if nn else "Kontrollutvalget",
            "Eldrerådet",
        ):
            rows.append(
                [
                    organ,
                    f"{rnd.randint(1, 28)}.{rnd.randint(1, 6):02d}",
                    f"{rnd.randint(1, 28)}.{rnd.randint(8, 12):02d}",
                ]
            )
        return [
            {"h2": "Møteplan for politiske organ" if nn else "Møteplan for politiske organer"},
            {"p": "Datoane kan bli endra." if nn else "Datoene kan bli endret."},
            {"table": rows},
        ]
    if kind == "forkortingar":
        items = [
            "SSB: Statistisk sentralbyrå.",
            "KOSTRA: Kommune-Stat-Rapportering.",
            "SFO: skolefritidsordning." if not nn else "SFO: skulefritidsordning.",
            "IKT: informasjons- og kommunikasjonsteknologi.",
        ]
        return [{"h2": "Forkortingar" if nn else "Forkortelser"}, {"bullets": items}]
    if kind == "eigedom":
        rows = [["Bygg", "Areal (m²)", "Tilstandsgrad", "Sist rehabilitert"]]
        for name in extra.get("buildings", ["Rådhuset", "Kulturhuset", "Gymsalen"]):
            rows.append(
                [
                    name,
                    str(rnd.randint(300, 6000)),
                    f"TG{rnd.randint(0, 3)}",
                    str(rnd.randint(1988, 2022)),
                ]
            )
        return [
            {"h2": "Kommunale bygg"},
            {
                "p": "Oversikta er henta frå eigedomsforvaltninga."
                if nn
                else "Oversikten er hentet fra eiendomsforvaltningen."
            },
            {"table": rows},
        ]
    raise ValueError(kind)


# ---------------------------------------------------------------- build
# Rendering, labels, LibreOffice and labels.yaml: corpus/buildkit.py (shared mechanics).

HEADER = (
    "# Generated by corpus-holdout4/build.py from corpus-holdout4/passages/*.yaml - "
    "do not edit by hand.\n# Labels follow corpus/GUIDELINES.md (fourth held-out "
    "set, never tuned against).\n"
)


def main(argv: list[str] | None = None) -> int:
    return buildkit.build_set(
        argv,
        doc=__doc__,
        passages=PASSAGES,
        docs=DOCS,
        labels=HERE / "labels.yaml",
        filler=filler,
        profile="holdout4",
        header=HEADER,
    )


if __name__ == "__main__":
    sys.exit(main())
