"""User-facing text in bokmål (default), nynorsk and English.

Messages live as data in `locale/*.yaml` (one file per area: errors, report, cli, ...),
so that each layer owns its own wording and translators never touch Python.
Every file maps a message key to its texts: ``key: {nb: "...", nn: "...", en: "..."}``.
Texts use ``str.format`` placeholders: ``"Finner ikke {path}"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Literal, get_args

import yaml

Lang = Literal["nb", "nn", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "nb"


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML has it: every command prints messages, and libyaml
reads the message files about ten times faster than the Python loader."""


@cache
def _catalog() -> dict[str, dict[str, str]]:
    """All message files merged; a key defined twice is a packaging bug, so it raises."""
    merged: dict[str, dict[str, str]] = {}
    for entry in sorted(resources.files("plansjekk.locale").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        data = yaml.load(entry.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
        for key, texts in data.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {entry.name})")
            merged[key] = texts
    return merged


def t(key: str, lang: Lang = DEFAULT_LANG, /, **params: object) -> str:
    """The text of `key` in `lang`, falling back nn → nb → en so a missing translation never
    hides a message. A parameter that is itself a `Message` (an error's detail) is rendered
    in the same language."""
    params = {name: value.render(lang) if isinstance(value, Message) else value
              for name, value in params.items()}
    texts = _catalog().get(key)
    if texts is None:
        return key if not params else f"{key} {params}"
    order = {"nb": ("nb", "en"), "nn": ("nn", "nb", "en"), "en": ("en", "nb")}[lang]
    template = next((texts[code] for code in order if code in texts), key)
    try:
        return template.format_map(_Params(params))
    except (IndexError, ValueError):
        return template


class _Params(dict[str, object]):
    """Format parameters where a missing one renders empty, so a message never shows a raw
    `{placeholder}` to a user even when a caller forgot a detail."""

    def __missing__(self, key: str) -> str:
        return ""


def has_message(key: str) -> bool:
    """True when `key` is in the catalog (used by tests that pin every code to a text)."""
    return key in _catalog()


@dataclass(frozen=True)
class Message:
    """A message kept as key + parameters until a report renders it in the user's language.

    A parameter may itself be a Message (`detail=Message("detail.zip-ratio", {...})`); it is
    rendered in the same language as the message around it."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(self.key, lang, **self.params)


def parse_lang(value: str) -> Lang:
    """Accepts the codes users type (nb, nn, en, no, nob, nno, eng)."""
    aliases = {"no": "nb", "nob": "nb", "nno": "nn", "eng": "en", "bokmal": "nb", "nynorsk": "nn"}
    code = aliases.get(value.lower(), value.lower())
    if code not in LANGS:
        raise ValueError(value)
    return code  # type: ignore[return-value]
