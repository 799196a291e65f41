"""Statistics that do not name a person (statistical disclosure control, RULES.md X4).

On the whole-organization site a small count within one organization identifies people:
"đình chỉ: 1" in a chi bộ of 8 names the member to anyone who knows the chi bộ. So each
count of a level or of a not-rated reason that is above zero and below the year's threshold
(setting `nguong_an_so_lieu`, default 3) is shown as "< 3" there (primary suppression).

A hidden count must not come back by arithmetic from what the page shows (secondary
suppression, generator/privacy/suppress.py), so other cells are hidden with it and read
"ẩn" — never "< 3", which would be a false value for them:

- a row's cells add up to its total: a row with a hidden cell has at least one more, and
  shows no percentages (they give the row's denominator, hence the sum of its hidden cells);
- a parent organization's column is the sum of its children's (and of its own members,
  counted as known): a hidden cell of a child comes with a hidden sibling cell in the same
  column, or the parent's cell; the whole organization's row and the not-rated reasons
  under it are the sum of the top organizations;
- a category's row is the sum of its grassroots organizations' rows;
- bounds count too: two "< 3" that must add up to 2 are both 1, so such cells take a
  complement as well.

The whole page is planned at once (`Disclosure.plan`): the cells stay counted in every
total above, hidden again wherever the arithmetic would give them back. The comparison
with the year before uses that year's own plan, so both pages hide the same cells; a share
or a change in points is shown only where both years show the count. The organizations'
own levels ("Xếp loại tổ chức đảng") are exact: the table by organization names each
organization's level anyway, and they are not counts of people. The statistics page of
this site has no downloads (generator/site/downloads.py `statistics_downloads`).

The deciding committees' sites and `kiemdiem stats` keep exact counts: they report upward.

The count "Trong đó cần quyết định" (`Counts.to_decide`, `TO_DECIDE`) is suppressed
likewise: in no row's sum, but in every column's (an organization's is its sub-
organizations' and its own members'). A hidden one alone hides no percentage.

Why a member is not rated is counted before suppression as this site's reader may read it:
exempted and suspended together, in one row (NotRated.UNDISCLOSED, generator.privacy.
verdicts.counted_as_read), which the suppression above treats as any other reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final, cast

from generator.privacy import Scope
from generator.privacy.suppress import Equation, Var, protect
from generator.privacy.verdicts import NOT_RATED_SCOPES
from generator.rules.base import NotRated
from generator.statistics import COUNTED_NOT_RATED, LEVELS, Counts, YearStatistics
from generator.submissions.records import Level, OrgCategory

DEFAULT_THRESHOLD = 3
SETTING = "nguong_an_so_lieu"
HIDDEN_LABEL: Final = "ẩn"  # a complement: hidden so that a small count cannot be worked out


class _NotRatedTotal:
    """The column "Không xếp loại" (all reasons) of a row by organization or category."""

    def __repr__(self) -> str:
        return "NOT_RATED_TOTAL"


NOT_RATED_TOTAL: Final = _NotRatedTotal()


class _ToDecide:
    """The column "Trong đó cần quyết định" (`Counts.to_decide`): part of no row's sum,
    but each organization's is its sub-organizations' and its own members'."""

    def __repr__(self) -> str:
        return "TO_DECIDE"


TO_DECIDE: Final = _ToDecide()
Cell = Level | NotRated | _NotRatedTotal | _ToDecide
ROW_CELLS: tuple[Cell, ...] = (*LEVELS, NOT_RATED_TOTAL)
# a row's plan: cell -> True (small, "< k") or False (complement, "ẩn")
RowPlan = Mapping[Cell, bool]


@dataclass(frozen=True)
class Disclosure:
    """Which counts of a statistics page are shown, for one threshold."""

    threshold: int = DEFAULT_THRESHOLD
    # plans already worked out, by identity of the YearStatistics (kept alive here)
    _plans: dict[int, tuple[object, dict[int, RowPlan]]] = field(
        default_factory=dict, compare=False
    )

    def plan(self, stats: YearStatistics | None) -> dict[int, RowPlan]:
        """Every row of `stats` (and of the year before), by identity of its Counts."""
        if stats is None:
            return {}
        key = id(stats)
        if key not in self._plans:
            self._plans[key] = (stats, page_plan(stats, self.threshold))
        return self._plans[key][1]

    def row(self, counts: Counts, stats: YearStatistics | None = None) -> RowPlan:
        plan = self.plan(stats).get(id(counts))
        return plan if plan is not None else row_plan(counts, self.threshold)

    def hidden(self, counts: Counts, stats: YearStatistics | None = None) -> frozenset[Cell]:
        return frozenset(self.row(counts, stats))

    def show(self, counts: Counts, cell: Cell, stats: YearStatistics | None = None) -> str:
        """The count of `cell` as the page shows it: the number, "< k" or "ẩn"."""
        small = self.row(counts, stats).get(cell)
        if small is None:
            return str(_value(counts, cell))
        return f"< {self.threshold}" if small else HIDDEN_LABEL

    def show_not_rated_total(self, counts: Counts, stats: YearStatistics | None = None) -> str:
        return self.show(counts, NOT_RATED_TOTAL, stats)


def _value(counts: Counts, cell: Cell) -> int:
    if cell is TO_DECIDE:
        return counts.to_decide or 0  # unknown only in a rollup, never on a site
    if isinstance(cell, Level):
        return counts.by_level[cell]
    if isinstance(cell, NotRated):
        return counts.not_rated[cell]
    return counts.not_rated_total


def hidden_cells(counts: Counts, threshold: int) -> frozenset[Cell]:
    """The cells of one row alone to hide (a row not on a planned page)."""
    return frozenset(row_plan(counts, threshold))


def reasons(counts: Counts) -> tuple[NotRated, ...]:
    """The not-rated reasons of a row that are cells of this site's page: those everyone
    may read, exempted and suspended only where counted apart — never here, where they are
    counted together (NotRated.UNDISCLOSED, generator.privacy.verdicts.counted_as_read):
    a cell that is always 0 is no complement to hide ("ẩn" beside a count of both would
    read as if part of them were counted apart)."""
    return tuple(
        nr
        for nr in COUNTED_NOT_RATED
        if NOT_RATED_SCOPES[nr] <= Scope.TO_CHUC or counts.not_rated[nr]
    )


def row_plan(counts: Counts, threshold: int) -> RowPlan:
    """One row alone: its levels and not-rated reasons add up to its shown total."""
    cells: tuple[Cell, ...] = (*LEVELS, *reasons(counts))
    values: dict[Var, int] = {c: _value(counts, c) for c in cells}
    hidden = protect(values, [Equation(dict.fromkeys(cells, 1))], threshold)
    out: dict[Cell, bool] = {c: hidden[c] for c in cells if c in hidden}
    if 0 < _value(counts, TO_DECIDE) < threshold:  # in no sum of the row: alone
        out[TO_DECIDE] = True
    return out


class _Page:
    """The cells of one statistics page and the sums its reader knows."""

    def __init__(self) -> None:
        self.values: dict[Var, int] = {}
        self.equations: list[Equation] = []
        self.rows: dict[str, Counts] = {}

    def row(self, key: str, counts: Counts, cells: tuple[Cell, ...]) -> None:
        """A row whose `cells` add up to a number the page shows (its total), and its
        count "Trong đó cần quyết định", in no such sum (only in `column_sum`s)."""
        self.rows[key] = counts
        self.values.update({(key, c): _value(counts, c) for c in (*cells, TO_DECIDE)})
        self.equations.append(Equation(dict.fromkeys([(key, c) for c in cells], 1)))

    def column_sum(self, top: str, parts: list[str], cells: tuple[Cell, ...], last: bool) -> None:
        """top's cell = the parts' cells + a known rest, column by column; `last`: hide
        top's cell only when no part's cell can be hidden instead."""
        for c in cells:
            coefs: dict[Var, int] = {(top, c): 1}
            coefs.update({(p, c): -1 for p in parts})
            spare = [(top, c)] if last else [(p, c) for p in parts]
            self.equations.append(Equation(coefs, frozenset(spare)))


def page_plan(stats: YearStatistics, threshold: int) -> dict[int, RowPlan]:
    """The hidden cells of every row of the statistics page of `stats` (see the module)."""
    page = _Page()
    tops = _organizations(stats, page)
    # the whole organization: levels add up to "Được xếp loại", reasons to the rest
    page.rows["t"] = stats.total
    why = reasons(stats.total)
    whole: tuple[Cell, ...] = (*LEVELS, *why, TO_DECIDE)
    page.values.update({("t", c): _value(stats.total, c) for c in whole})
    page.equations.append(Equation(dict.fromkeys([("t", lv) for lv in LEVELS], 1)))
    page.equations.append(Equation(dict.fromkeys([("t", nr) for nr in why], 1)))
    if tops:
        page.column_sum("t", tops, (*LEVELS, TO_DECIDE), last=True)
        coefs: dict[Var, int] = {("t", nr): 1 for nr in why}
        coefs.update({(k, NOT_RATED_TOTAL): -1 for k in tops})
        spare = frozenset(("t", nr) for nr in why)
        page.equations.append(Equation(coefs, spare))
    _categories(stats, page)
    hidden = protect(page.values, page.equations, threshold)
    plan: dict[int, dict[Cell, bool]] = {id(c): {} for c in page.rows.values()}
    for var, small in hidden.items():
        key, cell = cast(tuple[str, Cell], var)
        plan[id(page.rows[key])][cell] = small
    plan[id(stats.org_levels)] = {}  # organizations' levels, listed by name anyway
    out: dict[int, RowPlan] = dict(plan)
    if stats.previous is not None:  # the year before as its own page hides it
        out.update(page_plan(stats.previous, threshold))
    return out


def _organizations(stats: YearStatistics, page: _Page) -> list[str]:
    """The table by organization (tree order, parents first); the keys of the top rows."""
    path: list[str] = []
    tops: list[str] = []
    children: dict[str, list[str]] = {}
    for i, o in enumerate(stats.orgs):
        key = f"o{i}"
        page.row(key, o.members, ROW_CELLS)
        del path[o.depth :]
        (children.setdefault(path[-1], []) if path else tops).append(key)
        path.append(key)
    for parent, kids in children.items():
        page.column_sum(parent, kids, (*ROW_CELLS, TO_DECIDE), last=True)
    return tops


def _categories(stats: YearStatistics, page: _Page) -> None:
    """A category's row is the sum of its grassroots organizations' rows."""
    members: dict[OrgCategory, list[str]] = {}
    for i, o in enumerate(stats.orgs):
        if o.type.is_grassroots:
            members.setdefault(o.category or OrgCategory.KHAC, []).append(f"o{i}")
    for j, (cat, counts) in enumerate(stats.by_category.items()):
        if counts.total:
            page.row(f"c{j}", counts, ROW_CELLS)
            page.column_sum(f"c{j}", members.get(cat, []), ROW_CELLS, last=False)
