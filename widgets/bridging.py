"""brobygning: bridging questions built from the slide's patterns and the group's names."""

from __future__ import annotations

import ipywidgets as ipw

from course.dialogue import MAX_NAME, fill_pattern, parse_names
from widgets.base import Exercise, exercise_kind
from widgets.controls import entry_problem, labelled, position, row
from widgets.markup import esc, message_html, problems_html

MAX_CHOSEN = 30
MAX_QUESTION = 300
NOBODY = ("Vælg …", "")


@exercise_kind("brobygning")
class BridgingQuestions(Exercise):
    def _build(self):
        self.chosen: list[str] = []
        # Names sync when the participant leaves the field, not per keystroke.
        self.names_box = labelled(
            ipw.Text(
                placeholder="fx Kirsten, Per, Anne",
                continuous_update=False,
                layout={"width": "100%"},
            ),
            "Deltagernes navne – adskilt med komma",
        )
        self.names_box.add_class("nk-wide-input")
        self.names_message = ipw.HTML()
        self.speaker = labelled(
            ipw.Dropdown(options=[NOBODY], value=""), "Hvem har lige fortalt noget?"
        )
        self.addressee = labelled(ipw.Dropdown(options=[NOBODY], value=""), "Hvem vil du spørge?")
        self.other = labelled(
            ipw.Dropdown(options=[NOBODY], value=""), "Hvem har sagt noget andet, du vil koble til?"
        )
        self.suggestions = ipw.VBox()
        self.suggestions.add_class("nk-suggestions")
        self.own = labelled(
            ipw.Text(
                placeholder="Skriv dit eget brobyggende spørgsmål …", layout={"width": "100%"}
            ),
            "Dit eget spørgsmål",
        )
        self.own.add_class("nk-wide-input")
        self.own_button = self._button(
            "Tilføj til min liste", "plus", "Tilføj dit eget spørgsmål til listen", self._add_own
        )
        self.list_message = ipw.HTML()
        self.chosen_view = ipw.VBox()
        self.chosen_view.add_class("nk-chosen")
        self._on_change(self.names_box, self._names_changed)
        for choice in (self.speaker, self.addressee, self.other):
            self._on_change(choice, self._changed)
        self._render_chosen()
        self._render_suggestions()
        return [
            self.names_box,
            self.names_message,
            row([self.speaker, self.addressee, self.other]),
            ipw.HTML('<p class="nk-part">Forslag til brobyggende spørgsmål</p>'),
            self.suggestions,
            row([self.own, self.own_button]),
            self.list_message,
            ipw.HTML('<p class="nk-part">Mine valgte spørgsmål</p>'),
            self.chosen_view,
        ]

    # --- state --------------------------------------------------------------------------
    def _read(self) -> dict:
        return {
            "names": self.names_box.value,
            "speaker": self.speaker.value,
            "addressee": self.addressee.value,
            "other": self.other.value,
            "chosen": list(self.chosen),
        }

    def _restore(self, value) -> None:
        value = value if isinstance(value, dict) else {}
        self.names_box.value = str(value.get("names") or "")
        self._set_options()
        names = [n for _, n in self.speaker.options]
        for key in ("speaker", "addressee", "other"):
            chosen = value.get(key)
            getattr(self, key).value = chosen if chosen in names else ""
        saved = value.get("chosen") if isinstance(value.get("chosen"), list) else []
        self.chosen = []
        for question in saved:
            question = " ".join(str(question).split())[:MAX_QUESTION]
            if question and question not in self.chosen and len(self.chosen) < MAX_CHOSEN:
                self.chosen.append(question)
        self._render_chosen()

    # --- names ----------------------------------------------------------------------------
    def _names(self) -> list[str]:
        names, _ = parse_names(self.names_box.value)
        unique, seen = [], set()
        for name in names:
            if len(name) <= MAX_NAME and name.casefold() not in seen:
                unique.append(name)
                seen.add(name.casefold())
        return unique

    def _set_options(self) -> None:
        options = [NOBODY] + [(n, n) for n in self._names()]
        for choice in (self.speaker, self.addressee, self.other):
            keep = choice.value if choice.value in [v for _, v in options] else ""
            choice.options = options
            choice.value = keep

    def _names_changed(self, *_):
        self._set_options()
        _, problems = parse_names(self.names_box.value)
        if self.names_box.value.strip() and problems:
            self.names_message.value = problems_html(problems, "")
        else:
            self.names_message.value = ""
        self._changed()

    # --- questions -------------------------------------------------------------------------
    def _refresh(self) -> None:
        self._render_suggestions()

    def _render_suggestions(self) -> None:
        speaker, other, addressee = self.speaker.value, self.other.value, self.addressee.value
        rows, left_out = [], 0
        for item in self.definition.items:
            question = fill_pattern(item.text, speaker, other, addressee)
            if question is None:
                left_out += 1
                continue
            taken = question in self.chosen
            choose = self._button(
                "Valgt" if taken else "Vælg",
                "check" if taken else "plus",
                f"Sæt på min liste: {question}",
                lambda _, q=question: self.choose(q),
                "nk-small",
                disabled=taken,
            )
            text = ipw.HTML(
                f'<p class="nk-question">{esc(question)}</p>'
                f'<p class="nk-help">{esc(item.explanation)}</p>'
            )
            rows.append(row([choose, text], "nk-suggestion"))
        if left_out:
            hint = (
                "Skriv deltagernes navne, og vælg, hvem der har fortalt noget, hvem du vil "
                "spørge, og hvem du vil koble til – så får du flere spørgsmål."
                if not self._names()
                else f"{left_out} af mønstrene mangler et navn. Vælg flere personer ovenfor – "
                "med tre forskellige personer får du alle forslagene."
            )
            rows.append(ipw.HTML(f'<p class="nk-help">{esc(hint)}</p>'))
        self.suggestions.children = rows

    def choose(self, question: str) -> None:
        question = " ".join(question.split())
        problem = entry_problem(question, "spørgsmålet", MAX_QUESTION)
        if problem:
            self.list_message.value = message_html(problem, "warn")
            return
        if question in self.chosen:
            self.list_message.value = message_html(
                "Det spørgsmål står allerede på din liste.", "info"
            )
            return
        if len(self.chosen) >= MAX_CHOSEN:
            self.list_message.value = message_html(
                f"Din liste kan højst have {MAX_CHOSEN} spørgsmål.", "warn"
            )
            return
        self.chosen.append(question)
        self.list_message.value = message_html(f"»{question}« er sat på din liste.", "ok")
        self._render_chosen()
        self._changed()

    def _add_own(self, *_):
        before = len(self.chosen)
        self.choose(self.own.value)
        if len(self.chosen) > before:
            self.own.value = ""

    def remove(self, question: str) -> None:
        index = position(self.chosen, question)
        if index is None:
            return
        del self.chosen[index]
        self.list_message.value = ""
        self._render_chosen()
        self._changed()

    def _render_chosen(self) -> None:
        rows = []
        for i, question in enumerate(self.chosen):
            remove = self._remove_button(f"Fjern: {question}", lambda _, q=question: self.remove(q))
            rows.append(
                row(
                    [
                        ipw.HTML(
                            f'<p class="nk-question"><span class="nk-rank">{i + 1}.</span> '
                            f"{esc(question)}</p>"
                        ),
                        remove,
                    ],
                    "nk-chosen-row",
                )
            )
        self.chosen_view.children = rows or [
            ipw.HTML(
                '<p class="nk-help">Listen er tom. Tryk på »Vælg« ved et forslag, '
                "eller skriv dit eget.</p>"
            )
        ]
