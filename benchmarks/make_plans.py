"""Generates realistic prevention plans for the benchmarks (DOCX, and PDF via LibreOffice).

Plans look like a Word export: a title page naming the municipality, a table of contents
with dot leaders, numbered Heading 1/2 sections, a running header (municipality) and footer
(page number), tables, bullet lists, and Norwegian text (bokmål, some nynorsk) that covers
the requirements of barnevernsloven § 15-1 to varied degrees. All DOCX files are converted
to PDF by ONE `soffice --headless --convert-to pdf` call.

    .venv/bin/python benchmarks/make_plans.py            # sizes 10/60/120/400 + batch of 70
    .venv/bin/python benchmarks/make_plans.py --sizes 10 --batch 0

Output: benchmarks/_data/sizes/plan-<pages>.{docx,pdf} and benchmarks/_data/batch70/
(67 plans, 3 corrupt files: truncated PDF, an image renamed .pdf, an empty .pdf; plus a logo
and a spreadsheet that the batch must skip). Existing files are reused unless --force.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

DATA = Path(__file__).parent / "_data"
LO_PROFILE = "file:///tmp/lo_profile_bench"
PAGES_PER_UNIT = 0.55
"""One unit (a level-2 section: heading, 3 paragraphs, list or table) is about 0.55 of a
page, calibrated on LibreOffice's rendering of the default python-docx template."""

MUNICIPALITIES = (
    "Asker kommune",
    "Fredrikstad kommune",
    "Sarpsborg kommune",
    "Marker kommune",
    "Rakkestad kommune",
    "Våler kommune",
    "Råde kommune",
    "Skiptvet kommune",
    "Moss kommune",
    "Halden kommune",
    "Hvaler kommune",
    "Aremark kommune",
    "Drammen kommune",
    "Kongsberg kommune",
    "Ringerike kommune",
    "Hole kommune",
    "Flå kommune",
    "Nesbyen kommune",
    "Gol kommune",
    "Hemsedal kommune",
    "Ål kommune",
    "Hol kommune",
    "Sigdal kommune",
    "Krødsherad kommune",
    "Modum kommune",
    "Øvre Eiker kommune",
    "Lier kommune",
    "Flesberg kommune",
    "Rollag kommune",
    "Nore og Uvdal kommune",
    "Bærum kommune",
    "Aurskog-Høland kommune",
    "Eidsvoll kommune",
    "Enebakk kommune",
    "Frogn kommune",
    "Gjerdrum kommune",
    "Hurdal kommune",
    "Lørenskog kommune",
    "Nannestad kommune",
    "Nes kommune",
    "Nesodden kommune",
    "Nittedal kommune",
    "Rælingen kommune",
    "Ullensaker kommune",
    "Vestby kommune",
    "Ås kommune",
    "Indre Østfold kommune",
    "Nordre Follo kommune",
    "Lillestrøm kommune",
    "Jevnaker kommune",
    "Lunner kommune",
    "Bydel Gamle Oslo",
    "Bydel Alna",
    "Bydel Bjerke",
    "Bydel Frogner",
    "Bydel Grorud",
    "Bydel Grünerløkka",
    "Bydel Nordre Aker",
    "Bydel Nordstrand",
    "Bydel Sagene",
    "Bydel St. Hanshaugen",
    "Bydel Stovner",
    "Bydel Søndre Nordstrand",
    "Bydel Ullern",
    "Bydel Vestre Aker",
    "Bydel Østensjø",
    "Voss herad",
)

# Requirement chapters: (heading, strong text, weak text). Strong = a described section;
# weak = a passing mention; absent = left out of the plan.
REQUIREMENTS = (
    (
        "Mål og strategier",
        "Det overordnede målet er at barn og unge i {k} skal vokse opp i trygge familier. "
        "Strategiene for hele tjenestetilbudet er tidlig innsats, helhetlige tjenester og "
        "styrket foreldreveiledning. Målene følges opp med delmål for hver sektor.",
        "Kommunen har som mål at barn skal ha det bra.",
    ),
    (
        "Ansvarsfordeling",
        "Ansvaret er fordelt mellom tjenestene slik: barnehagen og skolen har ansvar for "
        "universelle tiltak, helsestasjonen har ansvar for oppfølging av familier, og "
        "barneverntjenesten har ansvar for tiltak etter barnevernsloven. Ansvarsfordelingen "
        "mellom sektorene er beskrevet i tabellen under.",
        "Alle har et ansvar for barna.",
    ),
    (
        "Organisering av arbeidet",
        "Arbeidet er organisert i et tverrfaglig oppvekstteam ledet av kommunalsjef for "
        "oppvekst. Teamet møtes månedlig, og hver virksomhet har en fast kontaktperson. "
        "Oppgaveløsningen er organisert etter BTI-modellen med handlingsveileder.",
        "Arbeidet organiseres på vanlig måte.",
    ),
    (
        "Samarbeid mellom tjenestene",
        "Tjenestene samarbeider gjennom faste samarbeidsmøter, felles rutiner for "
        "bekymringssaker og en samarbeidsavtale mellom barnehage, skole, PPT, helsestasjon og "
        "barneverntjenesten. Det tverrfaglige samarbeidet evalueres årlig.",
        "Vi samarbeider godt.",
    ),
    (
        "Avklaring ved uenighet om ansvar",
        "Når det er uklart eller uenighet om hvilken tjeneste som har ansvaret, skal saken "
        "løftes til kommunalsjef, som avklarer ansvaret innen to uker. Ledelsen fatter "
        "beslutning og dokumenterer avklaringen.",
        "Uenighet løses i dialog.",
    ),
    (
        "Barn og unges medvirkning",
        "Barn og unge har medvirket i arbeidet med planen gjennom ungdomsrådet, elevrådene og "
        "en spørreundersøkelse. Barns stemme skal høres i alle saker, og ungdomsrådet gir "
        "innspill til revisjonen av planen.",
        "Barn kan gi innspill.",
    ),
    (
        "Politisk behandling",
        "Planen ble vedtatt av kommunestyret 14. mars 2024, sak 23/24.",
        "Planen skal behandles politisk.",
    ),
    (
        "Tjenesteområder",
        "Planen omfatter barnehage, skole, PP-tjenesten, helsestasjon og skolehelsetjenesten, "
        "barneverntjenesten, NAV, SLT og utekontakten, samt kultur og fritid.",
        "Planen gjelder flere tjenester.",
    ),
    (
        "Forebyggende tiltak",
        "Tiltakene er delt i universelle tiltak for alle barn, selektive tiltak for grupper "
        "med økt risiko og indikerte tiltak for barn med begynnende vansker. Eksempler er "
        "foreldreveiledning (ICDP), Zippys venner og oppfølging av skolefravær.",
        "Det finnes noen tiltak.",
    ),
    (
        "Oppfølging og evaluering",
        "Planen følges opp gjennom årlig rapportering på indikatorer som skolefravær, "
        "bekymringsmeldinger og Ungdata. Planen evalueres hvert andre år og revideres i "
        "kommunestyreperioden.",
        "Planen skal følges opp.",
    ),
    (
        "Lovgrunnlag",
        "Planen er utarbeidet etter barnevernsloven § 15-1 annet ledd, som pålegger "
        "kommunestyret å vedta en plan for det forebyggende arbeidet.",
        "Planen er utarbeidet etter barnevernloven § 3-1.",
    ),
    (
        "Sammenheng med andre planer",
        "Planen er forankret i kommuneplanens samfunnsdel og ses i sammenheng med "
        "folkehelseplanen, rusmiddelpolitisk handlingsplan og kompetanseplanen for oppvekst.",
        "Planen har sammenheng med andre planer.",
    ),
)

FILLER = (
    "Kommunen har de siste årene sett en økning i antall bekymringsmeldinger.",
    "Levekårsundersøkelsen viser at de fleste barn trives på skolen og i fritiden.",
    "Ungdata-undersøkelsen fra 2023 viser at flere unge opplever stress og press.",
    "Familier med lav inntekt har oftere behov for hjelp fra flere tjenester samtidig.",
    "Foreldre etterspør mer informasjon om hvilke tilbud som finnes i nærmiljøet.",
    "Barnehagene rapporterer om god kontakt med helsestasjonen.",
    "Andelen barn som deltar i organiserte fritidsaktiviteter har gått noe ned.",
    "Ansatte i skolen ønsker mer kompetanse om psykisk helse blant elever.",
    "Det er store forskjeller mellom skolekretsene i fravær og trivsel.",
    "Kommunen har etablert et lavterskeltilbud for ungdom i sentrum.",
    "Frivillige organisasjoner bidrar med leksehjelp og fritidstilbud.",
    "Flere tiltak er finansiert gjennom tilskudd fra Bufdir og Helsedirektoratet.",
    "Innbyggertallet ventes å øke, særlig blant småbarnsfamilier.",
    "Kartleggingen viser at tjenestene har ulike rutiner for dokumentasjon.",
    "Erfaringene fra prosjektperioden er gode og videreføres i planperioden.",
)
NYNORSK_FILLER = (
    "Kommunen har dei siste åra sett ein auke i talet på bekymringsmeldingar.",
    "Dei fleste barn trivst på skulen og i fritida.",
    "Fleire unge opplever stress og press, viser Ungdata-undersøkinga.",
    "Familiar med låg inntekt treng oftare hjelp frå fleire tenester samstundes.",
    "Tilsette i skulen ønskjer meir kompetanse om psykisk helse.",
)
BULLETS = (
    "Foreldreveiledning i grupper",
    "Samarbeidsmøter mellom skole og helsetjeneste",
    "Oppfølging av barn med høyt fravær",
    "Lavterskel samtaletilbud for ungdom",
    "Kurs for ansatte i barnehagene",
    "Ferietilbud for familier med lav inntekt",
)


def paragraph(rng: random.Random, nynorsk: bool, sentences: int = 5) -> str:
    pool = NYNORSK_FILLER if nynorsk else FILLER
    return " ".join(rng.choice(pool) for _ in range(sentences))


def add_page_field(paragraph_) -> None:
    """A PAGE field, so every page's footer carries its number (removed by the reader)."""
    run = paragraph_.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def build_plan(path: Path, name: str, pages: int, seed: int, nynorsk: bool = False) -> None:
    """One plan of about `pages` pages; the seed decides which requirements are covered."""
    rng = random.Random(seed)
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{name} – Plan for forebyggende arbeid"
    footer = section.footer.paragraphs[0]
    footer.text = "Side "
    add_page_field(footer)

    document.add_paragraph(name).runs[0].font.size = Pt(20)
    document.add_heading("Plan for forebyggende arbeid for barn og unge 2025–2028", 0)
    document.add_paragraph(f"Vedtatt av kommunestyret i {name}.")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    units = max(4, int((pages - 2) / PAGES_PER_UNIT))  # minus title page and TOC
    chapters = _chapters(rng, units)
    document.add_heading("Innhold", 1)
    for number, (title, _) in enumerate(chapters, 1):
        document.add_paragraph(f"{number} {title}\t{'.' * 40} {number + 2}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for number, (title, body) in enumerate(chapters, 1):
        document.add_heading(f"{number} {title}", 1)
        for sub, (sub_title, text) in enumerate(body, 1):
            document.add_heading(f"{number}.{sub} {sub_title}", 2)
            _section_body(document, rng, text, nynorsk)
    document.save(path)


def _chapters(rng: random.Random, units: int) -> list[tuple[str, list[tuple[str, str]]]]:
    """Requirement chapters (strong, weak or absent) spread among background chapters."""
    chapters: list[tuple[str, list[tuple[str, str]]]] = []
    for heading, strong, weak in REQUIREMENTS:
        roll = rng.random()
        if roll < 0.65:
            chapters.append((heading, [(heading, strong), ("Utdyping", "")]))
        elif roll < 0.85:
            chapters.append((heading, [(heading, weak)]))
    used = sum(len(body) for _, body in chapters)
    background = 0
    while used < units:
        background += 1
        size = min(6, units - used)
        body = [(f"Status og utfordringer {background}.{i}", "") for i in range(1, size + 1)]
        chapters.insert(rng.randrange(len(chapters) + 1), (f"Kunnskapsgrunnlag {background}", body))
        used += size
    return chapters


def _section_body(document, rng: random.Random, text: str, nynorsk: bool) -> None:
    if text:
        document.add_paragraph(text)
    for _ in range(3):
        document.add_paragraph(paragraph(rng, nynorsk))
    if rng.random() < 0.5:
        for item in rng.sample(BULLETS, 3):
            document.add_paragraph(item, style="List Bullet")
    else:
        table = document.add_table(rows=4, cols=3)
        table.style = "Table Grid"
        for row, cells in enumerate(
            [("Tjeneste", "Ansvar", "Frist")]
            + [
                (
                    rng.choice(("Skole", "Barnehage", "Helsestasjon", "NAV")),
                    rng.choice(("Koordinere", "Følge opp", "Rapportere")),
                    f"{2025 + row}",
                )
                for row in range(3)
            ]
        ):
            for column, value in enumerate(cells):
                table.cell(row, column).text = value


def convert_to_pdf(docx_files: list[Path]) -> None:
    """ONE LibreOffice process for all files (its start-up costs seconds each time); the
    PDFs land in a scratch folder and are moved beside their DOCX."""
    if not docx_files:
        return
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={LO_PROFILE}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                scratch,
                *map(str, docx_files),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for docx in docx_files:
            shutil.move(Path(scratch) / f"{docx.stem}.pdf", docx.with_suffix(".pdf"))


def make_sizes(sizes: list[int], force: bool) -> list[Path]:
    folder = DATA / "sizes"
    folder.mkdir(parents=True, exist_ok=True)
    todo = []
    for pages in sizes:
        docx = folder / f"plan-{pages:03d}.docx"
        if force or not docx.with_suffix(".pdf").exists():
            build_plan(docx, "Vestby kommune", pages, seed=pages)
            todo.append(docx)
    return todo


def make_batch(count: int, force: bool) -> list[Path]:
    """`count` files: plans of about 60 pages (every 8th kept as DOCX, every 11th nynorsk),
    three corrupt files, and two non-plans that must be skipped."""
    folder = DATA / f"batch{count}"
    if folder.exists() and not force:
        return []
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    plans = count - 3
    todo: list[Path] = []
    for index in range(plans):
        name = MUNICIPALITIES[index % len(MUNICIPALITIES)]
        slug = name.lower().replace(" ", "-").replace(".", "")
        docx = folder / f"{index:02d}-{slug}.docx"
        build_plan(docx, name, 60, seed=1000 + index, nynorsk=index % 11 == 10)
        if index % 8 != 7:  # every 8th plan stays a DOCX
            todo.append(docx)
    return todo


def finish_batch(count: int) -> None:
    """After conversion: drop the converted DOCX, add corrupt files and non-plans."""
    folder = DATA / f"batch{count}"
    pdfs = sorted(folder.glob("*.pdf"))
    for docx in folder.glob("*.docx"):
        if docx.with_suffix(".pdf").exists():
            docx.unlink()
    if not pdfs:
        return
    good = pdfs[0].read_bytes()
    (folder / "97-avkortet.pdf").write_bytes(good[: len(good) * 2 // 5])
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    (folder / "98-skannet-bilde.pdf").write_bytes(png)
    (folder / "99-tom.pdf").write_bytes(b"")
    (folder / "logo.png").write_bytes(png)
    (folder / "oversikt.xlsx").write_bytes(_tiny_xlsx())


def _tiny_xlsx() -> bytes:
    import zipfile

    with tempfile.TemporaryFile() as handle:
        with zipfile.ZipFile(handle, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
        handle.seek(0)
        return handle.read()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 60, 120, 400])
    parser.add_argument("--batch", type=int, default=70, help="files in the batch (0 = none)")
    parser.add_argument("--force", action="store_true", help="rebuild existing files")
    args = parser.parse_args(argv)
    if shutil.which("soffice") is None:
        print("soffice (LibreOffice) is needed to make the PDFs", file=sys.stderr)
        return 2
    todo = make_sizes(args.sizes, args.force)
    if args.batch:
        todo += make_batch(args.batch, args.force)
    convert_to_pdf(todo)
    if args.batch:
        finish_batch(args.batch)
    print(f"plans in {DATA}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
