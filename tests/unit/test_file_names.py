"""Misnamed and misplaced files (issue 13, items 2 and 4): a misnamed file is told its
canonical name, never to delete itself or to change the id inside; a file whose folder does
not fit the tree is an error in the pull-request check (a selection of paths) too."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_hints import CHI_BO, HEAD, TREE, check, only, repo

__all__ = ["repo"]  # the fixture, shared with test_hints
MEMBERS = f"{CHI_BO}/dang-vien"


def test_file_name_without_the_dash_is_renamed_not_the_id(repo: Path) -> None:
    # dv1.yaml holding dv-1: changing ma_dang_vien to dv1 would make up a member
    f = only(check(repo, HEAD, f"{MEMBERS}/dv1.yaml"), "id-mismatch-file")
    assert f.line == 1
    assert "Đổi tên tệp thành `dv-1.yaml`" in f.hint
    assert "ma_dang_vien: dv1" not in f.hint


def test_upper_case_extension_is_renamed_not_deleted(repo: Path) -> None:
    f = only(check(repo, HEAD, f"{MEMBERS}/dv-1.YAML"), "file-unexpected")
    assert "Đổi tên tệp thành `dv-1.yaml`" in f.hint
    assert "Xóa" not in f.hint


def test_upper_case_member_file_name_gets_its_canonical_name(repo: Path) -> None:
    f = only(check(repo, HEAD, f"{MEMBERS}/DV-1.yaml"), "file-unexpected")
    assert "Đổi tên tệp thành `dv-1.yaml`" in f.hint


def test_renaming_onto_an_existing_file_is_never_suggested(repo: Path) -> None:
    (repo / MEMBERS / "dv-1.yaml").write_text(HEAD, "utf-8")
    f = only(check(repo, HEAD, f"{MEMBERS}/DV-1.yaml"), "file-unexpected")
    assert "Đổi tên" not in f.hint
    assert "Thư mục đã có tệp `dv-1.yaml`" in f.hint


def test_misspelled_fixed_name_gets_its_canonical_name(repo: Path) -> None:
    text = TREE[f"{CHI_BO}/to-chuc.yaml"]
    (repo / CHI_BO / "to-chuc.yaml").unlink()
    findings = check(repo, text, f"{CHI_BO}/to_chuc.yaml")
    f = only(findings, "file-unexpected")
    assert "Đổi tên tệp thành `to-chuc.yaml`" in f.hint


def test_attachment_is_moved_out_not_deleted(repo: Path) -> None:
    f = only(check(repo, "x", f"{CHI_BO}/bien-ban.docx"), "file-unexpected")
    assert "Chuyển tệp này ra khỏi thư mục submissions/" in f.hint


def test_member_file_outside_the_root_folder_fails_the_pull_request_check(repo: Path) -> None:
    # the path a user wrote without the root organization's folder (`huyen/`)
    rel = "submissions/2026/xa-a/chi-bo-1/dang-vien/dv-1.yaml"
    (repo / rel).parent.mkdir(parents=True)
    findings = check(repo, HEAD, rel)
    missing = [f for f in findings if f.code == "org-missing-file"]
    assert [f.path for f in missing] == ["submissions/2026/xa-a", "submissions/2026/xa-a/chi-bo-1"]
    assert all(f.severity.value == "error" for f in missing)
    assert "`huyen/xa-a`" in missing[0].message
    assert "Chuyển các tệp" in missing[0].hint


def test_organization_folder_beside_the_root_fails_the_pull_request_check(repo: Path) -> None:
    rel = "submissions/2026/xa-b/to-chuc.yaml"
    (repo / rel).parent.mkdir(parents=True)
    text = "ma_to_chuc: xa-b\nnam: 2026\nten: Đảng bộ xã B\nloai: dang_bo_co_so\nphan_loai: xa\n"
    f = only(check(repo, text, rel), "org-outside-root")
    assert f.path == rel
    assert "`huyen`" in f.message
