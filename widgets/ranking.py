"""rangering: put items in order with buttons (no dragging), add your own, tag each item.

With ``correct_order: true`` in the data, the items are listed in the right order there,
start in a shuffled order, and a button compares the participant's order with the right one.
"""

from __future__ import annotations

import ipywidgets as ipw

from course import ranking
from widgets.base import Exercise, exercise_kind
from widgets.controls import entry_problem, labelled, position, row
from widgets.markup import blocks, esc, message_html

MAX_OWN = 10
MAX_OWN_CHARS = 300


@exercise_kind("rangering")
class Ranking(Exercise):
    def _build(self):
        d = self.definition
        self.order = [self._entry(item_id) for item_id in self._start_ids()]
        self.checked = False
        self.rows = ipw.VBox()
        self.rows.add_class("nk-ranking")
        self.new_item = labelled(
            ipw.Text(placeholder="Skriv en opgave, der mangler …", layout={"width": "100%"}),
            d.own_label or "Tilføj din egen",
        )
        self.add_button = self._button("Tilføj", "plus", "Tilføj til listen", self._add)
        self.add_message = ipw.HTML()
        self._render()
        own = [row([self.new_item, self.add_button]), self.add_message] if d.allow_own else []
        check = []
        if d.correct_order:
            self.check_button = self._button(
                "Tjek min rækkefølge",
                "check",
                "Sammenlign din rækkefølge med den rigtige",
                self._check,
            )
            self.result = ipw.HTML()
            check = [self.check_button, self.result]
        return [self.rows, *own, *check]

    def _start_ids(self) -> list[str]:
        ids = [i.id for i in self.definition.items]
        return (
            ranking.start_order(ids, self.definition.id) if self.definition.correct_order else ids
        )

    def _entry(self, item_id: str) -> dict:
        item = next(i for i in self.definition.items if i.id == item_id)
        return {"id": item.id, "text": item.text, "own": False, "attrs": {}}

    def _read(self) -> dict:
        value = {"order": [dict(entry, attrs=dict(entry["attrs"])) for entry in self.order]}
        if self.definition.correct_order:
            value["checked"] = self.checked
        return value

    def _restore(self, value: dict) -> None:
        by_id = {i.id: i for i in self.definition.items}
        restored, seen = [], set()
        for entry in value.get("order", []):
            if not isinstance(entry, dict) or entry.get("id") in seen:
                continue
            item_id, own = str(entry.get("id", "")), bool(entry.get("own"))
            if not own and item_id not in by_id:
                continue  # an item removed from the content since
            if own and not self.definition.allow_own:
                continue  # own items are not allowed (any more) in this ranking
            text = str(entry.get("text", "")) if own else by_id[item_id].text
            given = entry.get("attrs") if isinstance(entry.get("attrs"), dict) else {}
            attrs = {
                a.id: given.get(a.id, "")
                for a in self.definition.attributes
                if given.get(a.id, "") in a.options
            }
            restored.append({"id": item_id, "text": text, "own": own, "attrs": attrs})
            seen.add(item_id)
        restored += [self._entry(item_id) for item_id in self._start_ids() if item_id not in seen]
        self.order = restored
        self.checked = self.definition.correct_order and value.get("checked") is True
        self._render()

    def move(self, index: int, step: int) -> None:
        target = index + step
        if 0 <= target < len(self.order):
            self.order[index], self.order[target] = self.order[target], self.order[index]
            self._render()
            self._changed()

    def _check(self, *_):
        self.checked = True
        self._changed()

    def _refresh(self) -> None:
        if not self.definition.correct_order:
            return
        if not self.checked:
            self.result.value = ""
            return
        d = self.definition
        placements = ranking.compare([i.id for i in d.items], [e["id"] for e in self.order])
        right = sum(p.correct for p in placements)
        texts = {i.id: i for i in d.items}
        rows = []
        for p in placements:
            item = texts[p.id]
            mark = (
                "<span class='nk-ok-mark'>✔ din plads</span>"
                if p.correct
                else f"<span class='nk-miss-mark'>✘ du havde den som nr. {p.given}</span>"
            )
            note = (
                f"<br><span class='nk-help'>{esc(item.explanation)}</span>"
                if item.explanation
                else ""
            )
            rows.append(f"<li><b>{esc(item.text)}</b> – {mark}{note}</li>")
        summary = f"Du har {right} af {len(placements)} på den rigtige plads." + (
            " Flot – hele rækkefølgen er rigtig."
            if right == len(placements)
            else " Flyt gerne punkterne og se, hvordan svaret ændrer sig."
        )
        tone = "right" if right == len(placements) else "wrong"
        self.result.value = (
            f'<div class="nk-feedback nk-{tone}" role="status">'
            f'<p class="nk-score"><b>{esc(summary)}</b></p>'
            f'<p>Den rigtige rækkefølge:</p><ol class="nk-right-order">{"".join(rows)}</ol></div>'
            + (
                f'<div class="nk-explanation">{blocks(d.explanation)}</div>'
                if d.explanation
                else ""
            )
        )

    def _add(self, *_):
        text = " ".join(self.new_item.value.split())
        problem = entry_problem(text, "opgaven", MAX_OWN_CHARS)
        if problem:
            self.add_message.value = message_html(problem, "warn")
            return
        own = [e for e in self.order if e["own"]]
        if len(own) >= MAX_OWN:
            self.add_message.value = message_html(
                f"Du kan højst tilføje {MAX_OWN} egne opgaver.", "warn"
            )
            return
        number = max([int(e["id"].rsplit("-", 1)[-1]) for e in own] + [0]) + 1
        self.order.append({"id": f"egen-{number}", "text": text, "own": True, "attrs": {}})
        self.new_item.value = ""
        self.add_message.value = message_html(f"»{text}« er tilføjet nederst på listen.", "ok")
        self._render()
        self._changed()

    def _move_entry(self, entry: dict, step: int) -> None:
        index = position(self.order, entry)
        if index is not None:
            self.move(index, step)

    def _remove(self, entry: dict) -> None:
        index = position(self.order, entry)
        if index is not None:
            del self.order[index]
            self._render()
            self._changed()

    def _set_attr(self, entry: dict, attr_id: str, change) -> None:
        entry["attrs"][attr_id] = change["new"] or ""
        self._changed()

    def _render(self) -> None:
        rows = []
        last = len(self.order) - 1
        for index, entry in enumerate(self.order):
            text = entry["text"]
            label = ipw.HTML(
                f'<span class="nk-rank">{index + 1}.</span> {esc(text)}'
                + (' <span class="nk-own">(egen)</span>' if entry["own"] else "")
            )
            label.add_class("nk-rank-text")
            up, down = self._move_buttons(
                f"»{text}« en plads",
                index == 0,
                index == last,
                lambda step, e=entry: self._move_entry(e, step),
            )
            controls = [up, down]
            for attr in self.definition.attributes:
                choice = ipw.Dropdown(
                    options=[("Vælg …", "")] + [(o, o) for o in attr.options],
                    value=entry["attrs"].get(attr.id, ""),
                    description=attr.label,
                    style={"description_width": "initial"},
                    layout={"width": "auto"},
                )
                choice.add_class("nk-small")
                self._on_change(
                    choice, lambda change, e=entry, a=attr.id: self._set_attr(e, a, change)
                )
                controls.append(choice)
            if entry["own"]:
                remove = self._remove_button(f"Fjern »{text}«", lambda _, e=entry: self._remove(e))
                controls.append(remove)
            entry_view = ipw.VBox([label, row(controls)])
            entry_view.add_class("nk-rank-row")
            rows.append(entry_view)
        self.rows.children = rows
