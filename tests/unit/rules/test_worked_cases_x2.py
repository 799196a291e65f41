"""RULES.md X2 where the rulesets said nothing of their own (worked case 39, for a future
revision of RULES.md §6; the code's reading until then):

| 39 | 366 | chi bộ HTNV, its secretary decided HTTNV | `rule-head-above-unit` (X2) at the decision; the secretary's ceiling HTNV; `head_cap: false` switches it off |

Built as small YAML trees and loaded through `generator.check.load_year`, as
test_worked_cases.py does."""

from __future__ import annotations

from pathlib import Path

from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate, rules_of
from tests.unit.rules.tree import Tree

L = Level


def _case39(root: Path, **settings: object) -> Tree:
    t = Tree(root, 2025, "qd366-hd43", settings=settings or None)
    t.chi_bo_co_so("cb", ten="Chi bộ thôn A", level="HTNV", lanh_dao={"bi_thu": "dv-bt"})
    t.member("cb", "dv-bt", "HTTNV", ho_ten="Trần Văn Bí")
    t.member("cb", "dv-2", "HTTNV")
    return t


def test_case39_head_above_unit_under_366_is_an_error(root: Path) -> None:
    t = _case39(root)
    t.decisions("cb", [("dv-bt", "HTTNV"), ("dv-2", "HTTNV")])
    v = rate(t)
    assert v.orgs["cb"].final == L.HTNV
    m = v.members["dv-bt"]
    assert (m.ceiling, m.assessed) == (L.HTNV, L.HTNV) and "X2" in rules_of(m)
    # never silently corrected: the decision stands and is reported
    assert (m.decided, m.final) == (L.HTTNV, L.HTTNV)
    head = [f for f in v.findings if f.code == "rule-head-above-unit"]
    assert [(f.path.rsplit("/", 1)[-1], f.line, f.rule) for f in head] == [
        ("quyet-dinh.yaml", 7, "X2")
    ]
    assert head[0].message == (
        "Người đứng đầu Trần Văn Bí (dv-bt) được xếp loại Hoàn thành tốt nhiệm vụ (HTTNV), "
        "cao hơn mức của Chi bộ thôn A do mình đứng đầu (Hoàn thành nhiệm vụ (HTNV))."
    )
    assert "tối đa HTNV" in head[0].hint and "(X2)" in head[0].hint
    assert "rule-decision-above-ceiling" not in codes(v)
    # a member who heads nothing is not capped by their chi bộ
    assert v.members["dv-2"].ceiling == L.HTXSNV and "X2" not in rules_of(v.members["dv-2"])


def test_case39_provisional_head_is_capped_at_the_unit(root: Path) -> None:
    v = rate(_case39(root))
    m = v.members["dv-bt"]
    assert (m.ceiling, m.final, m.provisional) == (L.HTNV, L.HTNV, True)
    assert "rule-head-above-unit" not in codes(v)


def test_case39_head_cap_setting_off_under_366(root: Path) -> None:
    t = _case39(root, head_cap=False)
    t.decisions("cb", [("dv-bt", "HTTNV")])
    v = rate(t)
    m = v.members["dv-bt"]
    assert (m.ceiling, m.final) == (L.HTXSNV, L.HTTNV) and "X2" not in rules_of(m)
    assert "rule-head-above-unit" not in codes(v)
    assert "rule-setting-unknown" not in codes(v)  # 366 reads `head_cap` now
