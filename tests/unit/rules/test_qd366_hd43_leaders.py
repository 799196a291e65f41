"""Rules of generator/rules/qd366_hd43_leaders.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd366_hd43 as q366
from generator.rules import qd366_hd43_leaders as r366
from generator.rules.registry import REGISTRY
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
    reasons = list(q366.leader_unit_result(m))
    assert [(r.rule, r.level) for r in reasons] == [("366-L2", L.HTTNV)]


def test_366_head_cap_is_the_X2_reading_with_its_setting() -> None:
    """RULES.md §4 has no head-cap line: the ruleset reads X2, through `head_cap`, on by
    default and marked UNVERIFIED (its description says so on the site's settings)."""
    spec = REGISTRY["qd366-hd43"]
    assert spec.head_cap is r366.HEAD_CAP and spec.head_cap.rule == "X2"
    setting = next(s for s in spec.settings if s.name == "head_cap")
    assert (setting.default, setting.unverified, setting.rule) == (True, True, "X2")
    assert "X2" in setting.doc_vi and "chưa đối chiếu văn bản" in setting.doc_vi
    # 124's own line keeps its description as it was
    old = next(s for s in REGISTRY["qd124-hd25"].settings if s.name == "head_cap")
    assert old.rule == "124-L1" and "X2" not in old.doc_vi
