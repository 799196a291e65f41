"""A YAML syntax error is told in Vietnamese with a hint to act on, at the place PyYAML
named, even when generator.check.yamlrepair finds no line to correct: libyaml's English
("block sequence entries are not allowed in this context") is read to choose the wording
(generator.check.yamlgeneric) and never shown."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator import messages
from generator.check import problem_finding
from generator.check.yamlgeneric import GENERIC
from generator.cli import main
from generator.findings import Position
from generator.submissions.yamlload import LoadProblem, loads
from tests.conftest import CB

MEMBER = f"{CB}/dang-vien/dv-000001.yaml"
HEAD = "ma_dang_vien: dv-000001\nnam: 2025\nho_ten: Nguyễn Văn Nam\n"

# libyaml's words that must not reach a user
ENGLISH = re.compile(
    r"allowed|expected|found|context|scanning|parsing|character|sequence|mapping|"
    r"indicator|occurrence|document|stream|token|alias|anchor|escape",
)


def _finding(text: str):  # type: ignore[no-untyped-def]
    data = text.encode()
    problems = loads(data).problems
    assert problems, "the loader accepted the file"
    return problems[0], problem_finding(problems[0], MEMBER, data)


def test_a_list_dash_after_a_key_is_told_with_three_ways_to_write_it() -> None:
    problem, f = _finding(HEAD + "chuc_vu: - Phó Bí thư\nloai_dang_vien: chinh_thuc\n")
    assert (f.code, f.line, f.column) == ("yaml-syntax", 4, 10)
    assert (problem.position.line, problem.position.column) == (4, 10)
    assert f.message == (
        "Sai cú pháp YAML: dấu '- ' (đầu một phần tử danh sách) đứng ngay sau `chuc_vu:` "
        "trên cùng một dòng."
    )
    assert f.hint == (
        "Nếu `chuc_vu` chỉ có một nội dung, viết nó ngay sau dấu hai chấm, không có dấu '- ': sửa "
        "dòng 4 thành "
        "`chuc_vu: Phó Bí thư`. Nếu là danh sách, để `chuc_vu:` một mình trên dòng 4 rồi "
        "viết mỗi phần tử trên một dòng riêng bên dưới, thụt lề thêm 2 dấu cách: "
        "`  - Phó Bí thư`. Nếu dấu '-' là chữ của nội dung, đặt cả nội dung trong dấu ngoặc "
        'kép: `chuc_vu: "- Phó Bí thư"`.'
    )


def test_a_dash_after_a_nested_quoted_value_keeps_its_indentation_and_quotes() -> None:
    _, f = _finding(HEAD + 'kiem_diem:\n  uu_diem: - "Tốt: đạt"\n')
    assert (f.line, f.column) == (5, 12)
    assert 'sửa dòng 5 thành `  uu_diem: "Tốt: đạt"`' in f.hint
    assert '`    - "Tốt: đạt"`' in f.hint
    assert '`  uu_diem: "- Tốt: đạt"`' in f.hint


# (broken line after HEAD, the Vietnamese message, line, column): each reaches the
# generic wording (no line to correct was found)
CASES = [
    ("ghi_chu: ? Cần hỏi\n", "có dấu '? ' ở chỗ không được phép", 4, 10),
    ("ghi_chu: & khác\n", "có dấu '&' hoặc '*' ở đầu giá trị", 4, 11),
    ('ghi_chu: "C:\\Tai lieu"\n', "dấu gạch chéo ngược '\\' đi với một ký tự không hợp lệ", 4, 13),
    ('ghi_chu: "\\x4g"\n', "dấu gạch chéo ngược '\\' đi với một ký tự không hợp lệ", 4, 13),
    ("ghi_chu: |Tốt\n", "sau dấu '|' hoặc '>' không được viết nội dung trên cùng dòng", 4, 11),
    # at the bracket, not where libyaml noticed it (generator/check/yamlbracket.py)
    ("ghi_chu: [Đã bổ sung\nnam: 2025\n", "bắt đầu bằng dấu ngoặc vuông `[`", 4, 10),
    ("ghi_chu: {a\nnam: 2025\n", "bắt đầu bằng dấu ngoặc nhọn `{`", 4, 10),
    ("ghi_chu: !<x y\n", "có dấu '!' ở đầu giá trị", 4, 13),
    ("ghi_chu: Tốt\x07 lắm\n", "ký tự điều khiển không nhìn thấy được (U+0007)", 4, 13),
    ("a: &x 1\nb: &x 2\n", "có dấu '&' hoặc '*' ở đầu giá trị", 5, 4),
]


@pytest.mark.parametrize(("line", "message", "at_line", "at_column"), CASES)
def test_libyaml_problems_are_told_in_vietnamese(
    line: str, message: str, at_line: int, at_column: int
) -> None:
    problem, f = _finding(HEAD + line)
    assert f.code == "yaml-syntax"
    assert f.message.startswith("Sai cú pháp YAML: ") and message in f.message, f.message
    assert not ENGLISH.search(f.message + f.hint), (f.message, f.hint)
    assert f.hint and "kiemdiem new" not in f.hint  # a concrete hint, not the generic one
    assert (f.line, f.column) == (at_line, at_column)
    # PyYAML's own place (a control character's is worked out; an unclosed bracket is
    # named where it opens, not where libyaml noticed it)
    if "\x07" not in line and not line.startswith(("ghi_chu: [", "ghi_chu: {")):
        assert (f.line, f.column) == (problem.position.line, problem.position.column)


def test_a_problem_no_one_knows_is_still_vietnamese_at_its_place() -> None:
    problem = LoadProblem("yaml-syntax", Position(3, 7), {"problem": "something new happened"})
    f = problem_finding(problem, MEMBER, (HEAD + "x: y\n").encode())
    assert (f.line, f.column) == (3, 7)
    assert f.message == "Sai cú pháp YAML: chương trình không đọc được tệp từ chỗ này."
    assert "something" not in f.message + f.hint


def test_every_generic_variant_has_a_vietnamese_entry() -> None:
    for _, variant in GENERIC:
        assert f"yaml-syntax/{variant}" in messages.CATALOG, variant


def test_check_shows_the_dash_after_a_key_in_vietnamese(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo = mini_repo()
    path = repo / MEMBER
    lines = path.read_text("utf-8").split("\n")
    lines.insert(3, "chuc_vu: - Phó Bí thư")
    path.write_text("\n".join(lines), "utf-8")
    assert main(["--repo", str(repo), "check", "--no-rules", str(path)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{MEMBER}:4:10: lỗi [yaml-syntax] Sai cú pháp YAML: dấu '- ' (đầu một phần tử danh "
        "sách) đứng ngay sau `chuc_vu:` trên cùng một dòng."
    ) in out
    assert "block sequence" not in out and "not allowed" not in out
    assert "sửa dòng 4 thành `chuc_vu: Phó Bí thư`" in out
