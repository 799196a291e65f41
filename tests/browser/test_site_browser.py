"""A real headless Chromium on the built site: search without diacritics, switch year.

Serves a two-year site on 127.0.0.1 (http.server in a thread), types a member's name
without diacritics into the header's search box (Pagefind, generator/site/search.py),
opens the hit, searches a phrase of a review, checks that đ is folded and that exact
diacritics rank first, switches to the other year with the version selector, and keeps
screenshots in tests/artifacts/ (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site.build import build_year_site, write_versions
from generator.site.text import fold
from generator.site.views import YearView
from tests.browser.chrome import CHROMIUM, Served, chromium
from tests.browser.chrome import served as served_folder
from tests.integration.test_site_data import make_findings, make_verdicts, make_year

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


# two members whose names differ only in one tone mark, one with a phrase nobody else wrote
PHRASE = "trồng rừng phòng hộ ven biển"
OVERRIDES = {
    "dv-100003": {"ho_ten": "Đỗ Văn Thành"},
    "dv-100008": {
        "ho_ten": "Đỗ Văn Thanh",
        "kiem_diem": {"uu_diem": f"Vận động bà con {PHRASE} ở xã.", "han_che": "Chưa có."},
    },
    "dv-100009": {
        "ho_ten": "Nguyễn Hiểm <img src=x onerror=window.kdPwned=1>",
        "kiem_diem": {"uu_diem": "<script>window.kdPwned=2</script> <b>đậm</b> nguy hiểm"},
    },
}


@pytest.fixture(scope="module")
def served(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, dict, Path, Served]]:
    base = tmp_path_factory.mktemp("browser")
    out = base / "site"
    years = {}
    previous = None
    for number in (2024, 2025):
        year = make_year(
            number, grassroots=2, chi_bo_per=2, members_per=5, member_overrides=OVERRIDES
        )
        view = YearView(year, make_verdicts(year), make_findings(year), previous=previous)
        build_year_site(view, ROOT, base / "work" / str(number), out / str(number), strict=True)
        years[number] = year
        previous = view
    write_versions(out, [2024, 2025])
    with served_folder(out) as server:
        yield server.base, years, out, server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def test_search_without_diacritics_then_switch_year(served, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    base, years, _, _ = served
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    year = years[2025]
    # a member whose name has diacritics, typed without them
    member = next(m for m in year.members.values() if fold(m.name) != m.name.lower())
    query = fold(member.name)
    wait = WebDriverWait(browser, 20)

    browser.get(f"{base}/")  # the landing page redirects to the newest year
    wait.until(ec.url_contains("/2025/"))
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys(query)
    hit = wait.until(
        ec.presence_of_element_located(
            (By.CSS_SELECTOR, f".md-search-result__item a[href*='#{member.id}']")
        )
    )
    # results are grouped by page: the member's chi bộ page comes first, their section in it
    first = browser.find_element(By.CSS_SELECTOR, ".md-search-result__item")
    assert f"#{member.id}" in first.get_attribute("innerHTML"), "the member is in the first hit"
    assert member.name in hit.text
    browser.save_screenshot(str(ARTIFACTS / "search-without-diacritics.png"))

    hit.click()
    wait.until(ec.url_contains(f"#{member.id}"))
    heading = browser.find_element(By.ID, member.id)
    assert heading.text.strip() == member.name
    browser.save_screenshot(str(ARTIFACTS / "member-review.png"))

    # the version selector lists both years and moves to 2024
    from selenium.webdriver.common.action_chains import ActionChains

    browser.execute_script("window.scrollTo(0, 0)")
    selector = wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".md-version")))
    ActionChains(browser).move_to_element(selector).perform()
    link = wait.until(
        ec.element_to_be_clickable((By.CSS_SELECTOR, ".md-version__list a[href*='/2024/']"))
    )
    link.click()
    wait.until(ec.url_contains("/2024/"))
    # Material fills the selector from versions.json after the page loads, and hides the
    # header's site title (with the selector) once the page is scrolled to an anchor: read
    # the selector's text content, visible or not
    current = wait.until(
        lambda b: next(
            (
                e
                for e in b.find_elements(By.CSS_SELECTOR, ".md-version__current")
                if (e.get_attribute("textContent") or "").strip()
            ),
            False,
        )
    )
    assert (current.get_attribute("textContent") or "").strip() == "2024"
    browser.save_screenshot(str(ARTIFACTS / "year-2024.png"))


def test_search_with_diacritics_and_for_pages(served, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    base, years, _, _ = served
    member = sorted(years[2025].members.values(), key=lambda m: m.id)[-1]
    wait = WebDriverWait(browser, 20)
    for query, expected in ((member.name, f"#{member.id}"), ("kiem diem", "huong-dan/")):
        browser.get(f"{base}/2025/")
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
        box.click()
        box.send_keys(query)
        wait.until(
            ec.presence_of_element_located(
                (By.CSS_SELECTOR, f".md-search-result__item a[href*='{expected}']")
            )
        )


def _search(browser, base: str, query: str) -> list:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(f"{base}/2025/")
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys(query)
    wait.until(
        lambda b: (
            b.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
            or "Không tìm thấy" in b.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
        )
    )
    return browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item")


def test_search_folds_d_and_ranks_exact_diacritics_first(served, browser) -> None:
    base, _, _, _ = served
    # typed without diacritics, đ included: both Đỗ Văn Thành and Đỗ Văn Thanh
    hits = _search(browser, base, "do van thanh")
    titles = [h.find_element("css selector", "h1").text for h in hits]
    assert {"Đỗ Văn Thành", "Đỗ Văn Thanh"} <= set(titles), titles
    browser.save_screenshot(str(ARTIFACTS / "search-d-folded.png"))
    # typed with its diacritics, the exact name comes first, the other one after it
    for exact, other in (("Đỗ Văn Thành", "Đỗ Văn Thanh"), ("Đỗ Văn Thanh", "Đỗ Văn Thành")):
        titles = [h.find_element("css selector", "h1").text for h in _search(browser, base, exact)]
        assert titles[0] == exact and other in titles, titles
    # "diem" and "dang" find điểm and Đảng, marked in the excerpt
    for query, word in (("diem", "điểm"), ("dang", "đảng")):
        hits = _search(browser, base, query)
        marks = [m.text.lower() for h in hits for m in h.find_elements("css selector", "mark")]
        assert word in marks, (query, marks)


def test_search_a_phrase_of_a_review_loads_little(served, browser) -> None:
    base, _, out, server = served
    hits = _search(browser, base, PHRASE)
    link = hits[0].find_element("css selector", "a")
    assert link.get_attribute("href").endswith("#dv-100008")
    assert "trồng rừng" in hits[0].text
    # what searching downloaded from the index, as the server saw it: the script, the
    # wasm, a few small chunks and fragments, not the year
    index = "/2025/pagefind/"
    fetched = [p.split(index, 1)[1] for p in server.requested if index in p]
    assert any(p.startswith("index/") for p in fetched), fetched
    assert any(p.startswith("fragment/") for p in fetched), fetched
    loaded = sum((out / "2025" / "pagefind" / p).stat().st_size for p in set(fetched))
    assert 0 < loaded < 1_000_000, loaded
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    link.click()
    heading = WebDriverWait(browser, 20).until(ec.presence_of_element_located(("id", "dv-100008")))
    assert heading.text.strip() == "Đỗ Văn Thanh"


def test_search_shows_submitted_markup_as_text(served, browser) -> None:
    base, _, _, _ = served
    hits = _search(browser, base, "nguy hiem")
    hit = next(
        h for h in hits if "dv-100009" in h.find_element("css selector", "a").get_attribute("href")
    )
    assert "<img src=x" in hit.find_element("css selector", "h1").text
    assert "<script>" in hit.text and "<b>đậm</b>" in hit.text
    assert not hit.find_elements("css selector", "img, script, b")
    assert browser.execute_script("return window.kdPwned") is None
