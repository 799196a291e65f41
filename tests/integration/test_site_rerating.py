"""A re-rating record (RULES.md 124-M7) shows on both years' sites: the earlier year's
member carries the new final level, the later year lists the re-rating."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.build import BuildOptions, build_site
from tests.conftest import copy_sample

ROOT_DECISIONS = "submissions/2025/dang-bo-tinh-hoa-lam/quyet-dinh.yaml"
CHI_BO_2024 = "2024/to-chuc/chi-bo-thon-an-lac/index.html"
MEMBER = "dv-101012"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("rerating") / "repo"
    copy_sample(repo, (2024, 2025))
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
    # the organization's site, and the site of the committee that recorded the re-rating
    build_site(
        BuildOptions(
            repo=repo,
            out=out,
            project=repo,
            strict=True,
            force=True,
            audiences=("to-chuc", "cap-uy"),
            only=ROOT_DECISIONS.split("/")[-2],
        )
    )
    return out


def test_earlier_year_shows_the_new_final_level(site: Path) -> None:
    page = html.unescape((site / CHI_BO_2024).read_text(encoding="utf-8"))
    start = page.index(f'id="{MEMBER}"')
    end = page.find("<h3 ", start + 10)
    section = page[start : end if end > 0 else len(page)]
    # both years named: the year re-rated, then the decision's (not "xếp loại lại năm 2025",
    # which reads as 2025 being re-rated), in the status and the line of levels (the reason is the committee's: 124-M7)
    assert "năm 2024 được xếp loại lại (quyết định năm 2025): KHTNV (Quyết định số 1529-QĐ/TU" in (
        section
    )
    assert "· Năm 2024 được xếp loại lại (quyết định năm 2025)" in section
    assert "xếp loại lại năm 2025" not in section.lower()


def test_member_command_names_both_years(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(site.parent), "member", MEMBER]) == 0
    out = capsys.readouterr().out
    earlier = out[out.index("Năm 2024 · ") : out.index("Năm 2025 · ")]
    assert "\n  Năm 2024 được xếp loại lại (quyết định năm 2025): KHTNV (Quyết định số 1529" in (
        earlier
    )
    assert "xếp loại lại năm 2025" not in earlier.lower()
    assert "Xếp loại lại trong năm" not in out
    # the reason on the earlier year's verdict (the site shows it to the committee only)
    assert (
        "\n  - [124-M7] Năm 2024 được xếp loại lại (quyết định năm 2025): Hoàn thành tốt nhiệm vụ "
        "→ Không hoàn thành nhiệm vụ (Quyết định số 1529-QĐ/TU"
    ) in earlier


def _re_rating_table(home_page: Path) -> str:
    home = html.unescape(home_page.read_text(encoding="utf-8"))
    start = home.rindex("Xếp loại lại các năm trước")  # the heading, after the table of contents
    return home[start : home.index("</table>", start)]


def test_later_year_lists_the_re_rating(site: Path) -> None:
    # the committee that recorded it reads the reason (an earlier violation: committee-only)
    committee = site / "cap-uy" / ROOT_DECISIONS.split("/")[-2] / "2025" / "index.html"
    table = _re_rating_table(committee)
    assert MEMBER in table  # the province decides no member: named, not linked, there
    assert "<td>2024</td>" in table
    assert "<td>KHTNV</td>" in table
    assert "Vi phạm năm 2024, bị kỷ luật khiển trách năm 2025" in table
    # the whole organization sees the re-rating, not its reason (issue 14)
    public = _re_rating_table(site / "2025" / "index.html")
    assert f"#{MEMBER}" in public and "<td>KHTNV</td>" in public
    assert "Vi phạm năm 2024, bị kỷ luật khiển trách năm 2025" not in public
    assert "(chỉ cấp ủy có thẩm quyền xem)" in public
