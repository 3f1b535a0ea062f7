"""`read_yaml` reads alike with libyaml and with PyYAML's Python composer: the same values,
the same problems, and every key and value located at the same line and column."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from plansjekk.rules import yamlread
from plansjekk.rules.yamlread import YDict, YList, read_yaml

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted(
    [
        *(ROOT / "src/plansjekk/rulesets").glob("*.yaml"),
        *(ROOT / "src/plansjekk/locale").glob("*.yaml"),
        *(ROOT / "docs/examples").glob("*.yaml"),
        *(ROOT / "tests/fixtures").rglob("*.yaml"),
        *(ROOT / "corpus/passages").glob("*.yaml"),
    ]
)

TEXTS = {
    "nested": (
        "id: x\nrequirements:\n  - id: a\n    aspects: [{id: b, any: ['skole*', \"re:\\\\bx\"]}]\n"
    ),
    "non-ascii keys": "æøå:\n  ÆØÅ: [ære, «sitat», '§ 15-1']\n  tom:\n",
    "scalars": "a: 1\nb: 1.5\nc: true\nd: null\ne: 2022-01-01\nf: '007'\ng: ~\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "tag": "a: !!python/object:os.system ls\nb: !custom x\n",
    "alias": "base: &b [1, 2]\nother: *b\n",
    "scalar alias": "a: &x tekst\nb: [1, *x]\n",
    "billion laughs": "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
    "syntax error": "a: [1, 2\nb: 3\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "tab": "a:\n\tb: 1\n",
    "empty": "",
    "comment only": "# nothing here\n",
    "top-level list": "- a\n- b\n",
    "top-level scalar": "bare words\n",
}


def _python_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yamlread, "_LIBYAML_LOADER", None)


def _shape(value: Any) -> Any:
    """The value with the line and column of every key, value and item next to it."""
    if isinstance(value, YDict):
        return (
            "map",
            value.line,
            [
                (key, _mark(value.keys_at[key]), _mark(value.values_at[key]), _shape(item))
                for key, item in value.items()
            ],
        )
    if isinstance(value, YList):
        located = zip(value.nodes, value, strict=True)
        return ("seq", [(_mark(node), _shape(item)) for node, item in located])
    return value


def _mark(node: yaml.Node) -> tuple[int, int, int, int, str | None]:
    """Where the node stands, and its quoting (the validator shifts a column past a quote;
    a plain scalar's style is "" from libyaml and None from PyYAML)."""
    start, end = node.start_mark, node.end_mark
    return start.line, start.column, end.line, end.column, getattr(node, "style", None) or None


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    fast = read_yaml(text, "r.yaml")
    with monkeypatch.context() as patched:
        _python_only(patched)
        slow = read_yaml(text, "r.yaml")
    return (_shape(fast[0]), fast[1]), (_shape(slow[0]), slow[1])


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_project_files_read_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = _both(path.read_text(encoding="utf-8"), monkeypatch)
    assert fast == slow


@pytest.mark.parametrize("name", TEXTS)
def test_edge_cases_read_alike(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, slow = _both(TEXTS[name], monkeypatch)
    assert fast == slow


def test_the_bundled_rules_are_read_by_libyaml_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Guards the fast path itself: on this machine PyYAML has libyaml, and the Python
    composer is not reached for a valid file."""
    assert yamlread._LIBYAML_LOADER is not None

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the Python composer ran")

    monkeypatch.setattr(yamlread, "_NoAliasLoader", refuse)
    text = (ROOT / "src/plansjekk/rulesets/bvl-15-1.yaml").read_text(encoding="utf-8")
    value, problems = read_yaml(text, "bvl-15-1.yaml")
    assert problems == [] and isinstance(value, YDict) and value["requirements"]


def test_an_alias_is_reported_where_it_stands() -> None:
    value, problems = read_yaml("base: &b [1, 2]\nother: *b\n", "r.yaml")
    assert value is None
    assert [(p.line, p.column, p.code) for p in problems] == [(2, 8, "alias")]


def test_a_billion_laughs_is_refused_without_expanding() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 30)]
    value, problems = read_yaml("\n".join(levels) + "\n", "r.yaml")
    assert value is None and [p.code for p in problems] == ["alias"]
