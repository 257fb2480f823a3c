"""A small document model and its exports to Markdown and Word.

Planners build a ``Document``; exports write participant text as text, never
as markup: Markdown escapes its syntax, Word gets plain text runs.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: list[list[str]] = field(default_factory=list)  # first row is the header
    images: list[bytes] = field(default_factory=list)  # PNG pictures
    captions: list[str] = field(default_factory=list)  # one text per picture, read aloud and shown
    level: int = 1  # 1 = a part of the document, 2 = a heading inside a part


@dataclass
class Document:
    title: str
    meta: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


_INLINE = re.compile(r"([\\`*_\[\]<>#|~!&])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)

LANGUAGE = "da-DK"  # the Word documents' language

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_line_start(m) -> str:
    # "1." starts a list: escape its dot; a backslash before a digit would be shown as is.
    marker = m.group(2)
    return m.group(1) + (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)


def markdown_escape(text: str) -> str:
    """Participant text that renders as itself in any Markdown viewer."""
    text = _LONE_SURROGATE.sub("\ufffd", str(text))  # half an emoji cannot be written as UTF-8
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(_escape_line_start, text)
    return text.replace("\r\n", "\n").replace("\n", "\\\n")


def _table_cell(text: str) -> str:
    """A table cell stays on one line: its line breaks become <br> (ours, not the participant's)."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(markdown_escape(line) for line in lines)


def to_markdown(doc: Document) -> str:
    out = [f"# {markdown_escape(doc.title)}", ""]
    out += [f"{markdown_escape(line)}  " for line in doc.meta]
    for section in doc.sections:
        out += ["", f"{'#' * (section.level + 1)} {markdown_escape(section.heading)}", ""]
        for paragraph in section.paragraphs:
            out += [markdown_escape(paragraph), ""]
        if section.table:
            header, *rows = section.table
            cells = lambda row: "| " + " | ".join(_table_cell(c) for c in row) + " |"  # noqa: E731
            out += [cells(header), "|" + "---|" * len(header)]
            out += [cells(row) for row in rows] + [""]
        # Markdown cannot carry the pictures portably: say what they show and where they are.
        for caption in _captions(section):
            out += [f"*{markdown_escape(f'Billede i Word-udgaven: {caption}')}*", ""]
    return "\n".join(out).rstrip() + "\n"


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    # Word's XML cannot hold control characters: show each as a replacement mark.
    return _XML_INVALID.sub("\ufffd", str(text))


def _captions(section: Section) -> list[str]:
    """One caption per picture: what it shows, in words (a developer's error if one is missing)."""
    if len(section.captions) != len(section.images):
        raise ValueError(
            f"section '{section.heading}': every picture needs a caption that says what it shows "
            f"({len(section.images)} pictures, {len(section.captions)} captions)"
        )
    return list(section.captions)


def _danish(word) -> None:
    """Tag the document Danish (python-docx's template says en-US): spelling, hyphenation
    and screen readers follow it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word.core_properties.language = LANGUAGE
    rpr = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


# --- Word ----------------------------------------------------------------------------------

PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0  # A4, as Danish offices print
TABLE_SIZES = (10, 9)  # points: a table's text, smaller only when its words need it
CELL_PADDING_PT = 16  # Word's cell margins (0.19 cm each side), the border and some air
PT_PER_CM = 72 / 2.54
SHORT_ROW = 800  # characters: a row this short always fits on a page, so it is kept whole
# Em widths of a sans-serif font, on the wide side (LibreOffice may draw Calibri with a wider
# substitute): enough room that no word has to break inside a table cell.
_NARROW, _SEMI, _WIDE = set("iljIJ.,:;'!|`´"), set("frt()[]{}-/ "), set("mwMWæÆœŒ@%")


def _em(char: str) -> float:
    if char in _NARROW:
        return 0.32
    if char in _SEMI:
        return 0.42
    if char in _WIDE:
        return 0.98
    if char.isupper():
        return 0.76
    return 0.66


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An estimate of ``text``'s width in points at ``size`` points (generous, never short)."""
    return sum(_em(c) for c in text) * size * (1.15 if bold else 1.0)


def _lines(text) -> list[str]:
    """A cell's lines: each is an item or a line of its own in the document."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line.strip() for line in lines if line.strip()] or [""]


def _header_row(r: int, c: int) -> bool:
    return r == 0


def _label_column(r: int, c: int) -> bool:
    return c == 0


def column_widths(
    table: list[list[str]], available: float, size: float, bold=_header_row
) -> tuple[list, bool]:
    """Column widths in points that fit the content, and whether every word fits whole.

    As a browser lays out a table: a column whose longest line fits in its fair share of the
    width gets just that; the others share what is left, each at least its longest word (so no
    word breaks mid-word) and the rest in proportion to how much more their text wants.
    ``bold(row, column)`` says which cells are bold (the header row unless told).
    """
    columns = len(table[0])
    least, most = [CELL_PADDING_PT] * columns, [CELL_PADDING_PT] * columns
    for r, row in enumerate(table):
        for c, text in enumerate(row[:columns]):
            for line in _lines(text):
                words = line.split() or [""]
                word = max(text_width(w, size, bold(r, c)) for w in words)
                least[c] = max(least[c], word + CELL_PADDING_PT)
                most[c] = max(most[c], text_width(line, size, bold(r, c)) + CELL_PADDING_PT)
    if sum(most) <= available:  # everything on one line: the spare room in proportion
        return [w * available / sum(most) for w in most], True
    widths: list[float | None] = [None] * columns
    while True:  # settle the columns whose whole text fits in a fair share
        open_columns = [c for c in range(columns) if widths[c] is None]
        room = available - sum(w for w in widths if w is not None)
        fair = room / len(open_columns)
        settled = [c for c in open_columns if most[c] <= fair]
        if not settled or len(settled) == len(open_columns):
            break
        for c in settled:
            widths[c] = most[c]
    need = sum(least[c] for c in open_columns)
    if need > room:
        if sum(least) > available:
            return [w * available / sum(least) for w in least], False
        # The short columns gave up too much: settle on the longest words everywhere instead.
        widths, open_columns, room = list(least), [], 0.0
    extra = [most[c] - least[c] for c in open_columns]
    for c, e in zip(open_columns, extra):
        widths[c] = least[c] + (room - need) * (e / sum(extra) if sum(extra) else 1 / len(extra))
    spare = available - sum(widths)
    return [w + spare * w / sum(widths) for w in widths], True


def _table_layout(
    table: list[list[str]], available: float, bold=_header_row
) -> tuple[float, list[float]] | None:
    """The largest of TABLE_SIZES at which every word fits whole, and the column widths; None
    when the table has too many columns for its words at any size."""
    for size in TABLE_SIZES:
        widths, whole = column_widths(table, available, size, bold)
        if whole:
            return size, widths
    return None


def _fixed_widths(table, widths_pt: list[float]) -> None:
    """Word and LibreOffice both keep these widths: a fixed layout, the grid and every cell."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    table.autofit = False
    tbl_pr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_pt):
        col.set(qn("w:w"), str(int(width * 20)))  # twentieths of a point
    for row in table.rows:
        for cell, width in zip(row.cells, widths_pt):
            cell.width = Pt(width)


def _row_properties(row, header: bool, short: bool) -> None:
    """A short row is not split over two pages (a long one must be); the header row repeats on
    every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit",) * short + ("w:tblHeader",) * header:
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)


def _write_table(word, rows: list[list[str]], size: float, widths: list[float], bold) -> None:
    from docx.shared import Pt

    table = word.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        cells = table.add_row().cells
        for c, (cell, text) in enumerate(zip(cells, row)):
            # One paragraph per line: several items in a cell never run together.
            for n, line in enumerate(_lines(text)):
                paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                paragraph.paragraph_format.space_after = Pt(3)
                run = paragraph.add_run(_xml_safe(line))
                run.font.size = Pt(size)
                run.bold = bold(r, c)
        short = sum(len(str(text)) for text in row) < SHORT_ROW
        _row_properties(table.rows[r], header=bold is _header_row and r == 0, short=short)
    _fixed_widths(table, widths)


def _add_table(word, rows: list[list[str]]) -> None:
    """A table whose columns fit their words. A table with too many columns for its words
    (e.g. a plan with long words in six columns) becomes one small table per row instead, the
    header's labels beside the row's values, so that no word is ever broken mid-word."""
    available = (PAGE_WIDTH_CM - 2 * MARGIN_CM) * PT_PER_CM
    fitted = _table_layout(rows, available)
    if fitted is not None:
        _write_table(word, rows, *fitted, _header_row)
        return
    header, *body = rows
    for n, row in enumerate(body):
        if n:
            word.add_paragraph()
        pairs = [[label, value] for label, value in zip(header, row)]
        fitted = _table_layout(pairs, available, _label_column)
        if fitted is None:  # words wider than the page: they break, as nothing else can be done
            fitted = TABLE_SIZES[-1], column_widths(pairs, available, TABLE_SIZES[-1])[0]
        _write_table(word, pairs, *fitted, _label_column)


def _add_caption(word, number: int, caption: str) -> None:
    """»Figur 1: …« in Word's Caption style, numbered by a SEQ field as Word numbers figures."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = word.add_paragraph(style="Caption")
    paragraph.add_run("Figur ")

    def field_char(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(char)

    field_char("begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " SEQ Figur \\* ARABIC "
    paragraph.add_run()._r.append(instruction)
    field_char("separate")
    paragraph.add_run(str(number))  # the number shown until Word updates the field
    field_char("end")
    paragraph.add_run(f": {_xml_safe(caption)}")


def to_docx(doc: Document) -> bytes:
    from docx import Document as WordDocument
    from docx.shared import Cm

    word = WordDocument()
    _danish(word)
    page = word.sections[0]
    page.page_width, page.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    page.left_margin = page.right_margin = Cm(MARGIN_CM)
    word.core_properties.title = _xml_safe(doc.title)[:255]  # Word's limit for a property
    word.add_heading(_xml_safe(doc.title), level=0)
    for line in doc.meta:
        word.add_paragraph(_xml_safe(line))
    figures = 0
    for section in doc.sections:
        word.add_heading(_xml_safe(section.heading), level=section.level)
        for paragraph in section.paragraphs:
            word.add_paragraph(_xml_safe(paragraph))
        if section.table:
            _add_table(word, section.table)
        for png, caption in zip(section.images, _captions(section)):
            figures += 1
            shape = word.add_picture(io.BytesIO(png), width=Cm(15))
            shape._inline.docPr.set("descr", _xml_safe(caption))  # alt text for screen readers
            _add_caption(word, figures, caption)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
