"""Files under submissions/ that no year reads (a member's review moved to `submissions/tmp/`,
straight into `submissions/`, into a folder that is not a year, or into `dang-vien/cu/`):
each is an error saying it is not counted and where it belongs, the same in a full check
and in a check naming the file; a path outside submissions/ is said to be so."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import CB, MINI

MOVED = f"{CB}/dang-vien/dv-000002.yaml"
TEXT = textwrap.dedent(MINI[MOVED]).lstrip("\n")
NOT_COUNTED = "không được tính vào kết quả"


def check(repo: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict]]:
    code = main(["--repo", str(repo), "check", "--format", "json", "--no-rules", *args])
    out = capsys.readouterr().out
    return code, json.loads(out)["findings"]


def moved_to(mini_repo: Callable[..., Path], rel: str) -> Path:
    repo = mini_repo({MOVED: None})
    (repo / rel).parent.mkdir(parents=True, exist_ok=True)
    (repo / rel).write_text(TEXT, "utf-8")
    return repo


def findings_both_ways(
    repo: Path, rel: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> dict:
    """The one finding at `rel`, asserted the same in a full check and a named one."""
    code, full = check(repo, capsys=capsys)
    monkeypatch.chdir(repo)
    named_code, named = check(repo, rel, capsys=capsys)
    at_rel = [f for f in full if f["path"] == rel]
    assert len(at_rel) == 1, full
    assert named == at_rel
    assert code == named_code == 1
    return at_rel[0]


@pytest.mark.parametrize(
    "rel",
    [
        "submissions/tmp/dv-000002.yaml",
        "submissions/dv-000002.yaml",
        "submissions/2025-cu/chi-bo-ap-1/dv-000002.yaml",
    ],
    ids=["tmp", "submissions", "not-a-year"],
)
def test_member_review_outside_the_year_folders_is_an_error(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    rel: str,
) -> None:
    f = findings_both_ways(moved_to(mini_repo, rel), rel, capsys, monkeypatch)
    assert f["code"] == "file-unexpected"
    assert f["severity"] == "error"
    assert f["message"] == (
        "Tệp `dv-000002.yaml` nằm ngoài các thư mục năm (`submissions/<năm>/`), chỗ công cụ "
        f"không đọc: tệp không được kiểm tra và {NOT_COUNTED} của năm nào."
    )
    assert f["hint"].startswith(
        "Bản kiểm điểm của đảng viên `dv-000002` thuộc về "
        "`submissions/2025/.../<chi bộ>/dang-vien/dv-000002.yaml`: chuyển tệp vào đó, "
        "giữ nguyên nội dung."
    )
    assert "không chép đè" in f["hint"]


def test_other_file_outside_the_year_folders_is_a_warning(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    (repo / "submissions/huong-dan.pdf").write_bytes(b"%PDF")
    (repo / "submissions/README.md").write_text("x", "utf-8")  # ignored by name
    code, findings = check(repo, capsys=capsys)
    assert [(f["code"], f["severity"], f["path"]) for f in findings] == [
        ("file-unexpected", "warning", "submissions/huong-dan.pdf")
    ]
    assert "công cụ không đọc tệp này" in findings[0]["message"]
    assert code == 0


def test_member_review_in_a_subfolder_of_dang_vien_names_the_folder(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rel = f"{CB}/dang-vien/cu/dv-000002.yaml"
    f = findings_both_ways(moved_to(mini_repo, rel), rel, capsys, monkeypatch)
    assert f["code"] == "file-unexpected"
    assert f["message"] == (
        "Tệp `dv-000002.yaml` nằm trong thư mục con `cu/` của `dang-vien/`: công cụ chỉ đọc "
        "các bản kiểm điểm nằm ngay trong `dang-vien/`, nên tệp này không được kiểm tra và "
        f"{NOT_COUNTED}."
    )
    # the only copy: moved back, never discarded
    assert f["hint"] == (
        f"Bản kiểm điểm của đảng viên `dv-000002` thuộc về `{MOVED}`: chuyển tệp vào đó, "
        "giữ nguyên nội dung."
    )


def test_copy_in_a_subfolder_of_dang_vien_is_merged_and_kept(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()  # dang-vien/dv-000002.yaml is still there
    rel = f"{CB}/dang-vien/cu/dv-000002.yaml"
    (repo / rel).parent.mkdir()
    (repo / rel).write_text(TEXT, "utf-8")
    code, findings = check(repo, capsys=capsys)
    assert [(f["code"], f["path"]) for f in findings] == [("file-unexpected", rel)]
    hint = findings[0]["hint"]
    assert hint.startswith(f"Đã có tệp `{MOVED}`: so sánh hai tệp và chép phần còn thiếu")
    assert "giữ tệp `dv-000002.yaml` này cho tới khi bí thư chi bộ" in hint
    assert "bỏ" not in hint and "xóa" not in hint.lower()
    assert code == 1


def test_path_outside_submissions(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    repo = mini_repo()
    (repo / "README.md").write_text("x", "utf-8")
    monkeypatch.chdir(repo)
    code, findings = check(repo, "README.md", capsys=capsys)
    assert [(f["code"], f["path"], f["line"]) for f in findings] == [
        ("path-outside-submissions", "README.md", 1)
    ]
    assert findings[0]["message"] == (
        "Đường dẫn `README.md` không nằm trong thư mục submissions/: công cụ chỉ kiểm tra hồ "
        "sơ trong submissions/, nên không kiểm tra `README.md`."
    )
    assert "`submissions/2025`" in findings[0]["hint"]
    assert code == 1


@pytest.mark.parametrize("command", [["rate"], ["stats", "--format", "csv"]])
def test_rate_and_stats_name_the_files_outside_the_year_folders(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """A review put outside the year folders is missing from the table: rate and stats say
    so on standard error, naming the file (safe for the terminal); the table and the exit
    status are the same as without the file."""
    repo = mini_repo()
    code = main(["--repo", str(repo), *command])
    clean = capsys.readouterr()
    assert clean.err == ""
    strays = ["submissions/tmp/dv-000003.yaml", "submissions/cu\x1b]0;x\x07.yaml"]
    for rel in strays:
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        (repo / rel).write_text(TEXT.replace("dv-000002", "dv-000003"), "utf-8")
    assert main(["--repo", str(repo), *command]) == code
    out, err = capsys.readouterr()
    assert out == clean.out
    assert err == (
        "kiemdiem: 2 tệp nằm ngoài các thư mục năm (submissions/<năm>/) nên không được đọc "
        "và không được tính vào kết quả của năm nào:\n"
        "  submissions/cu\\x1b]0;x\\x07.yaml\n"
        "  submissions/tmp/dv-000003.yaml\n"
        "Xem tệp nào nên chuyển vào đâu: kiemdiem check\n"
    )


def test_build_names_the_files_outside_the_year_folders(
    mini_repo: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`build` says on standard error what rate and stats say of a review outside the year
    folders (it is on no page); the exit status and every file built are the same as
    without it."""
    repo = mini_repo()
    # the organization's site only: the cấp ủy and chi bộ sites' spreadsheet and search
    # index differ from one build to the next anyway (zip times, Pagefind file names)
    args = ["--repo", str(repo), "build", "--pham-vi", "to-chuc"]
    code = main([*args, "--out", str(tmp_path / "clean")])
    clean = capsys.readouterr()
    assert "thư mục năm" not in clean.err
    rel = "submissions/tmp/dv-000003.yaml"
    (repo / rel).parent.mkdir(parents=True)
    (repo / rel).write_text(TEXT.replace("dv-000002", "dv-000003"), "utf-8")
    assert main([*args, "--out", str(tmp_path / "stray")]) == code == 0
    err = capsys.readouterr().err
    assert (
        "kiemdiem: 1 tệp nằm ngoài các thư mục năm (submissions/<năm>/) nên không được đọc "
        "và không được tính vào kết quả của năm nào:\n"
        f"  {rel}\n"
        "Xem tệp nào nên chuyển vào đâu: kiemdiem check\n"
    ) in err
    assert snapshot(tmp_path / "stray") == snapshot(tmp_path / "clean")


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
