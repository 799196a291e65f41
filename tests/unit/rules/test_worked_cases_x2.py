"""RULES.md X2 where the rulesets said nothing of their own (worked cases 39 and 40, for a
future revision of RULES.md §6; the code's reading until then):

| 39 | 366 | chi bộ HTNV, its secretary decided HTTNV | `rule-head-above-unit` (X2) at the decision; the secretary's ceiling HTNV; `head_cap: false` switches it off |
| 40 | 124→366 | 2024 ceiling HTTNV (124-M1), re-rated to HTXSNV in 2025 | `rule-re-rating-above-ceiling` at the re-rating's `muc`; not applied: 2024 stays HTTNV |

Built as small YAML trees and loaded through `generator.check.load_year`, as
test_worked_cases.py does."""

from __future__ import annotations

from pathlib import Path

from generator.privacy import Scope
from generator.privacy.findings import finding_scope
from generator.submissions.records import Level
from tests.unit.rules.conftest import codes, rate, rate_all, rules_of
from tests.unit.rules.tree import SCHEMA, Tree, tasks

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


def _case40(root: Path, re_rated: str) -> dict:  # type: ignore[type-arg]
    t24 = Tree(root, 2024, "qd124-hd25")
    t24.chi_bo_co_so("cb")
    # all criteria excellent, 100% on time but 2 of 10 exceeded: ceiling HTTNV (124-M1)
    t24.member("cb", "dv-1", "HTXSNV", ho_ten="Lê Văn Một", nhiem_vu=tasks(10, 10, 10, 2))
    t24.decisions("cb", [("dv-1", "HTTNV")])
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV", ho_ten="Lê Văn Một")
    t.decisions(
        "huyen",
        xep_loai_lai=[
            {"ma_dang_vien": "dv-1", "nam": 2024, "muc": re_rated, "ly_do": "Xem xét lại."}
        ],
    )
    t.load()
    return rate_all(root, [2024, 2025])


def test_case40_re_rating_above_the_ceiling_is_an_error_and_not_applied(root: Path) -> None:
    verdicts = _case40(root, "HTXSNV")
    before = verdicts[2024].members["dv-1"]
    assert before.ceiling == L.HTTNV and "124-M1" in rules_of(before)
    # not applied: 2024 keeps its decided level, nothing records a re-rating
    assert (before.re_rated, before.final) == (None, L.HTTNV)
    assert verdicts[2025].re_ratings == []
    assert "124-M7" not in rules_of(verdicts[2025].members["dv-1"])
    found = [f for f in verdicts[2025].findings if f.code == "rule-re-rating-above-ceiling"]
    assert [(f.path, f.line, f.column, f.rule, f.severity.value) for f in found] == [
        ("submissions/2025/huyen/quyet-dinh.yaml", 8, 8, "124-M1", "error")
    ]
    f = found[0]
    assert f.message == (
        "Xếp loại lại năm 2024 của đảng viên Lê Văn Một (dv-1) mức Hoàn thành xuất sắc nhiệm "
        "vụ (HTXSNV), cao hơn mức tối đa quy định cho phép năm đó là Hoàn thành tốt nhiệm vụ "
        "(HTTNV): vượt 2/10 nhiệm vụ (20%, dưới 50%) → tối đa Hoàn thành tốt nhiệm vụ "
        "(124-M1). Việc xếp loại lại này không được áp dụng: kết quả năm 2024 vẫn là Hoàn "
        "thành tốt nhiệm vụ (HTTNV)."
    )
    assert "không cao hơn HTTNV (quy định 124-M1, X2)" in f.hint and "`ly_do`" in f.hint
    assert f.extra["related"] == ["submissions/2024/huyen/cb/dang-vien/dv-1.yaml"]
    # a re-rating's facts are the deciding committee's (REASON_SCOPES["124-M7"]): the
    # whole organization's site shows a neutral line in its place
    assert "124-M7" in f.extra["rules"]
    assert finding_scope(f, SCHEMA) is Scope.CAP_UY


def test_case40_re_rating_at_the_ceiling_is_applied(root: Path) -> None:
    verdicts = _case40(root, "HTTNV")
    before = verdicts[2024].members["dv-1"]
    assert before.re_rated is not None and before.re_rated[:2] == (2025, L.HTTNV)
    assert "rule-re-rating-above-ceiling" not in codes(verdicts[2025])
    assert [(r.member_id, r.level) for r in verdicts[2025].re_ratings] == [("dv-1", L.HTTNV)]


def test_a_re_rating_of_a_year_the_member_was_not_rated_is_an_error_and_not_applied(
    root: Path,
) -> None:
    """An auditor's trial: re-rating a year in which the rules did not rate the member
    (here exempted, 124-M6) was applied in silence; it is a decision for someone not rated
    (X1), at the re-rating's `muc`, and the year keeps its "not rated"."""
    t24 = Tree(root, 2024, "qd124-hd25")
    t24.chi_bo_co_so("cb")
    t24.member("cb", "dv-1", "HTTNV", ho_ten="Lê Văn Một", tinh_trang="mien_sinh_hoat")
    t = Tree(root, 2025, "qd366-hd43")
    t.chi_bo_co_so("cb")
    t.member("cb", "dv-1", "HTTNV", ho_ten="Lê Văn Một")
    t.decisions(
        "huyen",
        xep_loai_lai=[{"ma_dang_vien": "dv-1", "nam": 2024, "muc": "KHTNV", "ly_do": "Xem lại."}],
    )
    t.load()
    verdicts = rate_all(root, [2024, 2025])
    before = verdicts[2024].members["dv-1"]
    assert not before.rated and before.re_rated is None and before.final is None
    assert verdicts[2025].re_ratings == []
    found = [f for f in verdicts[2025].findings if f.code == "rule-decision-not-rated"]
    assert [(f.path, f.line, f.column, f.severity.value) for f in found] == [
        ("submissions/2025/huyen/quyet-dinh.yaml", 8, 8, "error")
    ]
    assert found[0].message.startswith(
        "Đã xếp loại lại năm 2024 cho đảng viên Lê Văn Một (dv-1) nhưng trường hợp này không "
        "xếp loại:"
    )
