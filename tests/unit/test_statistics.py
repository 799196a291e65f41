"""Statistics (RULES.md X4) and their outputs, and the `rate` / `stats` commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.rules import rate_year
from generator.rules.base import NotRated
from generator.statistics import year_statistics
from generator.statistics.export import table, to_csv, to_json
from generator.statistics.sheet import write_xlsx
from generator.submissions.records import Level, OrgCategory
from tests.unit.rules.tree import SCHEMA, Tree


def _year(root: Path, year: int = 2021, khtnv: int = 1) -> Tree:
    # cb-2's level below relies on the members' share of 132-O4, off by default since
    # RULES.md's 2026-11-30 revision: this year sets it, as a province may
    t = Tree(root, year, "qd132-hd21", settings={"org_khtnv_member_share": 0.2})
    t.dang_bo_co_so("db", phan_loai="xa", ten="Đảng bộ xã A")
    t.chi_bo("cb-1", "db", ten="Chi bộ thôn 1")
    t.chi_bo_co_so("cb-2", phan_loai="doanh_nghiep", ten="Chi bộ Công ty B")
    for i in range(4):
        t.member("cb-1", f"dv-1{i}", "HTTNV")
    t.member("cb-1", "dv-15", "HTXSNV")
    t.member("cb-1", "dv-16", None, tinh_trang="mien_sinh_hoat")
    t.member("cb-1", "dv-17", None, tinh_trang="dinh_chi")
    for i in range(khtnv):
        t.member("cb-2", f"dv-2{i}", "KHTNV")
    t.member("cb-2", "dv-29", "HTNV", ngay_vao_dang=f"{year}-10-01")
    t.decisions("db", [("dv-10", "HTTNV")])
    return t


def _stats(root: Path, previous: bool = False):  # type: ignore[no-untyped-def]
    t = _year(root)
    y, _ = t.load()
    prev = None
    if previous:
        p = _year(root, 2020, khtnv=0)
        py, _ = p.load(2020)
        prev = (py, rate_year(py))
    return year_statistics(y, rate_year(y), prev)


def test_counts_per_level_reason_org_and_category(tmp_path: Path) -> None:
    s = _stats(tmp_path)
    assert s.total.total == 9 and s.total.rated == 6
    assert {lv: s.total.count(lv) for lv in Level} == {
        Level.HTXSNV: 1,
        Level.HTTNV: 4,
        Level.HTNV: 0,
        Level.KHTNV: 1,
    }
    assert s.total.not_rated[NotRated.EXEMPTED] == 1
    assert s.total.not_rated[NotRated.SUSPENDED] == 1
    assert s.total.not_rated[NotRated.NEW_MEMBER] == 1
    assert s.total.undecided == 5  # one decision of six rated
    assert round(s.total.share(Level.HTTNV), 4) == round(4 / 6, 4)
    db = s.org("db")
    assert db is not None and db.members.total == 7 and db.depth == 1
    assert s.org("cb-1").members.count(Level.HTXSNV) == 1  # type: ignore[union-attr]
    assert s.by_category[OrgCategory.XA].total == 7
    assert s.by_category[OrgCategory.DOANH_NGHIEP].count(Level.KHTNV) == 1
    assert s.org("cb-2").level == Level.KHTNV  # type: ignore[union-attr]


def test_comparison_with_previous_year(tmp_path: Path) -> None:
    s = _stats(tmp_path, previous=True)
    assert s.previous is not None and s.previous.year == 2020
    assert s.previous.total.count(Level.KHTNV) == 0
    assert s.change(Level.KHTNV) == pytest.approx(100 / 6)


def test_table_csv_json(tmp_path: Path) -> None:
    s = _stats(tmp_path, previous=True)
    text = table(s)
    lines = text.splitlines()
    assert lines[0] == "Kết quả xếp loại năm 2021 (qd132-hd21)"
    assert lines[1].startswith("Tổ chức") and "HTXSNV" in lines[1] and "Miễn SH" in lines[1]
    total = next(line for line in lines if line.startswith("Toàn đảng bộ"))
    assert "4 (66,7%)" in total
    assert len({len(line) for line in lines[1:3]}) == 1  # header and rule line align
    assert "So với năm 2020" in text
    rows = list(csv.DictReader(io.StringIO(to_csv(s))))
    assert rows[0]["loai_dong"] == "tong" and rows[0]["HTTNV"] == "4"
    assert rows[0]["khong_xep_loai_dinh_chi"] == "1"
    cats = [r["ma"] for r in rows if r["loai_dong"] == "phan_loai"]
    assert cats == ["xa", "doanh_nghiep"]
    data = json.loads(to_json(s))
    assert data["nam"] == 2021 and data["nam_truoc"]["nam"] == 2020
    assert data["dong"][0]["KHTNV_ty_le"] == 16.7


def test_xlsx_layout(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    s = _stats(tmp_path)
    out = tmp_path / "tk.xlsx"
    write_xlsx(s, out)
    ws = load_workbook(out).active
    assert ws["A4"].value == "BIỂU THỐNG KÊ"
    assert "NĂM 2021" in ws["A5"].value
    assert (
        ws["D9"].value == "Hoàn thành xuất sắc nhiệm vụ (HTXSNV)" and ws["D10"].value == "Số lượng"
    )
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"D9:E9", "A9:A10", "B9:B10"} <= merged
    assert ws["B11"].value == "Toàn đảng bộ" and ws["C11"].value == 9


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    import shutil

    shutil.copytree(SCHEMA, tmp_path / "schema")
    _year(tmp_path)
    return tmp_path


def test_rate_command_prints_the_table(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--repo", str(repo), "rate", "--year", "2021"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("Kết quả xếp loại năm 2021 (qd132-hd21)\n")
    assert "Chi bộ Công ty B" in out


def test_rate_command_unknown_year(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(repo), "rate", "--year", "1999"]) == 2
    assert "Không có năm 1999" in capsys.readouterr().err


def test_stats_command_formats(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(repo), "stats", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["nam"] == 2021
    out = repo / "tk.csv"
    assert main(["--repo", str(repo), "stats", "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("loai_dong,ma,ten")
    assert main(["--repo", str(repo), "stats", "--format", "xlsx", "-o", str(repo / "a.xlsx")]) == 0
    assert (repo / "a.xlsx").stat().st_size > 0


def test_every_output_names_the_merged_reason_a_reader_may_count(tmp_path: Path) -> None:
    """Statistics counted for a reader who may not tell exempted from suspended members
    (NotRated.UNDISCLOSED, generator.privacy.verdicts) are written by the same writers as
    exact ones (a committee's downloads): each names that column, none fails on it."""
    from generator.privacy import Scope
    from generator.privacy.verdicts import counted_as_read

    t = _year(tmp_path)
    y, _ = t.load()
    verdicts = rate_year(y)
    counted = counted_as_read(verdicts.members, lambda _m: Scope.TO_CHUC)
    s = year_statistics(y, type(verdicts)(**{**vars(verdicts), "members": counted}))
    assert s.total.not_rated[NotRated.UNDISCLOSED] == 2
    assert s.total.not_rated[NotRated.EXEMPTED] == s.total.not_rated[NotRated.SUSPENDED] == 0
    assert "Miễn/Đình chỉ" in table(s)
    assert "khong_xep_loai_mien_hoac_dinh_chi" in to_csv(s).splitlines()[0]
    write_xlsx(s, tmp_path / "thong-ke.xlsx")
