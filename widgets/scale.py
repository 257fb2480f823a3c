"""skala: ratings on a fixed scale, with advice for low ratings and follow-up prompts."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.base import Exercise, esc, labelled


class Rating(Exercise):
    def _build(self):
        scale = self.definition.scale
        legend = ipw.HTML(
            f'<p class="nk-legend"><b>{scale.min}</b> = {esc(scale.low_label or "lavest")} · '
            f'<b>{scale.max}</b> = {esc(scale.high_label or "højest")}</p>')
        self.ratings, self.advice = {}, {}
        rows = [legend]
        for item in self.definition.items:
            buttons = labelled(ipw.ToggleButtons(
                options=[(str(n), n) for n in range(scale.min, scale.max + 1)], index=None,
                tooltips=[f"{item.text}: {n}" for n in range(scale.min, scale.max + 1)],
                style={"button_width": "3.2em"}), item.text)
            buttons.add_class("nk-scale")
            self._on_change(buttons, self._changed)
            self.ratings[item.id] = buttons
            self.advice[item.id] = ipw.HTML()
            rows += [buttons, self.advice[item.id]]
        self.texts = {}
        for prompt in self.definition.prompts:
            box = labelled(ipw.Textarea(placeholder=prompt.hint or "Skriv her …",
                                        layout=ipw.Layout(width="100%", height="6em")), prompt.text)
            self._on_change(box, self._changed)
            self.texts[prompt.id] = box
            rows.append(box)
        return rows

    @property
    def value(self) -> dict:
        return {"ratings": {i: b.value for i, b in self.ratings.items()},
                "texts": {p: b.value for p, b in self.texts.items()}}

    def _restore(self, value: dict) -> None:
        scale = self.definition.scale
        for item_id, buttons in self.ratings.items():
            rating = value.get("ratings", {}).get(item_id)
            ok = isinstance(rating, int) and scale.min <= rating <= scale.max
            buttons.value = rating if ok else None
        for prompt_id, box in self.texts.items():
            box.value = str(value.get("texts", {}).get(prompt_id, ""))

    def _refresh(self) -> None:
        low_at = self.definition.scale.low_at
        for item in self.definition.items:
            rating = self.ratings[item.id].value
            low = low_at is not None and rating is not None and rating <= low_at and item.advice
            self.advice[item.id].value = (
                f'<div class="nk-advice"><b>Gode råd:</b> {esc(item.advice)}</div>' if low else "")
