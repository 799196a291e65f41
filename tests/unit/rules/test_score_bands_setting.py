"""`score_meets_lower_bands` (RULES.md §4, UNVERIFIED): whether a score above a band also
meets the lower bands' score condition (366-M1..M3, 366-O1..O3). The worked cases with a
score above the band they end in (23, 30, 31) under both values, set by the year file
(`cai_dat:`) and loaded through `generator.check.load_year`."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import load_year
from generator.findings import Severity
from generator.rules import REGISTRY, rate_year
from generator.rules.base import Effect
from generator.rules.spec import resolve_settings
from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate, rules_of
from tests.unit.rules.tree import Tree, leader_of_unit, schemas, tasks

L = Level
NAME = "score_meets_lower_bands"
SCORE_92 = {"tieu_chi_chung": 28, "ket_qua_nhiem_vu": 64}


def _member(root: Path, value: object, nhiem_vu: dict[str, int]) -> Tree:
    t = Tree(root, 2025, "qd366-hd43", settings={NAME: value})
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV", diem=SCORE_92, nhiem_vu=nhiem_vu)
    t.proposals("cb", [("dv-1", "HTTNV")])
    return t


def _org(root: Path, value: object, nhiem_vu: dict[str, int], **member: object) -> Tree:
    t = Tree(root, 2025, "qd366-hd43", settings={NAME: value})
    t.chi_bo_co_so("cb", diem=SCORE_92, nhiem_vu=nhiem_vu, lanh_dao={"bi_thu": "dv-1"})
    t.member("cb", "dv-1", "HTTNV", **member)
    return t


def test_case23_default_walks_down_to_httnv(root: Path) -> None:
    m = rate(_member(root, True, tasks(20, 20, 20, 5))).members["dv-1"]
    assert (m.assessed, m.needs_decision) == (L.HTTNV, False)
    r = next(r for r in m.reasons if r.effect is Effect.ASSESSED)
    assert r.rule == "366-M2"
    assert "92" in r.text and "chưa đạt HTXSNV: vượt dưới 30% nhiệm vụ" in r.text


def test_case23_strict_meets_no_level_and_needs_decision(root: Path) -> None:
    v = rate(_member(root, False, tasks(20, 20, 20, 5)))
    m = v.members["dv-1"]
    assert m.assessed is None and m.final is None and m.needs_decision
    assert "366-M5" in rules_of(m) and "366-M2" not in rules_of(m)
    flag = next(r for r in m.flags if r.rule == "366-M5")
    assert flag.needs_decision
    assert "chưa đạt HTXSNV: vượt dưới 30% nhiệm vụ" in flag.text
    assert "score_meets_lower_bands" in flag.text and "cần quyết định" in flag.text
    f = next(f for f in v.findings if f.code == "rule-needs-decision")
    assert f.rule == "366-M5" and f.path.endswith("cb/de-xuat.yaml")
    assert "rule-setting-invalid" not in codes(v)


def test_strict_still_rates_a_member_who_meets_the_band_of_the_score(root: Path) -> None:
    # case 22's member: 92 with every HTXSNV condition met
    m = rate(_member(root, False, tasks(20, 20, 20, 7))).members["dv-1"]
    assert (m.assessed, m.needs_decision) == (L.HTXSNV, False)
    r = next(r for r in m.reasons if r.effect is Effect.ASSESSED)
    assert r.rule == "366-M1" and "chưa đạt" not in r.text


@pytest.mark.parametrize(
    ("nhiem_vu", "walked", "rule_id"),
    [
        (tasks(10, 10, 10, 2), L.HTTNV, "366-O2"),  # case 30
        (tasks(10, 10, 8, 3), L.HTNV, "366-O3"),  # case 31
    ],
)
def test_cases30_31_organization_under_both_values(
    root: Path, nhiem_vu: dict[str, int], walked: Level, rule_id: str
) -> None:
    o = rate(_org(root / "down", True, nhiem_vu)).orgs["cb"]
    assert (o.assessed, o.needs_decision) == (walked, False)
    assert next(r for r in o.reasons if r.effect is Effect.ASSESSED).rule == rule_id
    o = rate(_org(root / "strict", False, nhiem_vu)).orgs["cb"]
    assert o.assessed is None and o.needs_decision
    flag = next(r for r in o.flags if r.needs_decision)
    assert flag.rule == "366-O1" and "chưa đạt HTXSNV" in flag.text


def test_strict_org_discipline_is_a_missed_366_O1_condition_not_a_cap(root: Path) -> None:
    # the secretary reprimanded for something unrelated to their duties: not a 366-L3 case
    record = {"hinh_thuc": "khien_trach", "ngay_quyet_dinh": "2025-03-01"}
    discipline = {"ky_luat": [{**record, "lien_quan_chuc_trach": False}]}
    down = rate(_org(root / "down", True, tasks(10, 10, 10, 3), **discipline)).orgs["cb"]
    assert (down.ceiling, down.assessed) == (L.HTTNV, L.HTTNV)
    strict = rate(_org(root / "strict", False, tasks(10, 10, 10, 3), **discipline)).orgs["cb"]
    assert strict.assessed is None and strict.needs_decision
    assert strict.ceiling == L.HTXSNV
    flag = next(r for r in strict.flags if r.needs_decision)
    assert "bị kỷ luật trong năm" in flag.text


def test_an_invalid_value_is_an_error_at_its_line_and_nothing_is_rated(
    root: Path,
) -> None:
    t = _member(root, "nghiem", tasks(20, 20, 20, 5))
    year, result = load_year(t.root, 2025, schemas=schemas())
    (typed,) = [f for f in result.findings if f.code == "schema-type"]
    assert typed.severity is Severity.ERROR and typed.line == 7
    assert typed.path.endswith("nam-danh-gia.yaml") and NAME in typed.message
    # a year file that does not load is no year configuration: nothing is rated, under
    # either reading, until it is fixed
    v = rate_year(year)
    assert v.ruleset == "pending" and not v.members["dv-1"].rated


def test_a_value_past_the_schema_is_the_rules_setting_invalid_finding(root: Path) -> None:
    year, _ = _member(root, False, tasks(20, 20, 20, 5)).load()
    assert year.config is not None
    year.config.settings[NAME] = "nghiem"
    values, findings = resolve_settings(REGISTRY["qd366-hd43"], year)
    (f,) = findings
    assert (f.code, f.rule, f.line) == ("rule-setting-invalid", "366-M5", 7)
    assert f.path.endswith("nam-danh-gia.yaml") and "nghiem" in f.message
    assert values[NAME] is True


def _leader(root: Path, value: object, unit_tasks: dict[str, int]) -> Tree:
    return leader_of_unit(root, unit_tasks, **{NAME: value})


def test_case32_leader_93_whose_unit_misses_htxsnv_under_both_values(root: Path) -> None:
    down = rate(_leader(root / "down", True, tasks(10, 10, 10, 1))).members["dv-1"]
    assert (down.ceiling, down.assessed, down.needs_decision) == (L.HTTNV, L.HTTNV, False)
    strict = rate(_leader(root / "strict", False, tasks(10, 10, 10, 1))).members["dv-1"]
    assert strict.assessed is None and strict.final is None and strict.needs_decision
    flag = next(r for r in strict.flags if r.rule == "366-M5")
    assert "chưa đạt HTXSNV: đơn vị phụ trách UBND xã" in flag.text
    assert "vượt dưới 30%" in flag.text and "(366-L2)" in flag.text
    # the unit's own cap is still shown, beside the decision it calls for
    assert any(r.rule == "366-L2" and r.level == L.HTTNV for r in strict.reasons)


def test_strict_leader_whose_unit_allows_htxsnv_is_rated_by_the_score(root: Path) -> None:
    m = rate(_leader(root, False, tasks(10, 10, 10, 3))).members["dv-1"]
    assert (m.assessed, m.needs_decision) == (L.HTXSNV, False)
