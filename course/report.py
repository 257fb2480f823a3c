"""The facilitator's report after the day: the room's answers as a document.

The slides promise: »Vi eftersender bruttoopgavebeskrivelse ud fra jeres inputs«. This module
builds that document from a workshop's shared answers (pure functions to a
``course.document.Document``), shows it in the report notebook (reports/rapport.ipynb) and runs
that notebook through papermill to an HTML file without code and a Word file.

Names: a shared answer carries the participant's name only when it was shared with a name;
anonymous answers are shown as »Anonym«. Plans are only counted, never quoted.

Run it: ``python -m course.report --workshop K7M4QX [--out MAPPE]``.
"""

from __future__ import annotations

import argparse
import base64
import html
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from course.content import Course, Exercise
from course.danish import danish_now, date_text, decimal, iso_date_text
from course.document import Document, Section
from course.room import RoomStore, SharedAnswer, Workshop, clean_code
from course.summary import ANONYMOUS, RoomSummary, summarise, word_frequencies

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "reports" / "rapport.ipynb"

NOT_GIVEN = "Ikke angivet"
LOWEST = 2  # the attention points whose advice the report repeats
EMPTY_MESSAGE = (
    "Workshoppen har endnu ingen delte svar. Rapporten fyldes ud, når deltagerne har "
    "skrevet workshopkoden på startsiden og besvaret øvelserne, der deles med rummet."
)


# --- the tasks: the gross task description -----------------------------------------------


@dataclass(frozen=True)
class TaskRow:
    text: str
    own: bool  # added by the room, in its own wording
    mean_rank: float  # 1 = most important
    mentions: int
    levels: tuple[tuple[str, int], ...]  # first attribute: (option, how many chose it), most first
    phases: tuple[tuple[str, int], ...]  # second attribute (when), the same way

    @property
    def level(self) -> str:
        return self.levels[0][0] if self.levels else NOT_GIVEN

    @property
    def phase(self) -> str:
        return self.phases[0][0] if self.phases else NOT_GIVEN


def _order(value) -> list[dict]:
    order = value.get("order") if isinstance(value, dict) else None
    return [e for e in order if isinstance(e, dict)] if isinstance(order, list) else []


def _clean(text) -> str:
    return " ".join(text.split()) if isinstance(text, str) else ""


def _choices(counter: Counter, options: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    # Most chosen first; a tie goes to the option listed first in the exercise.
    return tuple(
        sorted(
            ((o, counter[o]) for o in options if counter[o]),
            key=lambda kv: (-kv[1], options.index(kv[0])),
        )
    )


def task_rows(exercise: Exercise, answers: list[SharedAnswer]) -> list[TaskRow]:
    """Every task the room ranked or added, by average place, then by number of mentions.

    The room's own tasks with the same wording (ignoring case and spaces) count as one task.
    The ranking's first two attributes are the task's level and time (»Niveau«, »Hvornår«).
    """
    options = {a.id: tuple(a.options) for a in exercise.attributes}
    level, phase = (list(options) + ["", ""])[:2]
    known = {item.id: item.text for item in exercise.items}
    places: dict[tuple, list[int]] = {}
    texts: dict[tuple, str] = {}
    attrs: dict[tuple, dict[str, Counter]] = {}
    for answer in answers:
        seen = set()
        for place, entry in enumerate(_order(answer.value), start=1):
            if entry.get("own"):
                text = _clean(entry.get("text"))
                key = ("own", text.casefold())
            else:
                text = known.get(entry.get("id"), "")
                key = ("item", entry.get("id"))
            if not text or key in seen:
                continue
            seen.add(key)
            places.setdefault(key, []).append(place)
            texts.setdefault(key, text)
            given = entry.get("attrs") if isinstance(entry.get("attrs"), dict) else {}
            for attr_id, allowed in options.items():
                counter = attrs.setdefault(key, {}).setdefault(attr_id, Counter())
                if given.get(attr_id) in allowed:
                    counter[given[attr_id]] += 1
    rows = []
    for key, found in places.items():
        chosen = attrs.get(key, {})
        rows.append(
            TaskRow(
                texts[key],
                key[0] == "own",
                sum(found) / len(found),
                len(found),
                _choices(chosen.get(level, Counter()), options.get(level, ())),
                _choices(chosen.get(phase, Counter()), options.get(phase, ())),
            )
        )
    return sorted(rows, key=lambda r: (r.mean_rank, -r.mentions, r.text.casefold()))


def _counts(choices: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{o} ({n})" for o, n in choices) or NOT_GIVEN


def _attributes(exercise: Exercise):
    """The ranking's level and time attributes (the first two), as far as it has them."""
    return (list(exercise.attributes) + [None, None])[:2]


def tasks_table(exercise: Exercise, rows: list[TaskRow]):
    """The ranked tasks as a pandas table."""
    import pandas as pd

    level, phase = (a.label if a else NOT_GIVEN for a in _attributes(exercise))
    return pd.DataFrame(
        [
            (
                str(i),
                r.text + (" (tilføjet af deltagerne)" if r.own else ""),
                decimal(r.mean_rank),
                str(r.mentions),
                _counts(r.levels),
                _counts(r.phases),
            )
            for i, r in enumerate(rows, start=1)
        ],
        columns=["Nr.", "Opgave", "Gns. plads", "Nævnt af", level, phase],
    )


def grouped_table(exercise: Exercise, rows: list[TaskRow]):
    """Tasks by their most chosen level (rows) and time (columns), in the room's order."""
    import pandas as pd

    level, phase = _attributes(exercise)
    levels = [*(level.options if level else ()), NOT_GIVEN]
    phases = [*(phase.options if phase else ()), NOT_GIVEN]
    first = level.label if level else NOT_GIVEN
    cells = {(lv, ph): [] for lv in levels for ph in phases}
    for r in rows:
        cells.setdefault((r.level, r.phase), []).append(r.text)
    frame = pd.DataFrame(
        [[lv, *["\n".join(cells[(lv, ph)]) for ph in phases]] for lv in levels],
        columns=[first, *phases],
    )
    # Leave out a level or a time nobody chose.
    frame = frame[[c for c in frame.columns if c == first or frame[c].str.len().any()]]
    return frame[frame.drop(columns=first).apply(lambda r: r.str.len().any(), axis=1)]


def _table(frame) -> list[list[str]]:
    return [list(map(str, frame.columns))] + [
        [str(c) for c in row] for row in frame.itertuples(index=False)
    ]


def tasks_sections(exercise: Exercise, answers: list[SharedAnswer]) -> list[Section]:
    from course import roomcharts
    from course.summary import RankRow

    rows = task_rows(exercise, answers)
    head = Section("Rummets rangering af opgaverne")
    if not rows:
        head.paragraphs.append("Ingen har delt deres rangering af opgaverne.")
        return [head]
    n = len([a for a in answers if _order(a.value)])
    own = [r for r in rows if r.own]
    head.paragraphs += [
        f"{n} deltagere har hver for sig sat nøglepersonens opgaver i rækkefølge og angivet "
        f"niveau og tidspunkt. {len(own)} {'opgave' if len(own) == 1 else 'opgaver'} er "
        "tilføjet af deltagerne selv, med deres egne ord.",
        "Opgaverne står efter gennemsnitlig plads (1 = vigtigst) og derefter efter, hvor mange "
        "der har nævnt dem. Niveau og tidspunkt viser, hvor mange der valgte hvad.",
    ]
    head.table = _table(tasks_table(exercise, rows))
    head.images.append(
        roomcharts.rank_bars(tuple(RankRow(r.text, r.mean_rank, r.mentions) for r in rows))
    )
    head.captions.append(
        "Gennemsnitlig plads for hver opgave, vigtigst øverst: "
        + "; ".join(f"{r.text}: {decimal(r.mean_rank)}" for r in rows)
        + "."
    )
    grouped = Section(
        "Opgaverne efter niveau og tidspunkt",
        level=2,
        paragraphs=["Hver opgave står under det niveau og det tidspunkt, flest deltagere valgte."],
        table=_table(grouped_table(exercise, rows)),
    )
    return [head, grouped]


# --- the other parts -----------------------------------------------------------------------


def _texts_section(summary: RoomSummary) -> list[Section]:
    sections = []
    for group in summary.texts:
        if group.texts:
            sections.append(
                Section(
                    group.title,
                    level=2,
                    table=[["Deltager", "Svar"], *[[name, text] for name, text in group.texts]],
                )
            )
    return sections


def conditions_sections(exercise: Exercise, answers: list[SharedAnswer]) -> list[Section]:
    from course import roomcharts

    summary = summarise(exercise, answers)
    head = Section("Opmærksomhedspunkter: at gå foran uden en ledelsesrolle")
    rated = [(item, row) for item, row in zip(exercise.items, summary.ratings) if row.n]
    if not rated:
        head.paragraphs.append("Ingen har delt deres vurdering af forudsætningerne for rollen.")
        return [head]
    rated.sort(key=lambda ir: ir[1].mean)
    scale = exercise.scale
    low = scale.low_at or scale.min
    head.paragraphs.append(
        f"{summary.answered} deltagere har vurderet de fire forudsætninger fra {scale.min} "
        f"({scale.low_label}) til {scale.max} ({scale.high_label}). "
        "Den lavest vurderede står øverst."
    )
    head.table = [["Forudsætning", "Gennemsnit", "Svar", f"Svar på {low} eller lavere"]] + [
        [item.text, decimal(row.mean), str(row.n), str(sum(row.counts[: low - scale.min + 1]))]
        for item, row in rated
    ]
    head.images.append(roomcharts.rating_histograms(summary.ratings, scale.min))
    head.captions.append(
        "Rummets vurderinger: "
        + "; ".join(
            f"{item.text.split(':')[0]}: gennemsnit {decimal(row.mean)}" for item, row in rated
        )
        + "."
    )
    advice = Section("Råd til de lavest vurderede punkter", level=2)
    for item, row in rated[:LOWEST]:
        if item.advice:
            advice.paragraphs.append(
                f"{item.text} (gennemsnit {decimal(row.mean)}) – {item.advice}"
            )
    return [head, advice, *_texts_section(summary)]


def culture_sections(exercise: Exercise, answers: list[SharedAnswer]) -> list[Section]:
    from course import roomcharts

    summary = summarise(exercise, answers)
    head = Section("Læringskulturen i jobcentrene")
    rows = [r for r in summary.ratings if r.n]
    if not summary.answered:
        head.paragraphs.append("Ingen har delt deres vurdering af læringskulturen.")
        return [head]
    scale = exercise.scale
    for row in rows:
        head.paragraphs.append(
            f"{row.n} deltagere har givet læringskulturen en karakter fra "
            f"{scale.min} til {scale.max}; gennemsnittet er {decimal(row.mean)}."
        )
        values = range(scale.min, scale.max + 1)
        head.table = [["Karakter", *map(str, values)], ["Antal", *map(str, row.counts)]]
    if rows:
        head.images.append(roomcharts.rating_histograms(tuple(rows), scale.min))
        head.captions.append(
            "Fordelingen af karakterer for læringskulturen: "
            + ", ".join(
                f"{v}: {c}" for v, c in zip(range(scale.min, scale.max + 1), rows[0].counts) if c
            )
            + "."
        )
    return [head, *_texts_section(summary)]


def _count_table(header: list[str], counts) -> list[list[str]]:
    """A table of (what, how many) pairs under its header row."""
    return [header, *[[what, str(n)] for what, n in counts]]


def plans_sections(exercise: Exercise, answers: list[SharedAnswer]) -> list[Section]:
    summary = summarise(exercise, answers)
    head = Section("Deltagernes handleplaner")
    plans = summary.plans
    if not summary.answered or plans is None:
        head.paragraphs.append("Ingen deltagere har delt en handleplan med rummet.")
        return [head]
    head.paragraphs.append(
        f"{summary.answered} deltagere har delt deres handleplan med i alt {plans.actions} "
        "handlinger. Her står kun, hvor mange handlinger der er, hvornår de begynder, og hvilke "
        "ord der går igen – ikke planerne selv."
    )
    head.table = _count_table(["Periode", "Handlinger"], plans.groups)
    sections = [head]
    for title, header, counts in (
        ("Hvornår handlingerne begynder", ["Måned", "Handlinger"], plans.months),
        ("Hvilke slags handlinger: de hyppigste ord", ["Ord", "Antal"], plans.words),
    ):
        if counts:
            sections.append(Section(title, level=2, table=_count_table(header, counts)))
    return sections


def points(texts) -> list[tuple[str, int]]:
    """The points of many answers: one per line, the same point (ignoring case, spaces and a
    leading dash) once, with how many wrote it; in the order they first came."""
    found: dict[str, list] = {}
    for text in texts:
        seen = set()
        for line in str(text).splitlines():
            point = " ".join(line.strip().lstrip("-–•*·").split())
            key = point.casefold().rstrip(".")
            if point and key not in seen:
                seen.add(key)
                found.setdefault(key, [point, 0])[1] += 1
    return [(point, n) for point, n in found.values()]


def gross_task_sections(exercise: Exercise, answers: list[SharedAnswer]) -> list[Section]:
    """The gross task description the slide promises, from the groups' reflection on the role:
    per question, every point the groups wrote, the same point once."""
    summary = summarise(exercise, answers)
    head = Section("Bruttoopgavebeskrivelse: rollen som nøgleperson i jeres jobcentre")
    if not summary.answered:
        head.paragraphs.append("Ingen har delt gruppernes refleksion over rollen som nøgleperson.")
        return [head]
    head.paragraphs += [
        f"Bygget på gruppernes refleksion over rollen som nøgleperson i jeres jobcentre: "
        f"{summary.answered} deltagere har delt gruppens pointer. Hver pointe står én gang; "
        "tallet i parentes siger, hvor mange der skrev den.",
        "Beskrivelsen er et udkast til den opgavebeskrivelse, hver nøgleperson færdiggør i "
        "dialog med sin teamleder og projektleder.",
    ]
    sections = [head]
    for group in summary.texts:
        listed = points(text for _, text in group.texts)
        if not listed:
            continue
        sections.append(
            Section(
                group.title,
                level=2,
                paragraphs=[f"{p} ({n})" if n > 1 else p for p, n in listed],
            )
        )
        if group.words:
            sections[-1].paragraphs.append(
                "Ord, der går igen: " + ", ".join(f"{w} ({n})" for w, n in group.words) + "."
            )
    return sections


def check_in_sections(exercise: Exercise, answers: list[SharedAnswer]) -> list[Section]:
    summary = summarise(exercise, answers)
    head = Section("Forventninger ved tjek ind")
    if not summary.answered:
        head.paragraphs.append("Ingen har delt deres forventninger ved tjek ind.")
        return [head]
    head.paragraphs.append(
        f"{summary.answered} deltagere har delt deres forventninger til rollen som nøgleperson."
    )
    return [head, *_texts_section(summary)]


def check_out_sections(
    exercise: Exercise,
    answers: list[SharedAnswer],
    recalled: Exercise,
    recalled_answers: list[SharedAnswer],
) -> list[Section]:
    """The room's tjek ud beside its morning: the most frequent words of both, then the texts."""
    summary = summarise(exercise, answers)
    head = Section("Tjek ud: det tager deltagerne med sig")
    if not summary.answered:
        head.paragraphs.append("Ingen har delt deres tjek ud.")
        return [head]
    morning = summarise(recalled, recalled_answers)
    head.paragraphs.append(
        f"{summary.answered} deltagere har delt deres tjek ud sidst på dagen; {morning.answered} "
        "delte deres forventninger ved tjek ind i morges. Tabellen stiller de ord, der går igen, "
        "side om side."
    )
    before = word_frequencies(t for g in morning.texts for _, t in g.texts)
    after = word_frequencies(t for g in summary.texts for _, t in g.texts)
    rows = max(len(before), len(after))
    if rows:
        cell = lambda words, i: f"{words[i][0]} ({words[i][1]})" if i < len(words) else ""  # noqa: E731
        head.table = [["Tjek ind i morges", "Tjek ud"]] + [
            [cell(before, i), cell(after, i)] for i in range(rows)
        ]
    return [head, *_texts_section(summary)]


# How a section shows its exercise: the »show« of data/report.yaml, allowed per kind in
# course/kinds.py.
VIEWS = {
    "opgaver": tasks_sections,
    "opmærksomhedspunkter": conditions_sections,
    "læringskultur": culture_sections,
    "handleplaner": plans_sections,
    "forventninger": check_in_sections,
    "bruttoopgavebeskrivelse": gross_task_sections,
}
# Views that show their exercise beside the one it recalls (a tjek ud beside the tjek ind).
PAIRED_VIEWS = {"tjek ud": check_out_sections}


def build(
    content: Course,
    workshop: Workshop,
    answers: dict[str, list[SharedAnswer]],
    made: datetime | None = None,
) -> Document:
    """The report of one workshop from its shared answers (exercise id -> answers)."""
    made = made or danish_now()
    doc = Document(
        f"Bruttoopgavebeskrivelse – {workshop.name}",
        meta=[
            f"Workshop: {workshop.name}, {iso_date_text(workshop.date)} (kode {workshop.code})",
            f"Lavet af kursuslederne {date_text(made)} ud fra deltagernes delte svar.",
            f"Deltagere, der har svaret anonymt, står som »{ANONYMOUS}«.",
        ],
    )
    if not any(answers.get(s.exercise) for s in content.report):
        doc.sections.append(Section("Ingen svar endnu", paragraphs=[EMPTY_MESSAGE]))
        return doc
    for section in content.report:
        exercise = content.exercise(section.exercise)
        given = answers.get(section.exercise, [])
        if section.show in PAIRED_VIEWS:
            recalled = content.exercise(exercise.recalls)
            doc.sections += PAIRED_VIEWS[section.show](
                exercise, given, recalled, answers.get(recalled.id, [])
            )
        else:
            doc.sections += VIEWS[section.show](exercise, given)
    return doc


def collect(
    content: Course, room: RoomStore, code: str
) -> tuple[Workshop, dict[str, list[SharedAnswer]]]:
    """The workshop and the shared answers to the exercises of the report."""
    workshop = room.workshop(code)
    wanted = [s.exercise for s in content.report]
    wanted += [content.exercise(e).recalls for e in wanted if content.exercise(e).recalls]
    # Answers the facilitator has hidden never reach the report.
    return workshop, {e: room.answers(workshop.code, e) for e in dict.fromkeys(wanted)}


# --- HTML ----------------------------------------------------------------------------------

REPORT_STYLE = """<style>
.nk-report { font-family: system-ui, sans-serif; font-size: 17px; line-height: 1.5; color: #111;
  max-width: 60rem; }
.nk-report h1, .nk-report h2, .nk-report h3 { color: #0b3d5c; }
.nk-report table { border-collapse: collapse; margin: 0.6em 0 1.2em; }
.nk-report th, .nk-report td { border: 1px solid #c9d7e1; padding: 0.3em 0.6em;
  text-align: left !important; vertical-align: top !important; white-space: pre-wrap !important;
  font-size: 16px !important; max-width: 28rem; }
.nk-report th { background: #eef5fa; }
.nk-report img { max-width: 100%; }
.nk-report figcaption { font-size: 0.9em; color: #333; }
</style>"""


def to_html(doc: Document) -> str:
    """The document as HTML; every text escaped, tables through pandas."""
    import pandas as pd

    e = html.escape
    out = [REPORT_STYLE, '<div class="nk-report">', f"<h1>{e(doc.title)}</h1>"]
    out += [f"<p>{e(line)}</p>" for line in doc.meta]
    for section in doc.sections:
        level = section.level + 1
        out.append(f"<h{level}>{e(section.heading)}</h{level}>")
        out += [f"<p>{e(p)}</p>" for p in section.paragraphs]
        if section.table:
            # Escaped here, so that our line breaks (several tasks in one cell) become <br>.
            cell = lambda text: e(str(text)).replace("\r\n", "\n").replace("\n", "<br>")  # noqa: E731
            frame = pd.DataFrame(
                [[cell(c) for c in row] for row in section.table[1:]],
                columns=[cell(c) for c in section.table[0]],
            )
            out.append(frame.to_html(index=False, escape=False, border=0))
        for png, caption in zip(section.images, section.captions):
            data = base64.b64encode(png).decode("ascii")
            out.append(
                f'<figure><img src="data:image/png;base64,{data}" alt="{e(caption)}">'
                f"<figcaption>{e(caption)}</figcaption></figure>"
            )
    out.append("</div>")
    return "\n".join(out)


# --- the notebook and the files --------------------------------------------------------------


def _stem(workshop: Workshop) -> str:
    return f"rapport-{workshop.code}-{workshop.date}"


def show(
    workshop: str, store_folder: str = "", store_url: str = "", output_folder: str = ""
) -> None:
    """The report notebook's one call: show the report and write its Word file."""
    from IPython.display import HTML, display

    from course.content import course
    from course.document import to_docx

    content = course()
    found, answers = collect(
        content, RoomStore(store_folder or None, url=store_url or None), workshop
    )
    doc = build(content, found, answers)
    if output_folder:
        out = Path(output_folder)
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{_stem(found)}.docx").write_bytes(to_docx(doc))
    display(HTML(to_html(doc)))


def make_report(
    workshop: str,
    out: Path | str,
    store_folder: Path | str | None = None,
    store_url: str | None = None,
) -> tuple[Path, Path]:
    """Run the report notebook through papermill; the HTML (no code) and Word files' paths."""
    import nbformat
    import papermill
    from jupyter_client.manager import KernelManager
    from nbconvert import HTMLExporter

    room = RoomStore(store_folder, url=store_url)
    found = room.workshop(clean_code(workshop))  # a Danish RoomError before any kernel starts
    # Relative to where the command was run, not to the notebook's folder the kernel runs in.
    out = Path(out).expanduser().resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rapport-") as tmp:
        executed = Path(tmp) / "rapport.ipynb"
        # The kernel talks over local sockets in the temporary folder: nothing listens on the
        # network, and the kernel has no reason to print (English) warnings about it.
        kernel = KernelManager(kernel_name="python3", transport="ipc", ip=str(Path(tmp) / "kerne"))
        try:
            papermill.execute_notebook(
                str(NOTEBOOK),
                str(executed),
                cwd=str(NOTEBOOK.parent),
                kernel_name="python3",
                progress_bar=False,
                km=kernel,
                parameters={
                    "workshop": found.code,
                    "store_url": room.url,
                    "output_folder": str(out),
                },
            )
        finally:  # a kernel manager given to papermill is ours to shut down
            if kernel.has_kernel:
                kernel.shutdown_kernel()
        notebook = nbformat.read(executed, as_version=4)
    # Only the report: no code, no prompts, not the notebook's own note for facilitators.
    exporter = HTMLExporter(
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        exclude_markdown=True,
        language_code="da",
    )
    body, _ = exporter.from_notebook_node(
        notebook, resources={"metadata": {"name": f"Bruttoopgavebeskrivelse – {found.name}"}}
    )
    page = out / f"{_stem(found)}.html"
    page.write_text(body, encoding="utf-8")
    return page, out / f"{_stem(found)}.docx"


def main(argv: list[str] | None = None) -> int:
    from course.room import RoomError

    parser = argparse.ArgumentParser(
        prog="python -m course.report",
        description="Lav kursuslederens rapport (bruttoopgavebeskrivelse) for en workshop "
        "som HTML og Word.",
    )
    parser.add_argument("--workshop", required=True, help="workshoppens kode, fx K7M4QX")
    parser.add_argument("--out", default=".", help="mappen, rapporten gemmes i (standard: her)")
    parser.add_argument(
        "--mappe", default=None, help="mappen med rummets database (standard: som »make serve«)"
    )
    parser.add_argument("--url", default=None, help="databasens adresse, hvis den ikke er en fil")
    args = parser.parse_args(argv)
    try:
        page, word = make_report(args.workshop, args.out, args.mappe, args.url)
    except RoomError as e:
        print(e, file=sys.stderr)
        return 1
    except Exception as e:  # the kernel or a file: say so in Danish, keep the detail
        print(f"Rapporten kunne ikke laves: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    print(f"Rapporten er lavet:\n    {page}\n    {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
