"""`kiemdiem member MÃ`: one member's record across all years (issue 14, right of access)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def sample_rated():  # type: ignore[no-untyped-def]
    return Pipeline(ROOT).rate(None)


def _member_in_every_year(rated) -> str:  # type: ignore[no-untyped-def]
    """A member of the sample with a decided level in two years and a file in all."""
    years = [ry for ry in rated if ry.verdicts is not None]
    for mid in sorted(years[0].year.members):
        decided = [ry for ry in years if (v := ry.verdicts.members.get(mid)) and v.decided]
        if len(decided) >= 2 and all(mid in ry.year.members for ry in years):
            return mid
    raise AssertionError("the sample has no member decided in two years")


def test_text_names_every_year_level_decision_and_reason(
    sample_rated, capsys: pytest.CaptureFixture[str]
) -> None:
    mid = _member_in_every_year(sample_rated)
    assert main(["--repo", str(ROOT), "member", mid]) == 0
    out = capsys.readouterr().out
    for ry in sample_rated:
        member = ry.year.members[mid]
        assert f"Năm {ry.number} · " in out
        v = ry.verdicts.members.get(mid) if ry.verdicts else None
        if v is not None and v.decided is not None:
            assert f"Cấp ủy quyết định: {v.decided.code} ({v.decided_by})" in out
            for reason in v.reasons:
                assert f"[{reason.rule}] {reason.text}" in out
        # the stored data, with who may read it on the sites
        assert f"Họ và tên (ho_ten) · Toàn đảng bộ: {member.name}" in out
    assert "Thời hạn lưu giữ dữ liệu cá nhân: 5 năm" in out


def test_json_lists_stored_data_with_its_class(
    sample_rated, capsys: pytest.CaptureFixture[str]
) -> None:
    mid = _member_in_every_year(sample_rated)
    assert main(["--repo", str(ROOT), "member", mid, "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ma_dang_vien"] == mid
    assert [y["nam"] for y in data["cac_nam"]] == [ry.number for ry in sample_rated]
    first = data["cac_nam"][0]
    classes = {d["muc"]: d["pham_vi"] for d in first["du_lieu_luu_giu"]}
    assert classes["ho_ten"] == "to-chuc"
    assert classes.get("ngay_sinh", "khong-cong-bo") == "khong-cong-bo"
    decided = [y for y in data["cac_nam"] if y["ket_qua"] and y["ket_qua"]["cap_uy_quyet_dinh"]]
    assert all(y["ket_qua"]["ly_do"] for y in decided)


def test_unknown_and_malformed_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--repo", str(ROOT), "member", "dv-999999"]) == 1
    assert "Không tìm thấy đảng viên dv-999999" in capsys.readouterr().err
    assert main(["--repo", str(ROOT), "member", "../x\x1b[31m"]) == 2
    err = capsys.readouterr().err
    assert "không hợp lệ" in err and "\x1b" not in err
