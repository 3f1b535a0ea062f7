"""The held-out test sets (corpus-holdout*/) exist, open and are fully labelled.

Why: `benchmarks/accuracy.py --corpus corpus-holdoutN` is the honest figure for plans the
matcher was not tuned on; a missing file, an unreadable document or a label typo would skew it
silently. Each set was written by its own labeller; their sizes and mixes differ a little,
so each has its own floor below.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import docx
import pypdfium2
import pytest
import yaml

from tests.examples.labels import assert_fully_labelled

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class HeldOutSet:
    folder: str
    min_documents: int
    min_nynorsk: int
    max_bytes: int
    max_pages: int


SETS = [
    HeldOutSet("corpus-holdout", 16, 6, 8_000_000, 30),
    HeldOutSet("corpus-holdout2", 14, 5, 6_000_000, 25),
    HeldOutSet("corpus-holdout3", 14, 5, 6_000_000, 25),
    HeldOutSet("corpus-holdout4", 14, 5, 6_000_000, 25),
    HeldOutSet("corpus-holdout5", 14, 5, 6_000_000, 25),
]


def documents(held_out: HeldOutSet) -> list[dict]:
    labels = ROOT / held_out.folder / "labels.yaml"
    return yaml.safe_load(labels.read_text(encoding="utf-8"))["documents"]


def plan_files(held_out: HeldOutSet) -> list[Path]:
    docs = ROOT / held_out.folder / "docs"
    return [p for p in docs.iterdir() if p.suffix in {".pdf", ".docx"}]


@pytest.mark.parametrize("held_out", SETS, ids=lambda s: s.folder)
def test_composition(held_out: HeldOutSet) -> None:
    docs = documents(held_out)
    assert len(docs) >= held_out.min_documents
    languages = [d["language"] for d in docs]
    assert languages.count("nn") >= held_out.min_nynorsk
    assert languages.count("nb") >= 8
    formats = [d["format"] for d in docs]
    assert abs(formats.count("pdf") - formats.count("docx")) <= 2
    assert sum(p.stat().st_size for p in plan_files(held_out)) < held_out.max_bytes


@pytest.mark.parametrize("held_out", SETS, ids=lambda s: s.folder)
def test_labels_list_every_file_and_no_more(held_out: HeldOutSet) -> None:
    listed = {Path(d["file"]).name for d in documents(held_out)}
    assert listed == {p.name for p in plan_files(held_out)}


def _cases() -> list[tuple[HeldOutSet, dict]]:
    return [(held_out, entry) for held_out in SETS for entry in documents(held_out)]


@pytest.mark.parametrize(
    ("held_out", "entry"), _cases(), ids=lambda v: getattr(v, "folder", None) or v["file"]
)
def test_document_opens_and_is_fully_labelled(held_out: HeldOutSet, entry: dict) -> None:
    path = ROOT / held_out.folder / entry["file"]
    assert path.is_file()
    assert path.suffix == f".{entry['format']}"
    if path.suffix == ".pdf":
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            assert 4 <= len(pdf) <= held_out.max_pages
            assert len(pdf) == entry["pages"]
            assert pdf[0].get_textpage().get_text_range().strip()
        finally:
            pdf.close()
    else:
        assert any(p.text.strip() for p in docx.Document(str(path)).paragraphs)
    assert_fully_labelled(entry["requirements"])
