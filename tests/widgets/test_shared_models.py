"""Widgets with the same layout or style share one model of it (widgets/shared.py)."""

import ipywidgets as ipw
import pytest

import widgets  # noqa: F401  (importing the package shares layouts and styles)
from widgets import CoursePage
from widgets.controls import labelled
from widgets.shared import SharedModelError


def test_default_and_equal_layouts_and_styles_are_one_model_each():
    a, b = ipw.HTML("a"), ipw.HTML("b")
    assert a.layout is b.layout and a.style is b.style
    wide = [ipw.Text(layout={"width": "100%"}) for _ in range(2)]
    assert wide[0].layout is wide[1].layout
    assert wide[0].layout is not a.layout and wide[0].layout.width == "100%"
    own = ipw.HTML(layout=ipw.Layout())
    assert own.layout is not a.layout


def test_a_shared_model_cannot_change_under_every_widget_that_shares_it():
    a, b = ipw.Button(), ipw.Button()
    with pytest.raises(SharedModelError, match="Layout is shared"):
        a.layout.display = "none"
    assert b.layout.display is None
    own = ipw.Button(layout=ipw.Layout())
    own.layout.display = "none"  # a widget's own layout changes as before
    assert own.layout.display == "none" and b.layout.display is None


def test_a_label_widens_the_description_and_keeps_the_rest_of_the_style():
    choice = labelled(ipw.ToggleButtons(options=["a", "b"], style={"button_width": "3em"}), "Valg")
    assert choice.style.description_width == "initial"
    assert choice.style.button_width == "3em"
    other = labelled(ipw.ToggleButtons(options=["c"], style={"button_width": "3em"}), "Andet")
    assert other.style is choice.style
    plain = ipw.ToggleButtons(options=["a"], style={"button_width": "3em"})
    assert plain.style.description_width == "" and plain.style is not choice.style


def test_a_course_page_has_far_fewer_models_than_widgets(store):
    page = CoursePage("laeringskultur", folder=str(store.folder))
    exercises = [page.exercise(e) for e in page.content.pages["laeringskultur"]]
    shown, todo = [], [page, *exercises]
    while todo:
        widget = todo.pop()
        shown.append(widget)
        todo += getattr(widget, "children", ())
    layouts = {id(w.layout) for w in shown}
    assert len(shown) > 100 and len(layouts) < len(shown) / 5
