"""The marks that tell readers which text of an outline is instruction, not plan content."""

from __future__ import annotations

import pytest

from plansjekk.documents.model import Block, BlockKind
from plansjekk.outline_marks import (
    is_guidance_quote,
    is_guidance_style,
    mark_template_tables,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Plansjekk veiledning", True), ("plansjekk rettleiing", True), ("Plansjekk guidance", True),
     ("Normal", False), ("Heading 1", False), ("Veiledning", False), (None, False)],
)
def test_guidance_styles(name: str | None, expected: bool) -> None:
    assert is_guidance_style(name) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("> Veiledning: Beskriv målene.", True), ("> Rettleiing: Skildre måla.", True),
     ("> **Veiledning:** Beskriv", True), (">Guidance: Describe", True),
     ("Veiledning: uten sitattegn er det planens tekst", False),
     ("> Sitat fra Bufdir: «Kommunen skal …»", False)],
)
def test_guidance_quotes(text: str, expected: bool) -> None:
    assert is_guidance_quote(text) is expected


def row(*cells: str) -> Block:
    return Block(BlockKind.TABLE_ROW, " | ".join(c for c in cells if c), cells=cells)


def test_untouched_template_table_is_all_guidance() -> None:
    blocks = [Block(BlockKind.HEADING, "Vedlegg 1", level=1),
              row("Tjeneste", "Ansvar", "Samarbeidspartnere"), row("Barnehage", "", ""),
              row("NAV", " ", "")]
    marked = mark_template_tables(blocks)
    assert [b.is_guidance for b in marked] == [False, True, True, True]


def test_filled_rows_and_their_header_stay_content() -> None:
    blocks = [row("Tjeneste", "Ansvar", "Samarbeidspartnere"),
              row("Barnehage", "Foreldresamtaler", "Helsestasjon"), row("NAV", "", ""),
              Block(BlockKind.PARAGRAPH, "Tekst"),
              row("Tjeneste", "Ansvar"), row("Skole", "")]
    marked = mark_template_tables(blocks)
    assert [b.is_guidance for b in marked] == [False, False, True, False, True, True]


def test_single_row_tables_and_other_blocks_are_left_alone() -> None:
    blocks = [row("Mål", "Tiltak"), Block(BlockKind.PARAGRAPH, "Barnehage")]
    assert mark_template_tables(blocks) == blocks
