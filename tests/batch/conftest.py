"""Fakes for the batch tests: a two-requirement ruleset and a matcher that only looks for
the word "dekket", so the batch is tested apart from the real matcher.

Files are plain text (the real text reader reads them); special words make the fake reader
misbehave: HANG sleeps, BOOM raises a bug, CRASH kills the worker process.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import time
from pathlib import Path

import pytest

from plansjekk.documents.model import Document
from plansjekk.findings import DocumentResult, RequirementResult
from plansjekk.policy import FailOn, document_passes
from plansjekk.rules.model import Requirement, Ruleset, Severity, Status


def make_ruleset(version: str = "1") -> Ruleset:
    return Ruleset(
        id="test",
        version=version,
        title={"nb": "Test"},
        requirements=(
            Requirement(id="ansvar", title={"nb": "Ansvar"}, severity=Severity.REQUIRED),
            Requirement(id="tiltak", title={"nb": "Tiltak"}, severity=Severity.RECOMMENDED),
        ),
        path="test.yaml",
    )


def fake_check_document(document: Document, ruleset: Ruleset, fail_on: FailOn) -> DocumentResult:
    status = Status.COVERED if "dekket" in document.text else Status.MISSING
    results = tuple(
        RequirementResult(id=r.id, severity=r.severity, status=status, score=1.0)
        for r in ruleset.requirements
    )
    return DocumentResult(
        path=document.path,
        format=document.format,
        requirements=results,
        passed=document_passes(results, fail_on),
    )


def misbehaving_reader(real):
    def read(path, options):
        text = Path(path).read_text(errors="replace") if Path(path).is_file() else ""
        if "HANG" in text:
            time.sleep(60)
        if "BOOM" in text:
            raise RuntimeError("simulated bug")
        if "CRASH" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, options)

    return read


@pytest.fixture(autouse=True)
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLANSJEKK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def ruleset() -> Ruleset:
    return make_ruleset()


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fake matcher and misbehaving reader, patched where `check_file` looks them up."""
    import plansjekk.documents
    import plansjekk.matching

    monkeypatch.setattr(plansjekk.matching, "check_document", fake_check_document, raising=False)
    real = plansjekk.documents.read_document
    monkeypatch.setattr(plansjekk.documents, "read_document", misbehaving_reader(real))


def replace_text(path: Path, text: str) -> None:
    """Rewrites a file so its content (and so its digest) changes."""
    path.write_text(text, encoding="utf-8")


__all__ = ["dataclasses", "make_ruleset", "replace_text"]
