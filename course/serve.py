"""Serve the course with Voilà: ``python -m course.serve [--host H] [--port P]``.

The repository root is laid out as a Jupyter prefix: ``etc/jupyter/voila.py`` holds the
production settings and ``share/jupyter/voila/templates/kursus`` the course's page template.
``server_environment`` points Voilà at both; `make serve`, the tests, the benchmark and Binder
(``binder/start``) all serve the course that way. The server-side hooks named
in ``voila.py`` are in ``course.voila_hooks``.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from pathlib import Path

from course.join import ENV_PUBLIC_URL, AddressError, serve_base, start_page_url
from course.room import ENV_FACILITATOR, new_facilitator_code

ROOT = Path(__file__).resolve().parent.parent
START_PAGE = "00_velkommen.ipynb"
FACILITATOR_PAGE = "90_facilitator.ipynb"
CONFIG_DIR = ROOT / "etc" / "jupyter"  # voila.py
DATA_DIR = ROOT / "share" / "jupyter"  # voila/templates/kursus


def command(
    host: str = "127.0.0.1",
    port: int = 8866,
    notebook_dir: Path | None = None,
    extra: tuple[str, ...] = (),
) -> list[str]:
    """The Voilà command line; run it with the repository root as working directory."""
    return [
        sys.executable,
        "-m",
        "voila",
        str(notebook_dir or ROOT / "notebooks"),
        "--no-browser",
        f"--Voila.ip={host}",
        f"--port={port}",
        "--Voila.port_retries=0",
        *extra,
    ]


def start_url(host: str, port: int) -> str:
    return f"http://{host}:{port}/voila/render/{START_PAGE}"


def facilitator_url(host: str, port: int) -> str:
    return f"http://{host}:{port}/voila/render/{FACILITATOR_PAGE}"


def voila_environment(environ) -> dict:
    """``environ`` with the course's Voilà settings and template found first."""
    env = dict(environ)
    for name, folder in (("JUPYTER_CONFIG_PATH", CONFIG_DIR), ("JUPYTER_PATH", DATA_DIR)):
        env[name] = os.pathsep.join([str(folder), *filter(None, [env.get(name)])])
    return env


def server_environment(environ) -> dict:
    """The server's environment, with a new facilitator code for this run when none is set."""
    env = voila_environment(environ)
    if not env.get(ENV_FACILITATOR, "").strip():
        env[ENV_FACILITATOR] = new_facilitator_code()
    return env


# --- the served course in headless Chromium and as processes (the tests and the benchmark) --

CHROMIUM = "/usr/bin/chromium"  # Debian's; a browser downloaded by Playwright cannot work here
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


def launch_chromium(playwright):
    """Headless Chromium from Playwright's sync API (from the async API: an awaitable of it)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def free_port() -> int:
    """A port on the loopback address that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Start Nøglepersonkurset i Voilà.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8866")))
    parser.add_argument(
        "--public-url",
        default=os.environ.get(ENV_PUBLIC_URL, ""),
        help="adressen, deltagerne når kurset på, fx http://10.0.0.5:8866 (til QR-koden)",
    )
    args = parser.parse_args(argv)
    env = server_environment(os.environ)
    try:
        public = serve_base(args.host, args.port, args.public_url)
    except AddressError as e:
        print(f"PUBLIC_URL kan ikke bruges: {e}", file=sys.stderr)
        return 2
    if public:
        env[ENV_PUBLIC_URL] = public
        reach = (
            f"Deltagerne åbner kurset på (QR-koden med workshopkoden står på kursuslederens "
            f"skærm):\n\n    {start_page_url(public)}\n\n"
        )
    else:
        env.pop(ENV_PUBLIC_URL, None)
        reach = (
            "Kurset kan kun åbnes på denne computer. Skal deltagerne være med fra deres egne "
            "computere og telefoner, så start med fx\n\n    make serve HOST=0.0.0.0 "
            "PUBLIC_URL=http://<computerens-adresse>:8866\n\n"
        )
    print(
        f"\nNøglepersonkurset starter. Åbn startsiden i en browser:\n\n    "
        f"{start_url(args.host, args.port)}\n\n"
        f"Kursuslederens skærm (workshops, rummets svar, timer og modeller):\n\n    "
        f"{facilitator_url(args.host, args.port)}\n    Facilitatorkode: {env[ENV_FACILITATOR]}\n\n"
        f"{reach}Stop serveren med Ctrl+C.\n",
        flush=True,
    )
    try:
        return subprocess.call(command(args.host, args.port), cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
