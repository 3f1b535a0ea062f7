"""Short numbered lines in body size and weight followed by body text are headings (pdf.py),
by the rule the DOCX reader uses (`structure.is_numbered_title`)."""

from plansjekk.documents import structure
from plansjekk.documents.pdf import Line, assign_heading_levels


def _lines(*texts: str) -> list[Line]:
    return [
        Line(text, 1, 11.0, False, 68, 500, 700 - 15 * i, 692 - 15 * i)
        for i, text in enumerate(texts)
    ]


def test_numbered_line_before_body_is_heading():
    lines = _lines(
        "3 Samarbeid mellom tenestene",
        "Helsestasjonen, barnehagane og skulane møtest i faste samarbeidsmøte.",
        "Møta blir leia av rektor og har fast dagsorden for kvart møte i året.",
    )
    assign_heading_levels(lines)
    assert [line.heading_level for line in lines] == [1, 0, 0]


def test_run_of_numbered_lines_is_a_list():
    lines = _lines("1. Foreldrekurs", "2. Jentegruppe", "Tiltaka blir evaluerte kvart år.")
    assign_heading_levels(lines)
    assert [line.heading_level for line in lines] == [0, 0, 0]


def test_numbered_sentence_or_lowercase_continuation_is_not_heading():
    lines = _lines(
        "2 Barnehager har ansvar.",
        "Tekst fortsetter her med mer om ansvaret i barnehagene og skolene i kommunen.",
        "4 Foreldre som ønsker",
        "hjelp kan ringe helsestasjonen på dagtid alle hverdager hele året rundt.",
    )
    assign_heading_levels(lines)
    assert [line.heading_level for line in lines] == [0, 0, 0, 0]


def test_shared_rule():
    assert structure.is_numbered_title("4 SAMARBEID")
    assert structure.is_numbered_title("3.2 Ansvar og roller")
    assert not structure.is_numbered_title("3 Samarbeid om 2025")
    assert not structure.is_numbered_title("Samarbeid")
