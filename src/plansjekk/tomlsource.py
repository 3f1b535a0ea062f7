"""Line numbers for keys in TOML text.

`tomllib` returns plain dicts without positions, but a config error is only helpful when it
names the line. These helpers scan the raw text for a table header and a key inside it;
they are a best effort (a key written as a dotted path is not found) and return 0 when
they cannot tell, which the messages show as "no line".
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _header_name(line: str) -> str | None:
    match = _HEADER.match(line)
    if not match:
        return None
    return ".".join(part.strip().strip("\"'") for part in match.group(1).split("."))


def table_spans(text: str, table: str) -> list[tuple[int, int]]:
    """(first, last) 1-based line ranges of every occurrence of `[table]` / `[[table]]`.

    The empty name "" is the top level, before the first header. The span includes the
    header line itself; for an array of tables there is one span per element.
    """
    lines = text.splitlines()
    spans: list[tuple[int, int]] = []
    start = 1 if table == "" else 0
    for number, line in enumerate(lines, start=1):
        name = _header_name(line)
        if name is None:
            continue
        if start:
            spans.append((start, number - 1))
            start = 0
        if name == table:
            start = number
    if start:
        spans.append((start, len(lines)))
    return spans


def key_line(text: str, key: str, table: str = "", index: int = 0) -> int:
    """The 1-based line where `key` is assigned inside the `index`-th `[table]`, else the
    table's header line, else 0."""
    spans = table_spans(text, table)
    if index >= len(spans):
        return 0
    first, last = spans[index]
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*(?:\"{re.escape(key)}\"|'{re.escape(key)}'|{re.escape(key)})\s*=")
    for number in range(first, last + 1):
        if pattern.match(lines[number - 1]):
            return number
    subtable = f"{table}.{key}" if table else key
    for number, line in enumerate(lines, start=1):
        if _header_name(line) == subtable:
            return number
    return first if table else 0
