from plansjekk.documents import BlockKind, document_from_text

PLAN = """# Plan for forebygging

## Innhold
1 Innledning ........ 3
2 Ansvar og roller .... 5

# 1 Innledning
Dette er tekst
som fortsetter.

- punkt en
• punkt to

## 1.1 Ansvar og roller
| Tjeneste | Ansvar |
|---|---|
| Barnehage | Styrer |
"""


def test_headings_get_levels_from_hashes():
    doc = document_from_text(PLAN)
    headings = [(b.text, b.level) for b in doc.headings]
    assert headings == [("Plan for forebygging", 1), ("1 Innledning", 1),
                        ("1.1 Ansvar og roller", 2)]


def test_lines_join_into_one_paragraph_and_blank_lines_separate():
    doc = document_from_text("første linje\nandre linje\n\ntredje")
    assert [b.text for b in doc.blocks] == ["første linje andre linje", "tredje"]
    assert all(b.kind is BlockKind.PARAGRAPH for b in doc.blocks)


def test_list_items_and_table_rows():
    doc = document_from_text(PLAN)
    items = [b.text for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    rows = [b.cells for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert items == ["punkt en", "punkt to"]
    assert rows == [("Tjeneste", "Ansvar"), ("Barnehage", "Styrer")]


def test_toc_lines_are_marked_and_never_headings():
    doc = document_from_text(PLAN)
    toc = [b for b in doc.blocks if b.in_toc]
    assert [b.text for b in toc][:1] == ["Innhold"]
    assert any("Ansvar og roller" in b.text for b in toc)
    assert all(not b.is_heading for b in toc[1:])
    assert "Innhold" not in [h.text for h in doc.headings]


def test_section_paths():
    doc = document_from_text(PLAN)
    row = next(b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW)
    paragraph = next(b for b in doc.blocks if b.text.startswith("Dette er"))
    assert row.section == ("1 Innledning", "1.1 Ansvar og roller")
    assert paragraph.section == ("1 Innledning",)


def test_format_and_defaults():
    assert document_from_text("bare tekst").format == "text"
    doc = document_from_text(PLAN)
    assert doc.format == "markdown"
    assert doc.path == "<tekst>"
    assert all(b.page is None for b in doc.blocks)


def test_soft_hyphens_and_ligatures_are_cleaned():
    doc = document_from_text("barneverns\u00adtjenesten har ansvar for oﬀentlige tiltak")
    assert doc.blocks[0].text == "barnevernstjenesten har ansvar for offentlige tiltak"
