"""No page over 500 KB, whatever the shape of the year (issue 11).

Two real builds (MkDocs strict): a year whose single chi bộ has 3,000 members with long
reviews, and a year with 5,000 findings. Every HTML page is measured; the paged lists are
followed link by link so that nobody drops out of the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.findings import Finding, Position, Severity
from generator.site.build import build_year_site
from generator.site.views import YearView
from tests.integration.test_site_data import make_verdicts, make_year

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 500 * 1024
LONG = "Luôn giữ vững lập trường tư tưởng, chấp hành nghiêm chủ trương của Đảng. " * 25


def _pages(site: Path) -> list[tuple[Path, int]]:
    return [(p, p.stat().st_size) for p in site.rglob("*.html")]


def _assert_bounded(site: Path) -> None:
    pages = _pages(site)
    assert pages
    too_big = [(str(p.relative_to(site)), size) for p, size in pages if size > LIMIT]
    assert not too_big, too_big


@pytest.fixture(scope="module")
def big_chi_bo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, YearView]:
    base = tmp_path_factory.mktemp("big-chi-bo")
    ids = [f"dv-{100001 + i}" for i in range(3000)]
    long_review = {
        "kiem_diem": {"uu_diem": LONG, "han_che": LONG[:600], "phuong_huong": "Cố gắng."}
    }
    year = make_year(
        2025,
        grassroots=1,
        chi_bo_per=1,
        members_per=3000,
        member_overrides={mid: long_review for mid in ids},
    )
    view = YearView(year, make_verdicts(year), [])
    build_year_site(view, ROOT, base / "work", base / "site", strict=True)
    return base / "site", view


def test_a_chi_bo_of_3000_members_is_paged_under_500_kb(
    big_chi_bo: tuple[Path, YearView],
) -> None:
    site, view = big_chi_bo
    _assert_bounded(site)
    first = (site / "to-chuc/chi-bo-1-1/index.html").read_text("utf-8")
    pager = re.search(r'<nav class="kd-pager".*?</nav>', first, re.S)
    assert pager, "the chi bộ's first page links its other pages"
    links = re.findall(r'href="../../to-chuc/chi-bo-1-1/trang-(\d+)/"', pager.group(0))
    assert len(links) >= 30 and links[-1] == str(len(links) + 1)
    # every member is on exactly one page, at the address the rest of the site links to
    seen: dict[str, str] = {}
    for path in sorted((site / "to-chuc/chi-bo-1-1").rglob("index.html")):
        for mid in re.findall(r'<h3 id="(dv-\d+)"', path.read_text("utf-8")):
            assert mid not in seen
            seen[mid] = str(path.parent.relative_to(site))
    assert len(seen) == 3000
    last = "dv-103000"
    href = view.member_href(last, "")
    assert href == f"{seen[last]}/#{last}"
    # the last page's members' table numbers its rows on from the pages before
    last_page = (site / seen[last] / "index.html").read_text("utf-8")
    assert "<tr><td>3000</td>" in last_page


def test_5000_findings_are_split_by_organization_under_500_kb(
    tmp_path: Path,
) -> None:
    year = make_year(2025, grassroots=2, chi_bo_per=2, members_per=4)
    member = sorted(year.members)[0]
    org = year.members[member].org_id
    findings = [
        Finding(
            "schema-enum",
            Severity.ERROR if i % 3 else Severity.WARNING,
            f"submissions/2025/huyen-mau/dang-bo-xa-1/{org}/dang-vien/{member}.yaml",
            Position(i + 1, 3),
            f"Vấn đề số {i} của tệp: giá trị không hợp lệ cho `tu_xep_loai`.",
            "Viết mã: HTXSNV, HTTNV, HTNV hoặc KHTNV.",
            actor="member",
        )
        for i in range(4000)
    ] + [
        Finding(
            "rule-quota-exceeded",
            Severity.ERROR,
            "submissions/2025/huyen-mau/dang-bo-xa-1/quyet-dinh.yaml",
            Position(i + 1, 3),
            f"Vượt tỷ lệ HTXSNV ({i}).",
            rule="366-M6",
            actor="committee",
        )
        for i in range(1000)
    ]
    view = YearView(year, make_verdicts(year), findings)
    site = tmp_path / "site"
    build_year_site(view, ROOT, tmp_path / "work", site, strict=True)
    _assert_bounded(site)
    summary = (site / "van-de/index.html").read_text("utf-8")
    assert "5000 vấn đề" in summary
    assert f'href="../van-de/to-chuc/{org}/"' in summary
    assert 'href="../van-de/to-chuc/dang-bo-xa-1/"' in summary
    # each finding is listed once, on its organization's pages
    listed = 0
    for path in (site / "van-de/to-chuc").rglob("index.html"):
        listed += len(re.findall(r'<tr class="kd-sev-', path.read_text("utf-8")))
    assert listed == 5000
    assert (site / f"van-de/to-chuc/{org}/trang-16/index.html").is_file()
    # the organization's own page shows the first few and links to all of them
    org_page = (site / f"to-chuc/{org}/index.html").read_text("utf-8")
    assert org_page.count('<tr class="kd-sev-') == 20
    assert f'href="../../van-de/to-chuc/{org}/"' in org_page
