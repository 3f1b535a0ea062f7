"""Loads a ruleset by id or path: read safely, resolve `extends`, validate, build.

Every problem of the file (and of the files it extends) is collected before anything is
built, so a writer sees all mistakes at once; `load_ruleset` raises `RulesetError` with all
of them, `validate_file` returns them.
"""

from __future__ import annotations

import os
from pathlib import Path

from plansjekk.rules.build import build_ruleset
from plansjekk.rules.compose import merge_ruleset
from plansjekk.rules.model import Ruleset
from plansjekk.rules.problems import Problem, RulesetError
from plansjekk.rules.resolve import Located, bundled_ids, locate
from plansjekk.rules.validate import check_logic, check_structure, duplicate_ids
from plansjekk.rules.yamlread import YDict, YList, at, read_yaml


def load_ruleset(ref: str | os.PathLike[str]) -> Ruleset:
    """The ruleset `ref` names (bundled id, project id or path), validated and composed.

    Raises RulesetError listing every problem found.
    """
    ruleset, problems = load_with_problems(ref)
    if problems or ruleset is None:
        raise RulesetError(problems)
    return ruleset


def validate_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem of the rules file at `path` (or bundled id), empty when it is valid."""
    return load_with_problems(path)[1]


def load_with_problems(ref: str | os.PathLike[str]) -> tuple[Ruleset | None, list[Problem]]:
    located = locate(ref)
    if located is None:
        params = {"ref": os.fspath(ref), "allowed": ", ".join(bundled_ids())}
        return None, [Problem(os.fspath(ref), 0, 0, "not-found", params, "bundled")]
    data, problems = _load(located, chain=())
    if data is None:
        return None, problems
    requirements = data.get("requirements")
    problems += check_logic(list(requirements) if isinstance(requirements, YList) else [],
                            located.path)
    if problems:
        return None, _unique(problems)
    return build_ruleset(data, located.path), []


def _load(located: Located, chain: tuple[str, ...]) -> tuple[YDict | None, list[Problem]]:
    """The file's values composed with its base, and the problems of both."""
    data, problems = read_yaml(located.text, located.path)
    if problems and not isinstance(data, YDict):
        return None, problems
    if not isinstance(data, YDict):
        return None, check_structure(data, located.path)
    base, base_problems = _load_base(data, located, (*chain, located.key))
    problems += base_problems
    base_ids = _ids(base.get("requirements")) if base is not None else []
    problems += check_structure(data, located.path, base_ids)
    problems += duplicate_ids(data.get("requirements") or [], located.path)
    if "extends" in data and base is None:
        return None, problems
    return (merge_ruleset(base, data) if base is not None else data), problems


def _load_base(data: YDict, located: Located, chain: tuple[str, ...]):
    ref = data.get("extends")
    if not isinstance(ref, str):
        return None, []
    node = data.values_at["extends"]
    base = locate(ref, Path(located.path).parent)
    if base is None:
        return None, [at(located.path, node, "unknown-extends", "bundled", ref=ref,
                         allowed=", ".join(bundled_ids()))]
    if base.key in chain:
        names = [Path(k).name for k in chain[chain.index(base.key):]] + [Path(base.key).name]
        return None, [at(located.path, node, "extends-cycle", chain=" → ".join(names))]
    return _load(base, chain)


def _ids(requirements: object) -> list[str]:
    if not isinstance(requirements, list):
        return []
    return [r["id"] for r in requirements if isinstance(r, dict) and isinstance(r.get("id"), str)]


def _unique(problems: list[Problem]) -> list[Problem]:
    """Drops repeats (a base file's problem met through two routes)."""
    seen: set[tuple[object, ...]] = set()
    result = []
    for problem in problems:
        key = (problem.path, problem.line, problem.column, problem.code, repr(problem.params))
        if key not in seen:
            seen.add(key)
            result.append(problem)
    return result
