"""A day in the room (not a test): run `.venv/bin/python bench/day.py [--participants 10 20 40]`.

Serves the course as `make serve` does and simulates a workshop: N participants sign in on the
start page and join a workshop, then walk through the course day's pages in order, all
changing page together (a "wave", as when the facilitator says "go to the next page", each
with a little jitter), and on each page type an answer into an exercise (a shared one where
the page has one). The facilitator's page is open in Chromium the whole time, live on the
workshop, and one more participant walks the same pages in Chromium as a probe.

The simulated participants speak Voilà's own protocol, as the browser does: the page request
(the server runs the notebook), the kernel's web socket, the widget state request, widget
updates and clicks, and the shutdown request the page sends when it is left. Their time to
interactive is therefore the server's share (until the page's widgets are there); drawing
them happens on each participant's own laptop. The Chromium probe measures the whole, under
the same load.

Reported as it runs, per wave: time to interactive (median, p95, max), the server's kernel
count and the kernels' total memory; at the end, answers typed vs. answers found saved in the
workbooks on disk and in the room's database, and every error. The series go to
bench/results/ as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from client import PageSession, Server, rss_mib  # noqa: E402 (bench/ is on the path)

from course.content import course, notebook_exercises  # noqa: E402
from course.room import RoomStore  # noqa: E402
from course.serve import launch_chromium  # noqa: E402
from course.workbook import WorkbookStore  # noqa: E402

RESULTS = ROOT / "bench" / "results"
FACILITATOR_CODE = "BENCHKODE42"
LOGBOG = re.compile(r"logbog=([A-Za-z0-9_-]+)")


# --- the server ------------------------------------------------------------------------


# --- the participants -----------------------------------------------------------------


@dataclass
class Run:
    pages: list[str]
    waves: list[dict] = field(default_factory=list)
    samples: list[dict] = field(default_factory=list)
    typed: list[tuple] = field(default_factory=list)  # (workbook id, exercise, text, shared)
    errors: list[str] = field(default_factory=list)
    probe: list[dict] = field(default_factory=list)
    doing: dict[str, tuple[str, float]] = field(default_factory=dict)  # who: (what, since)

    def now_doing(self, who: str, what: str) -> None:
        self.doing[who] = (what, time.monotonic())


def page_exercise(notebook: str) -> tuple[str, str, bool]:
    """The exercise a participant answers on a page: the first shared one with a text field,
    else the first with a text field. (id, title, shared)"""
    content = course()
    ids = notebook_exercises(ROOT / "notebooks" / notebook)
    texty = [i for i in ids if content.exercise(i).kind in TEXT_KINDS]
    shared = [i for i in texty if content.exercise(i).shared and not content.exercise(i).opt_in]
    chosen = (shared or texty or [None])[0]
    if chosen is None:
        return "", "", False
    ex = content.exercise(chosen)
    return ex.id, ex.title, bool(shared)


# Kinds whose first text box holds (part of) the answer.
TEXT_KINDS = ("refleksion", "skala", "planlægger", "introduktionsplan", "læringscyklus")


async def participant(
    number: int, server: Server, run: Run, workshop: str, waves: list[asyncio.Barrier], args
) -> None:
    from tornado.httpclient import AsyncHTTPClient

    client = AsyncHTTPClient(force_instance=True, max_clients=4)
    cookies: dict = {}
    name = f"Deltager {number:02d} Ærø"
    workbook_id = ""
    page = None
    beacons: set = set()
    for index, notebook in enumerate(run.pages):
        await waves[index].wait()
        await asyncio.sleep(random.uniform(0, args.jitter))
        try:
            if page is not None:
                beacons.add(asyncio.ensure_future(page.leave(cookies)))  # a beacon: not awaited
            query = f"?logbog={workbook_id}" if workbook_id else ""
            page = PageSession(client, server, notebook, query)
            start = time.monotonic()
            run.doing[f"deltager {number}"] = page
            await page.open(cookies)
            page.phase = ("svarer", time.monotonic())
            tti = time.monotonic() - start
            run.waves[index]["tti"].append(tti)
            if len(run.waves[index]["tti"]) == args.n:
                print_wave(run, index)  # the whole room is on this page now
            if not workbook_id:
                workbook_id = await sign_in(page, name, workshop)
            exercise, title, shared = page_exercise(notebook)
            if exercise:
                text = f"Svar fra {name} på {notebook} – æøå"
                root = page.exercise_root(title)
                box = next(
                    m
                    for m in page.descendants(root)
                    if page.states.get(m, {}).get("_model_name") in ("TextareaModel", "TextModel")
                )
                run.typed.append((workbook_id, exercise, text, shared))
                page.set(box, value=text)
                page.phase = ("venter på »Gemt i din logbog«", time.monotonic())
                await page._wait(partial(page.text_in, root, "Gemt i din logbog"), 120)
            page.phase = ("færdig", time.monotonic())
            await asyncio.sleep(args.think)
        except Exception as e:
            page.phase = ("fejl", time.monotonic())
            run.errors.append(f"deltager {number}, {notebook}: {type(e).__name__}: {e}")
    if page is not None:
        try:
            await page.leave(cookies)
        except Exception as e:
            run.errors.append(f"deltager {number}, forlader siden: {e}")
    client.close()


async def sign_in(page: PageSession, name: str, workshop: str) -> str:
    page.set(page.find("TextModel", "Dit navn"), value=name)
    page.set(page.find("TextModel", "Dit jobcenter"), value="Jobcenter Bench")
    page.set(page.find("TextModel", "Workshop"), value=workshop)
    page.click(page.find("ButtonModel", "Start min logbog"))
    found = []

    def signed_in():
        for state in page.states.values():
            match = LOGBOG.search(str(state.get("value", "")))
            if match:
                found.append(match.group(1))
                return True
        return False

    await page._wait(signed_in, 120)
    return found[0]


async def sample(server: Server, run: Run, stop: asyncio.Event, started: float) -> None:
    while not stop.is_set():
        pids = server.kernels()
        run.samples.append(
            {
                "t": round(time.monotonic() - started, 1),
                "kernels": len(pids),
                "kernel_mib": round(sum(rss_mib(p) for p in pids), 1),
                # The server and all its kernels, ended ones included: the CPU the day costs.
                "server_cpu_s": round(server.cpu_s(), 1),
            }
        )
        if len(run.samples) % 15 == 0:
            last = run.samples[-1]
            print(
                f"    {last['t']:6.0f} s: {last['kernels']} kerner, {last['kernel_mib']:.0f} MiB",
                flush=True,
            )
            print_stuck(run)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


async def facilitator_and_probe(
    server: Server,
    run: Run,
    workshop_name: str,
    waves: list[asyncio.Barrier],
    ready: asyncio.Event,
    args,
) -> None:
    """The facilitator's dashboard in Chromium, live on the workshop, and one participant
    walking the pages in Chromium (time to the page's last widget visible)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await launch_chromium(p)
        board = await (
            await browser.new_context(viewport={"width": 1920, "height": 1080})
        ).new_page()
        await board.goto(f"{server.base}/voila/render/90_facilitator.ipynb", timeout=300_000)
        await board.get_by_label("Facilitatorkode").fill(FACILITATOR_CODE, timeout=300_000)
        await board.get_by_role("button", name="Lås op").click()
        choose = board.get_by_label("Vælg workshop")
        option = choose.locator("option", has_text=workshop_name)
        await option.wait_for(state="attached", timeout=120_000)
        await choose.select_option(label=await option.inner_text())
        ready.set()
        probe = await (
            await browser.new_context(viewport={"width": 1366, "height": 768})
        ).new_page()
        code = ""
        for index, notebook in enumerate(run.pages):
            await waves[index].wait()
            start = time.monotonic()
            query = f"?logbog={code}" if code else ""
            run.now_doing("Chromium-deltager", f"åbner {notebook}")
            try:
                await probe.goto(
                    f"{server.base}/voila/render/{notebook}{query}",
                    wait_until="commit",
                    timeout=300_000,
                )
                await probe.locator(".nk-nav").first.wait_for(timeout=300_000)
                run.probe.append(
                    {"page": notebook, "interactive_s": round(time.monotonic() - start, 2)}
                )
                run.now_doing("Chromium-deltager", "færdig")
            except Exception as e:
                run.errors.append(f"Chromium-deltager, {notebook}: {type(e).__name__}: {e}")
            if not code:
                code = WorkbookStore(server.folder).create("Probe Chromium", "Jobcenter Bench").id
            await asyncio.sleep(args.think)
        await probe.goto("about:blank")
        await board.goto("about:blank")
        await browser.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return (
        ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")
    )


async def day(n: int, args) -> dict:
    pages = args.pages or [s.notebook for s in course().programme.tracks[0].sessions if s.notebook]
    with tempfile.TemporaryDirectory(prefix="bench-dag-") as tmp:
        folder = Path(tmp) / "logbog"
        folder.mkdir()
        workshop = RoomStore(folder).create_workshop(f"Benchmark {n}", "2026-11-28")
        RESULTS.mkdir(parents=True, exist_ok=True)
        log = RESULTS / f"voila-dag-{n}.log"
        server = Server(folder, facilitator_code=FACILITATOR_CODE, log=log)
        print(f"Serverens log: {log}")
        run = Run(pages=pages)
        run.waves = [{"page": p, "tti": [], "started": 0.0} for p in pages]
        stop = asyncio.Event()
        started = time.monotonic()
        sampler = asyncio.ensure_future(sample(server, run, stop, started))
        extra = 0 if args.no_browser else 1
        waves = [asyncio.Barrier(n + extra) for _ in pages]
        try:
            tasks = [
                asyncio.ensure_future(participant(i + 1, server, run, workshop.code, waves, args))
                for i in range(n)
            ]
            if not args.no_browser:
                ready = asyncio.Event()
                tasks.append(
                    asyncio.ensure_future(
                        facilitator_and_probe(server, run, workshop.name, waves, ready, args)
                    )
                )
            print(
                f"\n{n} deltagere, {len(pages)} sider"
                + ("" if args.no_browser else ", kursuslederens skærm og en deltager i Chromium")
                + ":",
                flush=True,
            )
            await asyncio.gather(*tasks)
            await asyncio.sleep(3)  # let the last shutdown beacons land
        finally:
            stop.set()
            await sampler
            server.stop()
        saved, shared_saved = verify(folder, workshop.code, run)
    return summarise(n, run, saved, shared_saved)


def print_stuck(run: Run, after: float = 30) -> None:
    """Who has been at the same step for more than ``after`` seconds (a hang's whereabouts)."""
    for who, doing in sorted(run.doing.items()):
        what, since = doing if isinstance(doing, tuple) else doing.phase
        waited = time.monotonic() - since
        if waited > after and what not in ("færdig", "fejl"):
            print(f"      {who}: {what} i {waited:.0f} s", flush=True)


def print_wave(run: Run, index: int) -> None:
    wave = run.waves[index]
    t = wave["tti"]
    last = run.samples[-1] if run.samples else {"kernels": 0, "kernel_mib": 0}
    print(
        f"  {wave['page']:48} tid til interaktiv: median {statistics.median(t):5.2f} s, "
        f"p95 {percentile(t, 0.95):5.2f} s, max {max(t):5.2f} s ({len(t)} sider); "
        f"kerner nu {last['kernels']}, {last['kernel_mib']:.0f} MiB",
        flush=True,
    )


def verify(folder: Path, workshop: str, run: Run) -> tuple[int, int]:
    store, room = WorkbookStore(folder), RoomStore(folder)
    saved = shared_saved = 0
    for workbook_id, exercise, text, shared in run.typed:
        answer = store.open(workbook_id).answer(exercise)
        if text in json.dumps(answer, ensure_ascii=False):
            saved += 1
        if shared and any(
            text in json.dumps(a.value, ensure_ascii=False)
            for a in room.answers(workshop, exercise)
        ):
            shared_saved += 1
    return saved, shared_saved


def summarise(n: int, run: Run, saved: int, shared_saved: int) -> dict:
    every = [t for w in run.waves for t in w["tti"]]
    typed_shared = sum(1 for *_, shared in run.typed if shared)
    result = {
        "participants": n,
        "pages": run.pages,
        "tti_median_s": round(statistics.median(every), 2) if every else None,
        "tti_p95_s": round(percentile(every, 0.95), 2) if every else None,
        "tti_max_s": round(max(every), 2) if every else None,
        "per_page": [
            {
                "page": w["page"],
                "median_s": round(statistics.median(w["tti"]), 2),
                "p95_s": round(percentile(w["tti"], 0.95), 2),
                "max_s": round(max(w["tti"]), 2),
            }
            for w in run.waves
            if w["tti"]
        ],
        "server_cpu_s": run.samples[-1]["server_cpu_s"] if run.samples else None,
        "max_kernels": max((s["kernels"] for s in run.samples), default=0),
        "max_kernel_mib": max((s["kernel_mib"] for s in run.samples), default=0),
        "kernels_at_end": run.samples[-1]["kernels"] if run.samples else None,
        "typed": len(run.typed),
        "saved": saved,
        "typed_shared": typed_shared,
        "shared_saved": shared_saved,
        "errors": run.errors,
        "probe": run.probe,
        "series": run.samples,
    }
    return result


def _s(value) -> str:
    return "–" if value is None else f"{value:.2f}"


def print_table(results: list[dict]) -> None:
    print(
        "\ndeltagere  tid til interaktiv (median / p95 / max)  kerner (max / ved slut)  "
        "kernehukommelse max  svar skrevet / gemt  delte svar skrevet / i rummet  fejl"
    )
    for r in results:
        print(
            f"{r['participants']:>9}  {_s(r['tti_median_s']):>6} / {_s(r['tti_p95_s']):>6} / "
            f"{_s(r['tti_max_s']):>6} s           {r['max_kernels']:>4} / {r['kernels_at_end']:<4}"
            f"              {r['max_kernel_mib']:>7.0f} MiB      {r['typed']:>4} / {r['saved']:<4}"
            f"           {r['typed_shared']:>4} / {r['shared_saved']:<4}            "
            f"{len(r['errors'])}"
        )
        print(f"           serverens og kernernes CPU i alt: {_s(r['server_cpu_s'])} s")
        if r["probe"]:
            probe = ", ".join(f"{p['page'][:2]}: {p['interactive_s']} s" for p in r["probe"])
            print(f"           Chromium-deltager (sidste widget synlig): {probe}")
        for error in r["errors"][:10]:
            print(f"           fejl: {error}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, nargs="+", default=[40])
    parser.add_argument(
        "--think",
        type=float,
        default=5.0,
        help="seconds each participant stays on a page after answering",
    )
    parser.add_argument(
        "--jitter",
        type=float,
        default=3.0,
        help="participants change page within this many seconds of each other",
    )
    parser.add_argument("--pages", nargs="*", help="notebooks in order (default: the course day)")
    parser.add_argument(
        "--no-browser", action="store_true", help="no facilitator page and no Chromium probe"
    )
    args = parser.parse_args(argv)
    results = []
    for n in args.participants:
        args.n = n
        result = asyncio.run(day(n, args))
        results.append(result)
        for wave in result["per_page"]:
            print(
                f"  {wave['page']:48} median {wave['median_s']:5.2f} s, p95 {wave['p95_s']:5.2f} s,"
                f" max {wave['max_s']:5.2f} s"
            )
    print_table(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"day-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nSerierne står i {path}")
    return 0 if all(r["saved"] == r["typed"] and not r["errors"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
