"""The corrected line of a value cut by ` #` (`yaml-comment-in-value`, generator.
submissions.yamlodd) and of a value with `: ` in it (`yaml-syntax`, variant
`colon-in-value`, generator.check.yamlrepair), on the sample's own files: built as every
corrected line is (generator.check.written): without the line's indentation, the dash
and key kept, only the value in quotes, and a trailing note clearly meant as a comment
(two blanks, then `#`, as the template writes them) kept after the quotes. Following
the hint gives a file that passes and reads as the user's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.hintfiles import edit, run_check, value_at, write_line
from tests.integration.test_check_quoted_quietly import CHI_BO, MEMBER, ORG
from tests.integration.test_check_quoted_quietly import repo as repo  # the fixture

# (file, the line's pattern, the line written, line and column, the corrected line,
# where the value is, the value it reads as)
COMMENT_CASES = [
    (
        MEMBER,
        r"^chuc_vu: .*$",
        "chuc_vu: Phó Bí thư #2, phụ trách  # ghi chú",
        (7, 21),
        'chuc_vu: "Phó Bí thư #2, phụ trách"  # ghi chú',
        ("chuc_vu",),
        "Phó Bí thư #2, phụ trách",
    ),
    (
        MEMBER,
        r"^  ten: .*$",
        "  ten: Chi bộ thôn An Lạc #2  # ghi chú",
        (9, 27),
        'ten: "Chi bộ thôn An Lạc #2"  # ghi chú',
        ("don_vi_phu_trach", "ten"),
        "Chi bộ thôn An Lạc #2",
    ),
    (
        ORG,
        r"^  - ten: Kết nạp.*$",
        "  - ten: Kết nạp 1 đảng viên #mới  # ghi chú",
        (12, 30),
        '- ten: "Kết nạp 1 đảng viên #mới"  # ghi chú',
        ("chi_tieu", 0, "ten"),
        "Kết nạp 1 đảng viên #mới",
    ),
]


@pytest.mark.parametrize(("rel", "pattern", "line", "at", "fixed", "path", "value"), COMMENT_CASES)
def test_a_cut_value_is_quoted_and_its_note_stays_a_comment(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    rel: str,
    pattern: str,
    line: str,
    at: tuple[int, int],
    fixed: str,
    path: tuple[str | int, ...],
    value: str,
) -> None:
    edit(repo, rel, pattern, line)
    code, found = run_check(repo, rel, capsys)
    got = [(f["code"], f["line"], f["column"]) for f in found]
    assert (code, got) == (1, [("yaml-comment-in-value", *at)])
    assert f"sửa dòng {at[0]} thành `{fixed}`;" in found[0]["hint"]
    lost = value[value.index("#") :]
    assert f"Phần chữ từ dấu `#` (`{lost}`)" in found[0]["message"]
    write_line(repo, rel, at[0], fixed)
    assert run_check(repo, rel, capsys) == (0, [])
    assert value_at(repo, rel, path) == value


COLON_CASES = [
    (
        r"^chuc_vu: .*$",
        "chuc_vu: Phó Bí thư: phụ trách thôn  # ghi chú",
        7,
        'chuc_vu: "Phó Bí thư: phụ trách thôn"  # ghi chú`.',
        ("chuc_vu",),
        "Phó Bí thư: phụ trách thôn",
    ),
    (
        r"^  ten: .*$",
        "  ten: Chi bộ: thôn An Lạc  # ghi chú",
        9,
        'ten: "Chi bộ: thôn An Lạc"  # ghi chú` (giữ nguyên 2 dấu cách đầu dòng',
        ("don_vi_phu_trach", "ten"),
        "Chi bộ: thôn An Lạc",
    ),
    # a `#` after two blanks inside quotes is text, not a note: the line pasted lost
    # `#1 xã"` (`chuc_vu: 'Bí thư: "Chi bộ'  #1 xã"`)
    (
        r"^chuc_vu: .*$",
        'chuc_vu: Bí thư: "Chi bộ  #1 xã"  # ghi chú',
        7,
        """chuc_vu: 'Bí thư: "Chi bộ  #1 xã"'  # ghi chú`.""",
        ("chuc_vu",),
        'Bí thư: "Chi bộ  #1 xã"',
    ),
]


@pytest.mark.parametrize(("pattern", "line", "number", "shown", "path", "value"), COLON_CASES)
def test_a_colon_in_a_value_is_quoted_and_its_note_stays_a_comment(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    pattern: str,
    line: str,
    number: int,
    shown: str,
    path: tuple[str | int, ...],
    value: str,
) -> None:
    edit(repo, MEMBER, pattern, line)
    code, found = run_check(repo, MEMBER, capsys)
    got = [(f["code"], f["line"], f["column"]) for f in found]
    assert (code, got) == (1, [("yaml-syntax", number, 1)])
    assert f"Sửa dòng {number} thành: `{shown}" in found[0]["hint"]
    write_line(repo, MEMBER, number, shown[: shown.index("`")])
    assert run_check(repo, MEMBER, capsys) == (0, [])
    assert value_at(repo, MEMBER, path) == value


def test_a_choice_cut_by_a_comment_gets_one_corrected_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`Hoàn thành tốt # x`: the cut (`yaml-comment-in-value`) is the cause and carries
    the line's correction; the value's own finding names the allowed values but offers
    no second, different line for the same line."""
    edit(repo, MEMBER, r"^tu_xep_loai: .*$", "tu_xep_loai: Hoàn thành tốt # x")
    code, found = run_check(repo, MEMBER, capsys)
    got = [(f["code"], f["line"], f["column"]) for f in found]
    assert (code, got) == (1, [("schema-enum", 29, 14), ("yaml-comment-in-value", 29, 29)])
    enum, cut = found
    assert "Sửa dòng" not in enum["hint"] and "Có phải ý bạn là `HTTNV`?" in enum["hint"]
    # a rating takes no free text: the "#" starts a note, which two blanks keep one
    assert "sửa dòng 29 thành `tu_xep_loai: Hoàn thành tốt  # x`" in cut["hint"]
    assert "ngoặc kép" not in cut["hint"]
    # the value's line comes next
    write_line(repo, MEMBER, 29, "tu_xep_loai: Hoàn thành tốt  # x")
    code, found = run_check(repo, MEMBER, capsys)
    assert (code, [(f["code"], f["line"], f["column"]) for f in found]) == (
        1,
        [("schema-enum", 29, 14)],
    )
    assert "Sửa dòng 29 thành: `tu_xep_loai: HTTNV  # x`." in found[0]["hint"]
    write_line(repo, MEMBER, 29, "tu_xep_loai: HTTNV  # x")
    assert run_check(repo, MEMBER, capsys) == (0, [])
    assert value_at(repo, MEMBER, ("tu_xep_loai",)) == "HTTNV"


# a member file with `nhiem_vu` (line 12 `  duoc_giao: 6`)
TASKS = CHI_BO.replace("chi-bo-thon-an-lac", "chi-bo-co-quan-xa") + "/dang-vien/dv-101003.yaml"

# (file, the line's pattern, the line written, line and column, the corrected line,
# where the value is, the value it reads as)
NOTE_CASES = [
    pytest.param(
        TASKS,
        r"^  duoc_giao: .*$",
        "  duoc_giao: 6 # sáu",
        (12, 16),
        "duoc_giao: 6  # sáu",
        ("nhiem_vu", "duoc_giao"),
        6,
        id="integer",
    ),
    pytest.param(
        MEMBER,
        r"^tu_xep_loai: .*$",
        "tu_xep_loai: HTTNV # tự",
        (29, 20),
        "tu_xep_loai: HTTNV  # tự",
        ("tu_xep_loai",),
        "HTTNV",
        id="enum",
    ),
    pytest.param(
        MEMBER,
        r"^ngay_vao_dang: .*$",
        "ngay_vao_dang: 1994-12-22 # theo thẻ",
        (6, 27),
        "ngay_vao_dang: 1994-12-22  # theo thẻ",
        ("ngay_vao_dang",),
        "1994-12-22",
        id="date",
    ),
]


@pytest.mark.parametrize(("rel", "pattern", "line", "at", "fixed", "path", "value"), NOTE_CASES)
def test_a_value_that_is_not_text_keeps_its_note_a_comment(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    rel: str,
    pattern: str,
    line: str,
    at: tuple[int, int],
    fixed: str,
    path: tuple[str | int, ...],
    value: object,
) -> None:
    """A number, a choice or a date cut by ` #`: in quotes it would be text the schema
    refuses (`"6 # sáu"` is no integer); the "#" can only start a note, and the
    corrected line keeps it one, two blanks after the value."""
    edit(repo, rel, pattern, line)
    code, found = run_check(repo, rel, capsys)
    got = [(f["code"], f["line"], f["column"]) for f in found]
    assert (code, got) == (1, [("yaml-comment-in-value", *at)])
    assert f"sửa dòng {at[0]} thành `{fixed}`" in found[0]["hint"]
    assert "ngoặc kép" not in found[0]["hint"]
    write_line(repo, rel, at[0], fixed)
    assert run_check(repo, rel, capsys) == (0, [])
    assert value_at(repo, rel, path) == value


def test_an_unknown_key_cut_by_a_comment_gets_one_corrected_line(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`chuc_vuu: Bí thư #2`: the unknown key's hint used to offer `chuc_vu: Bí thư #2`
    (the value still cut) beside the cut's `chuc_vuu: "Bí thư #2"`: two lines for one.
    The cut carries the line; once it is quoted, the key's line keeps the quotes."""
    edit(repo, MEMBER, r"^chuc_vu: .*$", "chuc_vuu: Bí thư #2")
    code, found = run_check(repo, MEMBER, capsys)
    got = [(f["code"], f["line"], f["column"]) for f in found]
    assert (code, got) == (1, [("schema-unknown-key", 7, 1), ("yaml-comment-in-value", 7, 18)])
    key, cut = found
    assert "Sửa dòng" not in key["hint"] and "`chuc_vu:`" in key["hint"]
    assert 'sửa dòng 7 thành `chuc_vuu: "Bí thư #2"`;' in cut["hint"]
    write_line(repo, MEMBER, 7, 'chuc_vuu: "Bí thư #2"')
    code, found = run_check(repo, MEMBER, capsys)
    assert (code, [f["code"] for f in found]) == (1, ["schema-unknown-key"])
    assert 'Sửa dòng 7 thành: `chuc_vu: "Bí thư #2"`.' in found[0]["hint"]
    write_line(repo, MEMBER, 7, 'chuc_vu: "Bí thư #2"')
    assert run_check(repo, MEMBER, capsys) == (0, [])
    assert value_at(repo, MEMBER, ("chuc_vu",)) == "Bí thư #2"
