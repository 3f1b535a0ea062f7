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

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import docx
import pypdfium2
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
PASSAGES = HERE / "passages"
LEVELS = {"missing": 0, "partial": 1, "covered": 2}
REQUIREMENTS = (
    "mal-og-strategier",
    "ansvarsfordeling",
    "organisering",
    "samarbeid",
    "avklaring-ved-uenighet",
    "barn-og-unges-medvirkning",
    "kommunestyrevedtak",
    "tjenesteomrader",
    "tiltak",
    "oppfolging-og-evaluering",
    "lovgrunnlag",
    "sammenheng-med-andre-planer",
)
HEADING_KEYS = ("title", "h1", "h2", "boldhead", "plainhead")


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


# ---------------------------------------------------------------- DOCX rendering


def _field(run: Any, instr: str) -> None:
    for tag, text in (("begin", None), (None, instr), ("separate", None), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _fonts(document: Any, font: str) -> None:
    for name in (
        "Normal",
        "Title",
        "Subtitle",
        "Heading 1",
        "Heading 2",
        "List Bullet",
        "List Number",
        "Table Grid",
    ):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.font.name = font
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.append(rfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), font)
    document.styles["Normal"].font.size = Pt(11 if font == "Carlito" else 12)
    for name, size in (("Heading 1", 15), ("Heading 2", 12), ("Title", 24)):
        document.styles[name].font.size = Pt(size)
        document.styles[name].font.color.rgb = RGBColor(0x22, 0x44, 0x33)


def render(spec: dict, blocks: list[dict], out: Path) -> None:
    document = docx.Document()
    _fonts(document, spec.get("font", "Carlito"))
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.4)
        section.top_margin = section.bottom_margin = Cm(2.2)
        if spec.get("header"):
            section.header.paragraphs[0].text = spec["header"]
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            footer.add_run("Side ")
            _field(footer.add_run(), "PAGE")
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
        elif "boldhead" in block:
            document.add_paragraph().add_run(block["boldhead"]).bold = True
        elif "plainhead" in block:  # numbered paragraph, Normal style, no bold: "3. Ansvar"
            para = document.add_paragraph(block["plainhead"])
            para.paragraph_format.space_before = Pt(10)
        elif "p" in block:
            para = document.add_paragraph(block["p"])
            if spec.get("justify"):
                para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif "meta" in block:
            run = document.add_paragraph().add_run(block["meta"])
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
            document.add_paragraph(block.get("caption", ""))
        elif "toc" in block:
            document.add_paragraph().add_run(block["toc"]).bold = True
            for line in block["lines"]:
                document.add_paragraph(line)
        elif "pagebreak" in block:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            raise ValueError(f"unknown block {block}")
    document.save(str(out))


# ---------------------------------------------------------------- labels


def block_text(block: dict) -> str:
    for key in ("p", "meta", "subtitle", *HEADING_KEYS):
        if key in block:
            return block[key]
    if "bullets" in block or "numbered" in block:
        return "\n".join(block.get("bullets") or block.get("numbered"))
    if "table" in block:
        return "\n".join(" | ".join(map(str, row)) for row in block["table"])
    if "toc" in block:
        return "\n".join(block["lines"])
    return ""


def default_quote(block: dict) -> str:
    if "table" in block:
        return str(block["table"][1][0])
    if "bullets" in block or "numbered" in block:
        text = (block.get("bullets") or block.get("numbered"))[0]
    else:
        text = block_text(block)
    first = re.split(r"(?<=[.!?:])\s", text, maxsplit=1)[0]
    if len(first) > 110:
        first = first[:110].rsplit(" ", 1)[0]
    return first


def expand(spec: dict) -> list[dict]:
    out: list[dict] = []
    for i, block in enumerate(spec["blocks"]):
        if "filler" in block:
            rnd = random.Random(sum(map(ord, spec["file"])) * 17 + i)
            out += filler(block["filler"], spec["language"] == "nn", rnd, spec["place"], block)
        else:
            out.append(block)
    return out


def labels_for(spec: dict, blocks: list[dict]) -> dict[str, Any]:
    best: dict[str, tuple[int, list[dict]]] = {r: (0, []) for r in REQUIREMENTS}
    heading = ""
    for block in blocks:
        for key in HEADING_KEYS:
            if key in block:
                heading = block[key]
        text = block_text(block)
        for req, status in (block.get("ev") or {}).items():
            if req not in REQUIREMENTS or status not in LEVELS:
                raise ValueError(f"{spec['file']}: bad label {req}: {status}")
            quote = (block.get("qs") or {}).get(req) or block.get("q") or default_quote(block)
            if quote not in text:
                raise ValueError(f"{spec['file']}: quote not in block: {quote!r}")
            level = LEVELS[status]
            if level == 0:
                continue
            current, locs = best[req]
            loc = {"section": heading, "quote": quote}
            if level > current:
                best[req] = (level, [loc])
            elif level == current and loc not in locs:
                locs.append(loc)
    names = {v: k for k, v in LEVELS.items()}
    return {
        req: {"status": names[level], "evidence": locs if level else "none"}
        for req, (level, locs) in best.items()
    }


def convert(docx_files: list[Path], outdir: Path) -> None:
    subprocess.run(
        [
            "soffice",
            "-env:UserInstallation=file:///tmp/lo_profile_holdout3",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=900,
    )


def pages(pdf: Path) -> int:
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    specs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(PASSAGES.glob("*.yaml"))]
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        sources = []
        for spec in specs:
            blocks = expand(spec)
            src = tmpdir / f"{Path(spec['file']).stem}.docx"
            render(spec, blocks, src)
            sources.append(src)
            entries.append((spec, labels_for(spec, blocks)))
        pdfdir = tmpdir / "pdf"
        pdfdir.mkdir()
        convert(sources, pdfdir)  # one LibreOffice call for every document
        if DOCS.exists():
            shutil.rmtree(DOCS)
        DOCS.mkdir()
        out = []
        for (spec, reqs), src in zip(entries, sources, strict=True):
            pdf = pdfdir / f"{src.stem}.pdf"
            n = pages(pdf)
            if not 4 <= n <= 25:
                print(f"WARNING {spec['file']}: {n} pages (want 4–25)")
            shutil.copy(pdf if spec["format"] == "pdf" else src, DOCS / spec["file"])
            out.append(
                {
                    "file": f"docs/{spec['file']}",
                    "municipality": spec["municipality"],
                    "language": spec["language"],
                    "mixed_language": spec.get("mixed_language", False),
                    "format": spec["format"],
                    "pages": n,
                    "structure": sorted(spec.get("structure", [])),
                    "hard_cases": sorted(spec.get("hard_cases", [])),
                    "requirements": reqs,
                }
            )
    header = (
        "# Generated by corpus-holdout3/build.py from corpus-holdout3/passages/*.yaml - "
        "do not edit by hand.\n# Labels follow corpus/GUIDELINES.md (third held-out "
        "set, never tuned against).\n"
    )
    body = yaml.safe_dump(
        {"guidelines": "../corpus/GUIDELINES.md", "documents": out},
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    (HERE / "labels.yaml").write_text(header + body, encoding="utf-8")
    total = sum(d["pages"] for d in out)
    size = sum(p.stat().st_size for p in DOCS.iterdir())
    print(f"{len(out)} documents, {total} pages, {size / 1e6:.1f} MB")
    for d in out:
        print(f"  {d['file']:50} {d['language']} {d['format']:4} {d['pages']:>3} p")
    return 0


if __name__ == "__main__":
    sys.exit(main())
