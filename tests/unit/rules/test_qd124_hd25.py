"""Rules of generator/rules/qd124_hd25.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd124_hd25 as r124
from generator.submissions.records import Level
from tests.unit.rules.facts import member_facts

L = Level
UNIT = {"ten": "UBND xã", "ty_le_hoan_thanh_chi_tieu": 0.45}


def test_124_M4_leader_unit_needs_both_under_half_and_key_targets_missed() -> None:
    met = member_facts("qd124-hd25", 2024, don_vi_phu_trach={**UNIT, "dat_chi_tieu_cot_loi": True})
    assert [r for r in r124.khtnv(met) if "UBND xã" in r.text] == []
    missed = member_facts(
        "qd124-hd25", 2024, don_vi_phu_trach={**UNIT, "dat_chi_tieu_cot_loi": False}
    )
    reasons = [r for r in r124.khtnv(missed) if "UBND xã" in r.text]
    assert [(r.rule, r.level) for r in reasons] == [("124-M4", L.KHTNV)]
    excused = member_facts(
        "qd124-hd25",
        2024,
        don_vi_phu_trach={**UNIT, "dat_chi_tieu_cot_loi": False, "bat_kha_khang": True},
    )
    assert [r for r in r124.khtnv(excused) if "UBND xã" in r.text] == []


def test_124_M1_declares_every_id_it_emits() -> None:
    kem = member_facts("qd124-hd25", 2024, tieu_chi={"ket_qua_nhiem_vu": "kem"})
    reasons = list(r124.criteria(kem))
    assert {r.rule for r in reasons} <= set(r124.criteria.ids)
    assert any(r.rule == "124-M4" and r.level == L.KHTNV for r in reasons)
