"""A re-rating record (RULES.md 124-M7) shows on both years' sites: the earlier year's
member carries the new final level, the later year lists the re-rating."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from generator.site.build import BuildOptions, build_site
from tests.conftest import ROOT

ROOT_DECISIONS = "submissions/2025/dang-bo-tinh-hoa-lam/quyet-dinh.yaml"
CHI_BO_2024 = "2024/to-chuc/chi-bo-thon-an-lac/index.html"
MEMBER = "dv-101012"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("rerating") / "repo"
    shutil.copytree(
        ROOT / "submissions",
        repo / "submissions",
        ignore=lambda folder, names: [n for n in names if n == "2026"],
    )
    for name in ("schema", "site_templates"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    decisions = repo / ROOT_DECISIONS
    decisions.write_text(
        decisions.read_text(encoding="utf-8")
        + "xep_loai_lai:\n"
        + f"  - ma_dang_vien: {MEMBER}\n"
        + "    nam: 2024\n"
        + "    muc: KHTNV\n"
        + '    ly_do: "Vi phạm năm 2024, bị kỷ luật khiển trách năm 2025"\n',
        encoding="utf-8",
    )
    out = repo / "site"
    build_site(BuildOptions(repo=repo, out=out, project=repo, strict=True, force=True))
    return out


def test_earlier_year_shows_the_new_final_level(site: Path) -> None:
    page = html.unescape((site / CHI_BO_2024).read_text(encoding="utf-8"))
    start = page.index(f'id="{MEMBER}"')
    end = page.find("<h3 ", start + 10)
    section = page[start : end if end > 0 else len(page)]
    assert "xếp loại lại năm 2025: KHTNV (Quyết định số 1529-QĐ/TU" in section


def test_later_year_lists_the_re_rating(site: Path) -> None:
    home = html.unescape((site / "2025" / "index.html").read_text(encoding="utf-8"))
    start = home.rindex("Xếp loại lại các năm trước")  # the heading, after the table of contents
    table = home[start : home.index("</table>", start)]
    assert f"#{MEMBER}" in table
    assert "<td>2024</td>" in table
    assert "<td>KHTNV</td>" in table
    assert "Vi phạm năm 2024, bị kỷ luật khiển trách năm 2025" in table
