"""Error details (the part in parentheses) follow the report language: every `detail.*` key
the code raises has its text in bokmål, nynorsk and English, and the English text has no
Norwegian in it. Library texts stay as the library wrote them, without a doubled full stop."""

from __future__ import annotations

import re
import string
import zipfile
from pathlib import Path

import pytest

from plansjekk.documents import read_document
from plansjekk.errors import DocumentError, ErrorCode
from plansjekk.i18n import LANGS, Message, _catalog, t

SRC = Path(__file__).resolve().parents[2] / "src" / "plansjekk"
DETAIL_KEY = re.compile(r"""["'](detail\.[a-z0-9][a-z0-9_.-]*)["']""")
NORWEGIAN = re.compile(
    r"\b(sider?|deler|delar|pakken|utpakket|utpakka|komprimering|bombe|feilet|feila|mappe|"
    r"binærfil|grensen|grensa|arbeidsprosessen|stoppet|stoppa|med|kode|krever|krev|og|eller|"
    r"norsk|i)\b",
    re.IGNORECASE,
)
"""Norwegian words an English detail must not contain."""


def detail_keys_in_src() -> dict[str, str]:
    """Every "detail.…" string literal in the package, with where it is used."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            for key in DETAIL_KEY.findall(line):
                found.setdefault(key, f"{path.relative_to(SRC)}:{number}")
    return found


def sample_params(key: str) -> dict[str, object]:
    """A value for every placeholder the key's texts use (in any language)."""
    names = {
        field
        for text in _catalog()[key].values()
        for _, field, _, _ in string.Formatter().parse(text)
        if field
    }
    return {name: f"<{name}>" for name in names}


def test_the_scan_finds_the_readers_details() -> None:
    keys = detail_keys_in_src()
    assert {"detail.zip-ratio", "detail.xml-dtd", "detail.pages", "detail.ocr-missing",
            "detail.folder", "detail.worker-exit"} <= set(keys)


@pytest.mark.parametrize("key", sorted(detail_keys_in_src()))
def test_every_detail_key_used_in_src_has_texts_in_every_language(key: str) -> None:
    where = detail_keys_in_src()[key]
    texts = _catalog().get(key)
    assert texts, f"{key} (used at {where}) is not in any locale/*.yaml"
    missing = [lang for lang in LANGS if not (texts.get(lang) or "").strip()]
    assert not missing, f"{key} (used at {where}): no text in {', '.join(missing)}"
    params = sample_params(key)
    for lang in LANGS:
        text = t(key, lang, **params)
        assert "{" not in text and "}" not in text, (key, lang, text)
        assert all(str(value) in text for value in params.values()), (key, lang, text)
    english = t(key, "en", **params)
    assert not NORWEGIAN.search(english), (key, english)


def test_every_detail_text_is_used() -> None:
    unused = set(k for k in _catalog() if k.startswith("detail.")) - set(detail_keys_in_src())
    assert not unused, f"texts no code raises: {sorted(unused)}"


@pytest.mark.parametrize("key", sorted(detail_keys_in_src()))
def test_every_detail_renders_inside_its_error_in_the_same_language(key: str) -> None:
    error = DocumentError(ErrorCode.UNSAFE, "plan.docx",
                          detail=Message(key, sample_params(key)))
    for lang in LANGS:
        assert t(key, lang, **sample_params(key)) in error.render(lang)
    english = error.render("en")
    inside = english[english.index("(") + 1: english.rindex(")")]
    assert not NORWEGIAN.search(inside), english


def test_a_nested_message_renders_in_the_outer_language() -> None:
    message = Message("error.too-large", {
        "path": "plan.pdf",
        "detail": Message("detail.pages-over-limit", {"pages": 900, "limit": 500}),
    })
    assert "(900 pages, the limit is 500)" in message.render("en")
    assert "(900 sider, grensen er 500)" in message.render("nb")
    assert "(900 sider, grensa er 500)" in message.render("nn")


def test_a_library_detail_loses_its_full_stop() -> None:
    detail = "Failed to load document (PDFium: Data format error).\n"
    text = DocumentError(ErrorCode.CORRUPT, "plan.pdf", detail=detail).render("en")
    assert "(Failed to load document (PDFium: Data format error)). Download" in text
    assert ").)." not in text and ".)" not in text


def test_truncated_pdf_detail_has_no_double_full_stop(tmp_path, small_plan_pdf) -> None:
    path = tmp_path / "halv.pdf"
    path.write_bytes(small_plan_pdf.read_bytes()[:3000])
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    for lang in LANGS:
        text = raised.value.render(lang)
        assert ".)" not in text and ".." not in text, text


def test_an_entity_bomb_is_explained_in_english(tmp_path, docx_maker) -> None:
    source = docx_maker(lambda d: d.add_paragraph("Tekst"))
    path = tmp_path / "entiteter.docx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as archive:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "word/document.xml":
                data = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "a">]>' + data.split(
                    b"?>", 1)[1]
            archive.writestr(info, data)
    with pytest.raises(DocumentError) as raised:
        read_document(path)
    assert "(DTD/ENTITY in word/document.xml)" in raised.value.render("en")
    assert "(DTD/ENTITY i word/document.xml)" in raised.value.render("nb")
