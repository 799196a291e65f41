"""A roster that would give wrong approval rights, on copies of the sample: one member id for
two accounts and one account listed twice are errors (`kiemdiem codeowners` writes nothing),
a committee seat in an organization the newest year has not is a warning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.forge import codeowners
from tests.conftest import copy_sample

ROSTER = "submissions/tai-khoan.yaml"

# (text of the sample roster, its replacement, the finding at the second occurrence, the
# first occurrence's line). In the sample dv-101001 is Trần Văn Hùng's (line 6):
# nguyen-van-nam (line 19-20) taking that id would approve his review.
DUPLICATES = {
    "member": (
        "ma_dang_vien: dv-101003",
        "ma_dang_vien: dv-101001",
        f"{ROSTER}:20:19: lỗi [roster-member-duplicate]",
        6,
    ),
    "login": (
        "tai_khoan: bui-van-son",
        "tai_khoan: nguyen-van-nam",
        f"{ROSTER}:50:16: lỗi [roster-login-duplicate]",
        19,
    ),
    # forge logins compare case-insensitively, with or without "@"
    "login-case": (
        "tai_khoan: bui-van-son",
        "tai_khoan: Nguyen-Van-Nam",
        f"{ROSTER}:50:16: lỗi [roster-login-duplicate]",
        19,
    ),
}


def _sample(tmp_path: Path, capsys) -> tuple[Path, str]:
    """A copy of the sample with its CODEOWNERS written, and the roster's text."""
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    assert main(["--repo", str(repo), "codeowners"]) == 0
    assert main(["--repo", str(repo), "check", str(repo / ROSTER)]) == 0
    assert "[roster-" not in capsys.readouterr().out
    return repo, (repo / ROSTER).read_text("utf-8")


def _check(repo: Path, capsys) -> tuple[int, list[str]]:
    code = main(["--repo", str(repo), "check", str(repo / ROSTER)])
    return code, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("case", sorted(DUPLICATES))
def test_a_duplicate_in_the_roster_is_an_error_and_codeowners_refuses(
    tmp_path: Path, capsys, case: str
) -> None:
    repo, text = _sample(tmp_path, capsys)
    written = (repo / codeowners.CODEOWNERS_PATH).read_text("utf-8")
    old, new, place, first_line = DUPLICATES[case]
    assert text.count(old) == 1
    (repo / ROSTER).write_text(text.replace(old, new), "utf-8")
    code, out = _check(repo, capsys)
    assert code == 1
    shown = [line for line in out if line.startswith(place)]
    assert len(shown) == 1 and f"dòng {first_line}" in shown[0], out
    for extra in ([], ["--check"]):
        assert main(["--repo", str(repo), "codeowners", *extra]) == 1
        got, err = capsys.readouterr()
        assert shown[0] in got.splitlines()
        assert "Không ghi .github/CODEOWNERS" in err and "đã cũ" not in got + err
        assert (repo / codeowners.CODEOWNERS_PATH).read_text("utf-8") == written


def test_a_seat_in_an_organization_the_newest_year_has_not_is_a_warning(
    tmp_path: Path, capsys
) -> None:
    repo, text = _sample(tmp_path, capsys)
    # do-van-thanh, bí thư of chi-bo-thon-an-lac (line 40, after `      - ma_to_chuc: `)
    old = "ma_to_chuc: chi-bo-thon-an-lac"
    (repo / ROSTER).write_text(text.replace(old, "ma_to_chuc: chi-bo-khong-co", 1), "utf-8")
    place = f"{ROSTER}:40:21: cảnh báo [roster-org-unknown]"
    code, out = _check(repo, capsys)
    assert code == 0
    shown = [line for line in out if line.startswith(place)]
    assert len(shown) == 1 and "`chi-bo-khong-co`" in shown[0] and "2026" in shown[0], out
    assert [line for line in out if "[roster-" in line] == shown
    assert main(["--repo", str(repo), "codeowners"]) == 0
    assert shown[0] in capsys.readouterr().out.splitlines()
    members = (
        "/submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac/dang-vien/"
    )
    rule = next(
        line
        for line in (repo / codeowners.CODEOWNERS_PATH).read_text("utf-8").splitlines()
        if line.startswith(members + " ")
    )
    assert "@do-van-thanh" not in rule


def test_a_member_whose_chi_bo_the_newest_year_has_not_is_a_warning(tmp_path: Path, capsys) -> None:
    """hua-van-tung (dv-103003, line 94) has not written his 2026 review; his 2025 review is
    in a chi bộ 2026 has not (here: 2025's chi-bo-van-phong renamed chi-bo-hanh-chinh), so
    CODEOWNERS has no line for his review: said, not silent."""
    repo, _ = _sample(tmp_path, capsys)
    company = "dang-bo-tinh-hoa-lam/dang-bo-cong-ty-che-mau-son"
    old = repo / "submissions/2025" / company
    (old / "chi-bo-van-phong").rename(old / "chi-bo-hanh-chinh")
    (repo / "submissions/2026" / company / "chi-bo-van-phong/dang-vien/dv-103003.yaml").unlink()
    review = f"submissions/2025/{company}/chi-bo-hanh-chinh/dang-vien/dv-103003.yaml"
    expected = (
        f"{ROSTER}:94:19: cảnh báo [roster-member-org-gone] Tài khoản `hua-van-tung` ghi "
        f"`ma_dang_vien: dv-103003`; bản kiểm điểm gần nhất của đảng viên này là `{review}`, "
        "ở chi bộ `chi-bo-hanh-chinh`, nhưng năm 2026 không có chi bộ mã `chi-bo-hanh-chinh`; "
        "vì vậy `.github/CODEOWNERS` không có dòng cho bản kiểm điểm năm 2026 của đảng viên "
        "này: tài khoản `hua-van-tung` không được duyệt bản kiểm điểm của chính mình."
    )
    hint = (
        "    Gợi ý: Nếu đồng chí đã chuyển sinh hoạt, hoặc chi bộ `chi-bo-hanh-chinh` đã sáp "
        "nhập hay đổi tên: bí thư chi bộ nơi đồng chí sinh hoạt năm 2026 tạo bản kiểm điểm "
        "năm 2026 bằng `kiemdiem new member dv-103003 --org <mã chi bộ>`. Nếu chi bộ "
        "`chi-bo-hanh-chinh` vẫn hoạt động trong năm 2026: Ban Tổ chức tạo tổ chức đó bằng "
        "`kiemdiem new org chi-bo-hanh-chinh --parent <mã cấp trên> --type <loại tổ chức>`. "
        "Các tệp năm cũ giữ nguyên. Sau đó chạy lại `kiemdiem codeowners`."
    )
    code, out = _check(repo, capsys)
    assert code == 0
    assert [line for line in out if "[roster-" in line] == [expected], out
    assert out[out.index(expected) + 1] == hint
    assert main(["--repo", str(repo), "codeowners"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [expected, hint] and out[-1] == "Đã ghi .github/CODEOWNERS."
    assert "dv-103003" not in (repo / codeowners.CODEOWNERS_PATH).read_text("utf-8")
    # the whole repository's check shows it too, once
    assert main(["--repo", str(repo), "check"]) in (0, 1)
    assert capsys.readouterr().out.splitlines().count(expected) == 1


def test_the_json_report_names_who_must_act_on_a_roster_finding(tmp_path: Path, capsys) -> None:
    """The roster is the organization board's (generator.forge.owners): `check --format json`
    says so on its findings, which carry no actor of their own, instead of an empty actor;
    and every other finding of the run names someone too."""
    repo, text = _sample(tmp_path, capsys)
    old, new, place, _ = DUPLICATES["member"]
    (repo / ROSTER).write_text(text.replace(old, new), "utf-8")
    # the whole repository, a member's review broken too (its writer: the member)
    member = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
    review = repo / member / "dang-vien/dv-101011.yaml"
    review.write_text(review.read_text("utf-8") + "khong_co_muc_nay: 1\n", "utf-8")
    assert main(["--repo", str(repo), "check", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)["findings"]
    roster = [(f["path"], f["line"], f["column"], f["code"], f["actor"]) for f in found]
    line, column = place.split(":")[1:3]
    assert (ROSTER, int(line), int(column), "roster-member-duplicate", "board") in roster
    assert any(f["path"].endswith("dv-101011.yaml") and f["actor"] == "member" for f in found)
    assert all(f["actor"] in ("member", "chi_bo", "committee", "board") for f in found), found
