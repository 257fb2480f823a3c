"""årshjul: pick activities that keep the learning pot boiling, place them in months with an
owner, and see the year as a wheel. The catalogue and its descriptions come from data/."""

from __future__ import annotations

import ipywidgets as ipw

from course import year_wheel
from widgets.base import exercise_kind
from widgets.controls import entry_problem, labelled, row
from widgets.markup import esc, message_html
from widgets.plan_rows import RowPlanner

MAX_OWN_CHARS = 200


@exercise_kind("årshjul")
class YearWheel(RowPlanner):
    blank_rows = False  # rows come from the catalogue or from the participant's own activity
    picture_label = "Tjek og tegn årshjulet"
    message_above_rows = True  # the confirmation stays near the catalogue's buttons

    def _before_rows(self) -> list:
        d = self.definition
        self.catalogue_buttons: dict[str, ipw.Button] = {}
        parts = []
        for category in d.categories:
            entries = []
            for item in (i for i in d.items if i.category == category.id):
                add = self._button(
                    "Sæt i årshjulet",
                    "plus",
                    f"Sæt »{item.text}« i årshjulet",
                    lambda _, i=item: self._add_item(i),
                    "nk-small",
                )
                self.catalogue_buttons[item.id] = add
                text = ipw.HTML(
                    f'<p class="nk-item"><b>{esc(item.text)}</b><br>'
                    f'<span class="nk-help">{esc(item.explanation)}</span></p>'
                )
                entry = ipw.HBox([add, text])
                entry.add_class("nk-catalogue-entry")
                entries.append(entry)
            heading = ipw.HTML(
                f'<h4 class="nk-group">{esc(category.title)}</h4>'
                + (
                    f'<p class="nk-help">{esc(category.description)}</p>'
                    if category.description
                    else ""
                )
            )
            parts += [heading, *entries]
        catalogue = ipw.VBox(parts)
        catalogue.add_class("nk-catalogue")
        self.own_text = labelled(
            ipw.Text(
                placeholder="Fx Fælles morgenmad om gode jobaftaler", layout={"width": "100%"}
            ),
            d.own_label or "Din egen aktivitet",
        )
        self.own_button = self._button(
            "Tilføj egen aktivitet", "plus", "Sæt din egen aktivitet i årshjulet", self._add_own
        )
        return [
            catalogue,
            row([self.own_text, self.own_button], "nk-own-row"),
            ipw.HTML(
                '<h4 class="nk-group">Dit årshjul</h4><p class="nk-help">Vælg måned og '
                "ansvarlig for hver aktivitet. Du kan rette aktivitetens navn.</p>"
            ),
        ]

    def _add_item(self, item) -> None:
        if self.add_row("", item.id, {"aktivitet": item.text}):
            self.messages[""].value = message_html(
                f"»{item.text}« er sat i årshjulet nederst. Vælg måned og ansvarlig.", "ok"
            )

    def _add_own(self, *_) -> None:
        text = " ".join(self.own_text.value.split())
        problem = entry_problem(text, "aktiviteten", MAX_OWN_CHARS, missing="din aktivitet")
        if problem:
            self.messages[""].value = message_html(problem, "warn")
            return
        if self.add_row("", "", {"aktivitet": text}):
            self.own_text.value = ""
            self.messages[""].value = message_html(
                f"»{text}« er sat i årshjulet nederst. Vælg måned og ansvarlig.", "ok"
            )

    def _picture(self):
        if not year_wheel.placed(self.definition, self.rows):
            return None
        return (
            year_wheel.picture(self.definition, self.rows),
            f"Årshjul med årets 12 måneder. {year_wheel.summary(self.definition, self.rows)}",
        )

    def _sections(self) -> list:
        return year_wheel.document_sections(self.definition, self._read(), self.definition.title)

    def _title_field(self) -> str:
        return "aktivitet"
