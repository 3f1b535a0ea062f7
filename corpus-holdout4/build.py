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
            "-env:UserInstallation=file:///tmp/lo_profile_holdout4",
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
        "# Generated by corpus-holdout4/build.py from corpus-holdout4/passages/*.yaml - "
        "do not edit by hand.\n# Labels follow corpus/GUIDELINES.md (fourth held-out "
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
