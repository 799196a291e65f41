"""`kiemdiem build --offline`, opened the way the README says: the site folder's index.html
from disk (file://), in headless Chromium. Every link must open a page (not a folder
listing), a chi bộ's members must be reachable, and the search box must say that search
needs a web server rather than fail silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.browser.chrome import CHROMIUM, chromium
from tests.conftest import MINI, write_tree

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def usb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # and the year before, for the links between years (MINI's year moved back one)
    earlier = {k.replace("2025", "2024"): v.replace("2025", "2024") for k, v in MINI.items()}
    repo = write_tree(tmp_path_factory.mktemp("offline") / "repo", {**MINI, **earlier})
    out = repo.parent / "usb"
    # README: `kiemdiem build --offline --out <folder>`, then open <folder>/index.html
    assert main(["--repo", str(repo), "build", "--offline", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def test_offline_site_links_files_not_folders(usb: Path) -> None:
    page = (usb / "2025/to-chuc/index.html").read_text("utf-8")
    assert 'href="../to-chuc/chi-bo-ap-1.html"' in page
    assert (usb / "2025/to-chuc/chi-bo-ap-1.html").is_file()
    assert 'url=2025/index.html"' in (usb / "index.html").read_text("utf-8")


def test_offline_site_opens_from_disk(usb: Path, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.get((usb / "index.html").as_uri())
    wait.until(ec.url_contains("/2025/index.html"))
    # the sidebar's "Tổ chức", then an organization from the tree, then a member
    wait.until(ec.element_to_be_clickable((By.LINK_TEXT, "Tổ chức"))).click()
    wait.until(ec.url_contains("/to-chuc/index.html"))
    wait.until(ec.element_to_be_clickable((By.LINK_TEXT, "Chi bộ Ấp 1"))).click()
    wait.until(ec.url_contains("/to-chuc/chi-bo-ap-1.html"))
    heading = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "article h1")))
    assert heading.text.strip() == "Chi bộ Ấp 1"
    assert "Index of" not in browser.page_source
    member = browser.find_element(By.CSS_SELECTOR, ".kd-members-table a[href='#dv-000001']")
    member.click()
    assert browser.find_element(By.ID, "dv-000001").text.strip() == "Nguyễn Văn Nam"
    browser.save_screenshot(str(ARTIFACTS / "offline-member.png"))
    # search needs a web server: the box says so instead of staying silent
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys("nam")
    meta = browser.find_element(By.CSS_SELECTOR, ".md-search-result__meta")
    wait.until(lambda _: "máy chủ web" in meta.text)


def test_offline_site_changes_year_from_the_home_page(usb: Path, browser) -> None:
    """Material's year menu fetches ../versions.json, which a browser refuses from
    file://, and the root page goes to the newest year: the home page's list of the other
    years is the way to an earlier year, and back."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get((usb / "index.html").as_uri())
    wait.until(ec.url_contains("/2025/index.html"))
    years = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "nav.kd-years")))
    assert [a.text for a in years.find_elements(By.TAG_NAME, "a")] == ["Năm 2024"]
    years.find_element(By.LINK_TEXT, "Năm 2024").click()
    wait.until(ec.url_contains("/2024/index.html"))
    heading = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "article h1")))
    assert heading.text.strip() == "Kiểm điểm năm 2024 (dữ liệu kiểm thử)"
    assert "Index of" not in browser.page_source
    browser.find_element(By.CSS_SELECTOR, "nav.kd-years").find_element(
        By.LINK_TEXT, "Năm 2025"
    ).click()
    wait.until(ec.url_contains("/2025/index.html"))
