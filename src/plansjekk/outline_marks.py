"""How instruction text in a `plansjekk mal` outline is marked: the outline writers' view.

The marks themselves live in `plansjekk.documents.guidance`, beside the readers that
recognise them (defining them here would be an import cycle through `plansjekk.documents`).
Writers import them from this module so that `outline*.py` depend on one name only:
DOCX guidance uses a paragraph style from `GUIDANCE_STYLE`, Markdown guidance is a block
quote starting with a `GUIDANCE_PREFIX`, and an untouched appendix table is recognised by its
empty cells (`mark_template_tables`).
"""

from __future__ import annotations

from plansjekk.documents.guidance import (
    GUIDANCE_PREFIX,
    GUIDANCE_PREFIXES,
    GUIDANCE_STYLE,
    GUIDANCE_STYLE_NAMES,
    is_empty_template_row,
    is_guidance_quote,
    is_guidance_style,
    mark_template_tables,
)

__all__ = [
    "GUIDANCE_PREFIX",
    "GUIDANCE_PREFIXES",
    "GUIDANCE_STYLE",
    "GUIDANCE_STYLE_NAMES",
    "is_empty_template_row",
    "is_guidance_quote",
    "is_guidance_style",
    "mark_template_tables",
]
