"""rangering: put items in order with buttons (no dragging), add your own, tag each item."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.base import Exercise, esc, labelled, message_html, position

MAX_OWN = 10
MAX_OWN_CHARS = 300


class Ranking(Exercise):
    def _build(self):
        d = self.definition
        self.order = [{"id": i.id, "text": i.text, "own": False, "attrs": {}} for i in d.items]
        self.rows = ipw.VBox()
        self.rows.add_class("nk-ranking")
        self.new_item = labelled(ipw.Text(placeholder="Skriv en opgave, der mangler …",
                                          layout={"width": "100%"}), d.own_label or "Tilføj din egen")
        self.add_button = ipw.Button(description="Tilføj", icon="plus", tooltip="Tilføj til listen")
        self.add_button.add_class("nk-button")
        self.add_message = ipw.HTML()
        self._on_click(self.add_button, self._add)
        self._render()
        add_row = ipw.HBox([self.new_item, self.add_button], layout={"align_items": "flex-end"})
        add_row.add_class("nk-row")
        own = [add_row,
               self.add_message] if d.allow_own else []
        return [self.rows, *own]

    @property
    def value(self) -> dict:
        return {"order": [dict(entry, attrs=dict(entry["attrs"])) for entry in self.order]}

    def _restore(self, value: dict) -> None:
        by_id = {i.id: i for i in self.definition.items}
        restored, seen = [], set()
        for entry in value.get("order", []):
            if not isinstance(entry, dict) or entry.get("id") in seen:
                continue
            item_id, own = str(entry.get("id", "")), bool(entry.get("own"))
            if not own and item_id not in by_id:
                continue  # an item removed from the content since
            text = str(entry.get("text", "")) if own else by_id[item_id].text
            given = entry.get("attrs") if isinstance(entry.get("attrs"), dict) else {}
            attrs = {a.id: given.get(a.id, "") for a in self.definition.attributes
                     if given.get(a.id, "") in a.options}
            restored.append({"id": item_id, "text": text, "own": own, "attrs": attrs})
            seen.add(item_id)
        restored += [{"id": i.id, "text": i.text, "own": False, "attrs": {}}
                     for i in self.definition.items if i.id not in seen]
        self.order = restored
        self._render()

    def move(self, index: int, step: int) -> None:
        target = index + step
        if 0 <= target < len(self.order):
            self.order[index], self.order[target] = self.order[target], self.order[index]
            self._render()
            self._changed()

    def _add(self, *_):
        text = " ".join(self.new_item.value.split())
        if not text:
            self.add_message.value = message_html("Skriv først opgaven i feltet.", "warn")
            return
        if len(text) > MAX_OWN_CHARS:
            self.add_message.value = message_html(
                f"Skriv opgaven kortere (højst {MAX_OWN_CHARS} tegn). Teksten står stadig i feltet.", "warn")
            return
        own = [e for e in self.order if e["own"]]
        if len(own) >= MAX_OWN:
            self.add_message.value = message_html(f"Du kan højst tilføje {MAX_OWN} egne opgaver.", "warn")
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
            label = ipw.HTML(f'<span class="nk-rank">{index + 1}.</span> {esc(text)}'
                             + (' <span class="nk-own">(egen)</span>' if entry["own"] else ""))
            label.add_class("nk-rank-text")
            up = ipw.Button(description="Op", icon="arrow-up", disabled=index == 0,
                            tooltip=f"Flyt »{text}« en plads op")
            down = ipw.Button(description="Ned", icon="arrow-down", disabled=index == last,
                              tooltip=f"Flyt »{text}« en plads ned")
            self._on_click(up, lambda _, e=entry: self._move_entry(e, -1))
            self._on_click(down, lambda _, e=entry: self._move_entry(e, +1))
            controls = [up, down]
            for attr in self.definition.attributes:
                choice = ipw.Dropdown(options=[("Vælg …", "")] + [(o, o) for o in attr.options],
                                      value=entry["attrs"].get(attr.id, ""),
                                      description=attr.label, style={"description_width": "initial"},
                                      layout={"width": "auto"})
                self._on_change(choice, lambda change, e=entry, a=attr.id: self._set_attr(e, a, change))
                controls.append(choice)
            if entry["own"]:
                remove = ipw.Button(description="Fjern", icon="trash", tooltip=f"Fjern »{text}«")
                self._on_click(remove, lambda _, e=entry: self._remove(e))
                controls.append(remove)
            for c in controls:
                c.add_class("nk-small")
            buttons = ipw.HBox(controls)
            buttons.add_class("nk-row")
            row = ipw.VBox([label, buttons])
            row.add_class("nk-rank-row")
            rows.append(row)
        self.rows.children = rows
