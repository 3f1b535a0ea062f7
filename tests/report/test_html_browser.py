"""The HTML report in a real browser: Debian's chromium driven by Playwright.

Sorts the matrix by clicking a header, filters it, clicks into one plan and checks what is
shown, and saves a screenshot. Needs /usr/bin/chromium (`make system-deps`); Playwright
never downloads a browser here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from plansjekk.report import ReportOptions, get_formatter

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


@pytest.fixture
def page(batch_run, ruleset, tmp_path: Path):
    report = tmp_path / "rapport.html"
    report.write_text(get_formatter("html").render(batch_run, ruleset, ReportOptions()), "utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.goto(report.as_uri())
        yield tab
        assert errors == [], errors
        browser.close()


def visible_names(page) -> list[str]:
    return page.locator("#matrix tbody tr:not([hidden]) td.name a").all_inner_texts()


def test_sort_filter_and_open_a_plan(page, tmp_path: Path):
    assert visible_names(page) == ["Asker kommune", "Voss herad", "Bydel Alna", "skannet"]
    assert page.locator("#filter-count").inner_text() == "viser 4 av 4"

    page.click("#matrix thead th:nth-child(1) button")
    assert visible_names(page) == ["Asker kommune", "Bydel Alna", "skannet", "Voss herad"]
    page.click("#matrix thead th:nth-child(1) button")
    assert visible_names(page) == ["Voss herad", "skannet", "Bydel Alna", "Asker kommune"]
    assert page.get_attribute("#matrix thead th:nth-child(1)", "aria-sort") == "descending"

    samarbeid = page.locator('#matrix thead th[data-req="samarbeid"] button')
    samarbeid.click()
    assert visible_names(page)[0] == "Voss herad", "covered sorts before partial"
    samarbeid.click()
    assert visible_names(page)[0] == "skannet", "unreadable last ascending, first descending"

    page.fill("#filter-text", "voss")
    assert visible_names(page) == ["Voss herad"]
    assert page.locator("#filter-count").inner_text() == "viser 1 av 4"
    page.fill("#filter-text", "")
    page.select_option("#filter-status", "failed")
    assert sorted(visible_names(page)) == ["Asker kommune", "Bydel Alna"]
    page.select_option("#filter-status", "all")
    page.select_option("#filter-requirement", "barn-og-unges-medvirkning")
    assert sorted(visible_names(page)) == ["Asker kommune", "Bydel Alna"]
    page.select_option("#filter-requirement", "")

    plan = page.locator("details#plan-1")
    assert not plan.evaluate("element => element.open")
    page.click("a.plan-link:text('Asker kommune')")
    assert plan.evaluate("element => element.open")
    body = plan.locator(".plan-body")
    assert body.is_visible()
    assert "s. 12 · 4.2 Ansvar og roller" in body.inner_text()
    assert body.locator("mark").first.inner_text() == "ansvar for"
    assert re.search(r"Dette mangler:\s+Temaet er bare nevnt i forbifarten[^\n]*\n"
                     r"Nevner samarbeid", body.inner_text())
    assert "→ Passer best under «3 Organisering»." in body.inner_text()
    assert page.evaluate("window.scrollY") > 0, "the plan was scrolled into view"

    page.screenshot(path=str(tmp_path / "plan.png"))
    page.screenshot(path=str(tmp_path / "full.png"), full_page=True)
    assert (tmp_path / "plan.png").stat().st_size > 10_000


def test_script_in_a_document_does_not_run(page):
    page.click("a.plan-link:text('Bydel Alna')")
    assert page.evaluate("window.__pwned") is None
    excerpt = page.locator("details#plan-3 blockquote").first.inner_text()
    assert excerpt.startswith("<script>window.__pwned = 1</script>")
    assert page.locator("details#plan-3 img").count() == 0
