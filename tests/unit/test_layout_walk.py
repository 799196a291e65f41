"""generator.submissions.layout.walk_year classifies each file as `classify` does (it
classifies a members folder's files itself, without splitting each path again)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.submissions.layout import Kind, classify, walk_year
from tests.conftest import copy_sample


def test_the_walk_classifies_each_file_as_classify_does(tmp_path: Path) -> None:
    base = tmp_path / "submissions" / "2025"
    names = [
        "nam-danh-gia.yaml",
        "tinh-a/to-chuc.yaml",
        "tinh-a/dang-vien/dv-1.yaml",  # a members folder directly under the province
        "tinh-a/xa-b/chi-bo-c/to-chuc.yaml",
        "tinh-a/xa-b/chi-bo-c/de-nghi.yaml",
        "tinh-a/xa-b/chi-bo-c/dang-vien/dv-101011.yaml",
        "tinh-a/xa-b/chi-bo-c/dang-vien/DV-101012.yaml",
        "tinh-a/xa-b/chi-bo-c/dang-vien/dv-101013.yml",
        "tinh-a/xa-b/chi-bo-c/dang-vien/ghi-chu.txt",
        "tinh-a/xa-b/chi-bo-c/dang-vien/.yaml",
        "tinh-a/xa-b/chi-bo-c/dang-vien/dv-101014.yaml/x.yaml",
        "dang-vien/dv-9.yaml",  # a members folder right under the year
        "tinh-a/xa-b/chi-bo-c/dang-vien/quyet-dinh.yaml",  # an organization's file there
        "tinh-a/xa-b/chi-bo-c/dang-vien/to-chuc.yaml",
    ]
    for name in names:
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("ho_ten: x\n", "utf-8")
    walked = walk_year(tmp_path, 2025)
    assert len(walked) == len(names)
    assert walked == [classify(f.path) for f in walked]
    kinds = {f.path.removeprefix("submissions/2025/"): f.kind for f in walked}
    assert kinds["tinh-a/xa-b/chi-bo-c/dang-vien/dv-101011.yaml"] is Kind.MEMBER
    assert kinds["tinh-a/dang-vien/dv-1.yaml"] is Kind.MEMBER
    assert kinds["dang-vien/dv-9.yaml"] is Kind.UNKNOWN
    assert kinds["tinh-a/xa-b/chi-bo-c/dang-vien/DV-101012.yaml"] is Kind.UNKNOWN
    assert kinds["tinh-a/xa-b/chi-bo-c/dang-vien/quyet-dinh.yaml"] is Kind.UNKNOWN
    assert kinds["tinh-a/xa-b/chi-bo-c/dang-vien/to-chuc.yaml"] is Kind.UNKNOWN
    member = next(f for f in walked if f.path.endswith("dv-101011.yaml"))
    assert member.org_folder == "tinh-a/xa-b/chi-bo-c"


def test_a_decisions_file_among_the_reviews_is_told_as_misplaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not a member's review of id `quyet-dinh` (messages about its `so_quyet_dinh` being
    in the wrong group, as a trial saw): an organization's file in the wrong folder."""
    repo = copy_sample(tmp_path / "repo", (2025,))
    xa = "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
    wrong = f"{xa}/chi-bo-thon-an-lac/dang-vien/quyet-dinh.yaml"
    shutil.copy(repo / xa / "quyet-dinh.yaml", repo / wrong)
    assert main(["--repo", str(repo), "check"]) == 1
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if "dang-vien/quyet-dinh.yaml" in line] == [
        f"{wrong}:1:1: lỗi [file-unexpected] Tệp `quyet-dinh.yaml` không nằm đúng chỗ: công "
        "cụ không đọc tệp ở thư mục này, nên tệp không được kiểm tra và không được tính vào "
        "kết quả."
    ]
    assert (
        "Gợi ý: Tệp `quyet-dinh.yaml` của tổ chức thuộc về `submissions/2025/.../"
        "dang-bo-xa-an-son/quyet-dinh.yaml`: chuyển tệp vào đó, giữ nguyên nội dung."
    ) in out
    assert "quyet-dinh`" not in out.replace("quyet-dinh.yaml", "")  # no member `quyet-dinh`
