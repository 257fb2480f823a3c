"""Joining a workshop by its address: the start page with the workshop code filled in, and the
address as a QR code for the course leader's screen.

The address uses the host the participants can reach. In order: the address the course
leader set (``make serve PUBLIC_URL=http://10.0.0.5:8866``, which puts it in
``NOEGLEPERSONKURSUS_ADRESSE``), else the address the course leader's own browser used to
open their screen (Voilà tells each page its request's address).
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import quote, urlsplit, urlunsplit

ENV_PUBLIC_URL = "NOEGLEPERSONKURSUS_ADRESSE"
START_PAGE = "00_velkommen.ipynb"
RENDER_PATH = "voila/render/"
QUERY_KEY = "workshop"


class AddressError(ValueError):
    """A public address that cannot be used, in Danish."""


def clean_base(text: str) -> str:
    """A public address as typed (``10.0.0.5:8866``, ``http://kursus.kommune.dk/``) as
    ``scheme://host[:port][/prefix]`` without a trailing slash."""
    text = str(text).strip()
    if not text:
        raise AddressError("Adressen er tom.")
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AddressError(
            f"»{text[:80]}« er ikke en adresse som http://10.0.0.5:8866 (med http:// eller "
            "https:// og et værtsnavn)."
        )
    path = parts.path.rstrip("/")
    for tail in ("/voila/render", "/voila"):
        if path.endswith(tail):
            path = path[: -len(tail)]
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def base_from_request(request_url: str) -> str:
    """The course's base address from the address of a page (``…/voila/render/x.ipynb``)."""
    parts = urlsplit(request_url)
    if not parts.hostname:
        return ""
    path = parts.path
    at = path.find("/" + RENDER_PATH)
    path = path[:at] if at >= 0 else ""
    return urlunsplit((parts.scheme or "http", parts.netloc, path, "", ""))


def public_base(environ=None) -> str:
    """The base address participants use ("" when no address is known, e.g. in JupyterLab)."""
    env = os.environ if environ is None else environ
    if env.get(ENV_PUBLIC_URL, "").strip():
        return clean_base(env[ENV_PUBLIC_URL])
    return base_from_request(env.get("VOILA_REQUEST_URL", ""))


def start_page_url(base: str) -> str:
    return f"{base}/{RENDER_PATH}{START_PAGE}"


def join_url(base: str, code: str) -> str:
    """The start page with the workshop code filled in."""
    return f"{start_page_url(base)}?{QUERY_KEY}={quote(code)}"


def short_text(url: str) -> str:
    """The address as the course leader reads it aloud: without »http://«."""
    return url.removeprefix("http://")


def only_this_machine(base: str) -> bool:
    """Whether the address points at the machine itself (participants cannot reach it)."""
    host = urlsplit(base).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def lan_address() -> str:
    """This machine's address on the local network, or "" (no packet is sent: connecting a
    UDP socket only picks the interface a packet would leave by)."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # TEST-NET-1: documentation only, never routed
            address = s.getsockname()[0]
    except OSError:
        return ""
    return "" if ipaddress.ip_address(address).is_loopback else address


def serve_base(host: str, port: int, given: str = "") -> str:
    """The participants' address for ``make serve``: the one given, else this machine's
    network address when the server listens on every interface, else ""."""
    if given.strip():
        return clean_base(given)
    if host in ("0.0.0.0", "::", ""):
        lan = lan_address()
        return f"http://{lan}:{port}" if lan else ""
    if only_this_machine(f"http://{host}"):
        return ""
    return clean_base(f"http://{host}:{port}")


def qr_svg(url: str) -> str:
    """The address as a QR code: an SVG ``data:`` URI (error correction M, a quiet zone)."""
    import segno

    return segno.make(url, error="m", micro=False).svg_data_uri(
        scale=10, border=4, dark="#000", light="#fff"
    )
