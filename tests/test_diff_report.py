"""Rendering a diff (plansjekk.diff_report): terminal, Markdown and JSON."""

from __future__ import annotations

import json

from plansjekk.diff import diff_documents
from plansjekk.diff_report import DiffFormat, render
from plansjekk.findings import DocumentResult, Evidence, RequirementResult
from plansjekk.rules.model import Requirement, Ruleset, Severity, Status

RULESET = Ruleset(
    id="mini", version="1", title={"nb": "Mini"},
    requirements=(
        Requirement(id="samarbeid", severity=Severity.REQUIRED,
                    title={"nb": "Samarbeid", "nn": "Samarbeid", "en": "Cooperation"}),
        Requirement(id="tiltak", severity=Severity.RECOMMENDED,
                    title={"nb": "Tiltak | nivåer", "en": "Measures"}),
    ),
)


def compared():
    lost = Evidence(excerpt="Skolen og \x1b[31mbarnevernet\x1b[0m samarbeider.", page=4,
                    section="3 Samarbeid", matched=("samarbeider",))
    old = DocumentResult(path="plan.pdf", passed=True, requirements=(
        RequirementResult("samarbeid", Severity.REQUIRED, Status.COVERED, 0.8, (lost,)),
        RequirementResult("tiltak", Severity.RECOMMENDED, Status.PARTIAL, 0.3),
    ))
    new = DocumentResult(path="plan.pdf", passed=False, requirements=(
        RequirementResult("samarbeid", Severity.REQUIRED, Status.PARTIAL, 0.4),
        RequirementResult("tiltak", Severity.RECOMMENDED, Status.COVERED, 0.7),
    ))
    return diff_documents(old, new, "plan.pdf@v1", "plan.pdf")


def test_terminal_marks_worse_and_better_and_cleans_excerpts() -> None:
    text = render(compared(), RULESET, DiffFormat.TERMINAL, "nb")
    lines = text.splitlines()
    assert lines[0] == "Endringer fra plan.pdf@v1 til plan.pdf"
    assert lines[2].startswith("▼ Samarbeid") and lines[2].endswith("FORVERRET")
    assert "✔ dekket 0.80 → ◐ delvis 0.40" in lines[2]
    assert "\x1b" not in text
    assert "s. 4 · 3 Samarbeid: «Skolen og barnevernet samarbeider.»" in text
    assert any(line.startswith("▲ Tiltak") and line.endswith("forbedret") for line in lines)
    assert lines[-1] == "1 krav er blitt dårligere."


def test_markdown_escapes_pipes_and_bolds_regressions() -> None:
    text = render(compared(), RULESET, DiffFormat.MARKDOWN, "en")
    assert "| Tiltak \\| nivåer |" not in text  # English title used
    assert "| Measures | ◐ partial 0.30 | ✔ covered 0.70 | improved |" in text
    assert "| Cooperation | ✔ covered 0.80 | ◐ partial 0.40 | **▼ WORSE** |" in text
    assert text.rstrip().endswith("1 requirement(s) got worse.")
    nb = render(compared(), RULESET, DiffFormat.MARKDOWN, "nb")
    assert "| Tiltak \\| nivåer |" in nb


def test_json_shape() -> None:
    data = json.loads(render(compared(), RULESET, DiffFormat.JSON, "nb"))
    assert data["schema"] == "plansjekk.diff/1"
    assert data["old"] == {"label": "plan.pdf@v1", "path": "plan.pdf", "passed": True}
    assert data["regressed"] is True
    first = data["requirements"][0]
    assert first["id"] == "samarbeid" and first["change"] == "worse"
    assert first["before"] == {"status": "covered", "score": 0.8, "accepted": None}
    assert first["score_delta"] == -0.4
    assert first["lost_evidence"][0]["page"] == 4
