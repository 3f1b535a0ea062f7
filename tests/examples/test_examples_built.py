"""The committed example plans and the labelled corpus exist, open, and are fully labelled.

Why: the examples and corpus are generated files that the README, the accuracy benchmark and
CI rely on; a missing file or a label with a typo would silently skew every figure.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pypdfium2
import pytest
import yaml

from tests.examples.labels import assert_fully_labelled

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "plans"
CORPUS = ROOT / "corpus"


def opens(path: Path) -> int:
    """Pages of a PDF, or paragraphs of a DOCX; raises if the file is broken."""
    if path.suffix == ".pdf":
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    return len(docx.Document(str(path)).paragraphs)


def labels() -> list[dict]:
    return yaml.safe_load((CORPUS / "labels.yaml").read_text(encoding="utf-8"))["documents"]


def test_examples_exist_and_open() -> None:
    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".pdf", ".docx"})
    assert len(files) >= 4
    assert {p.suffix for p in files} == {".pdf", ".docx"}
    for path in files:
        assert opens(path) > 0, path.name
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for path in files:
        assert path.name in readme, f"{path.name} not described in examples/plans/README.md"


def test_corpus_size_and_mix() -> None:
    docs = labels()
    assert len(docs) >= 32
    languages = [d["language"] for d in docs]
    assert languages.count("nn") >= len(docs) // 4
    assert {d["format"] for d in docs} == {"pdf", "docx"}


@pytest.mark.parametrize("entry", labels(), ids=lambda e: Path(e["file"]).name)
def test_corpus_document_opens_and_is_labelled(entry: dict) -> None:
    path = CORPUS / entry["file"]
    assert path.exists(), entry["file"]
    assert path.suffix == f".{entry['format']}"
    assert opens(path) > 0
    assert_fully_labelled(entry["requirements"])


def test_every_corpus_file_is_labelled() -> None:
    listed = {Path(d["file"]).name for d in labels()}
    on_disk = {p.name for p in (CORPUS / "docs").iterdir() if p.suffix in {".pdf", ".docx"}}
    assert on_disk == listed
