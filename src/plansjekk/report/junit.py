"""`--format junit`: JUnit XML, which every CI shows as a test report.

One test suite per document, one test case per requirement. A requirement that fails the
document (under `fail-on`) is a `<failure>`; an accepted exception is `<skipped>`; an
unreadable file is a suite with one `<error>`. Other gaps pass, with the advice in
`<system-out>` so it is still visible.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from plansjekk.findings import DocumentResult, Run
from plansjekk.i18n import Lang, t
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.ci import Level, level_of, problem_message
from plansjekk.report.common import (
    display_lang,
    error_text,
    location_label,
    municipality_label,
    one_line,
    requirement_title,
)
from plansjekk.rules.model import Ruleset, Status


def document_suite(document: DocumentResult, run: Run, ruleset: Ruleset,
                   lang: Lang) -> ET.Element:
    label = municipality_label(document)
    suite = ET.Element("testsuite", name=f"{label} ({one_line(document.path)})",
                       time=f"{document.seconds:.3f}")
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="file", value=document.path)
    ET.SubElement(properties, "property", name="ruleset",
                  value=f"{run.ruleset.id} {run.ruleset.version}")
    counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    classname = f"plansjekk.{run.ruleset.id}.{label}"
    if document.status == "error":
        case = ET.SubElement(suite, "testcase", name=t("report.status.error", lang),
                             classname=classname, file=document.path)
        code = document.error.code if document.error else "error"
        ET.SubElement(case, "error", type=code, message=error_text(document, lang))
        counts.update(tests=1, errors=1)
    titles_lang = display_lang(lang, document.language)
    for result in document.requirements:
        counts["tests"] += 1
        title = requirement_title(ruleset, result.id, titles_lang)
        case = ET.SubElement(suite, "testcase", name=f"{result.id}: {title}",
                             classname=classname, file=document.path, time="0")
        if result.status is Status.COVERED:
            continue
        message = problem_message(result, ruleset, lang, titles_lang)
        level = level_of(result, run)
        if level is Level.NOTE:
            ET.SubElement(case, "skipped", message=message)
            counts["skipped"] += 1
        elif level is Level.ERROR:
            failure = ET.SubElement(case, "failure", type=result.status.value, message=message)
            failure.text = evidence_text(document, result.evidence, lang) or message
            counts["failures"] += 1
        else:
            ET.SubElement(case, "system-out").text = message
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite


def evidence_text(document: DocumentResult, evidence, lang: Lang) -> str:
    lines = []
    for item in evidence:
        location = location_label(item, lang)
        lines.append(f"[{location}] {one_line(item.excerpt)}" if location
                     else one_line(item.excerpt))
    return "\n".join(lines)


@register
class JunitFormatter(Formatter):
    name = "junit"
    extension = "xml"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        root = ET.Element("testsuites", name="plansjekk")
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for document in run.documents:
            suite = document_suite(document, run, ruleset, options.lang)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
            root.append(suite)
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
