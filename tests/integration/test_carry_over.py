"""Last year's members with no file this year (generator.check.carryover), through
`kiemdiem check` on copies of the sample (2026 is the round in progress): one warning per
chi bộ of 2025 at its 2026 organization file, listing the ids, and an unknown leader's id
that is a 2025 member said so, with the command that carries them over."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.check.carryover import SHOWN_IDS, Carry, dropped_findings
from generator.cli import main
from tests.conftest import copy_sample

A = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
AN_LAC = f"{A}/chi-bo-thon-an-lac/to-chuc.yaml"
AN_PHU = f"{A}/chi-bo-thon-an-phu/to-chuc.yaml"
CTY = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-cong-ty-che-mau-son"
CARRY = "cảnh báo [member-not-carried-over]"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo", (2024, 2025, 2026))


def check(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--repo", str(repo), "check"])
    return code, capsys.readouterr().out.splitlines()


def hint_of(out: list[str], head: str) -> str:
    return out[out.index(head) + 1]


def carried(out: list[str]) -> list[str]:
    return [line for line in out if CARRY in line]


def test_the_sample_lists_each_chi_bo_s_members_without_a_2026_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = check(repo, capsys)
    assert code == 0  # a warning: the round is in progress
    an_lac = (
        f"{AN_LAC}:1:1: {CARRY} 3 đảng viên của chi bộ `chi-bo-thon-an-lac` năm 2025 chưa có "
        "bản kiểm điểm năm 2026 ở bất kỳ đâu: `dv-101016`, `dv-101017`, `dv-101018`."
    )
    assert carried(out) == [
        f"{CTY}/chi-bo-phan-xuong-che-bien/to-chuc.yaml:1:1: {CARRY} 5 đảng viên của chi bộ "
        "`chi-bo-phan-xuong-che-bien` năm 2025 chưa có bản kiểm điểm năm 2026 ở bất kỳ đâu: "
        "`dv-103013`, `dv-103014`, `dv-103015`, `dv-103018`, `dv-103019`.",
        f"{CTY}/chi-bo-van-phong/to-chuc.yaml:1:1: {CARRY} 2 đảng viên của chi bộ "
        "`chi-bo-van-phong` năm 2025 chưa có bản kiểm điểm năm 2026 ở bất kỳ đâu: "
        "`dv-103005`, `dv-103006`.",
        an_lac,
        f"{AN_PHU}:1:1: {CARRY} 3 đảng viên của chi bộ `chi-bo-thon-an-phu` năm 2025 chưa có "
        "bản kiểm điểm năm 2026 ở bất kỳ đâu: `dv-101022`, `dv-101024`, `dv-101025`.",
    ]
    hint = hint_of(out, an_lac)
    assert hint.startswith(
        "    Gợi ý: Với mỗi đảng viên còn sinh hoạt ở chi bộ, tạo bản kiểm điểm năm 2026 bằng "
        "`kiemdiem new member <mã đảng viên> --org chi-bo-thon-an-lac`, ví dụ `kiemdiem new "
        "member dv-101016 --org chi-bo-thon-an-lac`"
    )
    assert "chưa có mục để ghi việc chuyển ra ngoài tỉnh, từ trần hoặc ra khỏi Đảng" in hint
    # 2025 is closed: its members missing since 2024 (dv-102008, dv-103016) are history
    assert not any("dv-102008" in line or "dv-103016" in line for line in out)


def test_a_member_carried_over_elsewhere_is_accounted_for(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # dv-101016 moved to An Phú: its review there (with chuyen_sinh_hoat) is enough
    assert (
        main(["--repo", str(repo), "new", "member", "dv-101016", "--org", "chi-bo-thon-an-phu"])
        == 0
    )
    capsys.readouterr()
    _, out = check(repo, capsys)
    assert [line for line in carried(out) if "an-lac" in line] == [
        f"{AN_LAC}:1:1: {CARRY} 2 đảng viên của chi bộ `chi-bo-thon-an-lac` năm 2025 chưa có "
        "bản kiểm điểm năm 2026 ở bất kỳ đâu: `dv-101017`, `dv-101018`."
    ]


def test_a_chi_bo_continued_by_another_is_told_there_else_at_the_year_file(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2026 has no Văn phòng: the Phân xưởng chế biến continues it (ke_thua_tu)
    gone = repo / CTY / "chi-bo-van-phong"
    for f in sorted(gone.rglob("*"), reverse=True):
        f.unlink() if f.is_file() else f.rmdir()
    gone.rmdir()
    org = repo / CTY / "chi-bo-phan-xuong-che-bien" / "to-chuc.yaml"
    text = org.read_text("utf-8")
    org.write_text(text.replace("lanh_dao:", "ke_thua_tu:\n  - chi-bo-van-phong\nlanh_dao:", 1))
    _, out = check(repo, capsys)
    van_phong = [line for line in carried(out) if "`chi-bo-van-phong`" in line]
    assert van_phong == [
        f"{CTY}/chi-bo-phan-xuong-che-bien/to-chuc.yaml:1:1: {CARRY} 6 đảng viên của chi bộ "
        "`chi-bo-van-phong` năm 2025 chưa có bản kiểm điểm năm 2026 ở bất kỳ đâu: "
        "`dv-103001`, `dv-103002`, `dv-103003`, `dv-103004`, `dv-103005`, `dv-103006`."
    ]
    org.write_text(text)  # no organization continues it: the year file
    _, out = check(repo, capsys)
    van_phong = [line for line in carried(out) if "`chi-bo-van-phong`" in line]
    assert van_phong == [
        f"submissions/2026/nam-danh-gia.yaml:1:1: {CARRY} 6 đảng viên của chi bộ "
        "`chi-bo-van-phong` năm 2025 (năm 2026 không còn tổ chức này, cũng không tổ chức nào "
        "ghi kế thừa nó trong `ke_thua_tu`) chưa có bản kiểm điểm năm 2026 ở bất kỳ đâu: "
        "`dv-103001`, `dv-103002`, `dv-103003`, `dv-103004`, `dv-103005`, `dv-103006`."
    ]
    assert "--org <mã chi bộ năm 2026>" in hint_of(out, van_phong[0])


def test_a_province_s_chi_bo_lists_its_first_ids_and_counts_the_rest() -> None:
    roster = {f"dv-{i:06d}": "a/chi-bo-x" for i in range(3000)}
    year = SimpleNamespace(year=2026, files=[], orgs={})
    carry = Carry(2025, lambda: roster, dropped=True, present=(), names={}, preds={})
    [f] = dropped_findings(year, carry)
    assert f.message.count("`dv-") == SHOWN_IDS
    assert f.message.endswith("`dv-000029` và 2970 đảng viên khác.")
    assert f.message.startswith("3000 đảng viên của chi bộ `chi-bo-x` năm 2025")
    assert f.extra["pham_vi"] == "chi-bo"  # the chi bộ's to read (its members' ids)


def test_a_leader_of_last_year_without_a_file_is_not_guessed_as_another(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org = repo / AN_LAC
    org.write_text(org.read_text("utf-8").replace("    - dv-101012\n", "    - dv-101017\n", 1))
    code, out = check(repo, capsys)
    head = (
        f"{AN_LAC}:10:7: lỗi [ref-unknown-member] Không có đảng viên mã `dv-101017` trong chi "
        "bộ cơ sở `chi-bo-thon-an-lac`: đảng viên này có bản kiểm điểm năm 2025 (chi bộ "
        "`chi-bo-thon-an-lac`) nhưng năm 2026 chưa có tệp."
    )
    assert code == 1 and head in out
    assert hint_of(out, head) == (
        "    Gợi ý: Nếu đảng viên vẫn sinh hoạt ở đây, chi bộ tạo bản kiểm điểm năm 2026 bằng "
        "`kiemdiem new member dv-101017 --org <mã chi bộ năm 2026>` (năm 2025 là "
        "`chi-bo-thon-an-lac`; thông tin năm 2025 được điền sẵn) rồi chạy lại `kiemdiem "
        "check`. Nếu người giữ chức vụ đã thay đổi, ghi mã của người đang giữ chức vụ."
    )


def test_an_id_unknown_in_both_years_keeps_its_did_you_mean(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org = repo / AN_LAC
    org.write_text(org.read_text("utf-8").replace("    - dv-101012\n", "    - dv-101092\n", 1))
    _, out = check(repo, capsys)
    head = (
        f"{AN_LAC}:10:7: lỗi [ref-unknown-member] Không có đảng viên mã `dv-101092` trong chi "
        "bộ cơ sở `chi-bo-thon-an-lac`."
    )
    assert head in out
    assert "Có phải ý bạn là `dv-1010" in hint_of(out, head)


def test_a_proposal_for_a_member_of_last_year_without_a_file_says_so(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chi_bo = f"{A}/chi-bo-truong-thcs-an-hoa"
    (repo / chi_bo / "dang-vien" / "dv-102009.yaml").unlink()
    _, out = check(repo, capsys)
    [head] = [line for line in out if "[proposal-unknown-member]" in line]
    assert head.startswith(
        f"{chi_bo}/de-xuat.yaml:42:19: lỗi [proposal-unknown-member] Đảng viên `dv-102009` có bản kiểm điểm năm 2025 (chi "
        "bộ `chi-bo-truong-thcs-an-hoa`) nhưng năm 2026 chưa có tệp, nên chưa thuộc chi bộ "
        "`chi-bo-truong-thcs-an-hoa` và đề xuất này chưa được tính."
    )
    assert hint_of(out, head).startswith(
        "    Gợi ý: Nếu đồng chí vẫn sinh hoạt ở chi bộ, tạo bản kiểm điểm năm 2026 bằng "
        "`kiemdiem new member dv-102009 --org chi-bo-truong-thcs-an-hoa`"
    )
    assert "Có phải ý bạn là" not in hint_of(out, head)


def test_a_decision_for_a_member_of_the_year_before_without_a_file_says_so(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2025 (closed, so no carried-over warning) decides dv-102008, reviewed in 2024 only
    rel = f"{A}/chi-bo-truong-thcs-an-hoa/quyet-dinh.yaml".replace("/2026/", "/2025/")
    path = repo / rel
    text = path.read_text("utf-8")
    path.write_text(
        text.replace("dang_vien:\n", "dang_vien:\n  - ma_dang_vien: dv-102008\n    muc: HTTNV\n", 1)
    )
    _, out = check(repo, capsys)
    head = (
        f"{rel}:10:19: lỗi [ref-unknown-member] Không có đảng viên mã `dv-102008` trong năm "
        "2025: đảng viên này có bản kiểm điểm năm 2024 (chi bộ `chi-bo-truong-thcs-an-hoa`) "
        "nhưng năm 2025 chưa có tệp."
    )
    assert head in out
    assert "`kiemdiem new member dv-102008 --org <mã chi bộ năm 2025>`" in hint_of(out, head)
