"""A real headless Chromium on a year whose search is split into several full-text shards
(generator.site.search_layout): the search box searches the names everywhere (the name
bucket of the query's last word) and the full text of the unit of the page the reader is
on; "all units" merges every shard.

Built with 10 members per shard, so each of the three đảng bộ xã is its own shard, and
the 30 members' names are in eight buckets; 24 of them are named Đào (8 family names),
so Đào's bucket is in two parts of at most 20 names, by family name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.site import search_layout
from generator.site.build import build_year_site, write_versions
from generator.site.search_layout import bucket_of
from generator.site.text import fold
from generator.site.views import YearView
from tests.browser.chrome import CHROMIUM, Served, chromium
from tests.browser.chrome import served as served_folder
from tests.integration.test_site_data import make_findings, make_verdicts, make_year

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
PHRASE = "nuôi tôm công nghệ cao trên cát"
MEMBER = "dv-100017"  # in chi-bo-2-2, đảng bộ xã 2
FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Bùi", "Đỗ"]
NAMESAKES = [n for n in range(100001, 100031) if not 100011 <= n <= 100017]
OVERRIDES: dict[str, dict[str, Any]] = {
    f"dv-{n}": {"ho_ten": f"{FAMILIES[i % 8]} Thị Đào"} for i, n in enumerate(NAMESAKES)
}
OVERRIDES[MEMBER] = {
    "ho_ten": "Đặng Thị Đào",
    "kiem_diem": {"uu_diem": f"Vận động bà con {PHRASE}.", "han_che": "Chưa có."},
}
HINT = "gõ họ và tên"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Served]]:
    tmp = tmp_path_factory.mktemp("scope")
    year = make_year(2025, grassroots=3, chi_bo_per=2, members_per=5, member_overrides=OVERRIDES)
    view = YearView(year, make_verdicts(year), make_findings(year))
    out = tmp / "site"
    with pytest.MonkeyPatch.context() as patch:  # 2 units a file: the three in 4 files
        patch.setattr(search_layout, "UNIT_FILE_UNITS", 2)
        build_year_site(view, ROOT, tmp / "work" / "docs", out / "2025", search_shard_members=10)
    write_versions(out, [2025])
    with served_folder(out) as server:
        yield f"{server.base}/2025/", out, server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def _fetched(out: Path, server: Served) -> dict[str, int]:
    """What the browser fetched under pagefind/ since the last call, as the server saw it
    (Pagefind fetches from a web worker, which the page's resource timing does not list):
    path below pagefind/ -> bytes of the file."""
    paths = server.take()
    return {
        path.split("/pagefind/", 1)[1]: (out / path.lstrip("/")).stat().st_size
        for path in paths
        if "/pagefind/" in path and (out / path.lstrip("/")).is_file()
    }


def _search(browser: Any, url: str, query: str, scope: str | None = None) -> tuple[list, str]:
    """Open `url`, type `query` (then choose `scope` in the list), return the hits' links
    and the result line."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(url)
    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    box.click()
    box.send_keys(query)
    searched = "[data-kd-search][data-kd-searched]"
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, searched)))
    if scope is not None:  # the list is shown once the shards' labels are loaded
        wait.until(ec.visibility_of_element_located((By.CSS_SELECTOR, ".kd-search-scope select")))
        browser.execute_script(
            "document.querySelector('[data-kd-search]').removeAttribute('data-kd-searched')"
        )
        Select(browser.find_element(By.CSS_SELECTOR, ".kd-search-scope select")).select_by_value(
            scope
        )
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, searched)))
    links = [
        a.get_attribute("href")
        for a in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item a")
    ]
    meta = browser.find_element(By.CSS_SELECTOR, ".md-search-result__meta").text
    return links, meta


def test_full_text_is_searched_in_the_unit_of_the_page(served, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    base, out, server = served
    # which unit is in which shard is not in the manifest every query loads, but in
    # files by the unit id's hash (four here, for three units: built with 2 units a file)
    manifest = json.loads((out / "2025" / "pagefind" / "phan.json").read_text("utf-8"))
    assert "dang-bo-xa" not in json.dumps(manifest) and manifest["don_vi"]["so"] == 4
    # on a chi bộ page of đảng bộ xã 2: its shard is chosen, the phrase is found
    _fetched(out, server)
    links, _ = _search(browser, f"{base}to-chuc/chi-bo-2-1/", PHRASE)
    assert links and links[0].endswith(f"#{MEMBER}"), links
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import Select, WebDriverWait

    scopes = (By.CSS_SELECTOR, ".kd-search-scope select")
    select = WebDriverWait(browser, 20).until(ec.visibility_of_element_located(scopes))
    assert select.get_attribute("value") == "1"
    # labelled from phan-ten.json, which the manifest every query loads no longer holds
    assert Select(select).first_selected_option.text == "Toàn văn: Đảng bộ xã Số 2"
    assert "Đảng bộ xã" not in json.dumps(manifest, ensure_ascii=False)
    loaded = _fetched(out, server)
    assert "phan-ten.json" in loaded, loaded
    # the files of the page's organization and its superiors, that of its unit among them
    files = {name for name in loaded if name.startswith("don-vi/")}
    page = {f"don-vi/{bucket_of(o, 4)}.json" for o in ("chi-bo-2-1", "dang-bo-xa-2", "huyen-mau")}
    assert f"don-vi/{bucket_of('dang-bo-xa-2', 4)}.json" in files <= page, loaded
    shards = {name.split("/")[1] for name in loaded if name.startswith("phan/")}
    assert shards == {manifest["phan"][1]["id"]}, loaded
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "search-scope-unit.png"))
    # on a page of đảng bộ xã 1, its own shard: the phrase is not there
    links, _ = _search(browser, f"{base}to-chuc/chi-bo-1-1/", PHRASE)
    assert not any(MEMBER in link for link in links), links
    links, _ = _search(browser, f"{base}to-chuc/chi-bo-1-1/", f'"{PHRASE}"')  # exact phrase
    assert not links, links


def test_home_searches_names_then_every_unit_when_asked(served, browser: Any) -> None:
    base, out, server = served
    # the home page belongs to no unit: names and pages only, and the box says how to go on
    links, meta = _search(browser, base, PHRASE)
    assert not any(MEMBER in link for link in links) and "Toàn văn" in meta, (links, meta)
    # "all units" merges every shard
    links, _ = _search(browser, base, PHRASE, scope="*")
    assert links and links[0].endswith(f"#{MEMBER}"), links
    # a name typed without diacritics (đ too) is found from anywhere, by the names bundle
    _fetched(out, server)
    links, _ = _search(browser, base, fold("Đặng Thị Đào"))
    assert links and links[0].endswith(f"#{MEMBER}"), links
    loaded = _fetched(out, server)
    # the names search loaded no shard and one part of one name bucket:
    assert not any(name.startswith("phan/p-") for name in loaded), loaded
    # the bucket of the given name, the last word typed, in two parts by family name:
    # only the part of the family name, the first word typed (the member is in it)
    manifest = json.loads((out / "2025" / "pagefind" / "phan.json").read_text("utf-8"))
    bucket = bucket_of("dao", manifest["ten"]["so"])
    assert manifest["ten"]["so_phan"][bucket] == 2 == len(manifest["ten"]["phan"][bucket])
    parts = {name.split("/")[1] for name in loaded if name.startswith("ten/")}
    assert parts == {f"{bucket}-{bucket_of('dang', 2)}"}, loaded
    assert 0 < sum(loaded.values()) < 1_000_000, loaded
    # while a unit's page loads its own shard only
    _fetched(out, server)
    _search(browser, f"{base}to-chuc/chi-bo-2-1/", PHRASE)
    shards = {name.split("/")[1] for name in _fetched(out, server) if name.startswith("phan/")}
    assert len(shards) == 1, shards


def test_a_full_name_is_found_in_another_unit_from_one_part(served, browser: Any) -> None:
    base, out, server = served
    manifest = json.loads((out / "2025" / "pagefind" / "phan.json").read_text("utf-8"))
    bucket = bucket_of("dao", manifest["ten"]["so"])
    # on a page of đảng bộ xã 1, a member of đảng bộ xã 2 by family and given name
    _fetched(out, server)
    links, _ = _search(browser, f"{base}to-chuc/chi-bo-1-1/", "Đặng Đào")
    assert links and links[0].endswith(f"#{MEMBER}"), links
    loaded = _fetched(out, server)
    parts = {name.split("/")[1] for name in loaded if name.startswith("ten/")}
    assert parts == {f"{bucket}-{bucket_of('dang', 2)}"}, loaded
    # one word: no name bucket loaded, and the box says to type the whole name
    links, _ = _search(browser, base, "Đào")
    assert not any(MEMBER in link for link in links), links
    assert not any(name.startswith("ten/") for name in _fetched(out, server))
    from selenium.webdriver.common.by import By

    hint = browser.find_element(By.CSS_SELECTOR, ".kd-search-hint")
    assert hint.is_displayed() and HINT in hint.text, hint.text
    # the whole name typed in its place: the member is found, the hint goes
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("Đặng Thị Đào")
    searched = '[data-kd-search][data-kd-searched="Đặng Thị Đào"]'
    WebDriverWait(browser, 20).until(ec.presence_of_element_located((By.CSS_SELECTOR, searched)))
    first = browser.find_element(By.CSS_SELECTOR, ".md-search-result__item a")
    assert first.get_attribute("href").endswith(f"#{MEMBER}")
    assert not browser.find_element(By.CSS_SELECTOR, ".kd-search-hint").is_displayed()
