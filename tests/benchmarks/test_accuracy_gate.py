"""The accuracy gate of issue 7, run in-process on the labelled corpus.

Why a test: CI must fail when a change to the readers, the ruleset or the matcher makes the
verdicts less trustworthy. The thresholds are those of `benchmarks/accuracy.py --check`.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy_benchmark", ROOT / "benchmarks" /
                                                  "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


@cache
def figures() -> tuple[dict[str, Any], dict[str, Any], list[dict[str, str]]]:
    bench = load_benchmark()
    result = bench.run()
    return result.figures(), bench.GATES, result.errors


def test_every_document_is_checked() -> None:
    _, _, errors = figures()
    assert errors == []


def test_accuracy() -> None:
    f, gates, _ = figures()
    assert f["accuracy"] >= gates["accuracy"]


def test_no_false_assurance_on_required_requirements() -> None:
    f, _, _ = figures()
    assert f["required_false_assurance"] == 0


def test_evidence_hit_rate() -> None:
    f, gates, _ = figures()
    assert f["evidence_hit_rate"] >= gates["evidence_hit_rate"]


def test_margin_over_keyword_baseline() -> None:
    f, gates, _ = figures()
    assert f["margin_over_baseline"] >= gates["margin_over_baseline"]
