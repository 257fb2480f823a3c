"""Every page on a phone (360 × 800) and a tablet (820 × 1180): nothing wider than the screen,
no text spilling over its box, no box that scrolls sideways without a visible cue.

A box may scroll sideways only as ``.nk-scroll`` (which shows that it does); tables reflow
instead (see share/jupyter/voila/templates/kursus/tables.html.j2).
"""

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from course.workbook import WorkbookStore
from tests.browser.conftest import ARTIFACTS
from tests.conftest import ROOT

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
SCREENS = {"telefon": (360, 800), "tablet": (820, 1180)}

# The elements of the page that stick out, as readable lines ([] when none do).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const root = document.getElementById("rendered_cells") || document.body;
  const problems = [];
  const describe = (el) => {
    const classes = [...el.classList].filter((c) => /^(nk-|widget-|jp-Rendered)/.test(c));
    const text = (el.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 60);
    return `${el.tagName.toLowerCase()}${classes.length ? "." + classes.join(".") : ""} »${text}«`;
  };
  const clipped = (el) => {
    for (let up = el; up && up !== root; up = up.parentElement) {
      if (getComputedStyle(up).clip !== "auto") return true;  // visually hidden on purpose
    }
    return false;
  };
  for (const el of root.querySelectorAll("*")) {
    if (!el.getClientRects().length) continue;
    const scroller = el.closest(".nk-scroll");
    if (scroller && scroller !== el) continue;  // scrolls sideways, and shows that it does
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.position === "fixed" || clipped(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;
    const wider = el.scrollWidth > el.clientWidth + 2 && el.clientWidth > 0;
    if (box.right > width + 1 || box.left < -1) {
      problems.push(`${describe(el)} reaches ${Math.round(box.right)} px of ${width} px`);
    } else if (wider && style.overflowX === "visible" && style.display !== "inline") {
      problems.push(`${describe(el)} spills over (${el.scrollWidth} > ${el.clientWidth} px)`);
    } else if (wider && ["auto", "scroll"].includes(style.overflowX) && !el.matches(".nk-scroll")) {
      problems.push(`${describe(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def workbook(server):
    """A participant with a logbog, so that every page shows what a signed-in page shows."""
    return WorkbookStore(server.folder).create("Sofie Smalskærm", "Jobcenter Ringsted")


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_exercise_is_wider_than_a_phone_or_a_tablet(server, page, workbook, notebook):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{server.base}{notebook}?logbog={workbook.id}")
    ready = ".nk-exercise, .nk-dashboard, .nk-identity, input[type=password]"
    expect(page.locator(ready).first).to_be_visible(timeout=60_000)
    expect(page.locator(".nk-cell-error")).to_have_count(0)
    for screen, (width, height) in SCREENS.items():
        page.set_viewport_size({"width": width, "height": height})
        # The page lays itself out again after a resize: wait until it has settled.
        # Still sticking out after 5 s: the assertion below says what.
        with contextlib.suppress(PlaywrightTimeout):
            page.wait_for_function(f"({OVERFLOW})().length === 0", timeout=5_000)
        problems = page.evaluate(OVERFLOW)
        assert problems == [], f"{notebook} at {width} px:\n" + "\n".join(problems[:20])
        page.screenshot(path=str(ARTIFACTS / f"{Path(notebook).stem}_{screen}.png"))
