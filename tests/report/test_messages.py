"""Every message a report can show has its text in bokmål, nynorsk and English: a key
without text would be printed raw ("warning.some-key {...}") to the user."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plansjekk.findings import Reason
from plansjekk.i18n import LANGS, _catalog

SRC = Path(__file__).resolve().parents[2] / "src" / "plansjekk"
WARNING_KEY = re.compile(r"""["'](warning\.[a-z0-9][a-z0-9_.-]*)["']""")


def texts_of(key: str) -> dict[str, str]:
    return _catalog().get(key) or {}


def assert_complete(key: str) -> None:
    texts = texts_of(key)
    missing = [lang for lang in LANGS if not (texts.get(lang) or "").strip()]
    assert not missing, f"{key}: no text in {', '.join(missing)}"


def warning_keys_in_src() -> dict[str, str]:
    """Every "warning.…" string literal in the package, with where it is used."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            for key in WARNING_KEY.findall(line):
                found.setdefault(key, f"{path.relative_to(SRC)}:{number}")
    return found


def test_the_scan_finds_the_readers_warnings() -> None:
    keys = warning_keys_in_src()
    assert {"warning.garbled-text", "warning.ocr-used", "warning.damaged-pages"} <= set(keys)


@pytest.mark.parametrize("key", sorted(warning_keys_in_src()))
def test_every_warning_key_used_in_src_has_texts(key: str) -> None:
    where = warning_keys_in_src()[key]
    assert texts_of(key), f"{key} (used at {where}) is not in any locale/*.yaml"
    assert_complete(key)


def test_every_warning_key_in_the_catalog_has_all_languages() -> None:
    for key in (k for k in _catalog() if k.startswith("warning.")):
        assert_complete(key)


@pytest.mark.parametrize("reason", list(Reason), ids=str)
def test_every_reason_has_texts(reason: Reason) -> None:
    """Shown as "Begrunnelse: …" with --verbose and in the HTML report."""
    assert_complete(f"reason.{reason.value}")


def test_intent_reason() -> None:
    assert Reason("intent") is Reason.INTENT
    assert "ønsker å" in texts_of("reason.intent")["nb"]


def test_the_catalog_reads_as_the_python_loader_reads_it() -> None:
    """The message files are read by libyaml where present; the texts are the same."""
    import yaml

    from plansjekk import i18n

    folder = Path(i18n.__file__).parent / "locale"
    expected: dict[str, object] = {}
    for path in sorted(folder.glob("*.yaml")):
        expected.update(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader))
    assert _catalog() == expected
