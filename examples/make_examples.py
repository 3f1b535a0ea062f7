"""Regenerate the example plans in examples/plans/ (DOCX, and PDF via LibreOffice).

Why generated: the examples are built from the same labelled passages as the development
corpus (corpus/passages), so their expected verdicts (examples/plans/README.md) follow the
labelling guidelines and cannot drift from the text.

    .venv/bin/python examples/make_examples.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "corpus"))

from build import REQUIREMENTS, build_document, convert, load_passages, pdf_pages  # noqa: E402
from render import render_docx  # noqa: E402
from specs import DocSpec  # noqa: E402

OUT = ROOT / "examples" / "plans"

# (file stem, formats to keep, spec, what it shows)
EXAMPLES: list[tuple[str, tuple[str, ...], DocSpec, str]] = [
    (
        "fullstendig-plan-bokmal",
        ("docx", "pdf"),
        DocSpec(
            "ex1", "Fjellvik", "nb", "docx", "theme",
            "m=C t=C o=C a=C s=C v=C b=C i=C e=C p=C l=C k=C",
            features={"numbered", "toc-word", "header-footer"}, long=4,
        ),
        "Dekker alle krav: vedtatt i kommunestyret med dato og saksnummer, viser til "
        "barnevernsloven § 15-1. Forventet: alt dekket, exit 0.",
    ),
    (
        "nynorsk-plan-med-hol",
        ("pdf",),
        DocSpec(
            "ex2", "Indre Straumdal", "nn", "pdf", "theme",
            "m=C t=C o=C a=C s=C v=X b=P i=C e=P p=X l=C k=C",
            features={"numbered", "header-footer"},
        ),
        "Nynorsk PDF med hol: ingen avklaring ved usemje, medverknad berre nemnd. "
        "Forventet: exit 1.",
    ),
    (
        "horingsutkast-delvis",
        ("docx",),
        DocSpec(
            "ex3", "Nedre Bråten", "nb", "docx", "theme",
            "m=C t=P o=P a=P s=C v=P b=P i=P e=P p=P l=P k=H",
            features={"toc-word"}, extras=("eko",),
        ),
        "Høringsutkast med delvis dekning; innledningen gjentar lovkravet uten innhold, og "
        "planen viser bare til den gamle § 3-1. Forventet: exit 1.",
    ),
    (
        "integrert-oppvekstplan",
        ("pdf",),
        DocSpec(
            "ex4", "Sørvollen", "nb", "pdf", "integrated",
            "m=C t=C o=C a=T s=C v=C b=C i=C e=C p=C l=C k=S",
            features={"numbered", "header-footer"}, long=3, title_kind="oppvekst",
        ),
        "Integrert oppvekstplan der kravene står under overskrifter som ikke nevner dem "
        "(«Slik jobber vi»); ansvarsfordelingen står bare i en tabell. Forventet: exit 0.",
    ),
]


def readme(rows: list[tuple[str, tuple[str, ...], str, dict]]) -> str:
    """The expected status per requirement, straight from the passages' labels."""
    lines = [
        "# Eksempelplaner",
        "",
        "Generert av `examples/make_examples.py` fra de merkede tekstbitene i "
        "`corpus/passages/` (merket etter `corpus/GUIDELINES.md`). Kjør skriptet på nytt for "
        "å lage filene igjen.",
        "",
    ]
    for stem, formats, about, labels in rows:
        files = ", ".join(f"`{stem}.{f}`" for f in formats)
        lines += [f"## {files}", "", about, "", "| krav | forventet |", "| --- | --- |"]
        lines += [f"| `{req}` | {labels[req]['status']} |" for req in REQUIREMENTS]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    passages = load_passages()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        built = []
        for stem, formats, spec, about in EXAMPLES:
            b = build_document(spec, passages)
            path = tmp / f"{stem}.docx"
            render_docx(spec, b.sections, path)
            built.append((stem, formats, about, b, path))
        convert([p for *_, p in built], tmp)
        for stem, formats, about, b, path in built:
            for fmt in formats:
                shutil.copy(path.with_suffix(f".{fmt}"), OUT / f"{stem}.{fmt}")
            pages = pdf_pages(path.with_suffix(".pdf"))
            print(f"{stem}: {pages} pages, {', '.join(formats)}")
            rows.append((stem, formats, about, b.labels))
    (OUT / "README.md").write_text(readme(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
