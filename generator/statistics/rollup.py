"""One province's statistics from many repositories, without personal data (issue 11).

A province that keeps its records in several repositories (e.g. one per đảng bộ xã) still
reports as one. Each repository exports its year's statistics as a statistics-only JSON
file (`kiemdiem rollup --export -o xa-a.json`); the province merges those files
(`kiemdiem rollup xa-a.json xa-b.json ... --format xlsx -o tinh.xlsx`).

    data = export(stats)            # a repository's YearStatistics -> the exchange mapping
    stats = read(data, "xa-a.json")  # and back (RollupError, Vietnamese); a file is checked
                                     # first by generator/statistics/exchange.py
    merged = merge([a, b, ...])      # one YearStatistics: the same sheet as `kiemdiem stats`

(`read` and the formats live in rollupread.py, `merge` in rollupmerge.py; both are
re-exported here.)

The exchange holds counts and organizations (id, name, type, category, depth, own level)
and nothing else: no member id, name or review text has a field to travel in, and `read`
refuses any field it does not know, so a file that carries more is not merged.
Organizations with the same id in several files (a shared root) are counted once, with
their members summed, their own level counted once among the organizations' levels, and
the sub-organizations of every file under them (tree order, depth of the merged tree): what
`merge` makes passes the checks of a statistics file, so a rollup can be rolled up again.

Format versions (`dinh_dang`). `export` writes format 2; `read` takes 1 and 2.

- kiemdiem-thong-ke/2 keeps each organization's own verdict in this repository
  (`danh_gia`: "xep_loai", the reason it was not rated, "khong_xep_loai" with no reason,
  null when it has none here, "khong_ro" when a rollup of format-1 files did not know),
  so an organization two sources share is counted once among the organizations' levels
  whether it was rated or not (generator/statistics/sharedorgs.py).
- kiemdiem-thong-ke/1 (before) has no `danh_gia`: a row without a level cannot tell "not
  rated" from "no verdict of its own". Read as `OWN_UNKNOWN` (unless the file counts no
  organization not rated), such a shared organization stays counted in each source as
  before, and the merged statistics carry a Vietnamese note saying so (`notes`).

Either format may carry `trong_do_can_quyet_dinh` in a row of counts (`Counts.to_decide`:
of the rated without a decision, those the rules flag "cần quyết định"). It is optional,
so the format keeps its id: a file written before it existed reads as not knowing it
(None), a rollup of such a file leaves it unknown in every row that sums it — never 0 —
and says so in a note (rollupmerge.py), and its own export leaves the field out again.
(A kiemdiem older than the field refuses a file that has it, as any field it does not
know: a province merges with a kiemdiem at least as new as its sources'.)

Either format may carry `ty_le_cho_tong_hop`: the counts of a quota pool a part of a split
province left to the rollup (366-M6; generator/statistics/rollupquota.py). Only such a
part writes it; a file without it adds nothing to such a pool.
"""

from __future__ import annotations

from typing import Any

from generator.rules.base import NotRated
from generator.statistics import CATEGORIES, LEVELS, NOT_RATED, Counts, YearStatistics, rollupquota
from generator.statistics.rollupmerge import merge
from generator.statistics.rollupread import FORMAT, FORMAT_1, TO_DECIDE, RollupError, read
from generator.statistics.sharedorgs import Disagreement, own


def _counts(c: Counts) -> dict[str, Any]:
    out: dict[str, Any] = {
        "muc": {lv.code: c.by_level[lv] for lv in LEVELS},
        "khong_xep_loai": {nr.value: c.not_rated[nr] for nr in NOT_RATED},
        "duoc_xep_loai": c.rated,
        "chua_quyet_dinh": c.undecided,
        "can_quyet_dinh": c.unassessed,
    }
    if c.to_decide is not None:  # unknown (a rollup of older files): left out, read as such
        out[TO_DECIDE] = c.to_decide
    out["tong"] = c.total
    return out


def export(stats: YearStatistics) -> dict[str, Any]:
    """The statistics-only exchange mapping of one year (and of the year before, if known)."""
    data: dict[str, Any] = {
        "dinh_dang": FORMAT,
        "nam": stats.year,
        "bo_quy_tac": stats.ruleset,
        "tong": _counts(stats.total),
        "to_chuc": [
            {
                "ma": o.org_id,
                "ten": o.name,
                "loai": o.type.value,
                "phan_loai": o.category.value if o.category else None,
                "cap": o.depth,
                "dang_vien": _counts(o.members),
                "xep_loai": o.level.code if o.level else None,
                "tam_tinh": o.provisional,
                "danh_gia": own(o),
            }
            for o in stats.orgs
        ],
        "phan_loai": {cat.value: _counts(stats.by_category[cat]) for cat in CATEGORIES},
        "xep_loai_to_chuc": _counts(stats.org_levels),
    }
    if stats.deferred:  # a part of a split province (366-M6): rollupquota.py
        data[rollupquota.FIELD] = rollupquota.rows(stats.deferred)
    if stats.previous is not None:
        data["nam_truoc"] = export(stats.previous)
    return data


__all__ = [
    "FORMAT",
    "FORMAT_1",
    "Disagreement",
    "NotRated",
    "RollupError",
    "export",
    "merge",
    "read",
]
