"""Build the fifth held-out test set from hand-written plans in corpus-holdout5/passages/*.yaml.

Why a fifth set: the matcher has been tuned with corpus/ and the first four held-out sets in
view. These 14 plans were written from scratch by an independent labeller who read neither the
matcher, the rulesets nor the other sets' passages or documents. They imitate plans from very
different kommuner: coastal fishing communities, suburban growth municipalities, a merged
municipality citing its predecessor plans, a municipality in the Sami administrative area, a
city district, and styles from terse bullet lists to long consultant prose.

Each block may carry `ev: {requirement: status}` and a verbatim quote (`q`, or
`qs: {requirement: quote}`). A document's label per requirement is the highest level any block
reaches; its evidence is every block at that level (heading above + quote). Labels were set by
corpus/GUIDELINES.md when each block was written, never from tool output.

Usage:
    .venv/bin/python corpus-holdout5/build.py            # docs/*, labels.yaml
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

# Neutral background written for this set (no requirement content): population by area,
# landscape and climate, ferry and bus routes, the largest employers, housing construction.
# Deterministic per file (buildkit seeds `rnd` from the file name and block index).


def _folk(nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    areas = extra.get("areas", ["Sentrum", "Nordsida", "Søre bygd", "Øyane"])
    head = ["Område", "2014", "2019", "2024", "Endring"]
    rows = [head]
    for area in areas:
        a = rnd.randint(300, 4200)
        b = a + rnd.randint(-180, 420)
        c = b + rnd.randint(-160, 520)
        rows.append([area, a, b, c, f"{(c - a) / a * 100:+.1f} %"])
    if nn:
        text = [
            f"Folketalet i {place} har endra seg ulikt i dei ulike delane av kommunen. "
            "Tabellen viser talet på innbyggjarar per 1. januar i tre utvalde år.",
            "Delen eldre over 80 år aukar i alle område, medan talet på fødde har vore "
            f"nokså stabilt på rundt {rnd.randint(40, 160)} i året. Tilflytting frå utlandet "
            "har halde folketalet oppe i fleire av dei mindre bygdene.",
        ]
        title = "Folketal og busetjing"
    else:
        text = [
            f"Folketallet i {place} har utviklet seg ulikt i de ulike delene av kommunen. "
            "Tabellen viser antall innbyggere per 1. januar i tre utvalgte år.",
            "Andelen eldre over 80 år øker i alle områder, mens antall fødte har ligget "
            f"ganske stabilt på rundt {rnd.randint(40, 160)} i året. Innflytting fra utlandet "
            "har holdt folketallet oppe i flere av de mindre bygdene.",
        ]
        title = "Befolkning og bosetting"
    return [{"h2": title}, {"p": text[0]}, {"table": rows}, {"p": text[1]}]


def _geo(nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    km = rnd.randint(180, 1900)
    peak = rnd.randint(420, 1650)
    if nn:
        paras = [
            f"{place} har eit samla areal på om lag {km} kvadratkilometer. Landskapet går frå "
            f"holmar og skjer ytst til fjell på over {peak} meter innst i dalføra.",
            "Vinterstid kan vind og snø stengje fjellovergangane i fleire døgn. Kysten har "
            "mildt klima med mykje nedbør, medan innlandet har kaldare vintrar og tørrare somrar.",
            "Dei fleste bygdene ligg langs sjøen eller i botnen av dalane. Avstanden frå dei "
            f"ytste grendene til kommunesenteret er opptil {rnd.randint(25, 70)} kilometer.",
        ]
        title = "Geografi og klima"
    else:
        paras = [
            f"{place} har et samlet areal på om lag {km} kvadratkilometer. Landskapet strekker "
            f"seg fra holmer og skjær ytterst til fjell på over {peak} meter innerst i dalførene.",
            "Om vinteren kan vind og snø stenge fjelloverganger i flere døgn. Kysten har mildt "
            "klima med mye nedbør, mens innlandet har kaldere vintre og tørrere somre.",
            "De fleste bygdene ligger langs sjøen eller i bunnen av dalene. Avstanden fra de "
            f"ytterste grendene til kommunesenteret er opptil {rnd.randint(25, 70)} kilometer.",
        ]
        title = "Geografi og klima"
    rnd.shuffle(paras)
    return [{"h2": title}, *({"p": p} for p in paras)]


def _ruter(nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    stops = extra.get("stops", ["Kaia", "Vikbotn", "Skaret", "Langholmen", "Nes"])
    head = (
        ["Rute", "Frå", "Til", "Avgangar kvardagar", "Reisetid"]
        if nn
        else ["Rute", "Fra", "Til", "Avganger hverdager", "Reisetid"]
    )
    rows = [head]
    for i, stop in enumerate(stops):
        kind = rnd.choice(["Buss", "Ferje", "Hurtigbåt"])
        rows.append(
            [
                f"{kind} {100 + i * 7}",
                stops[0] if i else stops[-1],
                stop,
                rnd.randint(2, 16),
                f"{rnd.randint(12, 95)} min",
            ]
        )
    text = (
        "Kollektivtilbodet er tynt utanom skuleskyssen. Tabellen viser dei faste rutene."
        if nn
        else "Kollektivtilbudet er tynt utenom skoleskyssen. Tabellen viser de faste rutene."
    )
    return [{"h2": "Samferdsel"}, {"p": text}, {"table": rows}]


def _jobb(nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    firms = extra.get(
        "firms",
        ["Fiskemottaket", "Verkstaden på neset", "Laksesmolt AS", "Byggevarehuset", "Kraftlaget"],
    )
    head = ["Verksemd", "Bransje", "Tilsette"] if nn else ["Virksomhet", "Bransje", "Ansatte"]
    trades = ["Sjømat", "Industri", "Havbruk", "Handel", "Energi", "Bygg og anlegg", "Reiseliv"]
    rows = [head] + [[f, rnd.choice(trades), rnd.randint(8, 240)] for f in firms]
    text = (
        f"Næringslivet i {place} er prega av nokre få store arbeidsgjevarar og mange små "
        "føretak. Arbeidsløysa har vore låg dei siste åra."
        if nn
        else f"Næringslivet i {place} er preget av noen få store arbeidsgivere og mange små "
        "foretak. Arbeidsledigheten har vært lav de siste årene."
    )
    return [{"h2": "Næringsliv og arbeid"}, {"p": text}, {"table": rows}]


def _bolig(nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    head = ["År", "Einebustader", "Leilegheiter"] if nn else ["År", "Eneboliger", "Leiligheter"]
    rows = [head] + [[str(y), rnd.randint(4, 70), rnd.randint(0, 160)] for y in range(2019, 2025)]
    text = (
        "Bustadbygginga har skote fart etter at nye bustadfelt vart opna. Tabellen viser "
        "ferdigstilte bustader per år."
        if nn
        else "Boligbyggingen har skutt fart etter at nye boligfelt ble åpnet. Tabellen viser "
        "ferdigstilte boliger per år."
    )
    title = "Bustadbygging" if nn else "Boligbygging"
    return [{"h2": title}, {"p": text}, {"table": rows}]


FILLERS = {"folk": _folk, "geo": _geo, "ruter": _ruter, "jobb": _jobb, "bolig": _bolig}


def filler(kind: str, nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    if kind == "bakgrunn":  # all five in a fixed order
        out: list[dict] = []
        for name in ("geo", "folk", "jobb", "ruter", "bolig"):
            out += FILLERS[name](nn, rnd, place, extra)
        return out
    if kind not in FILLERS:
        raise ValueError(kind)
    return FILLERS[kind](nn, rnd, place, extra)


# ---------------------------------------------------------------- build
# Rendering, labels, LibreOffice and labels.yaml: corpus/buildkit.py (shared mechanics).

HEADER = (
    "# Generated by corpus-holdout5/build.py from corpus-holdout5/passages/*.yaml - "
    "do not edit by hand.\n# Labels follow corpus/GUIDELINES.md (fifth held-out "
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
        profile="holdout5",
        header=HEADER,
    )


if __name__ == "__main__":
    sys.exit(main())
