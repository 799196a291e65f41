"""`merge` (generator/statistics/rollup.py) makes statistics that pass the checks a
statistics file gets (generator/statistics/consistency.py): a rollup of rollups is read
like any export. Two sources share the province and one đảng bộ huyện."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from generator.orgtypes import OrgType
from generator.rules.quota import QuotaPool, counted_pool
from generator.statistics import (
    CATEGORIES,
    Counts,
    OrgStats,
    YearStatistics,
    consistency,
    rollupquota,
)
from generator.statistics.jsonpos import load
from generator.statistics.rollup import RollupError, export, merge, read
from generator.submissions.records import Level, OrgCategory


def _counts(n: int, undecided: int = 0) -> Counts:
    c = Counts()
    c.total = c.rated = c.by_level[Level.HTTNV] = n
    c.undecided = undecided
    return c


def _org(org_id: str, kind: str, depth: int, n: int, level: Level | None = None) -> OrgStats:
    category = OrgCategory.XA if kind == "dang_bo_co_so" else None
    provisional = level is not None
    return OrgStats(
        org_id, org_id, OrgType.parse(kind), category, depth, _counts(n), level, provisional
    )


def _source(orgs: list[OrgStats]) -> YearStatistics:
    rated = [o for o in orgs if o.level is not None]
    levels = _counts(len(rated), undecided=len(rated))
    grassroots = sum(o.members.total for o in orgs if o.type.is_grassroots)
    by_category = {c: Counts() for c in CATEGORIES}
    by_category[OrgCategory.XA] = _counts(grassroots)
    return YearStatistics(
        2025, "qd366-hd43", _counts(orgs[0].members.total), orgs, by_category, levels
    )


def _findings(stats: YearStatistics) -> list[str]:
    doc = load(json.dumps(export(stats)).encode())
    return [f.message for f in consistency.check(doc, "tinh.json")]


def _sources() -> tuple[YearStatistics, YearStatistics]:
    a = _source([
        _org("tinh", "dang_bo_tinh", 0, 5),
        _org("huyen-a", "dang_bo_huyen", 1, 3, Level.HTTNV),
        _org("xa-1", "dang_bo_co_so", 2, 3, Level.HTTNV),
        _org("huyen-b", "dang_bo_huyen", 1, 2, Level.HTTNV),
        _org("xa-2", "dang_bo_co_so", 2, 2, Level.HTTNV),
    ])  # fmt: skip
    b = _source([
        _org("tinh", "dang_bo_tinh", 0, 4),
        _org("huyen-a", "dang_bo_huyen", 1, 4, Level.HTTNV),
        _org("xa-3", "dang_bo_co_so", 2, 4, Level.HTTNV),
    ])  # fmt: skip
    assert _findings(a) == _findings(b) == []
    return a, b


def test_a_shared_organization_keeps_the_sub_organizations_of_both_sources() -> None:
    merged = merge(list(_sources()), ["a.json", "b.json"])
    assert [(o.org_id, o.depth, o.members.total) for o in merged.orgs] == [
        ("tinh", 0, 9),
        ("huyen-a", 1, 7),
        ("xa-1", 2, 3),
        ("xa-3", 2, 4),
        ("huyen-b", 1, 2),
        ("xa-2", 2, 2),
    ]


def test_a_shared_organization_level_is_counted_once() -> None:
    """huyen-a's provisional level once; the province, which has none, not taken off."""
    merged = merge(list(_sources()), ["a.json", "b.json"])
    levels = merged.org_levels
    assert (levels.total, levels.rated, levels.undecided, levels.count(Level.HTTNV)) == (5, 5, 5, 5)
    assert [m for m in _findings(merged) if "xep_loai_to_chuc" in m] == []


def _pool(httnv: int, final: int, decided: int, rounding: str = "floor") -> QuotaPool:
    return counted_pool(
        "org", "tinh", "tinh", "366-M6", "httnv", rounding, Fraction(1, 5),
        httnv=httnv, htxsnv_final=final, htxsnv_decided=decided,
    )  # fmt: skip


def test_a_pool_left_by_the_parts_is_summed_and_judged_once() -> None:
    # 366-M6 over a split province: 3 + 2 HTTNV allow 1 HTXSNV, each part has 1 decided
    a, b = _sources()
    a.deferred, b.deferred = [_pool(3, 1, 1)], [_pool(2, 1, 1)]
    merged = merge([a, b], ["a.json", "b.json"])
    (pool,) = merged.deferred
    assert (pool.httnv, pool.htxsnv_final, pool.htxsnv_decided, pool.limit) == (5, 2, 2, 1)
    assert merged.deferred_sources == {"366-M6 tinh": ["a.json", "b.json"]}
    (finding,) = rollupquota.findings(merged)
    assert finding.code == "rollup-quota-exceeded" and finding.path == "a.json"
    assert "2 tổ chức được quyết định HTXSNV, tối đa 1 (số xếp loại HTTNV là 5; 20% là 1" in (
        finding.message
    )
    # the merged counts travel on in a rollup of rollups, read back the same
    again = read(json.loads(json.dumps(export(merged))), "tinh.json")
    assert [(p.httnv, p.htxsnv_final, p.htxsnv_decided) for p in again.deferred] == [(5, 2, 2)]
    assert _findings(merged) == []


def test_parts_that_read_the_share_differently_are_not_summed() -> None:
    a, b = _sources()
    a.deferred, b.deferred = [_pool(3, 1, 1)], [_pool(2, 1, 1, rounding="ceil")]
    with pytest.raises(RollupError) as exc:
        merge([a, b], ["a.json", "b.json"])
    assert "a.json theo 20% của số HTTNV, làm tròn xuống, còn b.json theo 20% của số HTTNV, " in (
        str(exc.value)
    )
    data = export(a)
    data["ty_le_cho_tong_hop"][0]["htxsnv_da_quyet_dinh"] = 2  # more decided than in all
    with pytest.raises(RollupError, match=r"`ty_le_cho_tong_hop\[1\]` không đúng định dạng"):
        read(json.loads(json.dumps(data)), "a.json")
    # the file's check tells it first, at its place, and a pool listed twice
    data["ty_le_cho_tong_hop"].append(data["ty_le_cho_tong_hop"][0])
    doc = load(json.dumps(data, indent=1).encode())
    found = [(f.code, f.line, f.message) for f in consistency.check(doc, "a.json")]
    lines = json.dumps(data, indent=1).splitlines()
    row = next(i for i, t in enumerate(lines, 1) if '"htxsnv_da_quyet_dinh": 2' in t)
    assert found[0] == (
        "rollup-quota-decided", row, "`ty_le_cho_tong_hop[1]`: `htxsnv_da_quyet_dinh` là 2, "
        "nhiều hơn `htxsnv` (1): số tổ chức HTXSNV đã quyết định nằm trong số tổ chức HTXSNV.",
    )  # fmt: skip
    assert (
        found[-1][0] == "rollup-quota-twice" and "đã có ở `ty_le_cho_tong_hop[1]`" in (found[-1][2])
    )
