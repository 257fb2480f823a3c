"""introduktionsplan: place the grips for a new colleague in the first weeks, see the balance
between the three kinds of learning, add your own grips. Buttons only, no dragging."""

from __future__ import annotations

import ipywidgets as ipw

from course import onboarding
from widgets.base import Exercise, exercise_kind
from widgets.controls import button_row, entry_problem, labelled, row
from widgets.markup import esc, message_html, picture_html

NO_WEEKS = "Placér mindst ét greb i en uge først."


@exercise_kind("introduktionsplan")
class OnboardingPlanner(Exercise):
    def _build(self):
        d = self.definition
        legend = "".join(
            f'<li><span class="nk-tag nk-kind-{n}">{esc(c.title)}</span> {esc(c.description)}</li>'
            for n, c in enumerate(d.categories)
        )
        self.weeks: dict[str, set[int]] = {}
        self.own: list[dict] = []
        self.rows = ipw.VBox()
        self.rows.add_class("nk-grips")
        self.new_text = labelled(
            ipw.Text(
                placeholder="Fx Frokost med en erfaren kollega om første uges samtaler",
                layout={"width": "100%"},
            ),
            d.own_label or "Dit eget greb",
        )
        self.new_kind = labelled(
            ipw.Dropdown(
                options=[("Vælg …", "")] + [(c.title, c.id) for c in d.categories], value=""
            ),
            "Type af læring",
        )
        self.add_button = self._button(
            "Tilføj grebet", "plus", "Tilføj dit eget greb nederst i planen", self._add
        )
        self.add_message = ipw.HTML()
        own_row = row([self.new_text, self.new_kind, self.add_button], "nk-own-row")
        self.balance = ipw.HTML()
        self.picture_button = self._button(
            "Tegn balancen",
            "bar-chart",
            "Tegn balancen mellem de tre typer af læring uge for uge",
            self._draw,
        )
        self.make_button = self._make_button(
            tooltip="Lav introduktionsplanen som Word-fil og tekstfil"
        )
        self.picture = ipw.HTML()
        self.result = ipw.HTML()
        actions = button_row(self.picture_button, self.make_button)
        self._render()
        return [
            ipw.HTML(f'<ul class="nk-categories">{legend}</ul>'),
            self.rows,
            ipw.HTML('<h4 class="nk-group">Mangler der et greb?</h4>'),
            own_row,
            self.add_message,
            self.balance,
            actions,
            self.picture,
            self.result,
        ]

    def _read(self) -> dict:
        return {
            "weeks": {g: sorted(w) for g, w in self.weeks.items() if w},
            "own": [dict(o) for o in self.own],
        }

    def _restore(self, value) -> None:
        self.own = onboarding.own_grips(self.definition, value)
        self.weeks = {
            g.id: set(g.weeks) for g in onboarding.grips(self.definition, value) if g.weeks
        }
        self._render()

    def plan(self) -> list[onboarding.Grip]:
        return onboarding.grips(self.definition, self._read())

    # --- actions ---------------------------------------------------------------------
    def toggle(self, grip_id: str, week: int, on: bool) -> None:
        weeks = self.weeks.setdefault(grip_id, set())
        (weeks.add if on else weeks.discard)(week)
        self._changed()

    def _toggled(self, toggle, grip_id: str, week: int) -> None:
        toggle.icon = "check" if toggle.value else ""
        self.toggle(grip_id, week, toggle.value)

    def _add(self, *_):
        text = " ".join(self.new_text.value.split())
        problem = entry_problem(text, "grebet", onboarding.MAX_OWN_CHARS)
        if problem:
            self.add_message.value = message_html(problem, "warn")
            return
        if not self.new_kind.value:
            self.add_message.value = message_html("Vælg, hvilken type af læring grebet er.", "warn")
            return
        if len(self.own) >= onboarding.MAX_OWN:
            self.add_message.value = message_html(
                f"Du kan højst tilføje {onboarding.MAX_OWN} egne greb.", "warn"
            )
            return
        grip_id = onboarding.next_own_id(self.definition, self._read())
        self.own.append({"id": grip_id, "text": text, "category": self.new_kind.value})
        self.new_text.value, self.new_kind.value = "", ""
        self.add_message.value = message_html(
            f"»{text}« er tilføjet nederst i planen. Vælg ugerne.", "ok"
        )
        self._render()
        self._changed()

    def _remove(self, grip_id: str) -> None:
        self.own = [o for o in self.own if o["id"] != grip_id]
        self.weeks.pop(grip_id, None)
        self.add_message.value = ""
        self._render()
        self._changed()

    # --- view --------------------------------------------------------------------------
    def _render(self) -> None:
        d = self.definition
        titles = {c.id: (n, c.title) for n, c in enumerate(d.categories)}
        explanations = {i.id: i.explanation for i in d.items}
        rows = []
        for grip in self.plan():
            n, kind = titles[grip.category]
            note = explanations.get(grip.id, "")
            label = ipw.HTML(
                f'<p class="nk-item"><b>{esc(grip.text)}</b> '
                f'<span class="nk-tag nk-kind-{n}">{esc(kind)}</span>'
                + (' <span class="nk-own">(eget greb)</span>' if grip.own else "")
                + (f'<br><span class="nk-help">{esc(note)}</span>' if note else "")
                + "</p>"
            )
            toggles = []
            for w, week in enumerate(d.periods, start=1):
                on = w in grip.weeks
                # The check mark shows the choice without relying on colour.
                toggle = ipw.ToggleButton(
                    value=on,
                    description=week,
                    icon="check" if on else "",
                    tooltip=f"{grip.text}: {week}",
                )
                toggle.add_class("nk-week")
                self._on_change(
                    toggle, lambda change, g=grip.id, w=w, t=toggle: self._toggled(t, g, w)
                )
                toggles.append(toggle)
            if grip.own:
                remove = self._remove_button(
                    f"Fjern »{grip.text}«", lambda _, g=grip.id: self._remove(g)
                )
                toggles.append(remove)
            grip_view = ipw.VBox([label, row(toggles, "nk-weeks")])
            grip_view.add_class("nk-rank-row")
            rows.append(grip_view)
        self.rows.children = rows
        self._refresh()

    def _refresh(self) -> None:
        plan = self.plan()
        tips = onboarding.advice(self.definition, plan)
        self.balance.value = (
            f'<p class="nk-score" role="status"><b>Balancen:</b> '
            f"{esc(onboarding.summary(self.definition, plan))}</p>"
            + "".join(f'<div class="nk-advice">{esc(t)}</div>' for t in tips)
        )
        self.picture.value = ""  # a drawn picture no longer matches the plan
        self.result.value = ""

    def _draw(self, *_):
        plan = self.plan()
        if not any(g.weeks for g in plan):
            self.picture.value = message_html(NO_WEEKS, "warn")
            return
        self.picture.value = picture_html(
            onboarding.picture(self.definition, plan),
            f"Søjler for hver uge med antal greb fordelt på de tre typer af læring. "
            f"{onboarding.summary(self.definition, plan)}",
        )

    def _make(self, *_):
        if self._needs_workbook(self.result):
            return
        if not any(g.weeks for g in self.plan()):
            self.result.value = message_html(NO_WEEKS, "warn")
            return
        d = self.definition
        self._offer(
            self.result, self._document(onboarding.document_sections(d, self._read(), d.title))
        )
