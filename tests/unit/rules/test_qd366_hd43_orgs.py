"""Rules of generator/rules/qd366_hd43_orgs.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd366_hd43_orgs as r366
from generator.submissions.records import Level
from tests.unit.rules.facts import member, org_facts

L = Level


def test_366_L3_leadership_body_khtnv_cases() -> None:
    leader = member("dv-9", ky_luat=[{"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2025-03-01"}])
    o = org_facts(
        "qd366-hd43",
        members=[leader],
        lanh_dao={"bi_thu": "dv-9"},
        nhiem_vu={"duoc_giao": 10, "hoan_thanh": 6, "dung_han": 6},
    )
    texts = [r.text for r in r366.leadership(o) if r.level == L.KHTNV]
    assert len(texts) == 2
    assert any("dv-9" in t.lower() or "Đảng viên dv-9" in t for t in texts)
    assert any("dưới 70%" in t for t in texts)


def test_366_O1_O2_O3_task_conditions_of_the_collective() -> None:
    scores = {"tieu_chi_chung": 28, "ket_qua_nhiem_vu": 64}
    expected = [
        ({"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 10, "vuot": 3}, L.HTXSNV, "366-O1"),
        ({"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 10, "vuot": 2}, L.HTTNV, "366-O2"),
        ({"duoc_giao": 10, "hoan_thanh": 10, "dung_han": 8, "vuot": 3}, L.HTNV, "366-O3"),
    ]
    for tasks, level, rule_id in expected:
        o = org_facts("qd366-hd43", diem=scores, nhiem_vu=tasks)
        assessed = [r for r in r366.org_scores(o) if r.level is not None and r.rule == rule_id]
        assert [r.level for r in assessed] == [level], tasks
