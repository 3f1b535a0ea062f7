"""Discovery: folders, globs, several paths; non-plans skipped; missing paths reported."""

from __future__ import annotations

from pathlib import Path

from plansjekk.batch.discovery import discover, is_plan

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


def build(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def test_folder_is_walked_recursively_and_non_plans_are_skipped(tmp_path: Path) -> None:
    build(
        tmp_path,
        {
            "asker.pdf": PDF,
            "sub/bærum.docx": b"PK\x03\x04broken",
            "sub/deeper/logo.png": PNG,
            "oversikt.xlsx": b"PK\x03\x04xl/",
            "les-meg.txt": b"Ikke en plan",
            "~$asker.docx": b"lock",
            ".skjult/plan.pdf": PDF,
        },
    )
    found = discover([str(tmp_path)])
    names = [Path(p).relative_to(tmp_path).as_posix() for p in found.files]
    assert names == ["asker.pdf", "sub/bærum.docx"]
    skipped = sorted(Path(p).name for p in found.skipped)
    assert skipped == ["les-meg.txt", "logo.png", "oversikt.xlsx", "~$asker.docx"]
    assert found.missing == ()


def test_content_decides_when_the_extension_is_not_a_plans(tmp_path: Path) -> None:
    build(tmp_path, {"skannet.jpg": PDF, "uten-endelse": PDF, "bilde.jpg": PNG})
    assert is_plan(tmp_path / "skannet.jpg")
    assert is_plan(tmp_path / "uten-endelse")
    assert not is_plan(tmp_path / "bilde.jpg")


def test_a_plan_extension_is_always_checked_so_the_reader_can_report_it(tmp_path: Path) -> None:
    build(tmp_path, {"plan.pdf": PNG})
    assert discover([str(tmp_path)]).files == (str(tmp_path / "plan.pdf"),)


def test_explicit_text_file_is_checked_but_not_in_a_folder(tmp_path: Path) -> None:
    build(tmp_path, {"plan.txt": b"# Plan\nTekst"})
    assert discover([str(tmp_path / "plan.txt")]).files == (str(tmp_path / "plan.txt"),)
    assert discover([str(tmp_path)]).skipped == (str(tmp_path / "plan.txt"),)


def test_globs_several_paths_and_duplicates(tmp_path: Path) -> None:
    build(tmp_path, {"a/asker.pdf": PDF, "b/vestby.pdf": PDF, "b/vestby.docx": b"PK\x03\x04"})
    found = discover([f"{tmp_path}/*/*.pdf", str(tmp_path / "a"), str(tmp_path / "a/asker.pdf")])
    assert [Path(p).name for p in found.files] == ["asker.pdf", "vestby.pdf"]


def test_recursive_glob(tmp_path: Path) -> None:
    build(tmp_path, {"x/y/z/voss.pdf": PDF, "x/asker.pdf": PDF})
    found = discover([f"{tmp_path}/**/*.pdf"])
    assert sorted(Path(p).name for p in found.files) == ["asker.pdf", "voss.pdf"]


def test_missing_paths_and_empty_globs_are_reported(tmp_path: Path) -> None:
    missing = str(tmp_path / "finnes-ikke.pdf")
    found = discover([missing, f"{tmp_path}/*.docx"])
    assert found.files == ()
    assert found.missing == (missing, f"{tmp_path}/*.docx")
