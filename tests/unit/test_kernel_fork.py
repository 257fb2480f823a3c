"""Page kernels forked from the warm fork server (course.kernel_fork), as Voilà starts them."""

import os
import signal
import time

import pytest
from jupyter_client import AsyncKernelManager

from course import kernel_fork
from course.serve import voila_environment
from tests.conftest import run_async

PROBE = (
    f"import os, sys, comm; ROOT = {str(kernel_fork.ROOT)!r}\n"
    "print(os.getppid(), os.getcwd(), os.environ.get('NK_PROBE'), sys.path[0] != ROOT,"
    " 'jupyter.widget.control' in comm.get_comm_manager().targets)"
)


@pytest.fixture
def course_kernelspec(monkeypatch):
    """The served course's kernelspec (share/jupyter), and a fork server of this test's own."""
    for name, value in voila_environment({}).items():
        monkeypatch.setenv(name, value)
    forker = kernel_fork.Forker()
    monkeypatch.setattr(kernel_fork, "FORKER", forker)
    yield forker
    if forker.server is not None:
        forker.server.process.stdin.close()  # as when the Voilà server ends
        forker.server.process.wait(10)


async def start(tmp_path, env=None):
    km = AsyncKernelManager(kernel_name="python3")
    await km.start_kernel(cwd=str(tmp_path), env={**os.environ, **(env or {})})
    kc = km.client()
    kc.start_channels()
    await kc.wait_for_ready(timeout=30)
    return km, kc


async def execute(kc, code: str) -> str:
    out = []
    reply = await kc.execute_interactive(
        code, output_hook=lambda m: out.append(m["content"].get("text", "")), timeout=30
    )
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out).strip()


async def stop(km, kc):
    kc.stop_channels()
    await km.shutdown_kernel(now=True)


def gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_a_page_kernel_is_a_fork_of_the_warm_server_with_its_own_folder_and_environment(
    course_kernelspec, tmp_path
):
    async def go():
        km, kc = await start(tmp_path, {"NK_PROBE": "side-02"})
        try:
            assert isinstance(km.provisioner, kernel_fork.ForkProvisioner)
            ppid, cwd, probe, path_ok, widgets_ok = (await execute(kc, PROBE)).split()
            # The widgets' comm targets are there although ipywidgets was imported before.
            assert (cwd, probe, path_ok, widgets_ok) == (str(tmp_path), "side-02", "True", "True")
            server = course_kernelspec.server
            assert int(ppid) == server.process.pid
            # It shows as a kernel, and as one of the Voilà server's (here: this process's).
            kernels = kernel_fork.kernel_processes(os.getpid())
            assert km.provisioner.pid in kernels
            assert km.connection_file.encode() in kernels[km.provisioner.pid]
            pid = km.provisioner.pid
        finally:
            await stop(km, kc)
        assert gone(pid)
        assert server.running()

    run_async(go())


def test_two_kernels_do_not_share_state_or_random_numbers(course_kernelspec, tmp_path):
    async def go():
        (km1, kc1), (km2, kc2) = await start(tmp_path), await start(tmp_path)
        try:
            await execute(kc1, "import widgets; widgets.MARK = 1")
            assert await execute(kc2, "import widgets; print(hasattr(widgets, 'MARK'))") == "False"
            draw = "import random; print(random.random())"
            assert await execute(kc1, draw) != await execute(kc2, draw)
        finally:
            await stop(km1, kc1)
            await stop(km2, kc2)

    run_async(go())


def test_without_a_fork_server_the_kernel_starts_the_usual_way(
    course_kernelspec, tmp_path, monkeypatch
):
    async def broken(*args):
        raise OSError("no fork server here")

    monkeypatch.setattr(course_kernelspec, "spawn", broken)

    async def go():
        km, kc = await start(tmp_path)
        try:
            ppid = (await execute(kc, "import os; print(os.getppid())")).split()[0]
            assert int(ppid) == os.getpid()  # a child of the server, as without the shortcut
        finally:
            await stop(km, kc)

    run_async(go())


def test_changed_code_gets_a_new_fork_server_and_the_old_one_ends_with_its_last_kernel(
    course_kernelspec, tmp_path, monkeypatch
):
    async def go():
        km1, kc1 = await start(tmp_path)
        old = course_kernelspec.server
        monkeypatch.setattr(kernel_fork, "code_signature", lambda: ("changed",))
        km2, kc2 = await start(tmp_path)
        new = course_kernelspec.server
        assert new is not old and new.running()
        assert await execute(kc1, "print(1)") == "1"  # the open page keeps its kernel
        assert old.running()
        await stop(km1, kc1)
        old.process.wait(15)  # retired: it ends once its last kernel has
        assert int(await execute(kc2, "import os; print(os.getppid())")) == new.process.pid
        await stop(km2, kc2)

    run_async(go())


def test_when_the_voila_server_ends_no_kernel_outlives_it(course_kernelspec, tmp_path):
    async def go():
        km, kc = await start(tmp_path)
        pid = km.provisioner.pid
        kc.stop_channels()
        return pid

    pid = run_async(go())
    server = course_kernelspec.server
    server.process.stdin.close()
    server.process.wait(10)
    assert gone(pid)
    assert kernel_fork.ForkedProcess(pid).poll() is not None


def test_a_forked_process_is_not_mistaken_for_a_later_one_with_the_same_pid(monkeypatch):
    process = kernel_fork.ForkedProcess(os.getpid())
    assert process.poll() is None
    monkeypatch.setattr(process, "started", "another start time")
    assert process.poll() == 0
    with pytest.raises(ProcessLookupError):
        os.kill(2**22 + 1, signal.SIG_DFL)  # (a pid that does not exist, for the next line)
    assert kernel_fork.ForkedProcess(2**22 + 1).poll() == 0
