"""Syntax errors are reported at the line to change, with a corrected line that keeps the
indentation of its sibling keys (issue 13, item 1); odd characters are named.

Each case takes a complete review with text blocks after `|` (the shape of the sample's
reviews), breaks one line the way a user did, and asserts the finding's line and hint.
"""

from __future__ import annotations

from pathlib import Path

from generator.check import problem_finding
from generator.findings import Finding
from generator.submissions.yamlload import loads
from tests.unit.test_hints import HEAD, MEMBER, check, only, repo

__all__ = ["repo"]  # the fixture, shared with test_hints

REVIEW = HEAD + (
    "kiem_diem:\n"  # 7
    "  uu_diem: |\n"  # 8
    "    Chấp hành nghiêm chủ trương của Đảng.\n"
    "    Hoàn thành tốt các nhiệm vụ được giao.\n"  # 10
    "  han_che: |\n"  # 11
    "    Một số báo cáo còn sơ sài.\n"
    "  ket_qua_khac_phuc: |\n"  # 13
    "    Đang tiếp tục khắc phục.\n"
    "  phuong_huong: |\n"  # 15
    "    Tiếp tục tu dưỡng, rèn luyện.\n"
    "    Hoàn thành đúng hạn các nhiệm vụ.\n"  # 17
    "# tu_xep_loai: HTTNV\n"  # 18
)
LINES = REVIEW.split("\n")


def broken(line: int, text: str) -> bytes:
    lines = list(LINES)
    lines[line - 1] = text
    return "\n".join(lines).encode()


def explain(data: bytes) -> Finding:
    problems = loads(data).problems
    assert problems, "the loader accepted the file"
    return problem_finding(problems[0], MEMBER, data)


def test_the_review_loads() -> None:
    assert loads(REVIEW.encode()).problems == []


def test_key_after_a_text_block_with_one_leading_space() -> None:
    # what deleting only the `#` of `# tu_xep_loai: HTTNV` leaves
    f = explain(broken(18, " tu_xep_loai: HTTNV"))
    assert (f.code, f.line) == ("yaml-syntax", 18)
    assert "Sửa dòng 18 thành: `tu_xep_loai: HTTNV`" in f.hint
    assert "thêm 2 dấu cách" not in f.hint


def test_key_indented_one_more_than_its_siblings_after_a_block() -> None:
    f = explain(broken(11, "   han_che: |"))
    assert (f.code, f.line) == ("yaml-syntax", 11)
    assert "`  han_che: |`" in f.hint


def test_three_spaces_where_siblings_use_two() -> None:
    f = explain(broken(13, "   ket_qua_khac_phuc: |"))
    assert (f.code, f.line) == ("yaml-syntax", 13)
    assert "thụt 2 dấu cách" in f.hint and "4 dấu cách" not in f.hint
    assert "`  ket_qua_khac_phuc: |`" in f.hint


def test_first_key_of_a_group_moved_to_column_0() -> None:
    # PyYAML notices it at `  han_che:` (line 11); the line to change is uu_diem's
    f = explain(broken(8, "uu_diem: |"))
    assert (f.code, f.line) == ("yaml-syntax", 8)
    assert "Sửa dòng 8 thành: `  uu_diem: |`" in f.hint


def test_colon_fix_of_a_nested_key_keeps_its_indentation() -> None:
    f = explain(broken(13, "  ket_qua_khac_phuc:Đã khắc phục"))
    assert (f.code, f.line) == ("yaml-syntax", 13)
    assert "`ket_qua_khac_phuc: Đã khắc phục`" in f.hint
    assert "giữ nguyên 2 dấu cách đầu dòng" in f.hint


def test_non_breaking_space_after_a_colon_is_named_on_its_line() -> None:
    # Word puts U+00A0 after a colon; PyYAML notices it on the comment line below
    data = (HEAD + "chuc_vu:\u00a0Bí thư chi bộ\n# ghi chú\n# ghi chú\n").encode()
    f = explain(data)
    assert (f.code, f.line) == ("yaml-syntax", 7)
    assert "non-breaking space" in f.message
    assert "`chuc_vu: Bí thư chi bộ`" in f.hint


def test_curly_quotes_are_replaced_not_wrapped() -> None:
    f = explain((HEAD + "chuc_vu: “Bí thư: Quản đốc”\n").encode())
    assert f.line == 7
    assert "ngoặc cong" in f.message
    assert '`chuc_vu: "Bí thư: Quản đốc"`' in f.hint
    assert "“" not in f.hint.split("Sửa dòng")[1]


def test_straight_quote_closed_by_a_curly_one() -> None:
    f = explain((HEAD + 'chuc_vu: "Bí thư chi bộ”\nkiem_diem:\n  uu_diem: Tốt\n').encode())
    assert f.line == 7
    assert "ngoặc cong" in f.message
    assert '`chuc_vu: "Bí thư chi bộ"`' in f.hint


def test_an_empty_level_says_empty_never_none(repo: Path) -> None:
    text = HEAD.replace("trang_thai_ho_so: nhap", "trang_thai_ho_so: hoan_thanh")
    findings = check(repo, text + "tu_xep_loai:\n")
    f = only(findings, "schema-enum")  # one finding: not also "must be text"
    assert f.line == 7
    assert "`tu_xep_loai` (Tự xếp loại) đang để trống" in f.message
    assert "`HTTNV`" in f.hint
    assert all("None" not in g.message + g.hint for g in findings)


SAMPLE_SHAPE = (
    HEAD
    + (
        "nhiem_vu:\n"
        "  duoc_giao: 6\n"
        "  hoan_thanh: 6\n"
        "  dung_han: 6\n"
        "diem:\n"
        "  tieu_chi_chung: 26\n"
        "  ket_qua_nhiem_vu: 62\n"
    )
    + REVIEW.removeprefix(HEAD)
)


def test_every_key_line_moved_one_column_is_reported_at_that_line() -> None:
    # the shape of the sample's reviews: groups of 2 to 5 keys and text blocks; each key
    # line moved one column left or right, one at a time
    lines = SAMPLE_SHAPE.split("\n")
    assert loads(SAMPLE_SHAPE.encode()).problems == []
    wrong = []
    tried = 0
    for i, line in enumerate(lines):
        if ":" not in line or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        for moved in (indent - 1, indent + 1):
            if moved < 0:
                continue
            data = "\n".join([*lines[:i], " " * moved + line.lstrip(" "), *lines[i + 1 :]])
            problems = loads(data.encode()).problems
            if not problems:
                continue  # still valid YAML (a key moved right into a text block)
            tried += 1
            f = problem_finding(problems[0], MEMBER, data.encode())
            if f.line != i + 1 or f"`{line.rstrip()}`" not in f.hint:
                wrong.append((i + 1, moved, f.line, f.hint))
    assert tried > 25
    assert not wrong
