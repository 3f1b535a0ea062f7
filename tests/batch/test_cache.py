"""The results cache: keyed by content and context, robust against damage."""

from __future__ import annotations

from pathlib import Path

from plansjekk.batch.cache import ResultCache, cache_dir, context_digest, file_digest
from plansjekk.findings import DocumentError, DocumentResult
from plansjekk.i18n import Message


def test_cache_dir_follows_the_environment(cache_dir: Path) -> None:
    from plansjekk.batch import cache as module

    assert module.cache_dir() == cache_dir


def test_roundtrip_marks_hits_and_uses_the_new_path(tmp_path: Path) -> None:
    store = ResultCache(context_digest("ruleset", "0.3.0"))
    store.put("abc", DocumentResult(path="old.pdf", passed=True, municipality="Asker kommune"))
    hit = store.get("abc", "new.pdf")
    assert hit is not None and hit.cached and hit.path == "new.pdf" and hit.passed
    assert store.get("other", "new.pdf") is None
    assert ResultCache(context_digest("ruleset", "0.4.0")).get("abc", "new.pdf") is None


def test_a_damaged_entry_is_a_miss(tmp_path: Path) -> None:
    store = ResultCache("ctx")
    store.put("abc", DocumentResult(path="a.pdf"))
    for entry in (cache_dir() / "results").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert store.get("abc", "a.pdf") is None


def test_passing_errors_are_not_stored() -> None:
    store = ResultCache("ctx")
    error = DocumentError("timeout", Message("error.timeout", {"path": "a.pdf"}))
    store.put("abc", DocumentResult(path="a.pdf", status="error", error=error))
    assert store.get("abc", "a.pdf") is None


def test_an_unwritable_cache_folder_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = ResultCache("ctx", folder=blocker)
    store.put("abc", DocumentResult(path="a.pdf"))
    assert store.get("abc", "a.pdf") is None


def test_file_digest_is_by_content(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"same")
    (tmp_path / "b").write_bytes(b"same")
    (tmp_path / "c").write_bytes(b"other")
    assert file_digest(tmp_path / "a") == file_digest(tmp_path / "b") != file_digest(tmp_path / "c")


def test_a_cached_error_names_the_file_under_its_new_name() -> None:
    store = ResultCache("ctx")
    error = DocumentError("corrupt", Message("error.corrupt", {"path": "old.pdf", "detail": "x"}))
    store.put("abc", DocumentResult(path="old.pdf", status="error", error=error))
    hit = store.get("abc", "new.pdf")
    assert hit is not None and hit.error is not None
    assert hit.error.message.render("en").startswith("new.pdf:")
