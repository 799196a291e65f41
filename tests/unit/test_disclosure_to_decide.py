"""Small counts of "Trong đó cần quyết định" on the organization's site (generator/privacy/
disclosure.py `TO_DECIDE`): "< 3" as any other count of people, with a complement in its
column (an organization's count is its sub-organizations'), and no percentage lost for it
(it is in no row's sum)."""

from __future__ import annotations

from generator.orgtypes import OrgType
from generator.privacy.disclosure import TO_DECIDE, Disclosure
from generator.statistics import CATEGORIES, Counts, OrgStats, YearStatistics
from generator.submissions.records import Level, OrgCategory


def _counts(n: int, to_decide: int) -> Counts:
    c = Counts()
    c.total = c.rated = c.by_level[Level.HTTNV] = n
    c.undecided = c.to_decide = to_decide
    return c


def _stats() -> YearStatistics:
    a, b = _counts(10, 1), _counts(10, 4)
    whole = _counts(20, 5)
    orgs = [
        OrgStats("db", "Đảng bộ xã", OrgType.parse("dang_bo_co_so"), OrgCategory.XA, 0, whole,
                 None, False),
        OrgStats("cb-1", "Chi bộ 1", OrgType.parse("chi_bo"), None, 1, a, None, False),
        OrgStats("cb-2", "Chi bộ 2", OrgType.parse("chi_bo"), None, 1, b, None, False),
    ]  # fmt: skip
    by_category = {c: Counts() for c in CATEGORIES}
    by_category[OrgCategory.XA] = _counts(20, 5)
    return YearStatistics(2025, "qd366-hd43", _counts(20, 5), orgs, by_category, Counts())


def test_a_small_count_to_decide_is_hidden_with_a_complement() -> None:
    stats, d = _stats(), Disclosure()
    db, cb1, cb2 = (o.members for o in stats.orgs)
    assert d.show(cb1, TO_DECIDE, stats) == "< 3"
    # the xã's 5 less chi bộ 2's 4 would give chi bộ 1's 1 back: one of them is hidden too
    assert "ẩn" in (d.show(cb2, TO_DECIDE, stats), d.show(db, TO_DECIDE, stats))
    # the levels of chi bộ 1 are not small: its row keeps its percentages
    assert d.show(cb1, Level.HTTNV, stats) == "10"
    assert d.hidden(cb1, stats) == frozenset({TO_DECIDE})


def test_a_row_alone_hides_a_small_count_to_decide() -> None:
    assert Disclosure().show(_counts(10, 2), TO_DECIDE) == "< 3"
    assert Disclosure().show(_counts(10, 3), TO_DECIDE) == "3"
    assert Disclosure().show(_counts(10, 0), TO_DECIDE) == "0"
