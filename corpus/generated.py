"""Generated filler sections (statistics tables, one section per bygd) that give long plans
their realistic length. They touch no requirement except where `gen_labels` says so."""

from __future__ import annotations

import random
from typing import Any

from render import Section

BYGDER = (
    "Aunet", "Bakkeli", "Dalsbygda", "Engan", "Fossen", "Gjerdet", "Hamna", "Indre", "Lia",
    "Kjosen", "Lunden", "Moen", "Nesset", "Oppdal", "Prestbakken", "Rognan", "Sagmoen",
    "Tangen", "Uthaug", "Vika", "Aasen", "Berget", "Dalen", "Elvetun", "Flaten", "Grenda",
    "Holmen", "Kverna", "Leira", "Myra", "Nausta", "Ormhaug",
)

NB = (
    "I {b} bor det {n} barn og unge under 18 år. Bygda har {k} og et aktivt grendelag som "
    "arrangerer {a}. Mange familier har bodd her i flere generasjoner, men de siste årene har "
    "{t} nye familier flyttet til, flere av dem fra andre land.",
    "Ungdommene i {b} forteller at de savner et sted å være på kveldstid, og at bussen til "
    "sentrum går for sjelden. Idrettslaget har {p} aktive medlemmer under 19 år. Nærmiljø"
    "undersøkelsen fra {y} viser at {q} prosent av de voksne opplever bygda som et godt sted "
    "å vokse opp.",
    "Boligene i {b} er for det meste eneboliger, og andelen som leier er {r} prosent. "
    "Avstanden til nærmeste lekeplass er under én kilometer for de fleste barna.",
    "Foreldrene i {b} peker i nærmiljøundersøkelsen på trafikksikkerhet langs fylkesveien, "
    "manglende gatelys og lang reisevei til fritidsaktiviteter i sentrum som de største "
    "utfordringene. Grendelaget har søkt om midler til en ny ballbinge, og kommunen har "
    "satt av penger til gang- og sykkelvei i økonomiplanen.",
    "Det er {t} barn i {b} som tar skolebuss hver dag, og den lengste reisetiden er "
    "{p} minutter hver vei. Om vinteren er veien over fjellet tidvis stengt, og da blir "
    "barna hentet av foreldrene eller får hjemmeundervisning.",
)
NN = (
    "I {b} bur det {n} barn og unge under 18 år. Bygda har {k} og eit aktivt grendalag som "
    "skipar til {a}. Mange familiar har budd her i fleire generasjonar, men dei siste åra har "
    "{t} nye familiar flytta til.",
    "Ungdomane i {b} fortel at dei saknar ein stad å vere på kveldstid, og at bussen til "
    "sentrum går for sjeldan. Idrettslaget har {p} aktive medlemer under 19 år. Nærmiljø"
    "undersøkinga frå {y} viser at {q} prosent av dei vaksne opplever bygda som ein god stad "
    "å vekse opp.",
    "Bustadene i {b} er for det meste einebustader, og delen som leiger er {r} prosent.",
    "Foreldra i {b} peikar i nærmiljøundersøkinga på trafikktryggleik langs fylkesvegen, "
    "manglande gatelys og lang reiseveg til fritidsaktivitetar i sentrum som dei største "
    "utfordringane. Grendalaget har søkt om midlar til ein ny ballbinge.",
    "Det er {t} barn i {b} som tek skulebuss kvar dag, og den lengste reisetida er "
    "{p} minutt kvar veg. Om vinteren er vegen over fjellet tidvis stengd.",
)
KIND_NB = ("egen barneskole", "grendehus", "et lite bibliotekutlån", "eget idrettsanlegg")
KIND_NN = ("eigen barneskule", "grendahus", "eit lite bibliotekutlån", "eige idrettsanlegg")
ACT_NB = ("17. mai-feiring", "sommerfest", "juletrefest", "dugnader")
ACT_NN = ("17. mai-feiring", "sommarfest", "juletrefest", "dugnader")


def bygd(rng: random.Random, name: str, nn: bool) -> Section:
    templates = NN if nn else NB
    values = {
        "b": name,
        "n": rng.randint(40, 600),
        "k": rng.choice(KIND_NN if nn else KIND_NB),
        "a": rng.choice(ACT_NN if nn else ACT_NB),
        "t": rng.randint(3, 30),
        "p": rng.randint(20, 300),
        "y": rng.choice((2021, 2022, 2023)),
        "q": rng.randint(62, 93),
        "r": rng.randint(8, 35),
    }
    blocks: list[tuple[str, str]] = [("p", t.format(**values)) for t in templates]
    head = "| Alder | 2020 | 2022 | 2024 |"
    rows = [head] + [
        f"| {age} | {rng.randint(10, 200)} | {rng.randint(10, 200)} | {rng.randint(10, 200)} |"
        for age in ("0–5 år", "6–12 år", "13–15 år", "16–17 år")
    ]
    blocks += [("tr", r) for r in rows]
    intro = "Talet på deltakarar i organiserte fritidsaktivitetar:" if nn else (
        "Antall deltakere i organiserte fritidsaktiviteter:"
    )
    blocks.append(("p", intro))
    acts = ("Fotball", "Korps", "Speidar" if nn else "Speider", "Dans", "Ski og friidrett")
    head2 = "| Aktivitet | Jenter | Gutar |" if nn else "| Aktivitet | Jenter | Gutter |"
    blocks.append(("tr", head2))
    blocks += [("tr", f"| {a} | {rng.randint(0, 60)} | {rng.randint(0, 60)} |") for a in acts]
    title = f"Oppvekst i {name}"
    return Section(title, 1, [], generated=True, blocks=blocks)


def ungdata(rng: random.Random, nn: bool) -> Section:
    rows = ["| Indikator | 2017 | 2020 | 2023 | Landet 2023 |"]
    items = (
        ("Fornøgd med foreldra", "Trivst på skulen", "Plaga av einsemd",
         "Har vore utsett for mobbing")
        if nn
        else ("Fornøyd med foreldrene", "Trives på skolen", "Plaget av ensomhet",
              "Har vært utsatt for mobbing")
    ) + ("Brukt cannabis siste år", "Trener minst ukentlig")
    for item in items:
        vals = [f"{rng.randint(3, 95)} %" for _ in range(4)]
        rows.append(f"| {item} | " + " | ".join(vals) + " |")
    blocks = [
        ("p", "Tabellen viser utvalde resultat for ungdomstrinnet." if nn
         else "Tabellen viser utvalgte resultater for ungdomstrinnet."),
        *[("tr", r) for r in rows],
    ]
    title = "Ungdata – utvalde resultat" if nn else "Ungdata – utvalgte resultater"
    return Section(title, 1, [], generated=True, blocks=blocks)


def kostra(rng: random.Random, nn: bool) -> Section:
    rows = ["| Nøkkeltal | Kommunen | Fylket | Landet |" if nn
            else "| Nøkkeltall | Kommunen | Fylket | Landet |"]
    items = (
        "Andel barn 1–5 år med barnehageplass",
        "Netto driftsutgifter til barnevern per innbygger 0–22 år (kr)",
        "Andel barn med undersøkelse eller tiltak",
        "Årsverk i helsestasjons- og skolehelsetjenesten per 10 000 barn",
        "Andel elever med spesialundervisning",
    )
    for item in items:
        vals = " | ".join(str(rng.randint(2, 99)) for _ in range(3))
        rows.append(f"| {item} | {vals} |")
    title = "Nøkkeltal frå KOSTRA" if nn else "Nøkkeltall fra KOSTRA"
    return Section(
        title, 1, [], generated=True, blocks=[("tr", r) for r in rows],
        gen_labels={"tjenesteomrader": "partial"},
    )


def generated_sections(spec: Any) -> list[Section]:
    if spec.long <= 0:
        return []
    rng = random.Random("gen" + spec.number)
    nn = spec.lang == "nn"
    names = rng.sample(BYGDER, min(spec.long, len(BYGDER)))
    return [ungdata(rng, nn), kostra(rng, nn)] + [bygd(rng, n, nn) for n in names]
