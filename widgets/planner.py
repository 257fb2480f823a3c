"""planlægger: a form that becomes a document (Word and Markdown), with validation.

The form controls and the document links here are shared by the other plan kinds.
"""

from __future__ import annotations

from datetime import date

import ipywidgets as ipw

from course import planning
from course.document import Document, to_docx, to_markdown
from widgets.base import Exercise, download_link, esc, file_stem, labelled, message_html, paragraphs

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def field_control(field):
    """The control for a field from data/, without its label."""
    if field.type == "langtekst":
        return ipw.Textarea(placeholder=field.help, layout={"width": "100%", "height": "6em"})
    if field.type == "tal":
        control = ipw.Text(placeholder="fx 8")
        control.add_class("nk-short")
        return control
    if field.type == "klokkeslæt":
        # Checked when the participant leaves the field, not at every keystroke of "10.00".
        control = ipw.Text(placeholder="fx 10.00", continuous_update=False)
        control.add_class("nk-short")
        return control
    if field.type == "valg":
        return ipw.Dropdown(options=[("Vælg …", "")] + [(o, o) for o in field.options], value="")
    if field.type == "dato":
        return ipw.DatePicker(value=None)
    return ipw.Text(placeholder=field.help, layout={"width": "100%"})


def control_value(control):
    """A control's value as the workbook keeps it (dates as ISO text)."""
    v = control.value
    return v.isoformat() if isinstance(v, date) else v


def set_control(control, field, value) -> None:
    """Show a saved value; a value that no longer fits leaves the control empty."""
    try:
        if field.type == "dato":
            control.value = date.fromisoformat(value) if value else None
        elif field.type == "valg":
            control.value = value if value in field.options else ""
        else:
            control.value = str(value or "")
    except (TypeError, ValueError):
        control.value = None if field.type == "dato" else ""


def problems_html(problems: list[str], title: str = "Planen er ikke færdig endnu:") -> str:
    items = "".join(f"<li>{esc(p)}</li>" for p in problems)
    return f'<div class="nk-msg nk-warn" role="alert"><b>{esc(title)}</b><ul>{items}</ul></div>'


def not_ready(exercise, problems: list[str]) -> bool:
    """Show why a document cannot be made yet (unfinished plan, no workbook); True if so."""
    if problems:
        exercise.result.value = problems_html(problems)
    elif exercise.workbook is None:
        exercise.result.value = message_html("Skriv dit navn og jobcenter øverst på siden først.", "warn")
    return bool(problems) or exercise.workbook is None


def document_links(doc: Document, stem: str) -> str:
    """Download links for a document as Word and as Markdown."""
    return (download_link(to_docx(doc), f"{stem}.docx", DOCX_MIME, "Hent som Word")
            + " " + download_link(to_markdown(doc).encode("utf-8"), f"{stem}.md",
                                  "text/markdown;charset=utf-8", "Hent som tekstfil"))


def document_stem(title: str, name: str) -> str:
    return f"{file_stem(title)}-{file_stem(name)}"


class Planner(Exercise):
    def _build(self):
        self.controls = {}
        children = []
        for f in self.definition.fields:
            control = labelled(field_control(f), f.label + (" *" if f.required else ""))
            self._on_change(control, self._changed)
            self.controls[f.id] = control
            children.append(control)
            if f.help and f.type not in ("tekst", "langtekst"):
                children.append(ipw.HTML(f'<p class="nk-help">{esc(f.help)}</p>'))
        children.append(ipw.HTML('<p class="nk-help">Felter med * skal udfyldes.</p>'))
        self.make_button = ipw.Button(description="Lav dokumentet", icon="file-text",
                                      tooltip="Tjek planen og lav den som Word-fil og tekstfil")
        self.make_button.add_class("nk-button")
        self._on_click(self.make_button, self._make)
        self.result = ipw.HTML()
        return children + [self.make_button, self.result]

    @property
    def value(self) -> dict:
        return {"fields": {field_id: control_value(c) for field_id, c in self.controls.items()}}

    def _restore(self, value: dict) -> None:
        saved = value.get("fields") if isinstance(value, dict) else None
        saved = saved if isinstance(saved, dict) else {}
        for f in self.definition.fields:
            set_control(self.controls[f.id], f, saved.get(f.id))

    def problems(self) -> list[str]:
        return planning.validate(self.definition, self.value["fields"])

    def _refresh(self) -> None:
        self.result.value = ""  # the document no longer matches the form

    def _make(self, *_):
        if not_ready(self, self.problems()):
            return
        doc = planning.build_document(self.definition, self.value["fields"],
                                      self.workbook.name, self.workbook.job_centre)
        links = document_links(doc, document_stem(self.definition.document_title or self.definition.title,
                                                  self.workbook.name))
        preview = "".join(f"<h4>{esc(s.heading)}</h4><p>{paragraphs(s.paragraphs[0])}</p>" for s in doc.sections)
        self.result.value = (f'<div class="nk-msg nk-ok" role="status">Dokumentet er klar. {links}</div>'
                             f'<div class="nk-preview"><h3>{esc(doc.title)}</h3>'
                             f'<p>{"<br>".join(esc(m) for m in doc.meta)}</p>{preview}</div>')
