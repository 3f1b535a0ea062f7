"""Atomic report writing and the early check of --output."""

from __future__ import annotations

from pathlib import Path

import pytest

from plansjekk.report import output
from plansjekk.report.output import OutputError, ensure_writable, write_output


def test_write_text_and_bytes(tmp_path: Path):
    write_output(tmp_path / "r.md", "æøå\n")
    write_output(tmp_path / "r.xlsx", b"PK\x03\x04")
    assert (tmp_path / "r.md").read_text("utf-8") == "æøå\n"
    assert (tmp_path / "r.xlsx").read_bytes() == b"PK\x03\x04"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.md", "r.xlsx"]


def test_replaces_existing_report_with_normal_permissions(tmp_path: Path):
    target = tmp_path / "r.json"
    target.write_text("old")
    write_output(target, "new")
    assert target.read_text() == "new"
    assert target.stat().st_mode & 0o044, "a report is readable by others like any new file"


def test_interrupted_write_keeps_the_old_report_and_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    target.write_text("old")

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_ensure_writable_accepts_new_and_existing_files(tmp_path: Path):
    ensure_writable(tmp_path / "new.html")
    (tmp_path / "old.html").write_text("x")
    ensure_writable(tmp_path / "old.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.html"]


@pytest.mark.parametrize(
    ("make_path", "expected"),
    [
        (lambda d: d / "missing" / "r.html", "mappen"),
        (lambda d: d, "er en mappe"),
        (lambda d: d / "file.txt" / "r.html", "mappen"),
    ],
)
def test_ensure_writable_refuses_with_clear_message(tmp_path: Path, make_path, expected):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(OutputError) as caught:
        ensure_writable(make_path(tmp_path))
    assert expected in caught.value.render("nb")
    assert "Traceback" not in caught.value.render("en")


def test_ensure_writable_refuses_read_only_folder():
    """/proc is read-only even for root, which is what CI runs as."""
    with pytest.raises(OutputError) as caught:
        ensure_writable("/proc/plansjekk-report.html")
    assert "kan ikke skrive rapporten her" in caught.value.render("nb")
