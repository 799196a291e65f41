"""A "did you mean" hint never writes back a committee-only or unpublished value.

A hostile trial misspelled top-level keys of a review (`ngay_sinhh:`, `nghi_om_thag: 4`,
`ket_luan_suy_thoi: true`): the schema does not know them, so their lines were read as
whole-organization ones, and the `schema-unknown-key` hint wrote each value back under the
key it guessed (``Sửa dòng 5 thành: `ngay_sinh: "1986-04-12"` ``) in the text report, the
annotations, report.json and the pull request's comment. A member's review committed as an
organization's `to-chuc.yaml` had its birth date offered as `ngay_thanh_lap`, and a value
under a member-only key there (`ghi_chu_noi_bo`) quoted by a YAML error's corrected line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample

XA = "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son"
MEMBER = f"{XA}/chi-bo-co-quan-xa/dang-vien/dv-101003.yaml"
AS_ORG = f"{XA}/chi-bo-thon-an-lac/to-chuc.yaml"  # dv-101011's review, as the chi bộ's file
NOTES_ORG = f"{XA}/chi-bo-thon-an-phu/to-chuc.yaml"
BARE_DATE = f"{XA}/chi-bo-thon-an-lac/dang-vien/dv-101011.yaml"  # its birth date unquoted
LEAKS = [
    "1986-04-12",  # dv-101003's birth date
    "1969-07-07",  # dv-101011's
    "nghi_om_thang: 4",
    "ket_luan_suy_thoai: true",
    "MKHEALTH",
    "MKQUOTED",
]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("guess") / "repo", (2026,))
    member = repo / MEMBER
    text = member.read_text("utf-8").replace("ngay_sinh:", "ngay_sinhh:")
    text = text.replace("chuc_vu:", "nghi_om_thag: 4\nchuc_vu:")
    text += 'ket_luan_suy_thoi: true\nghi_chu_noi_boo: "Bệnh: MKQUOTED"\n'
    member.write_text(text, "utf-8")
    review = repo / BARE_DATE
    (repo / AS_ORG).write_text(review.read_text("utf-8"), "utf-8")
    bare = review.read_text("utf-8").replace('ngay_sinh: "1969-07-07"', "ngay_sinhh: 1969-07-07")
    review.write_text(bare, "utf-8")
    notes = repo / NOTES_ORG
    notes.write_text(notes.read_text("utf-8") + "ghi_chu_noi_bo: Bệnh: MKHEALTH\n", "utf-8")
    return repo


def _hint(text: str, finding: str) -> str:
    """The hint of the one finding of the text report that starts with `finding`."""
    lines = text.splitlines()
    (at,) = [i for i, line in enumerate(lines) if line.startswith(finding)]
    assert lines[at + 1].startswith("    Gợi ý: ")
    return lines[at + 1]


def test_a_guessed_key_does_not_write_back_a_committee_value(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    comment, report = tmp_path / "comment.md", tmp_path / "report.json"
    outputs = []
    for fmt in ("text", "github", "json"):
        argv = ["--repo", str(repo), "check", "--format", fmt]
        argv += ["--comment-file", str(comment), "--json-file", str(report)]
        assert main(argv) == 1
        captured = capsys.readouterr()
        outputs += [captured.out, captured.err]
        outputs += [comment.read_text("utf-8"), report.read_text("utf-8")]
    everything = "\n".join(outputs)
    leaked = [m for m in LEAKS if m in everything]
    assert not leaked, leaked
    text = outputs[0]
    # each finding still at its file:line:column, naming the key as written; each hint
    # still the line to write, its value's form kept: a date quoted (unquoted it is an
    # error of its own), a string written in quotes in them
    assert f"{MEMBER}:5:1: lỗi [schema-unknown-key] Mục `ngay_sinhh` không có trong mẫu." in text
    assert 'Có phải ý bạn là `ngay_sinh`? Sửa dòng 5 thành: `ngay_sinh: "YYYY-MM-DD"`.' in text
    assert f"{MEMBER}:7:1: lỗi [schema-unknown-key] Mục `nghi_om_thag` không có" in text
    assert "Sửa dòng 7 thành: `nghi_om_thang: [ẩn]`." in text
    assert f"{MEMBER}:38:1: lỗi [schema-unknown-key] Mục `ket_luan_suy_thoi` không có" in text
    assert "Sửa dòng 38 thành: `ket_luan_suy_thoai: [ẩn]`." in text
    assert f"{MEMBER}:39:1: lỗi [schema-unknown-key] Mục `ghi_chu_noi_boo` không có" in text
    assert 'Sửa dòng 39 thành: `ghi_chu_noi_bo: "[ẩn]"`.' in text
    assert f"{AS_ORG}:5:1: lỗi [schema-unknown-key] Mục `ngay_sinh` không có trong mẫu." in text
    assert 'Sửa dòng 5 thành: `ngay_thanh_lap: "YYYY-MM-DD"`.' in text
    hint = _hint(text, f"{BARE_DATE}:5:1: lỗi [schema-unknown-key] Mục `ngay_sinhh` không có")
    assert 'Sửa dòng 5 thành: `ngay_sinh: "YYYY-MM-DD"`. `YYYY-MM-DD` là chính ngày' in hint
    assert f"{NOTES_ORG}:" in text and '`ghi_chu_noi_bo: "[ẩn]"`' in text
    # a public field's guess is shown as before
    assert "Có phải ý bạn là `ten`? Sửa dòng 3 thành: `ten: Đỗ Văn Thành`." in text
