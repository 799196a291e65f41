"""Property-based tests (hypothesis) of the rating engine."""

from __future__ import annotations

import math
import shutil
import tempfile
from fractions import Fraction
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.findings import Position
from generator.rules.base import Verdict
from generator.rules.quota import At, DecidedLine, QuotaPolicy, check_pool
from generator.submissions.records import Level
from tests.unit.rules.conftest import rate
from tests.unit.rules.tree import Tree, crit124, crit132, tasks

LEVELS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
CRIT = ["xuat_sac", "tot", "trung_binh", "kem"]
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

member_facts = st.fixed_dictionaries(
    {
        "task": st.sampled_from(CRIT),
        "other": st.sampled_from(CRIT[:3]),
        "sick": st.sampled_from([0, 1, 3, 5]),
        "cs": st.sampled_from([None, *LEVELS]),
        "done": st.integers(0, 10),
        "exceeded": st.integers(0, 10),
        "general": st.integers(0, 30),
        "results": st.integers(0, 70),
        "discipline": st.sampled_from([None, "khien_trach", "canh_cao"]),
        "self_detected": st.booleans(),
        "decided": st.sampled_from([None, *LEVELS]),
    }
)


def _member_fields(ruleset: str, year: int, f: dict, with_discipline: bool) -> dict:
    out: dict = {
        "nghi_om_thang": f["sick"],
        "nhiem_vu": tasks(10, f["done"], f["done"], min(f["exceeded"], f["done"])),
    }
    if ruleset == "qd132-hd21":
        out["tieu_chi"] = crit132(f["task"], f["other"])
    elif ruleset == "qd124-hd25":
        out["tieu_chi"] = crit124(f["task"], f["other"])
    else:
        out["diem"] = {"tieu_chi_chung": f["general"], "ket_qua_nhiem_vu": f["results"]}
    if f["cs"]:
        out["can_bo_cong_chuc"] = {"xep_loai": f["cs"]}
    if with_discipline and f["discipline"]:
        out["ky_luat"] = [
            {
                "hinh_thuc": f["discipline"],
                "ngay_quyet_dinh": f"{year}-03-01",
                "tu_phat_hien_khac_phuc": f["self_detected"],
            }
        ]
    return out


RULESETS = st.sampled_from([("qd132-hd21", 2021), ("qd124-hd25", 2024), ("qd366-hd43", 2025)])


@SLOW
@given(RULESETS, member_facts)
def test_final_never_above_ceiling_without_a_finding(rs: tuple[str, int], f: dict) -> None:
    ruleset, year = rs
    root = Path(tempfile.mkdtemp())
    try:
        t = Tree(root, year, ruleset)
        t.chi_bo_co_so("cb")
        t.member("cb", "dv-1", None, **_member_fields(ruleset, year, f, True))
        if f["decided"]:
            t.decisions("cb", [("dv-1", f["decided"])])
        v = rate(t)
        m = v.members["dv-1"]
        if m.rated and m.final is not None and m.ceiling is not None and m.final > m.ceiling:
            lines = {(x.code, x.line) for x in v.findings}
            assert ("rule-decision-above-ceiling", 7) in lines
        if m.decided is None and m.final is not None:
            assert m.final <= m.ceiling
    finally:
        shutil.rmtree(root)


@SLOW
@given(RULESETS, member_facts)
def test_removing_discipline_never_lowers_a_level(rs: tuple[str, int], f: dict) -> None:
    ruleset, year = rs
    finals = []
    for with_discipline in (True, False):
        root = Path(tempfile.mkdtemp())
        try:
            t = Tree(root, year, ruleset)
            t.chi_bo_co_so("cb")
            t.member("cb", "dv-1", None, **_member_fields(ruleset, year, f, with_discipline))
            m = rate(t).members["dv-1"]
            finals.append((m.ceiling, m.assessed))
        finally:
            shutil.rmtree(root)
    (c_with, a_with), (c_without, a_without) = finals
    assert c_without >= c_with
    if a_with is not None and a_without is not None:
        assert a_without >= a_with


@given(
    httnv=st.integers(0, 80),
    htxs=st.integers(0, 30),
    base=st.sampled_from(["httnv", "httnv_or_above"]),
    rounding=st.sampled_from(["floor", "round", "ceil"]),
    share=st.sampled_from([0.2, 0.25, 0.15, 0.3]),
)
def test_quota_never_passes_more_than_its_limit(
    httnv: int, htxs: int, base: str, rounding: str, share: float
) -> None:
    verdicts = []
    lines = {}
    for i in range(httnv):
        verdicts.append(Verdict(f"h{i}", "member", assessed=Level.HTTNV))
    for i in range(htxs):
        verdicts.append(Verdict(f"x{i}", "member", assessed=Level.HTXSNV, decided=Level.HTXSNV))
        lines[f"x{i}"] = DecidedLine(f"x{i}", "q.yaml", At(Position(7 + 2 * i)))
    pool, found = check_pool(
        kind="member",
        pool_id="p",
        pool_name="P",
        policy=QuotaPolicy("132-M5", "c"),
        settings={"quota_base": base, "quota_rounding": rounding, "quota_share": share},
        verdicts=verdicts,
        decided_lines=lines,
        outstanding=False,
        fallback=None,
    )
    denominator = httnv + (htxs if base == "httnv_or_above" else 0)
    exact = Fraction(str(share)) * denominator
    limit = {
        "floor": math.floor(exact),
        "ceil": math.ceil(exact),
        "round": math.floor(exact + Fraction(1, 2)),
    }[rounding]
    assert pool.limit == limit
    passed = htxs - len(found)
    assert passed <= limit
    assert len(found) == max(0, htxs - limit)
    assert [f.line for f in found] == [7 + 2 * i for i in range(min(htxs, limit), htxs)]
