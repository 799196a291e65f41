"""Rules of generator/rules/qd366_hd43_leaders.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd366_hd43_leaders as r366
from generator.submissions.records import Level
from tests.unit.rules.facts import member_facts

L = Level


def test_366_L1_corruption_case_under_direct_management() -> None:
    unit = {"ten": "Phòng Tài chính", "ty_le_hoan_thanh_chi_tieu": 1}
    clean = member_facts("qd366-hd43", don_vi_phu_trach=unit)
    assert list(r366.leader(clean)) == []
    m = member_facts("qd366-hd43", don_vi_phu_trach={**unit, "co_vu_viec_tham_nhung": True})
    reasons = list(r366.leader(m))
    assert [(r.rule, r.level) for r in reasons] == [("366-L1", L.KHTNV)]
    assert "tham nhũng" in reasons[0].text


def test_366_L2_leader_without_unit_results_cannot_be_excellent() -> None:
    m = member_facts("qd366-hd43", mau_bieu="phu_luc_3")
    reasons = list(r366.leader_unit_result(m))
    assert [(r.rule, r.level) for r in reasons] == [("366-L2", L.HTTNV)]
