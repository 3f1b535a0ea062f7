"""Build mechanics shared by the corpus build scripts (corpus/ and corpus-holdout*/).

Why a module: the held-out build scripts were written by copying each other, so DOCX rendering
from passage specs, header/footer and font helpers, label collection, LibreOffice conversion
and labels.yaml writing were identical. Only the mechanics live here; each set's TEXT (its
passages and its neutral filler) stays in its own directory, written independently on purpose.

The holdout scripts import this module by putting corpus/ on sys.path.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pypdfium2
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

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
TEXT_KEYS = ("p", "meta", "subtitle", *HEADING_KEYS)
FONT_STYLES = (
    "Normal",
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "List Bullet",
    "List Number",
    "Table Grid",
)

# A set's filler: (kind, nn, rnd, place, block) -> neutral blocks.
Filler = Callable[[str, bool, random.Random, str, dict], list[dict]]


# ---------------------------------------------------------------- DOCX rendering


def field(run: Any, instr: str) -> None:
    """Append a Word field (e.g. PAGE) to a run."""
    for tag, text in (("begin", None), (None, instr), ("separate", None), ("end", None)):
        if tag:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), tag)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def apply_fonts(
    document: Any,
    font: str,
    *,
    styles: tuple[str, ...] = FONT_STYLES,
    sizes: tuple[int, int, int] = (15, 12, 24),
    color: tuple[int, int, int] = (0x22, 0x44, 0x33),
) -> None:
    """One font for every style; sizes are (Heading 1, Heading 2, Title)."""
    for name in styles:
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
    for name, size in zip(("Heading 1", "Heading 2", "Title"), sizes, strict=True):
        document.styles[name].font.size = Pt(size)
        document.styles[name].font.color.rgb = RGBColor(*color)


def render(spec: dict, blocks: list[dict], out: Path) -> None:
    document = docx.Document()
    apply_fonts(document, spec.get("font", "Carlito"))
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.4)
        section.top_margin = section.bottom_margin = Cm(2.2)
        if spec.get("header"):
            section.header.paragraphs[0].text = spec["header"]
            footer = section.footer.paragraphs[0]
            footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            footer.add_run("Side ")
            field(footer.add_run(), "PAGE")
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


def block_text(block: dict, keys: tuple[str, ...] = TEXT_KEYS) -> str:
    for key in keys:
        if key in block:
            return block[key]
    if "bullets" in block or "numbered" in block:
        return "\n".join(block.get("bullets") or block.get("numbered"))
    if "table" in block:
        return "\n".join(" | ".join(map(str, row)) for row in block["table"])
    if "toc" in block:
        return "\n".join(block["lines"])
    return ""


def default_quote(block: dict, keys: tuple[str, ...] = TEXT_KEYS) -> str:
    if "table" in block:
        return str(block["table"][1][0])
    if "bullets" in block or "numbered" in block:
        text = (block.get("bullets") or block.get("numbered"))[0]
    else:
        text = block_text(block, keys)
    first = re.split(r"(?<=[.!?:])\s", text, maxsplit=1)[0]
    if len(first) > 110:
        first = first[:110].rsplit(" ", 1)[0]
    return first


def expand(spec: dict, filler: Filler) -> list[dict]:
    out: list[dict] = []
    for i, block in enumerate(spec["blocks"]):
        if "filler" in block:
            rnd = random.Random(sum(map(ord, spec["file"])) * 17 + i)
            out += filler(block["filler"], spec["language"] == "nn", rnd, spec["place"], block)
        else:
            out.append(block)
    return out


def labels_for(
    spec: dict,
    blocks: list[dict],
    *,
    heading_keys: tuple[str, ...] = HEADING_KEYS,
    text_keys: tuple[str, ...] = TEXT_KEYS,
    unlabelled: Callable[[dict, str, dict, str], None] | None = None,
) -> dict[str, Any]:
    """Per requirement: the highest level any block reaches, with every block at that level
    as evidence (heading above + quote). `unlabelled` sees each block without `ev`."""
    best: dict[str, tuple[int, list[dict]]] = {r: (0, []) for r in REQUIREMENTS}
    heading = ""
    for block in blocks:
        for key in heading_keys:
            if key in block:
                heading = block[key]
        text = block_text(block, text_keys)
        ev = block.get("ev") or {}
        for req, status in ev.items():
            if req not in REQUIREMENTS or status not in LEVELS:
                raise ValueError(f"{spec['file']}: bad label {req}: {status}")
            quote = (block.get("qs") or {}).get(req) or block.get("q")
            quote = quote or default_quote(block, text_keys)
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
        if unlabelled and not ev:
            unlabelled(spec, heading, block, text)
    names = {v: k for k, v in LEVELS.items()}
    return {
        req: {"status": names[level], "evidence": locs if level else "none"}
        for req, (level, locs) in best.items()
    }


# ---------------------------------------------------------------- conversion and output


def convert(docx_files: list[Path], outdir: Path, profile: str, timeout: int = 900) -> None:
    """One LibreOffice call for every file; `profile` names its /tmp user profile."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file:///tmp/lo_profile_{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )


def pages(pdf: Path) -> int:
    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def write_labels(path: Path, header: str, guidelines: str, documents: list[dict]) -> None:
    body = yaml.safe_dump(
        {"guidelines": guidelines, "documents": documents},
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    path.write_text(header + body, encoding="utf-8")


def document_entry(spec: dict, n: int, reqs: dict[str, Any]) -> dict[str, Any]:
    return {
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


def build_set(
    argv: list[str] | None,
    *,
    doc: str,
    passages: Path,
    docs: Path,
    labels: Path,
    filler: Filler,
    profile: str,
    header: str,
) -> int:
    """The whole build of a passage-spec set: docs/* (DOCX or PDF) and labels.yaml."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.parse_args(argv)
    specs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(passages.glob("*.yaml"))]
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        sources = []
        for spec in specs:
            blocks = expand(spec, filler)
            src = tmpdir / f"{Path(spec['file']).stem}.docx"
            render(spec, blocks, src)
            sources.append(src)
            entries.append((spec, labels_for(spec, blocks)))
        pdfdir = tmpdir / "pdf"
        pdfdir.mkdir()
        convert(sources, pdfdir, profile)  # one LibreOffice call for every document
        if docs.exists():
            shutil.rmtree(docs)
        docs.mkdir()
        out = []
        for (spec, reqs), src in zip(entries, sources, strict=True):
            pdf = pdfdir / f"{src.stem}.pdf"
            n = pages(pdf)
            if not 4 <= n <= 25:
                print(f"WARNING {spec['file']}: {n} pages (want 4–25)")
            shutil.copy(pdf if spec["format"] == "pdf" else src, docs / spec["file"])
            out.append(document_entry(spec, n, reqs))
    write_labels(labels, header, "../corpus/GUIDELINES.md", out)
    total = sum(d["pages"] for d in out)
    size = sum(p.stat().st_size for p in docs.iterdir())
    print(f"{len(out)} documents, {total} pages, {size / 1e6:.1f} MB")
    for d in out:
        print(f"  {d['file']:50} {d['language']} {d['format']:4} {d['pages']:>3} p")
    return 0
