"""Hints quote what the user wrote, never Python's rendering of it (found by a new user's
trial, on the sample): `chuc_vu: [Giáo viên]` was "đang là `['Giáo viên']`", with
"Sửa dòng 7 thành: `chuc_vu: \"['Giáo viên']\"`" — following the hint wrote changed text
into the file. Each case changes one line of a sample file, checks it with the CLI and
asserts the finding's code, line, column and wording; where the hint gives a corrected
line, that line is written in and the file must then read as the user's own words.
(generator/check/written.py, generator/check/schemahints.py)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_sample
from tests.integration.hintfiles import only, run_check, value_at, write_line

YEAR = 2026
CHI_BO = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MEMBER = f"{CHI_BO}/dang-vien/dv-101011.yaml"  # line 3 ho_ten, line 7 chuc_vu
ORG = f"{CHI_BO}/to-chuc.yaml"  # line 10 `    - dv-101012`, line 12 `  - ten: Kết nạp ...`
CORRECTED = re.compile(r"Sửa dòng (\d+) thành: `([^`]*)`")

Check = Callable[[str, str, str], tuple[int, list[dict]]]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_sample(tmp_path_factory.mktemp("written") / "repo", (YEAR,))


@pytest.fixture
def check(sample: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Check]:
    """Replace the line matching a pattern in a sample file, check that file; the file is
    put back afterwards."""
    saved: dict[Path, str] = {}

    def run(rel: str, pattern: str, new: str) -> tuple[int, list[dict]]:
        path = sample / rel
        text = saved.setdefault(path, path.read_text("utf-8"))
        changed, n = re.subn(pattern, lambda _: new, text, count=1, flags=re.M)
        assert n == 1, pattern
        path.write_text(changed, "utf-8")
        return run_check(sample, rel, capsys)

    yield run
    for path, text in saved.items():
        path.write_text(text, "utf-8")


def _follow(repo: Path, rel: str, hint: str) -> dict:
    """Write the hint's corrected line into the file (keeping the line's indentation) and
    read the file again: its data."""
    m = CORRECTED.search(hint)
    assert m, hint
    write_line(repo, rel, int(m.group(1)), m.group(2))
    data = value_at(repo, rel, ())
    assert isinstance(data, dict)
    return data


# ---- a list, a group, true or a number where text belongs (schema-type)

WRITTEN_CASES = [
    # (what is written after `chuc_vu: `, how the message shows it, the corrected line)
    ("[Giáo viên]", "[Giáo viên]", 'chuc_vu: "[Giáo viên]"'),
    ("{Giáo viên}", "{Giáo viên}", 'chuc_vu: "{Giáo viên}"'),
    ("true", "true", 'chuc_vu: "true"'),
    ("+84912345678", "+84912345678", 'chuc_vu: "+84912345678"'),  # read as 84912345678
    # a quote and a backslash inside, and a comment after: escaped, the comment kept
    (
        '[Giáo viên "cấp 2", C:\\thư mục]  # ghi chú',
        '[Giáo viên "cấp 2", C:\\thư mục]',
        'chuc_vu: "[Giáo viên \\"cấp 2\\", C:\\\\thư mục]"  # ghi chú',
    ),
]


@pytest.mark.parametrize(("value", "shown", "corrected"), WRITTEN_CASES)
def test_a_value_of_the_wrong_type_is_quoted_as_written(
    value: str, shown: str, corrected: str, check: Check, sample: Path
) -> None:
    code, found = check(MEMBER, r"^chuc_vu: .*$", f"chuc_vu: {value}")
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "schema-type", 7, 10)
    assert f"phải là văn bản, nhưng đang là `{shown}`." in f["message"]
    assert f"Sửa dòng 7 thành: `{corrected}`." in f["hint"]
    for python in ("['", "{'", "None", "True"):
        assert python not in f["message"] + f["hint"]
    # following the hint puts the user's own words into the file
    assert _follow(sample, MEMBER, f["hint"])["chuc_vu"] == shown


def test_a_list_over_several_lines_is_named_and_gets_no_made_up_line(check: Check) -> None:
    code, found = check(MEMBER, r"^chuc_vu: .*$", "chuc_vu:\n  - Giáo viên\n  - Hiệu trưởng")
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "schema-type", 8, 3)
    assert f["message"].endswith("phải là văn bản, nhưng đang là một danh sách.")
    assert "Sửa dòng" not in f["hint"] and "['" not in f["hint"]
    assert "`chuc_vu: |`" in f["hint"]


def test_a_list_item_keeps_its_dash(check: Check, sample: Path) -> None:
    code, found = check(ORG, r"^    - dv-101012$", "    - [dv-101012]")
    f = only([f for f in found if f["code"] == "schema-type"])
    assert (code, f["line"], f["column"]) == (1, 10, 7)
    assert "đang là `[dv-101012]`" in f["message"]
    assert 'Sửa dòng 10 thành: `- "[dv-101012]"`.' in f["hint"]


def test_a_key_in_a_list_item_keeps_its_dash_and_comment(check: Check, sample: Path) -> None:
    code, found = check(ORG, r"^  - ten: Kết nạp.*$", "  - ten: [Kết nạp đảng viên]  # mới")
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "schema-type", 12, 10)
    assert 'Sửa dòng 12 thành: `- ten: "[Kết nạp đảng viên]"  # mới`.' in f["hint"]
    assert _follow(sample, ORG, f["hint"])["chi_tieu"][0]["ten"] == "[Kết nạp đảng viên]"


def test_an_enum_value_is_shown_as_written(check: Check) -> None:
    code, found = check(MEMBER, r"^tu_xep_loai: .*$", "tu_xep_loai: true")
    f = only(found)
    assert (code, f["code"], f["line"]) == (1, "schema-enum", 29)
    assert "Giá trị `true` không hợp lệ" in f["message"]


# ---- other hints that print a corrected line from a value


def test_an_unknown_key_keeps_the_value_as_written(check: Check, sample: Path) -> None:
    # the value read is `[Đỗ] Văn Thành`: written without its quotes it would be a list
    code, found = check(MEMBER, r"^ho_ten: .*$", 'họ_tên: "[Đỗ] Văn Thành"  # tên')
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "schema-unknown-key", 3, 1)
    assert 'Sửa dòng 3 thành: `ho_ten: "[Đỗ] Văn Thành"  # tên`.' in f["hint"]
    assert _follow(sample, MEMBER, f["hint"])["ho_ten"] == "[Đỗ] Văn Thành"


def test_children_written_at_the_group_level_are_shown_as_written(check: Check) -> None:
    group = "don_vi_phu_trach:\nten: [Chi bộ thôn]  # a\nty_le_hoan_thanh_chi_tieu: 1.0\n"
    code, found = check(MEMBER, r"^don_vi_phu_trach:\n(  .*\n)+", group)
    f = only([f for f in found if f["code"] == "schema-type"])
    assert (code, f["line"], f["column"]) == (1, 8, 18)
    assert "Sửa dòng 9 thành: `  ten: [Chi bộ thôn]  # a` (và các dòng con" in f["hint"]


def test_list_items_without_dashes_show_their_lines_as_written(check: Check) -> None:
    group = 'chuyen_sinh_hoat:\n  ngay: "2026-03-01"\n  tu_don_vi: |\n    Chi bộ Ấp 3\n'
    code, found = check(MEMBER, r"^kiem_diem:$", group + "kiem_diem:")
    f = only(found)
    assert (code, f["code"], f["line"]) == (1, "schema-type", 14)
    assert 'Sửa dòng 14 thành: `- ngay: "2026-03-01"`' in f["hint"]
    assert f["hint"].endswith('chuyen_sinh_hoat:\n  - ngay: "2026-03-01"\n    tu_don_vi: |')


# ---- syntax hints that move or quote a value (generator/check/yamlrepair.py)


def test_a_quoted_value_on_the_next_line_is_moved_up_as_written(check: Check, sample: Path) -> None:
    code, found = check(MEMBER, r"^ho_ten: .*$", 'ho_ten:\n"Đỗ Văn Thành"')
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", 4, 1)
    assert 'Sửa dòng 3 thành: `ho_ten: "Đỗ Văn Thành"`' in f["hint"]


def test_a_backslash_in_a_text_with_a_colon_is_escaped(check: Check, sample: Path) -> None:
    code, found = check(MEMBER, r"^chuc_vu: .*$", "chuc_vu: Thư mục: C:\\new")
    f = only(found)
    assert (code, f["code"], f["line"]) == (1, "yaml-syntax", 7)
    assert 'Sửa dòng 7 thành: `chuc_vu: "Thư mục: C:\\\\new"`' in f["hint"]
    assert _follow(sample, MEMBER, f["hint"])["chuc_vu"] == "Thư mục: C:\\new"
