"""A course page: who the participant is, their workbook, the programme and the exercises."""

from __future__ import annotations

import ipywidgets as ipw
from IPython.display import display

from course.content import ContentError, Course, Session, Track, course
from course.progress import Progress, progress
from course.room import RoomError, RoomStore
from course.session import PageRequest, current_request, find_workbook, page_link
from course.workbook import Workbook, WorkbookError, WorkbookStore
from widgets.base import WIDGETS
from widgets.controls import button, labelled, row
from widgets.handlers import log, safe
from widgets.markup import download_link, esc, file_stem, message_html
from widgets.style import STYLE

START_PAGE = "00_velkommen.ipynb"


class CoursePage(ipw.VBox):
    """The bar at the top of every page, and the factory for its exercises."""

    @classmethod
    def show(
        cls,
        session_id: str,
        workbook_code: str = "",
        workbook_folder: str = "",
        participant: str = "",
        job_centre: str = "",
    ) -> CoursePage:
        """Show the page's top bar and return the page (the notebooks' one call).

        The arguments are the notebook's papermill parameters; empty in Voilà and JupyterLab.
        """
        page = cls(
            session_id,
            code=workbook_code,
            folder=workbook_folder,
            name=participant,
            job_centre=job_centre,
        )
        display(page)
        return page

    def __init__(
        self,
        session_id: str,
        *,
        code: str = "",
        folder: str = "",
        name: str = "",
        job_centre: str = "",
        request: PageRequest | None = None,
        content: Course | None = None,
    ):
        self.session_id = session_id
        self.request = request or current_request()
        self.store = WorkbookStore(folder or None)
        self.room = RoomStore(
            self.store.folder
        )  # workshops and shared answers, beside the workbooks
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
                "Giv kursuslederen besked.",
                "error",
            )
            return
        workbook, problem = find_workbook(
            self.store, self.request, code=code, name=name, job_centre=job_centre
        )
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
        # The page's connection notice (course template) words itself by this class.
        if wb is None:
            self.identity.remove_class("nk-signed-in")
            self.identity.children = self._sign_in()
            return
        self.identity.add_class("nk-signed-in")
        start = page_link(START_PAGE, wb, self.request)
        workshop = wb.workshop
        summary = ipw.HTML(
            f'<p class="nk-who"><b>Din logbog:</b> {esc(wb.name)}, {esc(wb.job_centre)}. '
            f"Dine svar gemmes automatisk.</p>"
            + (
                f'<p class="nk-who nk-workshop"><b>Workshop:</b> {esc(workshop.get("name", ""))} '
                f"(kode {esc(workshop.get('code', ''))}). Øvelser mærket »Deles med rummet« "
                f"vises på kursuslederens skærm.</p>"
                if workshop
                else ""
            )
            + (
                f'<p class="nk-bookmark">Din personlige adresse til kurset: '
                f'<a href="{esc(start)}">startsiden med din logbog</a>. '
                f"Gem den som bogmærke, så kan du altid vende tilbage.</p>"
                if self.request.in_voila
                else ""
            )
        )
        fetch = button(
            "Hent min logbog som fil", "download", "Gem alle dine svar som en fil på din computer"
        )
        link = ipw.HTML()
        fetch.on_click(
            safe(
                lambda _: setattr(
                    link,
                    "value",
                    download_link(
                        wb.to_bytes(),
                        f"logbog-{file_stem(wb.name)}.json",
                        "application/json",
                        "Klik her for at gemme filen",
                    ),
                ),
                self._report,
            )
        )
        rows = [summary, row([fetch, link])]
        if self._is_start_page():
            code = self._workshop_field(
                "Skift til en anden workshop (kode)"
                if workshop
                else "Workshopkode fra kursuslederen"
            )
            if self.request.workshop.upper() != (workshop or {}).get("code"):
                code.value = self.request.workshop  # from the QR code's address
            join = button(
                "Skift workshop" if workshop else "Deltag i workshoppen",
                "users",
                "Del dine svar med rummet i denne workshop",
            )
            join.on_click(safe(lambda _: self._join(code.value), self._report))
            rows.append(row([code, join]))
        self.identity.children = rows

    def _is_start_page(self) -> bool:
        return any(
            s.id == self.session_id and s.notebook == START_PAGE
            for s in self.content.programme.sessions()
        )

    @staticmethod
    def _workshop_field(label: str) -> ipw.Text:
        field = labelled(ipw.Text(placeholder="Fx K7M4QX", continuous_update=False), label)
        field.add_class("nk-short")
        return field

    def _join(self, code: str, workbook: Workbook | None = None) -> bool:
        """Join the workshop with this code; a Danish message either way."""
        workbook = workbook or self.workbook
        try:
            workshop = self.room.join(code, workbook.id)
        except RoomError as e:
            self.message.value = message_html(str(e), "warn")
            return False
        workbook.join_workshop(workshop.as_dict())
        self.message.value = message_html(
            f"Du er med i workshoppen »{workshop.name}«. Øvelser mærket »Deles med rummet« "
            "vises nu på kursuslederens skærm.",
            "ok",
        )
        if workbook is self.workbook:
            self._render_identity()
            for exercise in self._exercises:
                exercise.show_sharing()
        return True

    def _sign_in(self) -> list:
        # Sync on change, not per keystroke: buffered keystrokes could reach the kernel
        # after a quick click on "Start", which would then read a half-typed name.
        name = labelled(
            ipw.Text(placeholder="Fx Karen Jensen", continuous_update=False), "Dit navn"
        )
        centre = labelled(
            ipw.Text(placeholder="Fx Jobcenter Aarhus", continuous_update=False), "Dit jobcenter"
        )
        start = button(
            "Start min logbog",
            "book",
            "Opret din logbog, så dine svar bliver gemt",
            button_style="primary",
        )
        start_page = self._is_start_page()
        workshop = self._workshop_field("Workshopkode (hvis kursuslederen har givet jer en)")
        workshop.value = self.request.workshop  # from the QR code's address
        upload = ipw.FileUpload(
            accept=".json",
            multiple=False,
            description="Indlæs logbogsfil",
            tooltip="Vælg en logbogsfil, du har hentet tidligere",
        )
        upload.add_class("nk-button")

        def create(_):
            try:
                code = workshop.value.strip() if start_page else ""
                if code:  # check the code first, so a typo creates nothing
                    self.room.workshop(code)
                workbook = self.store.create(name.value, centre.value)
            except (WorkbookError, RoomError) as e:
                self.message.value = message_html(str(e), "warn")
                return
            joined = self._join(code, workbook) if code else False
            self._attach(workbook)
            if not joined:
                self.message.value = message_html(
                    "Din logbog er oprettet. God fornøjelse med kurset!", "ok"
                )

        def load(change):
            files = change["new"]
            if not files:
                return
            try:
                self._attach(self.store.import_bytes(bytes(files[0]["content"])))
                self.message.value = message_html(
                    "Din logbog er indlæst. Dine svar er hentet frem.", "ok"
                )
            except WorkbookError as e:
                self.message.value = message_html(str(e), "warn")
                upload.value = ()  # so the same file can be chosen again

        start.on_click(safe(create, self._report))
        upload.observe(safe(load, self._report), names="value")
        intro = ipw.HTML(
            '<p class="nk-who"><b>Start din logbog.</b> Skriv dit navn og dit jobcenter. '
            "Så gemmes alt, hvad du skriver på kurset, og du kan tage det med hjem. "
            "Har du en logbogsfil fra tidligere, kan du indlæse den i stedet."
            + (
                " Har kursuslederen givet jer en workshopkode, så skriv den også: "
                "så kan dine svar på udvalgte øvelser vises for rummet."
                if start_page
                else ""
            )
            + "</p>"
        )
        return [
            intro,
            row([name, centre] + ([workshop] if start_page else [])),
            row([start, upload]),
        ]

    def _report(self, text: str) -> None:
        self.message.value = message_html(text, "error")

    # --- what the notebooks call -------------------------------------------------------
    def exercise(self, exercise_id: str):
        """The exercise with this id from data/, bound to the participant's workbook."""
        if self.content is None:
            return ipw.HTML()
        try:
            definition = self.content.exercise(exercise_id)
            widget = WIDGETS[definition.kind](
                definition,
                self.workbook,
                room=self.room,
                content=self.content,
                session=self.session_id,
                href=lambda notebook: page_link(notebook, self.workbook, self.request),
            )
        except Exception:
            log.exception("Øvelsen %s kunne ikke vises", exercise_id)
            return ipw.HTML(
                message_html(
                    "Denne øvelse kan ikke vises lige nu. Giv kursuslederen besked.", "error"
                )
            )
        self._exercises.append(widget)
        widget.observe(
            safe(lambda _: self._render_links(), self._report), names="value"
        )  # progress
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

    def _render_links(self) -> None:
        for render in self._link_views:
            render()

    def _link(self, notebook: str) -> str:
        return esc(page_link(notebook, self.workbook, self.request))

    def progress(self) -> dict[str, Progress]:
        """Answered and total exercises per session, from the participant's workbook."""
        if self.workbook is None or self.content is None:
            return {}
        return progress(self.content, self.workbook.answers())

    def _programme_html(self) -> str:
        p = self.content.programme
        done = self.progress()
        parts = [f'<p class="nk-note">{esc(p.note)}</p>' if p.note else ""]
        for track in p.tracks:
            parts.append(self._track_html(track, done))
        return "".join(parts)

    def _track_html(self, track: Track, done: dict[str, Progress]) -> str:
        timed = any(s.start for s in track.sessions)
        show_progress = self.workbook is not None
        rows = []
        for s in track.sessions:
            title = (
                f'<a href="{self._link(s.notebook)}">{esc(s.title)}</a>'
                if s.notebook
                else f"<span>{esc(s.title)}</span>"
            )
            goals = "".join(f"<li>{esc(g)}</li>" for g in s.goals)
            cells = [
                f"<td class='nk-time'>{esc(_session_time(s))}</td>",
                f"<td>{title}{'<ul>' + goals + '</ul>' if goals else ''}</td>",
            ]
            if show_progress:
                cells.append(f"<td class='nk-progress'>{_progress_html(done.get(s.id))}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        heads = [("Tid" if timed else "Varighed"), "Punkt"] + (
            ["Dine svar"] if show_progress else []
        )
        head = "".join(f'<th scope="col">{h}</th>' for h in heads)
        intro = f"<p>{esc(track.intro)}</p>" if track.intro else ""
        answered = [done[s.id] for s in track.sessions if s.id in done]
        summary = ""
        if show_progress and answered:
            total = Progress(sum(a.answered for a in answered), sum(a.total for a in answered))
            summary = (
                f'<p class="nk-track-progress" role="status">Du har besvaret '
                f"<b>{total.text}</b> øvelser i »{esc(track.title)}«.</p>"
            )
        return (
            f'<section class="nk-track nk-track-{esc(track.id)}"><h2>{esc(track.title)}</h2>'
            f'{intro}{summary}<table class="nk-table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></section>"
        )

    def _track_pages(self) -> list[Session]:
        """The pages of the track this page belongs to, in order."""
        for track in self.content.programme.tracks:
            if any(s.id == self.session_id for s in track.sessions):
                return [s for s in track.sessions if s.notebook]
        return []

    def _navigation_html(self) -> str:
        pages = self._track_pages()
        ids = [s.id for s in pages]
        if self.session_id not in ids:
            return ""
        i = ids.index(self.session_id)
        links = []
        if i > 0:
            links.append(
                f'<a href="{self._link(pages[i - 1].notebook)}">← {esc(pages[i - 1].title)}</a>'
            )
        if pages[i].notebook != START_PAGE:
            links.append(f'<a href="{self._link(START_PAGE)}">Programmet</a>')
        if i + 1 < len(pages):
            links.append(
                f'<a href="{self._link(pages[i + 1].notebook)}">{esc(pages[i + 1].title)} →</a>'
            )
        here = self.progress().get(self.session_id)
        status = (
            f'<p class="nk-page-progress" role="status">På denne side har du besvaret '
            f"{here.text} øvelser. {_progress_html(here, count=False)}</p>"
            if here
            else ""
        )
        return (
            f'<nav class="nk-nav" aria-label="Kursets sider">{status}'
            f"<p>{' · '.join(links)}</p></nav>"
        )


def _session_time(session: Session) -> str:
    """Clock times, or the estimated time of a self-study session, or nothing."""
    if session.start and session.end:
        return f"{session.start}–{session.end}"
    if session.start:
        return session.start
    return f"ca. {session.minutes} min." if session.minutes else ""


def _progress_html(done: Progress | None, count: bool = True) -> str:
    if done is None:
        return ""
    mark = " <span class='nk-done'>✔ færdig</span>" if done.done else ""
    number = f"<span class='nk-count'>{done.text}</span>" if count else ""
    return (
        f"{number}<progress max='{done.total}' value='{done.answered}' "
        f"aria-label='{done.text} øvelser besvaret'></progress>{mark}"
    )
