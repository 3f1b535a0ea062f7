"""The JSON report: exactly the contract shape, valid against the shipped schema."""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest

from plansjekk.findings import DocumentError
from plansjekk.i18n import Message
from plansjekk.report import ReportOptions, get_formatter
from plansjekk.report.schema import validate_report

from .helpers import assert_valid_report_json

CONTRACT_DOCUMENT_KEYS = {
    "path", "status", "error", "format", "pages", "language", "warnings", "requirements",
    "summary",
}
CONTRACT_REQUIREMENT_KEYS = {"id", "title", "severity", "status", "score", "evidence"}


def render_json(run, ruleset, lang="nb") -> dict:
    text = get_formatter("json").render(run, ruleset, ReportOptions(lang=lang, color=False))
    return assert_valid_report_json(text)


def test_top_level_contract(batch_run, ruleset):
    data = render_json(batch_run, ruleset)
    assert data["schema"] == "plansjekk.report/1"
    assert data["tool"] == {"name": "plansjekk", "version": "0.3.0"}
    assert data["ruleset"] == {"id": "bvl-15-1", "version": "2026.1", "path": "rules/bvl-15-1.yaml"}
    assert data["documents"][0]["path"] == "innsendt/asker.pdf"
    assert data["skipped"] == ["innsendt/logo.png"]
    assert data["passed"] is False


def test_document_and_requirement_fields(single_run, ruleset):
    document = render_json(single_run, ruleset)["documents"][0]
    assert document.keys() >= CONTRACT_DOCUMENT_KEYS
    assert document["status"] == "ok" and document["error"] is None
    assert (document["format"], document["pages"], document["language"]) == ("pdf", 42, "nb")
    assert document["municipality"] == "Asker kommune"
    assert document["summary"] == {"covered": 2, "partial": 1, "missing": 1, "passed": False}
    first, second = document["requirements"][:2]
    assert first.keys() >= CONTRACT_REQUIREMENT_KEYS
    assert first["evidence"][0] == {
        "page": 12,
        "section": "4.2 Ansvar og roller",
        "excerpt": "Barnehagen har ansvar for tidlig innsats, og helsestasjonen har ansvar for "
        "foreldreveiledning.",
        "matched": ["ansvar for"],
        "score": 0.9,
    }
    assert second["status"] == "partial" and second["review"] is True
    assert second["reasons"] == ["passing-mention", "few-aspects"]
    assert second["aspects_missing"] == ["arenaer"]
    assert second["suggested_section"] == "3 Organisering"


def test_error_document_has_code_message_and_no_requirements(batch_run, ruleset):
    error_doc = render_json(batch_run, ruleset)["documents"][3]
    assert error_doc["status"] == "error"
    assert error_doc["error"]["code"] == "no-text-layer"
    assert error_doc["error"]["message"].startswith("innsendt/skannet.pdf: PDF-en har ikke")
    assert error_doc["requirements"] == []
    assert error_doc["summary"]["passed"] is False


def test_docx_evidence_has_null_page_and_titles_follow_the_plan_language(nynorsk_run, ruleset):
    document = render_json(nynorsk_run, ruleset)["documents"][0]
    assert document["pages"] is None
    assert document["requirements"][0]["evidence"][0]["page"] is None
    assert document["requirements"][2]["title"] == "Medverknad frå barn og unge"
    assert document["requirements"][3]["accepted"].startswith("Tiltaka står")
    english = render_json(nynorsk_run, ruleset, lang="en")["documents"][0]
    assert english["requirements"][2]["title"] == "Participation of children and young people"


def test_document_text_is_kept_verbatim(batch_run, ruleset):
    """JSON escapes by construction; consumers get the excerpt exactly as read."""
    data = render_json(batch_run, ruleset)
    assert data["documents"][2]["requirements"][0]["evidence"][0]["excerpt"].startswith("<script>")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("schema"),
        lambda d: d["documents"][0].pop("summary"),
        lambda d: d["documents"][0]["requirements"][0].update(status="ok"),
        lambda d: d["documents"][0]["requirements"][0].update(score=1.5),
        lambda d: d["documents"][3].update(error=None),
        lambda d: d["documents"][0]["requirements"][0]["evidence"][0].update(page=0),
    ],
)
def test_schema_rejects_broken_reports(batch_run, ruleset, mutate):
    data = json.loads(get_formatter("json").render(batch_run, ruleset, ReportOptions()))
    mutate(data)
    with pytest.raises(jsonschema.ValidationError):
        validate_report(data)


def test_schema_allows_added_fields(single_run, ruleset):
    data = render_json(single_run, ruleset)
    data["documents"][0]["new_field"] = 1
    validate_report(data)


def test_score_is_clamped_into_unit_interval(single_run, asker, ruleset):
    odd = replace(asker.requirements[0], score=1.0000001)
    run = replace(single_run, documents=(replace(asker, requirements=(odd,)),))
    assert render_json(run, ruleset)["documents"][0]["requirements"][0]["score"] == 1.0


@pytest.mark.parametrize(("lang", "expected"), [
    ("nb", "(komprimering 1028:1, zip-bombe). Eksporter dokumentet på nytt."),
    ("nn", "(komprimering 1028:1, zip-bombe). Eksporter dokumentet på nytt."),
    ("en", "(compression ratio 1028:1, a zip bomb). Export the document again."),
])
def test_error_message_and_its_detail_are_in_the_report_language(batch_run, unreadable,
                                                                 ruleset, lang, expected):
    detail = Message("detail.zip-ratio", {"ratio": "1028:1"})
    error = DocumentError("unsafe", Message("error.unsafe", {"path": "b.docx", "detail": detail}))
    bomb = replace(unreadable, path="b.docx", error=error)
    documents = render_json(replace(batch_run, documents=(bomb,)), ruleset, lang)["documents"]
    assert documents[0]["error"]["message"].startswith("b.docx: ")
    assert documents[0]["error"]["message"].endswith(expected)
