"""The facilitator's screen: workshops, the room's answers live, a timer and the models.

Locked by the server's facilitator code: until it matches, the page holds only the lock.

Live updates come from an ``ipywidgets.Play`` ticker: the browser counts once a second and
each count runs ``tick()`` in the kernel like any other widget event. Nothing runs in the
kernel between ticks, so the kernel never blocks and never races the widgets; when the tab
closes, the ticks stop, and Voilà culls the idle kernel. (A background thread would go on
polling the database from a kernel nobody looks at, and would keep it from being culled.)
"""

from __future__ import annotations

import tempfile
import time
from datetime import date

import ipywidgets as ipw

from course import join, roomcharts
from course.content import ContentError, Course, course
from course.danish import decimal
from course.export import XLSX_MIME, answer_cells
from course.models import alt_text, draw, models
from course.room import ExerciseState, RoomError, RoomStore, Workshop, facilitator_code_matches
from course.summary import ANONYMOUS, RoomSummary, has_content, summarise
from course.timer import MAX_MINUTES, GroupTimer
from course.workbook import WorkbookStore
from widgets.controls import button, labelled, row, tick_source
from widgets.handlers import log, safe
from widgets.markup import DOCX_MIME, download_link, esc, message_html, picture_html
from widgets.page import Page
from widgets.role_play import TrioTimerPanel
from widgets.style import STYLE

TICK_MS = 1000
REDRAW_SECONDS = 2.0  # the room's pictures are redrawn at most this often
VIEWS = (
    ("Workshop", "workshop"),
    ("Rummets svar", "svar"),
    ("Styring", "styring"),
    ("Timer", "timer"),
    ("Modeller", "modeller"),
)

FACILITATOR_STYLE = """<style>
.nk-dashboard { font-size: 19px; color: #111; max-width: 72rem; gap: 0.6em; }
.nk-dashboard h2 { color: #0b3d5c; font-size: 1.5em; margin: 0.3em 0; }
.nk-dashboard h3 { color: #0b3d5c; font-size: 1.25em; margin: 0.8em 0 0.2em; }
.nk-lock { background: #eef5fa; border-left: 6px solid #0b6ea8; padding: 0.6em 1em;
  max-width: 48rem; }
.nk-roombar { background: #0b3d5c; color: #fff; padding: 0.5em 1em; border-radius: 8px; }
.nk-roombar b { color: #fff; }
.nk-code { font-size: 4em; font-weight: 800; letter-spacing: 0.12em; color: #0b3d5c;
  font-variant-numeric: tabular-nums; margin: 0.1em 0; }
.nk-count { font-size: 1.3em; margin: 0.3em 0; }
.nk-answers { list-style: none; padding: 0; margin: 0.3em 0 1em; }
.nk-answers li { background: #fbfdff; border: 1px solid #c9d7e1; border-left: 5px solid #6a3d9a;
  border-radius: 6px; padding: 0.35em 0.7em; margin: 0.3em 0; white-space: pre-wrap; }
.nk-clock { font-size: 9em; font-weight: 800; line-height: 1.05; color: #0b3d5c;
  font-variant-numeric: tabular-nums; text-align: center; }
.nk-clock.nk-done { color: #b3261e; }
.nk-clock-note { text-align: center; font-size: 1.4em; font-weight: 600; min-height: 1.5em; }
.nk-dashboard .nk-picture { width: 100%; max-width: 60rem; }
.nk-model-note { border-left: 5px solid #6b8aa0; padding: 0.2em 0.9em; color: #222; }
.nk-views .widget-toggle-button { font-size: 18px !important; font-weight: 600; padding: 0 1.1em; }
.nk-hidden { display: none !important; }
.nk-join { display: flex; flex-wrap: wrap; gap: 1.2em; align-items: center; margin: 0.5em 0; }
.nk-qr { width: 20rem; max-width: 90vw; height: auto; background: #fff; padding: 0.3em;
  border: 1px solid #c9d7e1; }
.nk-join-url { font-family: monospace; font-size: 1.3em; font-weight: 700; color: #0b3d5c;
  word-break: break-all; margin: 0.2em 0; }
.nk-pace { font-size: 1.15em; margin: 0.4em 0; }
.nk-pace b { color: #0b3d5c; }
.nk-held { background: #eef2f5; border-left: 6px solid #6b8aa0; padding: 0.6em 1em;
  font-size: 1.2em; }
.nk-side { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
.nk-side > div { flex: 1 1 24rem; min-width: 0; }
.nk-moderate-row { border-bottom: 1px solid #d5e1ea; padding: 0.3em 0; gap: 0.8em;
  align-items: flex-start !important; }
.nk-moderate-row .widget-html { flex: 1 1 auto; }
.nk-moderate-text { white-space: pre-wrap; margin: 0; }
.nk-is-hidden .nk-moderate-text { color: #666; text-decoration: line-through; }
.nk-pacing-table td, .nk-pacing-table th { padding: 0.2em 0.6em; }
/* The projector view: everything larger, the full width of the screen. */
body[data-voila] .jp-Cell:has(.nk-projector),
  body[data-voila] .jp-OutputArea-output:has(.nk-projector),
.nk-page:has(.nk-projector) { max-width: none !important; }
.nk-projector { max-width: none; }
.nk-projector .widget-html-content, .nk-projector .widget-label, .nk-projector p,
.nk-projector li { font-size: 30px !important; line-height: 1.4; }
.nk-projector h3 { font-size: 40px !important; }
.nk-projector .nk-picture { max-width: none; width: 100%; }
.nk-projector .nk-clock { font-size: 20vw !important; }
.nk-projector .nk-clock-note { font-size: 3vw !important; }
.nk-projector .nk-code { font-size: 15vw !important; }
.nk-projector .nk-qr { width: min(70vh, 45vw); }
.nk-projector .nk-join-url { font-size: 2.4vw !important; }
.nk-projector button, .nk-projector select, .nk-projector input { font-size: 22px !important; }
.nk-projector .widget-dropdown, .nk-projector select { height: auto !important; min-height: 44px; }
</style>"""


class FacilitatorPage(Page):
    """The lock, and behind it the dashboard.

    The notebook's parameters facilitator_code and workbook_folder are ``code`` and ``folder``.
    """

    def __init__(
        self,
        page_id: str,
        code: str = "",
        folder: str = "",
        *,
        expected_code: str | None = None,
        content: Course | None = None,
        clock=time.monotonic,
    ):
        self.page_id = page_id
        self.expected_code = expected_code
        self.folder = WorkbookStore(folder or None).folder
        self.content = content
        self.clock = clock
        self.dashboard: Dashboard | None = None
        # Rendered from the start, so setting ``playing`` later always reaches a live view.
        self.ticker = tick_source(TICK_MS, repeat=True, description="Opdatering")
        self.ticker.observe(safe(self._tick), names="value")
        self.code = labelled(
            ipw.Password(placeholder="Koden fra serverens terminal", continuous_update=False),
            "Facilitatorkode",
        )
        self.unlock_button = button(
            "Lås op", "unlock", "Åbn kursuslederens skærm", button_style="primary"
        )
        self.message = ipw.HTML()
        self.code.observe(
            safe(lambda c: c["new"] and self._unlock(c["new"]), self._report), names="value"
        )
        self.unlock_button.on_click(safe(lambda _: self._unlock(self.code.value), self._report))
        self.lock = ipw.VBox(
            [
                ipw.HTML(
                    "<p><b>Denne side er til kursuslederen.</b> Skriv facilitatorkoden, som "
                    "serveren skrev i terminalen, da kurset blev startet.</p>"
                ),
                row([self.code, self.unlock_button]),
                self.message,
            ]
        )
        self.lock.add_class("nk-lock")
        super().__init__([ipw.HTML(STYLE + FACILITATOR_STYLE), self.lock, self.ticker])
        self.add_class("nk-page")
        if code:
            self._unlock(code)

    def _report(self, text: str) -> None:
        self.message.value = message_html(text, "error")

    def _unlock(self, given: str) -> None:
        if self.dashboard is not None:
            return
        expected = self.expected_code
        if expected is None:
            import os

            from course.room import ENV_FACILITATOR

            expected = os.environ.get(ENV_FACILITATOR, "")
        if not expected.strip():
            self.message.value = message_html(
                "Siden er låst, fordi serveren er startet uden en facilitatorkode. Start kurset "
                "med »make serve«, som skriver en kode i terminalen, eller sæt miljøvariablen "
                "NOEGLEPERSONKURSUS_FACILITATORKODE.",
                "warn",
            )
            return
        if not facilitator_code_matches(given, expected):
            self.code.value = ""
            self.message.value = message_html("Koden passer ikke. Prøv igen.", "warn")
            return
        try:
            content = self.content or course()
        except ContentError as e:
            log.error("Kursusindholdet kunne ikke indlæses: %s", e)
            self.message.value = message_html("Kursets indhold kunne ikke indlæses.", "error")
            return
        self.dashboard = Dashboard(content, RoomStore(self.folder), clock=self.clock)
        self.children = [self.children[0], self.dashboard, self.ticker]
        self.ticker.playing = True

    def _tick(self, _change) -> None:
        if self.dashboard is not None:
            self.dashboard.tick()


class Dashboard(ipw.VBox):
    """Workshop, the room's answers, the timer and the models, one view at a time."""

    def __init__(self, content: Course, room: RoomStore, clock=time.monotonic, report_maker=None):
        self.content, self.room, self.clock = content, room, clock
        self.report_maker = report_maker  # for tests; course.report.make_report by default
        self.workshop: Workshop | None = None
        self.shared = [ex for ex in content.exercises.values() if ex.shared]
        self.paced = ExerciseState()  # how the chosen exercise is paced, as last drawn
        self._drawn: tuple | None = None  # what the answers view shows: (workshop, exercise, data)
        self._moderated: tuple | None = None  # what the list of single answers shows
        self._next_draw = 0.0
        self._problem = ""
        self.roombar = ipw.HTML()
        self.message = ipw.HTML()
        self.views = labelled(
            ipw.ToggleButtons(options=VIEWS, value="workshop", style={"button_width": "auto"}),
            "Vis",
        )
        self.views.add_class("nk-views")
        self.views.observe(safe(self._show_view, self._report), names="value")
        self.projector = ipw.ToggleButton(
            description="Projektorvisning",
            icon="television",
            tooltip="Stor skrift og billeder i hele skærmens bredde",
        )
        self.projector.add_class("nk-button")
        self.projector.observe(safe(self._toggle_projector, self._report), names="value")
        self.panels = {
            "workshop": self._workshop_panel(),
            "svar": self._answers_panel(),
            "styring": self._pacing_panel(),
            "timer": self._timer_panel(),
            "modeller": self._models_panel(),
        }
        super().__init__(
            [self.roombar, row([self.views, self.projector]), self.message, *self.panels.values()]
        )
        self.add_class("nk-dashboard")
        choices = self.room_workshops()
        if choices:
            self.choose.value = choices[0].code
        self._show_view({"new": "workshop"})
        self._render_roombar()

    def _report(self, text: str) -> None:
        self.message.value = message_html(text, "error")

    # --- views ----------------------------------------------------------------------
    def _show_view(self, change) -> None:
        for name, panel in self.panels.items():
            if name == change["new"]:
                panel.remove_class("nk-hidden")
            else:
                panel.add_class("nk-hidden")
        if change["new"] in ("svar", "styring"):
            self.refresh(force=True)
        if change["new"] == "modeller":
            self._draw_model()

    def _toggle_projector(self, change) -> None:
        if change["new"]:
            self.add_class("nk-projector")
        else:
            self.remove_class("nk-projector")

    def tick(self) -> None:
        """One beat of the ticker: the clock, the room's numbers, new answers."""
        self._render_clock()
        if self.views.value in ("svar", "styring"):
            self.refresh()

    # --- workshops ------------------------------------------------------------------
    def _workshop_panel(self) -> ipw.VBox:
        self.choose = labelled(
            ipw.Dropdown(options=[("Ingen workshop valgt", "")], value=""), "Vælg workshop"
        )
        self.choose.observe(safe(self._choose, self._report), names="value")
        self.new_name = labelled(
            ipw.Text(placeholder="Fx Kursusdag Aarhus", continuous_update=False),
            "Navn på en ny workshop",
        )
        self.new_date = labelled(ipw.DatePicker(value=date.today()), "Dato")
        self.create_button = button(
            "Opret workshop", "plus", "Lav en ny workshop med sin egen kode", button_style="primary"
        )
        self.create_button.on_click(safe(self._create, self._report))
        self.code_view = ipw.HTML()
        self.report_button = button(
            "Lav rapporten (HTML og Word)",
            "file-text-o",
            "Bruttoopgavebeskrivelsen og rummets svar som filer til deltagerne",
        )
        self.report_button.on_click(safe(self._make_report, self._report))
        self.report_view = ipw.HTML()
        self.report_view.add_class("nk-report-files")
        self.export_button = button(
            "Hent svarene som Excel",
            "table",
            "Alle delte svar i workshoppen, én fane pr. øvelse",
        )
        self.export_button.on_click(safe(self._export, self._report))
        self.export_view = ipw.HTML()
        self.export_view.add_class("nk-export-file")
        self.join_view = ipw.HTML()
        panel = ipw.VBox(
            [
                ipw.HTML("<h3>Workshop</h3>"),
                self.choose,
                self.code_view,
                self.join_view,
                ipw.HTML(
                    "<h3>Rapport efter dagen</h3><p>Bruttoopgavebeskrivelsen og "
                    "rummets svar fra den valgte workshop, klar til at eftersende. Svarene "
                    "som Excel-fil: én fane pr. øvelse, navne kun hvor deltageren har delt "
                    "med sit navn, og skjulte svar mærket »Skjult«."
                    "</p>"
                ),
                row([self.report_button, self.export_button]),
                self.report_view,
                self.export_view,
                ipw.HTML("<h3>Ny workshop</h3>"),
                row([self.new_name, self.new_date, self.create_button]),
            ]
        )
        return panel

    def _make_report(self, _) -> None:
        """Run the report notebook and offer its HTML and Word files as downloads."""
        if self.workshop is None:
            self.report_view.value = message_html("Vælg først en workshop ovenfor.", "warn")
            return
        if self.report_maker is None:
            from course.report import make_report

            self.report_maker = make_report
        self.report_button.disabled = True
        self.report_view.value = message_html("Rapporten laves … Det tager op til et halvt minut.")
        try:
            with tempfile.TemporaryDirectory(prefix="rapport-") as folder:
                page, word = self.report_maker(self.workshop.code, folder, store_url=self.room.url)
                links = (
                    download_link(
                        page.read_bytes(), page.name, "text/html", "Hent rapporten som HTML"
                    )
                    + " "
                    + download_link(
                        word.read_bytes(), word.name, DOCX_MIME, "Hent rapporten som Word"
                    )
                )
        except RoomError as e:
            self.report_view.value = message_html(str(e), "warn")
            return
        except Exception:
            log.exception("Rapporten kunne ikke laves")
            self.report_view.value = message_html(
                "Rapporten kunne ikke laves. Prøv igen, eller "
                "brug kommandoen python -m course.report.",
                "error",
            )
            return
        finally:
            self.report_button.disabled = False
        self.report_view.value = (
            message_html(f"Rapporten for »{self.workshop.name}« er klar.", "ok") + f"<p>{links}</p>"
        )

    def _export(self, _) -> None:
        """The workshop's shared answers as an Excel file to download."""
        if self.workshop is None:
            self.export_view.value = message_html("Vælg først en workshop ovenfor.", "warn")
            return
        from course.export import export

        try:
            name, data = export(self.content, self.room, self.workshop.code)
        except RoomError as e:
            self.export_view.value = message_html(str(e), "warn")
            return
        except Exception:
            log.exception("Excel-filen kunne ikke laves")
            self.export_view.value = message_html(
                "Excel-filen kunne ikke laves. Prøv igen om lidt.", "error"
            )
            return
        self.export_view.value = (
            message_html(f"Svarene fra »{self.workshop.name}« er klar som Excel-fil.", "ok")
            + f"<p>{download_link(data, name, XLSX_MIME, 'Hent Excel-filen')}</p>"
        )

    def room_workshops(self) -> list[Workshop]:
        try:
            workshops = self.room.workshops()
        except Exception:
            log.exception("Workshops kunne ikke hentes")
            self.message.value = message_html("Rummets database svarer ikke lige nu.", "error")
            return []
        self.choose.options = [("Ingen workshop valgt", "")] + [
            (w.label, w.code) for w in workshops
        ]
        return workshops

    def _create(self, _) -> None:
        try:
            workshop = self.room.create_workshop(self.new_name.value, self.new_date.value)
        except RoomError as e:
            self.message.value = message_html(str(e), "warn")
            return
        self.room_workshops()
        self.choose.value = workshop.code
        self.new_name.value = ""
        self.message.value = message_html(
            f"Workshoppen »{workshop.name}« er oprettet med koden {workshop.code}.", "ok"
        )

    def _choose(self, change) -> None:
        code = change["new"]
        self.workshop = self.room.workshop(code) if code else None
        self._drawn = None
        self.report_view.value = ""  # files of another workshop
        self.export_view.value = ""
        if self.workshop is None:
            self.code_view.value = "<p>Vælg en workshop, eller opret en ny herunder.</p>"
            self.join_view.value = ""
        else:
            self.code_view.value = (
                f"<p>Deltagerne skriver koden på startsiden (Velkommen):</p>"
                f'<div class="nk-code" aria-label="Workshopkode">{esc(self.workshop.code)}</div>'
                f"<p>{esc(self.workshop.label)}</p>"
            )
            self.join_view.value = join_html(self.workshop.code)
        self._render_roombar()
        if self.views.value == "svar":
            self.refresh(force=True)

    def _render_roombar(self, joined: int | None = None) -> None:
        w = self.workshop
        if w is None:
            self.roombar.value = (
                '<div class="nk-roombar">Ingen workshop valgt – vælg eller opret '
                "en under »Workshop«.</div>"
            )
            return
        people = f" · <b>{joined}</b> deltagere er med" if joined is not None else ""
        self.roombar.value = (
            f'<div class="nk-roombar"><b>{esc(w.name)}</b> · kode '
            f"<b>{esc(w.code)}</b>{people}</div>"
        )

    # --- the room's answers -----------------------------------------------------------
    def _answers_panel(self) -> ipw.VBox:
        options = [(ex.title, ex.id) for ex in self.shared] or [("Ingen delte øvelser", "")]
        self.exercise = labelled(ipw.Dropdown(options=options), "Øvelse på skærmen")
        self.exercise.observe(safe(lambda _: self.refresh(force=True), self._report), names="value")
        self.pace_view = ipw.HTML()
        self.open_button = button("Luk for svar", "lock", "Luk eller åbn øvelsen for svar")
        self.open_button.on_click(safe(self._toggle_open, self._report))
        self.reveal_button = button(
            "Vis resultaterne",
            "eye",
            "Vis eller skjul rummets resultater på skærmen og på deltagernes sider",
            button_style="primary",
        )
        self.reveal_button.on_click(safe(self._toggle_revealed, self._report))
        self.answers_view = ipw.HTML()
        self.answers_view.add_class("nk-room-answers")
        return ipw.VBox(
            [
                ipw.HTML("<h3>Rummets svar</h3>"),
                self.exercise,
                self.pace_view,
                row([self.open_button, self.reveal_button]),
                self.answers_view,
            ]
        )

    def _chosen(self):
        if self.workshop is None or not self.exercise.value:
            return None
        return self.content.exercise(self.exercise.value)

    def _toggle_open(self, _) -> None:
        definition = self._chosen()
        if definition is None:
            self.message.value = message_html("Vælg først en workshop under »Workshop«.", "warn")
            return
        self.paced = self.room.set_open(self.workshop.code, definition.id, not self.paced.open)
        self.refresh(force=True)

    def _toggle_revealed(self, _) -> None:
        definition = self._chosen()
        if definition is None:
            self.message.value = message_html("Vælg først en workshop under »Workshop«.", "warn")
            return
        self.paced = self.room.set_revealed(
            self.workshop.code, definition.id, not self.paced.revealed
        )
        self.refresh(force=True)

    def _render_pace(self) -> None:
        p = self.paced
        self.open_button.description = "Luk for svar" if p.open else "Åbn for svar"
        self.open_button.icon = "lock" if p.open else "unlock"
        self.reveal_button.description = "Skjul resultaterne" if p.revealed else "Vis resultaterne"
        self.reveal_button.icon = "eye-slash" if p.revealed else "eye"
        self.pace_view.value = (
            f'<p class="nk-pace" role="status"><b>'
            f"{'Åben for svar' if p.open else 'Lukket for svar'}</b> · <b>"
            f"{'Resultaterne vises' if p.revealed else 'Resultaterne er skjult'}</b>"
            f"{' (også på deltagernes sider)' if p.revealed else ''}</p>"
        )

    def refresh(self, force: bool = False) -> None:
        """Redraw the chosen exercise when its answers or pacing changed (at most every few
        seconds)."""
        definition = self._chosen()
        if definition is None:
            self.answers_view.value = (
                "<p>Vælg en workshop under »Workshop«. Så vises deltagernes "
                "svar her, efterhånden som de kommer.</p>"
            )
            self.pace_view.value = ""
            self.moderate_view.children = ()
            self.pacing_overview.value = ""
            self._drawn = self._moderated = None
            return
        if not force and self.clock() < self._next_draw:
            return
        try:
            fingerprint = self.room.fingerprint(self.workshop.code)
            state = (self.workshop.code, definition.id, fingerprint, self.views.value)
            if state == self._drawn and not force:
                return
            self._render_roombar(fingerprint[2])
            code = self.workshop.code
            self.paced = self.room.state(code, definition.id)
            self._render_pace()
            if self.views.value == "styring":
                self._draw_pacing(code, definition)
            else:
                summary = summarise(definition, self.room.answers(code, definition.id))
                morning = None
                if definition.recalls:
                    recalled = self.content.exercise(definition.recalls)
                    morning = summarise(recalled, self.room.answers(code, recalled.id))
                self.answers_view.value = (
                    room_html(summary, fingerprint[2], morning)
                    if self.paced.revealed
                    else held_html(summary, fingerprint[2])
                )
        except Exception as e:
            problem = "Rummets svar kan ikke hentes lige nu. Siden prøver igen om lidt."
            if problem != self._problem:
                log.error("Rummets svar kunne ikke hentes: %s", e)
            self._problem = problem
            self.message.value = message_html(problem, "error")
            return
        if self._problem:
            self._problem, self.message.value = "", ""
        self._drawn = state
        self._next_draw = self.clock() + REDRAW_SECONDS

    # --- pacing and moderation ----------------------------------------------------------
    def _pacing_panel(self) -> ipw.VBox:
        self.moderate_choice = labelled(
            ipw.Dropdown(options=self.exercise.options), "Øvelse, du vil styre"
        )
        ipw.link((self.exercise, "value"), (self.moderate_choice, "value"))
        self.pacing_overview = ipw.HTML()
        self.moderate_view = ipw.VBox()
        self.moderate_view.add_class("nk-moderate")
        return ipw.VBox(
            [
                ipw.HTML(
                    "<h3>Styring af rummet</h3><p>Her ser du alle delte øvelser og de enkelte "
                    "svar, også før resultaterne vises. Viser projektoren din skærm, så åbn "
                    "kursuslederens skærm i et ekstra vindue eller på en anden enhed til "
                    "styringen.</p>"
                ),
                self.pacing_overview,
                self.moderate_choice,
                self.pace_view,  # the same widgets as in »Rummets svar«
                row([self.open_button, self.reveal_button]),
                ipw.HTML(
                    "<h4>Enkelte svar</h4><p>Et skjult svar vises aldrig på skærmen eller i "
                    "rapporten. Det bliver i databasen og står i Excel-filen, mærket »Skjult«."
                    "</p>"
                ),
                self.moderate_view,
            ]
        )

    def _draw_pacing(self, code: str, definition) -> None:
        states = self.room.states(code)
        rows = []
        for ex in self.shared:
            paced = states.get(ex.id, ExerciseState())
            answered = sum(has_content(ex, a.value) for a in self.room.answers(code, ex.id))
            rows.append(
                f"<tr><td>{esc(ex.title)}</td><td>{answered}</td>"
                f"<td>{'Åben' if paced.open else 'Lukket'}</td>"
                f"<td>{'Vises' if paced.revealed else 'Skjult'}</td></tr>"
            )
        self.pacing_overview.value = (
            '<table class="nk-table nk-pacing-table"><thead><tr><th scope="col">Øvelse</th>'
            '<th scope="col">Svar</th><th scope="col">For svar</th>'
            '<th scope="col">Resultater</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
        answers = [
            a
            for a in self.room.answers(code, definition.id, with_hidden=True)
            if has_content(definition, a.value)
        ]
        shown = (definition.id, tuple((a.key, a.saved, a.hidden) for a in answers))
        if shown == self._moderated:
            return
        self._moderated = shown
        self.moderate_view.children = [self._moderate_row(definition, a) for a in answers] or [
            ipw.HTML("<p>Ingen svar endnu.</p>")
        ]

    def _moderate_row(self, definition, answer) -> ipw.HBox:
        who = answer.name or ANONYMOUS
        text = answer_text(definition, answer.value)
        label = ("Vis igen" if answer.hidden else "Skjul") + f" – svar fra {who}"
        toggle = button(
            "Vis igen" if answer.hidden else "Skjul",
            "eye" if answer.hidden else "eye-slash",
            label,
            "nk-small",
        )
        toggle.on_click(
            safe(
                lambda _, key=answer.key, hidden=answer.hidden: self._hide(
                    definition.id, key, not hidden
                ),
                self._report,
            )
        )
        mark = " <b>(skjult)</b>" if answer.hidden else ""
        view = ipw.HBox(
            [
                ipw.HTML(
                    f'<p><b>{esc(who)}</b>{mark}</p><p class="nk-moderate-text">{esc(text)}</p>'
                ),
                toggle,
            ]
        )
        view.add_class("nk-moderate-row")
        if answer.hidden:
            view.add_class("nk-is-hidden")
        return view

    def _hide(self, exercise_id: str, key: str, hidden: bool) -> None:
        self.room.set_hidden(self.workshop.code, exercise_id, key, hidden)
        self.refresh(force=True)

    # --- the timer ------------------------------------------------------------------
    def _timer_panel(self) -> ipw.VBox:
        self.timer = GroupTimer(10, clock=self.clock)
        self.clock_view = ipw.HTML()
        presets = []
        for minutes in (10, 15):
            preset = button(f"{minutes} min", "clock-o", f"Sæt timeren til {minutes} minutter")
            preset.on_click(safe(lambda _, m=minutes: self.set_timer(m), self._report))
            presets.append(preset)
        self.own_minutes = labelled(
            ipw.BoundedIntText(value=5, min=1, max=MAX_MINUTES), "Egne minutter"
        )
        self.own_minutes.add_class("nk-short")
        own = button("Sæt", "check", "Sæt timeren til dine egne minutter")
        own.on_click(safe(lambda _: self.set_timer(self.own_minutes.value), self._report))
        self.start_button = button("Start", "play", "Start nedtællingen", button_style="success")
        self.pause_button = button("Pause", "pause", "Sæt nedtællingen på pause")
        self.reset_button = button("Nulstil", "undo", "Stil timeren tilbage til start")
        for control, action in (
            (self.start_button, self.timer.start),
            (self.pause_button, self.timer.pause),
            (self.reset_button, self.timer.reset),
        ):
            control.on_click(
                safe(lambda _, act=action: (act(), self._render_clock()), self._report)
            )
        self._render_clock()
        # Sparring in trios (widgets/role_play.py): a round's minutes, card and observations.
        trios = [
            TrioTimerPanel(ex, self.room, lambda: self.workshop, self.set_timer, self._report)
            for ex in self.content.exercises.values()
            if ex.kind == "rollespil"
        ]
        return ipw.VBox(
            [
                ipw.HTML("<h3>Timer til gruppearbejde</h3>"),
                self.clock_view,
                row([self.start_button, self.pause_button, self.reset_button]),
                row([*presets, self.own_minutes, own]),
                *trios,
            ]
        )

    def set_timer(self, minutes: int) -> None:
        self.timer.set(minutes)
        self._render_clock()

    def _render_clock(self) -> None:
        t = self.timer
        note = (
            "Tiden er gået!"
            if t.finished
            else "Gruppearbejdet er i gang."
            if t.running
            else "Klar – tryk på »Start«."
            if t.remaining() == t.duration
            else "På pause."
        )
        done = " nk-done" if t.finished else ""
        self.clock_view.value = (
            f'<div class="nk-clock{done}" role="timer" aria-live="off">'
            f'{t.display()}</div><p class="nk-clock-note" role="status">'
            f"{esc(note)}</p>"
        )

    # --- the models -------------------------------------------------------------------
    def _models_panel(self) -> ipw.VBox:
        try:
            self.models = models()
        except ContentError as e:
            log.error("Modellerne kunne ikke indlæses: %s", e)
            self.models = {}
        self.model = labelled(
            ipw.Dropdown(options=[(m.title, m.id) for m in self.models.values()]), "Model"
        )
        self.model.observe(safe(lambda _: self._draw_model(), self._report), names="value")
        self.model_view = ipw.HTML()
        self._pictures: dict[str, str] = {}
        return ipw.VBox([ipw.HTML("<h3>Modeller</h3>"), self.model, self.model_view])

    def _draw_model(self) -> None:
        model = self.models.get(self.model.value)
        if model is None:
            self.model_view.value = message_html("Modellerne kan ikke vises lige nu.", "error")
            return
        note = (
            f'<blockquote class="nk-model-note"><b>Baggrund:</b> {esc(model.background)}'
            f"</blockquote>"
            if model.background
            else ""
        )
        if model.id not in self._pictures:  # drawn once per page
            self._pictures[model.id] = picture_html(draw(model), alt_text(model))
        self.model_view.value = self._pictures[model.id] + note


# --- the room's answers as HTML -------------------------------------------------------------


def _alt_ratings(summary: RoomSummary) -> str:
    parts = []
    for rating in summary.ratings:
        mean = f", gennemsnit {decimal(rating.mean)}" if rating.mean is not None else ""
        parts.append(f"{rating.text.rstrip('.')}: {rating.n} svar{mean}")
    return "Søjlediagram over rummets svar. " + "; ".join(parts) + "."


def join_html(code: str, environ=None) -> str:
    """The QR code and the address that open the start page with the workshop code filled in."""
    try:
        base = join.public_base(environ)
    except join.AddressError as e:
        return message_html(
            f"Adressen til deltagerne i NOEGLEPERSONKURSUS_ADRESSE kan ikke bruges: {e}", "warn"
        )
    if not base:
        return message_html(
            "Adressen til deltagerne kendes ikke her. Start kurset med »make serve "
            "PUBLIC_URL=http://…«, så vises en QR-kode, deltagerne kan scanne.",
            "warn",
        )
    url = join.join_url(base, code)
    warning = (
        message_html(
            "Adressen peger på denne computer, så deltagernes telefoner og computere kan ikke "
            "åbne den. Start kurset med fx »make serve HOST=0.0.0.0 "
            "PUBLIC_URL=http://<computerens-adresse>:8866«.",
            "warn",
        )
        if join.only_this_machine(base)
        else ""
    )
    return (
        f'<div class="nk-join"><img class="nk-qr" src="{join.qr_svg(url)}" '
        f'alt="QR-kode til startsiden med workshopkoden {esc(code)}: {esc(url)}">'
        f"<div><p><b>Scan koden med mobilens kamera</b>, eller skriv adressen:</p>"
        f'<p class="nk-join-url">{esc(join.short_text(url))}</p>'
        "<p>Startsiden åbner med workshopkoden udfyldt.</p></div></div>" + warning
    )


def answer_text(definition, value) -> str:
    """One answer as plain text for the course leader's list of single answers."""
    heads, cells = answer_cells(definition)
    lines = []
    for head, cell in zip(heads, cells(value)):
        text = " ".join(str(cell).split()) if cell not in (None, "") else ""
        if text:
            lines.append(f"{head} {text}" if head.endswith("?") else f"{head}: {text}")
    text = "\n".join(lines)
    return text if len(text) <= 600 else text[:599] + "…"


def held_html(summary: RoomSummary, joined: int | None = None) -> str:
    """The screen while the results are held back: only how many have answered."""
    of = f" af {joined} deltagere" if joined else ""
    return (
        f"<h3>{esc(summary.exercise.title)}</h3>"
        f'<p class="nk-count" role="status"><b>{summary.answered}</b>{of} har svaret.</p>'
        '<p class="nk-held">Resultaterne er skjult. Tryk på »Vis resultaterne«, når rummet har '
        "svaret.</p>"
    )


def room_html(
    summary: RoomSummary, joined: int | None = None, morning: RoomSummary | None = None
) -> str:
    """The revealed results; a tjek ud beside the morning's tjek ind (``morning``)."""
    if morning is None:
        return summary_html(summary, joined)
    return (
        '<div class="nk-side"><div>'
        + summary_html(summary, joined)
        + "</div><div>"
        + summary_html(morning, joined).replace(
            f"<h3>{esc(morning.exercise.title)}</h3>",
            f"<h3>I morges: {esc(morning.exercise.title)}</h3>",
            1,
        )
        + "</div></div>"
    )


def summary_html(summary: RoomSummary, joined: int | None = None) -> str:
    """The room's answers to one exercise: count, picture and texts; participant text escaped."""
    ex = summary.exercise
    of = f" af {joined} deltagere" if joined else ""
    parts = [
        f"<h3>{esc(ex.title)}</h3>",
        f'<p class="nk-count" role="status"><b>{summary.answered}</b>{of} har svaret.</p>',
    ]
    if not summary.answered:
        return "".join(parts) + "<p>Ingen svar endnu. Svarene kommer frem her af sig selv.</p>"
    if any(row.n for row in summary.ratings):
        parts.append(
            picture_html(
                roomcharts.rating_histograms(summary.ratings, ex.scale.min), _alt_ratings(summary)
            )
        )
    ranked = [r for r in summary.ranks if r.mean_rank is not None]
    if ranked:
        alt = "; ".join(
            f"{r.text.rstrip('.')}: gennemsnitlig plads {decimal(r.mean_rank)}" for r in ranked
        )
        parts.append(
            picture_html(
                roomcharts.rank_bars(summary.ranks), f"Rummets rangering, vigtigst øverst. {alt}."
            )
        )
    if summary.sorts:
        categories = [(c.id, c.title) for c in ex.categories]
        right = sum(r.counts.get(r.right, 0) for r in summary.sorts)
        total = sum(sum(r.counts.values()) for r in summary.sorts)
        parts.append(
            picture_html(
                roomcharts.sorting_counts(summary.sorts, categories),
                f"Hvor rummet placerede punkterne: {right} af {total} placeringer var rigtige.",
            )
        )
    if summary.plans is not None:
        plans = summary.plans
        groups = "".join(f"<li>{esc(title)}: <b>{n}</b></li>" for title, n in plans.groups)
        months = (
            ", ".join(f"{esc(month)} ({n})" for month, n in plans.months) or "ingen datoer endnu"
        )
        parts.append(
            f"<p><b>{plans.actions}</b> handlinger i alt:</p>"
            f'<ul class="nk-answers">{groups}</ul><p>Start: {months}.</p>'
        )
    for group in summary.texts:
        if not group.texts:
            continue
        parts.append(f"<h3>{esc(group.title)}</h3>")
        if group.words:
            words = ", ".join(f"{w} ({n})" for w, n in group.words)
            parts.append(
                picture_html(roomcharts.word_bars(group.words), f"De hyppigste ord: {words}.")
            )
        items = "".join(f"<li><b>{esc(name)}:</b> {esc(text)}</li>" for name, text in group.texts)
        parts.append(f'<ul class="nk-answers">{items}</ul>')
    return "".join(parts)
