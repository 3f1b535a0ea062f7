"""The municipality's name from the title page, the text, or the file name."""

from __future__ import annotations

import pytest

from plansjekk.batch.municipality import detect_municipality, from_filename, from_text
from plansjekk.documents.text import document_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Plan for forebyggende arbeid\n\nAsker kommune 2024–2027", "Asker kommune"),
        ("Oslo kommune, Bydel Alna\n\nPlan for forebygging", "Bydel Alna"),
        ("Bydel St. Hanshaugen\n\nOslo kommune", "Bydel St. Hanshaugen"),
        ("Plan for førebyggjande arbeid i Voss herad", "Voss herad"),
        ("Vedteke i kommunestyret i Nore og Uvdal kommune", "Nore og Uvdal kommune"),
        ("INDRE ØSTFOLD KOMMUNE\n\nPlan for forebygging", "Indre Østfold kommune"),
        ("Aurskog-Høland kommunes plan for forebygging", "Aurskog-Høland kommune"),
        ("Hver kommune skal ha en plan. Planen gjelder Vestby kommune.", "Vestby kommune"),
        ("Ål kommune", "Ål kommune"),
        ("Hver kommune skal vedta en plan.", None),
        ("Bydel Alna\nBydel Alna – Plan for forebygging", "Bydel Alna"),
        ("Bydel Grorud Plan for forebygging", "Bydel Grorud"),
        ("Asker\nkommune", None),
    ],
)
def test_from_text(text: str, expected: str | None) -> None:
    assert from_text(text) == expected


def test_title_page_wins_over_frequent_mentions_later() -> None:
    body = "\n\n".join(["Samarbeid med Bærum kommune om barnevernsvakt."] * 5)
    document = document_from_text(f"# Lier kommune\n\nPlan for forebygging\n\n{body}", "x.txt")
    assert detect_municipality(document, "x.txt") == "Lier kommune"


def test_most_frequent_name_in_the_text_when_the_title_page_has_none() -> None:
    filler = "\n\n".join(f"Avsnitt {i} om tiltak." for i in range(40))
    text = f"# Plan\n\n{filler}\n\nModum kommune skal ...\n\nModum kommune har ..."
    document = document_from_text(text, "x.txt")
    assert detect_municipality(document, "x.txt") == "Modum kommune"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("innsendt/asker_forebyggende-plan_2024.pdf", "Asker"),
        ("Plan forebygging Nordre Follo.docx", "Nordre Follo"),
        ("plan_endelig_v3.pdf", None),
        ("02-ormvik-oppvekstplan.docx", "Ormvik"),
        ("Høyringsutkast førebygging Voss.docx", "Voss"),
    ],
)
def test_file_name_fallback(path: str, expected: str | None) -> None:
    assert from_filename(path) == expected


def test_file_name_used_when_the_text_names_no_municipality() -> None:
    document = document_from_text("# Plan\n\nIngen navn her.", "hole-plan.txt")
    assert detect_municipality(document, "hole-plan.txt") == "Hole"
