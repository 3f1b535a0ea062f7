"""Issue 4, "Done when": a batch of 70 generated plans (some corrupt) through the real command
with `--jobs 2`, to every output format; the XLSX and CSV cells, the HTML in a real browser
(Debian's chromium via Playwright) and the terminal's totals are checked against the JSON.

The batch is generated and checked once per session: the first run (JSON) reads every file
in two workers; the other formats are served from the same (test-only) cache.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from tests.acceptance.conftest import CHROMIUM, LAUNCH_ARGS
from tests.acceptance.plans import ABSENT, BATCH_SIZE, CORRUPT_FILES, Spec, make_batch
from tests.report.helpers import assert_valid_report_json, assert_valid_sarif

pytestmark = pytest.mark.slow

STATUS_WORDS = {"covered": "dekket", "partial": "delvis", "missing": "mangler"}
DISTINCT = ("avklaring-ved-uenighet", "barn-og-unges-medvirkning", "kommunestyrevedtak",
            "mal-og-strategier", "samarbeid", "sammenheng-med-andre-planer")
"""Requirements whose words no other generated chapter uses: left out ⇒ never `covered`."""


@dataclass
class Batch:
    base: Path
    specs: dict[str, Spec]
    data: dict
    exit_code: int
    seconds: float

    def document(self, name: str) -> dict:
        return next(d for d in self.data["documents"] if Path(d["path"]).name == name)

    def statuses(self) -> dict[tuple[str, str], str]:
        """(file, requirement id) → status, for every readable document."""
        return {(d["path"], r["id"]): r["status"] for d in self.data["documents"]
                for r in d["requirements"]}


@pytest.fixture(scope="session")
def batch(tmp_path_factory, plansjekk, cache_dir) -> Batch:
    base = tmp_path_factory.mktemp("batch70")
    started = time.monotonic()
    specs = make_batch(base / "innsendt")
    shutil.rmtree(cache_dir / "batch", ignore_errors=True)
    result = plansjekk("check", "innsendt", "--jobs", "2", "--format", "json", cwd=base,
                       env={"PLANSJEKK_CACHE_DIR": str(cache_dir / "batch")})
    data = assert_valid_report_json(result.stdout)
    return Batch(base, {s.file: s for s in specs}, data, result.returncode,
                 time.monotonic() - started)


@pytest.fixture(scope="session")
def warm(batch, cache_dir):
    """Runs a format against the batch's warm cache."""

    def run(plansjekk, *args: str, binary: bool = False):
        return plansjekk("check", "innsendt", "--jobs", "2", *args, cwd=batch.base,
                         binary=binary, env={"PLANSJEKK_CACHE_DIR": str(cache_dir / "batch")})

    return run


def test_json_has_every_document_and_the_error_codes(batch):
    assert batch.exit_code == 2, "corrupt files in the batch: exit 2"
    documents = batch.data["documents"]
    assert len(documents) == BATCH_SIZE == len(batch.specs)
    assert [Path(p).name for p in batch.data["skipped"]] == ["logo.png"]
    for name, code in CORRUPT_FILES.items():
        document = batch.document(name)
        assert document["status"] == "error" and document["error"]["code"] == code, document
    readable = [d for d in documents if d["status"] == "ok"]
    assert len(readable) == BATCH_SIZE - len(CORRUPT_FILES)
    assert all(len(d["requirements"]) == 12 for d in readable)
    passed = sum(d["summary"]["passed"] for d in readable)
    assert 0 < passed < len(readable), "the batch has both passing and failing plans"


def test_municipality_language_and_format_are_recognised(batch):
    wrong = []
    for name, spec in batch.specs.items():
        if spec.kind == "corrupt":
            continue
        document = batch.document(name)
        found = (document.get("municipality"), document["language"], document["format"])
        if found != (spec.municipality, spec.lang, spec.kind):
            wrong.append(f"{name}: {found}")
    assert not wrong, "\n".join(wrong)


def test_left_out_requirements_are_never_covered(batch):
    wrong = []
    for name, spec in batch.specs.items():
        if spec.kind == "corrupt":
            continue
        for requirement in batch.document(name)["requirements"]:
            rid = requirement["id"]
            left_out = rid in DISTINCT and spec.levels[rid] == ABSENT
            if left_out and requirement["status"] == "covered":
                wrong.append(f"{name}: {rid} is covered but not in the plan")
    assert not wrong, "\n".join(wrong)


def test_csv_rows_match_the_json(plansjekk, batch, warm):
    result = warm(plansjekk, "--format", "csv")
    assert result.returncode == 2
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    keys = list(rows[0])
    municipality, file, rid, status = keys[0], keys[1], keys[2], keys[5]
    readable = [d for d in batch.data["documents"] if d["status"] == "ok"]
    assert len(rows) == len(readable) * 12 + len(CORRUPT_FILES)
    expected = batch.statuses()
    seen = set()
    for row in rows:
        name = Path(row[file]).name
        spec = batch.specs[name]
        if spec.kind == "corrupt":
            assert row[status] == "feil" and not row[rid]
            continue
        assert row[municipality].startswith(spec.municipality), row
        assert row[status] == STATUS_WORDS[expected[(row[file], row[rid])]], row
        seen.add((row[file], row[rid]))
    assert seen == set(expected)


def test_xlsx_matrix_and_excerpts_match_the_json(plansjekk, batch, warm, tmp_path):
    report = tmp_path / "rapport.xlsx"
    result = warm(plansjekk, "--format", "xlsx", "--output", str(report))
    assert result.returncode == 2
    workbook = openpyxl.load_workbook(report)
    matrix = workbook["Matrise"]
    assert matrix.freeze_panes == "B2"
    assert matrix.auto_filter.ref and matrix.auto_filter.ref.startswith("A1:")
    rows = list(matrix.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == BATCH_SIZE
    ids = [r["id"] for r in next(d for d in batch.data["documents"] if d["requirements"])[
        "requirements"]]
    documents = {d["path"]: d for d in batch.data["documents"]}
    for row in body:
        document = documents[row[1]]
        spec = batch.specs[Path(row[1]).name]
        if spec.kind == "corrupt":
            assert document["error"]["code"]
            assert document["path"] in row[-1], "the note column carries the error message"
            continue
        assert row[0].startswith(spec.municipality)
        statuses = {r["id"]: r["status"] for r in document["requirements"]}
        cells = row[3:3 + len(ids)]
        assert [c.split(" ", 1)[1] for c in cells] == [STATUS_WORDS[statuses[i]] for i in ids]
    assert len(header) == 3 + len(ids) + 1

    excerpts = workbook["Utdrag"]
    assert excerpts.freeze_panes == "B2" and excerpts.auto_filter.ref
    excerpt_rows = list(excerpts.iter_rows(min_row=2, values_only=True))
    assert len(excerpt_rows) > BATCH_SIZE
    expected = batch.statuses()
    for row in excerpt_rows:
        assert row[4] == STATUS_WORDS[expected[(row[1], row[2])]], row
        assert row[7], "an excerpt row without an excerpt"


def test_markdown_lists_every_plan(plansjekk, batch, warm):
    result = warm(plansjekk, "--format", "markdown")
    assert result.returncode == 2
    for spec in batch.specs.values():
        assert (spec.municipality or Path(spec.file).stem.split("-", 1)[1]) in result.stdout \
            or spec.file in result.stdout, spec.file
    table_rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(table_rows) >= BATCH_SIZE + 1


def test_ci_formats(plansjekk, batch, warm):
    sarif = assert_valid_sarif(warm(plansjekk, "--format", "sarif").stdout)
    assert sarif["runs"][0]["results"]

    junit = ET.fromstring(warm(plansjekk, "--format", "junit").stdout)
    readable = BATCH_SIZE - len(CORRUPT_FILES)
    assert int(junit.get("tests")) == readable * 12 + len(CORRUPT_FILES)
    assert int(junit.get("errors")) == len(CORRUPT_FILES)
    assert len(junit.findall("testsuite")) == BATCH_SIZE
    not_covered = sum(1 for status in batch.statuses().values() if status != "covered")
    assert int(junit.get("failures")) <= not_covered

    github = warm(plansjekk, "--format", "github").stdout.splitlines()
    assert github and all(line.startswith("::") for line in github if line.strip())
    for name in CORRUPT_FILES:
        assert any(f"file=innsendt/{name}," in line and line.startswith("::error")
                   for line in github), name

    gitlab = json.loads(warm(plansjekk, "--format", "gitlab").stdout)
    assert {issue["location"]["path"] for issue in gitlab} >= {
        f"innsendt/{name}" for name in CORRUPT_FILES}
    assert len({issue["fingerprint"] for issue in gitlab}) == len(gitlab)


def test_terminal_matrix_shows_totals_per_requirement(plansjekk, batch, warm):
    result = warm(plansjekk)
    assert result.returncode == 2
    out = result.stdout
    assert "Sum per krav" in out
    totals = {rid: Counter() for rid in next(
        [r["id"] for r in d["requirements"]] for d in batch.data["documents"] if d["requirements"])}
    for (_, rid), status in batch.statuses().items():
        totals[rid][status] += 1
    for rid, count in totals.items():
        line = (f"{rid}: {count['covered']} dekket, {count['partial']} delvis, "
                f"{count['missing']} mangler")
        assert line in out, line
    readable = BATCH_SIZE - len(CORRUPT_FILES)
    passed = sum(d["summary"]["passed"] for d in batch.data["documents"] if d["requirements"])
    assert re.search(rf"{BATCH_SIZE} planer: {passed} bestått, {readable - passed} ikke bestått, "
                     rf"{len(CORRUPT_FILES)} kunne ikke leses", out), out[-300:]
    for spec in batch.specs.values():
        if spec.municipality:
            assert spec.municipality in out, spec.municipality


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium")
def test_html_report_in_a_real_browser(plansjekk, batch, warm, tmp_path):
    from playwright.sync_api import sync_playwright

    report = tmp_path / "rapport.html"
    result = warm(plansjekk, "--format", "html", "--output", str(report))
    assert result.returncode == 2
    html = report.read_text("utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html, (
        "self-contained: no network")
    spec = next(s for s in batch.specs.values() if s.lang == "nn" and s.kind == "docx")
    document = batch.document(spec.file)
    excerpt = next(e["excerpt"] for r in document["requirements"] for e in r["evidence"])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.goto(report.as_uri())
            assert page.locator("#matrix tbody tr").count() == BATCH_SIZE
            link = page.locator("a.plan-link", has_text=spec.municipality).first
            target = link.get_attribute("href")
            link.click()
            details = page.locator(f"details{target}")
            assert details.evaluate("element => element.open")
            body = details.locator(".plan-body")
            assert body.is_visible()
            quotes = body.locator("blockquote")
            assert quotes.count() > 0 and quotes.first.is_visible()
            shown = re.sub(r"\s+", " ", body.inner_text())
            assert excerpt.strip("…")[:60] in shown
            shot = tmp_path / "plan.png"
            page.screenshot(path=str(shot))
            assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
            assert shot.stat().st_size > 20_000
            assert errors == [], errors
        finally:
            browser.close()


def test_batch_is_quick(batch):
    assert batch.seconds < 60, f"generating and checking 70 plans took {batch.seconds:.0f} s"
