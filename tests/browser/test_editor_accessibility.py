"""The editor's forms, a member's review and the chi bộ's collective review (`to-chuc`), under
axe-core in headless Chromium, at a phone's width (375 px) and a desktop's, over the sample
(the set-up of tests/browser/test_editor_browser.py).

A trial in a real browser found, in Decap CMS as we ship it: grey text and a red badge under
4.5:1, a list item's buttons and drag handle without a name, group toggles called only "Mở
rộng", and (at 375 px) `scrollable-region-focusable`. The fixes are ours
(generator/editor/assets/: kiemdiem-editor.css, kiemdiem-a11y.js, vi.js); each form and
width loads the page once: the collection's listing is checked, then the form (a new member
review; the chi bộ's own file, its lists already holding items) with one item added to
each list.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

import pytest
import yaml

from tests.browser import editor_org
from tests.browser.chrome import chromium
from tests.browser.test_accessibility import AXE, SETTLE
from tests.browser.test_editor_browser import (  # noqa: F401 (the fixtures)
    Editor,
    editor,
    pytestmark,
)

RULES = (
    "color-contrast",
    "button-name",
    "aria-command-name",
    "scrollable-region-focusable",
    "label-content-name-mismatch",
)
AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: RULES, resultTypes: ["violations"]}).then(
  r => done(r.violations.map(v => ({id: v.id, nodes: v.nodes.slice(0, 8).map(
    n => [n.target.join(" "), n.failureSummary, n.html.slice(0, 300)])}))),
  e => done([{id: "axe-error", nodes: [String(e)]}]));
""".replace("RULES", json.dumps(list(RULES)))
# every expand button, list item control and drag handle: [name, aria-expanded, visible]
NAMES = """
const shown = e => e.getClientRects().length > 0;
const row = e => [e.getAttribute("aria-label"), e.getAttribute("aria-expanded"), shown(e)];
return {
  expand: [...document.querySelectorAll('button[data-testid="expand-button"]')].map(row),
  items: [...document.querySelectorAll('[class*="ListItemTopBar"]')].map(
    bar => [...bar.querySelectorAll('button, [role="button"]')].map(row)),
};
"""


def _axe(driver: Any) -> list[dict[str, Any]]:
    driver.execute_async_script(SETTLE)
    found: list[dict[str, Any]] = driver.execute_async_script(AXE_RUN)
    return found


def _groups(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The groups and lists of the form that have an expand button of their own (a list's
    item is shown by the list, without one)."""
    out = []
    for field in fields:
        if field.get("widget") in ("object", "list"):
            out.append(field)
        if field.get("widget") == "object":
            out += _groups(field["fields"])
    return out


def _form_fields(site: Editor, form: str) -> list[dict[str, Any]]:
    page = site.base.split("?", 1)[0]
    with urllib.request.urlopen(f"{page}config.json", timeout=10) as answer:
        fields: list[dict[str, Any]] = json.load(answer)["fields"][form]
    return fields


def _lists(fields: list[dict[str, Any]], data: dict[str, Any]) -> dict[str, int]:
    """Every list of the form (in groups too): its label and how many items `data` (the
    entry's file) holds in it."""
    out: dict[str, int] = {}
    for field in fields:
        value = data.get(field["name"])
        if field.get("widget") == "list":
            out[field["label"]] = len(value or [])
        elif field.get("widget") == "object":
            out.update(_lists(field["fields"], value if isinstance(value, dict) else {}))
    return out


def _listing(driver: Any) -> list[dict[str, Any]]:
    """axe's findings on a collection's listing, once its entries are listed."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    # the entries listed (Decap's "Đang tải..." gone): the listing a member reads
    WebDriverWait(driver, 30).until(
        lambda d: not d.find_elements(By.CSS_SELECTOR, "[class*='LoaderItem']")
    )
    driver.execute_script(AXE.read_text("utf-8"))  # the app is one page: axe stays
    return _axe(driver)


def _open_form_checking_the_listing(driver: Any, site: Editor) -> list[dict[str, Any]]:
    """Log in, check the collection's listing with axe, open a new review and add one item
    to each list; axe's findings on the listing."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, 30)
    driver.get(site.base)
    wait.until(
        ec.element_to_be_clickable((By.XPATH, "//button[normalize-space()='Đăng nhập']"))
    ).click()
    new = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "a[href$='/dang-vien/new']")))
    listing = _listing(driver)
    new.click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "label[for^='ho_ten-field-']")))
    for add in driver.find_elements(By.CSS_SELECTOR, "button[class*='AddButton']"):
        driver.execute_script("arguments[0].click()", add)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "[class*='ListItemTopBar']"))
    return listing


@pytest.mark.parametrize("form", ["member", "org"])
@pytest.mark.parametrize("width", [375, 1280])
def test_the_forms_pass_axe_and_name_their_controls(editor, width: int, form: str) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    fields = _form_fields(editor, form)
    groups = {f["label"]: f for f in _groups(fields)}
    # the lists and the items they hold: none in a new review, the file's in the chi bộ's
    data = {}
    if form == "org":
        data = yaml.safe_load((editor.repo / editor_org.org_file(editor)).read_text("utf-8"))
    lists = _lists(fields, data)
    assert lists and any(f.get("collapsed") for f in groups.values())
    assert form == "member" or any(lists.values()), lists
    with chromium(script_timeout=60) as driver:
        driver.set_window_size(width, 900)
        assert driver.execute_script("return innerWidth") == width
        if form == "member":
            listing = _open_form_checking_the_listing(driver, editor)
        else:
            listing = editor_org.open_org_review(driver, editor, before_entry=_listing)
            editor_org.add_items(driver)
        found = _axe(driver)
        findings = {"listing": listing, "form": found}
        assert findings == {"listing": [], "form": []}, json.dumps(
            findings, ensure_ascii=False, indent=1
        )

        names = driver.execute_script(NAMES)
        # a group's or list's toggle says which field it opens, and whether it is open
        said = []
        for name, expanded, _ in names["expand"]:
            verb, _, label = (name or "").partition(": ")
            assert (verb, expanded) in (("Mở rộng", "false"), ("Thu gọn", "true")), name
            said.append(label)
        assert sorted(said) == sorted(groups), names["expand"]
        # each list item: its toggle (saying whether it is open), drag handle and remove
        # button, numbered, with the list; the item added is open, the file's are not
        items = [[name for name, _, _ in row] for row in names["items"]]
        expected = [
            [
                f"{'Thu gọn' if n == count + 1 else 'Mở rộng'} mục {n}: {label}",
                f"Kéo để đổi thứ tự mục {n}: {label}",
                f"Xoá mục {n}: {label}",
            ]
            for label, count in lists.items()
            for n in range(1, count + 2)
        ]
        assert sorted(items) == sorted(expected), items
        for row in names["items"]:
            verb = row[0][0].split(" mục ")[0]
            assert row[0][1] == ("true" if verb == "Thu gọn" else "false"), row

        # Decap rewrites its toggle's name when it opens: the field's label stays
        closed = next(label for label, f in groups.items() if f.get("collapsed"))
        button = driver.find_element(By.XPATH, f"//button[@aria-label='Mở rộng: {closed}']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        WebDriverWait(driver, 5).until(
            lambda _: button.get_attribute("aria-label") == f"Thu gọn: {closed}"
        )
        assert button.accessible_name == f"Thu gọn: {closed}"
        assert button.get_attribute("aria-expanded") == "true"

        # the whole form open: what a group shows passes too (its fields, toggles, lists)
        editor_org.open_groups(driver)
        assert not driver.find_elements(By.CSS_SELECTOR, "button[aria-label^='Mở rộng: ']")
        opened = _axe(driver)
        assert opened == [], json.dumps(opened, ensure_ascii=False, indent=1)
