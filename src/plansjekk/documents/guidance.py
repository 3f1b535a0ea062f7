"""Recognising the instruction text of a `plansjekk mal` outline (the readers' half of it).

An untouched outline must check as "everything missing": its guidance explains what to write,
it is not what the plan says. The outline marks its instruction text structurally and the
readers flag such blocks `Block.is_guidance`, which the matcher skips like table-of-contents
lines. The marks:

- DOCX/ODT: paragraphs in a style named in `GUIDANCE_STYLE_NAMES` ("Plansjekk veiledning",
  "Plansjekk rettleiing", "Plansjekk guidance") are guidance.
- Markdown/text: a block quote whose text starts with a `GUIDANCE_PREFIXES` word
  (`> Veiledning: …`, `> Rettleiing: …`) is guidance.
- Tables (any format): an outline's table lists services with empty cells to fill in. A row
  of two or more cells whose cells after the first are all empty says nothing and is guidance;
  when every body row of a table is such a row, the header row is guidance too
  (`mark_template_tables`, applied by `structure.finalise`).

This lives in the documents package because the readers use it; `plansjekk.outline_marks`
re-exports it for the outline writers (importing it from there would be an import cycle).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from plansjekk.documents.model import Block, BlockKind
from plansjekk.i18n import Lang

GUIDANCE_STYLE: dict[Lang, str] = {
    "nb": "Plansjekk veiledning",
    "nn": "Plansjekk rettleiing",
    "en": "Plansjekk guidance",
}
GUIDANCE_STYLE_NAMES = frozenset(name.casefold() for name in GUIDANCE_STYLE.values())

GUIDANCE_PREFIX: dict[Lang, str] = {"nb": "Veiledning:", "nn": "Rettleiing:", "en": "Guidance:"}
GUIDANCE_PREFIXES = tuple(prefix.casefold() for prefix in GUIDANCE_PREFIX.values())


def is_guidance_style(style_name: str | None) -> bool:
    """True for the outline's instruction paragraph styles (DOCX/ODT readers call this)."""
    return bool(style_name) and style_name.strip().casefold() in GUIDANCE_STYLE_NAMES


def is_guidance_quote(text: str) -> bool:
    """True for a Markdown block quote that starts with "Veiledning:"/"Rettleiing:".

    Emphasis around the prefix (`> **Veiledning:**`) is tolerated, since planners edit it.
    """
    stripped = text.lstrip()
    if not stripped.startswith(">"):
        return False
    body = stripped.lstrip("> \t").lstrip("*_ ").casefold()
    return body.startswith(GUIDANCE_PREFIXES)


def is_empty_template_row(block: Block) -> bool:
    """A table row with a label and nothing else ("Barnehage | | ") carries no content.

    A one-cell row (a one-column table, a fact box, a merged row in Word) is never a
    template row: its only cell is the content.
    """
    if block.kind is not BlockKind.TABLE_ROW or len(block.cells) < 2:
        return False
    return not any(cell.strip() for cell in block.cells[1:])


def mark_template_tables(blocks: Sequence[Block]) -> list[Block]:
    """Flags the unfilled rows of every table (consecutive TABLE_ROW blocks) as guidance.

    Readers call this once over their blocks. A filled-in row ("Barnehage | Ansvar for … |
    Helsestasjon") stays content, and so does the header of a table with any filled row.
    """
    result = list(blocks)
    start = 0
    while start < len(result):
        if result[start].kind is not BlockKind.TABLE_ROW:
            start += 1
            continue
        end = start
        while end < len(result) and result[end].kind is BlockKind.TABLE_ROW:
            end += 1
        _mark_table(result, start, end)
        start = end
    return result


def _mark_table(blocks: list[Block], start: int, end: int) -> None:
    body = range(start + 1, end)
    empty = [index for index in body if is_empty_template_row(blocks[index])]
    for index in empty:
        blocks[index] = dataclasses.replace(blocks[index], is_guidance=True)
    if body and len(empty) == len(body):
        blocks[start] = dataclasses.replace(blocks[start], is_guidance=True)
