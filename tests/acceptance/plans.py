"""Makes the inputs of the acceptance tests in seconds, without LibreOffice.

`make_batch(folder)` writes 70 varied plans as a caseworker receives them: DOCX made with
python-docx (municipalities "X kommune", "Bydel Y", "Z herad"; bokmål and nynorsk; with or
without a table of contents, numbered headings, a responsibility table, a running header),
some PDFs drawn with reportlab (real text), and three files that cannot be read (a truncated
PDF, an empty file, a PNG renamed .pdf). Every plan leaves out or weakens different
requirements; the returned `Spec`s say which.

`make_bad_inputs(folder, examples)` writes one of each bad input of issue 6 next to a few good
plans and returns what each file should give.

    .venv/bin/python -m tests.acceptance.plans /tmp/batch   # look at the files by hand
"""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK

STRONG, WEAK, ABSENT = "strong", "weak", "absent"

# id → (heading nb, heading nn, strong nb, strong nn, weak nb, weak nn). "{k}" is the name.
REQUIREMENTS: dict[str, tuple[str, str, str, str, str, str]] = {
    "mal-og-strategier": (
        "Mål og strategier",
        "Mål og strategiar",
        "Hovedmålet er at alle barn og unge i {k} skal vokse opp med trygg omsorg. Vi når "
        "målet gjennom tre strategier for hele tjenestetilbudet: tidlig innsats, helhetlige "
        "tjenester til familier og styrket foreldreveiledning. Hver sektor har delmål som "
        "følges opp årlig.",
        "Hovudmålet er at alle barn og unge i {k} skal vekse opp med trygg omsorg. Vi når "
        "målet gjennom tre strategiar for heile tenestetilbodet: tidleg innsats, heilskaplege "
        "tenester til familiar og styrkt foreldrerettleiing. Kvar sektor har delmål som blir "
        "følgde opp kvart år.",
        "Kommunen ønsker at barn skal ha det bra.",
        "Kommunen ønskjer at barn skal ha det bra.",
    ),
    "ansvarsfordeling": (
        "Ansvarsfordeling",
        "Ansvarsfordeling",
        "Ansvaret og oppgavene er fordelt slik: barnehagen og skolen har ansvar for de "
        "universelle "
        "tiltakene, helsestasjonen har ansvar for oppfølging av småbarnsfamilier, og "
        "barneverntjenesten har ansvar for tiltak etter barnevernsloven. Hver virksomhetsleder "
        "har ansvar for at rutinene følges i egen enhet.",
        "Ansvaret og oppgåvene er fordelte slik: barnehagen og skulen har ansvar for dei "
        "universelle "
        "tiltaka, helsestasjonen har ansvar for oppfølging av småbarnsfamiliar, og "
        "barnevernstenesta har ansvar for tiltak etter barnevernslova. Kvar verksemdleiar har "
        "ansvar for at rutinane blir følgde i eiga eining.",
        "Alle ansatte har et ansvar for barna.",
        "Alle tilsette har eit ansvar for barna.",
    ),
    "organisering": (
        "Organisering av arbeidet",
        "Organisering av arbeidet",
        "Arbeidet er organisert i et tverrfaglig oppvekstteam ledet av kommunalsjef for "
        "oppvekst. Teamet møtes hver måned, og hver virksomhet har en fast kontaktperson. "
        "Oppgaveløsningen er organisert etter BTI-modellen med en felles handlingsveileder.",
        "Arbeidet er organisert i eit tverrfagleg oppvekstteam leidd av kommunalsjef for "
        "oppvekst. Teamet møtest kvar månad, og kvar verksemd har ein fast kontaktperson. "
        "Oppgåveløysinga er organisert etter BTI-modellen med ein felles handlingsrettleiar.",
        "Arbeidet organiseres på vanlig måte.",
        "Arbeidet blir organisert på vanleg måte.",
    ),
    "samarbeid": (
        "Samarbeid mellom tjenestene",
        "Samarbeid mellom tenestene",
        "Tjenestene samarbeider gjennom faste samarbeidsmøter, felles rutiner for "
        "bekymringssaker og en samarbeidsavtale mellom barnehage, skole, PPT, helsestasjon og "
        "barneverntjenesten. Det tverrfaglige samarbeidet evalueres hvert år.",
        "Tenestene samarbeider gjennom faste samarbeidsmøte, felles rutinar for "
        "bekymringssaker og ein samarbeidsavtale mellom barnehage, skule, PPT, helsestasjon "
        "og barnevernstenesta. Det tverrfaglege samarbeidet blir evaluert kvart år.",
        "Vi samarbeider godt.",
        "Vi samarbeider godt.",
    ),
    "avklaring-ved-uenighet": (
        "Avklaring ved uenighet om ansvar",
        "Avklaring ved usemje om ansvar",
        "Når det er uklart eller uenighet om hvilken tjeneste som har ansvaret, løftes saken "
        "til kommunalsjef, som avklarer ansvaret innen to uker. Kommunedirektørens ledergruppe "
        "avgjør saker som ikke løses, og avklaringen dokumenteres.",
        "Når det er uklart eller usemje om kva teneste som har ansvaret, blir saka løfta til "
        "kommunalsjef, som avklarar ansvaret innan to veker. Leiargruppa til "
        "kommunedirektøren avgjer saker som ikkje blir løyste, og avklaringa blir "
        "dokumentert.",
        "Uenighet løses i dialog.",
        "Usemje blir løyst i dialog.",
    ),
    "barn-og-unges-medvirkning": (
        "Barn og unges medvirkning",
        "Medverknad frå barn og unge",
        "Barn og unge har medvirket i arbeidet med planen gjennom ungdomsrådet, elevrådene og "
        "en spørreundersøkelse. Innspillene fra barn og unge er brukt i tiltaksdelen, og "
        "ungdomsrådet gir innspill når planen revideres.",
        "Barn og unge har medverka i arbeidet med planen gjennom ungdomsrådet, elevråda og ei "
        "spørjeundersøking. Innspela frå barn og unge er brukte i tiltaksdelen, og "
        "ungdomsrådet gir innspel når planen blir revidert.",
        "Barn kan gi innspill.",
        "Barn kan gi innspel.",
    ),
    "kommunestyrevedtak": (
        "Politisk behandling",
        "Politisk handsaming",
        "Planen ble vedtatt av kommunestyret 14. mars 2025, sak 23/25.",
        "Planen vart vedteken av kommunestyret 14. mars 2025, sak 23/25.",
        "Planen skal behandles politisk.",
        "Planen skal handsamast politisk.",
    ),
    "tjenesteomrader": (
        "Tjenesteområder",
        "Tenesteområde",
        "Planen omfatter barnehage, skole, PP-tjenesten, helsestasjon og skolehelsetjenesten, "
        "barneverntjenesten, NAV, SLT og utekontakten, samt kultur og fritid.",
        "Planen omfattar barnehage, skule, PP-tenesta, helsestasjon og skulehelsetenesta, "
        "barnevernstenesta, NAV, SLT og utekontakten, og kultur og fritid.",
        "Planen gjelder flere tjenester.",
        "Planen gjeld fleire tenester.",
    ),
    "tiltak": (
        "Forebyggende tiltak",
        "Førebyggjande tiltak",
        "Tiltakene er delt i universelle tiltak for alle barn, selektive tiltak for grupper med "
        "økt risiko og indikerte tiltak for barn med begynnende vansker. Eksempler er "
        "foreldreveiledning (ICDP), Zippys venner og tett oppfølging av skolefravær.",
        "Tiltaka er delte i universelle tiltak for alle barn, selektive tiltak for grupper med "
        "auka risiko og indikerte tiltak for barn med byrjande vanskar. Døme er "
        "foreldrerettleiing (ICDP), Zippys venner og tett oppfølging av skulefråvær.",
        "Det finnes noen tiltak.",
        "Det finst nokre tiltak.",
    ),
    "oppfolging-og-evaluering": (
        "Oppfølging og evaluering",
        "Oppfølging og evaluering",
        "Planen følges opp gjennom årlig rapportering på indikatorer som skolefravær, "
        "bekymringsmeldinger og Ungdata. Planen evalueres hvert andre år og revideres i hver "
        "kommunestyreperiode.",
        "Planen blir følgd opp gjennom årleg rapportering på indikatorar som skulefråvær, "
        "bekymringsmeldingar og Ungdata. Planen blir evaluert kvart andre år og revidert i "
        "kvar kommunestyreperiode.",
        "Planen skal følges opp.",
        "Planen skal følgjast opp.",
    ),
    "lovgrunnlag": (
        "Lovgrunnlag",
        "Lovgrunnlag",
        "Planen er utarbeidet etter barnevernsloven § 15-1 andre ledd, som pålegger "
        "kommunestyret å vedta en plan for det forebyggende arbeidet.",
        "Planen er utarbeidd etter barnevernslova § 15-1 andre ledd, som pålegg kommunestyret "
        "å vedta ein plan for det førebyggjande arbeidet.",
        "Planen er utarbeidet etter barnevernloven § 3-1.",
        "Planen er utarbeidd etter barnevernlova § 3-1.",
    ),
    "sammenheng-med-andre-planer": (
        "Sammenheng med andre planer",
        "Samanheng med andre planar",
        "Planen er forankret i kommuneplanens samfunnsdel og ses i sammenheng med "
        "folkehelseplanen, rusmiddelpolitisk handlingsplan og kompetanseplanen for oppvekst.",
        "Planen er forankra i samfunnsdelen av kommuneplanen og blir sett i samanheng med "
        "folkehelseplanen, den rusmiddelpolitiske handlingsplanen og kompetanseplanen for "
        "oppvekst.",
        "Planen henger sammen med annet planverk.",
        "Planen heng saman med anna planverk.",
    ),
}
REQUIREMENT_IDS = tuple(REQUIREMENTS)

BACKGROUND = {
    "nb": (
        "Kommunen har de siste årene sett en økning i antall bekymringsmeldinger.",
        "De fleste barn trives på skolen og i fritiden, viser levekårsundersøkelsen.",
        "Flere unge opplever stress og press, viser Ungdata-undersøkelsen fra 2024.",
        "Foreldre etterspør mer informasjon om tilbudene som finnes i nærmiljøet.",
        "Andelen barn som deltar i organiserte fritidsaktiviteter har gått noe ned.",
        "Innbyggertallet ventes å øke, særlig blant småbarnsfamilier.",
    ),
    "nn": (
        "Kommunen har dei siste åra sett ein auke i talet på bekymringsmeldingar.",
        "Dei fleste barn trivst på skulen og i fritida, viser levekårsundersøkinga.",
        "Fleire unge opplever stress og press, viser Ungdata-undersøkinga frå 2024.",
        "Foreldre etterspør meir informasjon om tilboda som finst i nærmiljøet.",
        "Innbyggjartalet er venta å auke, særleg blant småbarnsfamiliar.",
    ),
}
BACKGROUND_TITLE = {"nb": "Kunnskapsgrunnlag", "nn": "Kunnskapsgrunnlag"}
INTRO_TITLE = {"nb": "Innledning", "nn": "Innleiing"}
TOC_TITLE = {"nb": "Innhold", "nn": "Innhald"}
PLAN_TITLE = {
    "nb": "Plan for forebygging av omsorgssvikt og atferdsproblemer 2025–2028",
    "nn": "Plan for førebygging av omsorgssvikt og åtferdsvanskar 2025–2028",
}

MUNICIPALITIES = (
    "Asker kommune", "Fredrikstad kommune", "Sarpsborg kommune", "Marker kommune",
    "Rakkestad kommune", "Råde kommune", "Moss kommune", "Halden kommune", "Hvaler kommune",
    "Drammen kommune", "Kongsberg kommune", "Ringerike kommune", "Flå kommune",
    "Nesbyen kommune", "Hemsedal kommune", "Sigdal kommune", "Modum kommune",
    "Øvre Eiker kommune", "Lier kommune", "Nore og Uvdal kommune", "Bærum kommune",
    "Aurskog-Høland kommune", "Eidsvoll kommune", "Enebakk kommune", "Frogn kommune",
    "Hurdal kommune", "Lørenskog kommune", "Nannestad kommune", "Nesodden kommune",
    "Rælingen kommune", "Ullensaker kommune", "Vestby kommune", "Indre Østfold kommune",
    "Nordre Follo kommune", "Lillestrøm kommune", "Jevnaker kommune", "Lunner kommune",
    "Bydel Gamle Oslo", "Bydel Alna", "Bydel Bjerke", "Bydel Frogner", "Bydel Grorud",
    "Bydel Grünerløkka", "Bydel Nordre Aker", "Bydel Nordstrand", "Bydel Sagene",
    "Bydel St. Hanshaugen", "Bydel Stovner", "Bydel Søndre Nordstrand", "Bydel Ullern",
    "Bydel Vestre Aker", "Bydel Østensjø", "Kongsvinger kommune", "Elverum kommune",
    "Hamar kommune", "Gjøvik kommune", "Lillehammer kommune", "Tønsberg kommune",
)
NYNORSK_MUNICIPALITIES = (
    "Voss herad", "Kvam herad", "Ulvik herad", "Ullensvang kommune", "Stord kommune",
    "Sogndal kommune", "Luster kommune", "Vinje kommune", "Ørsta kommune",
)

BATCH_SIZE = 70
CORRUPT_FILES = {
    "97-avkortet.pdf": "corrupt",
    "98-skannet-bilde.pdf": "unsupported-format",
    "99-tom.pdf": "empty",
}
"""The files of the batch that cannot be read, and the error code each must get."""

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@dataclass
class Spec:
    """One generated file and what it should show."""

    file: str
    municipality: str | None = None
    lang: str = "nb"
    kind: str = "docx"
    """docx, pdf, or corrupt."""
    levels: dict[str, str] = field(default_factory=dict)
    """requirement id → strong, weak or absent."""
    error: str | None = None
    toc: bool = False
    numbered: bool = False
    table: bool = False


# --------------------------------------------------------------------------- plan content


def _text(requirement: str, level: str, lang: str, name: str) -> str:
    _, _, strong_nb, strong_nn, weak_nb, weak_nn = REQUIREMENTS[requirement]
    if level == STRONG:
        text = strong_nn if lang == "nn" else strong_nb
    else:
        text = weak_nn if lang == "nn" else weak_nb
    return text.format(k=name)


def _heading(requirement: str, lang: str) -> str:
    heading_nb, heading_nn = REQUIREMENTS[requirement][:2]
    return heading_nn if lang == "nn" else heading_nb


def chapters(spec: Spec, rng: random.Random) -> list[tuple[str, list[str], str | None]]:
    """(title, paragraphs, requirement id or None) in document order."""
    lang = spec.lang
    name = spec.municipality or ""
    background = list(BACKGROUND[lang])
    rng.shuffle(background)
    result: list[tuple[str, list[str], str | None]] = [
        (INTRO_TITLE[lang], [" ".join(background[:3])], None),
        (BACKGROUND_TITLE[lang], [" ".join(background[2:])], None),
    ]
    for requirement in REQUIREMENT_IDS:
        level = spec.levels[requirement]
        if level == ABSENT:
            continue
        result.append((_heading(requirement, lang), [_text(requirement, level, lang, name)],
                       requirement))
    return result


def _levels(rng: random.Random, index: int) -> dict[str, str]:
    """Every 9th plan covers everything; the others drop and weaken different requirements."""
    if index % 9 == 0:
        return dict.fromkeys(REQUIREMENT_IDS, STRONG)
    levels = {}
    for requirement in REQUIREMENT_IDS:
        roll = rng.random()
        levels[requirement] = STRONG if roll < 0.6 else WEAK if roll < 0.8 else ABSENT
    if all(level == STRONG for level in levels.values()):
        levels[rng.choice(REQUIREMENT_IDS)] = ABSENT
    return levels


# --------------------------------------------------------------------------- DOCX


def write_docx(path: Path, spec: Spec, rng: random.Random) -> None:
    lang = spec.lang
    document = Document()
    if spec.municipality:
        document.sections[0].header.paragraphs[0].text = spec.municipality
        document.add_paragraph(spec.municipality)
    document.add_heading(PLAN_TITLE[lang], 0)
    body = chapters(spec, rng)
    titles = [
        f"{number} {title}" if spec.numbered else title
        for number, (title, _, _) in enumerate(body, 1)
    ]
    if spec.toc:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(TOC_TITLE[lang], 1)
        for number, title in enumerate(titles, 1):
            document.add_paragraph(f"{title}\t{'.' * 30} {number + 2}")
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    for title, (_, paragraphs, requirement) in zip(titles, body, strict=True):
        document.add_heading(title, 1)
        if spec.table and requirement == "ansvarsfordeling" and spec.levels[requirement] == STRONG:
            _responsibility_table(document, lang)
        else:
            for text in paragraphs:
                document.add_paragraph(text)
        if requirement == "tiltak" and rng.random() < 0.5:
            for item in ("Foreldreveiledning i grupper", "Lavterskel samtaletilbud for ungdom",
                         "Oppfølging av barn med høyt fravær"):
                document.add_paragraph(item, style="List Bullet")
    document.save(str(path))


def _responsibility_table(document, lang: str) -> None:
    """Ansvarsfordeling written only as a table, as many plans do."""
    intro = ("Tabellen viser hvem som har ansvar for hva." if lang == "nb"
             else "Tabellen viser kven som har ansvar for kva.")
    document.add_paragraph(intro)
    rows = [
        ("Tjeneste" if lang == "nb" else "Teneste", "Ansvar"),
        ("Barnehage", "Ansvar for universelle tiltak og tidlig innsats i barnehagen"),
        ("Skole" if lang == "nb" else "Skule", "Ansvar for oppfølging av fravær og læringsmiljø"),
        ("Helsestasjon", "Ansvar for oppfølging av småbarnsfamilier og foreldreveiledning"),
        ("Barneverntjenesten", "Ansvar for tiltak etter barnevernsloven"),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            table.cell(r, c).text = value


# --------------------------------------------------------------------------- PDF


def write_pdf(path: Path, spec: Spec, rng: random.Random) -> None:
    """A plan drawn with reportlab: title page, bold numbered headings, wrapped paragraphs,
    a running header with the municipality and a page number in the footer."""
    lines: list[tuple[str, str, float]] = []  # (text, font, size); "" text = page break
    for number, (title, paragraphs, _) in enumerate(chapters(spec, rng), 1):
        lines.append((f"{number} {title}" if spec.numbered else title, "Helvetica-Bold", 14))
        for text in paragraphs:
            lines.extend((line, "Helvetica", 11) for line in _wrap(text, 11))
            lines.append(("", "gap", 6))
    draw_pdf(path, spec.municipality or "", PLAN_TITLE[spec.lang], lines)


def _wrap(text: str, size: float, width: float = 450) -> list[str]:
    from reportlab.lib.utils import simpleSplit

    return simpleSplit(text, "Helvetica", size, width)


def draw_pdf(path: Path, owner: str, title: str, lines: list[tuple[str, str, float]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    page = 1

    def furniture() -> None:
        if owner:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(72, height - 40, f"{owner} – plan for forebygging")
        pdf.setFont("Helvetica", 9)
        pdf.drawString(width / 2 - 20, 30, f"Side {page}")

    furniture()
    if owner:
        pdf.setFont("Helvetica-Bold", 22)
        pdf.drawString(72, height - 200, owner)
    for i, line in enumerate(_wrap(title, 16)):
        pdf.setFont("Helvetica-Bold", 16)
        pdf.drawString(72, height - 240 - 22 * i, line)
    pdf.showPage()
    page += 1
    furniture()
    y = height - 90
    for text, font, size in lines:
        if font == "gap":
            y -= size
            continue
        if (y < 80 + size * 3 and font == "Helvetica-Bold") or y < 80:
            pdf.showPage()
            page += 1
            furniture()
            y = height - 90
        if font == "Helvetica-Bold":
            y -= 8
        pdf.setFont(font, size)
        pdf.drawString(72, y, text)
        y -= size * 1.45
    pdf.showPage()
    pdf.save()


# --------------------------------------------------------------------------- the batch


def _slug(name: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ü": "u", " ": "-", ".": ""})
    return name.lower().translate(table)


def plan_specs(count: int = BATCH_SIZE, seed: int = 2025) -> list[Spec]:
    """The plan files of a batch (without the corrupt ones): count − 3 plans."""
    rng = random.Random(seed)
    specs = []
    names = list(MUNICIPALITIES)
    nynorsk = list(NYNORSK_MUNICIPALITIES)
    for index in range(count - len(CORRUPT_FILES)):
        lang = "nn" if index % 7 == 3 and nynorsk else "nb"
        name = nynorsk.pop(0) if lang == "nn" else names[index % len(names)]
        kind = "pdf" if index % 6 == 5 else "docx"
        spec = Spec(
            file=f"{index:02d}-{_slug(name)}.{kind}",
            municipality=name,
            lang=lang,
            kind=kind,
            levels=_levels(rng, index),
            toc=index % 3 == 0,
            numbered=index % 2 == 0,
            table=index % 4 == 1,
        )
        specs.append(spec)
    return specs


def make_batch(folder: Path, count: int = BATCH_SIZE, seed: int = 2025) -> list[Spec]:
    """Writes `count` files into `folder` (plans and three unreadable files) plus a logo
    that must be skipped; returns one `Spec` per file, in file-name order."""
    folder.mkdir(parents=True, exist_ok=True)
    specs = plan_specs(count, seed)
    for index, spec in enumerate(specs):
        rng = random.Random(seed * 1000 + index)
        writer = write_pdf if spec.kind == "pdf" else write_docx
        writer(folder / spec.file, spec, rng)
    first_pdf = next(folder / s.file for s in specs if s.kind == "pdf")
    good = first_pdf.read_bytes()
    (folder / "97-avkortet.pdf").write_bytes(good[: len(good) // 2])
    (folder / "98-skannet-bilde.pdf").write_bytes(PNG_BYTES)
    (folder / "99-tom.pdf").write_bytes(b"")
    (folder / "logo.png").write_bytes(PNG_BYTES)
    specs += [Spec(file=name, kind="corrupt", error=code) for name, code in CORRUPT_FILES.items()]
    return sorted(specs, key=lambda s: s.file)


# --------------------------------------------------------------------------- bad inputs


@dataclass(frozen=True)
class BadInput:
    name: str
    code: str | None
    """The expected error code, or None when the file must be read (possibly with a
    warning)."""
    warning: bool = False


def _docx_bytes(build) -> bytes:
    document = Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rewrite_zip(source: bytes, target: Path, change) -> None:
    """Copies a DOCX part by part; `change(name, data)` returns the new data."""
    with zipfile.ZipFile(io.BytesIO(source)) as original, zipfile.ZipFile(
        target, "w", zipfile.ZIP_DEFLATED
    ) as archive:
        for info in original.infolist():
            archive.writestr(info.filename, change(info.filename, original.read(info)))


def _small_plan_pdf(path: Path, owner: str, extra: list[str] | None = None) -> None:
    spec = Spec(file=path.name, municipality=owner,
                levels=dict.fromkeys(REQUIREMENT_IDS, STRONG))
    lines: list[tuple[str, str, float]] = []
    for text in extra or []:
        lines.extend((line, "Helvetica", 11) for line in _wrap(text, 11))
    for number, (title, paragraphs, _) in enumerate(chapters(spec, random.Random(7)), 1):
        lines.append((f"{number} {title}", "Helvetica-Bold", 14))
        for text in paragraphs:
            lines.extend((line, "Helvetica", 11) for line in _wrap(text, 11))
    draw_pdf(path, owner, PLAN_TITLE["nb"], lines)


SCRIPT_TEXT = "<script>alert(1)</script>"
FORMULA_NAME = "=cmd-plan.pdf"
"""No municipality in its text, so the row label falls back to the file name: "=cmd"."""


def make_bad_inputs(folder: Path, examples: Path) -> list[BadInput]:
    """One of each bad input (issue 6) and some good plans; returns what each should give.
    The missing path is not created: its name is `MISSING`."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    items: list[BadInput] = []

    def add(name: str, code: str | None, warning: bool = False) -> Path:
        items.append(BadInput(name, code, warning))
        return folder / name

    # good plans
    shutil.copy(examples / "fullstendig-plan-bokmal.docx", add("god-fjellvik.docx", None))
    shutil.copy(examples / "nynorsk-plan-med-hol.pdf", add("god-straumdal.pdf", None))
    # lying extensions: read by content, with a warning
    shutil.copy(examples / "fullstendig-plan-bokmal.pdf", add("pdf-som-heter.docx", None, True))
    shutil.copy(examples / "horingsutkast-delvis.docx", add("docx-som-heter.pdf", None, True))
    add(MISSING, "not-found")
    add("tom.pdf", "empty").write_bytes(b"")
    add("uten-tekst.docx", "empty").write_bytes(
        _docx_bytes(lambda d: [d.add_paragraph("") for _ in range(3)])
    )
    add("gammel.doc", "legacy-format").write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048
    )
    add("plan.rtf", "legacy-format").write_bytes(
        rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Plan for forebygging i Rtfvik kommune.}"
    )
    with zipfile.ZipFile(add("plan.pages", "legacy-format"), "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00\x01\x02")
        archive.writestr("Metadata/Properties.plist", b"<plist/>")
    _odt(add("odtvik.odt", None))
    good_pdf = (examples / "nynorsk-plan-med-hol.pdf").read_bytes()
    add("avkortet.pdf", "corrupt").write_bytes(good_pdf[: len(good_pdf) // 3])
    add("skadet-zip.docx", "corrupt").write_bytes(
        _docx_bytes(lambda d: d.add_paragraph("Ansvar og samarbeid."))[:4000]
    )
    source_pdf = folder / ".kilde.pdf"
    _small_plan_pdf(source_pdf, "Passvik kommune")
    _qpdf(source_pdf, add("passord.pdf", "encrypted"), user="hemmelig")
    _qpdf(source_pdf, add("bare-eierpassord.pdf", None), user="")
    source_pdf.unlink()
    _image_pdf(add("skannet.pdf", "no-text-layer"), Image, ImageDraw)
    plain = _docx_bytes(lambda d: d.add_paragraph("Tekst om samarbeid i Bombevik kommune."))

    _rewrite_zip(plain, add("zip-bombe.docx", "unsafe"), lambda name, data: data)
    with zipfile.ZipFile(folder / "zip-bombe.docx", "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/fyll.bin", b"\0" * (40 * 1024 * 1024))
    bomb = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]>')

    def entities(name: str, data: bytes) -> bytes:
        return bomb + data.split(b"?>", 1)[1] if name == "word/document.xml" else data

    _rewrite_zip(plain, add("entitet-bombe.docx", "unsafe"), entities)
    _small_plan_pdf(add(FORMULA_NAME, None), "", extra=[
        f"{SCRIPT_TEXT} Ansvaret er fordelt slik: barnehagen og skolen har ansvar for "
        "universelle tiltak, og helsestasjonen har ansvar for oppfølging av familier.",
    ])
    return items


MISSING = "finnes-ikke.pdf"


def _odt(path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.style import Style, TextProperties
    from odf.text import H, P

    document = OpenDocumentText()
    heading = Style(name="Heading 1", family="paragraph")
    heading.addElement(TextProperties(fontsize="16pt", fontweight="bold"))
    document.styles.addElement(heading)
    document.text.addElement(P(text="Odtvik kommune"))
    spec = Spec(file=path.name, municipality="Odtvik kommune",
                levels=dict.fromkeys(REQUIREMENT_IDS, STRONG))
    for number, (title, paragraphs, _) in enumerate(chapters(spec, random.Random(3)), 1):
        document.text.addElement(H(outlinelevel=1, stylename=heading, text=f"{number} {title}"))
        for text in paragraphs:
            document.text.addElement(P(text=text))
    document.save(str(path))


def _qpdf(source: Path, target: Path, user: str) -> None:
    subprocess.run(["qpdf", "--encrypt", user, "eier-passord", "256", "--", str(source),
                    str(target)], check=True)


def _image_pdf(path: Path, image_module, draw_module) -> None:
    """A 'scan': each page one image of grey text lines, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = image_module.new("RGB", (600, 850), "white")
    draw = draw_module.Draw(image)
    for row in range(40):
        draw.rectangle((50, 40 + row * 19, 50 + (row * 37) % 450 + 50, 50 + row * 19), fill="grey")
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        pdf.drawImage(ImageReader(image), 30, 30, width=535, height=780)
        pdf.showPage()
    pdf.save()


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "batch70")
    for made in make_batch(target):
        print(made.file, made.kind, made.error or "")
