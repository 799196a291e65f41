"""Statistics of a rated year (RULES.md X4).

    from generator.statistics import year_statistics
    stats = year_statistics(year, verdicts, previous=(prev_year, prev_verdicts))

API (dataclasses; the site and `kiemdiem stats` read these, nothing else):

- `Counts`: one row of numbers. `by_level[Level] -> int` among members rated with a final
  level (decided, else provisional), `rated`, `not_rated[NotRated] -> int` (keys
  `COUNTED_NOT_RATED`: a site's statistics may count exempted and suspended together as
  `NotRated.UNDISCLOSED`; `kiemdiem stats` never does), `undecided` (rated, no decision yet), `unassessed` (rated, no level yet: "cần quyết
  định" or missing criteria), `to_decide` (rated, no decision yet, and the rules flag the
  case "cần quyết định": 366-M5, 366-M8, 124-O5, 366-L2, … — with a provisional level or
  without one; None when unknown: read from an exchange file without it), `total` members. `share(level) -> float` among
  `with_level`; `count(level)`.
- `OrgStats`: `org_id`, `name`, `type` (OrgType), `category` (OrgCategory | None), `depth`
  in the tree, `members: Counts` (members below it), `level: Level | None` (its own final
  level), `provisional: bool`, `own` (its own verdict in this repository, as the
  exchange format's `danh_gia` says it: `OWN_RATED`, a `NotRated` value, `OWN_NOT_RATED`,
  None when it has none here, e.g. the top of the tree, rated above; `OWN_UNKNOWN` when
  read from a format-1 statistics file, which does not tell).
- `YearStatistics`: `year`, `ruleset`, `total: Counts` (the whole tree), `orgs:
  list[OrgStats]` (tree order, parents first), `by_category: dict[OrgCategory, Counts]`
  (members of the grassroots organizations of each category), `org_levels: Counts`
  (organizations' own final levels, in `by_level`), `previous: YearStatistics | None` and
  `change(level) -> float | None` (difference of the whole tree's share, in points),
  `notes: list[str]` (Vietnamese notes on what the numbers cannot tell, from a rollup),
  `withheld` (a site's statistics that count a level withheld from it as without one).

Members counted are those with a verdict: every review file (loaded, broken or draft),
and members a chi bộ proposed without a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.rules.base import NotRated, Verdict, YearVerdicts
from generator.submissions.records import Level, OrgCategory, OrgType
from generator.submissions.year import Year

LEVELS: tuple[Level, ...] = (Level.HTXSNV, Level.HTTNV, Level.HTNV, Level.KHTNV)
# RULES.md X4 not-rated columns (PENDING_RULESET only in a `pending` year)
NOT_RATED: tuple[NotRated, ...] = (
    NotRated.NEW_MEMBER,
    NotRated.EXEMPTED,
    NotRated.SUSPENDED,
    NotRated.NOT_REVIEWED,
    NotRated.PENDING_RULESET,
)
# what a site's statistics count: the X4 columns, and both reasons its reader may not read
# under one (NotRated.UNDISCLOSED, never in `kiemdiem stats` nor in an exchange file)
COUNTED_NOT_RATED: tuple[NotRated, ...] = (*NOT_RATED[:3], NotRated.UNDISCLOSED, *NOT_RATED[3:])
CATEGORIES: tuple[OrgCategory, ...] = tuple(OrgCategory)
# an organization's own verdict (`OrgStats.own`) besides a `NotRated` value and None
OWN_RATED = "xep_loai"
OWN_NOT_RATED = "khong_xep_loai"  # not rated, no reason given
OWN_UNKNOWN = "khong_ro"  # from a format-1 statistics file: rated or not, it does not tell


@dataclass
class Counts:
    by_level: dict[Level, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    not_rated: dict[NotRated, int] = field(
        default_factory=lambda: dict.fromkeys(COUNTED_NOT_RATED, 0)
    )
    rated: int = 0
    undecided: int = 0  # rated, level still provisional ("chưa quyết định")
    unassessed: int = 0  # rated, no level yet
    # of the rated without a decision, those the rules flag "cần quyết định" (Verdict.
    # needs_decision): the cases the deciding committee must judge; None: not known
    to_decide: int | None = 0
    total: int = 0

    def add(self, v: Verdict) -> None:
        self.total += 1
        if not v.rated:
            if v.not_rated is not None:
                self.not_rated[v.not_rated] += 1
            return
        self.rated += 1
        if v.needs_decision and v.provisional and self.to_decide is not None:
            self.to_decide += 1
        final = v.final
        if final is None:
            self.unassessed += 1
            return
        self.by_level[final] += 1
        if v.provisional:
            self.undecided += 1

    def merge(self, other: Counts) -> None:
        for lv in LEVELS:
            self.by_level[lv] += other.by_level[lv]
        for nr in COUNTED_NOT_RATED:
            self.not_rated[nr] += other.not_rated[nr]
        self.rated += other.rated
        self.undecided += other.undecided
        self.unassessed += other.unassessed
        if self.to_decide is not None:
            self.to_decide = None if other.to_decide is None else self.to_decide + other.to_decide
        self.total += other.total

    @property
    def with_level(self) -> int:
        return sum(self.by_level.values())

    def count(self, level: Level) -> int:
        return self.by_level[level]

    def share(self, level: Level) -> float:
        n = self.with_level
        return self.by_level[level] / n if n else 0.0

    @property
    def not_rated_total(self) -> int:
        return sum(self.not_rated.values())


@dataclass
class OrgStats:
    org_id: str
    name: str
    type: OrgType
    category: OrgCategory | None
    depth: int
    members: Counts
    level: Level | None
    provisional: bool
    own: str | None = OWN_UNKNOWN


@dataclass
class YearStatistics:
    year: int
    ruleset: str
    total: Counts
    orgs: list[OrgStats]
    by_category: dict[OrgCategory, Counts]
    org_levels: Counts
    previous: YearStatistics | None = None
    notes: list[str] = field(default_factory=list)
    # a site's statistics: some provisional level its reader may not read is counted as
    # without a level (`unassessed`), this year or the year before (generator.site.audiences)
    withheld: bool = False
    # quota pools a part of a split province counted and left to `kiemdiem rollup`
    # (generator/statistics/rollupquota.py), and after a merge the sources of each, by
    # `rollupquota.key(pool)`
    deferred: list[Any] = field(default_factory=list)
    deferred_sources: dict[str, list[str]] = field(default_factory=dict)

    def change(self, level: Level) -> float | None:
        """Share of `level` this year minus last year's, in percentage points."""
        if self.previous is None or not self.previous.total.with_level:
            return None
        if not self.total.with_level:  # e.g. a `pending` year: nothing rated yet
            return None
        return (self.total.share(level) - self.previous.total.share(level)) * 100

    def org(self, org_id: str) -> OrgStats | None:
        return next((o for o in self.orgs if o.org_id == org_id), None)


def own_verdict(v: Verdict | None) -> str | None:
    """`OrgStats.own` of an organization whose verdict is `v`."""
    if v is None:
        return None
    if v.rated:
        return OWN_RATED
    return v.not_rated.value if v.not_rated is not None else OWN_NOT_RATED


def _tree_order(year: Year) -> Iterable[tuple[str, int]]:
    root = year.root_id
    seen: set[str] = set()

    def walk(org_id: str, depth: int) -> Iterable[tuple[str, int]]:
        if org_id in seen or org_id not in year.orgs:
            return
        seen.add(org_id)
        yield org_id, depth
        for child in year.orgs[org_id].children:
            yield from walk(child, depth + 1)

    if root:
        yield from walk(root, 0)
    for org_id in year.orgs:
        yield from walk(org_id, 0)


def year_statistics(
    year: Year,
    verdicts: YearVerdicts,
    previous: tuple[Year, YearVerdicts] | None = None,
) -> YearStatistics:
    """Counts per organization (members below it), per category, and for the whole tree."""
    own: dict[str, Counts] = {org_id: Counts() for org_id in year.orgs}
    total = Counts()
    for v in verdicts.members.values():
        total.add(v)
        if v.org_id in own:
            own[v.org_id].add(v)
    below: dict[str, Counts] = {}

    def gather(org_id: str, stack: frozenset[str] = frozenset()) -> Counts:
        if org_id in below:
            return below[org_id]
        c = Counts()
        c.merge(own[org_id])
        for child in year.orgs[org_id].children:
            if child in year.orgs and child not in stack:
                c.merge(gather(child, stack | {org_id}))
        below[org_id] = c
        return c

    orgs: list[OrgStats] = []
    by_category = {cat: Counts() for cat in CATEGORIES}
    org_levels = Counts()
    for org_id, depth in _tree_order(year):
        org = year.orgs[org_id]
        ov = verdicts.orgs.get(org_id)
        counts = gather(org_id)
        orgs.append(
            OrgStats(
                org_id,
                org.name,
                org.type,
                org.category,
                depth,
                counts,
                ov.final if ov and ov.rated else None,
                bool(ov and ov.provisional),
                own_verdict(ov),
            )
        )
        if ov is not None:
            org_levels.add(ov)
        if org.type.is_grassroots:
            by_category[org.category or OrgCategory.KHAC].merge(counts)
    prev = year_statistics(*previous) if previous is not None else None
    stats = YearStatistics(year.year, verdicts.ruleset, total, orgs, by_category, org_levels, prev)
    stats.deferred = [p for p in verdicts.quota_pools if p.deferred]
    return stats
