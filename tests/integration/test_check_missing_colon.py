"""A key written without its colon is told as that, with the line corrected (found by a
new user's trial, on the sample): `ho_ten Nguyễn Văn Bình`, `kiem_diem` alone above its
block, `tu_xep_loai HTTNV` and a full-width `ho_ten：` were "dòng này không có dạng
`ten_muc: giá trị`", whose hint offered only "indent 2 more spaces" or "put `# ` at the
start" — the second makes the name a comment, and the file then lacks `ho_ten`. Each case
changes one line of a sample file and checks it with the CLI: the finding is at the
column where `: ` belongs, its corrected line written in makes the file pass with the
user's words (generator/check/yamlcolon.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import yamltext
from tests.integration.hintfiles import only, run_check
from tests.integration.test_check_written_values import (
    MEMBER,
    Check,
    _follow,
    check,
    sample,
)

__all__ = ["check", "sample"]  # the fixtures, shared with test_check_written_values

UU_DIEM = (
    "Trung thành với Đảng, chấp hành tốt đường lối, chính sách; giữ gìn lối sống giản dị, "
    "hòa nhã với bà con trong thôn."
)

CASES = [
    # (pattern of the sample's line, the line as written, line, column, the corrected
    # line, where to read the value then, how the value read then starts)
    (
        r"^ho_ten: .*$",
        "ho_ten Nguyễn Văn Bình",
        3,
        7,
        "ho_ten: Nguyễn Văn Bình",
        ("ho_ten",),
        "Nguyễn Văn Bình",
    ),
    (
        r"^tu_xep_loai: .*$",
        "tu_xep_loai HTTNV",
        29,
        12,
        "tu_xep_loai: HTTNV",
        ("tu_xep_loai",),
        "HTTNV",
    ),
    # the key alone above its indented block
    (r"^kiem_diem:$", "kiem_diem", 13, 10, "kiem_diem:", ("kiem_diem", "uu_diem"), UU_DIEM),
    # a text field alone above its text: the block's `|`, the comment kept a comment
    (
        r"^  uu_diem: \|$",
        "  uu_diem  # ghi chú",
        14,
        10,
        "uu_diem: |  # ghi chú",
        ("kiem_diem", "uu_diem"),
        UU_DIEM,
    ),
    # the key written close to the schema's (`họ_tên`), a value with `#` kept in quotes
    (
        r"^ho_ten: .*$",
        "họ_tên Nguyễn Văn #2",
        3,
        7,
        'ho_ten: "Nguyễn Văn #2"',
        ("ho_ten",),
        "Nguyễn Văn #2",
    ),
]
ODD = [  # a colon from a Vietnamese or Chinese input method
    ("ho_ten：Nguyễn Văn Bình", "："),
    ("ho_ten ∶ Nguyễn Văn Bình", "∶"),
]


@pytest.mark.parametrize(("pattern", "line", "n", "column", "fixed", "path", "value"), CASES)
def test_a_key_without_its_colon_gets_the_line_with_it(
    pattern: str,
    line: str,
    n: int,
    column: int,
    fixed: str,
    path: tuple[str, ...],
    value: str,
    check: Check,
    sample: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, found = check(MEMBER, pattern, line)
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", n, column)
    key = fixed.split(":")[0]
    assert f["message"].startswith(f"Sai cú pháp YAML: thiếu dấu hai chấm sau tên mục `{key}`")
    assert "(`: `)" in f["hint"] and f"Sửa dòng {n} thành: `{fixed}`" in f["hint"]
    assert "`# `" not in f["hint"]  # never: the name would become a comment
    data: object = _follow(sample, MEMBER, f["hint"])
    code, found = run_check(sample, MEMBER, capsys)
    assert (code, found) == (0, [])
    for part in path:
        data = data[part]  # type: ignore[index]
    assert isinstance(data, str) and data.startswith(value)


@pytest.mark.parametrize(("line", "odd"), ODD)
def test_a_colon_of_an_input_method_is_named(
    line: str, odd: str, check: Check, sample: Path
) -> None:
    code, found = check(MEMBER, r"^ho_ten: .*$", line)
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "yaml-syntax", 3, 7)
    assert f"Dấu `{odd}`" in f["hint"]
    assert "Sửa dòng 3 thành: `ho_ten: Nguyễn Văn Bình`." in f["hint"]
    assert _follow(sample, MEMBER, f["hint"])["ho_ten"] == "Nguyễn Văn Bình"


def test_a_line_of_text_that_names_no_key_is_still_a_stray_line(check: Check) -> None:
    line = "loai_dang_vien: chinh_thuc\nNguyễn Văn Bình"
    code, found = check(MEMBER, r"^loai_dang_vien: .*$", line)
    f = only(found)
    assert (code, f["line"], f["column"]) == (1, 5, 1)
    assert "không có dạng `ten_muc: giá trị`" in f["message"]


SPACED = [
    # (pattern of the sample's line, the line as written, its number, the corrected line,
    # the value read then): a key, a blank, then text holding `: `, which YAML reads as
    # one unknown key; renamed to the key it starts with, the words between were lost
    (
        r"^tu_xep_loai: .*$",
        "tu_xep_loai Hoàn thành: tốt",
        29,
        'tu_xep_loai: "Hoàn thành: tốt"',
        "Hoàn thành: tốt",
    ),
    (r"^ho_ten: .*$", "ho_ten Nguyễn: Văn Bình", 3, 'ho_ten: "Nguyễn: Văn Bình"', None),
    # a comment kept a comment
    (
        r"^ho_ten: .*$",
        "ho_ten Nguyễn: Văn Bình  # ghi chú",
        3,
        'ho_ten: "Nguyễn: Văn Bình"  # ghi chú',
        None,
    ),
]


@pytest.mark.parametrize(("pattern", "line", "n", "fixed", "value"), SPACED)
def test_a_key_read_with_the_words_after_it_keeps_every_word(
    pattern: str,
    line: str,
    n: int,
    fixed: str,
    value: str | None,
    check: Check,
    sample: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, found = check(MEMBER, pattern, line)
    f = only(found)
    key, written = line.split(" ", 1)
    assert (code, f["code"], f["line"], f["column"]) == (1, "schema-unknown-key", n, 1)
    assert f["message"].startswith(f"Mục `{line.split(':')[0]}` không có trong mẫu")
    assert f"Sửa dòng {n} thành: `{fixed}`; mọi chữ bạn đã viết vẫn giữ nguyên." in f["hint"]
    read = _follow(sample, MEMBER, f["hint"])[key]
    words = written.split("#")[0].split()
    assert isinstance(read, str) and read.split() == words  # every word, in its order
    if value is None:  # a text field: the file passes as corrected
        assert run_check(sample, MEMBER, capsys) == (0, [])
    else:  # a list's field: the value is told against the list now, with every word
        code, found = run_check(sample, MEMBER, capsys)
        assert read == value and [g["code"] for g in found] == ["schema-enum"]


TRIAL = [
    # (the line as written, the corrected line, what chuc_vu reads then): a hostile-
    # submitter trial; a `#` inside quotes was taken for a comment, and the line pasted
    # passed the check with the key's text cut short (`Bí thư: "Chi bộ`)
    (
        'chuc_vu Bí thư: "Chi bộ #1, công chức"',
        'chuc_vu: "Bí thư: \\"Chi bộ #1, công chức\\""',
        'Bí thư: "Chi bộ #1, công chức"',
    ),
    (
        'chuc_vu "Bí thư chi bộ  #1 của xã"',
        'chuc_vu: "Bí thư chi bộ  #1 của xã"',
        "Bí thư chi bộ  #1 của xã",
    ),
    (
        "chuc_vu 'Bí thư: chi bộ  #1'  # ghi chú",
        "chuc_vu: 'Bí thư: chi bộ  #1'  # ghi chú",
        "Bí thư: chi bộ  #1",
    ),
]


@pytest.mark.parametrize(("line", "fixed", "value"), TRIAL)
def test_a_hash_inside_quotes_stays_in_the_pasted_line(
    line: str,
    fixed: str,
    value: str,
    check: Check,
    sample: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, found = check(MEMBER, r"^chuc_vu: .*$", line)
    f = only(found)
    assert code == 1 and f["line"] == 7
    assert f"Sửa dòng 7 thành: `{fixed}`" in f["hint"], f["hint"]
    assert _follow(sample, MEMBER, f["hint"])["chuc_vu"] == value
    assert run_check(sample, MEMBER, capsys) == (0, [])


def test_no_line_is_offered_that_would_lose_words(
    check: Check, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net (generator/check/yamltext.reads_back), made to act by a writer of
    values that drops words (what follows ` số`): no line to paste, the hint says how to
    write the value as a block instead."""
    lossy = lambda text: '"' + text.split(" số")[0] + '"'  # noqa: E731
    monkeypatch.setattr(yamltext, "yaml_scalar", lossy)
    code, found = check(MEMBER, r"^chuc_vu: .*$", "chuc_vu Bí thư: Chi bộ số 1")
    f = only(found)
    assert (code, f["code"], f["line"]) == (1, "schema-unknown-key", 7)
    assert "Sửa dòng" not in f["hint"], f["hint"]
    assert "ở dòng 7 chỉ để `chuc_vu: |`, rồi viết mọi chữ bạn đã viết sau `chuc_vu`" in f["hint"]
