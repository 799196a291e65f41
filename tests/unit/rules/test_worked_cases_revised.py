"""RULES.md §6 cases 27–34 (the revision of 2026-11-30), built as small YAML trees and
loaded through `generator.check.load_year`, as test_worked_cases.py does for 1–26.
Cases 35–37 (tree, authority, history) live with the tree's tests; 38 in
test_form_transition.py."""

from __future__ import annotations

from pathlib import Path

from generator.rules.base import Effect
from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate, rules_of
from tests.unit.rules.tree import Tree, crit_org, leader_of_unit, tasks

L = Level


def test_case27_members_share_gives_no_khtnv(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb", tieu_chi=crit_org("tot", "tot"))
    for i in range(10):
        t.member("cb", f"dv-{i}", "KHTNV" if i < 3 else "HTTNV")
    v = rate(t)
    o = v.orgs["cb"]
    assert o.ceiling == L.HTNV and o.final == L.HTNV
    limiting = {r.rule for r in o.reasons if r.effect is Effect.CEILING}
    assert limiting == {"132-O5"}
    assert not any("org_khtnv_member_share" in r.text for r in o.reasons)
    assert v.settings["org_khtnv_member_share"] is None


def test_case27_members_share_when_a_province_sets_it(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21", settings={"org_khtnv_member_share": 0.2})
    t.chi_bo_co_so("cb", tieu_chi=crit_org("tot", "tot"))
    for i in range(10):
        t.member("cb", f"dv-{i}", "KHTNV" if i < 3 else "HTTNV")
    o = rate(t).orgs["cb"]
    assert o.final == L.KHTNV
    r = next(r for r in o.reasons if r.rule == "132-O4")
    assert "3/10" in r.text and "org_khtnv_member_share" in r.text


def test_case28_waste_case_of_a_subordinate_chi_bo(root: Path) -> None:
    t = Tree(root, 2024, "qd124-hd25")
    t.dang_bo_co_so("db")
    waste = {
        "hinh_thuc": "khien_trach",
        "ngay_quyet_dinh": "2024-05-02",
        "tu_phat_hien_khac_phuc": False,
        "noi_dung": "Lãng phí trong mua sắm tài sản",
    }
    for i in range(6):
        t.chi_bo(f"cb-{i}", "db", **({"ky_luat": [waste]} if i == 0 else {}))
        t.member(f"cb-{i}", f"dv-{i}", "HTTNV")
    o = rate(t).orgs["db"]
    assert o.final == L.KHTNV and not o.needs_decision
    r = next(r for r in o.reasons if r.rule == "124-O4")
    assert "CB-0" in r.text and "khiển trách" in r.text


def test_case29_leader_unit_45_percent_with_key_targets_met(root: Path) -> None:
    t = Tree(root, 2024, "qd124-hd25")
    t.chi_bo_co_so("cb")
    unit = {"ten": "UBND xã", "ty_le_hoan_thanh_chi_tieu": 0.45, "dat_chi_tieu_cot_loi": True}
    t.member("cb", "dv-1", "HTTNV", don_vi_phu_trach=unit)
    t.member("cb", "dv-2", "HTTNV", don_vi_phu_trach={**unit, "dat_chi_tieu_cot_loi": False})
    v = rate(t)
    m1, m2 = v.members["dv-1"], v.members["dv-2"]
    assert m1.final == L.HTTNV and not any("45%" in r.text for r in m1.reasons)
    assert m2.final == L.KHTNV
    r = next(r for r in m2.reasons if r.rule == "124-M4")
    assert "45%" in r.text and "chỉ tiêu chủ yếu" in r.text


def _org366(root: Path, nhiem_vu: dict[str, int]) -> Tree:
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb", diem={"tieu_chi_chung": 28, "ket_qua_nhiem_vu": 64}, nhiem_vu=nhiem_vu)
    t.member("cb", "dv-1", "HTTNV")
    return t


def test_case30_organization_92_with_20_percent_exceeded(root: Path) -> None:
    o = rate(_org366(root, tasks(10, 10, 10, 2))).orgs["cb"]
    assert o.assessed == L.HTTNV
    r = next(r for r in o.reasons if r.effect is Effect.ASSESSED)
    assert r.rule == "366-O2" and "vượt dưới 30%" in r.text


def test_case30_organization_92_with_30_percent_exceeded(root: Path) -> None:
    o = rate(_org366(root, tasks(10, 10, 10, 3))).orgs["cb"]
    assert o.assessed == L.HTXSNV and "366-O1" in rules_of(o)


def test_case31_organization_92_two_of_ten_late(root: Path) -> None:
    o = rate(_org366(root, tasks(10, 10, 8, 3))).orgs["cb"]
    assert o.assessed == L.HTNV
    r = next(r for r in o.reasons if r.effect is Effect.ASSESSED)
    assert r.rule == "366-O3"


def test_366_O4_more_than_half_of_tasks_not_completed(root: Path) -> None:
    o = rate(_org366(root, tasks(10, 4, 4, 0))).orgs["cb"]
    assert o.final == L.KHTNV
    assert any(r.rule == "366-O4" and r.effect is Effect.CEILING for r in o.reasons)


def test_366_O4_leadership_case_and_its_setting(root: Path) -> None:
    for on in (True, False):
        t = Tree(root / str(on), 2025, "qd366-hd43", settings={"org_khtnv_from_leadership": on})
        t.chi_bo_co_so("cb", lanh_dao={"bi_thu": "dv-1", "mat_doan_ket": True})
        t.member("cb", "dv-1", "HTTNV")
        o = rate(t).orgs["cb"]
        assert (o.final == L.KHTNV) is on
        assert o.leadership is not None and o.leadership.final == L.KHTNV
        assert "366-L3" in rules_of(o.leadership)


def test_case32_leader_unit_10_percent_exceeded(root: Path) -> None:
    t = leader_of_unit(root, tasks(10, 10, 10, 1))
    m = rate(t).members["dv-1"]
    assert m.assessed == L.HTTNV and m.ceiling == L.HTTNV
    r = next(r for r in m.reasons if r.rule == "366-L2")
    assert "UBND xã" in r.text and "vượt dưới 30%" in r.text
    assert "Phụ lục 3" in next(r for r in m.reasons if r.rule == "366-M1").citation


def test_case33_earlier_violation_needs_decision(root: Path) -> None:
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    record = {
        "hinh_thuc": "khien_trach",
        "ngay_quyet_dinh": "2025-04-10",
        "ngay_vi_pham": "2024-09-01",
    }
    t.member("cb", "dv-1", "HTTNV", ky_luat=[record])
    v = rate(t)
    m = v.members["dv-1"]
    assert m.final != L.KHTNV and m.needs_decision
    f = next(f for f in v.findings if f.code == "rule-needs-decision")
    # the flag states the facts for the committee (form, dates); the finding, which reaches
    # PR comments and CI logs, names the rule only (issue 14)
    flag = next(r for r in m.flags if r.rule == "366-M8")
    assert "01/09/2024" in flag.text and "10/04/2025" in flag.text
    assert f.rule == "366-M8" and "366-M8" in f.message and "01/09/2024" not in f.message


def test_case34_quota_per_role_group(root: Path) -> None:
    t = Tree(root, 2025, "qd366-hd43")
    t.set_year(
        nhom_vai_tro=[
            {"ma": "lanh_dao", "ten": "Cán bộ lãnh đạo, quản lý"},
            {"ma": "khac", "ten": "Người lao động, khác"},
        ]
    )
    t.dang_bo_co_so("db")
    t.chi_bo("cb", "db")
    decided = []
    for group, httnv in (("lanh_dao", 10), ("khac", 20)):
        for i in range(httnv):
            mid = f"dv-{group[:2]}-t{i}"
            t.member("cb", mid, "HTTNV", nhom_vai_tro=group)
            decided.append((mid, "HTTNV"))
        for i in range(3):
            mid = f"dv-{group[:2]}-x{i}"
            t.member("cb", mid, "HTXSNV", nhom_vai_tro=group)
            decided.append((mid, "HTXSNV"))
    t.decisions("db", decided)
    v = rate(t)
    found = [f for f in v.findings if f.code == "rule-quota-exceeded"]
    assert [(f.extra["limit"], f.extra["count"]) for f in found] == [(2, 3)]
    assert "Cán bộ lãnh đạo" in found[0].message
    pools = {p.group: p.limit for p in v.quota_pools if p.kind == "member"}
    assert pools == {"lanh_dao": 2, "khac": 4}


def test_366_M6_without_role_groups_pools_per_deciding_committee(root: Path) -> None:
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    for i in range(30):
        t.member("cb", f"dv-t{i}", "HTTNV", nhom_vai_tro="lanh_dao" if i < 10 else "khac")
    t.member("cb", "dv-x", "HTXSNV", nhom_vai_tro="lanh_dao")
    v = rate(t)
    assert [p.group for p in v.quota_pools if p.kind == "member"] == [""]
    assert "rule-quota-exceeded" not in codes(v)


def test_366_M6_member_outside_the_listed_role_groups_is_warned(root: Path) -> None:
    t = Tree(root, 2025, "qd366-hd43")
    t.set_year(nhom_vai_tro=[{"ma": "lanh_dao", "ten": "Lãnh đạo"}, {"ma": "khac", "ten": "Khác"}])
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV", nhom_vai_tro="lanh_dao")
    t.member("cb", "dv-2", "HTTNV", nhom_vai_tro="giao_vien")
    t.member("cb", "dv-3", "HTTNV")
    v = rate(t)
    found = sorted(
        (f.path.rsplit("/", 1)[-1], f.line)
        for f in v.findings
        if f.code == "rule-role-group-unknown"
    )
    assert found == [("dv-2.yaml", 19), ("dv-3.yaml", 1)]
    f = next(f for f in v.findings if f.path.endswith("dv-2.yaml"))
    assert f.rule == "366-M6" and "`lanh_dao`" in f.hint and "giao_vien" in f.message
