"""The second held-out test set (corpus-holdout2/) exists, opens and is fully labelled.

Why: `benchmarks/accuracy.py --corpus corpus-holdout2` measures how the matcher generalises to
plans it was never tuned on; a missing file or a label typo would silently skew that figure.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pypdfium2
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT = ROOT / "corpus-holdout2"
REQUIREMENTS = {
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
}
STATUSES = {"covered", "partial", "missing"}


def labels() -> list[dict]:
    return yaml.safe_load((HOLDOUT / "labels.yaml").read_text(encoding="utf-8"))["documents"]


def pdf_pages(path: Path) -> int:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def test_holdout2_size_and_mix() -> None:
    docs = labels()
    assert len(docs) >= 14
    languages = [d["language"] for d in docs]
    assert languages.count("nn") >= 5
    assert languages.count("nb") >= 8
    formats = [d["format"] for d in docs]
    assert abs(formats.count("pdf") - formats.count("docx")) <= 2
    size = sum(p.stat().st_size for p in (HOLDOUT / "docs").iterdir())
    assert size < 6_000_000


def test_every_holdout2_file_is_labelled() -> None:
    listed = {Path(d["file"]).name for d in labels()}
    on_disk = {p.name for p in (HOLDOUT / "docs").iterdir() if p.suffix in {".pdf", ".docx"}}
    assert on_disk == listed


@pytest.mark.parametrize("entry", labels(), ids=lambda e: Path(e["file"]).name)
def test_holdout2_document_opens_and_is_labelled(entry: dict) -> None:
    path = HOLDOUT / entry["file"]
    assert path.exists(), entry["file"]
    assert path.suffix == f".{entry['format']}"
    if entry["format"] == "pdf":
        assert pdf_pages(path) == entry["pages"]
    else:
        assert len(docx.Document(str(path)).paragraphs) > 0
    assert 4 <= entry["pages"] <= 25
    reqs = entry["requirements"]
    assert set(reqs) == REQUIREMENTS
    for req, label in reqs.items():
        assert label["status"] in STATUSES, req
        if label["status"] == "missing":
            assert label["evidence"] == "none", req
        else:
            assert label["evidence"], req
            for loc in label["evidence"]:
                assert loc["section"] and loc["quote"], req
