"""Readers: one per format, each turning a file into a `Document` (see model.py).

Public entry point: `read_document(path, options)`. It sniffs the format from the file's
bytes, dispatches to the reader, and raises `plansjekk.errors.DocumentError` with a
contract code for anything it cannot read.
"""

from plansjekk.documents.model import Block, BlockKind, Document

__all__ = ["Block", "BlockKind", "Document"]
