"""Benchmark of the served course (not a test): run `.venv/bin/python bench/bench.py`.

Starts Voilà as `make serve` does over the course's notebooks plus an empty reference
notebook (one ipywidgets label), and measures in one run:

- per page: time from request to the page's last widget visible in headless Chromium (median
  of --runs), and the kernel's memory (RSS) after render, each also as a ratio to the empty
  reference measured in the same run;
- N simultaneous opens of one page (--crowd, default 10, 20 and 40), as the browser's front
  end opens a page (bench/client.py: the page request, the kernel's web socket, the widget
  state): the time until every page is interactive, the kernels' memory and the CPU time of
  the server and its kernels.

Preheated kernels are not measured: Voilà does not combine them with the prelaunch hook the
course needs (course/voila_hooks.py). The table is printed and written to bench/results/
(ignored by git) as CSV and JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from client import ROOT, PageSession, Server, rss_mib  # bench/ is on the path

from course.serve import launch_chromium  # the repository is on the path: client put it there

RESULTS = ROOT / "bench" / "results"
REFERENCE = "zz_tom_reference.ipynb"


def reference_notebook() -> dict:
    """The empty reference: a kernel that shows one ipywidgets label."""
    import nbformat

    cell = nbformat.v4.new_code_cell(
        'import ipywidgets\nipywidgets.Label("Tom side").add_class("nk-reference")'
    )
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.v4.new_notebook(cells=[cell], metadata={"kernelspec": kernel})


def ready_selector(name: str) -> str:
    # Participant pages end with their navigation; the course leader's page opens on its
    # lock; the reference has its one label.
    if name == REFERENCE:
        return ".nk-reference"
    return ".nk-lock input[type=password]" if name.startswith("9") else ".nk-nav"


def measure_pages(browser, server: Server, names: list[str], runs: int) -> dict:
    """Each page ``runs`` times, the pages taken in turn in each round (so a slow moment of the
    machine falls on all pages alike), after one untimed load that warms the server up."""

    def load(name: str) -> tuple[float, list[float]]:
        before = set(server.kernels())
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(server.url(name))
        page.locator(ready_selector(name)).first.wait_for(state="visible", timeout=120_000)
        elapsed = time.perf_counter() - start
        memory = [rss_mib(p) for p in server.kernels() if p not in before][:1]
        page.goto("about:blank")  # leave the page, as a participant does: its kernel ends
        page.close()
        deadline = time.monotonic() + 10  # the next page is timed alone, not beside a shutdown
        while set(server.kernels()) - before and time.monotonic() < deadline:
            time.sleep(0.1)
        return elapsed, memory

    load(names[0])
    times = {name: [] for name in names}
    memory = {name: [] for name in names}
    for _ in range(runs):
        for name in names:
            elapsed, rss = load(name)
            times[name].append(elapsed)
            memory[name] += rss
    rows = {}
    for name in names:
        rows[name] = {
            "interactive_s": statistics.median(times[name]),
            "kernel_rss_mib": statistics.median(memory[name]) if memory[name] else float("nan"),
        }
        print(
            f"  {name}: {rows[name]['interactive_s']:.2f} s, "
            f"{rows[name]['kernel_rss_mib']:.0f} MiB",
            flush=True,
        )
    return rows


async def open_crowd(server: Server, name: str, n: int) -> dict:
    """``n`` participants open the page at the same moment; each counts as interactive when
    the page's widgets have reached it over the kernel's web socket."""
    from tornado.httpclient import AsyncHTTPClient

    client = AsyncHTTPClient(max_clients=n)
    cpu_before = server.cpu_s()
    start = time.perf_counter()

    errors = []

    async def one():
        page = PageSession(client, server, name)
        try:
            await page.open({})
        except Exception as e:  # counted as not interactive, and said why
            errors.append(f"{type(e).__name__}: {e} ({page.phase[0]})")
            return float("inf")
        return time.perf_counter() - start

    times = await asyncio.gather(*(one() for _ in range(n)))
    for error in errors:
        print(f"    ikke interaktiv: {error}", flush=True)
    elapsed = max(times)
    pids = server.kernels()
    done = [t for t in times if t != float("inf")]
    return {
        "n": n,
        "page": name,
        "all_interactive_s": elapsed,
        "interactive": len(done),
        "median_s": statistics.median(done) if done else float("nan"),
        "kernels": len(pids),
        "total_kernel_mib": sum(rss_mib(p) for p in pids),
        "cpu_s": server.cpu_s() - cpu_before,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--crowd", type=int, nargs="*", default=[10, 20, 40])
    parser.add_argument("--crowd-page", default="02_laeringskultur_og_laeringsprocesser.ipynb")
    parser.add_argument("--pages", nargs="*", help="only these notebooks (default: all)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    notebooks = sorted(
        p.name
        for p in (ROOT / "notebooks").glob("*.ipynb")
        if not args.pages or p.name in args.pages
    )
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        served = Path(tmp) / "notebooks"
        served.mkdir()
        for name in (ROOT / "notebooks").glob("*.ipynb"):
            shutil.copy(name, served / name.name)
        import nbformat

        nbformat.write(reference_notebook(), served / REFERENCE)
        result = {"runs": args.runs, "pages": {}, "crowd": []}
        server = Server(Path(tmp) / "logbog", served)
        try:
            with sync_playwright() as p:
                browser = launch_chromium(p)
                print("Sider i Chromium (median):", flush=True)
                result["pages"] = measure_pages(browser, server, [REFERENCE, *notebooks], args.runs)
                browser.close()
        finally:
            server.stop()
        for n in args.crowd:
            server = Server(Path(tmp) / "logbog", served)
            try:
                print(f"{n} åbner {args.crowd_page} samtidig …", flush=True)
                row = asyncio.run(open_crowd(server, args.crowd_page, n))
                print(
                    f"  alle interaktive efter {row['all_interactive_s']:.1f} s "
                    f"({row['interactive']}/{n}; median {row['median_s']:.1f} s), "
                    f"{row['kernels']} kerner, {row['total_kernel_mib']:.0f} MiB, "
                    f"{row['cpu_s']:.1f} CPU-s",
                    flush=True,
                )
                result["crowd"].append(row)
            finally:
                server.stop()
    report(result)
    return 0


def report(result: dict) -> None:
    ref = result["pages"][REFERENCE]
    rows = [
        {
            "page": name,
            "interactive_s": round(row["interactive_s"], 2),
            "ratio_interactive": round(row["interactive_s"] / ref["interactive_s"], 2),
            "kernel_rss_mib": round(row["kernel_rss_mib"], 1),
            "ratio_rss": round(row["kernel_rss_mib"] / ref["kernel_rss_mib"], 2),
        }
        for name, row in result["pages"].items()
    ]
    header = list(rows[0])
    widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in header]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for r in rows:
        print("  ".join(str(r[h]).ljust(w) for h, w in zip(header, widths)))
    print()
    for c in result["crowd"]:
        print(
            f"{c['n']:>3} samtidige åbninger af {c['page']}: {c['interactive']}/{c['n']} "
            f"interaktive, alle efter {c['all_interactive_s']:.1f} s (median "
            f"{c['median_s']:.1f} s); {c['kernels']} kerner, {c['total_kernel_mib']:.0f} MiB; "
            f"{c['cpu_s']:.1f} CPU-sekunder"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    with open(RESULTS / f"bench-{stamp}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    (RESULTS / f"bench-{stamp}.json").write_text(
        json.dumps({"pages": rows, "crowd": result["crowd"], "raw": result}, indent=2),
        encoding="utf-8",
    )
    print(f"\nResultater i {RESULTS}/bench-{stamp}.csv og .json")


if __name__ == "__main__":
    sys.exit(main())
