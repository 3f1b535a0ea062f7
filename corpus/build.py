"""Build the labelled development corpus from hand-written passages.

Why a script: the documents and their labels come from the same passage choices, so the
labels cannot drift from the text. Each passage in corpus/passages/*.yaml carries the labels
it earns under GUIDELINES.md (decided when it was written); a document's label for a
requirement is the highest level any of its passages reaches.

Usage:
    .venv/bin/python corpus/build.py            # all documents + labels.yaml
    .venv/bin/python corpus/build.py --only 01 02 --no-convert
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import buildkit
from buildkit import LEVELS, REQUIREMENTS
from render import Section, render_docx
from specs import SPECS, DocSpec

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"


@dataclass
class Passage:
    id: str
    req: str
    level: str
    lang: str
    text: str
    labels: dict[str, str]
    heading: str = ""
    plain: str = ""
    front: bool = False
    quotes: dict[str, str] = field(default_factory=dict)


def load_passages() -> dict[str, Passage]:
    """All passages by id; ids must be unique so a label can always be traced back."""
    passages: dict[str, Passage] = {}
    for path in sorted((HERE / "passages").glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")):
            pid = raw["id"]
            if pid in passages:
                raise SystemExit(f"duplicate passage id {pid} in {path.name}")
            for req, lvl in (raw.get("labels") or {}).items():
                if req not in REQUIREMENTS or lvl not in ("covered", "partial"):
                    raise SystemExit(f"{pid}: bad label {req}: {lvl}")
            passages[pid] = Passage(
                id=pid,
                req=raw["req"],
                level=raw["level"],
                lang=raw["lang"],
                text=raw.get("text") or "",
                labels=dict(raw.get("labels") or {}),
                heading=raw.get("heading", ""),
                plain=raw.get("plain", raw.get("heading", "")),
                front=bool(raw.get("front", False)),
                quotes=dict(raw.get("quotes") or {}),
            )
    return passages


def fill(text: str, values: dict[str, str]) -> str:
    """Substitute {placeholders}; unknown braces are left alone."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


def first_sentence(text: str) -> str:
    """A short verbatim quote: the first sentence of a block, at most ~15 words."""
    text = text.strip()
    match = re.match(r"(.+?[.!?»:])(\s|$)", text)
    sentence = match.group(1) if match else text
    words = sentence.split()
    return " ".join(words[:15])


def body_blocks(text: str) -> list[tuple[str, str]]:
    """Split passage markup into (kind, text) blocks: p, li, tr, h (### sub-heading)."""
    blocks: list[tuple[str, str]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        for line in chunk.splitlines():
            line = line.rstrip()
            if not line:
                continue
            if line.startswith("### "):
                blocks.append(("h", line[4:]))
            elif line.startswith("- "):
                blocks.append(("li", line[2:]))
            elif line.startswith("|"):
                blocks.append(("tr", line))
            elif blocks and blocks[-1][0] == "p" and not chunk.startswith(line):
                blocks[-1] = ("p", blocks[-1][1] + " " + line)
            else:
                blocks.append(("p", line))
    return blocks


def quote_location(
    blocks: list[tuple[str, str]], heading: str, override: str | None
) -> tuple[str, str]:
    """The heading in force at the quote and the quote itself (verbatim from the text)."""
    current = heading
    for kind, text in blocks:
        if kind == "h":
            current = text
            continue
        plain = " ".join(c.strip() for c in text.strip("|").split("|")) if kind == "tr" else text
        if override:
            if override in plain:
                return current, override
            continue
        if kind == "tr":
            # Skip a table's header row: the first data row is the evidence.
            idx = blocks.index((kind, text))
            if idx == 0 or blocks[idx - 1][0] != "tr":
                continue
            return current, text.strip("|").split("|")[0].strip()
        return current, first_sentence(plain)
    raise SystemExit(f"quote not found under {heading!r}: {override!r}")


@dataclass
class Built:
    spec: DocSpec
    sections: list[Section]
    labels: dict[str, dict]
    hard_cases: list[str]


def build_document(spec: DocSpec, passages: dict[str, Passage]) -> Built:
    """Lay out one document from its spec and collect the labels its passages earn."""
    values = spec.values()
    sections = spec.layout(passages)
    best: dict[str, tuple[int, list[dict]]] = {r: (0, []) for r in REQUIREMENTS}
    for section in sections:
        sources: list[tuple[dict[str, str], str, dict[str, str]]] = [
            (passages[pid].labels, fill(passages[pid].text, values), passages[pid].quotes)
            for pid in section.passage_ids
        ]
        if section.generated:
            sources.append((section.gen_labels, "", {}))
        for labels_of, text, quotes in sources:
            blocks = body_blocks(text) if text else list(section.blocks)
            if text:
                section.blocks.extend(blocks)
            for req, lvl in labels_of.items():
                rank = LEVELS[lvl]
                if section.front:
                    loc = {"section": spec.title, "quote": text.strip()}
                else:
                    override = quotes.get(req)
                    head, quote = quote_location(blocks, section.heading, override)
                    loc = {"section": head, "quote": quote}
                found = [loc]
                if not section.front and loc["section"] != section.heading:
                    # A passage with sub-headings: its own heading is the labelled place too.
                    found.append({"section": section.heading, "quote": loc["quote"]})
                current_rank, locs = best[req]
                if rank > current_rank:
                    best[req] = (rank, found)
                elif rank == current_rank and rank > 0:
                    locs.extend(found)
    labels: dict[str, dict] = {}
    names = {v: k for k, v in LEVELS.items()}
    for req in REQUIREMENTS:
        rank, locs = best[req]
        labels[req] = {"status": names[rank], "evidence": locs if rank else "none"}
    cases = spec.hard_cases(passages)
    if labels["lovgrunnlag"]["status"] != "partial":
        cases = [c for c in cases if c != "only-old-3-1-or-no-paragraph"]
    return Built(spec, sections, labels, cases)


def convert(docx_files: list[Path], outdir: Path) -> None:
    """One LibreOffice call for all files (start-up dominates the cost)."""
    if not docx_files:
        return
    buildkit.convert(docx_files, outdir, "corpus", timeout=1200)


def pdf_pages(path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="document number prefixes to build")
    parser.add_argument("--no-convert", action="store_true", help="skip LibreOffice")
    parser.add_argument(
        "--labels-only", action="store_true", help="rewrite labels.yaml, keep the documents"
    )
    args = parser.parse_args(argv)

    passages = load_passages()
    random.seed(1501)
    built = [build_document(spec, passages) for spec in SPECS]
    selected = [
        b for b in built if not args.only or any(b.spec.number.startswith(o) for o in args.only)
    ]
    DOCS.mkdir(exist_ok=True)
    old_labels = load_existing_labels()
    if args.labels_only:
        for b in built:
            old_labels[b.spec.stem] = entry(b, old_pages(old_labels, b.spec.stem))
        write_labels([old_labels[b.spec.stem] for b in built], built)
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        docx_paths = []
        for b in selected:
            path = tmp / f"{b.spec.stem}.docx"
            render_docx(b.spec, b.sections, path)
            docx_paths.append(path)
        if not args.no_convert:
            convert(docx_paths, tmp)
        for b, docx_path in zip(selected, docx_paths, strict=True):
            pdf_path = docx_path.with_suffix(".pdf")
            if b.spec.fmt == "pdf" and not pdf_path.exists():
                print(f"skip {b.spec.stem}: no PDF (conversion off?)")
                continue
            for stale in DOCS.glob(f"{b.spec.stem}.*"):
                stale.unlink()
            if b.spec.fmt == "pdf":
                shutil.copy(pdf_path, DOCS / f"{b.spec.stem}.pdf")
            else:
                shutil.copy(docx_path, DOCS / f"{b.spec.stem}.docx")
            pages = pdf_pages(pdf_path) if pdf_path.exists() else None
            old_labels[b.spec.stem] = entry(b, pages or old_pages(old_labels, b.spec.stem))
            print(f"{b.spec.stem}.{b.spec.fmt}: {pages} pages")
    write_labels([old_labels[b.spec.stem] for b in built if b.spec.stem in old_labels], built)
    return 0


def entry(b: Built, pages: int | None) -> dict:
    return {
        "file": f"docs/{b.spec.stem}.{b.spec.fmt}",
        "municipality": b.spec.kommune,
        "language": b.spec.label_language,
        "mixed_language": b.spec.lang == "mix",
        "format": b.spec.fmt,
        "pages": pages,
        "structure": sorted(b.spec.features | {b.spec.kind}),
        "hard_cases": b.hard_cases,
        "requirements": b.labels,
    }


def load_existing_labels() -> dict[str, dict]:
    path = HERE / "labels.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {Path(d["file"]).stem: d for d in data.get("documents", [])}


def old_pages(old: dict[str, dict], stem: str) -> int | None:
    return old.get(stem, {}).get("pages")


def write_labels(entries: list[dict], built: list[Built]) -> None:
    """labels.yaml: regenerated labels for every document (pages kept from earlier builds)."""
    by_stem = {Path(e["file"]).stem: e for e in entries}
    out = []
    for b in built:
        e = by_stem.get(b.spec.stem)
        if e is None:
            continue
        e["requirements"] = b.labels
        e["hard_cases"] = b.hard_cases
        out.append(e)
    header = (
        "# Generated by corpus/build.py from corpus/passages/*.yaml - do not edit by hand.\n"
        "# Labels follow corpus/GUIDELINES.md.\n"
    )
    body = yaml.safe_dump(
        {"guidelines": "GUIDELINES.md", "documents": out},
        allow_unicode=True,
        sort_keys=False,
        width=100,
    )
    (HERE / "labels.yaml").write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
