"""A key left empty in a list item (`- "": ...`) is named by its place, the item's number
in its list, never as an empty code span: `yaml-comment-in-value` said "không được đọc vào
giá trị của ``" (and offered "`: |`"), `schema-unknown-key` said "Mục `` không có trong
mẫu". On a copy of the sample, checked as a person runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import problem_finding
from generator.check.schemas import SchemaSet
from generator.cli import main
from generator.submissions.layout import Kind
from generator.submissions.yamlload import loads
from tests.conftest import ROOT
from tests.integration.hintfiles import edit
from tests.integration.test_check_quoted_quietly import MEMBER
from tests.integration.test_check_quoted_quietly import repo as repo  # the fixture

# the second transfer (line 16) has a key left empty, its value cut by " #"
TRANSFERS = (
    "chuyen_sinh_hoat:\n"
    '  - ngay: "2026-03-01"\n'
    "    tu_don_vi: Chi bộ Ấp 3\n"
    '  - "": Chi bộ Ấp #3\n'
    '    ngay: "2026-06-01"\n'
    "    tu_don_vi: Chi bộ Ấp 4\n"
    "kiem_diem:"
)


def test_an_empty_key_in_a_list_item_is_named_by_the_item(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, MEMBER, r"^kiem_diem:$", TRANSFERS)
    assert main(["--repo", str(repo), "check", str(repo / MEMBER)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{MEMBER}:16:5: lỗi [schema-unknown-key] Mục ở dòng này chưa có tên (trước dấu hai "
        "chấm chưa viết tên mục) trong mục thứ 2 của danh sách `chuyen_sinh_hoat` (Chuyển "
        "sinh hoạt đảng trong năm), nên không khớp với mục nào trong mẫu.",
        "    Gợi ý: Viết tên mục trước dấu hai chấm, là một trong các mục được phép: `ngay`, "
        "`tu_don_vi`, `so_thang_o_noi_cu`, `co_nhan_xet_noi_cu`; nội dung sau dấu hai chấm "
        "giữ nguyên.",
        f"{MEMBER}:16:19: lỗi [yaml-comment-in-value] Phần chữ từ dấu `#` (`#3`) không được "
        "đọc vào giá trị của mục chưa có tên (trước dấu hai chấm chưa viết tên mục) trong mục "
        "thứ 2 của danh sách `chuyen_sinh_hoat`: trong YAML, dấu cách rồi `#` bắt đầu một chú "
        "thích, nên phần sau nó bị bỏ qua.",
        '    Gợi ý: Đặt cả giá trị trong dấu ngoặc kép ("…"): sửa dòng 16 thành `- "": "Chi '
        'bộ Ấp #3"`. Nếu phần từ `#` là chú thích, viết hai dấu cách trước dấu `#`.',
        "Đã kiểm tra 1 tệp: 2 lỗi.",
    ]


# (a file, where its cut value is, the place the message names)
KEYLESS = [
    # a list item with no key at all
    ("ds:\n  - a\n  - Chi bộ #3\n", (3, 12), "mục thứ 2 của danh sách `ds`"),
    # an empty key outside a list
    (
        '"": Chi bộ #3\n',
        (1, 12),
        "giá trị của mục chưa có tên (trước dấu hai chấm chưa viết tên mục) ở dòng 1",
    ),
]


@pytest.mark.parametrize(("text", "at", "place"), KEYLESS)
def test_a_value_without_a_key_is_named_by_its_place(
    text: str, at: tuple[int, int], place: str
) -> None:
    (problem,) = [p for p in loads(text.encode()).problems if p.code == "yaml-comment-in-value"]
    f = problem_finding(problem, "x.yaml", text.encode())
    assert (f.line, f.column) == at
    assert f.message == (
        f"Phần chữ từ dấu `#` (`#3`) không được đọc vào {place}: trong YAML, dấu cách rồi "
        "`#` bắt đầu một chú thích, nên phần sau nó bị bỏ qua."
    )
    assert "``" not in f.hint and ": |" not in f.hint


# ---- no key at all before the colon (`- : ...`, `: ...`): a YAML syntax error, once told
# as "thụt lề không thẳng hàng" (generator/check/yamlemptykey.py)

NAMELESS = "Sai cú pháp YAML: mục ở dòng này chưa có tên (trước dấu hai chấm chưa viết tên mục)"


def _check(repo: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["--repo", str(repo), "check", str(repo / MEMBER)]) == 1
    return capsys.readouterr().out.splitlines()


def test_a_list_item_without_a_key_names_the_item_and_its_keys(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    transfers = TRANSFERS.replace('  - "": Chi bộ Ấp #3\n', "  - : Chi bộ Ấp 3\n")
    edit(repo, MEMBER, r"^kiem_diem:$", transfers)
    assert _check(repo, capsys) == [
        f"{MEMBER}:16:5: lỗi [yaml-syntax] {NAMELESS} trong mục thứ 2 của danh sách "
        "`chuyen_sinh_hoat` (Chuyển sinh hoạt đảng trong năm).",
        "    Gợi ý: Viết tên mục trước dấu hai chấm như trong mẫu, là một trong các mục được "
        "phép ở chỗ này: `ngay`, `tu_don_vi`, `so_thang_o_noi_cu`, `co_nhan_xet_noi_cu`; nội "
        "dung sau dấu hai chấm giữ nguyên.",
        "Đã kiểm tra 1 tệp: 1 lỗi.",
    ]


def test_a_key_left_out_in_a_group_names_the_group(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, MEMBER, r"^  han_che: \|$", "  : Còn chậm\n  han_che: |")
    out = _check(repo, capsys)
    assert out[:2] == [
        f"{MEMBER}:18:3: lỗi [yaml-syntax] {NAMELESS} trong `kiem_diem` (Nội dung kiểm điểm).",
        "    Gợi ý: Viết tên mục trước dấu hai chấm như trong mẫu, là một trong các mục được "
        "phép ở chỗ này: `uu_diem`, `han_che`, `ket_qua_khac_phuc`, `giai_trinh`, "
        "`trach_nhiem_tap_the`, `phuong_huong`; nội dung sau dấu hai chấm giữ nguyên.",
    ]


def test_a_top_level_line_without_a_key_lists_the_files_keys(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, MEMBER, r"^chuc_vu: .*$", ": giá trị")
    out = _check(repo, capsys)
    assert out[0] == f"{MEMBER}:7:1: lỗi [yaml-syntax] {NAMELESS}."
    assert out[1].startswith(
        "    Gợi ý: Viết tên mục trước dấu hai chấm như trong mẫu, là một trong các mục được "
        "phép ở chỗ này: `ma_dang_vien`, `nam`, `ho_ten`, "
    )
    assert out[1].endswith(
        "`tu_xep_loai`, `trang_thai_ho_so`; nội dung sau dấu hai chấm giữ nguyên."
    )
    assert "`chuc_vu`" in out[1] and "thụt" not in out[0] + out[1]


@pytest.mark.parametrize(
    ("text", "schema", "at"),
    [
        ("khac:\n  - ngay: 1\n    : Chi bộ Ấp 3\n", True, (3, 5)),  # a list not in the schema
        ("kiem_diem:\n  uu_diem: 1\n  : Tốt\n", False, (3, 3)),  # the schema not known
    ],
)
def test_a_key_left_out_where_the_schema_names_nothing(
    text: str, schema: bool, at: tuple[int, int]
) -> None:
    (problem,) = loads(text.encode()).problems
    base = SchemaSet(ROOT / "schema").schema_for(Kind.MEMBER) if schema else None
    f = problem_finding(problem, MEMBER, text.encode(), base)
    assert (f.code, f.line, f.column, f.message) == ("yaml-syntax", *at, f"{NAMELESS}.")
    assert f.hint == (
        "Viết tên mục trước dấu hai chấm như trong mẫu (`kiemdiem new`), dạng `ten_muc: giá "
        "trị`; nội dung sau dấu hai chấm giữ nguyên."
    )
