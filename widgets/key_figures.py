"""nøgletal: explore a team's key figures (a data set in data/), chart and table, and reflect."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw

from course import charts, teamdata
from course.danish import SHORT_MONTHS
from widgets.base import Exercise, exercise_kind
from widgets.controls import labelled, prompt_box, row
from widgets.markup import download_link, esc, message_html, picture_html

VIEWS = (("Måned for måned", "tid"), ("Gennemsnit pr. team", "teams"))


def _short(month: str) -> str:
    return SHORT_MONTHS[int(month.split("-")[1]) - 1]


@exercise_kind("nøgletal")
class TeamKeyFigures(Exercise):
    def _build(self):
        d = self.definition
        self.path = Path(d.dataset.file)
        self.measures = {m.id: m for m in d.dataset.measures}
        teams, self.months = teamdata.overview(self.path)
        self._visible = False  # chart and table appear after the first "Vis tallene"
        self._drawn_for = None

        self.measure = labelled(
            ipw.Dropdown(options=[(m.label, m.id) for m in d.dataset.measures]), "Nøgletal"
        )
        self.view = labelled(
            ipw.ToggleButtons(options=VIEWS, value="tid", style={"button_width": "auto"}), "Visning"
        )
        self.view.add_class("nk-choice")
        self.teams = {}
        for team, group in teams:
            box = ipw.Checkbox(
                value=True,
                description=team,
                indent=False,
                tooltip=f"{team} ({group})",
                layout={"width": "auto"},
            )
            self.teams[team] = box
        team_row = row(self.teams.values())
        month_options = [(teamdata.month_label(m), m) for m in self.months]
        self.start = labelled(
            ipw.Dropdown(options=month_options, value=self.months[0]), "Fra måned"
        )
        self.end = labelled(ipw.Dropdown(options=month_options, value=self.months[-1]), "Til måned")
        period = row([self.start, self.end], "nk-pair")
        for control in (self.measure, self.view, self.start, self.end, *self.teams.values()):
            self._on_change(control, self._changed)

        self.show_button = self._button(
            "Vis tallene",
            "line-chart",
            "Tegn grafen og tabellen",
            self._show,
            button_style="primary",
        )
        self.about = ipw.HTML()
        self.message = ipw.HTML()
        self.picture = ipw.HTML()
        self.table = ipw.HTML()
        csv_link = ipw.HTML(
            download_link(
                self.path.read_bytes(),
                self.path.name,
                "text/csv;charset=utf-8",
                "Hent de fiktive data som CSV",
            )
        )
        self.texts = {}
        for prompt in d.prompts:
            box = prompt_box(prompt, "6em", "Skriv her …")
            self._on_change(box, self._changed)
            self.texts[prompt.id] = box
        self._describe()
        teams_label = ipw.HTML('<p class="nk-label"><b>Teams</b></p>')
        return [
            row([self.measure, self.view], "nk-pair"),
            self.about,
            teams_label,
            team_row,
            period,
            self.show_button,
            self.message,
            self.picture,
            self.table,
            csv_link,
            *self.texts.values(),
        ]

    # --- state --------------------------------------------------------------------
    def _read(self) -> dict:
        return {
            "measure": self.measure.value,
            "view": self.view.value,
            "teams": [t for t, box in self.teams.items() if box.value],
            "start": self.start.value,
            "end": self.end.value,
            "texts": {p: box.value for p, box in self.texts.items()},
        }

    def _restore(self, value: dict) -> None:
        if not isinstance(value, dict):
            return  # a hand-edited workbook: keep the defaults rather than fail
        if value.get("measure") in self.measures:
            self.measure.value = value["measure"]
        if value.get("view") in dict(VIEWS).values():
            self.view.value = value["view"]
        if isinstance(value.get("teams"), list):
            for team, box in self.teams.items():
                box.value = team in value["teams"]
        for key, control in (("start", self.start), ("end", self.end)):
            if value.get(key) in self.months:
                control.value = value[key]
        texts = value.get("texts") if isinstance(value.get("texts"), dict) else {}
        for prompt_id, box in self.texts.items():
            box.value = str(texts.get(prompt_id, ""))

    def _describe(self) -> None:
        m = self.measures[self.measure.value]
        self.about.value = f'<p class="nk-help">{esc(m.description)}</p>' if m.description else ""

    def _refresh(self) -> None:
        self._describe()
        selection = {k: v for k, v in self._read().items() if k != "texts"}
        if self._visible and selection != self._drawn_for:  # not on every keystroke in the texts
            self._draw()
            self._drawn_for = selection

    # --- the chart and the table --------------------------------------------------------
    def _show(self, *_):
        self._visible = True
        self._drawn_for = None
        self._refresh()

    def chosen(self) -> list[str]:
        return [t for t, box in self.teams.items() if box.value]

    def _draw(self) -> None:
        teams = self.chosen()
        if not teams:
            self.message.value = message_html("Vælg mindst ét team.", "warn")
            self.picture.value = self.table.value = ""
            return
        start, end = sorted((self.start.value, self.end.value))
        self.message.value = (
            message_html("»Fra måned« lå efter »Til måned«; perioden er vendt om.", "info")
            if self.start.value > self.end.value
            else ""
        )
        m = self.measures[self.measure.value]
        result = teamdata.compare(m.id, teams, start, end, self.path)
        percent = m.unit == "andel"
        scale = 100 if percent else 1
        limits = (1, 5) if m.unit == "skala" else (0, None)
        if limits[1] is None:
            top = max(max(v) for v in result.series.values()) * scale
            limits = (0, min(100, top * 1.15) if percent else top * 1.15)
        axis = f"{m.label} (%)" if percent else m.label
        period = f"{teamdata.month_label(start)} – {teamdata.month_label(end)}"
        caption = f"{self.definition.caption} {period}."
        colours = {t: i for i, t in enumerate(self.teams)}  # a team keeps its colour in every view
        if self.view.value == "tid":
            png = charts.team_trend(
                [_short(x) for x in result.months],
                {t: [v * scale for v in vs] for t, vs in result.series.items()},
                charts.TeamChart(axis, percent, limits, caption, colours),
            )
        else:
            png = charts.team_bars(
                [
                    (r["team"], r["mean"] * scale, teamdata.format_value(r["mean"], m.unit))
                    for r in result.rows
                ],
                charts.TeamChart(f"Gennemsnit: {axis}", percent, limits, caption, colours),
            )
        self.picture.value = picture_html(png, self._alt(m, result, period))
        self.table.value = self._table(m, result)

    def _alt(self, m, result, period: str) -> str:
        view = {v: k for k, v in VIEWS}[self.view.value]

        def value(r, key):
            return teamdata.format_value(r[key], m.unit)

        parts = [
            f"{r['team']}: gennemsnit {value(r, 'mean')}, fra {value(r, 'first')} til "
            f"{value(r, 'last')}"
            for r in result.rows
        ]
        return f"Graf, {view.lower()}: {m.label}, {period}. " + "; ".join(parts) + "."

    def _table(self, m, result) -> str:
        first, last = (
            teamdata.month_label(result.months[0]),
            teamdata.month_label(result.months[-1]),
        )
        head = ["Team og målgruppe", "Gennemsnit", first, last, "Ændring", "Borgere pr. måned"]
        rows = "".join(
            f"<tr><td><b>{esc(r['team'])}</b><br>"
            f'<span class="nk-group">{esc(r["group"])}</span></td>'
            + "".join(
                f"<td>{esc(c)}</td>"
                for c in (
                    teamdata.format_value(r["mean"], m.unit),
                    teamdata.format_value(r["first"], m.unit),
                    teamdata.format_value(r["last"], m.unit),
                    teamdata.format_value(r["change"], m.unit, signed=True),
                    teamdata.format_value(r["citizens"], "antal"),
                )
            )
            + "</tr>"
            for r in result.rows
        )
        header = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
        return (
            f'<table class="nk-table nk-figures"><caption>{esc(m.label)}</caption>'
            f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
        )
