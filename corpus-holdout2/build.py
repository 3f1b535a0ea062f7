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
            "-env:UserInstallation=file:///tmp/lo_profile_holdout2",
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
        "# Generated by corpus-holdout2/build.py from corpus-holdout2/passages/*.yaml - "
        "do not edit by hand.\n# Labels follow corpus/GUIDELINES.md (second held-out "
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
