from plansjekk.documents import BlockKind, read_document

BODY = ("Barnehagen og skolen har et tett samarbeid om tidlig innsats for alle barn i", 11)


def _texts(doc, kind=None):
    return [b.text for b in doc.blocks if kind is None or b.kind is kind]


def test_libreoffice_export_headings_levels_and_pages(small_plan_pdf):
    doc = read_document(small_plan_pdf)
    assert doc.format == "pdf"
    assert doc.pages == 4
    headings = {h.text: (h.level, h.page) for h in doc.headings}
    assert headings["1 Innledning"] == (1, 2)
    assert headings["1.1 Bakgrunn"] == (2, 2)
    assert headings["2 Mål og strategier"] == (1, 3)
    assert headings["3.2 Avklaring ved uenighet"] == (2, 4)
    assert doc.title == "Plan for forebygging av omsorgssvikt 2025–2028"


def test_toc_marked_and_its_entries_are_not_headings(small_plan_pdf):
    doc = read_document(small_plan_pdf)
    toc = [b for b in doc.blocks if b.in_toc]
    assert len(toc) == 10  # "Innhold" + 9 entries
    assert all(b.page == 1 for b in toc)
    assert [h.text for h in doc.headings].count("1 Innledning") == 1


def test_running_header_and_page_footer_removed(small_plan_pdf):
    text = read_document(small_plan_pdf).text
    assert "Side 2 av 4" not in text
    assert "Storfjord kommune – Plan" not in text


def test_paragraph_lines_joined_and_hyphen_cases(small_plan_pdf):
    doc = read_document(small_plan_pdf)
    paragraph = next(b for b in doc.blocks if b.section == ("1 Innledning",)
                     and b.kind is BlockKind.PARAGRAPH)
    assert paragraph.text.startswith("Storfjord kommune har ansvar")
    assert paragraph.text.endswith("BTI-modellen brukes i alle virksomheter.")
    assert "barne- og ungdomsrådet" in paragraph.text
    assert "ICDP-programmet" in paragraph.text


def test_bullets_become_list_items_and_tables_rows(small_plan_pdf):
    doc = read_document(small_plan_pdf)
    items = _texts(doc, BlockKind.LIST_ITEM)
    assert items[:3] == ["Foreldreveiledning i grupper for alle som ønsker det",
                         "Samarbeidsmøter mellom skole og helsetjeneste hver måned",
                         "Oppfølging av barn med høyt fravær"]
    rows = [b for b in doc.blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows[0].cells == ("Tjeneste", "Ansvar", "Frist")
    assert rows[1].cells == ("Barnehage", "Styrer", "2025")
    assert rows[0].page == 2
    assert rows[0].section == ("1 Innledning", "1.2 Formål med planen")


def test_two_columns_keep_reading_order(twocol_pdf):
    doc = read_document(twocol_pdf)
    paragraphs = _texts(doc, BlockKind.PARAGRAPH)
    assert any("barne- og ungdomsrådet og med foreldre" in p for p in paragraphs)
    items = _texts(doc, BlockKind.LIST_ITEM)
    assert "Foreldreveiledning i grupper for alle som ønsker det" in items


def test_table_cut_at_page_edge_has_no_phantom_cell(twocol_pdf):
    # make_plan puts a three-column table into a narrow text column; LibreOffice clips its
    # third column ("Frist") at the page edge, so the PDF itself holds only two columns plus
    # a 5 pt sliver of grid. The sliver must not become an empty third cell.
    rows = [b.cells for b in read_document(twocol_pdf).blocks if b.kind is BlockKind.TABLE_ROW]
    assert rows[:3] == [("Tjeneste", "Ansvar"), ("Barnehage", "Styrer"), ("Skole", "Rektor")]


def test_hyphenation_at_line_ends(pdf_maker):
    path = pdf_maker([[("Vi har et godt samar-", 11), ("beid med barne-", 11),
                       ("og ungdomsrådet. Vi bruker ICDP-", 11), ("programmet i alle", 11),
                       ("barnehager.", 11)]])
    text = read_document(path).blocks[0].text
    assert text == ("Vi har et godt samarbeid med barne- og ungdomsrådet. "
                    "Vi bruker ICDP-programmet i alle barnehager.")


def test_headings_by_size_and_numbering_and_repeated_header(pdf_maker):
    page = [("2 Ansvar og roller", 16), BODY, ("unge.", 11), ("", 0),
            ("2.1 Ansvar i barnehagen", 13), BODY, ("unge.", 11)]
    pages = [[(f"{n} Kapittel", 16), *page[1:]] for n in range(1, 4)]
    path = pdf_maker(pages, header="Storfjord kommune 2025", footer=True)
    doc = read_document(path)
    assert [(h.level, h.page) for h in doc.headings] == [(1, 1), (2, 1), (1, 2), (2, 2),
                                                         (1, 3), (2, 3)]
    assert "Storfjord kommune 2025" not in doc.text
    assert "Side" not in doc.text
    last = [b for b in doc.blocks if b.page == 3 and b.kind is BlockKind.PARAGRAPH][-1]
    assert last.text.endswith("for alle barn i unge.")
    assert last.section == ("3 Kapittel", "2.1 Ansvar i barnehagen")


# --- the fast paths in pdf.py against pypdfium2's own helpers (same output, fewer calls) --


def _pages(path):
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            yield index, page, textpage
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _fixture_pdfs(small_plan_pdf, twocol_pdf, pdf_maker):
    made = pdf_maker([[("Vi har et godt samar-", 11), ("beid med barne-", 11),
                       ("og ungdomsrådet. Vi bruker ICDP-", 11), ("programmet i alle", 11),
                       ("barnehager.", 11)]])
    return [small_plan_pdf, twocol_pdf, made]


def test_raw_page_text_equals_get_text_range(small_plan_pdf, twocol_pdf, pdf_maker):
    from plansjekk.documents import pdf as reader

    for path in _fixture_pdfs(small_plan_pdf, twocol_pdf, pdf_maker):
        for _, _, textpage in _pages(path):
            expected = textpage.get_text_range()
            assert reader._page_text(textpage.raw, textpage.count_chars()) == expected


def test_lines_same_with_and_without_index_mapping(small_plan_pdf, twocol_pdf, pdf_maker):
    from plansjekk.documents import pdf as reader

    for path in _fixture_pdfs(small_plan_pdf, twocol_pdf, pdf_maker):
        for index, page, textpage in _pages(path):
            height = page.get_height()
            fast = reader._page_lines(textpage.raw, index + 1, height)
            mapped = reader._page_lines(textpage.raw, index + 1, height, map_indices=True)
            assert fast == mapped


def test_cell_reader_equals_get_text_bounded(small_plan_pdf, twocol_pdf):
    from plansjekk.documents import pdf as reader

    cells = 0
    for path in (small_plan_pdf, twocol_pdf):
        for _, page, textpage in _pages(path):
            read_cell = reader._CellReader(textpage.raw)
            for table in reader._find_tables(page.raw):
                for top, bottom in zip(table.rows, table.rows[1:], strict=False):
                    for left, right in zip(table.cols, table.cols[1:], strict=False):
                        box = (left + 0.5, bottom + 0.5, right - 0.5, top - 0.5)
                        assert read_cell(*box) == textpage.get_text_bounded(*box)
                        cells += 1
    assert cells > 10


def _paragraphs_and_long_ruled_table(path):
    """A plan page as a table-heavy PDF has it: a ruled table whose rows touch (many more
    row gaps than line gaps) between paragraphs of several wrapped lines each, set with
    generous line spacing (the space between two lines' boxes is wider than the threshold
    slack)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    body = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=22, spaceAfter=12)
    text = (
        "Folketalet i kommunen har halde seg nokså stabilt det siste tiåret, men talet på "
        "fødde har gått ned. Delen innbyggjarar over 67 år aukar kvart år, og fleire unge "
        "vaksne flyttar ut for å ta utdanning. Ungdata vart gjennomført våren 2022."
    )
    rows = [["År", "0–5 år", "6–12 år", "13–19 år"]]
    rows += [[str(2000 + n), str(100 + n), str(200 + n), str(300 + n)] for n in range(25)]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("FONTSIZE", (0, 0), (-1, -1), 11)]))
    story = [Paragraph(text, body), Paragraph(text, body), table, Spacer(1, 12),
             Paragraph(text, body)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_lines_joined_next_to_long_ruled_tables(tmp_path):
    """Table rows (touching cell edges, gap 0) must not set the usual line gap: with them
    counted, a table-heavy plan was read line by line."""
    document = read_document(_paragraphs_and_long_ruled_table(tmp_path / "tabell.pdf"))
    paragraphs = [b.text for b in document.blocks if b.kind is BlockKind.PARAGRAPH]
    assert len([t for t in paragraphs if t.startswith("Folketalet")]) == 3
    assert all(t.endswith("våren 2022.") for t in paragraphs if t.startswith("Folketalet"))
    assert sum(b.kind is BlockKind.TABLE_ROW for b in document.blocks) == 26
