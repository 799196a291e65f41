"""A committee's facts in a member's review (x-pham-vi: cap-uy: discipline, degradation,
leave) are the committee's to write: `check --author` on a Git copy of the sample reports
the member (or anyone not entitled) adding, editing or removing them, at the line."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

CB = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-co-quan-xa"
NAM = f"{CB}/dang-vien/dv-101003.yaml"  # nguyen-van-nam's review (secretary: pham-thi-lan)
LAN = f"{CB}/dang-vien/dv-101004.yaml"  # pham-thi-lan's own review
FACTS = (
    "ky_luat:\n"
    "  - hinh_thuc: canh_cao\n"
    '    ngay_quyet_dinh: "2026-05-20"\n'
    "    so_quyet_dinh: 7-QĐ/UBKT\n"
    "ket_luan_suy_thoai: true\n"
)


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args],
        check=True,
        capture_output=True,
    )


def edit(repo: Path, rel: str, old: str, new: str) -> None:
    text = (repo / rel).read_text("utf-8")
    assert text.count(old) == 1, old
    (repo / rel).write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The sample's 2026 in Git; the base commit gives dv-101003 (and dv-101004) the
    committee's facts just before `tu_xep_loai: HTTNV`."""
    repo = copy_sample(tmp_path / "repo", (2026,))
    (repo / ".gitignore").write_text(".kiemdiem-cache/\n", "utf-8")
    for rel in (NAM, LAN):
        text = (repo / rel).read_text("utf-8")
        (repo / rel).write_text(text.replace("tu_xep_loai:", FACTS + "tu_xep_loai:"), "utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    return repo


def check(repo: Path, capsys, login: str) -> tuple[int, list[str]]:
    git(repo, "commit", "-qam", "change")
    args = ["--repo", str(repo), "check", "--changed-since", "HEAD~1"]
    code = main([*args, "--author", login, "--actor", login])
    return code, capsys.readouterr().out.splitlines()


def line_of(repo: Path, rel: str, text: str) -> int:
    lines = (repo / rel).read_text("utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(text))


def findings(out: list[str]) -> list[str]:
    return [line for line in out if "[auth-committee-field]" in line]


def test_a_member_removing_their_discipline_is_an_error_where_it_was(repo: Path, capsys) -> None:
    edit(repo, NAM, FACTS + "tu_xep_loai: HTTNV", "tu_xep_loai: HTXSNV")
    code, out = check(repo, capsys, "nguyen-van-nam")
    where = f"{NAM}:{line_of(repo, NAM, 'tu_xep_loai:')}:1: lỗi [auth-committee-field]"
    assert code == 1
    assert findings(out) == [
        f"{where} Mục `{name}` do cấp ủy ghi (kỷ luật, kết luận suy thoái, nghỉ ốm, thai "
        "sản…): đảng viên không tự xóa mục này trong bản kiểm điểm của mình (`dv-101003`, "
        "tài khoản `nguyen-van-nam`)."
        for name in ("ky_luat", "ket_luan_suy_thoai")
    ]
    hint = out[out.index(findings(out)[0]) + 1]
    assert "bí thư hoặc cấp ủy chi bộ `chi-bo-co-quan-xa`" in hint
    assert "canh_cao" not in "\n".join(out)  # the committee's facts are never quoted


def test_adding_sick_leave_or_editing_discipline_is_an_error_at_the_line(
    repo: Path, capsys
) -> None:
    edit(repo, NAM, "  - hinh_thuc: canh_cao", "  - hinh_thuc: khien_trach")
    edit(repo, NAM, "chuc_vu:", "nghi_om_thang: 4\nchuc_vu:")
    code, out = check(repo, capsys, "nguyen-van-nam")
    assert code == 1
    got = [line.split(" Mục ")[0] + " " + line.split("`")[1] for line in findings(out)]
    assert got == [
        f"{NAM}:{line_of(repo, NAM, 'nghi_om_thang:')}:1: lỗi [auth-committee-field] nghi_om_thang",
        f"{NAM}:{line_of(repo, NAM, '  - hinh_thuc:')}:1: lỗi [auth-committee-field] ky_luat",
    ]
    assert "đảng viên không tự ghi thêm mục này" in findings(out)[0]
    assert "đảng viên không tự sửa mục này" in findings(out)[1]


def test_the_secretary_may_change_a_members_facts_but_not_her_own(repo: Path, capsys) -> None:
    edit(repo, NAM, "ket_luan_suy_thoai: true\n", "")
    code, out = check(repo, capsys, "pham-thi-lan")
    assert (code, findings(out)) == (0, []), out
    edit(repo, LAN, "ket_luan_suy_thoai: true\n", "")
    code, out = check(repo, capsys, "pham-thi-lan")
    assert code == 1
    assert [line.split(": ", 1)[0] for line in findings(out)] == [
        f"{LAN}:{line_of(repo, LAN, 'tu_xep_loai:')}:1"
    ]
    assert "không tự xóa mục này trong bản kiểm điểm của mình (`dv-101004`" in findings(out)[0]


def test_another_member_is_not_entitled_either(repo: Path, capsys) -> None:
    edit(repo, NAM, "ket_luan_suy_thoai: true", "ket_luan_suy_thoai: false")
    code, out = check(repo, capsys, "le-thi-thu-ha")
    place = f"{NAM}:{line_of(repo, NAM, 'ket_luan_suy_thoai:')}:1: lỗi [auth-committee-field]"
    assert code == 1
    assert findings(out) == [
        f"{place} Mục `ket_luan_suy_thoai` trong bản kiểm điểm của `dv-101003` do cấp ủy ghi "
        "(kỷ luật, kết luận suy thoái, nghỉ ốm, thai sản…): tài khoản `le-thi-thu-ha` không "
        "được sửa mục này."
    ]
    assert any(line.startswith(f"{NAM}:1:1: lỗi [auth-not-allowed]") for line in out)


def test_a_review_that_cannot_be_read_is_told_by_its_load_error_alone(repo: Path, capsys) -> None:
    """A paragraph pasted from Word with a tab-indented line (an older editor wrote it raw
    in a `|` block): the file no longer loads, and that is the finding; the committee's
    facts it still holds are not counted as removed by the member."""
    edit(
        repo,
        NAM,
        "    Hoàn thành tốt các nhiệm vụ",
        "    Về đạo đức, lối sống:\n    \tGiữ gìn phẩm chất\n    Hoàn thành tốt các nhiệm vụ",
    )
    code, out = check(repo, capsys, "nguyen-van-nam")
    tab = line_of(repo, NAM, "    \tGiữ gìn")
    assert code == 1
    assert any(line.startswith(f"{NAM}:{tab}:5: lỗi [yaml-tab]") for line in out), out
    assert findings(out) == [], out


# ---- a moved review, and a review started by `kiemdiem new member`: only what the pull
# request really changes counts
LAC = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MOVED = f"{LAC}/dang-vien/dv-101003.yaml"
NOTE = "ghi_chu_noi_bo: Đang chờ nhận xét của chi bộ nơi cư trú.\nnghi_om_thang: 4\n"


def _board_member(repo: Path) -> None:
    """nguyen-van-nam also works at the Ban Tổ chức: the board may transfer a review
    (auth-transfer), but never writes the committee's facts of their own."""
    edit(
        repo,
        "submissions/tai-khoan.yaml",
        "    ho_ten: Nguyễn Văn Nam\n",
        "    ho_ten: Nguyễn Văn Nam\n    ban_to_chuc: true\n",
    )
    git(repo, "commit", "-qam", "roster")


def test_moving_own_review_with_the_committees_facts_unchanged_passes(repo: Path, capsys) -> None:
    _board_member(repo)
    git(repo, "mv", NAM, MOVED)
    code, out = check(repo, capsys, "nguyen-van-nam")
    assert (code, findings(out)) == (0, []), out


def test_moving_own_review_and_editing_the_discipline_fails_at_the_edit(repo: Path, capsys) -> None:
    _board_member(repo)
    git(repo, "mv", NAM, MOVED)
    edit(repo, MOVED, "  - hinh_thuc: canh_cao", "  - hinh_thuc: khien_trach")
    code, out = check(repo, capsys, "nguyen-van-nam")
    assert code == 1
    assert [line.split(" Mục ")[0] for line in findings(out)] == [
        f"{MOVED}:{line_of(repo, MOVED, '  - hinh_thuc:')}:1: lỗi [auth-committee-field]"
    ]
    assert "Mục `ky_luat` do cấp ủy ghi" in findings(out)[0]
    assert "đảng viên không tự sửa mục này" in findings(out)[0]


def test_a_move_without_git_seeing_a_rename_is_still_compared_with_its_source(
    repo: Path, capsys
) -> None:
    """Rewritten enough that Git pairs no rename (a deletion and an addition): the review
    of the same member in the same year that left is the source."""
    _board_member(repo)
    text = (repo / NAM).read_text("utf-8")
    git(repo, "rm", "-q", NAM)
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith(" ")]
    (repo / MOVED).write_text("".join(kept[:3]) + FACTS, "utf-8")
    git(repo, "add", "-A")
    status = subprocess.run(
        ["git", "-C", str(repo), "diff", "--cached", "-M", "--name-status", "HEAD"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert status == ["D", NAM, "A", MOVED]  # no rename for Git
    _, out = check(repo, capsys, "nguyen-van-nam")
    assert findings(out) == [], out


def test_a_new_members_review_carries_no_committee_fact(tmp_path: Path, capsys) -> None:
    """`kiemdiem new member` fills the member's identity from last year's review, never the
    committee's facts of that year (each year's own: RULES 366-M4, M7, M8); the member's
    first commit of the file therefore adds none."""
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    (repo / ".gitignore").write_text(".kiemdiem-cache/\n", "utf-8")
    last = f"{LAC.replace('/2026/', '/2025/')}/dang-vien/dv-101012.yaml"
    edit(repo, last, "chuc_vu:", FACTS + NOTE + "chuc_vu:")
    (repo / LAC / "dang-vien" / "dv-101012.yaml").unlink()
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    args = ["--repo", str(repo), "new", "member", "dv-101012", "--org", "chi-bo-thon-an-lac"]
    assert main([*args, "--year", "2026"]) == 0
    capsys.readouterr()
    new = (repo / LAC / "dang-vien" / "dv-101012.yaml").read_text("utf-8")
    assert "Nguyễn Thị Hoa" in new  # the identity is carried
    for key in ("ky_luat", "ket_luan_suy_thoai", "ghi_chu_noi_bo", "nghi_om_thang"):
        assert f"\n{key}:" not in new, key
    git(repo, "add", "-A")
    code, out = check(repo, capsys, "nguyen-thi-hoa")
    assert (code, findings(out)) == (0, []), out
