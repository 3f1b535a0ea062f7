"""Helpers for the rules tests: tiny rules files written to tmp_path, as in yamllint."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

MINIMAL = """\
id: test
version: "1"
title: {nb: Test}
requirements:
  - id: samarbeid
    title: {nb: Samarbeid, nn: Samarbeid, en: Cooperation}
    severity: required
    headings: [samarbeid*]
    aspects:
      - id: hvem
        terms: [barnehage*]
      - id: hvordan
        terms: [møte*]
"""


@pytest.fixture
def minimal() -> str:
    """A valid one-requirement ruleset, the base most tests change one thing in."""
    return MINIMAL


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    """Writes a dedented rules file under tmp_path (the working directory) and returns its
    relative name, which is also how problems name it."""
    monkeypatch.chdir(tmp_path)

    def _write(text: str, name: str = "r.yaml") -> str:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return name

    return _write
