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
# every list item bar on the page that `mark_items` has not seen: [its own list's label,
# its remove button]
NEW_ITEMS = """
return [...document.querySelectorAll('[class*="ListItemTopBar"]')]
  .filter(bar => !bar.dataset.kdSeen)
  .map(bar => [(bar.lastElementChild.getAttribute("aria-label") || "").split(": ").pop(),
               bar.lastElementChild]);
"""
MARK_ITEMS = """
document.querySelectorAll('[class*="ListItemTopBar"]').forEach(bar => bar.dataset.kdSeen = "1");
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
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver.execute_script(MARK_ITEMS)
    for add in driver.find_elements(By.CSS_SELECTOR, "button[class*='AddButton']"):
        driver.execute_script("arguments[0].click()", add)
    # kiemdiem-a11y.js names the new items' buttons (after their list) on the next frame
    WebDriverWait(driver, 10).until(
        lambda d: (items := d.execute_script(NEW_ITEMS)) and all(label for label, _ in items)
    )


def open_groups(driver: Any) -> None:
    """Open every collapsed group (and the groups inside those)."""
    from selenium.webdriver.common.by import By

    for _ in range(5):  # a group opened may show groups of its own
        closed = driver.find_elements(By.CSS_SELECTOR, "button[aria-label^='Mở rộng: ']")
        if not closed:
            return
        for button in closed:
            driver.execute_script("arguments[0].click()", button)


def open_every_group_and_add_items(driver: Any) -> None:
    """Every group open and one item added to every list, as a secretary scrolling through
    the whole form would find it."""
    open_groups(driver)
    add_items(driver)


def remove_new_items(driver: Any, *, keep: str) -> None:
    """Remove the items `open_every_group_and_add_items` added, but the one of the list
    labelled `keep` (an empty item with required fields would block the save)."""
    for label, remove in driver.execute_script(NEW_ITEMS):
        if label != keep:
            driver.execute_script("arguments[0].click()", remove)
    left = [label for label, _ in driver.execute_script(NEW_ITEMS)]
    assert left == [keep], left
