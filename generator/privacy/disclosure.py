"""Statistics that do not name a person (statistical disclosure control).

On the whole-organization site a small count within one organization identifies people:
"đình chỉ: 1" in a chi bộ of 8 names the member to anyone who knows the chi bộ. So each
count of a level or of a not-rated reason that is above zero and below the year's threshold
(setting `nguong_an_so_lieu`, default 3) is shown as "< 3" there (primary suppression).
Where a row has exactly one such cell, the row's total and its other cells would give it
back by subtraction, so the smallest other non-zero cell of that row is hidden too
(secondary suppression). The cells stay counted in every total above: the parent
organization's row shows them rolled up, hidden again only if that count is small too.

The deciding committees' sites and `kiemdiem stats` keep exact counts: they report upward.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.rules.base import NotRated
from generator.statistics import LEVELS, NOT_RATED, Counts
from generator.submissions.records import Level

DEFAULT_THRESHOLD = 3
SETTING = "nguong_an_so_lieu"

Cell = Level | NotRated


@dataclass(frozen=True)
class Disclosure:
    """Which counts of a `Counts` row are shown, for one threshold."""

    threshold: int = DEFAULT_THRESHOLD
    # rows already worked out, by identity of the Counts object
    _hidden: dict[int, frozenset[Cell]] = field(default_factory=dict, compare=False)

    def hidden(self, counts: Counts) -> frozenset[Cell]:
        key = id(counts)
        if key not in self._hidden:
            self._hidden[key] = hidden_cells(counts, self.threshold)
        return self._hidden[key]

    def show(self, counts: Counts, cell: Cell) -> str:
        """The count of `cell` as the page shows it: the number, or "< k"."""
        n = counts.by_level[cell] if isinstance(cell, Level) else counts.not_rated[cell]
        return f"< {self.threshold}" if cell in self.hidden(counts) else str(n)

    def show_not_rated_total(self, counts: Counts) -> str:
        hidden = self.hidden(counts)
        if any(nr in hidden for nr in NOT_RATED):
            n = counts.not_rated_total
            return f"< {self.threshold}" if n < self.threshold else f"≥ {self.threshold}"
        return str(counts.not_rated_total)


def hidden_cells(counts: Counts, threshold: int) -> frozenset[Cell]:
    """The cells of one row to hide: primary (0 < n < threshold) and secondary."""
    values: dict[Cell, int] = {lv: counts.by_level[lv] for lv in LEVELS}
    values.update({nr: counts.not_rated[nr] for nr in NOT_RATED})
    primary = {c for c, n in values.items() if 0 < n < threshold}
    if len(primary) == 1:
        others = [(n, i, c) for i, (c, n) in enumerate(values.items()) if n and c not in primary]
        if others:
            primary.add(min(others)[2])
    return frozenset(primary)
