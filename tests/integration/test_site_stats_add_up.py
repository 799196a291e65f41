"""Every row of every statistics table adds up, on every site, a withheld level included.

dv-101012 (chi bộ thôn An Lạc) is disciplined and concluded degraded, and her chi bộ's
decision leaves her out: a provisional level only the committee deciding her may read
(test_privacy_withheld_counts). The other sites count her as without a level: in "Chưa có
mức", never in a level nor the shares — and "Được xếp loại" must then be the levels plus
"Chưa có mức", and the total that plus "Không xếp loại". The page says how its numbers
differ from `kiemdiem stats`. site_templates/pages/stats.md.j2, generator/site/audiences.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample
from tests.integration.test_privacy_withheld_counts import withhold_deputy_level

XA = "dang-bo-xa-an-son"
CHI_BO = "chi-bo-thon-an-lac"
DECISION = f"submissions/2025/dang-bo-tinh-hoa-lam/{XA}/{CHI_BO}/quyet-dinh.yaml"
LEVELS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")
DIFFERENCE = 'mức dự kiến không công bố trên trang này được tính vào "Chưa có mức"'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("stats-add-up") / "repo", (2024, 2025))
    withhold_deputy_level(repo)
    out = repo / "site"
    assert main(["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]) == 0
    return out


def _text(cell: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", cell))).strip()


def _tables(page: str) -> dict[str, tuple[list[str], list[list[str]]]]:
    out = {}
    for name, body in re.findall(r'<table[^>]*id="(bang-[^"]+)"[^>]*>(.*?)</table>', page, re.S):
        heads = [_text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", body, re.S)]
        rows = [
            [_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
            for row in re.findall(r"<tbody>.*?</tbody>", body, re.S)[0].split("</tr>")
        ]
        out[name] = (heads, [r for r in rows if len(r) == len(heads)])
    return out


def _n(cell: str) -> int | None:
    """A count, None where the page hides it ("< 3", "≥ 3": at least 1 either way)."""
    m = re.fullmatch(r"(\d+)( \(.*\))?", cell)
    return int(m.group(1)) if m else None


def _check_row(heads: list[str], row: list[str]) -> None:
    cells = dict(zip(heads, row, strict=True))
    total = _n(cells.get("Tổng số đảng viên") or cells["Tổng số"])
    assert total is not None
    parts = [_n(cells[h]) for h in (*LEVELS, "Chưa có mức", "Không xếp loại")]
    levels = [_n(cells[h]) for h in LEVELS]
    if None not in parts:
        assert sum(p for p in parts if p is not None) == total, (heads, row)
    else:  # hidden small counts: each is at least 1
        assert total - sum(p for p in parts if p is not None) >= parts.count(None), row
    if "Được xếp loại" in cells and None not in levels:
        rated = sum(n for n in levels if n is not None) + (_n(cells["Chưa có mức"]) or 0)
        assert _n(cells["Được xếp loại"]) == rated, (heads, row)
    if "Trong đó mức dự kiến" in cells and None not in levels:
        assert (_n(cells["Trong đó mức dự kiến"]) or 0) <= sum(n or 0 for n in levels)


def _pages(site: Path) -> list[Path]:
    return sorted(site.glob("**/2025/thong-ke/index.html"))


def test_every_row_adds_up_on_every_site(site: Path) -> None:
    pages = _pages(site)
    assert len(pages) >= 10  # the organization's, the committees' and the chi bộ's
    for page in pages:
        tables = _tables(page.read_text("utf-8"))
        assert {"bang-toan-dang-bo", "bang-theo-to-chuc"} <= set(tables), page
        for name, (heads, rows) in tables.items():
            if name == "bang-khong-xep-loai":
                continue  # reasons, one count each
            assert rows or name == "bang-loai-hinh", (page, name)
            for row in rows:
                if row[0].startswith("Chênh lệch"):
                    continue
                _check_row(heads, row)


def _rest(site: Path, root: str) -> tuple[str, str, str]:
    """The whole tree's "Được xếp loại", "Chưa có mức" and "Trong đó mức dự kiến"."""
    heads, (row,) = _tables((site / root / "2025/thong-ke/index.html").read_text("utf-8"))[
        "bang-toan-dang-bo"
    ]
    cells = dict(zip(heads, row, strict=True))
    return cells["Được xếp loại"], cells["Chưa có mức"], cells["Trong đó mức dự kiến"]


def test_her_withheld_level_is_counted_without_a_level(site: Path) -> None:
    # the chi bộ's committee decides her: reads her provisional KHTNV (counted in it)
    assert _rest(site, f"cap-uy/{CHI_BO}") == ("7", "0", "1")
    # the others count her in "Chưa có mức", still among those rated
    assert _rest(site, f"chi-bo/{CHI_BO}") == ("7", "1", "0")
    assert _rest(site, f"cap-uy/{XA}")[:2] == ("25", "1")
    assert _rest(site, "")[1] == "1"


def _plain(site: Path, root: str) -> str:
    page = (site / root / "2025/thong-ke/index.html").read_text("utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def test_the_page_says_how_it_differs_from_kiemdiem_stats(site: Path) -> None:
    for root in ("", f"chi-bo/{CHI_BO}", f"cap-uy/{XA}"):
        page = _plain(site, root)
        assert DIFFERENCE in page, root
        assert "giống hệt lệnh" not in page, root
    own = _plain(site, f"cap-uy/{CHI_BO}")  # reads every level of its subtree
    assert DIFFERENCE not in own and "và giống hệt dòng đó" in own
    assert "số nhỏ được ghi" in _plain(site, "")
