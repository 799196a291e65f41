"""A date written as a number gets the date hint, not "put it in quotes".

`ngay_vao_dang: 19941222` (eight digits, no dashes) is read by YAML as a number; the hint
said ``Sửa dòng 6 thành: `ngay_vao_dang: "19941222"` `` and the quoted text is still no
date. Now the digits that read as year-month-day (and no other way) become the date with
dashes; digits that make no real date only get the form, never a made-up line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

MEMBER = (
    "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac/"
    "dang-vien/dv-101011.yaml"
)
HEAD = "lỗi [schema-date] Ngày `{v}` ở `ngay_vao_dang` (Ngày vào Đảng) không hợp lệ"


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (
            "19941222",
            'Gợi ý: Viết ngày theo dạng năm-tháng-ngày. Sửa dòng 6 thành: `ngay_vao_dang: "1994-12-22"`.',
        ),
        # no 99th day of a 13th month: the form only, no corrected line
        (
            "19941399",
            'Gợi ý: Ví dụ: `ngay_vao_dang: "2025-12-05"` (năm-tháng-ngày, trong ngoặc kép).',
        ),
        # 12/12/1990 as day-month-year too: which is meant is the member's to say
        (
            "12121990",
            'Gợi ý: Ví dụ: `ngay_vao_dang: "2025-12-05"` (năm-tháng-ngày, trong ngoặc kép).',
        ),
    ],
)
def test_eight_digit_date_gets_the_date_hint(
    value: str, hint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (2026,))
    member = repo / MEMBER
    text = member.read_text("utf-8")
    assert 'ngay_vao_dang: "1994-12-22"\n' in text
    member.write_text(text.replace('ngay_vao_dang: "1994-12-22"', f"ngay_vao_dang: {value}"))
    assert main(["--repo", str(repo), "check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(
        f"{MEMBER}:6:16: "
        + HEAD.format(v=value)
        + (": viết theo dạng năm-tháng-ngày, ví dụ `2025-12-15`, và phải là ngày có thật.")
    )
    assert lines[at + 1].strip() == hint
    assert f'"{value}"' not in "\n".join(lines)


LIST_HEAD = "lỗi [schema-type] `ngay_vao_dang` (Ngày vào Đảng) phải là văn bản, nhưng đang là "


@pytest.mark.parametrize(
    ("written", "place", "shown", "hint"),
    [
        # a flow list: what was written quoted back, one date in its place
        (
            "ngay_vao_dang: [1994]",
            "6:16",
            "`[1994]`.",
            "Gợi ý: Mục `ngay_vao_dang` nhận một ngày, không phải một danh sách: ở dòng 6, thay "
            "`[1994]` bằng đúng một ngày viết theo dạng năm-tháng-ngày trong ngoặc kép, ví dụ "
            '`ngay_vao_dang: "2025-12-05"`, lấy ngày, tháng, năm từ nội dung đã ghi.',
        ),
        # a block list: its text is over several lines, so the form only
        (
            "ngay_vao_dang:\n  - 1994",
            "7:3",
            "một danh sách.",
            "Gợi ý: Mục `ngay_vao_dang` nhận một ngày, không phải một danh sách: viết đúng một ngày "
            "theo dạng năm-tháng-ngày trong ngoặc kép ngay sau `ngay_vao_dang: `, ví dụ "
            '`ngay_vao_dang: "2025-12-05"`, lấy ngày, tháng, năm từ nội dung đã ghi.',
        ),
    ],
)
def test_a_list_where_a_date_belongs_gets_a_date_hint(
    written: str, place: str, shown: str, hint: str, tmp_path: Path, capsys
) -> None:
    """`ngay_vao_dang: [1994]` was told to quote the list (`"[1994]"`, still no date)."""
    repo = copy_sample(tmp_path / "repo", (2026,))
    member = repo / MEMBER
    text = member.read_text("utf-8")
    member.write_text(text.replace('ngay_vao_dang: "1994-12-22"', written))
    assert main(["--repo", str(repo), "check", str(member)]) == 1
    lines = capsys.readouterr().out.splitlines()
    at = lines.index(f"{MEMBER}:{place}: {LIST_HEAD}{shown}")
    assert lines[at + 1].strip() == hint
    assert '"[1994]"' not in "\n".join(lines)
