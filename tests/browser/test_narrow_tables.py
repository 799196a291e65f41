"""On a phone (375 px wide) every table of the sample site can be read to its right edge:
a table wider than the screen scrolls sideways in its own box (`.kd-scroll`,
site_templates/assets/kiemdiem.css), and the page itself never gets wider than the screen
(Material hides the page's sideways overflow, so a table reaching past it was cut off
with no way to swipe to its last columns)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.submissions.layout import years
from tests.browser.sample_site import ROOT, browser, needs_chromium, site, sitemap

__all__ = ["browser", "site"]  # fixtures

YEAR = 2025
WIDTH = 375

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.skipif(YEAR not in years(ROOT), reason="no sample year 2025"),
]

# for each table of the page: how wide it is, the box that scrolls it sideways (its
# nearest ancestor with overflow-x auto/scroll) and whether its right edge comes into that
# box's view once the box is scrolled to its end
MEASURE = """
const out = {page: document.documentElement.scrollWidth, tables: []};
document.querySelectorAll(".md-content table").forEach((table, i) => {
  let box = table.parentElement;
  while (box && box !== document.body
         && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) {
    box = box.parentElement;
  }
  if (box === document.body) box = null;
  const row = {index: i, cls: table.className, width: table.getBoundingClientRect().width,
               box: box ? box.className : null, scrolls: false, reached: false, fits: false};
  const edge = () => table.getBoundingClientRect().right;
  if (box) {
    box.scrollLeft = box.scrollWidth;
    row.scrolls = box.scrollWidth > box.clientWidth && box.scrollLeft > 0;
    row.reached = edge() <= box.getBoundingClientRect().right + 1;
    box.scrollLeft = 0;
  }
  row.fits = edge() <= innerWidth + 1 && edge() <= document.documentElement.clientWidth + 1;
  out.tables.push(row);
});
return out;
"""


def _phone(browser: Any) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": 800, "deviceScaleFactor": 2, "mobile": True},
    )
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})


def _open(browser: Any, url: str) -> dict[str, Any]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(url)
    WebDriverWait(browser, 20).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, ".md-content article"))
    )
    result: dict[str, Any] = browser.execute_script(MEASURE)
    return result


def test_every_table_reads_to_its_right_edge_on_a_phone(
    site: tuple[str, Path], browser: Any
) -> None:
    base, out = site
    _phone(browser)
    pages = sitemap(out, YEAR)
    # the pages whose tables the trial found cut off: home (progress, re-rating), the
    # problems (all, one chi bộ's), a chi bộ with its member list, the rules
    for rel in ("", "van-de/", "van-de/to-chuc/chi-bo-thon-an-lac/",
                "to-chuc/chi-bo-thon-an-lac/", "quy-tac/"):  # fmt: skip
        assert rel in pages
    wide: list[str] = []
    for rel in pages:
        measured = _open(browser, f"{base}/{YEAR}/{rel}")
        where = f"{YEAR}/{rel}"
        assert measured["page"] <= WIDTH, f"{where}: the page is {measured['page']} px wide"
        for t in measured["tables"]:
            assert t["fits"] or (t["scrolls"] and t["reached"]), f"{where}: {t}"
            if not t["fits"]:
                wide.append(f"{where} {t['cls']}")
    # the check did meet tables wider than the phone, the ones the trial found
    assert any(w.endswith("kd-progress") for w in wide), wide
    assert any(w.endswith("kd-rerating") for w in wide), wide
    assert any(w.startswith(f"{YEAR}/van-de/") and "kd-findings" in w for w in wide), wide


# the home page's progress table's scrolling box (null without one)
BOX = "const b = document.querySelector('table.kd-progress').closest('.kd-scroll');"


def _swipe_left(browser: Any, x: float, y: float, distance: int = 220) -> None:
    """A finger dragged leftwards across the screen (touch events, as a phone sends)."""
    touch = "Input.dispatchTouchEvent"
    browser.execute_cdp_cmd(touch, {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 12):
        point = {"x": x - distance * step / 11, "y": y}
        browser.execute_cdp_cmd(touch, {"type": "touchMove", "touchPoints": [point]})
    browser.execute_cdp_cmd(touch, {"type": "touchEnd", "touchPoints": []})


def test_a_swipe_scrolls_a_wide_table_not_the_page(site: tuple[str, Path], browser: Any) -> None:
    base, _ = site
    _phone(browser)
    _open(browser, f"{base}/{YEAR}/")
    x, y = browser.execute_script(
        BOX + "b.scrollIntoView({block: 'start', behavior: 'instant'});"
        "const r = b.getBoundingClientRect();"
        "return [r.right - 40, (Math.max(r.top, 0) + Math.min(r.bottom, innerHeight)) / 2];"
    )
    _swipe_left(browser, x, y)
    box_x, page_x = browser.execute_script(BOX + "return [b.scrollLeft, window.scrollX];")
    assert box_x > 0, "the swipe moved the table sideways"
    assert page_x == 0, "the page itself stays put"
