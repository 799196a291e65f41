"""Hints a member reads after saving the form (generator/messages): each tells what the
form offers, in its own words (the schema's `title` and `x-nhan`, as the editor shows them,
generator/editor/config.py), beside the key a YAML writer uses; and none asks a member to
write what only the committee may (`x-pham-vi: cap-uy`, auth-committee-field)."""

from __future__ import annotations

import json
from pathlib import Path

from generator import messages

SCHEMAS = Path(__file__).resolve().parents[2] / "schema"


def _schema(name: str) -> dict:
    data: dict = json.loads((SCHEMAS / name).read_text("utf-8"))
    return data


def _hint(key: str, **params: object) -> str:
    code, _, variant = key.partition("/")
    return messages.render(code, variant=variant, **params)[1]


def test_a_corrected_identity_is_recorded_by_the_committee_not_the_member() -> None:
    member = _schema("dang-vien.schema.json")["properties"]
    note = member["ghi_chu_noi_bo"]
    assert note["x-pham-vi"] == "cap-uy"  # the member may not write it (auth-committee-field)
    for key in ("member-identity-changed", "member-identity-changed/birth"):
        hint = _hint(key, member="dv-101011", earlier_year=2025)
        assert f"đề nghị cấp ủy chi bộ ghi việc đính chính vào mục {note['title']} " in hint
        assert "(`ghi_chu_noi_bo`)" in hint and "đảng viên không tự ghi" in hint
        assert f"mục {member['ma_dang_vien']['title']} (`ma_dang_vien`)" in hint


def test_the_review_status_is_named_as_the_form_shows_it_and_as_the_yaml_key() -> None:
    status = _schema("dang-vien.schema.json")["properties"]["trang_thai_ho_so"]
    names = _schema("chung.schema.json")["$defs"]["trang_thai_ho_so"]["x-nhan"]
    draft = _hint("form-incomplete", year=2026)
    assert f"ở mục {status['title']} chọn “{names['nhap']}”" in draft
    assert "(trong tệp YAML: `trang_thai_ho_so: nhap`)" in draft
    done = _hint("form-to-complete")
    assert f"ở mục {status['title']} chọn “{names['hoan_thanh']}”" in done
    assert "(trong tệp YAML: `trang_thai_ho_so: hoan_thanh`)" in done
    committee = _hint("rule-decision-without-review", rule="366-D1")
    assert f"{status['title']} “{names['hoan_thanh']}”" in committee
