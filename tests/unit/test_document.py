"""Exports write participant text as text: Markdown escaped, Word as plain runs."""

import io
import re
import zipfile

import docx
import pytest

from course.document import (
    Document,
    Section,
    markdown_escape,
    text_width,
    to_docx,
    to_markdown,
)

TRICKY = [
    "<script>alert('x')</script>",
    "**fed** og _kursiv_",
    "# Overskrift",
    "- punkt",
    "1. nummer",
    "=1+1",
    "@SUM(A1)",
    "[link](http://x)",
    "`kode`",
    "a | b",
    "> citat",
]


@pytest.mark.parametrize("text", TRICKY)
def test_markdown_syntax_in_participant_text_is_escaped(text):
    escaped = markdown_escape(text)
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert unescaped == text  # nothing lost
    for char in "<>*_#[`|":
        assert re.search(rf"(?<!\\){re.escape(char)}", escaped) is None, (char, escaped)


def test_a_numbered_line_start_escapes_its_dot_not_its_digits():
    # CommonMark only escapes punctuation: "\\09.30" would show the backslash.
    assert markdown_escape("09.30–09.40") == "09\\.30–09.40"
    assert markdown_escape("2) punkt") == "2\\) punkt" and markdown_escape("- punkt") == "\\- punkt"


def test_line_breaks_are_kept_as_hard_breaks():
    assert markdown_escape("a\nb") == "a\\\nb"


def make_doc():
    return Document(
        title="Min plan – æøå",
        meta=["Nøgleperson: Åse Ørsted"],
        sections=[
            Section("Formål", paragraphs=["<script>alert(1)</script> og **ikke fed**"]),
            Section("Tabel", table=[["Hvad", "Hvornår"], ["Læringsmøde", "Uge 3"]]),
            Section("Kontrol", paragraphs=["før\x07efter"]),
        ],
    )


def test_word_file_opens_and_keeps_danish_letters_and_literal_markup():
    word = docx.Document(io.BytesIO(to_docx(make_doc())))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == ["Min plan – æøå", "Formål", "Tabel", "Kontrol"]
    texts = [p.text for p in word.paragraphs]
    assert "<script>alert(1)</script> og **ikke fed**" in texts
    assert "før\ufffdefter" in texts  # a control character becomes a visible mark, not a crash
    table = word.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Hvad", "Hvornår"],
        ["Læringsmøde", "Uge 3"],
    ]


def test_word_file_is_tagged_danish_for_spelling_and_screen_readers():
    data = to_docx(make_doc())
    assert docx.Document(io.BytesIO(data)).core_properties.language == "da-DK"
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")
    assert re.search(r'<w:rPrDefault><w:rPr>.*<w:lang w:val="da-DK"', styles)
    assert 'w:val="en-US"' not in styles


def test_markdown_export_has_headings_table_and_escaped_text():
    md = to_markdown(make_doc())
    assert md.startswith("# Min plan – æøå\n")
    assert "## Formål" in md and "| Hvad | Hvornår |" in md
    assert "\\<script\\>" in md and "\\*\\*ikke fed\\*\\*" in md


def test_sub_headings_pictures_and_their_texts_in_word_and_markdown():
    from course.plan_charts import learning_balance

    png = learning_balance(
        ["Uge 1", "Uge 2"], ["Teoretisk læring", "Aktionslæring"], [[1, 0], [0, 2]]
    )
    doc = Document(
        title="Plan",
        sections=[
            Section("Del", images=[png], captions=["Balancen – æøå"]),
            Section("Underdel", paragraphs=["tekst"], level=2),
        ],
    )
    word = docx.Document(io.BytesIO(to_docx(doc)))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Heading 1", "Del") in styles and ("Heading 2", "Underdel") in styles
    assert ("Caption", "Figur 1: Balancen – æøå") in styles
    [shape] = word.inline_shapes
    assert shape._inline.docPr.get("descr") == "Balancen – æøå"
    md = to_markdown(doc)
    assert "\n## Del\n" in md and "\n### Underdel\n" in md
    assert "*Billede i Word-udgaven: Balancen – æøå*" in md


def test_a_date_or_number_at_a_line_start_is_escaped_where_markdown_allows_it():
    # CommonMark shows a backslash before a digit as is; the dot is what must be escaped.
    assert markdown_escape("01.12.2026") == "01\\.12.2026"
    assert markdown_escape("2) punkt") == "2\\) punkt"
    assert markdown_escape("- punkt") == "\\- punkt"


def test_a_table_cell_with_line_breaks_stays_one_table_row():
    md = to_markdown(
        Document(
            "T",
            sections=[Section("Tabel", table=[["Uge", "Greb"], ["Uge 1", "Første\nAnden <b>"]])],
        )
    )
    assert "| Uge 1 | Første<br>Anden \\<b\\> |" in md.splitlines()


def test_word_tables_fit_their_words_on_a4_and_keep_items_apart():
    header = ["Uge", "Teoretisk læring", "Aktionslæring"]
    rows = [header, ["Uge 1", "Opstartsmøde\nLæse håndbogen", ""], ["Uge 2", "", "Sidemakker"]]
    doc = Document("Plan", sections=[Section("Introduktion", table=rows)])
    word = docx.Document(io.BytesIO(to_docx(doc)))
    page = word.sections[0]
    assert (round(page.page_width.cm, 1), round(page.page_height.cm, 1)) == (21.0, 29.7)
    [table] = word.tables
    widths = [cell.width.pt for cell in table.rows[0].cells]
    available = (21.0 - 2 * 2.0) * 72 / 2.54
    assert abs(sum(widths) - available) < 1
    assert widths[0] < widths[1]  # »Uge 1« needs less room than the items
    for c, width in enumerate(widths):
        longest = max(
            text_width(w, 10, r == 0) for r, row in enumerate(rows) for w in row[c].split()
        )
        assert width >= longest
    cell = table.rows[1].cells[1]
    assert [p.text for p in cell.paragraphs] == ["Opstartsmøde", "Læse håndbogen"]
    xml = table._tbl.xml
    assert 'w:type="fixed"' in xml and "w:tblHeader" in xml and "w:cantSplit" in xml


def test_a_table_too_wide_for_its_words_becomes_one_small_table_per_row():
    header = ["Hvad", "Hvem har ansvaret?", "Start", "Slut", "Med hvem?", "Hvordan?"]
    row = [
        "Opstartsmøde",
        "Læringsgruppekoordinatoren",
        "01.12.2026",
        "31.03.2027",
        "Beskæftigelseskonsulenterne",
        "Introduktionsforløbet",
    ]
    doc = Document("Plan", sections=[Section("Handleplan", table=[header, row, row])])
    word = docx.Document(io.BytesIO(to_docx(doc)))
    assert len(word.tables) == 2
    cells = [[c.text for c in r.cells] for r in word.tables[0].rows]
    assert cells == [list(pair) for pair in zip(header, row)]
    assert word.tables[0].rows[0].cells[0].paragraphs[0].runs[0].bold


def test_every_picture_needs_its_caption():
    with pytest.raises(ValueError, match="every picture needs a caption"):
        to_docx(Document("Plan", sections=[Section("Del", images=[b"png"])]))
