"""A hint that corrects a value (a level or state not in the list, `có`/`khong` for a
yes/no, a number with a unit, a comma or a %, a date written day/month/year) gives the
user's own line with only the value changed: its dash (`- `), key and a comment after it
kept (generator/check/written.py, generator/check/schemahints.py). It used to be rebuilt
as `{key}: {value}`, dropping the dash of a list item (the line, written in, moved the
key out of its item) and the user's comment. A value whose text is not on one line (a
flow mapping) gets the value to write, never a line that would break the file.

On the sample's files: exact code, line, column and corrected line; the line is written
back into the file, which then passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.integration.hintfiles import edit, only, run_check, value_at, write_line
from tests.integration.test_check_quoted_quietly import MEMBER, ORG
from tests.integration.test_check_quoted_quietly import repo as repo  # the fixture

# a member file with `nhiem_vu` (line 12 `  duoc_giao: 6`)
TASKS = MEMBER.replace("chi-bo-thon-an-lac", "chi-bo-co-quan-xa").replace("101011", "101003")

ITEM = r"^  - ten: Kết nạp 1 đảng viên mới\n    chu_yeu: true\n    trang_thai: hoan_thanh$"
KIEM_DIEM = r"^kiem_diem:$"
MOVE = "chuyen_sinh_hoat:\n{item}\n    tu_don_vi: Chi bộ Ấp 3\nkiem_diem:"

# (file, pattern, replacement, finding code, line, column, corrected line, where the
# value is, the value the corrected line reads as)
CASES = [
    pytest.param(
        MEMBER,
        r"^loai_dang_vien: .*$",
        "loai_dang_vien: Chinh Thuc  # ghi chú",
        "schema-enum",
        (4, 17),
        "loai_dang_vien: chinh_thuc  # ghi chú",
        ("loai_dang_vien",),
        "chinh_thuc",
        id="enum-comment",
    ),
    pytest.param(
        MEMBER,
        r"^  hoan_thanh_tat_ca_chi_tieu: .*$",
        "  hoan_thanh_tat_ca_chi_tieu: có  # đã xác nhận",
        "schema-type",
        (11, 31),
        "hoan_thanh_tat_ca_chi_tieu: true  # đã xác nhận",
        ("don_vi_phu_trach", "hoan_thanh_tat_ca_chi_tieu"),
        True,
        id="bool-comment",
    ),
    pytest.param(
        MEMBER,
        r"^  ty_le_hoan_thanh_chi_tieu: .*$",
        "  ty_le_hoan_thanh_chi_tieu: 100%  # theo báo cáo",
        "schema-type",
        (10, 30),
        "ty_le_hoan_thanh_chi_tieu: 1  # theo báo cáo",
        ("don_vi_phu_trach", "ty_le_hoan_thanh_chi_tieu"),
        1,
        id="ratio-comment",
    ),
    pytest.param(
        ORG,
        ITEM,
        "  - trang_thai: Hoàn thành  # cuối năm\n    ten: Kết nạp 1 đảng viên mới\n"
        "    chu_yeu: true",
        "schema-enum",
        (12, 17),
        "- trang_thai: hoan_thanh  # cuối năm",
        ("chi_tieu", 0, "trang_thai"),
        "hoan_thanh",
        id="enum-dash",
    ),
    pytest.param(
        MEMBER,
        KIEM_DIEM,
        MOVE.format(item="  - ngay: 01/03/2026  # ngày đến"),
        "schema-pattern",
        (14, 11),
        '- ngay: "2026-03-01"  # ngày đến',
        ("chuyen_sinh_hoat", 0, "ngay"),
        "2026-03-01",
        id="date-dash",
    ),
    pytest.param(
        MEMBER,
        KIEM_DIEM,
        MOVE.format(item='  - so_thang_o_noi_cu: 1,5  # ước\n    ngay: "2026-03-01"'),
        "schema-type",
        (14, 24),
        "- so_thang_o_noi_cu: 1.5  # ước",
        ("chuyen_sinh_hoat", 0, "so_thang_o_noi_cu"),
        1.5,
        id="comma-dash",
    ),
    pytest.param(
        MEMBER,
        KIEM_DIEM,
        MOVE.format(item='  - so_thang_o_noi_cu: 2 tháng\n    ngay: "2026-03-01"'),
        "schema-type",
        (14, 24),
        "- so_thang_o_noi_cu: 2",
        ("chuyen_sinh_hoat", 0, "so_thang_o_noi_cu"),
        2,
        id="unit-dash",
    ),
    # in Vietnamese a dot separates thousands: `1.000` is one thousand (the hint used to
    # offer the line as it was, `duoc_giao: 1.000`)
    pytest.param(
        TASKS,
        r"^  duoc_giao: .*$",
        "  duoc_giao: 1.000",
        "schema-type",
        (12, 14),
        "duoc_giao: 1000",
        ("nhiem_vu", "duoc_giao"),
        1000,
        id="thousands",
    ),
    pytest.param(
        TASKS,
        r"^  duoc_giao: .*$",
        "  duoc_giao: 12.500  # cả năm",
        "schema-type",
        (12, 14),
        "duoc_giao: 12500  # cả năm",
        ("nhiem_vu", "duoc_giao"),
        12500,
        id="thousands-comment",
    ),
    # an integer field: `6,0` is six whichever the reading, and the line holds a whole number
    # (six, as the file's other task counts have it: fewer assigned than completed is an
    # error of its own, tasks-count-over)
    pytest.param(
        TASKS,
        r"^  duoc_giao: .*$",
        "  duoc_giao: 6,0  # cả năm",
        "schema-type",
        (12, 14),
        "duoc_giao: 6  # cả năm",
        ("nhiem_vu", "duoc_giao"),
        6,
        id="whole-comma",
    ),
]


@pytest.mark.parametrize(
    ("rel", "pattern", "new", "code", "place", "corrected", "path", "value"), CASES
)
def test_the_corrected_line_changes_only_the_value(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    rel: str,
    pattern: str,
    new: str,
    code: str,
    place: tuple[int, int],
    corrected: str,
    path: tuple[str | int, ...],
    value: object,
) -> None:
    edit(repo, rel, pattern, new)
    exit_code, found = run_check(repo, rel, capsys)
    f = only(found)
    assert (exit_code, f["code"], (f["line"], f["column"])) == (1, code, place)
    assert f"Sửa dòng {place[0]} thành: `{corrected}`." in f["hint"]
    write_line(repo, rel, place[0], corrected)
    assert value_at(repo, rel, path) == value
    assert run_check(repo, rel, capsys) == (0, [])


def test_a_value_cut_by_a_comment_gets_its_line_from_the_cut(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`có # chủ yếu` is two mistakes: one blank then "#" after a plain value cuts it
    (yaml-comment-in-value), which carries the line's correction; the yes/no finding
    offers no second, different line. Once the note has its two blanks, the yes/no
    finding's line keeps it."""
    chu_yeu = (
        "  - chu_yeu: có # chủ yếu\n    ten: Kết nạp 1 đảng viên mới\n    trang_thai: hoan_thanh"
    )
    edit(repo, ORG, ITEM, chu_yeu)
    exit_code, found = run_check(repo, ORG, capsys)
    got = [(f["code"], f["line"], f["column"]) for f in found]
    assert (exit_code, got) == (1, [("schema-type", 12, 14), ("yaml-comment-in-value", 12, 17)])
    assert "Sửa dòng" not in found[0]["hint"]
    # a yes/no takes no free text: the "#" starts a note, which two blanks keep one
    assert "sửa dòng 12 thành `- chu_yeu: có  # chủ yếu`" in found[1]["hint"]
    write_line(repo, ORG, 12, "- chu_yeu: có  # chủ yếu")
    exit_code, found = run_check(repo, ORG, capsys)
    assert (exit_code, [f["code"] for f in found]) == (1, ["schema-type"])
    assert "Sửa dòng 12 thành: `- chu_yeu: true  # chủ yếu`." in found[0]["hint"]
    write_line(repo, ORG, 12, "- chu_yeu: true  # chủ yếu")
    assert value_at(repo, ORG, ("chi_tieu", 0, "chu_yeu")) is True
    assert run_check(repo, ORG, capsys) == (0, [])


BRACES = [
    # (the item, written in braces, the value's column, the hint)
    (
        '{ngay: "2026-03-01", tu_don_vi: Chi bộ Ấp 3, co_nhan_xet_noi_cu: yes}',
        70,
        "Chỉ viết `true` (có) hoặc `false` (không). Viết `true` thay cho `yes`.",
    ),
    (
        '{ngay: "2026-03-01", tu_don_vi: Chi bộ Ấp 3, so_thang_o_noi_cu: "1,5"}',
        69,
        "Số thập phân dùng dấu chấm, không dùng dấu phẩy. Viết `1.5` thay cho `1,5`.",
    ),
    (
        "{ngay: 01/03/2026, tu_don_vi: Chi bộ Ấp 3}",
        12,
        "Viết ngày theo dạng năm-tháng-ngày: `2026-03-01`.",
    ),
]


@pytest.mark.parametrize(("item", "column", "hint"), BRACES)
def test_a_value_inside_braces_gets_the_value_to_write_not_a_line(
    repo: Path, capsys: pytest.CaptureFixture[str], item: str, column: int, hint: str
) -> None:
    edit(repo, MEMBER, KIEM_DIEM, f"chuyen_sinh_hoat:\n  - {item}\nkiem_diem:")
    exit_code, found = run_check(repo, MEMBER, capsys)
    f = only(found)
    assert (exit_code, f["line"], f["column"]) == (1, 14, column)
    assert f["hint"] == hint


# an integer field (a count) is never offered a decimal: `1,5` used to get "Sửa dòng 12
# thành: `duoc_giao: 1.5`", not an integer either; `1,000` is one (a decimal comma) or one
# thousand, so neither is offered
INTEGER_IN_DOUBT = ["1,5", "1,000", "1,5 nhiệm vụ", "2.5%"]


@pytest.mark.parametrize("written", INTEGER_IN_DOUBT)
def test_an_integer_in_doubt_is_asked_for_not_made_a_decimal(
    repo: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    edit(repo, TASKS, r"^  duoc_giao: .*$", f"  duoc_giao: {written}")
    assert main(["--repo", str(repo), "check", str(repo / TASKS)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{TASKS}:12:14: lỗi [schema-type] `nhiem_vu.duoc_giao` (Số được giao) phải là số "
        f"nguyên, nhưng đang là `{written}`.",
        "    Gợi ý: Mục này nhận một số nguyên (số đếm như 0, 1, 12), không có phần thập "
        "phân: ghi lại đúng số nguyên cần ghi, chỉ bằng chữ số, không kèm dấu chấm, dấu phẩy "
        "hay đơn vị (một nghìn viết là 1000).",
        "Đã kiểm tra 1 tệp: 1 lỗi.",
    ]
