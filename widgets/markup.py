"""The small HTML pieces every page is built from. Participant text is always escaped here."""

from __future__ import annotations

import base64
import html
import re

from course.document import Document, to_docx, to_markdown

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def esc(text) -> str:
    """Participant or content text as HTML text, never as markup."""
    return html.escape(str(text), quote=True)


def paragraphs(text: str) -> str:
    """Escaped text with its line breaks kept."""
    return "<br>".join(esc(line) for line in str(text).splitlines())


def blocks(text: str) -> str:
    """Escaped text as HTML paragraphs: a blank line starts a new one."""
    parts = [p for p in str(text).split("\n\n") if p.strip()]
    return "".join(f"<p>{paragraphs(p.strip())}</p>" for p in parts)


def message_html(text: str, tone: str = "info") -> str:
    """A short message; ``tone`` is info, ok, warn or error."""
    return f'<div class="nk-msg nk-{tone}" role="status" aria-live="polite">{esc(text)}</div>'


def ready_html(text: str, links: str) -> str:
    """A document is made: the message and its download links (HTML)."""
    return f'<div class="nk-msg nk-ok" role="status">{esc(text)} {links}</div>'


def problems_html(problems: list[str], title: str = "Planen er ikke færdig endnu:") -> str:
    """Why something cannot be done yet, as a list under a title."""
    items = "".join(f"<li>{esc(p)}</li>" for p in problems)
    head = f"<b>{esc(title)}</b>" if title else ""
    return f'<div class="nk-msg nk-warn" role="alert">{head}<ul>{items}</ul></div>'


def hints_html(hints: list[str], none: str) -> str:
    """Gentle hints on what a participant wrote, or ``none`` when there are none."""
    if not hints:
        return message_html(none, "ok")
    items = "".join(f"<li>{esc(h)}</li>" for h in hints)
    return f'<div class="nk-advice" role="status"><b>Til overvejelse:</b><ul>{items}</ul></div>'


def feedback_html(right: bool, verdict: str, explanation_html: str) -> str:
    """Immediate feedback on one answer: a mark and verdict (not colour alone), then why."""
    mark, tone = ("✔", "right") if right else ("✘", "wrong")
    return (
        f'<div class="nk-feedback nk-{tone}" role="status"><b>{mark} {esc(verdict)}</b> '
        f"{explanation_html}</div>"
    )


def case_html(text: str) -> str:
    """A (fictitious) case in a box above its exercise; a blank line starts a new paragraph."""
    return f'<div class="nk-case"><p class="nk-case-title">Casen</p>{blocks(text)}</div>'


def picture_html(png: bytes, alt: str) -> str:
    """A PNG picture with a text alternative for screen readers."""
    data = base64.b64encode(png).decode("ascii")
    return f'<img class="nk-picture" alt="{esc(alt)}" src="data:image/png;base64,{data}">'


def grid_html(definition, cell) -> str:
    """The exercise's categories as a table laid out like its grid (e.g. Tomm's 2×2).

    ``cell(category)`` gives the HTML inside each cell.
    """
    grid = definition.grid
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in grid.columns)
    body = "".join(
        f'<tr><th scope="row">{esc(label)}</th>'
        + "".join(f"<td>{cell(definition.category(c))}</td>" for c in row)
        + "</tr>"
        for label, row in zip(grid.rows, grid.cells)
    )
    return (
        f'<table class="nk-grid"><thead><tr><td></td>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def download_link(content: bytes, filename: str, mime: str, label: str) -> str:
    """A link that saves a file in any browser, in Voilà and in JupyterLab."""
    data = base64.b64encode(content).decode("ascii")
    return (
        f'<a class="nk-download" download="{esc(filename)}" '
        f'href="data:{mime};base64,{data}">⬇ {esc(label)}</a>'
    )


def file_stem(name: str) -> str:
    """A safe file-name part from a participant's name (no paths, no odd signs)."""
    stem = re.sub(r"[^\w-]+", "-", name, flags=re.UNICODE).strip("-_")
    return stem[:60] or "deltager"


def document_stem(title: str, name: str) -> str:
    """The file name (without extension) of a participant's document."""
    return f"{file_stem(title)}-{file_stem(name)}"


def document_links(doc: Document, stem: str, word_label: str = "Hent som Word") -> str:
    """Download links for a document as Word and as Markdown."""
    return (
        download_link(to_docx(doc), f"{stem}.docx", DOCX_MIME, word_label)
        + " "
        + download_link(
            to_markdown(doc).encode("utf-8"),
            f"{stem}.md",
            "text/markdown;charset=utf-8",
            "Hent som tekstfil",
        )
    )
