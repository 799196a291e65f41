"""Committee-only values written in YAML's flow style or under a quoted key are masked in
findings as in block style: a hostile-submitter trial wrote a member's discipline as
`- {hinh_thuc: khien_trach, ngay_quyet_dinh: "2027-05-05"}` and `"ngay_quyet_dinh": …`,
and CI's annotations and the pull-request comment printed both dates, while the same
items in block style showed `[ẩn]` (generator.privacy.minimize read values line by line,
a flow line as one value)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.privacy import scope_tree
from generator.privacy.minimize import sensitive_values
from tests.conftest import copy_sample

SCHEMA = Path(__file__).resolve().parents[2] / "schema"
MEMBER = (
    "submissions/2026/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac/"
    "dang-vien/dv-101012.yaml"
)
DATES = ("2027-05-05", "2024-06-07", "05/05/2027", "07/06/2024")


def test_flow_items_and_quoted_keys_give_each_value() -> None:
    text = (
        "ma_dang_vien: dv-1\nky_luat:\n"
        '  - {hinh_thuc: SECRETFORM, ngay_quyet_dinh: "2027-05-05", noi_dung: SECRET TEXT}\n'
        "  - hinh_thuc: canh_cao\n"
        '    "ngay_quyet_dinh": "2024-06-07"\n'
        "ho_ten: Nguyen Van A\n"
    )
    lines = sensitive_values(text, scope_tree(SCHEMA, "dang-vien"))
    values = {v for vs in lines.values() for v in vs}
    assert {"SECRETFORM", "2027-05-05", '"2027-05-05"', "SECRET TEXT", "2024-06-07"} <= values
    assert not {"dv-1", "Nguyen Van A", "ngay_quyet_dinh", "hinh_thuc"} & values


@pytest.mark.parametrize("fmt", ["github", "text", "json"])
def test_flow_style_discipline_dates_are_masked_in_every_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    repo = copy_sample(tmp_path / "repo", (2025, 2026))
    member = repo / MEMBER
    member.write_text(
        member.read_text("utf-8")
        + "ky_luat:\n"
        + '  - {hinh_thuc: khien_trach, ngay_quyet_dinh: "2027-05-05"}\n'
        + "  - hinh_thuc: canh_cao\n"
        + '    "ngay_quyet_dinh": "2024-06-07"\n',
        "utf-8",
    )
    monkeypatch.chdir(repo)
    comment = tmp_path / "comment.md"
    args = ["check", "--format", fmt, MEMBER]
    if fmt == "github":
        args[3:3] = ["--comment-file", str(comment)]
    main(args)
    out = capsys.readouterr()
    shown = out.out + out.err + (comment.read_text("utf-8") if comment.exists() else "")
    assert "date-discipline-after-evaluation" in shown  # the findings are there…
    assert "[ẩn]" in shown
    assert not [d for d in DATES if d in shown]  # …without the dates
