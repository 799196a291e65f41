"""The statistics pages' keys (generator.site.incremental.stats_pages_key, stats_page_key)
depend on the statistics' values alone, not on which equal objects they share.

The first page shows the year before's statistics too. A cold build reads both years from
their files in one run, so the two years' rows hold one OrgType object per type; a warm
build reads them back from .kiemdiem-cache/, each year with OrgType objects of its own.
With pickle's memo the second year's type was written as a reference to the first in one
case and in full in the other: the first warm build after a cold one rendered the
statistics' first page again.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from generator.orgtypes import OrgType, Tier
from generator.site import incremental, paging
from generator.site.views import YearView
from generator.statistics import Counts, OrgStats, YearStatistics

FIRST = "thong-ke/index.md"


def _type() -> OrgType:
    # strings made each time (equal, distinct objects), as each year's unpickled records hold
    return OrgType("".join(["chi_", "bo"]), "".join(["Chi ", "bộ"]), Tier.BELOW, True)


def _stats(year: int, kind: OrgType, previous: YearStatistics | None = None) -> YearStatistics:
    rows = [
        OrgStats(f"cb-{i}", f"Chi bộ {i}", kind, None, 1, Counts(total=i), None, False)
        for i in range(1, 4)
    ]
    return YearStatistics(year, "qd366-hd43", Counts(total=6), rows, {}, Counts(), previous)


def _keys(stats: YearStatistics) -> tuple[str, str]:
    """The group key and the first page's key of `stats` as the year's statistics."""
    orgs = {o.org_id: None for o in stats.orgs}
    view = cast(
        YearView,
        SimpleNamespace(
            audience=None, disclosure=None, year=SimpleNamespace(orgs=orgs), stats=stats
        ),
    )
    pages = paging.paginate(stats.orgs, FIRST, paging.ROWS_PER_PAGE)
    group = incremental.stats_pages_key(view, b"frame", pages)
    return group, incremental.stats_page_key(view, b"frame", pages[0], pages)


def test_the_keys_do_not_depend_on_which_years_share_an_org_type() -> None:
    shared = _type()
    read_together = _stats(2026, shared, _stats(2025, shared))  # a cold build
    read_apart = _stats(2026, _type(), _stats(2025, _type()))  # a warm build
    assert read_together.orgs[0].type is read_together.previous.orgs[0].type  # type: ignore[union-attr]
    assert _keys(read_together) == _keys(read_apart)


def test_the_keys_still_read_the_values() -> None:
    shared = _type()
    before = _keys(_stats(2026, shared, _stats(2025, shared)))
    earlier = _stats(2025, shared)
    earlier.orgs[2].members.total = 4
    group, first = _keys(_stats(2026, shared, earlier))
    assert group != before[0] and first != before[1]
