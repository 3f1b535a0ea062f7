"""The CI examples and the pre-commit hook only run commands that exist in the CLI.

Parses examples/ci/*.yml and .pre-commit-hooks.yaml as YAML, finds every `plansjekk …`
command in their scripts, and checks sub-commands, options and choice values against the
real click command tree, so renaming an option breaks this test, not a kommune's pipeline.
"""

from __future__ import annotations

import re
import shlex
import typing
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest
import typer
import yaml

from plansjekk.cli import app
from plansjekk.report import format_names

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / "examples" / "ci" / "github-actions.yml"
GITLAB = ROOT / "examples" / "ci" / "gitlab-ci.yml"
PRE_COMMIT = ROOT / ".pre-commit-hooks.yaml"
_OPERATORS = {"&&", "||", ";", "|", "&", ";;"}
_REDIRECTS = {">", ">>", "<", "2>", "2>>", "&>"}


def github_scripts(data: dict) -> Iterator[str]:
    for job in data["jobs"].values():
        for step in job["steps"]:
            if "run" in step:
                yield step["run"]


def gitlab_scripts(data: dict) -> Iterator[str]:
    for name, job in data.items():
        if name.startswith(".") or not isinstance(job, dict):
            continue
        for key in ("before_script", "script", "after_script"):
            yield from job.get(key, [])


def commands(script: str) -> Iterator[list[str]]:
    """Simple shell commands of a script whose program is `plansjekk`, redirections
    removed."""
    text = script.replace("\\\n", " ")
    for line in text.splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        lexer.commenters = "#"
        current: list[str] = []
        tokens = iter(lexer)
        for token in tokens:
            if token in _OPERATORS:
                yield from _plansjekk(current)
                current = []
            elif token in _REDIRECTS:
                next(tokens, None)
            else:
                current.append(token)
        yield from _plansjekk(current)


def _plansjekk(words: list[str]) -> Iterator[list[str]]:
    if words and words[0] == "plansjekk":
        yield words[1:]


def _options(command: object) -> dict[str, object]:
    """Option name → parameter. Typer vendors its own click, so this duck-types click's
    public attributes instead of importing the classes."""
    return {
        opt: param
        for param in command.params
        if param.param_type_name == "option"
        for opt in (*param.opts, *param.secondary_opts)
    }


def _choices(param: object) -> list[str] | None:
    """The allowed values of an option typed with an Enum (also inside `X | None`)."""
    descriptor = getattr(param, "type_descriptor", None)
    annotation = getattr(descriptor, "annotation", None)
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return [member.value for member in candidate]
    click_type = getattr(param, "type", None)
    return list(click_type.choices) if hasattr(click_type, "choices") else None


def validate(words: list[str]) -> list[str]:
    """Problems with one `plansjekk` command line (empty when it would parse)."""
    command = typer.main.get_command(app)
    path = ["plansjekk"]
    words = list(words)
    while hasattr(command, "commands"):  # a group
        if not words or words[0].startswith("-"):
            return [f"{' '.join(path)}: no sub-command in {words}"]
        name = words.pop(0)
        if name not in command.commands:
            return [f"{' '.join(path)}: unknown sub-command {name!r}"]
        command = command.commands[name]
        path.append(name)
    problems: list[str] = []
    options = _options(command)
    while words:
        word = words.pop(0)
        if not word.startswith("-") or word == "-":
            continue
        name, _, inline = word.partition("=")
        param = options.get(name)
        if param is None:
            problems.append(f"{' '.join(path)}: unknown option {name}")
            continue
        if param.is_flag or param.count:
            continue
        value = inline or (words.pop(0) if words else "")
        choices = _choices(param)
        if choices is not None and value not in choices:
            problems.append(f"{' '.join(path)} {name}: {value!r} not in {list(choices)}")
        if path[-1] == "check" and name in ("--format", "-f") and value not in format_names():
            problems.append(f"plansjekk check {name}: unknown format {value!r}")
    return problems


@pytest.mark.parametrize(("path", "scripts", "minimum"), [
    (GITHUB, github_scripts, 4),
    (GITLAB, gitlab_scripts, 5),
])
def test_ci_example_commands_exist(path: Path, scripts, minimum: int) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [words for script in scripts(data) for words in commands(script)]
    assert len(found) >= minimum, f"{path.name}: expected plansjekk commands, found {found}"
    problems = [problem for words in found for problem in validate(words)]
    assert problems == []


def test_examples_install_plansjekk_and_publish_reports() -> None:
    github = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    runs = "\n".join(github_scripts(github))
    assert "pip install" in runs and "plansjekk" in runs
    uses = [s.get("uses", "") for job in github["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif") for u in uses)

    gitlab = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    reports = gitlab["plansjekk"]["artifacts"]["reports"]
    assert reports == {"codequality": "gl-code-quality-report.json",
                       "junit": "plansjekk-junit.xml"}
    scripts = "\n".join(gitlab_scripts(gitlab))
    assert "--output gl-code-quality-report.json" in scripts
    assert "--output plansjekk-junit.xml" in scripts


def test_validator_notices_drift() -> None:
    """The checker itself: an unknown option, sub-command or format is reported."""
    assert validate(["check", "planer/", "--format", "sarif"]) == []
    assert validate(["check", "planer/", "--formatt", "sarif"])
    assert validate(["chekc", "planer/"])
    assert validate(["check", "planer/", "--format", "pdf"])
    assert validate(["diff", "p.docx", "--format", "sarif"])  # diff has its own choices
    assert validate(["config", "show", "--format", "json"]) == []
    assert list(commands('plansjekk diff "$p" --rev HEAD~1 >> "$OUT" || status=1')) == [
        ["diff", "$p", "--rev", "HEAD~1"]
    ]


def test_pre_commit_hook() -> None:
    hooks = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["plansjekk"]
    hook = hooks[0]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is True
    entry = shlex.split(hook["entry"])
    assert entry[0] == "plansjekk" and validate(entry[1:]) == []
    files = re.compile(hook["files"])
    assert files.search("planer/plan.pdf") and files.search("Plan 2025.DOCX")
    assert not files.search("plan.doc") and not files.search("plan.pdf.txt")
