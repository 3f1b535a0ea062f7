"""Mutated PDF and DOCX bytes through read_document: only DocumentError may come out."""

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plansjekk.documents import read_document
from plansjekk.errors import DocumentError, ErrorCode

PDF = (Path(__file__).parents[1] / "fixtures" / "documents" / "plan_small.pdf").read_bytes()

FIXTURES_OK = [HealthCheck.function_scoped_fixture]
mutations = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1,
                     max_size=20)


def _mutate(data: bytes, changes: list[tuple[int, int]], cut: int) -> bytes:
    buffer = bytearray(data[: max(cut, 1)])
    for position, value in changes:
        buffer[position % len(buffer)] = value
    return bytes(buffer)


def _read(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    try:
        read_document(path)
    except DocumentError as error:
        assert error.code is not ErrorCode.INTERNAL_ERROR, error.render("en")


@settings(max_examples=120, deadline=None, suppress_health_check=FIXTURES_OK)
@given(changes=mutations, cut=st.integers(100, len(PDF)))
def test_mutated_pdf(tmp_path_factory, changes, cut):
    _read(tmp_path_factory, _mutate(PDF, changes, cut), ".pdf")


@settings(max_examples=120, deadline=None, suppress_health_check=FIXTURES_OK)
@given(changes=mutations, cut=st.integers(100, 40_000))
def test_mutated_docx(tmp_path_factory, docx_maker, changes, cut):
    source = docx_maker(lambda d: d.add_paragraph("Kommunen har ansvar.")).read_bytes()
    _read(tmp_path_factory, _mutate(source, changes, min(cut, len(source))), ".docx")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory, blob):
    _read(tmp_path_factory, blob, ".pdf")
