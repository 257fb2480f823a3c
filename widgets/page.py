"""A course page: who the participant is, their workbook, the programme and the exercises."""

from __future__ import annotations

import ipywidgets as ipw
from IPython.display import display

from course.content import ContentError, Course, course
from course.room import RoomError, RoomStore
from course.session import PageRequest, current_request, find_workbook, page_link
from course.workbook import Workbook, WorkbookError, WorkbookStore
from widgets.base import download_link, esc, file_stem, labelled, log, message_html, safe
from widgets.planner import Planner
from widgets.ranking import Ranking
from widgets.reflection import Reflection
from widgets.scale import Rating
from widgets.sorting import Sorting
from widgets.style import STYLE

KINDS = {"refleksion": Reflection, "skala": Rating, "sortering": Sorting,
         "rangering": Ranking, "planlægger": Planner}
START_PAGE = "00_velkommen.ipynb"


def _row(children) -> ipw.HBox:
    row = ipw.HBox(children)
    row.add_class("nk-row")
    return row


class CoursePage(ipw.VBox):
    """The bar at the top of every page, and the factory for its exercises."""

    @classmethod
    def show(cls, session_id: str, workbook_code: str = "", workbook_folder: str = "",
             participant: str = "", job_centre: str = "") -> CoursePage:
        """Show the page's top bar and return the page (the notebooks' one call).

        The arguments are the notebook's papermill parameters; empty in Voilà and JupyterLab.
        """
        page = cls(session_id, code=workbook_code, folder=workbook_folder,
                   name=participant, job_centre=job_centre)
        display(page)
        return page

    def __init__(self, session_id: str, *, code: str = "", folder: str = "", name: str = "",
                 job_centre: str = "", request: PageRequest | None = None,
                 content: Course | None = None):
        self.session_id = session_id
        self.request = request or current_request()
        self.store = WorkbookStore(folder or None)
        self.workbook: Workbook | None = None
        self._exercises: list = []
        self._link_views: list = []
        self.message = ipw.HTML()
        self.identity = ipw.VBox()
        self.identity.add_class("nk-identity")
        super().__init__([ipw.HTML(STYLE), self.identity, self.message])
        self.add_class("nk-page")
        try:
            self.content = content or course()
        except ContentError as e:
            log.error("Kursusindholdet kunne ikke indlæses: %s", e)
            self.content = None
            self.message.value = message_html(
                "Kursets indhold kunne ikke indlæses, så siden kan ikke vises. "
                "Giv kursuslederen besked.", "error")
            return
        workbook, problem = find_workbook(self.store, self.request, code=code,
                                          name=name, job_centre=job_centre)
        if problem:
            self.message.value = message_html(problem, "warn")
        self._attach(workbook)

    # --- the participant --------------------------------------------------------
    def _attach(self, workbook: Workbook | None) -> None:
        self.workbook = workbook
        if workbook is not None:
            if not self.request.in_voila:
                self.store.remember(workbook)
            try:
                workbook.mark_visited(self.session_id)
            except OSError as e:
                log.error("Besøget kunne ikke noteres: %s", e)
        for exercise in self._exercises:
            exercise.bind(workbook)
        self._render_identity()
        for render in self._link_views:
            render()

    def _render_identity(self) -> None:
        wb = self.workbook
        if wb is None:
            self.identity.children = self._sign_in()
            return
        start = page_link(START_PAGE, wb, self.request)
        workshop = wb.workshop
        summary = ipw.HTML(
            f'<p class="nk-who"><b>Din logbog:</b> {esc(wb.name)}, {esc(wb.job_centre)}. '
            f'Dine svar gemmes automatisk.</p>'
            + (f'<p class="nk-who nk-workshop"><b>Workshop:</b> {esc(workshop.get("name", ""))} '
               f'(kode {esc(workshop.get("code", ""))}). Øvelser mærket »Deles med rummet« '
               f'vises på kursuslederens skærm.</p>'
               if workshop else "")
            + (f'<p class="nk-bookmark">Din personlige adresse til kurset: '
               f'<a href="{esc(start)}">startsiden med din logbog</a>. '
               f'Gem den som bogmærke, så kan du altid vende tilbage.</p>'
               if self.request.in_voila else ""))
        fetch = ipw.Button(description="Hent min logbog som fil", icon="download",
                           tooltip="Gem alle dine svar som en fil på din computer")
        fetch.add_class("nk-button")
        link = ipw.HTML()
        fetch.on_click(safe(lambda _: setattr(link, "value", download_link(
            wb.to_bytes(), f"logbog-{file_stem(wb.name)}.json", "application/json",
            "Klik her for at gemme filen")), self._report))
        rows = [summary, _row([fetch, link])]
        if self._is_start_page():
            code = self._workshop_field("Skift til en anden workshop (kode)" if workshop
                                        else "Workshop-kode fra kursuslederen")
            join = ipw.Button(description="Skift workshop" if workshop else "Deltag i workshoppen",
                              icon="users", tooltip="Del dine svar med rummet i denne workshop")
            join.add_class("nk-button")
            join.on_click(safe(lambda _: self._join(code.value), self._report))
            rows.append(_row([code, join]))
        self.identity.children = rows

    def _is_start_page(self) -> bool:
        return any(s.id == self.session_id and s.notebook == START_PAGE
                   for s in self.content.programme.sessions())

    @staticmethod
    def _workshop_field(label: str) -> ipw.Text:
        field = labelled(ipw.Text(placeholder="Fx K7M4QX", continuous_update=False), label)
        field.add_class("nk-short")
        return field

    def _join(self, code: str, workbook: Workbook | None = None) -> bool:
        """Join the workshop with this code; a Danish message either way."""
        workbook = workbook or self.workbook
        try:
            workshop = RoomStore(self.store.folder).join(code, workbook.id)
        except RoomError as e:
            self.message.value = message_html(str(e), "warn")
            return False
        workbook.join_workshop(workshop.as_dict())
        self.message.value = message_html(
            f"Du er med i workshoppen »{workshop.name}«. Øvelser mærket »Deles med rummet« "
            "vises nu på kursuslederens skærm.", "ok")
        if workbook is self.workbook:
            self._render_identity()
            for exercise in self._exercises:
                exercise.show_sharing()
        return True

    def _sign_in(self) -> list:
        # Sync on change, not per keystroke: buffered keystrokes could reach the kernel
        # after a quick click on "Start", which would then read a half-typed name.
        name = labelled(ipw.Text(placeholder="Fx Karen Jensen", continuous_update=False), "Dit navn")
        centre = labelled(ipw.Text(placeholder="Fx Jobcenter Aarhus", continuous_update=False),
                          "Dit jobcenter")
        start = ipw.Button(description="Start min logbog", icon="book", button_style="primary",
                           tooltip="Opret din logbog, så dine svar bliver gemt")
        start.add_class("nk-button")
        start_page = self._is_start_page()
        workshop = self._workshop_field("Workshop-kode (hvis kursuslederen har givet jer en)")
        upload = ipw.FileUpload(accept=".json", multiple=False, description="Indlæs logbog-fil",
                                tooltip="Vælg en logbog-fil, du har hentet tidligere")
        upload.add_class("nk-button")

        def create(_):
            try:
                code = workshop.value.strip() if start_page else ""
                if code:  # check the code first, so a typo creates nothing
                    RoomStore(self.store.folder).workshop(code)
                workbook = self.store.create(name.value, centre.value)
            except (WorkbookError, RoomError) as e:
                self.message.value = message_html(str(e), "warn")
                return
            joined = self._join(code, workbook) if code else False
            self._attach(workbook)
            if not joined:
                self.message.value = message_html("Din logbog er oprettet. God fornøjelse med kurset!", "ok")

        def load(change):
            files = change["new"]
            if not files:
                return
            try:
                self._attach(self.store.import_bytes(bytes(files[0]["content"])))
                self.message.value = message_html("Din logbog er indlæst. Dine svar er hentet frem.", "ok")
            except WorkbookError as e:
                self.message.value = message_html(str(e), "warn")
                upload.value = ()  # so the same file can be chosen again

        start.on_click(safe(create, self._report))
        upload.observe(safe(load, self._report), names="value")
        intro = ipw.HTML('<p class="nk-who"><b>Start din logbog.</b> Skriv dit navn og dit jobcenter. '
                         'Så gemmes alt, hvad du skriver på kurset, og du kan tage det med hjem. '
                         'Har du en logbog-fil fra tidligere, kan du indlæse den i stedet.'
                         + (' Har kursuslederen givet jer en workshop-kode, så skriv den også: '
                            'så kan dine svar på udvalgte øvelser vises for rummet.'
                            if start_page else '') + '</p>')
        return [intro, _row([name, centre] + ([workshop] if start_page else [])), _row([start, upload])]

    def _report(self, text: str) -> None:
        self.message.value = message_html(text, "error")

    # --- what the notebooks call -------------------------------------------------------
    def exercise(self, exercise_id: str):
        """The exercise with this id from data/, bound to the participant's workbook."""
        if self.content is None:
            return ipw.HTML()
        try:
            definition = self.content.exercise(exercise_id)
            widget = KINDS[definition.kind](definition, self.workbook)
        except Exception:
            log.exception("Øvelsen %s kunne ikke vises", exercise_id)
            return ipw.HTML(message_html("Denne øvelse kan ikke vises lige nu. "
                                         "Giv kursuslederen besked.", "error"))
        self._exercises.append(widget)
        return widget

    def programme(self) -> ipw.HTML:
        """The day's programme and the self-study track, each session a link to its page."""
        view = ipw.HTML()
        view.add_class("nk-programme")
        self._links(view, self._programme_html)
        return view

    def navigation(self) -> ipw.HTML:
        """Links to the previous and the next page and back to the programme."""
        view = ipw.HTML()
        self._links(view, self._navigation_html)
        return view

    def _links(self, view: ipw.HTML, build) -> None:
        def render():
            view.value = build() if self.content is not None else ""
        self._link_views.append(render)
        render()

    def _link(self, notebook: str) -> str:
        return esc(page_link(notebook, self.workbook, self.request))

    def _programme_html(self) -> str:
        p = self.content.programme
        parts = [f'<p class="nk-note">{esc(p.note)}</p>' if p.note else ""]
        for track in p.tracks:
            rows = []
            for s in track.sessions:
                when = f"{s.start}–{s.end}" if s.start and s.end else s.start
                title = (f'<a href="{self._link(s.notebook)}">{esc(s.title)}</a>' if s.notebook
                         else f"<span>{esc(s.title)}</span>")
                goals = "".join(f"<li>{esc(g)}</li>" for g in s.goals)
                rows.append(f"<tr><td class='nk-time'>{esc(when)}</td><td>{title}"
                            f"{'<ul>' + goals + '</ul>' if goals else ''}</td></tr>")
            intro = f"<p>{esc(track.intro)}</p>" if track.intro else ""
            parts.append(f'<h2>{esc(track.title)}</h2>{intro}<table class="nk-table">'
                         f'<thead><tr><th scope="col">Tid</th><th scope="col">Punkt</th></tr></thead>'
                         f'<tbody>{"".join(rows)}</tbody></table>')
        return "".join(parts)

    def _navigation_html(self) -> str:
        pages = [s for s in self.content.programme.sessions() if s.notebook]
        ids = [s.id for s in pages]
        if self.session_id not in ids:
            return ""
        i = ids.index(self.session_id)
        links = []
        if i > 0:
            links.append(f'<a href="{self._link(pages[i - 1].notebook)}">← {esc(pages[i - 1].title)}</a>')
        if pages[i].notebook != START_PAGE:
            links.append(f'<a href="{self._link(START_PAGE)}">Programmet</a>')
        if i + 1 < len(pages):
            links.append(f'<a href="{self._link(pages[i + 1].notebook)}">{esc(pages[i + 1].title)} →</a>')
        return f'<nav class="nk-nav" aria-label="Kursets sider">{" · ".join(links)}</nav>'
