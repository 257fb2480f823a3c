"""The facilitator's models: text from data/models.yaml, validated, drawn large."""

import shutil

import pytest

from course.content import ContentError
from course.models import alt_text, draw, load_models
from tests.conftest import ROOT


def test_the_five_models_load_with_the_slides_labels():
    models = load_models()
    assert list(models) == ["laeringscyklus", "i_do_art", "gamemaster", "tomm", "otte_stile"]
    assert [p.title for p in models["tomm"].parts] == [
        "Detektiven",
        "Kaptajnen",
        "Antropologen",
        "Fremtidsforskeren",
    ]
    assert [p.title for p in models["i_do_art"].parts] == ["I", "DO", "A", "R", "T"]
    assert len(models["otte_stile"].parts) == 8 and models["otte_stile"].center == "Dit fokus"
    assert [lv.title for lv in models["gamemaster"].levels] == [
        "Procesniveauet",
        "Indholdsniveauet",
    ]


@pytest.mark.parametrize(
    "model_id", ["laeringscyklus", "i_do_art", "gamemaster", "tomm", "otte_stile"]
)
def test_every_model_draws_with_a_text_alternative(model_id):
    model = load_models()[model_id]
    png = draw(model)
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    alt = alt_text(model)
    assert model.title in alt and all(p.title in alt for p in model.parts)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "layout: firefelt",
            "layout: matrix",
            "model 'tomm': felt 'layout': ukendt layout 'matrix'",
        ),
        ("rows: [Lineære, Cirkulære]", "rows: [Lineære]", "model 'tomm': felt 'rows' og 'columns'"),
        ("    title: Gamemaster-modellen\n", "", "model 'gamemaster': feltet 'title' mangler"),
        ("  - id: tomm\n", "  - id: gamemaster\n", "model-id 'gamemaster' findes to gange"),
        (
            "      - title: Afslutning\n",
            "      - title: Afslutning\n      - title: Ekstra\n",
            "model 'gamemaster': felt 'parts': et gamemaster-layout skal have præcis 3 dele",
        ),
        ("center: Dit fokus", "centre: Dit fokus", "ukendt felt 'centre'"),
    ],
)
def test_bad_models_are_named(tmp_path, old, new, expected):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "models.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_models(data)
    assert "data/models.yaml" in str(error.value) and expected in str(error.value)
