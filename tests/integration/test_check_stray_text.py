"""Text after a quoted or bracketed value is said to be that, not an indentation mistake
(found by a new user's trial, on the sample): `ho_ten: "Đỗ "Ba" Thành"` and
`chuc_vu: [Giáo viên] nghỉ hưu` were "Sai cú pháp YAML: thụt lề không thẳng hàng".
Each case changes one line of a sample file and checks it with the CLI: the finding is at
the line and column where the stray text starts, says why, and its corrected line,
written in, makes the file read as the user's whole text (generator/check/yamlstray.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.hintfiles import only
from tests.integration.test_check_written_values import (
    MEMBER,
    ORG,
    Check,
    _follow,
    check,
    sample,
)

__all__ = ["check", "sample"]  # the fixtures, shared with test_check_written_values

CASES = [
    # (the line as written, its column where the stray text starts, words of the message,
    # the corrected line, the text then read)
    (
        'ho_ten: "Đỗ "Ba" Thành"',
        14,
        'bắt đầu bằng dấu ngoặc kép `"`',
        "ho_ten: 'Đỗ \"Ba\" Thành'",  # single quotes keep the double quotes inside
        'Đỗ "Ba" Thành',
    ),
    (
        "ho_ten: 'Đỗ' Văn Thành",
        14,
        "bắt đầu bằng dấu nháy đơn `'`",
        "ho_ten: \"'Đỗ' Văn Thành\"",
        "'Đỗ' Văn Thành",
    ),
    (  # both kinds of quote and a backslash: double quotes, escaped
        "ho_ten: \"Ba\" và 'Bốn' C:\\x",
        14,
        "(`và 'Bốn' C:\\x`)",
        'ho_ten: "\\"Ba\\" và \'Bốn\' C:\\\\x"',
        "\"Ba\" và 'Bốn' C:\\x",
    ),
    (
        "chuc_vu: [Giáo viên] nghỉ hưu",
        22,
        "bắt đầu bằng dấu ngoặc vuông `[` nên YAML đọc nó là một danh sách",
        'chuc_vu: "[Giáo viên] nghỉ hưu"',
        "[Giáo viên] nghỉ hưu",
    ),
]


@pytest.mark.parametrize(("line", "column", "words", "corrected", "text"), CASES)
def test_text_after_a_quoted_or_bracketed_value(
    line: str, column: int, words: str, corrected: str, text: str, check: Check, sample: Path
) -> None:
    key = line.split(":")[0]
    number = 3 if key == "ho_ten" else 7
    code, found = check(MEMBER, rf"^{key}: .*$", line)
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", number, column)
    assert words in f["message"] and "nằm ngoài giá trị" in f["message"]
    assert "thụt lề" not in f["message"] + f["hint"]
    assert f"Sửa dòng {number} thành: `{corrected}`." in f["hint"]
    assert _follow(sample, MEMBER, f["hint"])[key] == text


def test_in_a_list_item_with_a_comment(check: Check, sample: Path) -> None:
    code, found = check(ORG, r"^  - ten: Kết nạp.*$", '  - ten: [Kết nạp] "1" đảng viên  # mới')
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", 12, 20)
    assert '(`"1" đảng viên`)' in f["message"]
    fixed = "Sửa dòng 12 thành: `- ten: '[Kết nạp] \"1\" đảng viên'  # mới` (giữ nguyên 2 dấu cách"
    assert fixed in f["hint"]
    assert _follow(sample, ORG, f["hint"])["chi_tieu"][0]["ten"] == '[Kết nạp] "1" đảng viên'
