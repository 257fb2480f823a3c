"""Joining by the QR code's address: which host, the address itself, and the code read back."""

import base64
import io
from urllib.parse import unquote

import pytest

from course import join
from course.serve import main
from course.session import current_request


def test_the_address_set_by_the_course_leader_wins():
    env = {
        "NOEGLEPERSONKURSUS_ADRESSE": "10.0.0.5:8866/",
        "VOILA_REQUEST_URL": "http://127.0.0.1:8866/voila/render/90_facilitator.ipynb",
    }
    assert join.public_base(env) == "http://10.0.0.5:8866"
    assert (
        join.join_url(join.public_base(env), "K7M4QX")
        == "http://10.0.0.5:8866/voila/render/00_velkommen.ipynb?workshop=K7M4QX"
    )


def test_else_the_address_the_course_leader_s_browser_used():
    env = {"VOILA_REQUEST_URL": "https://kursus.kommune.dk/app/voila/render/90_facilitator.ipynb"}
    assert join.public_base(env) == "https://kursus.kommune.dk/app"
    assert join.public_base({}) == ""


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("http://10.0.0.5:8866", "http://10.0.0.5:8866"),
        ("10.0.0.5:8866", "http://10.0.0.5:8866"),
        ("https://kursus.kommune.dk/voila/render/", "https://kursus.kommune.dk"),
    ],
)
def test_a_typed_address_is_cleaned(typed, expected):
    assert join.clean_base(typed) == expected


@pytest.mark.parametrize("typed", ["", "ftp://x", "http://"])
def test_a_bad_address_gets_a_danish_message(typed):
    with pytest.raises(join.AddressError):
        join.clean_base(typed)


def test_loopback_addresses_cannot_be_reached_by_participants():
    assert join.only_this_machine("http://127.0.0.1:8866")
    assert join.only_this_machine("http://localhost:8866")
    assert not join.only_this_machine("http://10.0.0.5:8866")
    assert join.serve_base("127.0.0.1", 8866) == ""
    assert join.serve_base("127.0.0.1", 8866, "10.0.0.5:8866") == "http://10.0.0.5:8866"
    assert join.serve_base("10.0.0.7", 9000) == "http://10.0.0.7:9000"


def test_the_qr_code_reads_back_as_the_address():
    import zxingcpp
    from PIL import Image

    url = join.join_url("http://10.0.0.5:8866", "K7M4QX")
    svg = join.qr_svg(url)
    assert svg.startswith("data:image/svg+xml")
    import segno

    png = io.BytesIO()
    segno.make(url, error="m", micro=False).save(png, kind="png", scale=8, border=4)
    png.seek(0)
    [found] = zxingcpp.read_barcodes(Image.open(png).convert("L"))
    assert found.text == url
    # The SVG on the screen is the same symbol.
    body = svg.split(",", 1)[1]
    text = base64.b64decode(body).decode() if ";base64" in svg.split(",")[0] else unquote(body)
    assert "<svg" in text and "path" in text


def test_the_start_page_reads_the_workshop_code_from_the_address():
    request = current_request(
        {"SERVER_SOFTWARE": "voila/0.5.13", "QUERY_STRING": "workshop=K7M4QX&logbog="}
    )
    assert request.workshop == "K7M4QX" and request.code == ""
    long = current_request({"SERVER_SOFTWARE": "voila", "QUERY_STRING": "workshop=" + "A" * 99})
    assert len(long.workshop) == 20


def test_make_serve_prints_the_participants_address(monkeypatch, capsys):
    calls = []
    monkeypatch.setattr("subprocess.call", lambda cmd, cwd, env: calls.append(env) or 0)
    assert main(["--port", "9000", "--public-url", "10.0.0.5:9000"]) == 0
    out = capsys.readouterr().out
    assert "http://10.0.0.5:9000/voila/render/00_velkommen.ipynb" in out
    assert calls[0]["NOEGLEPERSONKURSUS_ADRESSE"] == "http://10.0.0.5:9000"
    assert main(["--port", "9000", "--public-url", ""]) == 0
    assert "Kurset kan kun åbnes på denne computer" in capsys.readouterr().out
    assert "NOEGLEPERSONKURSUS_ADRESSE" not in calls[1]
    assert main(["--public-url", "ftp://nej"]) == 2
