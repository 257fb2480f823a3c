"""samleplan: »Min første plan som nøgleperson« – what the participant built during the day,
read from the workbook, as one Word document and one calendar file with follow-ups."""

from __future__ import annotations

import asyncio
import hashlib

import ipywidgets as ipw

from course import first_plan, planning
from course.danish import date_text
from course.ics import to_ics
from course.kinds import KINDS
from course.workbook import personal_code_text
from widgets.base import Exercise, exercise_kind
from widgets.controls import (
    button_row,
    form_values,
    restore_form,
)
from widgets.handlers import log
from widgets.markup import document_stem, download_link, esc, message_html, ready_html

POLL_SECONDS = 2.0  # how often the overview looks for work done on other pages


@exercise_kind("samleplan")
class FirstPlan(Exercise):
    """Reads the other exercises of the page's content (``content=``), which it needs."""

    def _build(self):
        if self.content is None:
            raise ValueError("a samleplan needs the page's content (content=...)")
        d = self.definition
        self.overview = ipw.HTML()
        self._seen_version = None  # the workbook file's version the overview shows
        self.controls, fields = self._form(d.fields)
        self.follow_ups = ipw.HTML()
        self.make_button = self._make_button(
            "Lav min første plan", "Saml dine dele i ét Word-dokument og som tekstfil"
        )
        self.calendar_button = self._button(
            "Lav kalenderfil",
            "calendar",
            "Handleplanens datoer og opfølgningssamtalerne som .ics-fil",
            self._calendar,
        )
        self.result = ipw.HTML()
        self.calendar_result = ipw.HTML()
        heading = d.categories[0].title if d.categories else "Opfølgning"
        self._watch()
        return [
            self.overview,
            ipw.HTML(
                '<p class="nk-help">Oversigten følger din logbog: det, du laver på de andre '
                "sider, kommer med her af sig selv.</p>"
            ),
            ipw.HTML(f'<h4 class="nk-group">{esc(heading)}</h4>'),
            *fields,
            self.follow_ups,
            button_row(self.make_button, self.calendar_button),
            self.result,
            self.calendar_result,
        ]

    def _read(self) -> dict:
        return {"fields": form_values(self.controls)}

    def _restore(self, value) -> None:
        restore_form(self.controls, self.definition.fields, planning.form_values(value))

    def bind(self, workbook) -> None:
        super().bind(workbook)
        self._refresh()  # the overview shows the workbook's parts before anything is typed here
        self._seen_version = self._version() if workbook is not None else None

    def _answers(self) -> dict:
        answers = self.workbook.answers() if self.workbook is not None else {}
        answers = {**answers, self.definition.id: self._read()}
        for part in self.definition.parts:
            ex = self.content.exercise(part.exercise)
            latest = KINDS[ex.kind].plan_part.latest
            if latest is None or self.workbook is None:
                continue
            try:  # a plan made together: as the job centre holds it now
                value = latest(ex, self.room, self.workbook)
            except Exception:
                log.exception("Den fælles plan %s kunne ikke hentes", ex.id)
                value = None  # the workbook's copy is used
            if value is not None:
                answers[part.exercise] = value
        return answers

    def statuses(self) -> list[first_plan.PartStatus]:
        return first_plan.part_statuses(self.content, self.definition, self._answers())

    # --- view ----------------------------------------------------------------------------
    def _refresh(self) -> None:
        self._show_overview()
        self._show_follow_ups()
        self.result.value = ""
        self.calendar_result.value = ""

    def _show_overview(self) -> None:
        if self.workbook is None:
            self.overview.value = message_html(
                "Skriv dit navn og jobcenter øverst på siden, så henter planen dine dele fra "
                "logbogen.",
                "warn",
            )
            return
        rows = []
        for status in self.statuses():
            if status.part.session == self.session:
                where = "ovenfor på denne side"
            else:
                where = f'<a href="{esc(self.href(status.notebook))}">{esc(status.page_title)}</a>'
            state = (
                '<span class="nk-done">✔ Klar</span>'
                if status.complete
                else '<span class="nk-missing">Mangler:</span><ul>'
                + "".join(f"<li>{esc(m)}</li>" for m in status.missing[:6])
                + (
                    f"<li>… og {len(status.missing) - 6} mere</li>"
                    if len(status.missing) > 6
                    else ""
                )
                + "</ul>"
            )
            rows.append(
                f"<tr><th scope='row'>{esc(status.part.heading)}</th><td>{where}</td>"
                f"<td>{esc(status.found or '–')}</td><td>{state}</td></tr>"
            )
        self.overview.value = (
            '<table class="nk-table nk-parts"><caption>Det har du lavet i løbet af dagen</caption>'
            '<thead><tr><th scope="col">Del</th><th scope="col">Fra siden</th>'
            '<th scope="col">Det er med</th><th scope="col">Status</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )

    def _show_follow_ups(self) -> None:
        values = self._read()["fields"]
        problems = planning.validate(self.definition, values)
        talks = first_plan.follow_ups(self.definition, values)
        if problems:
            self.follow_ups.value = message_html(" ".join(problems), "warn")
        elif talks:
            at = first_plan.clock_text(values) or " (hele dagen)"
            items = "".join(
                f"<li><b>{date_text(t.day)}{at}</b>: {esc(t.title)}"
                f"{esc(first_plan.moved_text(t))}</li>"
                for t in talks
            )
            moved = (
                '<p class="nk-help">Samtaler, der ville falde på en weekend eller en helligdag, '
                "er flyttet til den næste arbejdsdag.</p>"
                if any(t.moved for t in talks)
                else ""
            )
            self.follow_ups.value = f'<ul class="nk-follow-ups" role="status">{items}</ul>{moved}'
        else:
            self.follow_ups.value = (
                '<p class="nk-help">Vælg en startdato, så beregnes datoerne for opfølgningen.</p>'
            )

    # --- keeping the overview current ----------------------------------------------------
    def _watch(self) -> None:
        """Look at the workbook every few seconds on the kernel's own event loop (no traffic
        with the browser unless something changed, so an idle page is still culled)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no running loop (a test, a script): ``poll()`` is called directly
            return
        loop.call_later(POLL_SECONDS, self._tick)

    def _tick(self) -> None:
        try:
            self.poll()
        except Exception:  # a failed look must not stop the next one
            log.exception("Oversigten over Min første plan kunne ikke opdateres")
        self._watch()

    def _version(self) -> bytes | None:
        """A fingerprint of the workbook file as it is on disk now (a few kilobytes to read;
        a file's time stamp is too coarse to tell two quick saves apart)."""
        try:
            return hashlib.blake2b(self.workbook.path.read_bytes(), digest_size=16).digest()
        except OSError:
            return None

    def poll(self) -> bool:
        """Show what the workbook holds now, if another page or tab has changed it; True then."""
        if self.workbook is None:
            return False
        version = self._version()
        if version == self._seen_version:
            return False
        self._update()
        return True

    # --- actions -------------------------------------------------------------------------
    def _update(self, *_):
        if self.workbook is not None:
            self.workbook.reload()  # another tab may have changed a part since the page opened
            self._seen_version = self._version()
        self._show_overview()
        self._show_follow_ups()

    def _make(self, *_):
        if self._needs_workbook(self.result):
            return
        self._update()
        doc = first_plan.build_document(
            self.content,
            self.definition,
            self._answers(),
            self.workbook.name,
            self.workbook.job_centre,
            personal_code=personal_code_text(self.workbook.personal_code),
        )
        missing = [s.part.heading for s in self.statuses() if not s.complete]
        note = (
            f" Bemærk: {', '.join(missing)} er ikke færdig endnu – dokumentet viser det, du har "
            "lavet indtil nu. Se oversigten ovenfor."
            if missing
            else ""
        )
        self._offer(self.result, doc, f"Dokumentet er klar.{note}", "Hent Min første plan som Word")

    def _calendar(self, *_):
        if self._needs_workbook(self.calendar_result):
            return
        values = self._read()["fields"]
        problems = planning.validate(self.definition, values)
        if problems or not first_plan.follow_ups(self.definition, values):
            self.calendar_result.value = message_html(
                " ".join(problems) or "Vælg først en startdato for opfølgningen.", "warn"
            )
            return
        self._update()
        d = self.definition
        events = first_plan.calendar_events(self.content, d, self._answers(), self.workbook.id)
        stem = document_stem(d.document_title or d.title, self.workbook.name)
        link = download_link(
            to_ics(events, d.document_title or d.title),
            f"{stem}.ics",
            "text/calendar;charset=utf-8",
            "Hent kalenderfilen (.ics)",
        )
        talks = len(first_plan.follow_ups(d, values))
        reminders = len(events) - talks
        what = f"{talks} opfølgningssamtaler" + (
            f" og {reminders} {'påmindelse' if reminders == 1 else 'påmindelser'} om, hvornår "
            "dine handlinger begynder og slutter"
            if reminders
            else ""
        )
        self.calendar_result.value = ready_html(
            f"Kalenderfilen har {what}. Åbn den, så lægges de i din kalender (fx Outlook).",
            link,
        )
