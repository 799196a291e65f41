"""A level withheld from a committee's or chi bộ's pages is not in its statistics, nor in
the next year's comparison with it on any site.

In the sample's 2025, dv-101012 (Nguyễn Thị Hoa, phó bí thư of chi bộ thôn An Lạc) is
disciplined cảnh cáo and concluded degraded (366-M4, committee-only: test_privacy_ceilings)
and her chi bộ's decision leaves her out: her level is a provisional KHTNV that only the
committee deciding her (the chi bộ's, D1) may read. The xã's committee decides the chi bộ,
not her: its site withholds her level, so its statistics must count her as not decided —
as the chi bộ's and the organization's sites do — and every site's 2026 statistics compare
with 2025 as that site read 2025, never with the whole year's counts (a difference would
tell her level). The chi bộ's committee still counts her KHTNV, both years.
generator/site/audience_stats.py (`counted_for`), generator/privacy/verdicts.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from tests.conftest import copy_sample
from tests.integration.test_privacy_ceilings import discipline_deputy

CHI_BO = "chi-bo-thon-an-lac"
XA = "dang-bo-xa-an-son"
DECISION = f"submissions/2025/dang-bo-tinh-hoa-lam/{XA}/{CHI_BO}/quyet-dinh.yaml"
NAME = "Chi bộ thôn An Lạc"
SITES = ("", f"cap-uy/{XA}/", f"chi-bo/{CHI_BO}/", f"cap-uy/{CHI_BO}/")


def withhold_deputy_level(repo: Path) -> None:
    """dv-101012 disciplined (`discipline_deputy`) and left out of An Lạc's 2025 decision:
    her KHTNV ceiling stays provisional, withheld from readers who may not read why."""
    discipline_deputy(repo)
    path = repo / DECISION
    data = yaml.safe_load(path.read_text("utf-8"))
    data["dang_vien"] = [r for r in data["dang_vien"] if r["ma_dang_vien"] != "dv-101012"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("withheld-counts") / "repo", (2024, 2025, 2026))
    withhold_deputy_level(repo)
    out = repo / "site"
    common = ["--repo", str(repo), "build", "--year", "2025", "--year", "2026", "--out", str(out)]
    assert main([*common, "--pham-vi", "to-chuc"]) == 0
    for org in (CHI_BO, XA):
        assert main([*common, "--pham-vi", "cap-uy,chi-bo", "--chi-mot", org]) == 0
    return out


def _page(site: Path, root: str, year: int) -> str:
    return (site / f"{root}{year}" / "thong-ke" / "index.html").read_text("utf-8")


def _cells(row: str) -> list[str]:
    return [
        html.unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td>(.*?)</td>", row, re.S)
    ]


def _total(page: str) -> list[str]:
    """The table of the site's whole tree: total, rated, HTXSNV … KHTNV, without a level,
    not rated, of which provisional."""
    table = page[page.index('id="bang-toan-dang-bo"') :]
    row = re.search(r"<tbody><tr[^>]*>(.*?)</tr>", table, re.S)
    assert row is not None
    return _cells(row.group(1))


def _compared(page: str) -> list[str]:
    """The year before's row of the comparison: year, total, rated, HTXSNV … KHTNV."""
    table = page[page.index('id="bang-so-sanh"') :]
    row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", table, re.S)
    assert row is not None
    return _cells(row.group(1))


def _chi_bo_row(page: str) -> list[str]:
    """The chi bộ's row of the table by organization: name, level, total, HTXSNV …
    KHTNV, without a level, not rated, of which provisional, of which to decide."""
    rows = [r for r in re.findall(r"<tr[^>]*>.*?</tr>", page, re.S) if f">{NAME}</a>" in r]
    assert len(rows) == 1, rows
    return _cells(re.sub(r"^<tr[^>]*><td>.*?</td>", "<td></td>", rows[0], flags=re.S))


def test_committee_statistics_do_not_count_a_level_withheld_from_it(site: Path) -> None:
    xa = _page(site, f"cap-uy/{XA}/", 2025)
    own = _page(site, f"cap-uy/{CHI_BO}/", 2025)  # decides her: reads her level
    # the chi bộ's 8 members (7 rated): KHTNV dv-101013 (decided) and her, provisional
    levels = ["0 (0,0%)", "3 (42,9%)", "2 (28,6%)", "2 (28,6%)"]
    assert _chi_bo_row(own)[2:] == ["8", *levels, "0", "1", "1", "0"]
    assert _total(own) == ["8", "7", *levels, "0", "1", "1", "0"]
    # the xã's committee (decides the chi bộ, not her): she has no level it may read,
    # counted as not decided, as on the chi bộ's own site
    # (in "Chưa có mức": the levels and it add up to the 7 rated, and the 1 not rated to 8)
    levels = ["0 (0,0%)", "3 (50,0%)", "2 (33,3%)", "1 (16,7%)"]
    assert _chi_bo_row(xa)[2:] == ["8", *levels, "1", "1", "0", "0"]
    assert _total(_page(site, f"chi-bo/{CHI_BO}/", 2025)) == ["8", "7", *levels, "1", "1", "0", "0"]
    assert _total(xa) == [
        *["27", "25", "3 (12,5%)", "17 (70,8%)", "3 (12,5%)", "1 (4,2%)"],
        *["1", "2", "1", "0"],
    ]


@pytest.mark.parametrize("root", SITES)
def test_next_year_compares_with_the_year_as_the_site_read_it(site: Path, root: str) -> None:
    before = _total(_page(site, root, 2025))
    compared = _compared(_page(site, root, 2026))
    assert compared[0] == "2025"
    assert compared[1:7] == before[:6]  # total, rated, HTXSNV … KHTNV


def test_the_comparison_does_not_tell_her_level(site: Path) -> None:
    """2025's KHTNV as 2026's sites compare with it: hers only where it is read."""
    compared = {root: _compared(_page(site, root, 2026)) for root in SITES}
    assert compared[f"cap-uy/{CHI_BO}/"][6] == "2 (28,6%)"
    assert compared[f"chi-bo/{CHI_BO}/"][6] == "1 (16,7%)"
    assert compared[f"cap-uy/{XA}/"][6] == "1 (4,2%)"
    # the organization's: a small count hidden, and one more cell of the row with it (the
    # three others and "Được xếp loại" would give it back), no shares in that row
    assert compared[""][3:7] == ["ẩn", "27", "6", "< 3"]
