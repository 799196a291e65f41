"""A bracket opened and never closed is said to be that, not an indentation mistake:
`tai_khoan: [` in submissions/tai-khoan.yaml was "Dòng 4 thụt 0 dấu cách … Sửa dòng 4
thành: `    tai_khoan: [`", and `chuc_vu: [Giáo viên` was reported a line below without a
corrected line. The finding is at the bracket's line and column; its corrected line,
written in, makes the file load (generator/check/yamlbracket.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.hintfiles import only
from tests.integration.test_check_written_values import MEMBER, Check, _follow, check, sample

__all__ = ["check", "sample"]  # the fixtures, shared with test_check_written_values

ACCOUNTS = "submissions/tai-khoan.yaml"


@pytest.mark.parametrize(
    ("line", "corrected", "text"),
    [
        ("chuc_vu: [Giáo viên", 'chuc_vu: "[Giáo viên"', "[Giáo viên"),
        (
            "chuc_vu: {Giáo viên, Bí thư  # cũ",
            'chuc_vu: "{Giáo viên, Bí thư"  # cũ',
            "{Giáo viên, Bí thư",
        ),
    ],
)
def test_unclosed_bracket_in_a_member_file(
    line: str, corrected: str, text: str, check: Check, sample: Path
) -> None:
    code, found = check(MEMBER, r"^chuc_vu: .*$", line)
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", 7, 10)
    assert "giá trị ở dòng 7 bắt đầu bằng dấu ngoặc" in f["message"]
    assert "thụt lề" not in f["message"] + f["hint"]
    assert f"Sửa dòng 7 thành: `{corrected}`." in f["hint"]
    assert _follow(sample, MEMBER, f["hint"])["chuc_vu"] == text


def test_bracket_alone_above_the_list(check: Check, sample: Path) -> None:
    code, found = check(ACCOUNTS, r"^tai_khoan:$", "tai_khoan: [")
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", 4, 12)
    assert "dòng 4 mở dấu ngoặc vuông `[`" in f["message"]
    assert "thụt" not in f["message"] + f["hint"]
    assert "Sửa dòng 4 thành: `tai_khoan:`." in f["hint"]
    accounts = _follow(sample, ACCOUNTS, f["hint"])["tai_khoan"]
    assert accounts[0]["tai_khoan"] == "tran-van-hung"


def test_bracket_alone_with_nothing_below(check: Check) -> None:
    code, found = check(MEMBER, r"^chuc_vu: .*$", "chuc_vu: [")
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", 7, 10)
    assert "Viết chính giá trị của `chuc_vu`" in f["hint"] and "Sửa dòng" not in f["hint"]
