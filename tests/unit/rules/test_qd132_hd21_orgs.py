"""Rules of generator/rules/qd132_hd21_orgs.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import qd132_hd21_orgs as r132
from generator.submissions.records import Level
from tests.unit.rules.facts import member, org, org_facts

L = Level


def _targets(done: int, total: int, key_missed: bool) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i in range(total):
        out.append(
            {
                "ten": f"Chỉ tiêu {i}",
                "trang_thai": "hoan_thanh" if i < done else "khong_hoan_thanh",
                "chu_yeu": key_missed and i == total - 1,
            }
        )
    return out


def test_132_O4_targets_rule_both_and_either() -> None:
    under_half_keys_met = _targets(4, 10, key_missed=False)
    o = org_facts("qd132-hd21", 2021, chi_tieu=under_half_keys_met)
    assert list(r132.org_khtnv(o)) == []  # both (default): needs a key target missed too
    o = org_facts(
        "qd132-hd21", 2021, settings={"targets_rule": "either"}, chi_tieu=under_half_keys_met
    )
    assert [r.level for r in r132.org_khtnv(o)] == [L.KHTNV]
    both = org_facts("qd132-hd21", 2021, chi_tieu=_targets(4, 10, key_missed=True))
    r = next(iter(r132.org_khtnv(both)))
    assert r.rule == "132-O4" and "chỉ tiêu chủ yếu" in r.text and "4/10" in r.text


def test_132_O4_any_violation_of_a_subordinate_unit() -> None:
    child = org(
        "cb-1",
        2021,
        loai="chi_bo_truc_thuoc",
        ky_luat=[{"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2021-05-01"}],
    )
    o = org_facts("qd132-hd21", 2021, children=[child], loai="dang_bo_co_so")
    reasons = [r for r in r132.org_khtnv(o) if "CB-1" in r.text]
    assert reasons and reasons[0].level == L.KHTNV and "vi phạm" in reasons[0].text


def test_132_L2_degraded_member_of_the_leadership_body() -> None:
    leader = member("dv-9", 2021, ket_luan_suy_thoai=True)
    o = org_facts("qd132-hd21", 2021, members=[leader], lanh_dao={"bi_thu": "dv-9"})
    reasons = list(r132.leadership_khtnv(o))
    assert [(r.rule, r.level) for r in reasons] == [("132-L2", L.KHTNV)]
    assert "suy thoái" in reasons[0].text
