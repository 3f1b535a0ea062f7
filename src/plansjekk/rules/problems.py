"""Problems found in a rules file, kept as values so every one can be reported at once.

A problem is located at the exact YAML node (1-based line and column) and carries a message
key plus parameters; the text is looked up in `locale/rules.yaml` when it is rendered, so the
same problem reads in bokmål, nynorsk or English. A suggestion ("mente du «terms»?") is a
second, optional key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from plansjekk.i18n import DEFAULT_LANG, Lang, t


@dataclass(frozen=True, slots=True)
class Problem:
    """One mistake in a rules file, at `path:line:column`."""

    path: str
    line: int
    column: int
    code: str
    """Stable kind of problem (`unknown-key`, `wrong-type`, ...): the message key suffix."""
    params: dict[str, object] = field(default_factory=dict)
    hint: str | None = None
    """Code of the suggestion message, if there is one (`rules.hint.<hint>`)."""

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(f"rules.problem.{self.code}", lang, **self._params(lang))

    def suggestion(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(f"rules.hint.{self.hint}", lang, **self._params(lang)) if self.hint else ""

    def _params(self, lang: Lang) -> dict[str, object]:
        """Parameters with the kind names (`expected`, `actual`) in the reader's language."""
        return {
            name: t(f"rules.kind.{value}", lang) if name in ("expected", "actual") else value
            for name, value in self.params.items()
        }

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        """`file:line:column: message (suggestion)` on one line, like a compiler."""
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        text = f"{where}: {self.message(lang)}"
        suggestion = self.suggestion(lang)
        return f"{text} ({suggestion})" if suggestion else text


class RulesetError(Exception):
    """A rules file (or a file it extends) has problems; all of them are in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(format_problems(self.problems, "en"))

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return format_problems(self.problems, lang)


def format_problems(problems: list[Problem], lang: Lang = DEFAULT_LANG) -> str:
    """All problems, one per line, in file and line order (the order an editor jumps in)."""
    ordered = sorted(problems, key=lambda p: (p.path, p.line, p.column))
    return "\n".join(problem.render(lang) for problem in ordered)
