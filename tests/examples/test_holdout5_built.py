"""The fifth held-out test set (corpus-holdout5/) exists, opens and is fully labelled.

Why: `benchmarks/accuracy.py --corpus corpus-holdout5` is the honest figure for plans the
matcher was never tuned on; a missing file, an unreadable document or a label typo would skew
it silently.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pypdfium2
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SET = ROOT / "corpus-holdout5"
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


def documents() -> list[dict]:
    return yaml.safe_load((SET / "labels.yaml").read_text(encoding="utf-8"))["documents"]


def test_holdout5_composition() -> None:
    docs = documents()
    assert len(docs) >= 14
    languages = [d["language"] for d in docs]
    assert languages.count("nn") >= 5 and languages.count("nb") >= 8
    formats = [d["format"] for d in docs]
    assert abs(formats.count("pdf") - formats.count("docx")) <= 2
    assert sum(p.stat().st_size for p in (SET / "docs").iterdir()) < 6_000_000


def test_labels_list_every_file_and_no_more() -> None:
    listed = {Path(d["file"]).name for d in documents()}
    on_disk = {p.name for p in (SET / "docs").iterdir()}
    assert listed == on_disk


@pytest.mark.parametrize("entry", documents(), ids=lambda d: Path(d["file"]).name)
def test_document_opens_and_is_fully_labelled(entry: dict) -> None:
    path = SET / entry["file"]
    assert path.is_file()
    if path.suffix == ".pdf":
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            assert 4 <= len(pdf) <= 25
            assert pdf[0].get_textpage().get_text_range().strip()
        finally:
            pdf.close()
    else:
        assert any(p.text.strip() for p in docx.Document(str(path)).paragraphs)
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
