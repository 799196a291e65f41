"""One organization id, one folder per year: `check` reports an id two folders of a year
use (on each `to-chuc.yaml`, naming the other) and links neither, so statistics count no
member twice; `new org` refuses such an id, and a type not in force in the year, writing
nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

TOP = "submissions/2026/dang-bo-tinh-hoa-lam"
XA = f"{TOP}/dang-bo-xa-an-son/chi-bo-thon-an-lac/to-chuc.yaml"
CTY = f"{TOP}/dang-bo-cong-ty-che-mau-son/chi-bo-thon-an-lac/to-chuc.yaml"
# what `new org chi-bo-thon-an-lac --parent dang-bo-cong-ty-che-mau-son` wrote
SECOND = """ma_to_chuc: chi-bo-thon-an-lac
nam: 2026
ten: Chi bộ thôn An Lạc
loai: chi_bo_truc_thuoc
ngay_thanh_lap: "1960-09-02"
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo", (2025, 2026))


def _files(repo: Path) -> dict[str, bytes]:
    return {str(p.relative_to(repo)): p.read_bytes() for p in repo.rglob("*") if p.is_file()}


def test_check_reports_an_org_id_in_two_folders(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / CTY).parent.mkdir()
    (repo / CTY).write_text(SECOND, "utf-8")
    assert main(["--repo", str(repo), "check"]) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "[org-duplicate]" in line]
    assert len(lines) == 2
    assert lines[0].startswith(f"{CTY}:1:13: lỗi [org-duplicate] Mã tổ chức `chi-bo-thon-an-lac`")
    assert f"`{XA}`" in lines[0]
    assert lines[1].startswith(f"{XA}:1:13: lỗi [org-duplicate]")
    assert f"`{CTY}`" in lines[1]

    assert main(["--repo", str(repo), "stats", "--year", "2026"]) == 1
    captured = capsys.readouterr()
    assert "năm 2026 có 2 lỗi hồ sơ" in captured.err
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    total = [r for r in rows if r["loai_dong"] == "tong"]
    top = [r for r in rows if r["ma"] == "dang-bo-tinh-hoa-lam"]
    # 28 members in the sample's 2026; the 5 of the duplicated chi bộ are counted nowhere
    # (before: the total 28, the province 33, the chi bộ's 5 counted under both parents)
    assert [r["tong_dang_vien"] for r in total + top] == ["23"] * (len(top) + 1)
    assert not [r for r in rows if r["ma"] == "chi-bo-thon-an-lac"]
    xa = [r for r in rows if r["ma"] == "dang-bo-xa-an-son"]
    assert [r["tong_dang_vien"] for r in xa] == ["16"]


def test_new_org_refuses_an_id_used_in_the_year(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(repo)
    args = ["new", "org", "chi-bo-thon-an-lac", "--parent", "dang-bo-cong-ty-che-mau-son"]
    assert main(["--repo", str(repo), *args, "--type", "chi_bo_truc_thuoc"]) == 2
    err = capsys.readouterr().err
    assert f"Mã tổ chức `chi-bo-thon-an-lac` đã có trong năm 2026: `{XA}`; chưa tạo tệp" in err
    assert _files(repo) == before


def test_new_org_refuses_a_type_not_in_force(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(repo)
    args = ["new", "org", "db-huyen", "--parent", "dang-bo-tinh-hoa-lam"]
    assert main(["--repo", str(repo), *args, "--type", "dang_bo_huyen"]) == 2
    err = capsys.readouterr().err
    assert "(`loai: dang_bo_huyen`) chỉ có đến năm 2024, không có trong năm 2026" in err
    assert "Chưa tạo tệp nào." in err
    assert "chỉ đặt được: đảng bộ xã, phường, đặc khu (`dang_bo_xa`)" in err
    assert "(`dang_bo_huyen`)" not in err
    assert _files(repo) == before
    # a type in force there is still made
    assert main(["--repo", str(repo), *args, "--type", "dang_bo_xa"]) == 0
