"""A member writes their review, and a chi bộ's secretary the collective review, on a phone
(375 × 667, touch) in headless Chromium, over the sample (the set-up of
tests/browser/test_editor_browser.py).

Decap CMS lays the entry editor and its toolbar out at least 800 px wide: at 375 px the page
scrolled sideways (scrollWidth 800), every input ran 394 px past the right edge and "Lưu"
sat at x = 671..717, off-screen. generator/editor/assets/kiemdiem-editor.css reflows it below
800 px. One page load: the new review is measured, filled, saved with the on-screen "Lưu"
(the saved file read from the branch decap-server made), and the listing it returns to, which
then shows unmerged reviews under a 682 px wide heading, measured again.

Once saved, the toolbar grew to 189 px (three rows of buttons: 28 % of a 667 px screen) and
the "Mục đã được lưu" notice covered its first row (back link, account) for four seconds:
its buttons now take two rows and the notice comes at the foot of the screen. The form's
pane keeps at least FORM_SHARE of the screen once saved (72 % before), and NOTICE_SHARE
uncovered while the notice shows.
"""

from __future__ import annotations

import time
from typing import Any

import yaml

from tests.browser import editor_org
from tests.browser.chrome import chromium
from tests.browser.test_editor_browser import (  # noqa: F401 (the fixtures)
    _check_on_branch,
    _choose,
    _control,
    _git,
    _open_new_review,
    _type,
    editor,
    pytestmark,
)

WIDTH, HEIGHT = 375, 667
# the share of the screen the form's pane keeps once saved, and while the notice shows (the
# collective review, already on the main branch, gets a row more: Decap's "Kiểm tra Xem
# trước" link); measured 0.78 / 0.72 and 0.74 / 0.68, the member's 0.72 before
FORM_SHARE = {"member": 0.75, "org": 0.72}
NOTICE_SHARE = {"member": 0.7, "org": 0.66}
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


# the toolbar's controls shown but under something else (done in the page: the toolbar is
# re-rendered as the entry reloads)
COVERED = """
const on = e => { const r = e.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!hit && e.contains(hit); };
const toolbar = document.querySelector('[class*="-EditorContainer"] > [class*="-ToolbarContainer"]');
return [...toolbar.querySelectorAll("button, a")]
  .filter(e => e.getClientRects().length > 0 && !on(e)).map(e => e.textContent.trim());
"""
# the notice on the screen (react-toastify's), or null; with `arguments[0]`, null until the
# entry's form is shown with it (saving an entry already on the main branch reloads it)
NOTICE = """
const n = document.querySelector(".Toastify__toast");
if (!n || (arguments[0] && !document.querySelector('[class*="-ControlPaneContainer"]'))) return null;
const r = n.getBoundingClientRect();
return {top: r.top, bottom: r.bottom, text: n.textContent.trim()};
"""


def _form_height(found: dict[str, Any], notice: dict[str, Any] | None = None) -> float:
    """The height of the form's pane on the screen not under the toolbar or the notice."""
    pane = found["pane"]
    top, bottom = max(pane["top"], 0), min(pane["bottom"], found["inner"][1])
    if notice is not None:
        overlap = min(bottom, notice["bottom"]) - max(top, notice["top"])
        return float(bottom - top - max(overlap, 0))
    return float(bottom - top)


def _phone(driver: Any) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True},
    )
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})


def _saved(driver: Any, repo: Any, branch: str) -> None:
    """Wait for the branch decap-server makes and for the status button ("Trạng thái: ")."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    deadline = time.monotonic() + 30
    while branch not in _git(repo, "branch", "--list", branch):
        assert time.monotonic() < deadline, "saving made no branch"
        time.sleep(0.3)
    WebDriverWait(driver, 20).until(
        ec.presence_of_element_located((By.XPATH, "//*[contains(text(), 'Trạng thái: ')]"))
    )


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


def _save_on_screen(driver: Any, form: str) -> dict[str, Any]:
    """Tap "Lưu" where it is (no scrolling to it); the notice that follows, measured while
    it shows: nothing of the toolbar under it, and the form's pane mostly uncovered."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    save = driver.find_element(By.XPATH, "//button[normalize-space()='Lưu']")
    assert driver.execute_script(ON_TOP, save), "something covers the save button"
    save.click()
    notice: dict[str, Any] = WebDriverWait(driver, 30, poll_frequency=0.1).until(
        lambda d: d.execute_script(NOTICE, True)
    )
    found = driver.execute_script(MEASURE)
    covered = driver.execute_script(COVERED)
    assert covered == [], (notice, covered)
    assert _form_height(found, notice) >= NOTICE_SHARE[form] * HEIGHT, (notice, found["buttons"])
    return notice


def _after_the_notice(driver: Any, before: dict[str, Any], form: str) -> dict[str, Any]:
    """Saved, the notice gone: the status, publish and delete controls join "Lưu", all on
    the screen, and the form keeps FORM_SHARE of it."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 20).until(lambda d: d.execute_script(NOTICE) is None)
    after: dict[str, Any] = driver.execute_script(MEASURE)
    assert after["scrollWidth"] <= WIDTH + 1, after
    assert after["inner"] == [WIDTH, HEIGHT], after["inner"]
    assert len(after["buttons"]) > len(before["buttons"]), after["buttons"]
    assert _outside(after, vertical=True) == []
    assert _form_height(after) >= FORM_SHARE[form] * HEIGHT, after["buttons"]
    return after


def _fits(found: dict[str, Any]) -> None:
    # a page wider than the screen is zoomed out to fit it (innerWidth grows with it):
    # measured against the screen's own width
    assert found["scrollWidth"] <= WIDTH + 1, found
    assert found["inner"] == [WIDTH, HEIGHT], found["inner"]
    assert any(name == "Lưu" for name, _ in found["buttons"]), found["buttons"]
    assert any(name.startswith("TEXTAREA") for name, _ in found["fields"]), found["fields"]
    assert _outside(found, vertical=True) == []


def test_a_member_fills_and_saves_the_form_on_a_phone(editor) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium() as driver:
        _phone(driver)
        _open_new_review(driver, editor)
        found = driver.execute_script(MEASURE)
        _fits(found)

        _type(driver, "ma_dang_vien", MEMBER)
        _type(driver, "ho_ten", "Lê Thị Điện Thoại")
        _choose(driver, "loai_dang_vien", "chính thức")
        _type(driver, "ngay_vao_dang", "2015-03-02")
        _type(driver, "uu_diem", UU_DIEM)
        notice = _save_on_screen(driver, "member")
        assert notice["text"] == "Mục đã được lưu", notice
        branch = f"cms/dang-vien/{MEMBER}"
        _saved(driver, editor.repo, branch)
        _after_the_notice(driver, found, "member")

        # back to the listing, which now has a section of unmerged reviews
        driver.find_element(By.CSS_SELECTOR, "a[class*='-ToolbarSectionBackLink']").click()
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


# a field's label and the errors shown with it: [left, right, top, bottom] of each
LABELED = """
const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.right, r.top, r.bottom]; };
const label = document.querySelector(`label[for^="${arguments[0]}-field-"]`);
const errors = label.parentElement.querySelector('[class*="-ControlErrorsList"]');
return {label: box(label), errors: errors && box(errors), text: errors && errors.textContent};
"""


def test_a_field_s_error_stands_above_its_label_on_a_phone(editor) -> None:  # noqa: F811
    """Decap shows a field's error right of its label, in the same row: at 375 px the long
    date message squeezed "Ngày vào đảng" into three lines of a 90 px column."""
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium() as driver:
        _phone(driver)
        _open_new_review(driver, editor)
        _type(driver, "ngay_vao_dang", "2010-13-45")
        driver.find_element("xpath", "//button[normalize-space()='Lưu']").click()
        date = WebDriverWait(driver, 20).until(
            lambda d: (found := d.execute_script(LABELED, "ngay_vao_dang"))["errors"] and found
        )
        plain = driver.execute_script(LABELED, "chuc_vu")  # optional: no error
    assert "năm-tháng-ngày" in date["text"], date
    left, _, top, bottom = date["label"]
    # one line, as a field without an error has it, under the message
    assert plain["errors"] is None, plain
    assert bottom - top == plain["label"][3] - plain["label"][2], (date, plain)
    assert date["errors"][3] <= top and date["errors"][0] <= left + 1, date
    assert date["errors"][0] >= 0 and date["errors"][1] <= WIDTH, date


CHI_TIEU = "Chỉ tiêu nghị quyết"
NEW_GOAL = "Trồng mới 12 ha chè giống (soạn trên điện thoại)"
TRACH_NHIEM = "Bí thư chịu trách nhiệm chính về hạn chế trong sinh hoạt chuyên đề."


def _type_last(driver: Any, name: str, text: str, *, enter: bool = False) -> None:
    """Type into the last field called `name` (a list's new item: the list's earlier items,
    or the form itself, may have a field of the same name)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    label = driver.find_elements(By.CSS_SELECTOR, f"label[for^='{name}-field-']")[-1]
    box = driver.find_element(By.ID, label.get_attribute("for"))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()
    box.send_keys(text)
    if enter:
        box.send_keys(Keys.ENTER)


def test_a_secretary_fills_and_saves_the_collective_review_on_a_phone(editor) -> None:  # noqa: F811
    path = editor_org.org_file(editor)
    with chromium() as driver:
        _phone(driver)
        editor_org.open_org_review(driver, editor)
        # the whole form: every group open, one item added to every list (nested lists too)
        editor_org.open_every_group_and_add_items(driver)
        found = driver.execute_script(MEASURE)
        _fits(found)
        names = " ".join(name for name, _ in found["fields"])
        for field in ("ten-field", "duoc_giao", "tieu_chi_chung", "noi_dung", "trach_nhiem"):
            assert field in names, (field, names)  # measured: a list item's, a group's
        editor_org.remove_new_items(driver, keep=CHI_TIEU)

        _type_last(driver, "ten", NEW_GOAL)
        _type_last(driver, "trang_thai", "Hoàn thành", enter=True)
        for name, value in (("duoc_giao", "5"), ("hoan_thanh", "5"), ("dung_han", "5")):
            _type(driver, name, value)
        _type(driver, "tieu_chi_chung", "25")
        _type(driver, "ket_qua_nhiem_vu", "62")
        _type(driver, "trach_nhiem_tap_the", TRACH_NHIEM)
        _choose(driver, "tu_xep_loai", "(HTTNV)")
        assert _control(driver, "ma_to_chuc").get_attribute("value") == editor.target.org_id
        notice = _save_on_screen(driver, "org")
        assert notice["text"] == "Mục đã được lưu", notice
        _saved(driver, editor.repo, editor_org.BRANCH)
        _after_the_notice(driver, found, "org")

    written = _git(editor.repo, "show", f"{editor_org.BRANCH}:{path}")
    assert _git(editor.repo, "diff", "--name-only", "main", editor_org.BRANCH).split() == [path]
    data = yaml.safe_load(written)
    assert data["chi_tieu"][-1] == {"ten": NEW_GOAL, "trang_thai": "hoan_thanh"}, data
    assert len(data["chi_tieu"]) == 3 and "ky_luat" not in data and "ke_thua_tu" not in data
    assert data["nhiem_vu"] == {"duoc_giao": 5, "hoan_thanh": 5, "dung_han": 5}
    assert data["diem"] == {"tieu_chi_chung": 25, "ket_qua_nhiem_vu": 62}
    assert data["kiem_diem"]["trach_nhiem_tap_the"].rstrip("\n") == TRACH_NHIEM
    assert data["lanh_dao"]["pho_bi_thu"] == ["dv-103012"]
    _check_on_branch(editor.repo, editor_org.BRANCH, path)
