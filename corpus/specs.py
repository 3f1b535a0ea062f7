"""Which documents the corpus holds: one compact spec per document, and how it is laid out.

A spec names, per requirement, which *kind* of passage the document gets (covered, partial,
negated, unrelated sense, placeholder under a TOC heading, absent); the passage itself is
picked in rotation from corpus/passages so documents do not repeat each other. The labels
then follow from the passages' own labels (see build.py), never from this file.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from render import Section

KEYS = {
    "m": "mal-og-strategier",
    "t": "tjenesteomrader",
    "o": "organisering",
    "a": "ansvarsfordeling",
    "s": "samarbeid",
    "v": "avklaring-ved-uenighet",
    "b": "barn-og-unges-medvirkning",
    "i": "tiltak",
    "e": "oppfolging-og-evaluering",
    "p": "sammenheng-med-andre-planer",
    "l": "lovgrunnlag",
    "k": "kommunestyrevedtak",
}
CODE_LEVEL = {"C": "covered", "T": "covered", "P": "partial", "N": "neg", "U": "unrelated"}
VEDTAK = {  # code -> passage id stem (language is appended)
    "C": ("ved-{l}-c1", True),
    "S": ("ved-{l}-c2", False),
    "B": ("ved-nb-c3", True),
    "P": ("ved-{l}-p1", True),
    "H": ("ved-{l}-h1", True),
    "F": ("ved-nb-h2", True),
    "D": ("ved-nb-h3", True),
}
TABLE_PASSAGES = {"nb": "ans-nb-c1", "nn": "ans-nn-c1"}
_rotation: dict[tuple[str, str, str], int] = defaultdict(int)


@dataclass
class DocSpec:
    number: str
    navn: str
    lang: str
    fmt: str
    kind: str
    codes: str
    features: set[str] = field(default_factory=set)
    extras: tuple[str, ...] = ()
    long: int = 0
    title_kind: str = "plan"
    bydel: bool = False

    @property
    def kommune(self) -> str:
        return f"Bydel {self.navn}" if self.bydel else f"{self.navn} kommune"

    @property
    def label_language(self) -> str:
        return "nn" if self.lang == "nn" else "nb"

    @property
    def stem(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.navn.lower().translate(_ASCII)).strip("-")
        return f"{self.number}-{slug}-{self.kind}"

    @property
    def title(self) -> str:
        nn = self.lang == "nn"
        titles = {
            "plan": "Plan for førebygging av omsorgssvikt og åtferdsvanskar"
            if nn
            else "Plan for forebygging av omsorgssvikt og atferdsproblemer",
            "oppvekst": "Oppvekstplan" if not nn else "Oppvekstplan for barn og unge",
            "kdp": "Kommunedelplan oppvekst",
            "helse": "Plan for helsefremmende og forebyggende arbeid for barn og unge"
            if not nn
            else "Plan for helsefremjande og førebyggjande arbeid for barn og unge",
        }
        return f"{titles[self.title_kind]} 2024–2028"

    def values(self) -> dict[str, str]:
        rng = random.Random(self.number)
        day, month = rng.randint(1, 28), rng.choice([2, 3, 4, 5, 6, 9, 10, 11, 12])
        return {
            "navn": self.kommune if self.bydel else self.navn,
            "kommune": self.kommune,
            "dato": f"{day:02d}.{month:02d}.2024",
            "sak": f"{rng.randint(8, 140)}/24",
            "hdato": f"{rng.randint(1, 28):02d}.{rng.choice([1, 8, 9]):02d}.2024",
            "folketall": f"{rng.randint(3, 60) * 500:,}".replace(",", " "),
        }

    def parsed(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for item in self.codes.split():
            key, value = item.split("=")
            out[KEYS[key]] = value.split("+")
        missing = set(KEYS.values()) - set(out)
        if missing:
            raise SystemExit(f"{self.number}: no code for {sorted(missing)}")
        return out

    def lang_for(self, index: int) -> str:
        if self.lang == "mix":
            return "nn" if index % 3 == 1 else "nb"
        return self.lang

    def layout(self, passages: dict[str, Any]) -> list[Section]:
        return layout(self, passages)

    def hard_cases(self, passages: dict[str, Any]) -> list[str]:
        return hard_cases(self)


_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})


def pick(passages: dict[str, Any], req: str, level: str, lang: str) -> str:
    """Rotate through the passages of one (requirement, level, language)."""
    candidates = sorted(
        pid
        for pid, p in passages.items()
        if p.req == req and p.level == level and p.lang in (lang, "any") and not p.front
    )
    if not candidates and lang == "nn":
        return pick(passages, req, level, "nb")
    if not candidates:
        raise SystemExit(f"no passage for {req}/{level}/{lang}")
    key = (req, level, lang)
    pid = candidates[_rotation[key] % len(candidates)]
    _rotation[key] += 1
    return pid


def requirement_sections(spec: DocSpec, passages: dict[str, Any]) -> dict[str, list[Section]]:
    """Sections per requirement key (before numbering and chaptering)."""
    out: dict[str, list[Section]] = {}
    parsed = spec.parsed()
    for index, (req, codes) in enumerate(parsed.items()):
        lang = spec.lang_for(index)
        sections: list[Section] = []
        for code in codes:
            if req == "kommunestyrevedtak" or code == "X":
                continue
            if code == "H":
                heading = passages[pick(passages, req, "covered", lang)].heading
                body = pick(passages, "placeholder", "placeholder", lang)
                sections.append(Section(heading, 1, [body], placeholder=True))
                continue
            if code == "T":
                pid = TABLE_PASSAGES[lang]
            else:
                pid = pick(passages, req, CODE_LEVEL[code], lang)
            p = passages[pid]
            heading = p.plain if spec.kind == "integrated" else p.heading
            sections.append(Section(heading, 1, [pid]))
        out[req] = sections
    return out


def vedtak_sections(spec: DocSpec) -> tuple[list[Section], list[Section]]:
    """(front-page lines, body sections) for the adoption status."""
    front: list[Section] = []
    body: list[Section] = []
    lang = "nn" if spec.lang == "nn" else "nb"
    for code in spec.parsed()["kommunestyrevedtak"]:
        if code == "X":
            continue
        stem, on_front = VEDTAK[code]
        pid = stem.format(l=lang)
        if on_front:
            front.append(Section("", 0, [pid], front=True))
        else:
            heading = "Politisk handsaming" if lang == "nn" else "Politisk behandling"
            body.append(Section(heading, 1, [pid]))
    return front, body


def filler_sections(spec: DocSpec, passages: dict[str, Any], count: int) -> list[Section]:
    lang = "nn" if spec.lang == "nn" else "nb"
    ids = sorted(pid for pid, p in passages.items() if p.req == "filler" and p.lang == lang)
    rng = random.Random(spec.number + "filler")
    chosen = rng.sample(ids, min(count, len(ids)))
    return [Section(passages[pid].heading, 1, [pid]) for pid in chosen]


def layout(spec: DocSpec, passages: dict[str, Any]) -> list[Section]:
    """Order the sections: front, introduction, knowledge base, requirements, way forward."""
    from generated import generated_sections

    reqs = requirement_sections(spec, passages)
    front, vedtak_body = vedtak_sections(spec)
    lang = "nn" if spec.lang == "nn" else "nb"
    intro = [
        Section(passages[pid].heading, 1, [pid])
        for pid in (pick(passages, "echo", "echo", lang) for e in spec.extras if e == "eko")
    ]
    traps = [Section(passages[e].heading, 1, [e]) for e in spec.extras if e in passages]
    fill_count = 2 + (spec.long > 0) * 3
    knowledge = filler_sections(spec, passages, fill_count) + generated_sections(spec)
    order = [
        "lovgrunnlag",
        "sammenheng-med-andre-planer",
        "mal-og-strategier",
        "tjenesteomrader",
        "organisering",
        "ansvarsfordeling",
        "samarbeid",
        "avklaring-ved-uenighet",
        "barn-og-unges-medvirkning",
        "tiltak",
        "oppfolging-og-evaluering",
    ]
    if spec.kind == "integrated":
        return front + integrated(spec, reqs, intro, knowledge, traps, vedtak_body)
    body = intro + reqs["lovgrunnlag"] + knowledge
    for req in order[1:]:
        body += reqs[req]
    body += traps + vedtak_body
    return front + number(spec, body)


def integrated(
    spec: DocSpec,
    reqs: dict[str, list[Section]],
    intro: list[Section],
    knowledge: list[Section],
    traps: list[Section],
    vedtak_body: list[Section],
) -> list[Section]:
    """Chapters whose headings do not name the requirements; requirements as sub-sections."""
    nn = spec.lang == "nn"
    chapters = [
        ("Innleiing" if nn else "Innledning", intro + reqs["lovgrunnlag"]
         + reqs["sammenheng-med-andre-planer"]),
        (f"Oppvekst i {spec.values()['navn']}", knowledge + reqs["tjenesteomrader"]),
        ("Kvar vil vi" if nn else "Hvor vil vi", reqs["mal-og-strategier"]),
        ("Slik arbeider vi" if nn else "Slik jobber vi", reqs["organisering"]
         + reqs["ansvarsfordeling"] + reqs["samarbeid"] + reqs["avklaring-ved-uenighet"]),
        ("Innsats for barn og familiar" if nn else "Innsats for barn og familier",
         reqs["barn-og-unges-medvirkning"] + reqs["tiltak"] + traps),
        ("Vegen vidare" if nn else "Veien videre", reqs["oppfolging-og-evaluering"] + vedtak_body),
    ]
    out: list[Section] = []
    for title, subs in chapters:
        if not subs:
            continue
        out.append(Section(title, 1, []))
        for sub in subs:
            sub.level = 2
            out.append(sub)
    return number(spec, out)


def number(spec: DocSpec, sections: list[Section]) -> list[Section]:
    """Typed heading numbers ("3.2 Ansvar og roller") when the spec asks for them."""
    if "numbered" not in spec.features:
        return sections
    top = sub = 0
    for s in sections:
        if s.level == 1:
            top, sub = top + 1, 0
            s.heading = f"{top} {s.heading}"
        elif s.level == 2:
            sub += 1
            s.heading = f"{top}.{sub} {s.heading}"
    return sections


def hard_cases(spec: DocSpec) -> list[str]:
    """The hard cases of issue 7 this document exercises (for the README's composition)."""
    parsed = spec.parsed()
    cases: set[str] = set()
    if "eko" in spec.extras:
        cases.add("echo-of-law")
    for req, codes in parsed.items():
        for code in codes:
            if code == "H":
                cases.add("toc-placeholder")
            if code == "N" and req != "kommunestyrevedtak":
                cases.add("negation-nn" if spec.lang == "nn" else "negation")
            if code == "U":
                cases.add("unrelated-sense")
    if any(e.endswith("-u1") for e in spec.extras):
        cases.add("unrelated-sense")
    v = parsed["avklaring-ved-uenighet"]
    if "C" in v:
        cases.add("dispute-all-three-parts")
    if "P" in v:
        cases.add("dispute-incomplete")
    k = parsed["kommunestyrevedtak"]
    if set(k) & {"H", "D"}:
        cases.add("hearing-draft")
    if "F" in k:
        cases.add("formannskapet-only")
    if set(k) & {"C", "S", "B"}:
        cases.add("adopted")
    if "P" in parsed["lovgrunnlag"]:
        cases.add("only-old-3-1-or-no-paragraph")
    if spec.lang == "mix":
        cases.add("mixed-nb-nn")
    if spec.kind == "integrated":
        cases.add("headings-do-not-name-requirements")
    return sorted(cases)


def S(number: str, navn: str, lang: str, fmt: str, kind: str, codes: str, **kw: Any) -> DocSpec:
    feats = set(kw.pop("f", "").split()) if "f" in kw else set()
    return DocSpec(number, navn, lang, fmt, kind, codes, features=feats, **kw)


# m mal, t tjenester, o organisering, a ansvar, s samarbeid, v avklaring, b medvirkning,
# i tiltak, e evaluering, p andre planer, l lov, k vedtak.
# C covered, T covered by table only, P partial, N negated, U unrelated sense,
# H TOC heading with an empty/placeholder section, X absent.
# k: C/S dated adoption (front/section), B bystyret, P undated, H hearing, F formannskap, D draft.
SPECS: list[DocSpec] = [
    S("01", "Fjordvik", "nb", "pdf", "theme",
      "m=C t=C o=C a=C s=C v=C b=C i=C e=C p=C l=C k=C",
      f="numbered toc-word header-footer"),
    S("02", "Straumøy", "nn", "pdf", "theme",
      "m=C t=P o=C a=C s=C v=N b=P i=C e=P p=X l=P k=C",
      f="numbered header-footer"),
    S("03", "Brekkestad", "nb", "docx", "theme",
      "m=C t=C o=P a=P s=P v=P b=P i=P e=P p=P l=C k=H",
      f="toc-word", extras=("eko",)),
    S("04", "Lyngvær", "nb", "pdf", "integrated",
      "m=C t=C o=C a=C s=C+U v=C b=C i=C e=C p=C l=X k=S",
      f="numbered header-footer", long=4, title_kind="oppvekst"),
    S("05", "Kvitevoll", "nn", "docx", "theme",
      "m=C t=C o=C a=T s=C v=P b=P i=P e=N p=P l=P k=H",
      f="toc-word"),
    S("06", "Myrvold", "nb", "pdf", "theme",
      "m=C t=P o=C a=H s=C v=H b=N i=C e=X p=X l=P k=H",
      f="toc-typed hyphen", extras=("eko",)),
    S("07", "Ospeland", "mix", "pdf", "theme",
      "m=C t=C o=C a=C s=C v=P b=C i=C e=C p=P l=C k=C",
      f="numbered header-footer"),
    S("08", "Haugdal", "nb", "docx", "integrated",
      "m=P t=C o=C a=X s=U v=X b=P i=C e=P p=X l=X k=F",
      title_kind="kdp", extras=("eko",)),
    S("09", "Tindvik", "nb", "pdf", "theme",
      "m=C t=C o=P a=T s=C v=N b=C i=C e=P p=X l=X k=D",
      f="twocol header-footer", long=2),
    S("10", "Nesheim", "nn", "pdf", "integrated",
      "m=C t=C o=C a=C s=C v=P b=C i=P e=C p=P l=C k=P",
      f="numbered hyphen header-footer", title_kind="oppvekst"),
    S("11", "Storlia", "nb", "docx", "theme",
      "m=C t=P o=N a=N s=N v=N b=C i=C e=P p=C l=P k=P",
      f="numbered"),
    S("12", "Elvebakken", "nb", "pdf", "theme",
      "m=C t=C o=C a=C s=C v=C b=C i=C e=C p=C l=C k=B",
      f="numbered toc-word header-footer", bydel=True, long=3),
    S("13", "Fjellstrand", "nn", "docx", "theme",
      "m=P t=P o=P a=N s=N v=N b=N i=P e=N p=P l=P k=H",
      f="toc-word", extras=("eko",)),
    S("14", "Eikrem", "nb", "pdf", "integrated",
      "m=C t=C o=C a=T s=C v=P b=C i=C e=C p=C l=C k=C",
      f="twocol hyphen header-footer", long=8, title_kind="helse"),
    S("15", "Sandvær", "nb", "docx", "theme",
      "m=C t=C o=C a=C s=C v=C b=C i=C e=C p=X l=X k=D",
      f="fake-headings"),
    S("16", "Hovlandsdal", "nn", "pdf", "theme",
      "m=C t=C o=C a=C s=C v=H b=P i=C e=C p=P l=P k=S",
      f="numbered toc-word header-footer", long=10),
    S("17", "Kvernfjord", "nb", "pdf", "theme",
      "m=C t=P o=C a=P s=P+U v=N b=C i=P e=N p=P l=P k=F",
      f="toc-typed header-footer", extras=("eko", "ans-nb-u1")),
    S("18", "Bjørkås", "mix", "docx", "integrated",
      "m=C t=C o=C a=C s=C v=N b=P i=P e=P p=C l=X k=C",
      f="numbered", title_kind="oppvekst"),
    S("19", "Vestre Åsen", "nb", "pdf", "theme",
      "m=N t=X o=X a=X s=X v=X b=X i=N e=X p=X l=X k=H",
      f="toc-word"),
    S("20", "Solbakken", "nn", "pdf", "theme",
      "m=C t=P o=H a=C s=C v=H b=C i=C e=H p=X l=C k=H",
      f="numbered toc-word hyphen"),
    S("21", "Grønnli", "nb", "docx", "theme",
      "m=P t=C o=C a=P s=C v=P b=C i=C e=X p=P l=C k=H",
      f="toc-word header-footer", bydel=True),
    S("22", "Midtbygda", "nb", "pdf", "integrated",
      "m=P t=C o=P a=P s=C v=X b=C i=C e=P p=P l=P k=P",
      f="header-footer", long=20, title_kind="kdp"),
    S("23", "Nordheim", "nn", "docx", "integrated",
      "m=C t=C o=P a=T s=C v=P b=C i=C e=P p=X l=X k=C",
      f="numbered", title_kind="oppvekst"),
    S("24", "Røsvik", "nb", "pdf", "theme",
      "m=C t=C o=C a=P s=C v=C b=N i=C e=C p=P l=P k=C",
      f="numbered toc-typed header-footer hyphen", long=1),
    S("25", "Tverrå", "mix", "pdf", "theme",
      "m=C t=P o=C a=P s=C v=N b=P i=C e=P p=X l=P k=H",
      f="header-footer", extras=("eko",)),
    S("26", "Vardøya", "nn", "pdf", "theme",
      "m=C t=C o=C a=C s=N+U v=N b=C i=C e=C p=C l=C k=C",
      f="numbered header-footer twocol"),
    S("27", "Langmo", "nb", "docx", "theme",
      "m=C t=P o=C a=C s=P v=N b=C i=C e=P p=X l=P k=F",
      f="numbered toc-word norwegian-styles"),
    S("28", "Aurhaug", "nb", "pdf", "integrated",
      "m=C t=C o=C a=C s=C v=C b=C i=C e=C p=C l=C k=C",
      f="numbered toc-word header-footer", long=30, title_kind="kdp"),
    S("29", "Skjervoll", "nn", "docx", "theme",
      "m=C t=P o=C a=C s=C v=P b=P i=P e=P p=P l=P k=P",
      f="fake-headings"),
    S("30", "Furuneset", "nb", "pdf", "theme",
      "m=X t=P o=P a=U s=P v=P b=P i=P e=X p=X l=X k=D",
      f="", extras=("med-nb-u1",)),
    S("31", "Leirvåg", "nb", "docx", "theme",
      "m=C t=C o=P a=C s=C v=N b=P i=C e=C p=C l=C k=S",
      f="numbered toc-word header-footer", long=2),
    S("32", "Hesteskoen", "nb", "pdf", "integrated",
      "m=C t=C o=C a=C s=C v=P b=P i=C e=P p=P l=P k=B",
      f="header-footer", long=5, title_kind="helse", bydel=True),
    S("33", "Sjøholt", "nn", "pdf", "theme",
      "m=C t=C o=C a=C s=C v=C b=C i=C e=C p=C l=C k=S",
      f="numbered toc-word hyphen header-footer"),
    S("34", "Kleivane", "nb", "docx", "theme",
      "m=C t=H o=C a=C s=C v=N b=H i=C e=H p=C l=C k=H",
      f="numbered toc-word", extras=("eko",)),
    S("35", "Kaldvik", "nb", "pdf", "theme",
      "m=P t=P o=P a=P s=P v=P b=P i=P e=P p=P l=P k=P",
      f="toc-typed header-footer"),
    S("36", "Rypeli", "nn", "pdf", "integrated",
      "m=P t=C o=P a=N s=P v=X b=P i=C e=X p=X l=P k=H",
      f="header-footer hyphen", extras=("eko",), title_kind="helse"),
    S("37", "Mørkvedt", "nb", "docx", "theme",
      "m=C t=P o=H a=H s=P v=H b=H i=P e=H p=X l=X k=H",
      f="numbered toc-word", extras=("eko",)),
    S("38", "Strandheim", "mix", "pdf", "theme",
      "m=C t=C o=P a=C s=C+U v=P b=P i=C e=P p=P l=P k=F",
      f="numbered header-footer twocol", long=6),
]
