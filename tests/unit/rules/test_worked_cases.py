"""RULES.md §6: every worked case, built as a small YAML tree and loaded through
`generator.check.load_year`. Each test asserts the level, the rule ids of the reasons and
the finding codes (with lines where a decision causes them)."""

from __future__ import annotations

from pathlib import Path

from generator.rules.base import Effect, NotRated
from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate, rate_all, rules_of
from tests.unit.rules.tree import Tree, crit124, tasks

L = Level


def _pool(t: Tree, org: str, httnv: int, prefix: str = "dv-h") -> list[str]:
    ids = [f"{prefix}{i:03d}" for i in range(httnv)]
    for mid in ids:
        t.member(org, mid, "HTTNV")
    return ids


# --------------------------------------------------------------------------- qd132-hd21


def test_case01_excellent_member_subject_to_quota(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTXSNV", tu_xep_loai="HTXSNV")
    _pool(t, "cb", 5)
    v = rate(t)
    m = v.members["dv-1"]
    assert (m.ceiling, m.assessed, m.final, m.provisional) == (L.HTXSNV, L.HTXSNV, L.HTXSNV, True)
    assert m.self_level == L.HTXSNV
    assert {"132-M1", "132-M5"} <= rules_of(m)
    quota = [r for r in m.reasons if r.rule == "132-M5"]
    assert quota[0].effect is Effect.INFO and "tối đa 1" in quota[0].text


def _case02(root: Path, settings: dict | None) -> tuple:
    t = Tree(root, 2021, "qd132-hd21", settings=settings)
    t.chi_bo_co_so("cb")
    ids = _pool(t, "cb", 40)
    best = [f"dv-x{i}" for i in range(9)]
    for mid in best:
        t.member("cb", mid, "HTXSNV")
    t.decisions("cb", [(m, "HTXSNV") for m in best] + [(m, "HTTNV") for m in ids])
    return t, rate(t)


def test_case02_quota_over_limit(root: Path) -> None:
    _, v = _case02(root, None)
    found = [f for f in v.findings if f.code == "rule-quota-exceeded"]
    assert len(found) == 1  # the ninth HTXSNV line, beyond the limit of 8
    f = found[0]
    assert f.path == "submissions/2021/huyen/cb/quyet-dinh.yaml"
    assert f.line == 7 + 2 * 8  # `muc:` of the 9th item
    assert f.rule == "132-M5" and f.extra["limit"] == 8 and f.extra["count"] == 9
    assert "tối đa 8" in f.message and "40" in f.message
    pool = next(p for p in v.quota_pools if p.kind == "member")
    assert (pool.base, pool.limit, pool.over_ids) == (40, 8, ["dv-x8"])


def test_case02_quota_base_httnv_or_above_passes(root: Path) -> None:
    _, v = _case02(root, {"quota_base": "httnv_or_above"})
    assert "rule-quota-exceeded" not in codes(v)
    pool = next(p for p in v.quota_pools if p.kind == "member")
    assert (pool.base, pool.limit) == (49, 9)


def test_case03_civil_servant_rated_httnv(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTXSNV", can_bo_cong_chuc={"xep_loai": "HTTNV", "co_quan": "UBND"})
    m = rate(t).members["dv-1"]
    assert (m.ceiling, m.assessed) == (L.HTTNV, L.HTTNV)
    assert [r.rule for r in m.reasons if r.effect is Effect.CEILING] == ["132-M1"]


def test_case04_civil_servant_rated_khtnv(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV", can_bo_cong_chuc={"xep_loai": "KHTNV"})
    m = rate(t).members["dv-1"]
    assert m.final == L.KHTNV
    assert "132-M4" in rules_of(m)


def test_case05_under_half_of_targets(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTXSNV", nhiem_vu=tasks(20, 9))
    m = rate(t).members["dv-1"]
    assert m.final == L.KHTNV
    reason = next(r for r in m.reasons if r.effect is Effect.CEILING)
    assert reason.rule == "132-M4" and "9/20" in reason.text and "45%" in reason.text


def test_case06_discipline_counts_once(root: Path) -> None:
    record = {
        "hinh_thuc": "khien_trach",
        "ngay_quyet_dinh": "2021-05-12",
        "ngay_vi_pham": "2021-02-01",
    }
    for y in (2021, 2022):
        t = Tree(root, y, "qd132-hd21")
        t.chi_bo_co_so("cb")
        t.member("cb", "dv-1", "HTTNV", ky_luat=[record])
    verdicts = rate_all(root, [2021, 2022])
    first, second = verdicts[2021].members["dv-1"], verdicts[2022].members["dv-1"]
    assert first.final == L.KHTNV
    reason = next(r for r in first.reasons if r.rule == "132-M4")
    assert "khiển trách ngày 12/05/2021" in reason.text
    assert reason.text.endswith("→ Không hoàn thành nhiệm vụ (132-M4)")
    assert second.final == L.HTTNV and "132-M4" not in {
        r.rule for r in second.reasons if r.effect is Effect.CEILING
    }


def test_case07_sick_leave(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTXSNV", nghi_om_thang=4)
    m = rate(t).members["dv-1"]
    assert (m.ceiling, m.assessed) == (L.HTNV, L.HTNV)
    assert "132-M6" in rules_of(m)


def test_case08_new_member_reviewed_not_rated(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV", ngay_vao_dang="2021-08-01")
    m = rate(t).members["dv-1"]
    assert (m.reviewed, m.rated, m.not_rated) == (True, False, NotRated.NEW_MEMBER)
    assert m.final is None and rules_of(m) == {"132-M7"}
    assert NotRated.NEW_MEMBER.label_vi == "Mới kết nạp dưới 6 tháng"


def test_case09_exempted_and_suspended(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", None, tinh_trang="mien_sinh_hoat")
    t.member("cb", "dv-2", None, tinh_trang="dinh_chi")
    v = rate(t)
    a, b = v.members["dv-1"], v.members["dv-2"]
    assert (a.reviewed, a.rated, a.not_rated) == (False, False, NotRated.EXEMPTED)
    assert (b.reviewed, b.rated, b.not_rated) == (False, False, NotRated.SUSPENDED)
    assert rules_of(a) == rules_of(b) == {"132-M7"}


def _chi_bo_of(root: Path, levels: list[str], **org: object):  # type: ignore[no-untyped-def]
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb", **org)
    for i, lv in enumerate(levels):
        t.member("cb", f"dv-{i:02d}", lv)
    return t, rate(t)


def test_case10_chi_bo_may_be_excellent(root: Path) -> None:
    _, v = _chi_bo_of(root, ["HTXSNV"] + ["HTTNV"] * 7 + ["HTNV"] * 2)
    o = v.orgs["cb"]
    assert (o.ceiling, o.assessed) == (L.HTXSNV, L.HTXSNV)


def test_case11_chi_bo_seven_of_ten(root: Path) -> None:
    _, v = _chi_bo_of(root, ["HTTNV"] * 7 + ["HTNV"] * 3)
    o = v.orgs["cb"]
    assert (o.ceiling, o.assessed) == (L.HTTNV, L.HTTNV)
    limiting = [r for r in o.reasons if r.effect is Effect.CEILING]
    assert [r.rule for r in limiting] == ["132-O1"] and "7/10" in limiting[0].text


def test_case12_one_khtnv_member(root: Path) -> None:
    _, v = _chi_bo_of(root, ["HTTNV"] * 11 + ["KHTNV"])
    o = v.orgs["cb"]
    assert o.ceiling == L.HTNV
    assert "132-O5" in rules_of(o)


def test_case13_secretary_capped_at_chi_bo(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb", level="HTNV", lanh_dao={"bi_thu": "dv-bt"})
    t.member("cb", "dv-bt", "HTXSNV")
    _pool(t, "cb", 5)
    t.decisions("cb", [("dv-bt", "HTXSNV")])
    v = rate(t)
    assert v.orgs["cb"].final == L.HTNV
    m = v.members["dv-bt"]
    assert (m.ceiling, m.assessed) == (L.HTNV, L.HTNV)
    assert "132-L1" in rules_of(m)
    head = [f for f in v.findings if f.code == "rule-head-above-unit"]
    assert len(head) == 1 and head[0].line == 7 and head[0].rule == "132-L1"
    assert "rule-decision-above-ceiling" not in codes(v)


def test_case14_leadership_member_warned(root: Path) -> None:
    t = Tree(root, 2021, "qd132-hd21")
    t.chi_bo_co_so("cb", lanh_dao={"bi_thu": "dv-1", "cap_uy_vien": ["dv-2"]})
    t.member("cb", "dv-1", "HTTNV")
    t.member(
        "cb", "dv-2", "HTTNV", ky_luat=[{"hinh_thuc": "canh_cao", "ngay_quyet_dinh": "2021-06-01"}]
    )
    v = rate(t)
    lead = v.orgs["cb"].leadership
    assert lead is not None and lead.final == L.KHTNV
    assert "132-L2" in rules_of(lead)


# --------------------------------------------------------------------------- qd124-hd25


def _m124(root: Path, **fields: object):  # type: ignore[no-untyped-def]
    t = Tree(root, 2024, "qd124-hd25")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTXSNV", **fields)
    return t, rate(t).members["dv-1"]


def test_case15_excellent_with_results(root: Path) -> None:
    _, m = _m124(root, tieu_chi=crit124("xuat_sac", "tot"), nhiem_vu=tasks(10, 10, 10, 6))
    assert (m.ceiling, m.assessed) == (L.HTXSNV, L.HTXSNV)
    assert "124-M1" in rules_of(m)


def test_case16_forty_percent_exceeded(root: Path) -> None:
    _, m = _m124(root, nhiem_vu=tasks(10, 10, 10, 4))
    assert (m.ceiling, m.assessed) == (L.HTTNV, L.HTTNV)
    limiting = [r for r in m.reasons if r.effect is Effect.CEILING]
    assert [r.rule for r in limiting] == ["124-M1"] and "40%" in limiting[0].text


def test_case17_reprimand_not_self_detected(root: Path) -> None:
    _, m = _m124(root, ky_luat=[{"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2024-05-12"}])
    assert m.final == L.KHTNV
    r = next(r for r in m.reasons if r.rule == "124-M4")
    assert r.text == ("bị kỷ luật khiển trách ngày 12/05/2024 → Không hoàn thành nhiệm vụ (124-M4)")


def test_case18_self_detected_and_remedied(root: Path) -> None:
    _, m = _m124(
        root,
        ky_luat=[
            {
                "hinh_thuc": "khien_trach",
                "ngay_quyet_dinh": "2024-05-12",
                "tu_phat_hien_khac_phuc": True,
            }
        ],
    )
    assert m.final == L.HTXSNV and m.ceiling == L.HTXSNV
    assert any(r.rule == "124-M4" and r.effect is Effect.INFO for r in m.reasons)


def test_case19_earlier_violation_re_rated(root: Path) -> None:
    t22 = Tree(root, 2022, "qd132-hd21")
    t22.chi_bo_co_so("cb")
    t22.member("cb", "dv-1", "HTTNV")
    t22.decisions("cb", [("dv-1", "HTTNV")])
    t = Tree(root, 2024, "qd124-hd25")
    t.chi_bo_co_so("cb")
    t.member(
        "cb",
        "dv-1",
        "HTTNV",
        nhiem_vu=tasks(10, 10, 10, 2),
        ky_luat=[
            {
                "hinh_thuc": "khien_trach",
                "ngay_quyet_dinh": "2024-03-01",
                "ngay_vi_pham": "2022-06-01",
            }
        ],
    )
    t.decisions(
        "huyen",
        xep_loai_lai=[
            {"ma_dang_vien": "dv-1", "nam": 2022, "muc": "KHTNV", "ly_do": "Vi phạm năm 2022"}
        ],
    )
    t.load()
    verdicts = rate_all(root, [2022, 2024])
    now, before = verdicts[2024].members["dv-1"], verdicts[2022].members["dv-1"]
    assert now.final == L.HTTNV  # rated on criteria
    assert "124-M7" in rules_of(now)
    assert before.decided == L.HTTNV and before.final == L.KHTNV
    assert before.re_rated is not None and before.re_rated[:2] == (2024, L.KHTNV)
    assert "124-M7" in rules_of(before)
    assert [
        (r.member_id, r.earlier_year, r.level, r.previous) for r in verdicts[2024].re_ratings
    ] == [("dv-1", 2022, L.KHTNV, L.HTTNV)]


def test_case20_new_member_not_reviewed(root: Path) -> None:
    _, m = _m124(root, ngay_vao_dang="2024-09-01")
    assert (m.reviewed, m.rated, m.not_rated) == (False, False, NotRated.NEW_MEMBER)
    assert rules_of(m) == {"124-M6"}


def test_case21_three_of_ten_chi_bo_disciplined(root: Path) -> None:
    t = Tree(root, 2024, "qd124-hd25")
    t.dang_bo_co_so("db")
    for i in range(10):
        extra = {"ky_luat": [{"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2024-04-01"}]}
        t.chi_bo(f"cb-{i}", "db", **(extra if i < 3 else {}))
        t.member(f"cb-{i}", f"dv-{i}", "HTTNV")
    o = rate(t).orgs["db"]
    assert o.final == L.KHTNV
    r = next(r for r in o.reasons if r.rule == "124-O4")
    assert "3/10" in r.text


# --------------------------------------------------------------------------- qd366-hd43


def _m366(root: Path, **fields: object):  # type: ignore[no-untyped-def]
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTXSNV", **fields)
    return t, rate(t)


def test_case22_score_92_excellent(root: Path) -> None:
    _, v = _m366(
        root,
        diem={"tieu_chi_chung": 28, "ket_qua_nhiem_vu": 64},
        nhiem_vu=tasks(20, 20, 20, 7),
        han_che_truoc={"so_da_chi_ra": 2, "so_da_khac_phuc": 2},
    )
    m = v.members["dv-1"]
    assert (m.ceiling, m.assessed) == (L.HTXSNV, L.HTXSNV)
    assert {"366-M1", "366-M6"} <= rules_of(m)


def test_case23_score_92_quarter_exceeded(root: Path) -> None:
    _, v = _m366(
        root, diem={"tieu_chi_chung": 28, "ket_qua_nhiem_vu": 64}, nhiem_vu=tasks(20, 20, 20, 5)
    )
    m = v.members["dv-1"]
    assert m.assessed == L.HTTNV
    r = next(r for r in m.reasons if r.effect is Effect.ASSESSED)
    assert r.rule == "366-M2" and "vượt dưới 30%" in r.text


def _case24(root: Path, **decision: object):  # type: ignore[no-untyped-def]
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    ids = _pool(t, "cb", 30)
    best = [f"dv-x{i}" for i in range(7)]
    for mid in best:
        t.member("cb", mid, "HTXSNV")
    t.decisions("cb", [(m, "HTXSNV") for m in best] + [(m, "HTTNV") for m in ids], **decision)
    return rate(t)


def test_case24_quota_20_percent(root: Path) -> None:
    v = _case24(root)
    found = [f for f in v.findings if f.code == "rule-quota-exceeded"]
    assert [(f.rule, f.extra["limit"], f.extra["count"]) for f in found] == [("366-M6", 6, 7)]


def test_case24_outstanding_results_25_percent(root: Path) -> None:
    v = _case24(root, ket_qua_noi_bat=True)
    assert "rule-quota-exceeded" not in codes(v)
    pool = next(p for p in v.quota_pools if p.kind == "member")
    assert pool.limit == 7


def test_case25_score_65_late_needs_decision(root: Path) -> None:
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    t.member(
        "cb",
        "dv-1",
        "HTNV",
        diem={"tieu_chi_chung": 20, "ket_qua_nhiem_vu": 45},
        nhiem_vu=tasks(20, 20, 15, 0),
    )
    t.proposals("cb", [("dv-1", "HTNV")])
    v = rate(t)
    m = v.members["dv-1"]
    assert m.needs_decision and m.assessed is None and m.final is None
    assert "366-M5" in rules_of(m)
    f = next(f for f in v.findings if f.code == "rule-needs-decision")
    assert f.path.endswith("cb/de-xuat.yaml") and f.rule == "366-M5" and f.actor == "chi_bo"


def test_case26_two_years_khtnv(root: Path) -> None:
    for y in (2023, 2024):
        t = Tree(root, y, "qd124-hd25")
        t.chi_bo_co_so("cb")
        t.member("cb", "dv-1", "KHTNV")
        t.decisions("cb", [("dv-1", "KHTNV")])
    verdicts = rate_all(root, [2023, 2024])
    assert "rule-two-years-khtnv" not in codes(verdicts[2023])
    m = verdicts[2024].members["dv-1"]
    assert "X3" in {r.rule for r in m.flags}
    f = next(f for f in verdicts[2024].findings if f.code == "rule-two-years-khtnv")
    assert f.line == 7 and f.path.endswith("2024/huyen/cb/quyet-dinh.yaml")
