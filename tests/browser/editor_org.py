"""The chi bộ's collective review (`to-chuc`) in the editor, opened as its secretary does:
log in, the collection "Bản kiểm điểm tập thể" from the side bar, its one file. Shared by
tests/browser/test_editor_phone.py and test_editor_accessibility.py (the set-up of
test_editor_browser.py: the sample's chi bộ already has its `to-chuc.yaml`)."""

from __future__ import annotations

from typing import Any

from tests.browser.test_editor_browser import Editor

COLLECTION = "to-chuc"
# decap-server (MODE=git) saves a file collection's entry on `cms/<collection>/<file name>`
BRANCH = "cms/to-chuc/to-chuc"
# Done in the page, in one script each: a click re-renders the form, and an element found
# before it may be gone (Selenium's stale element) on a slow machine.
# the list items `MARK_ITEMS` has not seen: their own list's label (from the name
# kiemdiem-a11y.js gives their remove button); `arguments[0]`: remove the first of another
# list than it (one a script, as ADD_NEXT)
NEW_ITEMS = """
const bars = [...document.querySelectorAll('[class*="ListItemTopBar"]')]
  .filter(bar => !bar.dataset.kdSeen);
const of = bar => (bar.lastElementChild.getAttribute("aria-label") || "").split(": ").pop();
const other = arguments[0] && bars.find(bar => of(bar) !== arguments[0]);
if (other) other.lastElementChild.click();
return bars.map(of);
"""
MARK_ITEMS = """
document.querySelectorAll('[class*="ListItemTopBar"]').forEach(bar => bar.dataset.kdSeen = "1");
document.querySelectorAll('button[class*="AddButton"]').forEach(add => add.dataset.kdAdd = "1");
"""
# click the next add button MARK_ITEMS marked; false when none is left (one click a script:
# two lists of one group clicked in the same task, the second's change undid the first's)
ADD_NEXT = """
const add = document.querySelector('button[data-kd-add="1"]');
if (!add) return false;
add.dataset.kdAdd = "done";
add.click();
return true;
"""
# click every closed group's toggle (named by kiemdiem-a11y.js); how many (-1: not all
# toggles named yet)
OPEN_GROUPS = """
const toggles = [...document.querySelectorAll('button[data-testid="expand-button"]')];
if (toggles.some(b => !(b.getAttribute("aria-label") || "").includes(": "))) return -1;
const closed = document.querySelectorAll('button[aria-label^="Mở rộng: "]');
closed.forEach(button => button.click());
return closed.length;
"""


def org_file(site: Editor) -> str:
    return f"{site.target.folder}/to-chuc.yaml"


def open_org_review(driver: Any, site: Editor, *, before_entry: Any = None) -> Any:
    """Log in (unless still logged in), open the collective review's collection and its
    file; `before_entry(driver)` runs on the collection's page (a test of the listing)
    and its result is returned."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, 30)
    driver.get(site.base)
    side = f"a[href$='/collections/{COLLECTION}']"
    first = wait.until(
        ec.element_to_be_clickable(
            (
                By.XPATH,
                f"//button[normalize-space()='Đăng nhập'] | //a[contains(@href, '/collections/{COLLECTION}')]",
            )
        )
    )
    if first.tag_name == "button":  # a second visit is still logged in
        first.click()
    wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, side))).click()
    entry = wait.until(
        ec.element_to_be_clickable(
            (By.CSS_SELECTOR, f"a[href$='/collections/{COLLECTION}/entries/{COLLECTION}']")
        )
    )
    assert entry.text.startswith("Bản kiểm điểm tập thể năm"), entry.text
    found = before_entry(driver) if before_entry else None
    entry.click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "label[for^='ten-field-']")))
    return found


def add_items(driver: Any) -> None:
    """Add one item to every list (nested lists too), items already in the file kept; the
    new ones are those `remove_new_items` sees."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script(MARK_ITEMS)
    while driver.execute_script(ADD_NEXT):
        pass
    # kiemdiem-a11y.js names the new items' buttons (after their list) on the next frame
    WebDriverWait(driver, 10).until(
        lambda d: (labels := d.execute_script(NEW_ITEMS)) and all(labels)
    )


def open_groups(driver: Any) -> None:
    """Open every collapsed group, and the groups inside those (named a frame later); lists
    must hold an item (`add_items`)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10, poll_frequency=0.3).until(
        lambda d: d.execute_script(OPEN_GROUPS) == 0
    )


def open_every_group_and_add_items(driver: Any) -> None:
    """Every group open and one item added to every list, as a secretary scrolling through
    the whole form would find it. Items first: an empty list's toggle opens nothing and
    keeps saying "Mở rộng"."""
    add_items(driver)
    open_groups(driver)


def remove_new_items(driver: Any, *, keep: str) -> None:
    """Remove the items `open_every_group_and_add_items` added, but the one of the list
    labelled `keep` (an empty item with required fields would block the save)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 10, poll_frequency=0.2).until(
        lambda d: d.execute_script(NEW_ITEMS, keep) == [keep]
    )
