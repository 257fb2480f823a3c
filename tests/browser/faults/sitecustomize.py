"""Test-only fault injection in kernel processes, chosen by ``NK_FAULTS`` (comma-separated).

Put on PYTHONPATH of a test Voilà server only; the real code is replaced before any notebook
runs. ``planner``: clicking »Lav dokumentet« raises inside a widget callback. ``navigation``:
the page's last cell (its navigation) raises while the page is being rendered.
"""

import os
import sys

# A kernel, or the fork server whose children become the kernels (course.kernel_fork).
KERNELS = ("ipykernel", "course.kernel_fork")
FAULTS = set(os.environ.get("NK_FAULTS", "planner").split(","))

if any(name in arg for arg in getattr(sys, "orig_argv", []) for name in KERNELS):
    import widgets.page
    import widgets.planner

    def _broken(self, *args):
        raise RuntimeError("injiceret-fejl-4711: hemmelig intern detalje")

    if "planner" in FAULTS:
        widgets.planner.Planner._make = _broken
    if "navigation" in FAULTS:
        widgets.page.CoursePage.navigation = _broken
