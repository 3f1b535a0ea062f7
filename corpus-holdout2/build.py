"""Build the second held-out test set from hand-written plans in corpus-holdout2/passages/*.yaml.

Why a second set: the matcher has been tuned against both corpus/ and corpus-holdout/, so
neither measures generalisation any more. These plans were written from scratch by a separate
labeller, in document shapes the other sets lack (bydel plans, bystyre case numbers, rådmann /
virksomhetsleder vocabulary, handlingsplan tables, age-group chapters, capitals headings,
numbered paragraphs without heading styles, appendices, placeholders, mixed målform).

Labels live next to the text: each block may carry `ev: {requirement: status}` and a verbatim
quote (`q`, or `qs: {requirement: quote}`). A document's label per requirement is the highest
level any block reaches; its evidence is every block at that level (heading above + quote).
Labels were set by corpus/GUIDELINES.md when each block was written, never from tool output.

Usage:
    .venv/bin/python corpus-holdout2/build.py            # docs/*, labels.yaml
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
# Neutral background material (no requirement content): KOSTRA-like key figures, Ungdata,
# school/kindergarten lists, budget tables, housing and weather notes. Deterministic per file.


def filler(kind: str, nn: bool, rnd: random.Random, place: str, extra: dict) -> list[dict]:
    if kind == "kostra":
        rows = [["Nøkkeltal" if nn else "Nøkkeltall", "2021", "2022", "2023", "Gruppe 11"]]
        names = (
            [
                "Innbyggjarar 0–17 år, del av folketalet (%)",
                "Fødselsoverskot per 1000 innb.",
                "Netto innflytting per 1000 innb.",
                "Del av innbyggjarane med høgare utdanning (%)",
                "Sysselsette 20–66 år (%)",
            ]
            if nn
            else [
                "Innbyggere 0–17 år, andel av befolkningen (%)",
                "Fødselsoverskudd per 1000 innb.",
                "Netto innflytting per 1000 innb.",
                "Andel innbyggere med høyere utdanning (%)",
                "Sysselsatte 20–66 år (%)",
            ]
        )
        for name in names:
            rows.append([name] + [f"{rnd.uniform(2, 80):.1f}".replace(".", ",") for _ in range(4)])
        return [
            {"h2": "Nøkkeltal frå KOSTRA" if nn else "Nøkkeltall fra KOSTRA"},
            {
                "p": (
                    f"Tabellen viser utvalde tal for {place} samanlikna med KOSTRA-gruppa. "
                    "Tala er henta frå SSB i februar og kan avvike litt frå tal som er "
                    "publiserte seinare, fordi SSB oppdaterer statistikken fortløpande."
                )
                if nn
                else (
                    f"Tabellen viser utvalgte tall for {place} sammenlignet med "
                    "KOSTRA-gruppen. Tallene er hentet fra SSB i februar og kan avvike noe fra "
                    "tall publisert senere, fordi SSB oppdaterer statistikken fortløpende."
                )
            },
            {"table": rows},
        ]
    if kind == "ungdata":
        year = rnd.choice([2022, 2023, 2024])
        rows = [["Tema", "8. trinn", "10. trinn", "VG1"]]
        for name in (
            [
                "Trivst på skulen",
                "Brukar meir enn 4 timar på skjerm",
                "Søv for lite",
                "Har røykt e-sigarett",
                "Er med i organisert fritidsaktivitet",
                "Har blitt mobba minst kvar 14. dag",
            ]
            if nn
            else [
                "Trives på skolen",
                "Bruker mer enn 4 timer på skjerm",
                "Sover for lite",
                "Har røykt e-sigarett",
                "Er med i organisert fritidsaktivitet",
                "Blir mobbet minst hver 14. dag",
            ]
        ):
            rows.append([name] + [f"{rnd.randint(4, 92)} %" for _ in range(3)])
        return [
            {"h2": f"Ungdata {year}"},
            {
                "p": (
                    f"Undersøkinga hadde ein svarprosent på {rnd.randint(68, 91)}. Dei fleste "
                    "ungdommane seier at dei har det bra, men fleire enn før fortel om lite "
                    "søvn og press knytt til skule og utsjånad. Skilnadene mellom trinna er "
                    "større enn skilnadene mellom kjønna."
                )
                if nn
                else (
                    f"Undersøkelsen hadde en svarprosent på {rnd.randint(68, 91)}. De fleste "
                    "ungdommene sier at de har det bra, men flere enn før forteller om lite "
                    "søvn og press knyttet til skole og utseende. Forskjellene mellom trinnene "
                    "er større enn forskjellene mellom kjønnene."
                )
            },
            {"table": rows},
        ]
    if kind == "budsjett":
        rows = [["Post (1000 kr)", "Budsjett 2024", "Budsjett 2025", "Endring"]]
        for name in (
            [
                "Løn og sosiale utgifter",
                "Kjøp av varer og tenester",
                "Husleige",
                "Overføringar",
                "Refusjonar",
            ]
            if nn
            else [
                "Lønn og sosiale utgifter",
                "Kjøp av varer og tjenester",
                "Husleie",
                "Overføringer",
                "Refusjoner",
            ]
        ):
            a = rnd.randint(800, 60000)
            b = int(a * rnd.uniform(0.93, 1.09))
            rows.append(
                [
                    name,
                    f"{a:,}".replace(",", " "),
                    f"{b:,}".replace(",", " "),
                    f"{b - a:+,}".replace(",", " "),
                ]
            )
        return [
            {"h2": "Økonomiske rammer"},
            {
                "p": (
                    "Tala er henta frå økonomiplanen og gjeld sektoren samla. Prisvekst er "
                    "rekna inn. Endringane skuldast i hovudsak lønsoppgjeret og at ein "
                    "leigeavtale går ut."
                )
                if nn
                else (
                    "Tallene er hentet fra økonomiplanen og gjelder sektoren samlet. Prisvekst er "
                    "regnet inn. Endringene skyldes i hovedsak lønnsoppgjøret og at en leieavtale "
                    "går ut."
                )
            },
            {"table": rows},
        ]
    if kind == "skular":
        rows = [
            [
                "Skule" if nn else "Skole",
                "Trinn",
                "Elevar" if nn else "Elever",
                "Tilsette" if nn else "Ansatte",
            ]
        ]
        for name in extra.get("schools", []):
            rows.append(
                [
                    name,
                    rnd.choice(["1–7", "1–10", "8–10"]),
                    str(rnd.randint(40, 520)),
                    str(rnd.randint(8, 70)),
                ]
            )
        return [
            {"h2": "Skular og elevtal" if nn else "Skoler og elevtall"},
            {
                "p": (
                    "Elevtalet har gått noko ned i grendene og auka i sentrum. To av skulane "
                    "er nyleg rehabiliterte, og ein har fått ny idrettshall."
                )
                if nn
                else (
                    "Elevtallet har gått noe ned i grendene og økt i sentrum. To av skolene er "
                    "nylig rehabilitert, og én har fått ny idrettshall."
                )
            },
            {"table": rows},
        ]
    if kind == "bustad":
        return [
            {"h2": "Bustad og nærmiljø" if nn else "Bolig og nærmiljø"},
            {
                "p": (
                    f"I {place} bur om lag {rnd.randint(55, 85)} prosent av barnefamiliane i "
                    "einebustad. Leigemarknaden er liten, og prisane har stige raskare enn "
                    "inntektene. Nye bustadfelt er regulerte ved sentrum, og gang- og "
                    "sykkelvegen til idrettsanlegget vart ferdig i fjor."
                )
                if nn
                else (
                    f"I {place} bor om lag {rnd.randint(55, 85)} prosent av barnefamiliene i "
                    "enebolig. Leiemarkedet er lite, og prisene har steget raskere enn inntektene. "
                    "Nye boligfelt er regulert ved sentrum, og gang- og sykkelveien til "
                    "idrettsanlegget ble ferdig i fjor."
                )
            },
            {
                "p": (
                    "Mange familiar flyttar innanfor kommunen når barna byrjar på skulen. "
                    "Grøntområda blir mykje brukte, særleg badeplassane om sommaren og "
                    "lysløypa om vinteren."
                )
                if nn
                else (
                    "Mange familier flytter innad i kommunen når barna begynner på skolen. "
                    "Grøntområdene brukes mye, særlig badeplassene om sommeren og lysløypa om "
                    "vinteren."
                )
            },
        ]
    if kind == "bydelstall":
        rows = [["Delområde", "Innbyggere", "0–17 år", "Lavinntekt (%)", "Trangbodde (%)"]]
        for name in extra.get("areas", []):
            rows.append(
                [
                    name,
                    str(rnd.randint(4000, 19000)),
                    str(rnd.randint(700, 4200)),
                    f"{rnd.uniform(5, 28):.1f}".replace(".", ","),
                    f"{rnd.uniform(8, 41):.1f}".replace(".", ","),
                ]
            )
        return [
            {"h2": "Delområder"},
            {
                "p": (
                    "Bydelen er delt i delområder etter grunnkretsene til SSB. Forskjellene "
                    "mellom områdene er store: i de østlige områdene bor flere i kommunale "
                    "boliger og blokker, mens de vestlige områdene domineres av småhus."
                )
            },
            {"table": rows},
        ]
    raise ValueError(kind)


# ---------------------------------------------------------------- build
# Rendering, labels, LibreOffice and labels.yaml: corpus/buildkit.py (shared mechanics).

HEADER = (
    "# Generated by corpus-holdout2/build.py from corpus-holdout2/passages/*.yaml - "
    "do not edit by hand.\n# Labels follow corpus/GUIDELINES.md (second held-out "
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
        profile="holdout2",
        header=HEADER,
    )


if __name__ == "__main__":
    sys.exit(main())
