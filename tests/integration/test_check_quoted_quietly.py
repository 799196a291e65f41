"""What libyaml reads quietly from a quoted value, told by `kiemdiem check` (generator.
submissions.yamlodd), on the sample's own files:

* `"#` or `'#`: a `#` right after the closing quote. YAML asks a blank before a comment's
  `#`; libyaml takes the rest of the line for a comment without a word, so `#Thành` of
  `ho_ten: "Đỗ Văn"#Thành` was lost. An error (`yaml-comment-in-value`, variant
  `quoted`) at the `#`, with the user's line with that text inside the quotes.
* the escapes `\\L` and `\\P` write the line and paragraph separators U+2028 and U+2029:
  control characters like `\\r` (`text-control`), at the escape. `\\_` (a no-break space,
  which reads as the space it shows) is no finding, as a raw one is not.

Exact code, line, column, wording and exit code; a corrected line is written back into
the file, which then reads as the user's own words and passes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.submissions import yamlodd
from generator.submissions.yamlload import loads
from tests.conftest import copy_sample
from tests.integration.hintfiles import edit, only, run_check, value_at, write_line

YEAR = 2026
CHI_BO = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
MEMBER = f"{CHI_BO}/dang-vien/dv-101011.yaml"  # line 3 ho_ten, line 7 chuc_vu
ORG = f"{CHI_BO}/to-chuc.yaml"  # line 12 `  - ten: Kết nạp 1 đảng viên mới`


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "repo", (YEAR,))


# ---- a "#" glued to a closing quote

# (file, the line's pattern, the line written, line and column of the "#", the text lost,
# the corrected line, where the value is, the value the corrected line reads as)
GLUED = [
    pytest.param(
        MEMBER,
        r"^ho_ten: .*$",
        'ho_ten: "Đỗ Văn"#Thành',
        (3, 17),
        "#Thành",
        'ho_ten: "Đỗ Văn#Thành"',
        ("ho_ten",),
        "Đỗ Văn#Thành",
        id="double",
    ),
    pytest.param(
        MEMBER,
        r"^ho_ten: .*$",
        "ho_ten: 'Đỗ Văn'#Thành",
        (3, 17),
        "#Thành",
        "ho_ten: 'Đỗ Văn#Thành'",
        ("ho_ten",),
        "Đỗ Văn#Thành",
        id="single",
    ),
    # a quote and a backslash of the lost text escaped; a comment after it stays one
    pytest.param(
        MEMBER,
        r"^chuc_vu: .*$",
        'chuc_vu: "Bí thư"#"Chi bộ" C:\\thôn  # ghi chú',
        (7, 18),
        '#"Chi bộ" C:\\thôn',
        'chuc_vu: "Bí thư#\\"Chi bộ\\" C:\\\\thôn"  # ghi chú',
        ("chuc_vu",),
        'Bí thư#"Chi bộ" C:\\thôn',
        id="double-escaped",
    ),
    pytest.param(
        MEMBER,
        r"^chuc_vu: .*$",
        "chuc_vu: 'Bí thư'#Chi bộ's",
        (7, 18),
        "#Chi bộ's",
        "chuc_vu: 'Bí thư#Chi bộ''s'",
        ("chuc_vu",),
        "Bí thư#Chi bộ's",
        id="single-escaped",
    ),
    # a list item keeps its dash
    pytest.param(
        ORG,
        r"^  - ten: Kết nạp.*$",
        '  - ten: "Kết nạp 1 đảng viên"#mới',
        (12, 31),
        "#mới",
        '- ten: "Kết nạp 1 đảng viên#mới"',
        ("chi_tieu", 0, "ten"),
        "Kết nạp 1 đảng viên#mới",
        id="list-item",
    ),
]


@pytest.mark.parametrize(
    ("rel", "pattern", "new", "place", "lost", "fixed", "path", "value"), GLUED
)
def test_a_hash_glued_to_a_closing_quote_is_an_error_with_the_text_kept(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    rel: str,
    pattern: str,
    new: str,
    place: tuple[int, int],
    lost: str,
    fixed: str,
    path: tuple[str | int, ...],
    value: str,
) -> None:
    edit(repo, rel, pattern, new)
    code, found = run_check(repo, rel, capsys)
    f = only(found)
    assert (code, f["code"], f["severity"], (f["line"], f["column"])) == (
        1,
        "yaml-comment-in-value",
        "error",
        place,
    )
    assert f["message"] == (
        f"Phần chữ `{lost}` ngay sau dấu ngoặc đóng không được đọc vào giá trị: trong YAML, "
        "dấu `#` ngay sau dấu ngoặc bắt đầu một chú thích, nên phần từ `#` bị bỏ qua."
    )
    assert f["hint"] == (
        f"Nếu `{lost}` là nội dung, đưa nó vào trong dấu ngoặc: sửa dòng {place[0]} thành "
        f"`{fixed}`. Nếu đó là chú thích, thêm một dấu cách trước dấu `#`."
    )
    # following the hint keeps every word the user wrote, and the file passes
    write_line(repo, rel, place[0], fixed)
    assert value_at(repo, rel, path) == value
    assert run_check(repo, rel, capsys) == (0, [])


@pytest.mark.parametrize(
    "new",
    [
        'ho_ten: "Đỗ Văn Thành" # tên',  # a comment after a blank
        "ho_ten: 'Đỗ Văn Thành'  # tên",
        'ho_ten: "Đỗ Văn #Thành"',  # inside the quotes
        "ho_ten: 'Đỗ Văn'' #Thành'",
        'ho_ten: Đỗ "Văn"#Thành',  # a plain value: "#" without a blank is text
        'ho_ten: |\n  Đỗ "Văn"#Thành',  # a block: its lines are text
    ],
)
def test_a_comment_after_a_blank_or_a_hash_inside_quotes_is_no_finding(
    repo: Path, capsys: pytest.CaptureFixture[str], new: str
) -> None:
    edit(repo, MEMBER, r"^ho_ten: .*$", new)
    assert run_check(repo, MEMBER, capsys) == (0, [])


@pytest.mark.parametrize("positions", [True, False])
def test_the_loader_reports_it_with_or_without_positions(positions: bool) -> None:
    # positions=False is the path of a large check: a file with nothing to report skips
    # the positioned build (and the fast reader never reads a quoted value)
    loaded = loads('ho_ten: "Đỗ Văn"#Thành\nnam: 2026\n'.encode(), positions=positions)
    assert [(p.code, p.position.line, p.position.column) for p in loaded.problems] == [
        ("yaml-comment-in-value", 1, 17)
    ]


def test_a_file_without_the_pattern_costs_substring_searches_only() -> None:
    sample = (Path(__file__).resolve().parents[2] / MEMBER).read_text("utf-8")
    assert not yamlodd.worth_a_look(sample)
    assert yamlodd.worth_a_look(sample.replace("ho_ten: Đỗ Văn Thành", 'ho_ten: "Đỗ"#Văn'))
    assert yamlodd.worth_a_look(sample.replace("ho_ten: Đỗ Văn Thành", "ho_ten: 'Đỗ'#Văn"))


# ---- \L and \P: control characters; \_ : a no-break space, no finding


@pytest.mark.parametrize(("escape", "name"), [("\\L", "U+2028 (`\\L`)"), ("\\P", "U+2029 (`\\P`)")])
def test_a_line_or_paragraph_separator_escape_is_a_control_character(
    repo: Path, capsys: pytest.CaptureFixture[str], escape: str, name: str
) -> None:
    edit(repo, MEMBER, r"^chuc_vu: .*$", f'chuc_vu: "Bí thư{escape}Chi bộ"')
    code, found = run_check(repo, MEMBER, capsys)
    f = only(found)
    assert (code, f["code"], f["severity"], f["line"], f["column"]) == (
        1,
        "text-control",
        "error",
        7,
        17,
    )
    assert f["message"].startswith(f"Dòng này có ký tự điều khiển {name} (viết bằng dấu \\")
    assert f"Bỏ ký tự điều khiển {name} khỏi dòng 7" in f["hint"]
    assert "viết hai dấu: `\\\\`" in f["hint"]  # `"D:\Luu"` meant a backslash


def test_both_separators_on_a_line_are_one_finding_at_the_first(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, ORG, r"^  - ten: Kết nạp.*$", '  - ten: "Kết nạp\\P1 đảng\\Lviên"')
    code, found = run_check(repo, ORG, capsys)
    f = only(found)
    assert (code, f["code"], f["line"], f["column"]) == (1, "text-control", 12, 18)
    assert "U+2029 (`\\P`), U+2028 (`\\L`)" in f["message"]


def test_a_no_break_space_escape_is_no_finding(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, MEMBER, r"^chuc_vu: .*$", 'chuc_vu: "Bí thư\\_Chi bộ"')
    assert run_check(repo, MEMBER, capsys) == (0, [])
    assert value_at(repo, MEMBER, ("chuc_vu",)) == "Bí thư\u00a0Chi bộ"
