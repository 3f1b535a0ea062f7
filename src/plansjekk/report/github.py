"""`--format github`: GitHub Actions workflow commands, shown as annotations on the run
and the pull request (`::error file=plan.pdf,title=…::message`).

Failing requirements are `::error`, other gaps `::warning`, accepted exceptions
`::notice`, unreadable files `::error`. Values are escaped as the runner requires, so a
document cannot end an annotation early or inject another workflow command.
"""

from __future__ import annotations

from plansjekk.findings import Run
from plansjekk.report import register
from plansjekk.report.base import Formatter, ReportOptions
from plansjekk.report.ci import Level, problems
from plansjekk.report.common import error_documents, error_text, status_label
from plansjekk.rules.model import Ruleset

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTE: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, file: str, title: str, message: str) -> str:
    return (f"::{kind} file={escape_property(file)},title={escape_property(title)}"
            f"::{escape_data(message)}")


@register
class GithubFormatter(Formatter):
    name = "github"
    extension = "txt"

    def render(self, run: Run, ruleset: Ruleset, options: ReportOptions) -> str:
        lang = options.lang
        lines = []
        for document in error_documents(run):
            code = document.error.code if document.error else "error"
            lines.append(command("error", document.path, f"plansjekk: {code}",
                                 error_text(document, lang)))
        for problem in problems(run, ruleset, lang):
            title = (f"{problem.result.id}: "
                     f"{status_label(problem.result.status.value, lang)}")
            lines.append(command(COMMANDS[problem.level], problem.document.path, title,
                                 problem.message))
        return "".join(line + "\n" for line in lines)
