"""A re-rating (RULES.md 124-M7) is a result everyone may read, not why it was made.

In the sample's 2025, the xã's committee re-rates dv-101017 (Đặng Văn Quý, chi bộ thôn An
Lạc) 2024 HTTNV → KHTNV: an earlier violation disciplined in 2025, which is committee-only
(README "Data protection": `ky_luat`, a re-rating's reason). The whole organization reads
final levels and who decided them, so its site lists the re-rating under words that state
no violation nor discipline; a chi bộ's site lists only its own members' re-ratings; the
committee that recorded it (and the one deciding him) read it whole.
generator/site/audiences.py, generator/privacy/verdicts.py, site_templates/pages/home.md.j2.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

NAME = "Đặng Văn Quý"
HEADING = "Xếp loại lại các năm trước"
DISCIPLINE = "bị kỷ luật trong năm 2025"
REASON = "sử dụng đất sai mục đích"
NEUTRAL = "Cấp ủy có thẩm quyền đã xếp loại lại năm trước của các đảng viên dưới đây"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("rerating-audiences") / "repo", (2024, 2025))
    out = repo / "site"
    assert main(["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]) == 0
    return out


def _home(site: Path, root: str) -> str:
    page = (site / root / "2025" / "index.html").read_text("utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))


def _section(home: str) -> str:
    start = home.rindex(HEADING)  # the heading, after the table of contents
    return home[start:]


@pytest.mark.parametrize("root", ["", "chi-bo/chi-bo-thon-an-lac"])
def test_the_result_is_shown_without_the_discipline(site: Path, root: str) -> None:
    section = _section(_home(site, root))
    assert f"{NAME} 2024 HTTNV KHTNV Quyết định số 95-QĐ/ĐU" in section
    assert NEUTRAL in section
    assert DISCIPLINE not in section and "kỷ luật" not in section and "Vi phạm" not in section
    assert "124-M7" not in section and REASON not in section


@pytest.mark.parametrize(
    "root",
    [
        "chi-bo/chi-bo-van-phong",  # the trial's: another chi bộ of the same xã
        "chi-bo/chi-bo-phan-xuong-che-bien",  # another organization's chi bộ
        "cap-uy/dang-bo-cong-ty-che-mau-son",  # another organization's committee
    ],
)
def test_other_organizations_sites_do_not_list_him(site: Path, root: str) -> None:
    home = _home(site, root)
    assert HEADING not in home and NAME not in home and DISCIPLINE not in home


@pytest.mark.parametrize("root", ["cap-uy/dang-bo-xa-an-son", "cap-uy/chi-bo-thon-an-lac"])
def test_the_committees_read_it_whole(site: Path, root: str) -> None:
    section = _section(_home(site, root))
    assert f"{NAME} 2024 HTTNV KHTNV" in section
    assert f"Vi phạm từ năm trước {DISCIPLINE}" in section and REASON in section
    assert NEUTRAL not in section
