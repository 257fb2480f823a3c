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
    given = list(section.captions[: len(section.images)])
    return given + ["Billede"] * (len(section.images) - len(given))


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


def to_docx(doc: Document) -> bytes:
    from docx import Document as WordDocument
    from docx.shared import Cm

    word = WordDocument()
    _danish(word)
    word.core_properties.title = _xml_safe(doc.title)[:255]  # Word's limit for a property
    word.add_heading(_xml_safe(doc.title), level=0)
    for line in doc.meta:
        word.add_paragraph(_xml_safe(line))
    for section in doc.sections:
        word.add_heading(_xml_safe(section.heading), level=section.level)
        for paragraph in section.paragraphs:
            word.add_paragraph(_xml_safe(paragraph))
        if section.table:
            table = word.add_table(rows=0, cols=len(section.table[0]))
            table.style = "Table Grid"
            for r, row in enumerate(section.table):
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = _xml_safe(text)
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        for png, caption in zip(section.images, _captions(section)):
            shape = word.add_picture(io.BytesIO(png), width=Cm(15))
            shape._inline.docPr.set("descr", _xml_safe(caption))  # alt text for screen readers
            word.add_paragraph(_xml_safe(caption), style="Caption")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
