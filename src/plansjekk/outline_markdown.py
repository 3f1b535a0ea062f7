"""Renders an `Outline` as Markdown (`plansjekk mal --format md`).

Instruction text becomes a block quote whose first line starts with "Veiledning:" /
"Rettleiing:", the mark `outline_marks.is_guidance_quote` recognises, so the Markdown reader
can flag it and the untouched outline checks as missing.
"""

from __future__ import annotations

from collections.abc import Iterable

from plansjekk.outline import Outline, OutlineTable


def render_markdown(outline: Outline) -> str:
    """The whole outline as one Markdown document (UTF-8 text, trailing newline)."""
    parts = [f"# {outline.full_title}"]
    parts.extend(_quote([line]) for line in outline.front_guidance)
    for section in outline.sections:
        parts.append(f"## {section.heading}")
        parts.append(_quote(section.guidance))
    parts.extend(_table(outline.appendix))
    return "\n\n".join(parts) + "\n"


def _quote(lines: Iterable[str]) -> str:
    """One block quote; lines end in two spaces (a hard break) so each stays its own line."""
    return "\n".join(f"> {line}  " for line in lines).rstrip()


def _table(table: OutlineTable) -> list[str]:
    rows = [_row(table.columns), _row(("---",) * len(table.columns))]
    rows.extend(_row(row) for row in table.rows)
    return [f"## {table.heading}", _quote(table.guidance), "\n".join(rows)]


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cell or " " for cell in cells) + " |"
