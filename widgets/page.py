"""A course page: who the participant is, their workbook, the programme and the exercises."""

from __future__ import annotations

import ipywidgets as ipw
from IPython.display import display

from course.content import ContentError, Course, Session, Track, course
from course.progress import Progress, progress
from course.room import RoomError, RoomStore
from course.session import PageRequest, current_request, find_workbook, page_link
from course.timing import AFTER_COURSE, PagePlan, page_plans
from course.workbook import Workbook, WorkbookError, WorkbookStore, personal_code_text
from widgets.base import WIDGETS
from widgets.controls import button, labelled, row
from widgets.handlers import log, safe
from widgets.markup import download_link, esc, file_stem, message_html
from widgets.sharing import share_saved_answers
from widgets.status import SaveState
from widgets.style import STYLE

START_PAGE = "00_velkommen.ipynb"
MAX_CODE_TRIES = 5  # wrong personal codes a page accepts before it points to the other ways


class Page(ipw.VBox):
    """A whole page of the app (a participant's course page, the course leader's page)."""

    @classmethod
    def show(cls, *args, **kwargs):
        """Show a new page and return it: the notebook's one call, with the notebook's papermill
        parameters in order (empty in Voilà and JupyterLab)."""
        page = cls(*args, **kwargs)
        display(page)
        return page


class CoursePage(Page):
    """The bar at the top of every page, and the factory for its exercises.

    A notebook's parameters workbook_code, workbook_folder, participant and job_centre are
    ``code``, ``folder``, ``name`` and ``job_centre`` here.
    """

    def __init__(
        self,
        session_id: str,
        code: str = "",
        folder: str = "",
        name: str = "",
        job_centre: str = "",
        *,
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
            + self._way_back_html(wb)
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

    def _personal_code(self, wb: Workbook) -> str:
        try:
            return personal_code_text(wb.personal_code)
        except OSError as e:  # the code is made on first use; the page works without it
            log.error("Den personlige kode kunne ikke gemmes: %s", e)
            return ""

    def _address_html(self, wb: Workbook) -> str:
        """The link to the personal address; "" outside Voilà, where there is no address."""
        if not self.request.in_voila:
            return ""
        start = page_link(START_PAGE, wb, self.request)
        return f'<a href="{esc(start)}">startsiden med din logbog</a>'

    def _way_back_html(self, wb: Workbook) -> str:
        """How the participant comes back to this workbook: the personal address (also put in
        the browser's address bar by the course template, via data-nk-logbog) and the code."""
        parts = []
        if self.request.in_voila:
            parts.append(
                f'<p class="nk-bookmark">Din personlige adresse til kurset: '
                f"{self._address_html(wb)} – den står også i browserens adresselinje. "
                f"Gem den som bogmærke, så kan du altid vende tilbage."
                f'<span hidden data-nk-logbog="{esc(wb.id)}"></span></p>'
            )
        code = self._personal_code(wb)
        if code:
            parts.append(
                f'<p class="nk-bookmark">Din personlige kode: <b class="nk-personal-code">'
                f"{esc(code)}</b>. Skriv den ned: med den, dit navn og dit jobcenter finder du "
                f"din logbog igen på denne server.</p>"
            )
        return "".join(parts)

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

    def _join(self, code: str, workbook: Workbook | None = None, announce: bool = True) -> str:
        """Join the workshop with this code and share what the participant has already written
        to exercises shared with the room. The Danish sentences that say so (shown unless
        ``announce`` is False), or "" when the code is wrong (then a message says why)."""
        workbook = workbook or self.workbook
        try:
            workshop = self.room.join(code, workbook.id)
        except RoomError as e:
            self.message.value = message_html(str(e), "warn")
            return ""
        workbook.join_workshop(workshop.as_dict())
        shared = share_saved_answers(
            self.room, workbook, [d for d in self.content.exercises.values() if d.shared]
        )
        done = [i for i, (state, _) in shared.items() if state is not SaveState.NOT_SHARED]
        failed = len(shared) - len(done)
        earlier = {0: "", 1: " – også det svar, du allerede havde skrevet"}.get(
            len(done), f" – også de {len(done)} svar, du allerede havde skrevet"
        )
        text = (
            f"Du er med i workshoppen »{workshop.name}«. Dine svar på øvelser mærket »Deles med "
            f"rummet« deles nu med rummet{earlier}."
        )
        if failed:
            text += (
                f" {failed} af dine svar kunne ikke deles lige nu; de deles, næste gang du "
                "ændrer dem."
            )
        if announce:
            self.message.value = message_html(text, "warn" if failed else "ok")
        if workbook is self.workbook:
            self._render_identity()
            for exercise in self._exercises:
                exercise.show_sharing(shared.get(exercise.definition.id))
        return text

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
        start_new = button(
            "Start en ny logbog",
            "plus",
            "Den logbog, der findes med samme navn og jobcenter, er ikke din: start en ny",
        )
        # Its own layout (layouts are shared, widgets/shared.py): offered only when the name
        # already has a logbog.
        start_new.layout = ipw.Layout(display="none")
        start_page = self._is_start_page()
        workshop = self._workshop_field("Workshopkode (hvis kursuslederen har givet jer en)")
        workshop.value = self.request.workshop  # from the QR code's address
        code = labelled(
            ipw.Text(placeholder="Fx K7M4-QXP2", continuous_update=False),
            "Din personlige kode (fra din logbog)",
        )
        code.add_class("nk-short")
        resume = button(
            "Fortsæt min logbog",
            "sign-in",
            "Fortsæt i den logbog, der har dit navn, dit jobcenter og din personlige kode",
        )
        upload = ipw.FileUpload(
            accept=".json",
            multiple=False,
            description="Indlæs logbogsfil",
            tooltip="Vælg en logbogsfil, du har hentet tidligere",
        )
        upload.add_class("nk-button")
        tries = {"wrong codes": 0, "offered": None}

        def workshop_code() -> str:
            text = workshop.value.strip() if start_page else ""
            if text:  # check the code first, so a typo creates or changes nothing
                self.room.workshop(text)
            return text

        def begin(workbook: Workbook, done: str, joined_code: str = "") -> None:
            """Attach the workbook; join the workshop typed; say what happened and where the
            participant's way back is."""
            typed = any(e.touched for e in self._exercises)
            joined = self._join(joined_code, workbook, announce=False) if joined_code else ""
            self._attach(workbook)
            kept = (
                " Det, du allerede havde skrevet på siden, er gemt i din logbog." if typed else ""
            )
            self._signed_in_message(done + kept, workbook, joined)

        def create(_=None, anyway: bool = False):
            try:
                clean = (" ".join(name.value.split()), " ".join(centre.value.split()))
                joined_code = workshop_code()
                if not anyway or tries["offered"] != clean:
                    found = self.store.find(*clean) if all(clean) else []
                    if found:  # never a silent second logbog: offer the way back instead
                        tries["offered"] = clean
                        start_new.layout.display = None
                        self.message.value = message_html(
                            f"Der findes allerede en logbog for {clean[0]}, {clean[1]} på denne "
                            "server. Er det din, så skriv din personlige kode i feltet »Din "
                            "personlige kode« og tryk »Fortsæt min logbog« – eller åbn din "
                            "personlige adresse (dit bogmærke), eller indlæs din logbogsfil. "
                            "Er det ikke din (fx en kollega med samme navn), så tryk »Start en "
                            "ny logbog«.",
                            "warn",
                        )
                        return
                workbook = self.store.create(name.value, centre.value)
            except (WorkbookError, RoomError) as e:
                self.message.value = message_html(str(e), "warn")
                return
            begin(
                workbook,
                f"Din logbog er oprettet. Din personlige kode er "
                f"{personal_code_text(workbook.personal_code)} – skriv den ned. Med den, dit "
                "navn og dit jobcenter finder du din logbog igen på denne server, fx fra en "
                "anden computer. Den står også øverst på siden og i Min første plan.",
                joined_code,
            )

        def recover(_):
            if tries["wrong codes"] >= MAX_CODE_TRIES:
                self.message.value = message_html(
                    "Koden er skrevet forkert for mange gange på denne side. Åbn din personlige "
                    "adresse (dit bogmærke), indlæs din logbogsfil, eller spørg kursuslederen.",
                    "warn",
                )
                return
            if not code.value.strip():
                self.message.value = message_html(
                    "Skriv din personlige kode i feltet »Din personlige kode«. Den står øverst "
                    "på siderne med din logbog og i Min første plan.",
                    "warn",
                )
                return
            try:
                joined_code = workshop_code()
                found = self.store.recover(name.value, centre.value, code.value)
            except RoomError as e:
                self.message.value = message_html(str(e), "warn")
                return
            if found is None:
                tries["wrong codes"] += 1
                self.message.value = message_html(
                    "Der er ingen logbog med det navn, det jobcenter og den kode på denne server. "
                    "Tjek, at navn og jobcenter er skrevet som dengang, og at koden er rigtig.",
                    "warn",
                )
                return
            begin(found, "Velkommen tilbage. Du fortsætter i din logbog.", joined_code)

        def load(change):
            files = change["new"]
            if not files:
                return
            try:
                workbook, continued = self.store.load_file(bytes(files[0]["content"]))
            except WorkbookError as e:
                self.message.value = message_html(str(e), "warn")
                upload.value = ()  # so the same file can be chosen again
                return
            begin(
                workbook,
                "Din logbogsfil hører til en logbog på denne server, så du fortsætter i den – "
                "der er ikke lavet en kopi. Svar i filen, der er nyere end dem på serveren, er "
                "hentet ind."
                if continued
                else "Din logbog er indlæst som en ny logbog på denne server. Dine svar er "
                "hentet frem.",
            )

        start.on_click(safe(create, self._report))
        start_new.on_click(safe(lambda _: create(anyway=True), self._report))
        resume.on_click(safe(recover, self._report))
        upload.observe(safe(load, self._report), names="value")
        intro = ipw.HTML(
            '<p class="nk-who"><b>Start din logbog.</b> Skriv dit navn og dit jobcenter. '
            "Så gemmes alt, hvad du skriver på kurset, og du kan tage det med hjem."
            + (
                " Har kursuslederen givet jer en workshopkode, så skriv den også: "
                "så kan dine svar på udvalgte øvelser vises for rummet."
                if start_page
                else ""
            )
            + "</p>"
        )
        way_back = ipw.HTML(
            '<p class="nk-who nk-way-back"><b>Har du allerede en logbog?</b> Åbn din personlige '
            "adresse (dit bogmærke), eller skriv dit navn og jobcenter ovenfor og din "
            "personlige kode her. Du kan også indlæse din logbogsfil. Det, du allerede har "
            "skrevet på siden, kommer med i din logbog.</p>"
        )
        return [
            intro,
            row([name, centre] + ([workshop] if start_page else [])),
            row([start, start_new]),
            way_back,
            row([code, resume, upload]),
        ]

    def _signed_in_message(self, text: str, workbook: Workbook, workshop_text: str) -> None:
        """What happened at signing in, and which address is the participant's now."""
        address = self._address_html(workbook)
        where = (
            f" Din personlige adresse er {address}; den står nu i browserens adresselinje – "
            "gem den som bogmærke."
            if address
            else ""
        )
        after = f" {esc(workshop_text)}" if workshop_text else ""
        self.message.value = (
            f'<div class="nk-msg nk-ok" role="status" aria-live="polite">{esc(text)}{where}'
            f"{after}</div>"
        )

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
        view.add_class("nk-navigation")
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
        plans = page_plans(self.content) if timed else {}
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
            if timed:
                cells.append(f"<td class='nk-plan-time'>{_plan_html(plans.get(s.id))}</td>")
            if show_progress:
                cells.append(f"<td class='nk-progress'>{_progress_html(done.get(s.id))}</td>")
            rows.append(f"<tr>{''.join(cells)}</tr>")
        heads = (
            [("Tid" if timed else "Varighed"), "Punkt"]
            + (["Planlagt i rummet"] if timed else [])
            + (["Dine svar"] if show_progress else [])
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


def _plan_html(plan: PagePlan | None) -> str:
    """A page's planned time in the room against its slot (the loader holds it to the slot),
    and its after-course time."""
    if plan is None:
        return ""
    after = (
        f"<small>+ {plan.after_course} min. »{AFTER_COURSE}«</small>" if plan.after_course else ""
    )
    return f"<span class='nk-plan-count'>{plan.text}</span>{after}"


def _progress_html(done: Progress | None, count: bool = True) -> str:
    if done is None:
        return ""
    mark = " <span class='nk-done'>✔ færdig</span>" if done.done else ""
    number = f"<span class='nk-count'>{done.text}</span>" if count else ""
    return (
        f"{number}<progress max='{done.total}' value='{done.answered}' "
        f"aria-label='{done.text} øvelser besvaret'></progress>{mark}"
    )
