"""Every registered format renders every kind of run, including an empty one."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from plansjekk.report import FORMATS, ReportOptions, format_names, get_formatter

from .helpers import assert_valid_report_json, assert_valid_sarif

EXPECTED = {"terminal", "json", "markdown", "csv", "xlsx", "html", "sarif", "junit", "github",
            "gitlab"}


def test_all_formats_are_registered():
    assert set(format_names()) == EXPECTED
    for name in EXPECTED:
        formatter = type(get_formatter(name))
        assert FORMATS[name] is formatter
        assert formatter.name == name and formatter.extension
        assert formatter.binary is (name == "xlsx")


def test_a_check_imports_only_the_format_it_prints():
    """openpyxl (for xlsx) costs every terminal or JSON run ≈80 ms when imported eagerly."""
    code = (
        "import sys; from plansjekk.report import get_formatter, format_names; "
        "format_names(); get_formatter('terminal'); get_formatter('json'); "
        "print(sorted(m for m in ('openpyxl', 'plansjekk.report.xlsx', "
        "'plansjekk.report.html') if m in sys.modules))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("lang", ["nb", "nn", "en"])
def test_renders_single_batch_and_empty_runs(name, lang, single_run, batch_run, ruleset):
    formatter = get_formatter(name)
    for run in (single_run, batch_run, replace(batch_run, documents=(), skipped=())):
        output = formatter.render(run, ruleset, ReportOptions(lang=lang, color=False))
        assert isinstance(output, bytes if formatter.binary else str)
        if name == "json":
            assert_valid_report_json(output)
        if name == "sarif":
            assert_valid_sarif(output)


def test_unknown_requirement_in_results_still_renders(single_run, asker, ruleset):
    """A cached run or another ruleset may carry an id the ruleset does not know."""
    stray = replace(asker.requirements[1], id="ukjent-krav")
    run = replace(single_run, documents=(replace(asker, requirements=(stray,)),))
    for name in EXPECTED:
        get_formatter(name).render(run, ruleset, ReportOptions(color=False))
