"""generator.submissions.layout.walk_year classifies each file as `classify` does (it
classifies a members folder's files itself, without splitting each path again)."""

from __future__ import annotations

from pathlib import Path

from generator.submissions.layout import Kind, classify, walk_year


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
    member = next(f for f in walked if f.path.endswith("dv-101011.yaml"))
    assert member.org_folder == "tinh-a/xa-b/chi-bo-c"
