"""What YAML would change quietly is a finding of `kiemdiem check` (generator.submissions.
yamlodd): " #" cutting a value, lines of a value joined, control characters written as
escapes, anchors and tags. Exact code, line, column, wording and exit code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.integration.test_check_cli import M1, replace, run_check

HO_TEN = "ho_ten: Nguyễn Văn Nam"  # line 3 of M1
UU_DIEM = "  uu_diem: Hoàn thành đầy đủ nhiệm vụ được giao."  # line 15


def findings(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], old: str, new: str
) -> tuple[int, list[tuple[str, str, int, int]], list[dict]]:
    repo = mini_repo(replace(M1, old, new))
    code, report = run_check(repo, "--no-rules", capsys=capsys)
    got = [(f["code"], f["severity"], f["line"], f["column"]) for f in report["findings"]]
    assert all(f["path"] == M1 for f in report["findings"])
    return code, got, report["findings"]


def test_a_hash_after_one_space_cuts_the_value_and_is_an_error(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, got, items = findings(
        mini_repo, capsys, HO_TEN, f"{HO_TEN}\nchuc_vu: Phó Bí thư Chi bộ #2, phụ trách thôn"
    )
    assert (code, got) == (1, [("yaml-comment-in-value", "error", 4, 28)])
    message, hint = items[0]["message"], items[0]["hint"]
    assert "`#2, phụ trách thôn`" in message and "`chuc_vu`" in message
    assert "dấu ngoặc kép" in hint and "`chuc_vu: |`" in hint
    assert 'sửa dòng 4 thành `chuc_vu: "Phó Bí thư Chi bộ #2, phụ trách thôn"`' in hint
    assert "xóa" not in hint.lower()


def test_a_hash_as_the_whole_value_is_an_error(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, got, _ = findings(mini_repo, capsys, HO_TEN, f"{HO_TEN}\nchuc_vu: #2 phụ trách thôn")
    # the schema sees the empty value the comment left
    assert (code, got) == (
        1,
        [("schema-type", "error", 4, 9), ("yaml-comment-in-value", "error", 4, 10)],
    )


@pytest.mark.parametrize(
    "new",
    [
        f"# chú thích\n  # chú thích thụt lề\n{HO_TEN}",  # comment lines of their own
        'ho_ten: "Nguyễn Văn Nam #2"',  # inside quotes
        "ho_ten: Nguyễn Văn Nam  # ghi chú của mẫu",  # the template's notes: two spaces
        "ho_ten: Nguyễn Văn Nam#2",  # no blank before: text
    ],
)
def test_comments_of_their_own_quotes_and_notes_are_no_finding(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], new: str
) -> None:
    assert findings(mini_repo, capsys, HO_TEN, new)[:2] == (0, [])


def test_a_hash_inside_a_literal_block_is_text(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    block = "  uu_diem: |\n    Hoàn thành nhiệm vụ #1 và #2.\n    Luôn gương mẫu #3."
    assert findings(mini_repo, capsys, UU_DIEM, block)[:2] == (0, [])


@pytest.mark.parametrize("indicator", ["", " >"])
def test_lines_joined_without_a_bar_are_a_warning_at_the_key(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], indicator: str
) -> None:
    text = f"  uu_diem:{indicator}\n    Hoàn thành đầy đủ nhiệm vụ được giao.\n    Luôn gương mẫu."
    code, got, items = findings(mini_repo, capsys, UU_DIEM, text)
    assert (code, got) == (0, [("text-joined-lines", "warning", 15, 3)])
    assert "`uu_diem`" in items[0]["message"] and "không có dấu `|`" in items[0]["message"]
    assert "Thêm ` |` sau dấu hai chấm (`uu_diem: |`)" in items[0]["hint"]


def test_one_line_under_a_key_and_literal_blocks_are_no_finding(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    text = "  uu_diem:\n    Hoàn thành đầy đủ nhiệm vụ được giao."
    assert findings(mini_repo, capsys, UU_DIEM, text)[:2] == (0, [])
    text = "  uu_diem: >\n    Hoàn thành đầy đủ nhiệm vụ được giao."
    assert findings(mini_repo, capsys, UU_DIEM, text)[:2] == (0, [])
    # ">" wrapping one sentence (as the sample's decisions do) joins what was meant to be
    text = "  uu_diem: >-\n    Hoàn thành đầy đủ nhiệm vụ\n    được giao."
    assert findings(mini_repo, capsys, UU_DIEM, text)[:2] == (0, [])


@pytest.mark.parametrize(
    ("value", "column", "chars"),
    [
        (r'"\e[31mĐỏ\e[0m\e]0;pwned\a Bình"', 10, "U+001B (`\\e`), U+0007 (`\\a`)"),
        (r'"A\u0000B"', 11, "U+0000 (`\\u0000`)"),
        (r'"A\x9bB"', 11, "U+009B (`\\x9b`)"),
    ],
)
def test_control_characters_are_an_error_naming_each(
    mini_repo: Callable[..., Path],
    capsys: pytest.CaptureFixture[str],
    value: str,
    column: int,
    chars: str,
) -> None:
    code, got, items = findings(mini_repo, capsys, HO_TEN, f"ho_ten: {value}")
    assert (code, got) == (1, [("text-control", "error", 3, column)])
    assert chars in items[0]["message"]
    assert f"Bỏ ký tự điều khiển {chars} khỏi dòng 3" in items[0]["hint"]
    assert "\x1b" not in items[0]["message"] + items[0]["hint"]


def test_tab_newline_and_an_escaped_backslash_are_no_finding(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    new = r'  uu_diem: "Hoàn thành\tđầy đủ\nnhiệm vụ C:\\e được giao."'
    assert findings(mini_repo, capsys, UU_DIEM, new)[:2] == (0, [])


def test_an_anchor_is_refused_at_the_anchor(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, got, items = findings(mini_repo, capsys, HO_TEN, "ho_ten: &ten Nguyễn Văn Nam")
    assert (code, got) == (1, [("yaml-alias", "error", 3, 9)])
    assert "`&ten`" in items[0]["message"]
    assert 'ví dụ `ho_ten: "&ten …"`' in items[0]["hint"]


@pytest.mark.parametrize("tag", ["!!str", "!", "!ten"])
def test_any_tag_is_refused_at_the_tag(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str], tag: str
) -> None:
    code, got, items = findings(mini_repo, capsys, HO_TEN, f"ho_ten: {tag} Nguyễn Văn Nam")
    assert (code, got) == (1, [("yaml-tag", "error", 3, 9)])
    assert f"`{tag}`" in items[0]["message"]
    assert "dấu ngoặc kép" in items[0]["hint"] and "xóa" not in items[0]["hint"].lower()


def test_ampersand_and_exclamation_inside_text_are_text(
    mini_repo: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    new = "ho_ten: Nguyễn Văn Nam & Cộng sự!"
    assert findings(mini_repo, capsys, HO_TEN, new)[:2] == (0, [])
