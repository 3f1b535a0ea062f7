"""Build the held-out test set from hand-written plans in corpus-holdout/passages/*.yaml.

Why a separate set: the matcher was tuned on corpus/; these plans were written independently
(own phrasing, own municipalities, own document shapes) to measure how it generalises. Labels
were decided when each block was written, by corpus/GUIDELINES.md, and live next to the text
(`ev:` on each block); a document's label per requirement is the highest level any block
reaches, and its evidence lists every block at that level (heading above + verbatim quote).

Usage:
    .venv/bin/python corpus-holdout/build.py             # docs/*, labels.yaml
    .venv/bin/python corpus-holdout/build.py --lint      # also list unlabelled blocks that
                                                         # contain requirement-like words
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "corpus"))

import buildkit

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
PASSAGES = HERE / "passages"
FONT = "Carlito"
# Words that hint at requirement content; an unlabelled block containing one is listed by
# --lint so the writer can decide (and record) whether it earns a label. Not used for labels.
LINT = re.compile(
    r"ansvar|organis|samarb|samhand|uenig|usemj|uklar|medvirk|medverk|ungdomsråd|vedt|"
    r"kommunestyre|bystyre|tiltak|evaluer|rulle|15-1|3-1|3 -1|kommuneplan|planstrategi|"
    r"\bmål|strategi|visjon|helsestasjon|barnevern|\bppt\b|\bnav\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- filler


def filler(kind: str, lang: str, seed: int, place: str, villages: list[str]) -> list[dict]:
    """Neutral statistics and place descriptions (no requirement content), as real plans'
    kunnskapsgrunnlag chapters have. Deterministic per document."""
    rnd = random.Random(seed)
    nn = lang == "nn"
    blocks: list[dict] = []
    if kind == "befolkning":
        base = rnd.randint(180, 2400)
        rows = [["År", "0–5 år", "6–12 år", "13–15 år", "16–19 år", "I alt 0–19"]]
        for year in range(2014, 2025):
            vals = [max(5, int(base * f * rnd.uniform(0.92, 1.06))) for f in (0.9, 1.1, 0.45, 0.6)]
            rows.append([str(year), *map(str, vals), str(sum(vals))])
        born_a, born_b = rnd.randint(40, 400), rnd.randint(30, 380)
        blocks += [
            {"h2": "Folketal og alderssamansetjing" if nn else "Befolkning og alderssammensetning"},
            {"p": (f"Folketalet i {place} har halde seg nokså stabilt det siste tiåret, men "
                   f"talet på fødde har gått frå {born_a} i 2014 til {born_b} i 2024. Delen "
                   "innbyggjarar over 67 år aukar kvart år, og fleire unge vaksne flyttar ut "
                   "for å ta utdanning.") if nn else
                  (f"Folketallet i {place} har vært forholdsvis stabilt det siste tiåret, men "
                   f"antall fødte har gått fra {born_a} i 2014 til {born_b} i 2024. Andelen "
                   "innbyggere over 67 år øker hvert år, og flere unge voksne flytter ut for "
                   "å ta utdanning.")},
            {"table": rows, "caption": "Tabell: Innbyggjarar 0–19 år (SSB)" if nn else
             "Tabell: Innbyggere 0–19 år (SSB)"},
        ]
    elif kind == "levekar":
        def v(lo: float, hi: float) -> str:
            return f"{rnd.uniform(lo, hi):.1f}".replace(".", ",")
        rows = [["Indikator", place, "Fylket", "Landet"]]
        names = (["Born i hushald med vedvarande låginntekt (%)", "Einslege forsørgjarar (%)",
                  "Trongbuddheit, 0–17 år (%)", "Arbeidsløyse 15–29 år (%)",
                  "Fullført vidaregåande innan fem år (%)", "Uføretrygda 18–44 år (%)"] if nn
                 else ["Barn i husholdninger med vedvarende lavinntekt (%)",
                       "Enslige forsørgere (%)", "Trangboddhet, 0–17 år (%)",
                       "Arbeidsledighet 15–29 år (%)",
                       "Fullført videregående innen fem år (%)", "Uføretrygdede 18–44 år (%)"])
        ranges = [(6, 16), (10, 18), (12, 30), (2, 6), (70, 86), (2, 5)]
        for name, (lo, hi) in zip(names, ranges, strict=True):
            rows.append([name, v(lo, hi), v(lo, hi), v(lo, hi)])
        blocks += [
            {"h2": "Levekår"},
            {"p": ("Tala under er henta frå Folkehelseprofilen og Kommunehelsa statistikkbank. "
                   "Dei fleste indikatorane ligg nær landssnittet, men delen born i hushald med "
                   "låg inntekt har auka noko sidan førre oversikt.") if nn else
                  ("Tallene under er hentet fra Folkehelseprofilen og Kommunehelsa "
                   "statistikkbank. De fleste indikatorene ligger nær landsgjennomsnittet, men "
                   "andelen barn i husholdninger med lav inntekt har økt noe siden forrige "
                   "oversikt.")},
            {"table": rows},
        ]
    elif kind == "ungdata":
        year = rnd.choice([2021, 2022, 2023, 2024])
        names = (["Nøgd med lokalmiljøet", "Har minst éin fortruleg ven",
                  "Ofte plaga av einsemd", "Har vore rusa på alkohol siste år",
                  "Trenar jamleg", "Meir enn tre timar skjermtid dagleg",
                  "Trur dei vil få eit godt og lukkeleg liv"] if nn else
                 ["Fornøyd med lokalmiljøet", "Har minst én fortrolig venn",
                  "Ofte plaget av ensomhet", "Har vært beruset siste år", "Trener jevnlig",
                  "Mer enn tre timer skjermtid daglig", "Tror de vil få et godt og lykkelig liv"])
        rows = [["Spørsmål (ungdomstrinnet)", "Gutar" if nn else "Gutter", "Jenter", "Landet"]]
        for name in names:
            rows.append([name, f"{rnd.randint(8, 90)} %", f"{rnd.randint(8, 90)} %",
                         f"{rnd.randint(8, 90)} %"])
        part = rnd.randint(71, 93)
        blocks += [
            {"h2": f"Ungdata {year}"},
            {"p": (f"Ungdata vart gjennomført våren {year} med ein svarprosent på {part}. "
                   "Jentene rapporterer meir einsemd og stress enn gutane, medan gutane oftare "
                   "oppgjev lang skjermtid. Dei fleste er nøgde med foreldra sine og har "
                   "vener dei kan stole på.") if nn else
                  (f"Ungdata ble gjennomført våren {year} med en svarprosent på {part}. "
                   "Jentene rapporterer mer ensomhet og stress enn guttene, mens guttene oftere "
                   "oppgir lang skjermtid. De fleste er fornøyd med foreldrene sine og har "
                   "venner de kan stole på.")},
            {"table": rows},
        ]
    elif kind == "bygder":
        trades = (["havbruk", "landbruk", "reiseliv", "industri", "handel"])
        for village in villages:
            km, pop = rnd.randint(4, 48), rnd.randint(150, 2900)
            trade = rnd.choice(trades)
            rows = [["Aldersgruppe", "2019", "2024"]]
            for group in ("0–5 år", "6–15 år", "16–19 år", "20–66 år", "67 år +"):
                rows.append([group, str(rnd.randint(10, 600)), str(rnd.randint(10, 600))])
            blocks += [
                {"h2": village},
                {"p": (f"{village} ligg {km} km frå kommunesenteret og har om lag {pop} "
                       f"innbyggjarar. Dei fleste arbeider innan {trade} eller pendlar til "
                       "sentrum. Bygda har butikk, grendehus og ballbinge, og kollektivtilbodet "
                       "er avgrensa utanom morgon og ettermiddag. Fleire familiar har flytta "
                       "til bygda dei siste åra, og bustadfeltet ved sjøen er nesten "
                       "utbygd.") if nn else
                      (f"{village} ligger {km} km fra kommunesenteret og har om lag {pop} "
                       f"innbyggere. De fleste arbeider innen {trade} eller pendler til "
                       "sentrum. Bygda har butikk, grendehus og ballbinge, og kollektivtilbudet "
                       "er begrenset utenom morgen og ettermiddag. Flere familier har flyttet "
                       "til bygda de siste årene, og boligfeltet ved sjøen er nesten "
                       "utbygd.")},
                {"table": rows},
            ]
    elif kind == "risiko":
        blocks += [
            {"h2": "Risiko- og beskyttelsesfaktorar" if nn else
             "Risiko- og beskyttelsesfaktorer"},
            {"p": ("Forsking viser at problem sjeldan har éi årsak. Risikoen aukar når fleire "
                   "belastningar kjem saman: langvarig låg inntekt, psykisk sjukdom eller rus "
                   "hjå foreldra, høgt konfliktnivå etter samlivsbrot, vald i heimen og "
                   "sosial isolasjon. Hjå barnet sjølv kan eit vanskeleg temperament, "
                   "lærevanskar og tidleg rusdebut auke sårbarheita.") if nn else
                  ("Forskning viser at problemer sjelden har én årsak. Risikoen øker når flere "
                   "belastninger opptrer samtidig: langvarig lav inntekt, psykisk sykdom eller "
                   "rus hos foreldrene, høyt konfliktnivå etter samlivsbrudd, vold i hjemmet og "
                   "sosial isolasjon. Hos barnet selv kan et vanskelig temperament, "
                   "lærevansker og tidlig rusdebut øke sårbarheten.")},
            {"p": ("Beskyttande faktorar er mellom anna ein trygg tilknyting til minst éin "
                   "vaksen, venner, meistring, ei meiningsfull fritid og eit lokalmiljø der "
                   "folk kjenner kvarandre. Dei same faktorane går att i dei fleste "
                   "oversiktene, og dei er utgangspunktet for satsingane vidare.") if nn else
                  ("Beskyttende faktorer er blant annet en trygg tilknytning til minst én "
                   "voksen, venner, mestring, en meningsfull fritid og et lokalmiljø der folk "
                   "kjenner hverandre. De samme faktorene går igjen i de fleste "
                   "kunnskapsoversiktene, og de er utgangspunktet for satsingene videre.")},
        ]
    elif kind == "begreper":
        rows = ([["Omgrep", "Forklaring"],
                 ["Omsorgssvikt", "Når foreldre eller andre omsorgspersonar ikkje dekkjer "
                  "behova til barnet for omsorg, tryggleik og stimulering"],
                 ["Åtferdsvanskar", "Gjentekne handlingar som bryt med normer og "
                  "forventningar, og som går ut over barnet sjølv eller andre"],
                 ["Førebygging", "Innsats som skal hindre at problem oppstår eller veks seg "
                  "større"],
                 ["Helsefremjing", "Arbeid som styrkjer det som gjev god helse og trivsel"],
                 ["Tidleg innsats", "Å handle tidleg i livet eller tidleg i utviklinga av eit "
                  "problem"]] if nn else
                [["Begrep", "Forklaring"],
                 ["Omsorgssvikt", "Når foreldre eller andre omsorgspersoner ikke dekker "
                  "barnets behov for omsorg, trygghet og stimulering"],
                 ["Atferdsvansker", "Gjentatte handlinger som bryter med normer og "
                  "forventninger, og som går ut over barnet selv eller andre"],
                 ["Forebygging", "Innsats som skal hindre at problemer oppstår eller vokser "
                  "seg større"],
                 ["Helsefremming", "Arbeid som styrker det som gir god helse og trivsel"],
                 ["Tidlig innsats", "Å handle tidlig i livet eller tidlig i utviklingen av et "
                  "problem"]])
        blocks += [{"h2": "Omgrep i planen" if nn else "Begreper i planen"}, {"table": rows}]
    elif kind == "planprosess":
        rows = [["Fase", "Tidspunkt"],
                ["Oppstart og kunnskapsinnhenting",
                 "januar–mars"],
                ["Arbeidsmøte med einingsleiarar" if nn else "Arbeidsmøter med enhetsledere",
                 "april–mai"],
                ["Skriving av utkast", "juni–august"],
                ["Høyring" if nn else "Høring", "september–oktober"],
                ["Sluttføring" if nn else "Ferdigstilling", "november"]]
        blocks += [
            {"h2": "Planprosessen"},
            {"p": ("Arbeidet starta med ein gjennomgang av statistikk og erfaringar frå dei "
                   "tilsette. Ei arbeidsgruppe med fem personar har skrive planen, og fleire "
                   "av tekstane er bearbeidde etter innspel frå fagpersonar og frå lag og "
                   "organisasjonar.") if nn else
                  ("Arbeidet startet med en gjennomgang av statistikk og erfaringer fra de "
                   "ansatte. En arbeidsgruppe på fem personer har skrevet planen, og flere av "
                   "tekstene er bearbeidet etter innspill fra fagpersoner og fra lag og "
                   "foreninger.")},
            {"table": rows},
        ]
    else:
        raise ValueError(kind)
    return blocks


# ---------------------------------------------------------------- DOCX rendering


FONT_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3",
               "List Bullet", "List Number", "Table Grid", "Caption")
TEXT_KEYS = ("p", "meta", "title", "subtitle", "h1", "h2", "boldhead")
HEADING_KEYS = ("title", "h1", "h2", "boldhead")


def render(spec: dict, blocks: list[dict], out: Path) -> None:
    document = docx.Document()
    buildkit.apply_fonts(
        document, FONT, styles=FONT_STYLES, sizes=(16, 13, 26), color=(0x1F, 0x3A, 0x5F)
    )
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.3)
        if spec.get("header"):
            section.header.paragraphs[0].text = spec["header"]
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
            footer.add_run("Side ")
            buildkit.field(footer.add_run(), "PAGE")
    justify = spec.get("justify", False)
    for block in blocks:
        if "title" in block:
            document.add_paragraph(block["title"], style="Title")
        elif "subtitle" in block:
            document.add_paragraph(block["subtitle"], style="Subtitle")
        elif "h1" in block:
            heading = document.add_paragraph(block["h1"], style="Heading 1")
            if spec.get("chapter_breaks"):
                heading.paragraph_format.page_break_before = True
        elif "h2" in block:
            document.add_paragraph(block["h2"], style="Heading 2")
        elif "boldhead" in block:  # a bold Normal paragraph used as a heading
            document.add_paragraph().add_run(block["boldhead"]).bold = True
        elif "p" in block:
            para = document.add_paragraph(block["p"])
            if justify:
                para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif "meta" in block:
            para = document.add_paragraph()
            run = para.add_run(block["meta"])
            run.italic = True
            run.font.size = Pt(10)
        elif "bullets" in block:
            for item in block["bullets"]:
                document.add_paragraph(item, style="List Bullet")
        elif "numbered" in block:
            for item in block["numbered"]:
                document.add_paragraph(item, style="List Number")
        elif "table" in block:
            rows = block["table"]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = str(text)
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            if block.get("caption"):
                cap = document.add_paragraph()
                cap.add_run(block["caption"]).italic = True
            else:
                document.add_paragraph()
        elif "toc" in block:
            document.add_paragraph(block["toc"], style="Heading 1" if spec.get(
                "toc_heading_style") else None).runs[0].bold = True
            for line in block["lines"]:
                document.add_paragraph(line)
        elif "pagebreak" in block:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(f"unknown block {block}")
    document.save(str(out))


# ---------------------------------------------------------------- labels


def expand(spec: dict) -> list[dict]:
    out: list[dict] = []
    for i, block in enumerate(spec["blocks"]):
        if "filler" in block:
            seed = sum(map(ord, spec["file"])) * 31 + i
            out += filler(block["filler"], spec["language"], seed, spec["place"],
                          block.get("villages", []))
        else:
            out.append(block)
    return out


def lint_block(spec: dict, heading: str, block: dict, text: str) -> None:
    """--lint: an unlabelled body block with requirement-like words."""
    if "toc" not in block and not any(k in block for k in HEADING_KEYS):
        hits = sorted({m.group(0).lower() for m in LINT.finditer(text)})
        if hits:
            print(f"  lint {spec['file']} [{heading}] {hits}: {text[:90]!r}")


def labels_for(spec: dict, blocks: list[dict], lint: bool) -> dict[str, Any]:
    return buildkit.labels_for(
        spec,
        blocks,
        heading_keys=HEADING_KEYS,
        text_keys=TEXT_KEYS,
        unlabelled=lint_block if lint else None,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lint", action="store_true")
    args = parser.parse_args(argv)
    specs = [yaml.safe_load(p.read_text(encoding="utf-8"))
             for p in sorted(PASSAGES.glob("*.yaml"))]
    if DOCS.exists():
        shutil.rmtree(DOCS)
    DOCS.mkdir()
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        sources = []
        for spec in specs:
            blocks = expand(spec)
            src = tmpdir / f"{Path(spec['file']).stem}.docx"
            render(spec, blocks, src)
            sources.append(src)
            entries.append((spec, labels_for(spec, blocks, args.lint)))
        pdfdir = tmpdir / "pdf"
        pdfdir.mkdir()
        # one LibreOffice call for every document
        buildkit.convert(sources, pdfdir, "holdout", timeout=600)
        out = []
        for (spec, reqs), src in zip(entries, sources, strict=True):
            pdf = pdfdir / f"{src.stem}.pdf"
            n = buildkit.pages(pdf)
            if not 4 <= n <= 30:
                print(f"WARNING {spec['file']}: {n} pages (want 4–30)")
            target = DOCS / spec["file"]
            shutil.copy(pdf if spec["format"] == "pdf" else src, target)
            out.append(buildkit.document_entry(spec, n, reqs))
    header = ("# Generated by corpus-holdout/build.py from corpus-holdout/passages/*.yaml - do "
              "not edit by hand.\n# Labels follow corpus/GUIDELINES.md (held-out set, never "
              "tuned against).\n")
    buildkit.write_labels(HERE / "labels.yaml", header, "../corpus/GUIDELINES.md", out)
    total = sum(d["pages"] for d in out)
    size = sum(p.stat().st_size for p in DOCS.iterdir())
    print(f"{len(out)} documents, {total} pages, {size / 1e6:.1f} MB")
    for d in out:
        print(f"  {d['file']:45} {d['language']} {d['format']:4} {d['pages']:>3} p")
    return 0


if __name__ == "__main__":
    sys.exit(main())
