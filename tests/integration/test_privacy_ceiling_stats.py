"""A provisional level withheld from a site is not in that site's statistics either.

In the sample's 2025, dv-101012 (Nguyễn Thị Hoa, phó bí thư of chi bộ thôn An Lạc) is
disciplined cảnh cáo and concluded degraded here, and the xã's decision no longer rates the
chi bộ: its provisional level is KHTNV, capped by 366-O4 (committee-only). Its page on the
organization's and the chi bộ's sites withholds that level (test_privacy_ceilings.py); the
statistics page's row of the chi bộ and the tally of the organizations' levels must too,
while the deciding committee's site (its exact statistics) still shows it.
generator/privacy/verdicts.py (`counted_verdicts`), generator/site/audiences.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import copy_sample
from tests.integration.test_privacy_ceilings import (
    _plain,
    _texts,
    build_audiences,
    discipline_deputy,
)

CHI_BO = "chi-bo-thon-an-lac"
XA = "dang-bo-xa-an-son"
FOLDER = f"submissions/2025/dang-bo-tinh-hoa-lam/{XA}"
NAME = "Chi bộ thôn An Lạc"
KHTNV_BADGE = 'title="Không hoàn thành nhiệm vụ (dự kiến)">KHTNV*<'


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("ceiling-stats") / "repo", (2024, 2025))
    discipline_deputy(repo)
    decision = repo / FOLDER / "quyet-dinh.yaml"
    data = yaml.safe_load(decision.read_text("utf-8"))
    data["to_chuc"] = [r for r in data["to_chuc"] if r["ma_to_chuc"] != CHI_BO]
    decision.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return build_audiences(repo)


def _stats(root: Path) -> str:
    return (root / "thong-ke" / "index.html").read_text("utf-8")


def _row(page: str) -> str:
    """The chi bộ's row of the table by organization (its level is the second cell)."""
    rows = [r for r in re.findall(r"<tr[^>]*>.*?</tr>", page, re.S) if f">{NAME}</a>" in r]
    assert len(rows) == 1, rows
    return rows[0]


def _org_levels_khtnv(page: str) -> str:
    """The KHTNV cell of the table of the organizations' own levels."""
    table = page[page.index('id="bang-to-chuc-dang"') :]
    body = re.search(r"<tbody><tr>(.*?)</tr>", table, re.S)
    assert body is not None
    return re.findall(r"<td>(.*?)</td>", body.group(1))[4]  # total, HTXSNV, HTTNV, HTNV


@pytest.mark.parametrize("root", ["2025", f"chi-bo/{CHI_BO}/2025"])
def test_statistics_do_not_show_a_withheld_level(site: Path, root: str) -> None:
    page = _stats(site / root)
    row = _row(page)
    assert "KHTNV" not in row and "kd-badge" not in row
    assert "KHTNV*" not in _plain(page)
    for text in _texts(site / root):  # pages and search fragments alike
        assert "KHTNV*" not in text
    tree = _plain((site / root / "to-chuc" / "index.html").read_text("utf-8"))
    assert NAME in tree and "KHTNV" not in tree


def test_statistics_do_not_count_a_withheld_level(site: Path) -> None:
    assert _org_levels_khtnv(_stats(site / "2025")) == "0 (0,0%)"


def test_committee_statistics_keep_the_level(site: Path) -> None:
    page = _stats(site / "cap-uy" / XA / "2025")
    assert KHTNV_BADGE in _row(page)
    assert _org_levels_khtnv(page).startswith("1 ")
