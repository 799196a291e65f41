"""One year's statistics from several sources' (generator/statistics/rollup.py): `merge`
sums the counts, counts an organization two sources share once, and puts every source's
sub-organizations under it in tree order.

    merged = merge([a, b, ...])      # one YearStatistics: the same sheet as `kiemdiem stats`
"""

from __future__ import annotations

from typing import Any

from generator.statistics import (
    CATEGORIES,
    OWN_UNKNOWN,
    Counts,
    OrgStats,
    YearStatistics,
    rollupquota,
)
from generator.statistics.rollupread import RollupError
from generator.statistics.sharedorgs import (
    Disagreement,
    agree,
    contribution,
    described,
    differing_field,
    known_once,
    own,
    subtract,
    to_decide_notes,
    unknown_note,
)


def _sum(parts: list[Counts]) -> Counts:
    total = Counts()
    for c in parts:
        total.merge(c)
    return total


class RulesetMismatch(RollupError):
    """Source `index` counts by another ruleset than the first source: its levels mean other
    things, so they are not summed (the command tells both places, generator.commands.rollup)."""

    def __init__(self, index: int, ruleset: str, first: str) -> None:
        super().__init__(f"bộ quy tắc {ruleset} khác {first}")
        self.index, self.ruleset, self.first = index, ruleset, first


def _same_year(parts: list[YearStatistics], names: list[str]) -> None:
    first = parts[0]
    for index, (stats, name) in enumerate(zip(parts, names, strict=True)):
        if stats.year != first.year:
            raise RollupError(
                f"{name}: năm {stats.year} khác năm {first.year} của {names[0]}; "
                "chỉ tổng hợp các tệp của cùng một năm."
            )
        if stats.ruleset != first.ruleset:
            raise RulesetMismatch(index, stats.ruleset, first.ruleset)


def _check_agree(
    rows: list[tuple[int, int, OrgStats]], i: int, j: int, o: OrgStats, at: tuple[Any, ...]
) -> None:
    """Disagreement when `o` (source i, row j) says another own verdict than an earlier
    source's row of the same organization: the merged totals would keep one silently."""
    for k, m, earlier in rows:
        if not agree(earlier, o):
            places = [
                (k, (*at, "to_chuc", m, differing_field(earlier, o)), described(earlier)),
                (i, (*at, "to_chuc", j, differing_field(o, earlier)), described(o)),
            ]
            raise Disagreement(o, 0, places)


def _merge_orgs(
    parts: list[YearStatistics], names: list[str], at: tuple[Any, ...] = ()
) -> tuple[dict[str, OrgStats], Counts, list[str]]:
    """The organizations of all sources by id (members of one in several sources summed),
    the organization levels counted more than once, and the notes on those a format-1
    source leaves unknown (sharedorgs)."""
    orgs: dict[str, OrgStats] = {}
    shared = Counts()  # organizations counted in more than one file's organization levels
    holder: dict[str, int] = {}  # an organization holding members -> the source it is in
    where: dict[str, list[str]] = {}  # an organization -> the sources it is in
    unknown: set[str] = set()  # shared organizations a format-1 source leaves unknown
    rows: dict[str, list[tuple[int, int, OrgStats]]] = {}  # (source, row, row's stats)
    for i, (stats, name) in enumerate(zip(parts, names, strict=True)):
        for j, o in enumerate(stats.orgs):
            if o.type.holds_members:
                # only the organizations above the split (the province, a đảng bộ over
                # several repositories) may be in several sources: a chi bộ's members
                # would be counted twice (the same source given twice, a repository
                # and its own export, two copies of one đảng bộ xã)
                first = holder.setdefault(o.org_id, i)
                if first != i:
                    other = "nguồn trước đó trùng tên" if names[first] == name else names[first]
                    raise RollupError(
                        f"{name}: {o.name} ({o.org_id}) đã có trong {other}; mỗi chi bộ "
                        "chỉ được tính ở một nguồn, nên tổng hợp sẽ đếm trùng đảng viên. "
                        "Hãy ghi mỗi kho (hoặc tệp xuất của nó) một lần trong lệnh."
                    )
            seen = orgs.get(o.org_id)
            where.setdefault(o.org_id, []).append(name)
            _check_agree(rows.setdefault(o.org_id, []), i, j, o, at)
            rows[o.org_id].append((i, j, o))
            if seen is None:
                orgs[o.org_id] = OrgStats(
                    o.org_id, o.name, o.type, o.category, o.depth, _sum([o.members]),
                    o.level, o.provisional, own(o),
                )  # fmt: skip
                continue
            # an organization above the split, shared by several sources: its members are
            # summed, its own verdict counted once (when the sources' formats tell it)
            seen.members.merge(o.members)
            if known_once(seen, o):
                shared.merge(contribution(o))
            else:
                seen.own = OWN_UNKNOWN
                unknown.add(o.org_id)
    year = parts[0].year
    notes = [unknown_note(orgs[i], where[i], year) for i in orgs if i in unknown]
    return orgs, shared, notes


def _parents(orgs: list[OrgStats]) -> dict[str, str | None]:
    """Each organization's parent in one source's tree order (the one before it a level up)."""
    above: list[str] = []
    out: dict[str, str | None] = {}
    for o in orgs:
        del above[o.depth :]
        out[o.org_id] = above[-1] if above else None
        above.append(o.org_id)
    return out


def _tree_order(parts: list[YearStatistics], orgs: dict[str, OrgStats]) -> list[OrgStats]:
    """The merged organizations parents first, each followed by all of its sub-organizations
    from every source (an organization two sources share keeps the subtrees of both under
    it), siblings by id, with the depth of the merged tree."""
    parent: dict[str, str | None] = {}
    for stats in parts:
        for org_id, above in _parents(stats.orgs).items():
            parent.setdefault(org_id, above)
    children: dict[str | None, list[str]] = {}
    for org_id in orgs:
        children.setdefault(parent.get(org_id), []).append(org_id)
    # siblings by id, as one repository lists them (its walk's sorted folder names, and an
    # organization's id is its folder's name): the sheet is the unsplit one's whatever the
    # order the sources were given in
    for kids in children.values():
        kids.sort()
    out: list[OrgStats] = []
    placed: set[str] = set()
    for top in [*children.get(None, []), *orgs]:  # then any left out of the tree, on top
        stack = [(top, 0)]
        while stack:
            org_id, depth = stack.pop()
            if org_id in placed:
                continue
            placed.add(org_id)
            orgs[org_id].depth = depth
            out.append(orgs[org_id])
            stack.extend((c, depth + 1) for c in reversed(children.get(org_id, [])))
    return out


def merge(
    parts: list[YearStatistics], sources: list[str] | None = None, at: tuple[Any, ...] = ()
) -> YearStatistics:
    """One year's statistics from several repositories' (same year, same ruleset); `at`
    is the path of these statistics in a source's file (("nam_truoc",) for the year
    before). Sources that disagree on a shared organization's own verdict raise
    `Disagreement` (the command tells both values at their line and column)."""
    names = sources or [str(i + 1) for i in range(len(parts))]
    if not parts:
        raise RollupError("Không có tệp thống kê nào để tổng hợp.")
    _same_year(parts, names)
    try:
        orgs, shared, notes = _merge_orgs(parts, names, at)
    except Disagreement as exc:
        exc.year = parts[0].year
        raise
    merged = YearStatistics(
        year=parts[0].year,
        ruleset=parts[0].ruleset,
        total=_sum([s.total for s in parts]),
        orgs=_tree_order(parts, orgs),
        by_category={c: _sum([s.by_category[c] for s in parts]) for c in CATEGORIES},
        org_levels=_sum([s.org_levels for s in parts]),
        notes=[n for s in parts for n in s.notes] + notes,
    )
    subtract(merged.org_levels, shared)
    merged.notes += to_decide_notes(merged, parts, names)
    try:  # a split province's pools left to the rollup (366-M6)
        merged.deferred, merged.deferred_sources = rollupquota.merge_pools(
            [s.deferred for s in parts], names
        )
    except rollupquota.PoolError as exc:
        raise RollupError(str(exc)) from None
    earlier = [s.previous for s in parts]
    if all(p is not None for p in earlier):
        merged.previous = merge([p for p in earlier if p is not None], names, (*at, "nam_truoc"))
        merged.notes = list(dict.fromkeys(merged.notes + merged.previous.notes))
    return merged
