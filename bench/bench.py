"""Benchmark of the served course (not a test): run `.venv/bin/python bench/bench.py`.

Starts Voilà as `make serve` does (course.serve.command and voila_environment) over the course's
notebooks plus an empty reference notebook, and measures in one run:

- per page: time from request to the last widget visible in headless Chromium (median of
  --runs), the kernel's memory (RSS) after render, and the server-side render time (time to
  the whole HTML response, median);
- N simultaneous page opens (server-side requests): time until all are rendered, and the
  total memory of the kernels they started;
- the same page timings with the production setting of preheated kernels (--preheat).

Each figure is also given as a ratio to the empty reference measured in the same run. The
table is printed and written to bench/results/ (ignored by git) as CSV and JSON.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.serve import command, voila_environment  # noqa: E402

RESULTS = ROOT / "bench" / "results"
REFERENCE = "zz_tom_reference.ipynb"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def reference_notebook() -> dict:
    """The empty reference: a kernel that shows one ipywidgets label."""
    import nbformat

    cell = nbformat.v4.new_code_cell(
        'import ipywidgets\nipywidgets.Label("Tom side").add_class("nk-reference")'
    )
    return nbformat.v4.new_notebook(
        cells=[cell],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
        },
    )


def ready_selector(name: str) -> str:
    # Participant pages end with their navigation; the facilitator page opens on its lock;
    # the reference has its one label.
    if name == REFERENCE:
        return ".nk-reference"
    return ".nk-lock input[type=password]" if name.startswith("9") else ".nk-nav"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kernel_pids(server_pid: int) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            status = (proc / "status").read_text()
            cmdline = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        ppid = int(
            next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
        )
        if ppid == server_pid and "ipykernel" in cmdline:
            pids.append(int(proc.name))
    return sorted(pids)


def rss_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
    return kb / 1024


class Server:
    def __init__(self, notebook_dir: Path, workbooks: Path, extra: tuple[str, ...] = ()):
        self.port = free_port()
        env = voila_environment(dict(os.environ, NOEGLEPERSONKURSUS_LOGBOG=str(workbooks)))
        self.process = subprocess.Popen(
            command("127.0.0.1", self.port, notebook_dir, extra),
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("Voilà did not start") from None
                time.sleep(0.2)  # poll until the server accepts connections

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{name}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(60)


def render_server_side(url: str, timeout: float = 300) -> float:
    """Seconds until the whole page has rendered on the server; inf if it did not in time."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
    except OSError:
        return float("inf")
    return time.perf_counter() - start


def measure_pages(browser, server: Server, names: list[str], runs: int, pause: float = 0.0) -> dict:
    """Median figures per page. With a preheated pool, ``pause`` lets the pool refill between
    opens (participants arriving a few seconds apart) and server-side renders are skipped,
    since each would take a pooled kernel."""
    rows = {}
    for name in names:
        times, server_times, memory = [], [], []
        for _ in range(runs):
            before = set(kernel_pids(server.process.pid))
            page = browser.new_page()
            start = time.perf_counter()
            page.goto(server.url(name))
            page.locator(ready_selector(name)).first.wait_for(state="visible", timeout=120_000)
            times.append(time.perf_counter() - start)
            new = [p for p in kernel_pids(server.process.pid) if p not in before]
            memory += [rss_mib(p) for p in new[:1]]
            page.close()
            if pause:
                time.sleep(pause)
            else:
                server_times.append(render_server_side(server.url(name)))
        rows[name] = {
            "interactive_s": statistics.median(times),
            "kernel_rss_mib": statistics.median(memory) if memory else float("nan"),
            "server_render_s": statistics.median(server_times) if server_times else float("nan"),
        }
        print(
            f"  {name}: {rows[name]['interactive_s']:.2f} s, "
            f"{rows[name]['kernel_rss_mib']:.0f} MiB",
            flush=True,
        )
    return rows


def measure_crowd(server: Server, name: str, n: int) -> dict:
    before = set(kernel_pids(server.process.pid))
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=n) as pool:
        times = list(
            pool.map(lambda url: render_server_side(url, timeout=120), [server.url(name)] * n)
        )
    elapsed = time.perf_counter() - start
    new = [p for p in kernel_pids(server.process.pid) if p not in before]
    done = [t for t in times if t != float("inf")]
    row = {
        "n": n,
        "all_rendered_s": elapsed,
        "rendered": len(done),
        "median_page_s": statistics.median(done) if done else float("nan"),
        "kernels": len(new),
        "total_kernel_mib": sum(rss_mib(p) for p in new),
    }
    print(
        f"  {n} opens: {len(done)}/{n} rendered, all done after {elapsed:.1f} s "
        f"(median {row['median_page_s']:.1f} s), {len(new)} kernels, "
        f"{row['total_kernel_mib']:.0f} MiB",
        flush=True,
    )
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--crowd", type=int, nargs="*", default=[10, 20, 40])
    parser.add_argument(
        "--pool-size",
        type=int,
        default=3,
        help="preheated kernels per notebook; 0 skips the preheated measurement",
    )
    parser.add_argument("--runs-only-crowd", action="store_true", help="measure only the crowds")
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
        for name in notebooks:
            shutil.copy(ROOT / "notebooks" / name, served / name)
        import nbformat

        nbformat.write(reference_notebook(), served / REFERENCE)
        names = [REFERENCE, *notebooks]
        result = {"runs": args.runs, "pages": {}, "preheated": {}, "crowd": []}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            print("Cold kernels (as `make serve`):", flush=True)
            server = Server(served, Path(tmp) / "logbog")
            try:
                result["pages"] = measure_pages(
                    browser, server, [REFERENCE] if args.runs_only_crowd else names, args.runs
                )
            finally:
                server.stop()
            if args.pool_size == 0:
                browser.close()
                names = []
            else:
                print(f"Preheated kernels (pool of {args.pool_size}):", flush=True)
                preheat = ("--preheat_kernel=True", f"--pool_size={args.pool_size}")
                server = Server(served, Path(tmp) / "logbog", preheat)
                try:
                    time.sleep(10)  # let the pools fill before measuring, as on a real server
                    result["preheated"] = measure_pages(
                        browser, server, names, args.runs, pause=4.0
                    )
                finally:
                    server.stop()
                browser.close()
        crowd_page = notebooks[min(1, len(notebooks) - 1)]
        for n in args.crowd:
            server = Server(served, Path(tmp) / "logbog")
            try:
                print(f"{n} simultaneous opens of {crowd_page} …", flush=True)
                result["crowd"].append({"page": crowd_page, **measure_crowd(server, crowd_page, n)})
            finally:
                server.stop()
    report(result)
    return 0


def report(result: dict) -> None:
    ref = result["pages"][REFERENCE]
    rows = []
    for name, cold in result["pages"].items():
        hot = result["preheated"].get(name, {})
        rows.append(
            {
                "page": name,
                "interactive_s": round(cold["interactive_s"], 2),
                "ratio_interactive": round(cold["interactive_s"] / ref["interactive_s"], 2),
                "kernel_rss_mib": round(cold["kernel_rss_mib"], 1),
                "ratio_rss": round(cold["kernel_rss_mib"] / ref["kernel_rss_mib"], 2),
                "server_render_s": round(cold["server_render_s"], 2),
                "ratio_render": round(cold["server_render_s"] / ref["server_render_s"], 2),
                "preheated_interactive_s": round(hot.get("interactive_s", float("nan")), 2),
                "preheated_vs_cold_reference": round(
                    hot.get("interactive_s", float("nan")) / ref["interactive_s"], 2
                ),
            }
        )
    header = list(rows[0])
    widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in header]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
    for r in rows:
        print("  ".join(str(r[h]).ljust(w) for h, w in zip(header, widths)))
    print()
    for c in result["crowd"]:
        print(
            f"{c['n']:>3} simultaneous opens of {c['page']}: {c['rendered']}/{c['n']} rendered, "
            f"done after {c['all_rendered_s']:.1f} s; "
            f"{c['kernels']} kernels, {c['total_kernel_mib']:.0f} MiB in total "
            f"({c['total_kernel_mib'] / max(1, c['kernels']) / ref['kernel_rss_mib']:.2f}× "
            "reference per kernel)"
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
    print(f"\nResults in {RESULTS}/bench-{stamp}.csv and .json")


if __name__ == "__main__":
    sys.exit(main())
