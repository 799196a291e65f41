"""The quota's basis in words (366-M6, 132-M5, …): the count first, then the share of it
with its decimals — "20% của số xếp loại HTTNV là 3" read as 20% of them being 3."""

from __future__ import annotations

from pathlib import Path

from tests.unit.rules.conftest import rate
from tests.unit.rules.tree import Tree


def _chi_bo(root: Path, httnv: int, **settings: object) -> Tree:
    t = Tree(root, 2025, "qd366-hd43", settings=settings or None)
    t.chi_bo_co_so("cb", ten="Chi bộ A")
    t.member("cb", "dv-x", "HTXSNV")
    for i in range(httnv):
        t.member("cb", f"dv-{i}", "HTTNV")
    return t


def test_quota_basis_names_the_count_then_the_share_with_its_decimals(root: Path) -> None:
    v = rate(_chi_bo(root, 3))
    f = next(f for f in v.findings if f.code == "rule-quota-provisional")
    assert f.message == (
        "Theo mức dự kiến, Chi bộ A có 1 đảng viên đủ điều kiện HTXSNV nhưng tỷ lệ chỉ cho "
        "phép tối đa 0 (số xếp loại HTTNV là 3; 20% là 0,6, làm tròn xuống được 0)."
    )
    reason = next(r for r in v.members["dv-x"].reasons if r.rule == "366-M6")
    assert "tối đa 0 (số xếp loại HTTNV là 3; 20% là 0,6, làm tròn xuống được 0)" in reason.text


def test_quota_basis_with_another_base_and_rounding(root: Path) -> None:
    v = rate(_chi_bo(root, 7, quota_base="httnv_or_above", quota_rounding="ceil"))
    reason = next(r for r in v.members["dv-x"].reasons if r.rule == "366-M6")
    assert "(số xếp loại HTTNV trở lên là 8; 20% là 1,6, làm tròn lên được 2)" in reason.text
