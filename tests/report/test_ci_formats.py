"""SARIF (official schema), JUnit (ElementTree), GitHub commands (pattern), GitLab fields."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from plansjekk.policy import FailOn
from plansjekk.report import ReportOptions, get_formatter

from .helpers import assert_valid_sarif


def render(name, run, ruleset, lang="nb") -> str:
    return get_formatter(name).render(run, ruleset, ReportOptions(lang=lang, color=False))


# --- SARIF -----------------------------------------------------------------------------


def test_sarif_is_valid_against_the_official_schema(batch_run, single_run, ruleset):
    for run in (batch_run, single_run):
        for lang in ("nb", "en"):
            assert_valid_sarif(render("sarif", run, ruleset, lang))


def test_sarif_one_result_per_requirement_not_covered(batch_run, ruleset):
    sarif = assert_valid_sarif(render("sarif", batch_run, ruleset))
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [
        "ansvarsfordeling", "samarbeid", "barn-og-unges-medvirkning", "tiltak"
    ]
    results = run["results"]
    assert len(results) == 2 + 1 + 4
    first = results[0]
    assert first["ruleId"] == "samarbeid" and rules[first["ruleIndex"]]["id"] == "samarbeid"
    assert first["level"] == "error"
    assert "Nevner samarbeid, men beskriver ikke arenaer" in first["message"]["text"]
    assert "(s. 7)" in first["message"]["text"]
    where = first["locations"][0]
    assert where["physicalLocation"]["artifactLocation"]["uri"] == "innsendt/asker.pdf"
    assert where["properties"]["page"] == 7


def test_sarif_accepted_is_suppressed_and_recommended_is_a_warning(batch_run, ruleset):
    results = assert_valid_sarif(render("sarif", batch_run, ruleset))["runs"][0]["results"]
    accepted = next(r for r in results if "suppressions" in r)
    assert accepted["level"] == "note" and accepted["ruleId"] == "tiltak"
    assert accepted["suppressions"][0]["justification"].startswith("Tiltaka står")
    alna_tiltak = [r for r in results if r["ruleId"] == "tiltak" and "suppressions" not in r]
    assert [r["level"] for r in alna_tiltak] == ["warning"]


def test_sarif_unreadable_file_is_a_notification(batch_run, ruleset):
    invocation = assert_valid_sarif(render("sarif", batch_run, ruleset))["runs"][0][
        "invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["descriptor"]["id"] == "no-text-layer"
    assert "skannet.pdf" in note["message"]["text"]


def test_sarif_uri_is_percent_encoded(batch_run, ruleset):
    results = assert_valid_sarif(render("sarif", batch_run, ruleset))["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "innsendt/alna%3Cimg%20src%3Dx%3E.pdf" in uris


# --- JUnit -----------------------------------------------------------------------------


def test_junit_one_testcase_per_document_and_requirement(batch_run, ruleset):
    root = ET.fromstring(render("junit", batch_run, ruleset))
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) \
        == ("13", "5", "1", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites][:2] == [
        "Asker kommune (innsendt/asker.pdf)", "Voss herad (innsendt/voss.docx)"
    ]
    asker = suites[0]
    cases = asker.findall("testcase")
    assert cases[0].get("name") == "ansvarsfordeling: Ansvarsfordeling mellom tjenestene"
    assert cases[0].find("failure") is None
    failure = cases[1].find("failure")
    assert failure.get("type") == "partial"
    assert failure.get("message").endswith(
        "Nevner samarbeid, men beskriver ikke arenaer eller rutiner for samarbeidet. "
        "Passer best under «3 Organisering».")
    assert failure.text == "[s. 7 · 2 Innledning] Tjenestene skal ha et godt samarbeid."
    assert cases[3].find("failure") is None, "a covered recommended requirement passes"


def test_junit_accepted_is_skipped_error_document_is_error(batch_run, ruleset):
    root = ET.fromstring(render("junit", batch_run, ruleset))
    voss, alna, error = root.findall("testsuite")[1:]
    assert voss.findall("testcase")[3].find("skipped") is not None
    assert alna.findall("testcase")[3].find("system-out") is not None, "recommended gap passes"
    (case,) = error.findall("testcase")
    assert case.find("error").get("type") == "no-text-layer"


def test_junit_follows_fail_on(batch_run, ruleset):
    lenient = replace(batch_run, fail_on=FailOn.REQUIRED_MISSING.value)
    root = ET.fromstring(render("junit", lenient, ruleset))
    assert root.get("failures") == "2", "only the two missing required requirements fail"


# --- GitHub ----------------------------------------------------------------------------

GITHUB_LINE = re.compile(
    r"^::(?P<kind>error|warning|notice) file=(?P<file>[^,:]+),title=(?P<title>[^,:]+)::"
    r"(?P<message>[^\r\n]+)$"
)


def test_github_lines_are_workflow_commands(batch_run, ruleset):
    lines = render("github", batch_run, ruleset).splitlines()
    matches = [GITHUB_LINE.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches, strict=True) if not m]
    kinds = [(m["kind"], m["file"], m["title"]) for m in matches]
    assert kinds[0] == ("error", "innsendt/skannet.pdf", "plansjekk%3A no-text-layer")
    assert ("error", "innsendt/asker.pdf", "samarbeid%3A delvis") in kinds
    assert ("notice", "innsendt/voss.docx", "tiltak%3A mangler") in kinds
    assert ("warning", "innsendt/alna<img src=x>.pdf", "tiltak%3A mangler") in kinds
    assert len(lines) == 1 + 7


def test_github_escapes_newlines_and_commas():
    from plansjekk.report.github import command

    line = command("error", "a,b:c.pdf", "x", "one\ntwo %")
    assert line == "::error file=a%2Cb%3Ac.pdf,title=x::one%0Atwo %25"


# --- GitLab ----------------------------------------------------------------------------


def test_gitlab_code_quality_fields(batch_run, ruleset):
    issues = json.loads(render("gitlab", batch_run, ruleset))
    assert isinstance(issues, list) and len(issues) == 1 + 7
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    error = issues[0]
    assert (error["check_name"], error["severity"]) == ("plansjekk/no-text-layer", "blocker")
    samarbeid = next(i for i in issues if i["check_name"] == "samarbeid")
    assert samarbeid["severity"] == "major" and samarbeid["location"]["lines"]["begin"] == 7
    medvirkning = next(i for i in issues if i["check_name"] == "barn-og-unges-medvirkning")
    assert medvirkning["severity"] == "critical"


def test_gitlab_fingerprints_are_stable(batch_run, ruleset):
    assert render("gitlab", batch_run, ruleset) == render("gitlab", batch_run, ruleset)
