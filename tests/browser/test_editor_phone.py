"""A member writes their review on a phone (375 × 740, touch) in headless Chromium, over the
sample (the set-up of tests/browser/test_editor_browser.py).

Decap CMS lays the entry editor and its toolbar out at least 800 px wide: at 375 px the page
scrolled sideways (scrollWidth 800), every input ran 394 px past the right edge and "Lưu"
sat at x = 671..717, off-screen. generator/editor/assets/kiemdiem-editor.css reflows it below
800 px. One page load: the new review is measured, filled, saved with the on-screen "Lưu"
(the saved file read from the branch decap-server made), and the listing it returns to, which
then shows unmerged reviews under a 682 px wide heading, measured again.
"""

from __future__ import annotations

import time
from typing import Any

import yaml

from tests.browser.chrome import chromium
from tests.browser.test_editor_browser import (  # noqa: F401 (the fixtures)
    _choose,
    _git,
    _open_new_review,
    _type,
    editor,
    pytestmark,
)

WIDTH, HEIGHT = 375, 740
MEMBER = "dv-999375"
UU_DIEM = "Soạn trên điện thoại: hoàn thành 5/5 chỉ tiêu."

# the page's width against the screen's, and the box of what a member must reach: the form's
# scrolling pane (its foot on the screen, or the last fields cannot be scrolled to), the
# toolbar's buttons and every text input and text area of the form (a select's own search
# input is a few pixels wide and left out)
MEASURE = """
const box = e => { const r = e.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
const shown = e => e.getClientRects().length > 0;
const named = e => e.getAttribute("aria-label") || e.textContent.trim() || e.id;
const toolbar = document.querySelector('[class*="-EditorContainer"] > [class*="-ToolbarContainer"]');
return {
  inner: [innerWidth, innerHeight],
  scrollWidth: document.scrollingElement.scrollWidth,
  pane: box(document.querySelector('[class*="-ControlPaneContainer"]')),
  buttons: [...toolbar.querySelectorAll('button, [role="button"], a')].filter(shown)
    .map(e => [named(e), box(e)]),
  fields: [...document.querySelectorAll('input, textarea')]
    .filter(e => shown(e) && e.offsetWidth > 20).map(e => [e.tagName + " " + e.id, box(e)]),
};
"""
# the element a tap at the centre of `arguments[0]` lands on is that element (or inside it)
ON_TOP = """
const r = arguments[0].getBoundingClientRect();
const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
return !!hit && arguments[0].contains(hit);
"""


def _outside(found: dict[str, Any], *, vertical: bool) -> list[str]:
    """What of the form's pane (its foot), the toolbar (all four edges) and the fields
    (left and right) leaves the screen."""
    width, height = found["inner"]
    out = [] if found["pane"]["bottom"] <= height + 1 else [f"the form: {found['pane']}"]
    for name, b in found["buttons"]:
        if b["left"] < 0 or b["right"] > width or (vertical and b["bottom"] > height):
            out.append(f"{name}: {b}")
    for name, b in found["fields"]:
        if b["left"] < 0 or b["right"] > width:
            out.append(f"{name}: {b}")
    return out


def test_a_member_fills_and_saves_the_form_on_a_phone(editor) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium() as driver:
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True},
        )
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
        _open_new_review(driver, editor)
        found = driver.execute_script(MEASURE)
        # a page wider than the screen is zoomed out to fit it (innerWidth grows with it):
        # measured against the screen's own width
        assert found["scrollWidth"] <= WIDTH + 1, found
        assert found["inner"] == [WIDTH, HEIGHT], found["inner"]
        assert any(name == "Lưu" for name, _ in found["buttons"]), found["buttons"]
        assert any(name.startswith("TEXTAREA") for name, _ in found["fields"]), found["fields"]
        assert _outside(found, vertical=True) == []

        _type(driver, "ma_dang_vien", MEMBER)
        _type(driver, "ho_ten", "Lê Thị Điện Thoại")
        _choose(driver, "loai_dang_vien", "chính thức")
        _type(driver, "ngay_vao_dang", "2015-03-02")
        _type(driver, "uu_diem", UU_DIEM)
        save = driver.find_element(By.XPATH, "//button[normalize-space()='Lưu']")
        assert driver.execute_script(ON_TOP, save), "something covers the save button"
        save.click()  # where it is: no scrolling to it

        branch = f"cms/dang-vien/{MEMBER}"
        deadline = time.monotonic() + 30
        while branch not in _git(editor.repo, "branch", "--list", branch):
            assert time.monotonic() < deadline, "saving made no branch"
            time.sleep(0.3)
        WebDriverWait(driver, 20).until(
            ec.presence_of_element_located((By.XPATH, "//*[contains(text(), 'Trạng thái: ')]"))
        )
        # saved: the status, publish and delete controls join "Lưu", still on the screen
        after = driver.execute_script(MEASURE)
        assert after["scrollWidth"] <= WIDTH + 1, after
        assert after["inner"] == [WIDTH, HEIGHT], after["inner"]
        assert len(after["buttons"]) > len(found["buttons"]), after["buttons"]
        assert _outside(after, vertical=True) == []

        # back to the listing (once the "saved" notice over the toolbar has gone), which now
        # has a section of unmerged reviews
        back = driver.find_element(By.CSS_SELECTOR, "a[class*='-ToolbarSectionBackLink']")
        WebDriverWait(driver, 20).until(lambda d: d.execute_script(ON_TOP, back))
        back.click()
        WebDriverWait(driver, 20).until(
            ec.presence_of_element_located((By.CSS_SELECTOR, "[class*='-SectionSeparator']"))
        )
        listing = driver.execute_script(
            "return [document.scrollingElement.scrollWidth, innerWidth]"
        )
        assert listing == [WIDTH, WIDTH], listing

    path = f"{editor.target.folder}/dang-vien/{MEMBER}.yaml"
    data = yaml.safe_load(_git(editor.repo, "show", f"{branch}:{path}"))
    assert data["ma_dang_vien"] == MEMBER and data["ho_ten"] == "Lê Thị Điện Thoại"
    assert data["kiem_diem"]["uu_diem"].rstrip("\n") == UU_DIEM
