"""generator/check/yamlstray.py claims only its own case: a quoted or bracketed value that
ends early on its line, at the very place libyaml names; anything else keeps the
explanation it had (an indentation mistake stays one, a quote over two lines is not read
as one line)."""

from __future__ import annotations

import pytest

from generator.check.yamlstray import stray_after_value
from tests.unit.test_yamlrepair import broken, explain


def test_a_nickname_in_quotes_inside_a_group() -> None:
    f = explain(broken(8, '  uu_diem: "Gương mẫu "số 1" của chi bộ"'))
    assert (f.code, f.line, f.column) == ("yaml-syntax", 8, 24)
    assert '(`số 1" của chi bộ"`)' in f.message
    assert "Sửa dòng 8 thành: `uu_diem: 'Gương mẫu \"số 1\" của chi bộ'`" in f.hint
    assert "(giữ nguyên 2 dấu cách đầu dòng" in f.hint


def test_an_indentation_mistake_is_still_one() -> None:
    f = explain(broken(11, '   han_che: "Một số" báo cáo'))
    assert "thụt" in f.message and "nằm ngoài giá trị" not in f.message


@pytest.mark.parametrize(
    "line",
    [
        'ho_ten: "Đỗ Văn Thành"',  # nothing after the value
        'ho_ten: "Đỗ Văn Thành"  # ghi chú',  # a comment after it
        'ho_ten: "Đỗ Văn',  # the quote goes on to the next line
        "chuc_vu: [Giáo viên,",  # so does the list
        'ho_ten: Đỗ "Ba" Thành',  # quotes inside a plain text: not a quoted value
    ],
)
def test_not_its_case(line: str) -> None:
    assert stray_after_value([line], 1, len(line)) is None
    assert all(stray_after_value([line], 1, c) is None for c in range(1, len(line) + 2))


def test_only_where_libyaml_noticed_it() -> None:
    line = 'ho_ten: "Đỗ "Ba" Thành"'
    assert stray_after_value([line], 1, 14) is not None
    assert stray_after_value([line], 1, 13) is None
    assert stray_after_value([line], 2, 14) is None
