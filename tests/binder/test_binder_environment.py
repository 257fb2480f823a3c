"""Binder's environment is complete: built from binder/ alone, it runs every notebook.

The kernel runs in a fresh virtual environment made only from binder/requirements.txt and
binder/postBuild; papermill (a test tool) drives it from outside, so nothing from the test
extra can hide a missing runtime dependency.
"""

import json
import os
import socket
import subprocess
import time
import urllib.request
import venv

import papermill
import pytest

from course.content import load_course
from course.workbook import WorkbookStore
from tests.conftest import ROOT

PROGRAMME = load_course().programme
NOTEBOOKS = sorted(ROOT / "notebooks" / s.notebook for s in PROGRAMME.sessions() if s.notebook)
FACILITATOR = sorted(ROOT / "notebooks" / s.notebook for s in PROGRAMME.facilitator)


@pytest.fixture(scope="module")
def binder_kernel(tmp_path_factory):
    base = tmp_path_factory.mktemp("binder")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    run = lambda *cmd: subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True)  # noqa: E731
    run(str(python), "-m", "pip", "install", "--quiet", "-r", "binder/requirements.txt")
    subprocess.run(
        ["bash", "binder/postBuild"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env=dict(os.environ, PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}"),
    )
    kernels = base / "share" / "jupyter" / "kernels" / "binder"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "Binder",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(base / "share" / "jupyter")
    yield python
    if old is None:
        os.environ.pop("JUPYTER_PATH")
    else:
        os.environ["JUPYTER_PATH"] = old


def test_the_binder_environment_is_pinned_and_has_no_test_tools(binder_kernel):
    lines = [
        line
        for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines and all("==" in line for line in lines), "every requirement pinned"
    out = subprocess.run(
        [str(binder_kernel), "-m", "pip", "list", "--format=json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    installed = {p["name"].lower() for p in json.loads(out)}
    assert {
        "voila",
        "ipywidgets",
        "jupyterlab",
        "python-docx",
        "sqlalchemy",
        "noeglepersonkursus",
    } <= installed
    assert not {"pytest", "papermill", "playwright", "nbval"} & installed
    # The course imports in Binder's Python, without the test's own packages.
    subprocess.run(
        [str(binder_kernel), "-c", "import course, widgets, voila, docx"], check=True, cwd="/"
    )


def test_papermill_uses_the_binder_kernel_and_no_other(binder_kernel, tmp_path):
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("binder")
    assert spec.argv[0] == str(binder_kernel)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_notebook_runs_in_the_binder_environment(binder_kernel, path, tmp_path):
    papermill.execute_notebook(
        str(path),
        str(tmp_path / path.name),
        cwd=str(ROOT / "notebooks"),
        kernel_name="binder",
        progress_bar=False,
        parameters={
            "participant": "Binder Bruger",
            "job_centre": "Jobcenter Binder",
            "workbook_folder": str(tmp_path / "logbog"),
        },
    )
    [file] = (tmp_path / "logbog").glob("*.json")
    assert WorkbookStore(tmp_path / "logbog").open(file.stem).name == "Binder Bruger"
    executed = json.loads((tmp_path / path.name).read_text(encoding="utf-8"))
    assert executed["metadata"]["papermill"]["parameters"]["participant"] == "Binder Bruger"


@pytest.mark.parametrize("path", FACILITATOR, ids=lambda p: p.name)
def test_the_facilitator_page_opens_in_the_binder_environment(
    binder_kernel, path, tmp_path, monkeypatch
):
    # Opened with the code, the page uses the room's database (SQLAlchemy) in Binder's Python.
    monkeypatch.setenv("NOEGLEPERSONKURSUS_FACILITATORKODE", "K7M4QXPR2D")
    papermill.execute_notebook(
        str(path),
        str(tmp_path / path.name),
        cwd=str(ROOT / "notebooks"),
        kernel_name="binder",
        progress_bar=False,
        parameters={"facilitator_code": "K7M4QXPR2D", "workbook_folder": str(tmp_path / "logbog")},
    )
    assert (tmp_path / "logbog" / "rum.sqlite3").exists()
    executed = (tmp_path / path.name).read_text(encoding="utf-8")
    assert "Timer til gruppearbejde" in executed


def test_binder_serves_the_course_template_and_settings_as_make_serve_does(binder_kernel, tmp_path):
    """On Binder, Voilà runs inside Jupyter server, started through binder/start."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, HOME=str(tmp_path), NOEGLEPERSONKURSUS_LOGBOG=str(tmp_path / "logbog"))
    env.pop("JUPYTER_PATH", None)  # the test's own kernel folder is not Binder's
    server = subprocess.Popen(
        [
            "binder/start",
            str(binder_kernel),
            "-m",
            "jupyter_server",
            "--no-browser",
            f"--ServerApp.port={port}",
            "--ServerApp.ip=127.0.0.1",
            "--IdentityProvider.token=",
            f"--ServerApp.root_dir={ROOT}",
            "--allow-root",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/voila/render/notebooks/00_velkommen.ipynb?template=classic"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=60) as response:
                    html = response.read().decode("utf-8")
                    cookies = response.headers.get_all("Set-Cookie") or []
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "no Jupyter server"
                time.sleep(0.5)  # poll until the server accepts connections
    finally:
        server.terminate()
        server.wait(30)
    assert '<html lang="da">' in html
    assert "<title>Velkommen – Nøglepersonkursus</title>" in html
    assert "Siden gøres klar" in html and "cdn.jsdelivr.net" not in html
    assert any(c.startswith("_xsrf=") for c in cookies)
