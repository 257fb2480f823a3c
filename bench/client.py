"""What the benchmarks share: the course's server as `make serve` starts it, its kernels as
processes, and a page as the browser's front end opens it (Voilà's protocol)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course.kernel_fork import fork_servers, kernel_processes  # noqa: E402
from course.serve import command, free_port, server_environment  # noqa: E402

KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]+)"')


class Server:
    """Voilà as `make serve` starts it, over ``notebooks`` (default: the course's)."""

    def __init__(
        self,
        folder: Path,
        notebooks: Path | None = None,
        facilitator_code: str = "",
        log: Path | None = None,
    ):
        self.folder = folder
        self.port = free_port()
        env = server_environment(
            dict(
                os.environ,
                NOEGLEPERSONKURSUS_LOGBOG=str(folder),
                NOEGLEPERSONKURSUS_FACILITATORKODE=facilitator_code,
            )
        )
        self.process = subprocess.Popen(
            command("127.0.0.1", self.port, notebooks),
            cwd=ROOT,
            env=env,
            # Open as long as the server runs.
            stdout=open(log, "w") if log else subprocess.DEVNULL,  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("Voilà did not start") from None
                time.sleep(0.2)  # poll until the server accepts connections

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, notebook: str) -> str:
        return f"{self.base}/voila/render/{notebook}"

    def kernels(self) -> list[int]:
        return list(kernel_processes(self.process.pid))

    def cpu_s(self) -> float:
        """CPU seconds of the server and its kernels so far, ended kernels included (those
        forked by a fork server count as its ended children)."""
        pid = self.process.pid
        return (
            cpu_s(pid, children=True)
            + sum(cpu_s(p, children=True) for p in fork_servers(pid))
            + sum(cpu_s(p) for p in self.kernels())
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.process.kill()


def cpu_s(pid: int, children: bool = False) -> float:
    """CPU seconds a process has used (with ``children``: also its ended children's)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12])
    if children:
        ticks += int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return (
        next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        / 1024
    )


# --- Voilà's protocol, as the page's front end speaks it ----------------------------------


# The browser's front end speaks the v1 kernel web-socket protocol (binary frames the server
# passes through); the bench speaks it too, so that the server does the same work.
WS_PROTOCOL = "v1.kernel.websocket.jupyter.org"


def encode(msg: dict) -> bytes:
    from jupyter_server.services.kernels.connection.base import serialize_msg_to_ws_v1

    pack = lambda part: json.dumps(part).encode("utf-8")  # noqa: E731
    return serialize_msg_to_ws_v1(msg, "shell", pack)


def decode(frame: bytes) -> dict:
    from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1

    channel, parts = deserialize_msg_from_ws_v1(frame)
    header, parent, metadata, content = (json.loads(p) for p in parts[:4])
    return {
        "channel": channel,
        "header": header,
        "parent_header": parent,
        "metadata": metadata,
        "content": content,
    }


class PageSession:
    """One open page: its kernel, its widgets' states, and a way to type and click."""

    def __init__(self, client, server: Server, notebook: str, query: str = ""):
        self.client, self.server, self.notebook, self.query = client, server, notebook, query
        self.session = uuid.uuid4().hex
        self.states: dict[str, dict] = {}
        self.loaded = False  # the widget state has come (request_states answered)
        self.updated = asyncio.Event()
        self.ws = None
        self.kernel_id = ""
        self.reader = None
        self.phase = ("henter siden", time.monotonic())  # (what, since): where a hang is

    async def open(self, cookies: dict) -> None:
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = f"{self.server.base}/voila/render/{self.notebook}{self.query}"
        response = await self.client.fetch(url, request_timeout=300, headers=_cookie(cookies))
        for header in response.headers.get_list("Set-Cookie"):
            name, _, rest = header.partition("=")
            cookies[name] = rest.split(";")[0]
        found = KERNEL_ID.search(response.body.decode("utf-8"))
        if not found:
            raise RuntimeError(f"{self.notebook}: no kernel in the page")
        self.kernel_id = found.group(1)
        self.phase = (f"forbinder til kernen {self.kernel_id}", time.monotonic())
        ws_url = (
            f"ws://127.0.0.1:{self.server.port}/api/kernels/{self.kernel_id}/channels"
            f"?session_id={self.session}"
        )
        self.ws = await websocket_connect(
            HTTPRequest(ws_url, headers={"Origin": self.server.base, **_cookie(cookies)}),
            max_message_size=64 * 1024 * 1024,
            subprotocols=[WS_PROTOCOL],
        )
        self.reader = asyncio.ensure_future(self._read())
        control = uuid.uuid4().hex
        self.control = control
        self._send(
            "comm_open",
            {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
            metadata={"version": "1.0.0"},
        )
        self._send("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
        self.phase = (f"venter på sidens widgets (kerne {self.kernel_id})", time.monotonic())
        # Interactive once the widget state has come, as in the browser; an update of one widget
        # (a ticker, the room's status) may come first and is not the page.
        await asyncio.wait_for(self._wait(lambda: self.loaded), 300)

    def _send(self, msg_type: str, content: dict, metadata: dict | None = None) -> None:
        self.ws.write_message(
            encode(
                {
                    "header": {
                        "msg_id": uuid.uuid4().hex,
                        "msg_type": msg_type,
                        "username": "bench",
                        "session": self.session,
                        "date": "",
                        "version": "5.3",
                    },
                    "parent_header": {},
                    "metadata": metadata or {},
                    "content": content,
                }
            ),
            binary=True,
        )

    async def _read(self) -> None:
        while True:
            frame = await self.ws.read_message()
            if frame is None:
                return
            msg = decode(frame)
            if msg["header"]["msg_type"] != "comm_msg":
                continue
            data = msg["content"].get("data", {})
            if data.get("method") == "update_states":
                self.states.update({k: dict(v["state"]) for k, v in data["states"].items()})
                self.loaded = True
            elif data.get("method") in ("update", "echo_update"):
                self.states.setdefault(msg["content"]["comm_id"], {}).update(data["state"])
            self.updated.set()

    async def _wait(self, condition, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            self.updated.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from the page's kernel")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.updated.wait(), left)

    def set(self, model_id: str, **state) -> None:
        self.states[model_id].update(state)
        self._send(
            "comm_msg",
            {"comm_id": model_id, "data": {"method": "update", "state": state, "buffer_paths": []}},
        )

    def click(self, model_id: str) -> None:
        self._send(
            "comm_msg",
            {"comm_id": model_id, "data": {"method": "custom", "content": {"event": "click"}}},
        )

    # --- finding widgets by what a participant sees ------------------------------------
    def find(self, model: str, label: str = "", within: str | None = None) -> str:
        ids = self.descendants(within) if within else self.states
        for model_id in ids:
            state = self.states.get(model_id, {})
            if state.get("_model_name") == model and state.get("description", "").startswith(label):
                return model_id
        raise LookupError(f"{self.notebook}: no {model} »{label}«")

    def descendants(self, root: str) -> list[str]:
        out, todo = [], [root]
        while todo:
            model_id = todo.pop()
            out.append(model_id)
            todo += [
                c.removeprefix("IPY_MODEL_")
                for c in self.states.get(model_id, {}).get("children", [])
            ]
        return out

    def exercise_root(self, title: str) -> str:
        """The exercise box whose heading is ``title``."""
        for model_id, state in self.states.items():
            if "nk-exercise" in state.get("_dom_classes", ()):
                values = (
                    self.states.get(c.removeprefix("IPY_MODEL_"), {}).get("value")
                    for c in state.get("children", [])
                )
                if any(isinstance(v, str) and f">{title}<" in v for v in values):
                    return model_id
        raise LookupError(f"{self.notebook}: no exercise »{title}«")

    def text_in(self, root: str, needle: str) -> bool:
        return any(
            isinstance(v := self.states.get(m, {}).get("value"), str) and needle in v
            for m in self.descendants(root)
        )

    async def leave(self, cookies: dict) -> None:
        """What the page does on leaving: the shutdown beacon with the XSRF value."""
        from tornado.httpclient import HTTPClientError

        xsrf = cookies.get("_xsrf", "")
        body = f"_xsrf={quote(xsrf)}"
        if self.reader:
            self.reader.cancel()
        if self.ws:
            self.ws.close()
        try:
            await self.client.fetch(
                f"{self.server.base}/voila/api/shutdown/{self.kernel_id}",
                method="POST",
                body=body,
                headers=_cookie(cookies),
                request_timeout=60,
            )
        except HTTPClientError as e:
            raise RuntimeError(f"shutdown refused: {e.code}") from None


def _cookie(cookies: dict) -> dict:
    return {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
