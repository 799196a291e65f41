"""A plain value in curly quotes (`ho_ten: “Nguyễn Văn Bình”`, typed by Word or a phone)
is stored with the quote marks as its text: a warning (`text-curly-quotes`, a name may
hold such quotes inside) at the opening quote, with the line in straight quotes; none
where the schema's finding already says it (a date, a choice), none for quotes inside a
value or inside straight ones, and a committee-only value is not quoted back."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.findings import Severity
from generator.submissions.yamlload import loads
from tests.unit.test_hints import HEAD, MEMBER, check, only
from tests.unit.test_hints import repo as repo  # the fixture: a tiny pending year


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ("‘", "’"), ("”", "”")])
def test_a_name_in_curly_quotes_is_a_warning_with_the_line_in_straight_ones(
    repo: Path, capsys: pytest.CaptureFixture[str], opening: str, closing: str
) -> None:
    name = f"{opening}Nguyễn Văn Bình{closing}"
    text = HEAD.replace("ho_ten: Nguyễn Văn A", f"ho_ten: {name}  # tên khai sinh")
    found = check(repo, text)
    f = only(found, "text-curly-quotes")
    assert (f.severity, f.line, f.column) == (Severity.WARNING, 3, 9)
    assert f"{opening}…{closing}" in f.message and "`ho_ten`" in f.message
    assert '`ho_ten: "Nguyễn Văn Bình"  # tên khai sinh`' in f.hint
    assert "ngoặc kép thẳng" in f.hint
    assert [x.code for x in found] == ["text-curly-quotes"]  # nothing else
    # told on the terminal with file:line:column; a warning does not fail the check
    capsys.readouterr()
    assert main(["--repo", str(repo), "check", str(repo / MEMBER)]) == 0
    out = capsys.readouterr().out
    assert f"{MEMBER}:3:9: cảnh báo [text-curly-quotes]" in out
    # the corrected line reads as the name without the marks
    fixed = text.replace(f"ho_ten: {name}", 'ho_ten: "Nguyễn Văn Bình"')
    loaded = loads(fixed.encode("utf-8"))
    assert loaded.document is not None and loaded.document.data["ho_ten"] == "Nguyễn Văn Bình"
    assert check(repo, fixed) == []


def test_a_list_item_in_curly_quotes_is_named_by_its_place(repo: Path) -> None:
    text = HEAD + 'chuyen_sinh_hoat:\n  - ngay: "2026-03-02"\n    tu_don_vi: “Chi bộ Ấp 3”\n'
    f = only(check(repo, text), "text-curly-quotes")
    assert (f.line, f.column) == (9, 16)
    assert "`tu_don_vi`" in f.message
    assert '`tu_don_vi: "Chi bộ Ấp 3"`' in f.hint


def test_a_value_over_two_lines_is_told_without_a_line(repo: Path) -> None:
    text = HEAD.replace("ho_ten: Nguyễn Văn A", "ho_ten: “Nguyễn\n  Văn Bình”")
    f = only(check(repo, text), "text-curly-quotes")
    assert (f.line, f.column) == (3, 9)
    assert "sửa dòng" not in f.hint.lower() and "ngoặc kép thẳng" in f.hint


def test_a_value_on_the_line_below_its_key_is_told_there(repo: Path) -> None:
    text = HEAD.replace("ho_ten: Nguyễn Văn A", "ho_ten:\n  “Nguyễn Văn Bình”")
    f = only(check(repo, text), "text-curly-quotes")
    assert (f.line, f.column) == (4, 3)
    assert 'sửa dòng 4 thành `"Nguyễn Văn Bình"`' in f.hint


@pytest.mark.parametrize(
    "value",
    [
        "Nguyễn “Ba” Bình",  # quotes inside a name
        "“Ba” Bình",  # starts with one, does not end with one
        '"“Nguyễn Văn Bình”"',  # in straight quotes: meant
        "'“Nguyễn Văn Bình”'",
        "|\n  “Nguyễn Văn Bình”",  # a block: its text as written
    ],
)
def test_quotes_inside_or_meant_are_no_finding(repo: Path, value: str) -> None:
    assert check(repo, HEAD.replace("Nguyễn Văn A", value)) == []


def test_a_date_in_curly_quotes_is_told_once_by_its_schema_finding(repo: Path) -> None:
    found = check(repo, HEAD.replace('"2010-05-19"', "“2010-05-19”"))
    assert found and "text-curly-quotes" not in {f.code for f in found}
    assert all("ngoặc cong" in f.hint for f in found)
    choice = check(repo, HEAD.replace("chinh_thuc", "“chinh_thuc”"))
    assert [f.code for f in choice] == ["schema-enum"]


def test_a_committee_only_value_is_not_quoted_back(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + "ghi_chu_noi_bo: “Đang xem xét kỷ luật”\n"
    (repo / MEMBER).write_text(text, "utf-8")
    capsys.readouterr()
    assert main(["--repo", str(repo), "check", str(repo / MEMBER)]) == 0
    out = capsys.readouterr().out
    assert f"{MEMBER}:7:17: cảnh báo [text-curly-quotes]" in out
    assert "xem xét" not in out
