"""Widgets with the same layout or style share one model of it.

In ipywidgets every widget gets a Layout model and most a Style model of their own, even when
they keep the defaults: more than half of a page's models, each one opened by the kernel, sent
through the server and built by the browser. ``share_layouts_and_styles`` (called once, when the
``widgets`` package is imported) makes a default layout or style, and one given as a dict at
creation (``layout={"width": "100%"}``), one shared model per class and content.

A shared model cannot be changed afterwards: that would change every widget that shares it, so
it raises instead. A widget whose layout or style changes later is given its own instance when
it is made (``layout=ipw.Layout()``), or is given another shared one (``widget.style = ...``).
"""

from __future__ import annotations

from functools import cache

from ipywidgets import Layout
from ipywidgets.widgets.trait_types import InstanceDict
from ipywidgets.widgets.widget_style import Style

_models: dict = {}


class SharedModelError(AttributeError):
    """A shared layout or style was changed after it was made."""


@cache
def _frozen(klass: type) -> type:
    """``klass`` whose synced traits cannot change once the model is shared."""

    def __setattr__(self, name, value):
        if self.__dict__.get("_nk_shared") and name in self.keys and not name.startswith("_"):
            raise SharedModelError(
                f"{klass.__name__} is shared by many widgets and cannot change ({name}): give the "
                f"widget its own {klass.__name__}(...) when it is made, or assign a new one"
            )
        klass.__setattr__(self, name, value)

    return type(klass.__name__, (klass,), {"__setattr__": __setattr__})


def shared(klass: type, **state):
    """The one model of ``klass`` with this state, made on first use (again if it was closed)."""
    key = (klass, tuple(sorted((k, repr(v)) for k, v in state.items())))
    model = _models.get(key)
    if model is None or model.comm is None:  # closed (Widget.close_all): make it again
        model = _frozen(klass)(**state)
        model.__dict__["_nk_shared"] = True
        _models[key] = model
    return model


def _is_shared_kind(trait) -> bool:
    return isinstance(trait.klass, type) and issubclass(trait.klass, (Layout, Style))


def share_layouts_and_styles() -> None:
    """Make the layouts and styles of widgets made from now on shared models (idempotent)."""
    if getattr(InstanceDict, "_nk_shared", False):
        return
    make_default, validate = InstanceDict.make_dynamic_default, InstanceDict.validate

    def make_dynamic_default(self):
        if _is_shared_kind(self) and not (self.default_args or self.default_kwargs):
            return shared(self.klass)
        return make_default(self)

    def validate_value(self, obj, value):
        if isinstance(value, dict) and _is_shared_kind(self):
            return validate(self, obj, shared(self.klass, **value))
        return validate(self, obj, value)

    InstanceDict.make_dynamic_default = make_dynamic_default
    InstanceDict.validate = validate_value
    InstanceDict._nk_shared = True
