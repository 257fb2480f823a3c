"""mødeplan: a meeting planned with I DO ART: the agenda fits the time frame; timeline; export."""

from __future__ import annotations

import ipywidgets as ipw

from course import charts, meeting
from widgets.base import Exercise, exercise_kind
from widgets.controls import field_label, labelled, position, required_note, row, text_area
from widgets.markup import esc, message_html, paragraphs, picture_html, problems_html


def _part_head(field) -> ipw.HTML:
    """The heading of the agenda or the time frame, with its help text."""
    return ipw.HTML(
        f'<p class="nk-part">{esc(field.label)}</p><p class="nk-help">{esc(field.help)}</p>'
    )


@exercise_kind("mødeplan")
class MeetingPlanner(Exercise):
    def _build(self):
        d = self.definition
        self.plan = {
            "fields": {f.id: "" for f in meeting.text_fields(d)},
            "agenda": [meeting.empty_row()],
            "start": "",
            "minutes": "",
        }
        self.texts = {}
        self.rows = ipw.VBox()
        self.rows.add_class("nk-agenda")
        self.fit_view = ipw.HTML()
        self.frame_view = ipw.HTML()
        children = []
        for f in d.fields:
            if f.type == "dagsorden":
                self.add_button = self._button(
                    "Tilføj punkt", "plus", "Tilføj et punkt nederst på dagsordenen", self._add
                )
                self.agenda_message = ipw.HTML()
                children += [
                    _part_head(f),
                    self.rows,
                    row([self.add_button, self.agenda_message]),
                    self.fit_view,
                ]
            elif f.type == "tidsramme":
                self.start = labelled(ipw.Text(placeholder="fx 09.30"), "Mødet starter kl.")
                self.total = labelled(
                    ipw.Text(placeholder="fx 60"), "Mødets samlede tid i minutter"
                )
                for control in (self.start, self.total):
                    control.add_class("nk-inline")
                self.total.add_class("nk-long-label")
                self._on_change(self.start, lambda change: self._set("start", change["new"]))
                self._on_change(self.total, lambda change: self._set("minutes", change["new"]))
                children += [_part_head(f), row([self.start, self.total]), self.frame_view]
            else:
                box = text_area(field_label(f), f.help, "5em")
                self._on_change(box, lambda change, i=f.id: self._set_text(i, change["new"]))
                self.texts[f.id] = box
                children.append(box)
        children.append(required_note())
        self.make_button = self._make_button(
            "Lav mødeplanen", "Tjek planen, tegn tidslinjen og lav planen som Word-fil og tekstfil"
        )
        self.result = ipw.HTML()
        self._render_rows()
        return children + [row([self.make_button]), self.result]

    # --- state ----------------------------------------------------------------------
    def _read(self) -> dict:
        return meeting.normalise(self.plan)

    def _restore(self, value) -> None:
        plan = meeting.normalise(value)
        plan["fields"] = {
            f.id: plan["fields"].get(f.id, "") for f in meeting.text_fields(self.definition)
        }
        self.plan = plan
        for field_id, box in self.texts.items():
            box.value = plan["fields"][field_id]
        self.start.value, self.total.value = plan["start"], plan["minutes"]
        self._render_rows()

    def problems(self) -> list[str]:
        return meeting.problems(self.definition, self._read())

    # --- edits ----------------------------------------------------------------------
    def _set_text(self, field_id: str, text: str) -> None:
        self.plan["fields"][field_id] = text
        self._changed()

    def _set(self, key: str, text: str) -> None:
        self.plan[key] = text
        self._changed()

    def _set_row(self, entry: dict, key: str, text: str) -> None:
        entry[key] = text  # the row the field was drawn for, wherever it is now
        self._changed()

    def _add(self, *_):
        if len(self.plan["agenda"]) >= meeting.MAX_ITEMS:
            self.agenda_message.value = message_html(
                f"Dagsordenen kan højst have {meeting.MAX_ITEMS} punkter.", "warn"
            )
            return
        self.plan["agenda"].append(meeting.empty_row())
        self.agenda_message.value = ""
        self._render_rows()
        self._changed()

    def remove(self, entry: dict) -> None:
        index = position(self.plan["agenda"], entry)
        if index is None:
            return
        del self.plan["agenda"][index]
        self.agenda_message.value = ""
        self._render_rows()
        self._changed()

    def move(self, entry: dict, step: int) -> None:
        agenda = self.plan["agenda"]
        index = position(agenda, entry)
        target = -1 if index is None else index + step
        if 0 <= target < len(agenda):
            agenda[index], agenda[target] = agenda[target], agenda[index]
            self._render_rows()
            self._changed()

    # --- views ----------------------------------------------------------------------
    def _render_rows(self) -> None:
        rows, self.row_times, self.row_controls = [], [], []
        last = len(self.plan["agenda"]) - 1
        for i, entry in enumerate(self.plan["agenda"]):
            n = i + 1
            # Visible labels stay short; screen readers also hear which item they belong to.
            title = labelled(
                ipw.Text(
                    value=entry["title"],
                    placeholder="fx Runde: erfaringer med jobaftaler",
                    description_allow_html=True,
                ),
                f'Overskrift<span class="nk-sr-only"> til punkt {n}</span>',
            )
            title.add_class("nk-inline")
            title.add_class("nk-wide")
            minutes = labelled(
                ipw.Text(value=entry["minutes"], placeholder="fx 10", description_allow_html=True),
                f'Minutter<span class="nk-sr-only"> til punkt {n}</span>',
            )
            minutes.add_class("nk-inline")
            minutes.add_class("nk-minutes")
            self._on_change(title, lambda change, e=entry: self._set_row(e, "title", change["new"]))
            self._on_change(
                minutes, lambda change, e=entry: self._set_row(e, "minutes", change["new"])
            )
            up, down = self._move_buttons(
                f"punkt {n}", i == 0, i == last, lambda step, e=entry: self.move(e, step)
            )
            remove = self._remove_button(f"Fjern punkt {n}", lambda _, e=entry: self.remove(e))
            when = ipw.HTML()
            when.add_class("nk-slot")
            self.row_times.append(when)
            self.row_controls.append(
                {"title": title, "minutes": minutes, "up": up, "down": down, "remove": remove}
            )
            rows.append(row([when, title, minutes, up, down, remove], "nk-agenda-row"))
        self.rows.children = rows
        self._update_times()

    def _update_times(self) -> None:
        """The times beside each row, the fit of the agenda and the time frame, live."""
        value = self._read()
        slots = meeting.schedule(value)
        offset = 0
        for i, when in enumerate(getattr(self, "row_times", [])):
            if slots:
                text = slots[i].times
            else:  # no start time yet: minutes from the meeting's start
                length = meeting.row_minutes(value["agenda"][i]) or 0
                text = f"{offset}–{offset + length} min"
                offset += length
            when.value = (
                f'<span class="nk-rank">Punkt {i + 1}</span><br>'
                f'<span class="nk-time">{esc(text)}</span>'
            )
        result = meeting.fit(self.definition, value)
        planned = meeting.planned_minutes(value)
        if result is None and not value["minutes"].strip():
            self.fit_view.value = message_html(
                f"Dagsordenen fylder {meeting.minutes_text(planned)}. Udfyld tidsrammen nedenfor, "
                "så kan du se, om dagsordenen kan nås.",
                "info",
            )
        elif result is None:
            self.fit_view.value = message_html(
                f"Dagsordenen fylder {meeting.minutes_text(planned)}. "
                + meeting.time_problem(self.definition, value),
                "warn",
            )
        else:
            self.fit_view.value = message_html(result.message(), result.tone)
        frame = meeting.frame_text(value, meeting.total_minutes(self.definition, value))
        self.frame_view.value = message_html(f"Tidsrammen: {frame}.", "info") if frame else ""

    def _refresh(self) -> None:
        self._update_times()
        self.result.value = ""  # the plan shown no longer matches the form

    def _timeline(self) -> tuple[bytes, str] | None:
        value = self._read()
        slots = meeting.schedule(value)
        if not slots:
            return None
        total = meeting.total_minutes(self.definition, value)
        frame = (slots[0].start, slots[0].start + total) if total is not None else None
        png = charts.agenda_timeline([(s.title, s.start, s.end) for s in slots], frame)
        return png, meeting.timeline_text(self.definition, value)

    def _make(self, *_):
        timeline = self._timeline()
        picture = picture_html(*timeline) if timeline else ""
        problems = self.problems()
        if problems:
            self.result.value = (
                problems_html(problems, "Mødeplanen er ikke færdig endnu:") + picture
            )
            return
        if self._needs_workbook(self.result):
            return
        doc = meeting.build_document(
            self.definition,
            self._read(),
            self.workbook.name,
            self.workbook.job_centre,
            picture=timeline[0],
        )
        preview = []
        for s in doc.sections:
            if s.table:
                head, *body = s.table
                cells = "".join(
                    f"<tr>{''.join(f'<td>{esc(c)}</td>' for c in line)}</tr>" for line in body
                )
                preview.append(
                    f'<h4>{esc(s.heading)}</h4><table class="nk-table"><thead><tr>'
                    + "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
                    + f"</tr></thead><tbody>{cells}</tbody></table>"
                )
            else:
                preview.append(f"<h4>{esc(s.heading)}</h4><p>{paragraphs(s.paragraphs[0])}</p>")
        self._offer(
            self.result,
            doc,
            "Mødeplanen er klar.",
            after=f'{picture}<div class="nk-preview"><h3>{esc(doc.title)}</h3>'
            f"<p>{'<br>'.join(esc(m) for m in doc.meta)}</p>{''.join(preview)}</div>",
        )
