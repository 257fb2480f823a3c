"""skala: ratings on a fixed scale, with advice for low ratings and follow-up prompts.

Optional, driven by data: named steps (``scale.labels``), several occasions to rate the
same items at (``occasions``; the participant picks which one they are rating), and a
picture of the answers (``chart``: bars, a wheel or a radar with one outline per occasion).
"""

from __future__ import annotations

import ipywidgets as ipw

from course import charts
from widgets.base import Exercise, exercise_kind
from widgets.controls import labelled, prompt_box
from widgets.markup import esc, picture_html


@exercise_kind("skala")
class Rating(Exercise):
    def _build(self):
        d = self.definition
        scale = d.scale
        steps = range(scale.min, scale.max + 1)
        self.step_label = dict(zip(steps, scale.labels)) if scale.labels else {}
        if self.step_label:
            legend = " · ".join(f"<b>{n}</b> = {esc(t)}" for n, t in self.step_label.items())
        else:
            legend = (
                f"<b>{scale.min}</b> = {esc(scale.low_label or 'lavest')} · "
                f"<b>{scale.max}</b> = {esc(scale.high_label or 'højest')}"
            )
        rows = [ipw.HTML(f'<p class="nk-legend">{legend}</p>')]
        # One set of buttons per occasion; "" when the skala is answered once.
        self.occasion_ids = [o.id for o in d.occasions] or [""]
        self.by_occasion, self.advice, pages = {}, {}, {}
        for occasion in self.occasion_ids:
            buttons_here, page = {}, []
            for item in d.items:
                buttons = labelled(
                    ipw.ToggleButtons(
                        options=[(str(n), n) for n in steps],
                        index=None,
                        tooltips=[
                            f"{item.text}: {n}"
                            + (f" – {self.step_label[n]}" if self.step_label else "")
                            for n in steps
                        ],
                        style={"button_width": "3.2em"},
                    ),
                    item.text,
                )
                buttons.add_class("nk-scale")
                self._on_change(buttons, self._changed)
                buttons_here[item.id] = buttons
                page.append(buttons)
                if not d.occasions:
                    self.advice[item.id] = ipw.HTML()
                    page.append(self.advice[item.id])
            self.by_occasion[occasion] = buttons_here
            pages[occasion] = page
        self.ratings = self.by_occasion[""] if not d.occasions else {}
        self.items_box = ipw.VBox(pages[self.occasion_ids[0]])
        if d.occasions:
            self.occasion = labelled(
                ipw.ToggleButtons(
                    options=[(o.label, o.id) for o in d.occasions],
                    value=d.occasions[0].id,
                    tooltips=[f"Vurder borgeren: {o.label}" for o in d.occasions],
                    style={"button_width": "auto"},
                ),
                "Hvilket tidspunkt vurderer du nu?",
            )
            self.occasion.add_class("nk-occasion")
            self.now_rating = ipw.HTML()
            self._pages = pages
            self._on_change(self.occasion, self._show_occasion)
            self._show_occasion()
            rows += [self.occasion, self.now_rating]
        rows.append(self.items_box)
        self.texts = {}
        for prompt in d.prompts:
            box = prompt_box(prompt, "6em")
            self._on_change(box, self._changed)
            self.texts[prompt.id] = box
        if d.chart:
            self.picture_button = self._button(
                "Vis billedet af dine svar", "bar-chart", "Tegn et billede af dine svar", self._draw
            )
            self.picture = ipw.HTML()
            self._drawn = False
            rows += [self.picture_button, self.picture]
        return rows + list(self.texts.values())

    def _show_occasion(self, *_):
        chosen = next(o for o in self.definition.occasions if o.id == self.occasion.value)
        self.items_box.children = self._pages[chosen.id]
        self.now_rating.value = (
            f'<p class="nk-now" role="status">Du vurderer nu: <b>{esc(chosen.label)}</b></p>'
        )

    # --- the value -----------------------------------------------------------------
    def _values(self, occasion: str) -> dict:
        return {i: b.value for i, b in self.by_occasion[occasion].items()}

    def _read(self) -> dict:
        if self.definition.occasions:
            ratings = {o: self._values(o) for o in self.occasion_ids}
        else:
            ratings = self._values("")
        return {"ratings": ratings, "texts": {p: b.value for p, b in self.texts.items()}}

    def _restore(self, value: dict) -> None:
        scale = self.definition.scale
        saved = value.get("ratings") if isinstance(value.get("ratings"), dict) else {}
        for occasion, buttons_here in self.by_occasion.items():
            given = saved.get(occasion, {}) if occasion else saved
            given = given if isinstance(given, dict) else {}
            for item_id, buttons in buttons_here.items():
                rating = given.get(item_id)
                ok = type(rating) is int and scale.min <= rating <= scale.max
                buttons.value = rating if ok else None
        texts = value.get("texts") if isinstance(value.get("texts"), dict) else {}
        for prompt_id, box in self.texts.items():
            box.value = str(texts.get(prompt_id, ""))

    # --- feedback -------------------------------------------------------------------
    def _refresh(self) -> None:
        low_at = self.definition.scale.low_at
        for item in self.definition.items:
            if item.id not in self.advice:
                continue
            rating = self.ratings[item.id].value
            low = low_at is not None and rating is not None and rating <= low_at and item.advice
            self.advice[item.id].value = (
                f'<div class="nk-advice"><b>Gode råd:</b> {esc(item.advice)}</div>' if low else ""
            )
        if self.definition.chart and self._drawn:
            self._draw()

    def _draw(self, *_):
        d = self.definition
        s = d.scale
        labels = [i.short or i.text for i in d.items]
        answered = [
            o for o in self.occasion_ids if any(v is not None for v in self._values(o).values())
        ]
        if not answered:
            self.picture.value = (
                '<p class="nk-score" role="status">Vælg mindst én vurdering først, '
                "så tegnes billedet.</p>"
            )
            return
        series = [(o, [self._values(o)[i.id] for i in d.items]) for o in answered]
        if d.chart == "radar":
            names = {o.id: o.label for o in d.occasions}
            png = charts.rating_radar(
                labels, [(names.get(o, "Din vurdering"), v) for o, v in series], s.min, s.max
            )
        elif d.chart == "hjul":
            png = charts.rating_wheel(labels, series[0][1], s.min, s.max)
        else:
            png = charts.rating_bars(labels, series[0][1], s.min, s.max, s.labels)
        self._drawn = True
        self.picture.value = picture_html(png, self._alt(labels, series))

    def _alt(self, labels: list[str], series: list) -> str:
        names = {o.id: o.label for o in self.definition.occasions}
        parts = []
        for occasion, values in series:
            scores = ", ".join(
                f"{label}: {'ikke besvaret' if v is None else v}"
                for label, v in zip(labels, values)
            )
            parts.append(f"{names[occasion]}: {scores}" if occasion else scores)
        return (
            f"Billede af dine svar på en skala fra {self.definition.scale.min} til "
            f"{self.definition.scale.max}. " + ". ".join(parts) + "."
        )
