"""366-L1/L2 for a leader whose file states the unit's result (`ty_le_hoan_thanh_chi_tieu`,
`hoan_thanh_tat_ca_chi_tieu`) without its task counts (`nhiem_vu`): the stated facts
decide where they can (the auditor's R5: 75% completed rated as if the unit were fine,
"chưa kê khai kết quả nhiệm vụ của đơn vị" although the file states it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.rules.base import Effect
from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate
from tests.unit.rules.tree import Tree, tasks

L = Level
MISLEADING = "chưa kê khai kết quả nhiệm vụ của đơn vị"


def _leader(root: Path, unit: dict[str, Any], decided: str | None = None, **settings: Any) -> Tree:
    """The auditor's R5 shape: a leader (Phụ lục 3) scoring 81 with perfect tasks of their
    own, whose unit's result is stated without counts."""
    t = Tree(root, 2025, "qd366-hd43", settings=settings or None)
    t.chi_bo_co_so("cb")
    t.member(
        "cb",
        "dv-1",
        "HTTNV",
        mau_bieu="phu_luc_3",
        diem={"tieu_chi_chung": 24, "ket_qua_nhiem_vu": 57},
        nhiem_vu=tasks(6, 6, 6, 2),
        don_vi_phu_trach={"ten": "Chi bộ thôn An Phú", **unit},
    )
    if decided:
        t.decisions("cb", [("dv-1", decided)])
    return t


def _l2(v: Any) -> list[tuple[Effect, Level | None, str]]:
    m = v.members["dv-1"]
    return [(r.effect, r.level, r.text) for r in (*m.reasons, *m.flags) if r.rule == "366-L2"]


STATED_75 = {"ty_le_hoan_thanh_chi_tieu": 0.75, "hoan_thanh_tat_ca_chi_tieu": False}


def test_unit_75_percent_without_counts_needs_a_decision(root: Path) -> None:
    v = rate(_leader(root, STATED_75))
    m = v.members["dv-1"]
    assert (m.ceiling, m.needs_decision) == (L.HTNV, True)
    assert _l2(v) == [
        (
            Effect.CEILING,
            L.HTNV,
            "Chi bộ thôn An Phú hoàn thành 75% chỉ tiêu, nhiệm vụ (chưa hoàn thành 100% nhiệm "
            "vụ đúng hạn) → tối đa Hoàn thành nhiệm vụ (366-L2)",
        ),
        (
            Effect.FLAG,
            None,
            "Chi bộ thôn An Phú hoàn thành 75% chỉ tiêu, nhiệm vụ (chưa hoàn thành 100% nhiệm "
            "vụ): đơn vị không đạt điều kiện mức HTNV — cần quyết định (366-L2)",
        ),
    ]
    f = next(f for f in v.findings if f.code == "rule-needs-decision")
    assert (f.path, f.rule) == ("submissions/2025/huyen/cb/dang-vien/dv-1.yaml", "366-L2")
    # decided HTTNV as in the trial: above what the unit's stated result allows (X2)
    v = rate(_leader(root / "decided", STATED_75, "HTTNV"))
    f = next(f for f in v.findings if f.code == "rule-decision-above-ceiling")
    assert (f.line, f.rule) == (7, "366-L2") and "75%" in f.message


def test_not_all_completed_without_the_analogy_caps_at_HTTNV(root: Path) -> None:
    v = rate(_leader(root, STATED_75, leader_unit_analogy=False))
    assert (v.members["dv-1"].final, v.members["dv-1"].needs_decision) == (L.HTTNV, False)
    [(effect, level, text)] = _l2(v)
    assert (effect, level) == (Effect.CEILING, L.HTTNV)
    assert text.startswith("Chi bộ thôn An Phú hoàn thành 75% chỉ tiêu, nhiệm vụ")


def test_share_of_one_but_not_stated_all_completed_is_read_as_written(root: Path) -> None:
    """`hoan_thanh_tat_ca_chi_tieu` not true ("không ghi nghĩa là false", as 124-M1)."""
    v = rate(_leader(root, {"ty_le_hoan_thanh_chi_tieu": 1}))
    [ceiling, flag] = _l2(v)
    assert ceiling[:2] == (Effect.CEILING, L.HTNV)
    stated = "không ghi hoàn thành tất cả chỉ tiêu, nhiệm vụ (hoan_thanh_tat_ca_chi_tieu)"
    assert stated in ceiling[2]
    assert flag[0] is Effect.FLAG and MISLEADING not in flag[2]


def test_all_completed_without_counts_names_what_is_missing(root: Path) -> None:
    v = rate(_leader(root, {"ty_le_hoan_thanh_chi_tieu": 1, "hoan_thanh_tat_ca_chi_tieu": True}))
    assert v.members["dv-1"].final == L.HTTNV
    assert _l2(v) == [
        (
            Effect.CEILING,
            L.HTTNV,
            "Chi bộ thôn An Phú hoàn thành tất cả chỉ tiêu, nhiệm vụ nhưng chưa kê khai số "
            "nhiệm vụ đúng hạn, vượt mức (nhiem_vu): chưa đủ căn cứ HTXSNV → tối đa Hoàn "
            "thành tốt nhiệm vụ (366-L2)",
        )
    ]


def test_unit_under_70_percent_is_KHTNV_by_L1_with_nothing_to_decide(root: Path) -> None:
    unit = {"ty_le_hoan_thanh_chi_tieu": 0.6, "hoan_thanh_tat_ca_chi_tieu": False}
    v = rate(_leader(root, unit))
    m = v.members["dv-1"]
    assert (m.ceiling, m.final, m.needs_decision) == (L.KHTNV, L.KHTNV, False)
    assert "rule-needs-decision" not in codes(v)
    # basic targets missed (366-L1) with 80% completed: KHTNV as well, nothing to ask
    unit = {"ty_le_hoan_thanh_chi_tieu": 0.8, "dat_chi_tieu_cot_loi": False}
    m = rate(_leader(root / "core", unit)).members["dv-1"]
    assert (m.final, m.needs_decision) == (L.KHTNV, False)
    # with the counts as well (6 of 10): 366-L1 decides, 366-L2 asks nothing either
    unit = {"ty_le_hoan_thanh_chi_tieu": 0.6, "nhiem_vu": tasks(10, 6, 6, 0)}
    v = rate(_leader(root / "counts", unit))
    assert (v.members["dv-1"].final, v.members["dv-1"].needs_decision) == (L.KHTNV, False)
    assert "rule-needs-decision" not in codes(v)
