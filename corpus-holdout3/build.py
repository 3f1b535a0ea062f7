"""Build the third held-out test set from hand-written plans in corpus-holdout3/passages/*.yaml.

Why a third set: the matcher has been tuned with corpus/, corpus-holdout/ and corpus-holdout2/
in view, so none of them measures generalisation any more. These plans were written from
scratch by an independent labeller who read neither the matcher, the rulesets nor the other
sets' texts: a big-city plan with many sub-chapters, brief rural plans, a "tidleg innsats
0–24 år" plan, a handlingsplan mot omsorgssvikt, a plan revised from the old act, plans whose
content sits in tables and appendices, a hearing draft, and plausible traps.

Each block may carry `ev: {requirement: status}` and a verbatim quote (`q`, or
`qs: {requirement: quote}`). A document's label per requirement is the highest level any block
reaches; its evidence is every block at that level (heading above + quote). Labels were set by
corpus/GUIDELINES.md when each block was written, never from tool output.

Usage:
    .venv/bin/python corpus-holdout3/build.py            # docs/*, labels.yaml
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

# Neutral background written for this set (no requirement content): population by age,
# weather and geography, sports halls and opening hours, a meeting calendar, a glossary and
# an operating-budget table. Deterministic per file.


def _num(rnd: random.Random, lo: float, hi: float) -> str:
    return f"{rnd.uniform(lo, hi):.1f}".replace(".", ",")


def filler(kind: str, nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    if kind == "folketal":
        rows = [
            [
                "Aldersgruppe",
                "2020",
                "2022",
                "2024",
                "Framskrive 2030" if nn else "Framskrevet 2030",
            ]
        ]
        for group in ("0–5 år", "6–12 år", "13–15 år", "16–19 år", "20–24 år"):
            base = rnd.randint(60, 2400)
            rows.append([group] + [str(int(base * rnd.uniform(0.9, 1.1))) for _ in range(4)])
        text = (
            f"Folketalet i {place} har vore nokså stabilt dei siste åra. Talet på fødde går "
            "litt ned, medan innflyttinga frå utlandet har auka. Framskrivinga byggjer på "
            "hovudalternativet til SSB og er usikker for små aldersgrupper."
            if nn
            else f"Folketallet i {place} har vært nokså stabilt de siste årene. Antall fødte går "
            "litt ned, mens innflyttingen fra utlandet har økt. Framskrivingen bygger på SSBs "
            "hovedalternativ og er usikker for små aldersgrupper."
        )
        return [
            {"h2": "Folketal etter alder" if nn else "Befolkning etter alder"},
            {"p": text},
            {"table": rows},
        ]
    if kind == "geografi":
        a, b = rnd.randint(180, 1900), rnd.randint(3, 40)
        text = (
            f"Kommunen har eit areal på om lag {a} km², og det lengste avstanden frå ytterste "
            f"grend til kommunesenteret er {b} mil. Vintrane er snørike i indre strok, og "
            "ferjesambandet har redusert ruteplan i helgane. Busstilbodet er i hovudsak lagt "
            "opp etter skuleruta."
            if nn
            else f"Kommunen har et areal på om lag {a} km², og den lengste avstanden fra ytterste "
            f"grend til kommunesenteret er {b} mil. Vintrene er snørike i indre strøk, og "
            "fergesambandet har redusert ruteplan i helgene. Busstilbudet er i hovedsak lagt "
            "opp etter skoleruta."
        )
        text2 = (
            "Dei fleste arbeidsplassane ligg innan landbruk, havbruk og offentleg sektor. "
            "Pendlinga til nabokommunane har auka etter at den nye vegen opna."
            if nn
            else "De fleste arbeidsplassene ligger innen landbruk, havbruk og offentlig sektor. "
            "Pendlingen til nabokommunene har økt etter at den nye veien åpnet."
        )
        return [
            {"h2": "Geografi og busetnad" if nn else "Geografi og bosetting"},
            {"p": text},
            {"p": text2},
        ]
    if kind == "hallar":
        rows = [["Anlegg", "Type", "Opningstid" if nn else "Åpningstid", "Byggeår"]]
        for name in extra.get("halls", ["Sentrumshallen", "Skulebassenget", "Kunstgrasbana"]):
            rows.append(
                [
                    name,
                    rnd.choice(["Idrettshall", "Basseng", "Kunstgras", "Turnhall"]),
                    rnd.choice(["07–22", "08–21", "16–22", "10–20"]),
                    str(rnd.randint(1974, 2021)),
                ]
            )
        return [
            {"h2": "Anlegg og lokale" if nn else "Anlegg og lokaler"},
            {
                "p": "Oversikta viser kommunale anlegg som blir leigde ut."
                if nn
                else "Oversikten viser kommunale anlegg som leies ut."
            },
            {"table": rows},
        ]
    if kind == "ordliste":
        items = (
            [
                "Grunnkrets: minste statistiske eining SSB brukar.",
                "Framskriving: rekna utvikling av folketalet fram i tid.",
                "KOSTRA: nasjonalt informasjonssystem for kommunal rapportering.",
                "Lågintekt: hushald under 60 prosent av medianinntekta (EU-skala).",
            ]
            if nn
            else [
                "Grunnkrets: minste statistiske enhet SSB bruker.",
                "Framskriving: beregnet utvikling av folketallet fram i tid.",
                "KOSTRA: nasjonalt informasjonssystem for kommunal rapportering.",
                "Lavinntekt: husholdninger under 60 prosent av medianinntekten (EU-skala).",
            ]
        )
        return [{"h2": "Ordliste"}, {"bullets": items}]
    if kind == "drift":
        rows = [["Ansvar (1000 kr)", "Regnskap 2023", "Budsjett 2024", "Budsjett 2025"]]
        for name in (
            ["Administrasjon", "Bygg og vedlikehald", "Reinhald", "Skyss", "IKT-lisensar"]
            if nn
            else ["Administrasjon", "Bygg og vedlikehold", "Renhold", "Skyss", "IKT-lisenser"]
        ):
            a = rnd.randint(500, 40000)
            rows.append(
                [
                    name,
                    f"{a:,}".replace(",", " "),
                    f"{int(a * rnd.uniform(0.95, 1.08)):,}".replace(",", " "),
                    f"{int(a * rnd.uniform(0.97, 1.12)):,}".replace(",", " "),
                ]
            )
        return [
            {"h2": "Driftsbudsjett"},
            {
                "p": "Tala er i løpande kroner og omfattar ikkje investeringar."
                if nn
                else "Tallene er i løpende kroner og omfatter ikke investeringer."
            },
            {"table": rows},
        ]
    if kind == "levekar":
        text = (
            f"Delen barn som veks opp i hushald med vedvarande låginntekt er {_num(rnd, 4, 16)} "
            f"prosent. Delen einslege forsørgjarar er {_num(rnd, 8, 20)} prosent, og "
            f"{_num(rnd, 5, 25)} prosent av barna bur trongt. "
            "Tala er frå kommunehelsa statistikkbank."
            if nn
            else f"Andelen barn som vokser opp i husholdninger med vedvarende lavinntekt er "
            f"{_num(rnd, 4, 16)} prosent. Andelen enslige forsørgere er {_num(rnd, 8, 20)} "
            f"prosent, og {_num(rnd, 5, 25)} prosent av barna bor trangt. Tallene er fra "
            "kommunehelsa statistikkbank."
        )
        return [{"h2": "Levekår"}, {"p": text}]
    raise ValueError(kind)


# ---------------------------------------------------------------- build
# Rendering, labels, LibreOffice and labels.yaml: corpus/buildkit.py (shared mechanics).

HEADER = (
    "# Generated by corpus-holdout3/build.py from corpus-holdout3/passages/*.yaml - "
    "do not edit by hand.\n# Labels follow corpus/GUIDELINES.md (third held-out "
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
        profile="holdout3",
        header=HEADER,
    )


if __name__ == "__main__":
    sys.exit(main())
