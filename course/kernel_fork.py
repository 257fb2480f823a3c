"""Page kernels forked from a warm process, so a room opening pages at once does not pay for
starting Python and importing ipykernel, ipywidgets and the course in every kernel.

Every page of the served course gets a fresh kernel. Started the usual way, each kernel spends
about 0.3 CPU-s on imports before the page's first line runs; on a 2-core server a room of
40 changing page at the same moment waits for 12 CPU-s of identical imports. Here one process,
the fork server (``python -m course.kernel_fork SOCKET``), imports all that once and forks
a child per kernel; the child becomes an ordinary ipykernel with the connection file,
environment and working folder that jupyter_client chose for it.

``ForkProvisioner`` (named in the course's kernelspec) is jupyter_client's local provisioner
with that launch; everything else (signals, kill, connection files, ports) is the local
provisioner's. When the fork server cannot be used, the kernel is started the usual way and
the reason is logged: a page never fails because of this shortcut. When the course's code
changes, a new fork server is started and the old one stops when its kernels have ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Any

from jupyter_client.provisioning import LocalProvisioner

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = "ipykernel_launcher"
MODULE = "course.kernel_fork"  # the fork server's command: python -m course.kernel_fork SOCKET
# Imported once in the fork server: what every page's kernel imports anyway.
PRELOAD = ("ipykernel.kernelapp", "ipywidgets", "widgets", "setproctitle")
log = logging.getLogger("noeglepersonkursus.kernel_fork")


def code_signature() -> tuple:
    """The course's Python files as (path, mtime, size): a changed file needs a new server."""
    files = sorted(p for pkg in ("course", "widgets") for p in (ROOT / pkg).rglob("*.py"))
    return tuple((str(p), s.st_mtime_ns, s.st_size) for p in files for s in [p.stat()])


def _processes() -> dict[int, tuple[int, bytes]]:
    """Every process now: its parent and its command line."""
    procs = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            status = (proc / "status").read_text()
            cmdline = (proc / "cmdline").read_bytes()
        except (OSError, NotADirectoryError):
            continue
        ppid = int(status.split("\nPPid:\t", 1)[1].split("\n", 1)[0])
        procs[int(proc.name)] = (ppid, cmdline)
    return procs


def fork_servers(server_pid: int, procs: dict | None = None) -> list[int]:
    """The fork servers of the Voilà server ``server_pid`` (a retired one may still run)."""
    procs = _processes() if procs is None else procs
    module = MODULE.encode()
    return [pid for pid, (ppid, cmd) in procs.items() if ppid == server_pid and module in cmd]


def kernel_processes(server_pid: int) -> dict[int, bytes]:
    """The page kernels of the Voilà server ``server_pid`` now, with their command lines:
    its children started the usual way and the children of its fork servers."""
    procs = _processes()
    parents = {server_pid, *fork_servers(server_pid, procs)}
    launcher = LAUNCHER.encode()
    return {pid: cmd for pid, (ppid, cmd) in procs.items() if ppid in parents and launcher in cmd}


# --- the fork server (its own process) -----------------------------------------------------


def _run_kernel(args: list[str], env: dict[str, str], cwd: str) -> None:
    """In the forked child: become the kernel that ``python -m ipykernel_launcher *args`` is."""
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel waits for its own children
        signal.signal(signal.SIGINT, signal.default_int_handler)
        os.setsid()  # its own process group, as jupyter_client starts kernels
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)  # not the fork server's pipe from the Voilà server
        os.close(devnull)
        import ipywidgets
        import setproctitle
        from ipykernel.kernelapp import IPKernelApp

        sys.argv = [sys.executable, "-m", LAUNCHER, *args]
        # ps, top and the tests see a kernel; before the environment changes, which it needs.
        setproctitle.setproctitle(" ".join(sys.argv))
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        # As ipykernel_launcher: the starting folder is not on the path (init_path adds '').
        if sys.path and sys.path[0] in ("", str(ROOT)):
            del sys.path[0]

        app = IPKernelApp.instance()
        # Its parent is the fork server (as a kernel's is the server that started it).
        app.initialize([*args, f"--IPKernelApp.parent_handle={os.getppid()}"])
        # Imported before there was a kernel, ipywidgets could not register its comm targets.
        ipywidgets.register_comm_target()
        app.start()
    except BaseException:  # the child must never return into the server loop
        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def _reap(*_) -> None:
    """Collect ended kernels at once (their CPU time then counts as this process's children's,
    as a kernel's counts as the Voilà server's when started the usual way)."""
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _handle(conn: socket.socket, listener: socket.socket, children: set[int]) -> bool:
    """One request: a kernel to fork, or ``retire``. Returns False when retiring."""
    with conn, conn.makefile("rwb") as stream:
        request = json.loads(stream.readline())
        if request.get("retire"):
            stream.write(b'{"ok": true}\n')
            return False
        pid = os.fork()
        if pid == 0:
            stream.close()
            conn.close()
            listener.close()
            _run_kernel(request["args"], request["env"], request["cwd"])
        children.add(pid)
        stream.write(json.dumps({"pid": pid}).encode() + b"\n")
    return True


def serve(path: str) -> None:
    """Accept requests on the Unix socket ``path`` until the Voilà server (stdin) goes away.

    Retired, it accepts nothing more and ends when its last kernel has. When the Voilà server
    ends, so do the kernels it did not stop itself (as kernels started the usual way do).
    """
    for name in PRELOAD:
        __import__(name)
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the Voilà server to handle
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(64)
    children: set[int] = set()
    accepting = True
    while True:
        watched = [sys.stdin] + ([listener] if accepting else [])
        ready, _, _ = select.select(watched, [], [], 5.0)
        children = {pid for pid in children if _alive(pid)}
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1024):
            for pid in children:  # the server is gone: no kernel may outlive it
                with contextlib.suppress(OSError):
                    os.killpg(pid, signal.SIGKILL)
            return
        if listener in ready:
            conn, _ = listener.accept()
            try:
                accepting = _handle(conn, listener, children)
            except Exception:  # a bad request must not stop the kernels of the whole room
                traceback.print_exc()
            if not accepting:
                listener.close()
                os.unlink(path)
        if not accepting and not children:
            return


# --- the Voilà server's side ---------------------------------------------------------------


class ForkServer:
    """One running fork server, started by the Voilà server on the first kernel."""

    def __init__(self, python: str, env: dict[str, str]):
        self.folder = tempfile.mkdtemp(prefix="nk-kernels-")  # 0700: only this user connects
        self.path = os.path.join(self.folder, "fork.sock")
        self.signature = code_signature()
        self.process = subprocess.Popen(
            [python, "-m", MODULE, self.path],
            stdin=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )

    def running(self) -> bool:
        return self.process.poll() is None

    async def request(self, message: dict, timeout: float) -> dict:
        reader, writer = await asyncio.wait_for(asyncio.open_unix_connection(self.path), timeout)
        try:
            writer.write(json.dumps(message).encode() + b"\n")
            await writer.drain()
            line = await asyncio.wait_for(reader.readline(), timeout)
        finally:
            writer.close()
        return json.loads(line)

    async def ready(self, timeout: float) -> None:
        """Wait until the server listens (it imports first: seconds on a busy machine)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not os.path.exists(self.path):
            if not self.running():
                raise RuntimeError(f"fork server ended with {self.process.returncode}")
            if loop.time() > deadline:
                raise TimeoutError("fork server did not start")
            await asyncio.sleep(0.05)

    async def retire(self) -> None:
        """Take no more kernels; the process ends with its last kernel."""
        try:
            await self.request({"retire": True}, timeout=5)
        except (TimeoutError, OSError, ValueError):
            log.warning("Den gamle kerne-server kunne ikke bedes om at stoppe", exc_info=True)


class Forker:
    """Hands kernel launches to the current fork server; one per Voilà server process."""

    start_timeout = 60.0  # a room's first wave may start the server on a loaded machine
    request_timeout = 30.0

    def __init__(self):
        self.server: ForkServer | None = None
        self.lock = asyncio.Lock()

    async def current(self, python: str) -> ForkServer:
        async with self.lock:
            server = self.server
            if server is None or not server.running() or server.signature != code_signature():
                if server is not None and server.running():
                    await server.retire()
                self.server = server = ForkServer(python, dict(os.environ))
            await server.ready(self.start_timeout)
            return server

    async def spawn(self, cmd: list[str], env: dict[str, str], cwd: str) -> int:
        server = await self.current(cmd[0])
        answer = await server.request(
            {"args": cmd[cmd.index(LAUNCHER) + 1 :], "env": env, "cwd": cwd},
            self.request_timeout,
        )
        return int(answer["pid"])


FORKER = Forker()


class ForkedProcess:
    """The few parts of ``subprocess.Popen`` the local provisioner uses, for a forked kernel
    (a child of the fork server, not of this process)."""

    stdin = stdout = stderr = None
    returncode: int | None = None

    def __init__(self, pid: int):
        self.pid = pid
        self.started = self._start_time()

    def _stat(self) -> list[str]:
        try:  # the fields of /proc/PID/stat after the name: state, ..., start time (20th)
            return Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return []

    def _start_time(self) -> str | None:
        stat = self._stat()
        return stat[19] if len(stat) > 19 else None

    def poll(self) -> int | None:
        if self.returncode is None:
            stat = self._stat()
            # Ended (not yet collected by the fork server), or a later process with its PID.
            alive = len(stat) > 19 and stat[0] != "Z" and stat[19] == self.started
            if not alive:
                self.returncode = 0  # reaped by the fork server; the code is not ours to see
        return self.returncode

    def wait(self, timeout: float | None = None) -> int | None:
        return self.poll()

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):
    """jupyter_client's local provisioner, launching ipykernel by a fork of a warm process."""

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        if LAUNCHER in cmd and sys.platform.startswith("linux"):
            env = kwargs.get("env") or dict(os.environ)
            cwd = str(kwargs.get("cwd") or Path.cwd())
            try:
                pid = await FORKER.spawn(cmd, {k: str(v) for k, v in env.items()}, cwd)
            except Exception:
                log.warning("Kernen startes på den almindelige måde", exc_info=True)
            else:
                self.process = ForkedProcess(pid)
                self.pid = self.pgid = pid
                self.cwd = cwd
                return self.connection_info
        return await super().launch_kernel(cmd, **kwargs)


if __name__ == "__main__":
    serve(sys.argv[1])
