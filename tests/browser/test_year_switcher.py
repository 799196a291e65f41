"""Material's year switcher keeps the reader on the same page in the other year when that
page exists there, else that year's home (issue 13 item 6): each year's sitemap.xml lists
its pages (site_templates/overrides/sitemap.xml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.submissions.layout import years
from tests.browser.sample_site import ROOT, browser, needs_chromium, site, sitemap

__all__ = ["browser", "site"]  # fixtures

YEAR = 2025

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.skipif(
        not {YEAR, YEAR - 1} <= set(years(ROOT)), reason="no sample years 2024 and 2025"
    ),
]


def _switch_year(browser: Any, year: int) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.execute_script("window.scrollTo(0, 0)")
    selector = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".md-version")))
    ActionChains(browser).move_to_element(selector).perform()
    link = wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, f".md-version__list a[href*='/{year}/']"))
    )
    link.click()
    wait.until(ec.url_contains(f"/{year}/"))


def test_year_switcher_keeps_the_page(site: tuple[str, Path], browser: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    base, out = site
    wait = WebDriverWait(browser, 20)
    here, other = sitemap(out, YEAR), sitemap(out, YEAR - 1)
    assert len(here) > 6, "every page of the year is in its sitemap"
    shared = sorted(
        p for p in set(here) & set(other) if p.startswith("to-chuc/") and p != "to-chuc/"
    )
    only_here = sorted(p for p in set(here) - set(other) if p.startswith("to-chuc/"))
    assert shared and only_here
    # an organization page that exists in both years: the same page in the other year
    for rel in (shared[0], "thong-ke/"):
        browser.get(f"{base}/{YEAR}/{rel}")
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".md-version")))
        _switch_year(browser, YEAR - 1)
        wait.until(ec.url_to_be(f"{base}/{YEAR - 1}/{rel}"))
        current = browser.find_element(By.CSS_SELECTOR, ".md-version__current")
        assert current.text.strip() == str(YEAR - 1)
    # a page the other year does not have: that year's home
    browser.get(f"{base}/{YEAR}/{only_here[0]}")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".md-version")))
    _switch_year(browser, YEAR - 1)
    wait.until(ec.url_to_be(f"{base}/{YEAR - 1}/"))
