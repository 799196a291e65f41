"""A masked finding hides the committee-only value, and only it (issue 14, trial).

`generator.privacy.minimize` masked a value by a bare search: a file holding `khien_trach`
on one line was told, for a wrong form on another, "Chọn một trong: `[ẩn]`, `canh_cao`, …"
(the schema's list lost the option, and the gap said which one the file held), a value
quoted inside a longer text cost the whole text, and a value echoed in another case or
without its diacritics was not found. Here a tiny repository (the real schemas, one
member file) and findings quoting a value in every form: the value never comes out,
folded or not, and the other words of the message stay.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.findings import Finding, Position, Severity
from generator.privacy.minimize import minimize
from generator.privacy.valuemask import MASK, clean, fold_text, replace_folded, taint_of

ROOT = Path(__file__).resolve().parents[2]
PATH = "submissions/2025/dang-bo-x/chi-bo-y/dang-vien/dv-1.yaml"
NOTE_LINE = 4  # `ghi_chu_noi_bo:` (x-pham-vi: cap-uy) in `_repo`'s file

VALUES = ["Bệnh tim mạch", "Nghỉ ốm 3 tháng", "Khiển trách", "Đỗ Văn Thành (bệnh)", "MKSECRET-42"]
# how the file writes the value
WRITTEN = ["{v}", '"{v}"', "'{v}'", "“{v}”"]
# how a finding echoes it (a value turned is hintmask's; these are the same words)
ECHOES = [
    "{v}",
    "{v} và lần nữa {v}",
    "{upper}",
    "{folded}",
    "{spaced}",
    "trước {v} sau",
]


def _repo(tmp_path: Path, written: str) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "schema", repo / "schema")
    member = repo / PATH
    member.parent.mkdir(parents=True)
    member.write_text(
        f"ma_dang_vien: dv-1\nnam: 2025\nho_ten: Lê Thị Hoa\nghi_chu_noi_bo: {written}\n",
        "utf-8",
    )
    return repo


def _finding(line: int, message: str, hint: str) -> Finding:
    return Finding("x-test", Severity.ERROR, PATH, Position(line, 1), message, hint)


def _forms(value: str) -> dict[str, str]:
    return {
        "v": value,
        "upper": value.upper(),
        "folded": fold_text(value),
        "spaced": value.replace(" ", "  "),
    }


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("written", WRITTEN)
@pytest.mark.parametrize("line", [1, NOTE_LINE])  # about another line, about the value's
def test_the_value_never_comes_out(value: str, written: str, line: int, tmp_path: Path) -> None:
    repo = _repo(tmp_path, written.format(v=value))
    findings = []
    for echo in ECHOES:
        said = echo.format(**_forms(value))
        findings.append(
            _finding(
                line,
                f"Mục `ghi_chu_noi_bo` của `dv-1.yaml` ghi `{said}`; đã đọc: {said}.",
                f"Sửa mục `ho_ten` nếu cần; `ghi chú: {said}, đã đọc`.",
            )
        )
    for before, after in zip(findings, minimize(findings, repo), strict=True):
        text = f"{after.message}\n{after.hint}"
        assert fold_text(value) not in fold_text(text), (before.message, text)
        assert MASK in after.message
        # the rest of the message stays
        assert after.message.startswith("Mục `ghi_chu_noi_bo` của `dv-1.yaml` ghi `")
        assert "; đã đọc: " in after.message
        assert "Sửa mục `ho_ten` nếu cần;" in after.hint
        if line == 1:  # not about the value's line: only the value goes, here too
            assert "`ghi chú: " in after.hint and ", đã đọc`" in after.hint


def test_a_value_inside_a_longer_quoted_text_keeps_the_text(tmp_path: Path) -> None:
    """At the value's own line: a quoted text around the value keeps its other words when
    none of them comes from the value's line; one that does is masked whole."""
    repo = _repo(tmp_path, '"Bệnh tim mạch"')
    kept, whole = minimize(
        [
            _finding(NOTE_LINE, "Trong `dv-1.yaml`: `ghi chú Bệnh tim mạch, đã đọc`.", ""),
            _finding(NOTE_LINE, "Viết `tim mạch Bệnh` thay vì `Bệnh tim mạch`.", ""),
        ],
        repo,
    )
    assert kept.message == "Trong `dv-1.yaml`: `ghi chú [ẩn], đã đọc`."
    assert whole.message == "Viết `[ẩn]` thay vì `[ẩn]`."


def test_the_schemas_list_of_options_stays_whole(tmp_path: Path) -> None:
    """A file with `khien_trach` on one line and a wrong form on another: the hint's list
    of options is the schema's, the same for every file, and stays whole; the wrong form
    is hidden."""
    repo = _repo(tmp_path, '"x"')
    member = repo / PATH
    member.write_text(
        member.read_text("utf-8") + "ky_luat:\n  - hinh_thuc: khien_trach\n"
        '    ngay_quyet_dinh: "2025-08-12"\n  - hinh_thuc: canh cao nhe\n',
        "utf-8",
    )
    options = "Chọn một trong: `khien_trach`, `canh_cao`, `cach_chuc`, `khai_tru`."
    (after,) = minimize(
        [_finding(8, "Giá trị `canh cao nhe` không hợp lệ.", f"Sửa dòng 8. {options}")], repo
    )
    assert after.message == "Giá trị `[ẩn]` không hợp lệ."
    assert after.hint.startswith(f"Sửa dòng 8. {options}")


def test_replace_folded_keeps_the_text_around() -> None:
    text = "Ghi: KHIEN  trach, rồi khiển trách; hết."
    assert replace_folded(text, "Khiển trách") == "Ghi: [ẩn], rồi [ẩn]; hết."
    # a mark written apart (NFD) goes with its letter
    assert replace_folded("a Khie\u0302\u0301n trach b", "khiển trách") == "a [ẩn] b"


def test_a_piece_of_the_line_is_never_clean() -> None:
    taint = taint_of([' "17/10/1961"', " Bệnh tim"])
    assert not clean("1961-10-17", taint)
    assert not clean("[ẩn] 08", taint.replace("10", "8"))
    assert not clean("[ẩn] (benh)", taint)
    assert not clean("[ẩn] true", taint)
    assert clean("[ẩn], đã đọc", taint)
