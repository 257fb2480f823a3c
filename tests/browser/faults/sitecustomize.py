"""Test-only fault injection: in kernel processes, make the planner's button handler fail.

Put on PYTHONPATH of a test Voilà server only. The real handler is replaced before any
notebook runs, so clicking »Lav dokumentet« raises inside a widget callback.
"""

import sys

if any("ipykernel" in arg for arg in getattr(sys, "orig_argv", [])):
    import widgets.planner

    def _broken_make(self, *args):
        raise RuntimeError("injiceret-fejl-4711: hemmelig intern detalje")

    widgets.planner.Planner._make = _broken_make
