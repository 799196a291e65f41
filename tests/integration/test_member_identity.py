"""Who a member file is about (generator.check.identity), through `kiemdiem check` on copies
of the sample: one person under two ids in a year, one id whose birth or admission date is
not the year before's. Both are warnings (namesakes exist, dates get corrected): the exit
code stays 0, each at its line with its Vietnamese message and a hint that loses nothing.
(A pull request's scoped check gives the same: tests/integration/test_check_scope.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

A = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
F = f"{A}/chi-bo-thon-an-lac/dang-vien/dv-101011.yaml"  # Đỗ Văn Thành
COPY = f"{A}/chi-bo-thon-an-phu/dang-vien/dv-101029.yaml"
EARLIER = F.replace("/2026/", "/2025/")
SAME_PERSON_HINT = (
    "    Gợi ý: Đối chiếu với hồ sơ đảng viên để biết hai bản có phải của cùng một người "
    "không. Nếu đúng là một người: chi ủy (cấp ủy) giữ bản mang đúng mã đảng viên trong hồ "
    "sơ, chép vào đó phần còn thiếu của bản kia, rồi chuyển bản kia ra khỏi thư mục "
    "`dang-vien/` và lưu ở một nơi riêng ngoài kho (nội dung giữ nguyên). Nếu là hai người "
    "khác nhau, không cần sửa gì."
)
CHANGED_HINT = (
    "    Gợi ý: Đối chiếu với hồ sơ đảng viên. Nếu ngày ghi năm nay là ngày đã được đính "
    "chính, giữ nguyên và đề nghị cấp ủy chi bộ ghi việc đính chính vào mục Ghi chú nội bộ "
    "(`ghi_chu_noi_bo`) của tệp này: mục đó do cấp ủy ghi, đảng viên không tự ghi. Nếu tệp "
    "này là của một người khác: mã đảng viên không bao giờ được cấp lại cho người khác, nên "
    "ghi mã đúng của người này vào mục Mã đảng viên (`ma_dang_vien`) và đặt tên tệp theo mã "
    "đó (nếu trong năm đã có tệp tên đó, so sánh hai tệp và hỏi Ban Tổ chức trước), để mã `dv-101011` vẫn là "
    "của người có bản kiểm điểm năm 2025."
)
# the untouched sample's warnings: four chi bộ's 2025 members not yet carried over to
# 2026 (generator.check.carryover), the provisional quota, two KHTNV years
SAMPLE_CODES = [*["member-not-carried-over"] * 4, "rule-quota-provisional", "rule-two-years-khtnv"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo", (2024, 2025, 2026))


def check(repo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["--repo", str(repo), "check", *args])
    return code, capsys.readouterr().out.splitlines()


def edit(repo: Path, rel: str, **values: str) -> None:
    """Set top-level keys of a member file, line by line (the rest kept as written)."""
    path = repo / rel
    lines = path.read_text("utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        key = line.split(":", 1)[0]
        if key in values:
            lines[i] = f"{key}: {values.pop(key)}\n"
    assert not values, values
    path.write_text("".join(lines), "utf-8")


def codes(lines: list[str]) -> list[str]:
    return [line.split("[", 1)[1].split("]", 1)[0] for line in lines if "] " in line]


def test_the_untouched_sample_has_neither(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = check(repo, capsys)
    assert code == 0
    assert sorted(codes(out)) == SAMPLE_CODES


# ---- (a) one person under two ids in one year


def _copy_under_another_id(repo: Path, name: str = "") -> None:
    text = (
        (repo / F).read_text("utf-8").replace("ma_dang_vien: dv-101011", "ma_dang_vien: dv-101029")
    )
    (repo / COPY).write_text(text, "utf-8")
    if name:
        edit(repo, COPY, ho_ten=name)


def test_a_member_copied_under_another_id_into_another_chi_bo(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _copy_under_another_id(repo)
    code, out = check(repo, capsys)
    assert code == 0  # warnings only
    assert (
        f"{F}:1:15: cảnh báo [member-same-person] Đồng chí Đỗ Văn Thành (mã `dv-101011`) có "
        f"cùng họ tên, ngày sinh và ngày vào Đảng với bản kiểm điểm `{COPY}` (mã `dv-101029`): "
        "có thể một người có hai bản kiểm điểm với hai mã khác nhau, và được tính hai lần."
    ) in out
    assert (
        f"{COPY}:1:15: cảnh báo [member-same-person] Đồng chí Đỗ Văn Thành (mã `dv-101029`) "
        f"có cùng họ tên, ngày sinh và ngày vào Đảng với bản kiểm điểm `{F}` (mã `dv-101011`): "
        "có thể một người có hai bản kiểm điểm với hai mã khác nhau, và được tính hai lần."
    ) in out
    for i, line in enumerate(out):
        if "[member-same-person]" in line:
            assert out[i + 1] == SAME_PERSON_HINT
    assert "1969-07-07" not in "\n".join(out)  # the birth date is never quoted
    assert codes(out).count("member-same-person") == 2


@pytest.mark.parametrize("name", ["ĐỖ VĂN THÀNH", "Đỗ  Văn   Thành ", "Do Van Thanh"])
def test_the_name_is_compared_folded(
    repo: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    _copy_under_another_id(repo, f'"{name}"')
    code, out = check(repo, capsys, str(repo / COPY))
    assert code == 0
    # the other file's finding names the checked one: shown too
    assert [line.split(": cảnh báo")[0] for line in out if "[member-same-person]" in line] == [
        f"{F}:1:15",
        f"{COPY}:1:15",
    ]
    assert f"với bản kiểm điểm `{F}` (mã `dv-101011`)" in "\n".join(out)


@pytest.mark.parametrize(
    "values",
    [
        {"ho_ten": "Đỗ Văn Thắng"},
        {"ngay_sinh": '"1969-07-08"'},
        {"ngay_vao_dang": '"1994-12-23"'},
    ],
)
def test_another_name_or_another_day_is_not_one_person(
    repo: Path, capsys: pytest.CaptureFixture[str], values: dict[str, str]
) -> None:
    _copy_under_another_id(repo)
    edit(repo, COPY, **values)
    code, out = check(repo, capsys)
    assert code == 0
    assert "member-same-person" not in codes(out)


# ---- (b) one id, a date not the year before's


def test_an_id_given_to_someone_else(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(
        repo,
        F,
        ho_ten="Nguyễn Văn Khác",
        ngay_sinh='"1999-01-01"',
        ngay_vao_dang='"2020-01-01"',
    )
    code, out = check(repo, capsys)
    assert code == 0  # warnings only
    birth = out.index(
        f"{F}:5:12: cảnh báo [member-identity-changed] Ngày sinh của mã `dv-101011` khác với "
        f"ngày sinh ghi trong bản kiểm điểm năm 2025 của mã này, `{EARLIER}` (đồng chí Đỗ Văn "
        "Thành): ngày sinh đã được đính chính, hoặc tệp này là của một người khác."
    )
    admitted = out.index(
        f"{F}:6:16: cảnh báo [member-identity-changed] Ngày vào Đảng `2020-01-01` của mã "
        "`dv-101011` khác với ngày `1994-12-22` ghi trong bản kiểm điểm năm 2025 của mã này, "
        f"`{EARLIER}` (đồng chí Đỗ Văn Thành): ngày vào Đảng đã được đính chính, hoặc tệp này "
        "là của một người khác."
    )
    assert out[birth + 1] == out[admitted + 1] == CHANGED_HINT
    text = "\n".join(out)
    assert "1969-07-07" not in text and "1999-01-01" not in text  # birth dates never quoted
    assert codes(out).count("member-identity-changed") == 2


def test_a_corrected_admission_date_of_the_same_person(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, F, ngay_vao_dang='"1994-12-21"')
    code, out = check(repo, capsys, str(repo / F))
    assert code == 0
    assert [line for line in out if "[member-identity-changed]" in line] == [
        f"{F}:6:16: cảnh báo [member-identity-changed] Ngày vào Đảng `1994-12-21` của mã "
        "`dv-101011` khác với ngày `1994-12-22` ghi trong bản kiểm điểm năm 2025 của mã này, "
        f"`{EARLIER}`: ngày vào Đảng đã được đính chính, hoặc tệp này là của một người khác."
    ]


def test_a_name_corrected_alone_is_no_finding(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, F, ho_ten="Đỗ Văn Thanh")
    code, out = check(repo, capsys)
    assert code == 0
    assert sorted(codes(out)) == SAMPLE_CODES


def test_without_the_rules_the_year_before_is_not_read(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--no-rules` loads only the checked year: nothing to compare with (the history of
    X3 is the rating's), so no finding — the same with or without a scope."""
    edit(repo, F, ngay_vao_dang='"2020-01-01"')
    code, out = check(repo, capsys, "--no-rules", str(repo / F))
    assert code == 0
    assert "member-identity-changed" not in codes(out)
