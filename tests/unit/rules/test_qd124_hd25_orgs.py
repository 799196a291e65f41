"""Rules of generator/rules/qd124_hd25_orgs.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd124_hd25_orgs as r124
from generator.submissions.records import Level
from tests.unit.rules.facts import member, org, org_facts

L = Level
KT = {"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2024-04-01"}


def test_124_O2_leadership_member_disciplined_caps_at_htnv() -> None:
    leader = member("dv-9", 2024, ky_luat=[KT])
    o = org_facts("qd124-hd25", 2024, members=[leader], lanh_dao={"bi_thu": "dv-9"})
    assert [(r.rule, r.level) for r in r124.org_leaders_disciplined(o)] == [("124-O2", L.HTNV)]
    remedied = member("dv-9", 2024, ky_luat=[{**KT, "tu_phat_hien_khac_phuc": True}])
    o = org_facts("qd124-hd25", 2024, members=[remedied], lanh_dao={"bi_thu": "dv-9"})
    assert list(r124.org_leaders_disciplined(o)) == []


def test_124_O5_force_majeure_claim_is_flagged_with_the_facts() -> None:
    targets = [
        {"ten": "Thu ngân sách", "trang_thai": "bat_kha_khang", "chu_yeu": True},
        {"ten": "Giao thông", "trang_thai": "bat_kha_khang"},
        {"ten": "Kết nạp", "trang_thai": "hoan_thanh"},
    ]
    o = org_facts("qd124-hd25", 2024, chi_tieu=targets, loai="dang_bo_co_so")
    assert list(r124.org_khtnv(o)) == []  # force majeure targets are not counted
    flags = list(r124.org_needs_decision(o))
    assert [(r.rule, r.needs_decision) for r in flags] == [("124-O5", True)]
    assert "Thu ngân sách" in flags[0].text and "1/3" in flags[0].text


def test_124_O5_self_detection_not_stated() -> None:
    child = org("cb-1", 2024, loai="chi_bo_truc_thuoc", ky_luat=[KT])
    o = org_facts("qd124-hd25", 2024, children=[child], loai="dang_bo_co_so")
    assert [r.rule for r in r124.org_needs_decision(o)] == ["124-O5"]
    assert not [r for r in r124.org_khtnv(o) if "CB-1" in r.text]
