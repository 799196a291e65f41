"""Cell suppression over tables that add up (statistical disclosure control, RULES.md X4).

A page of statistics is a set of cells (`Var`) with true values, and a set of sums the
reader knows (`Equation`): a row's cells add up to its shown total, a parent organization's
column is the sum of its children's, a category's is the sum of its organizations'. A
hidden cell is worth hiding only if no such sum gives it back:

    hidden = protect(values, equations, threshold)   # cell -> True: small, False: complement

`protect` hides every cell above 0 and below the threshold (primary), then, while `pinned`
finds a hidden cell the reader could work out, hides one more cell of a sum it is in
(complementary): a shown cell of the same row or a sibling of the same column first, the
parent's cell only when no sibling can, the smallest count above the threshold before
smaller ones (a complement of exactly the threshold leaves "< 3" + it = 4 pinning the 1),
and a 0 only when nothing else is left.

`pinned` is the reader's arithmetic: linear algebra over the sums (a cell is found when a
combination of the sums isolates it) and the bounds the labels give (a small cell is 1 ..
threshold-1, a complement 0 or more), narrowed sum by sum until nothing changes.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

Var = Hashable
TRIES = 3  # complements tried for each hidden cell the reader could work out
# Above this many cells (a page of ~100 organizations) the reader's arithmetic is not
# solved: its cost grows much faster than the page. Measured: a district's page (207
# organizations, 1,074 cells) took 5.0 s CPU to solve against 0.02 s for the rule below,
# every build of its year; a 100,000-member province's page (5,814 organizations) ran for
# minutes, against 0.7 s. Such a page gets the row-and-column rule alone (`_close_sums`):
# no sum with exactly one hidden cell, nor with small ones only, the classic protection
# against subtraction, not a proof against every combination of sums (on the district's
# page it hides 557 cells where solving hides 665).
MAX_SOLVED = 600


@dataclass(frozen=True)
class Equation:
    """sum(coefficient * value) over `coefs` is known to the reader."""

    coefs: Mapping[Var, int]
    # cells to hide here only when no other cell can (the parent's cell of a column)
    last: frozenset[Var] = field(default_factory=frozenset)


def protect(
    values: Mapping[Var, int], equations: Sequence[Equation], threshold: int
) -> dict[Var, bool]:
    """The cells to hide: True for a small count, False for a complement."""
    hidden = {v: True for v, n in values.items() if 0 < n < threshold}
    order = {v: i for i, v in enumerate(values)}
    by_var: dict[Var, list[Equation]] = {}
    for eq in equations:
        for v in eq.coefs:
            by_var.setdefault(v, []).append(eq)
    if len(values) > MAX_SOLVED:  # a province's page: the row-and-column rule alone
        _close_sums(equations, by_var, values, hidden, threshold, order, set())
        return hidden
    # cells the shown totals give even with every count hidden (a chi bộ of 2 members,
    # both not rated): no complement helps them, and hiding more would only blank the page
    everything = {v: 0 < n < threshold for v, n in values.items()}
    stuck = pinned(values, equations, everything, threshold)
    _close_sums(equations, by_var, values, hidden, threshold, order, stuck)
    leaks = pinned(values, equations, hidden, threshold) - stuck
    while leaks:
        leak = max(leaks, key=order.__getitem__)  # the deepest first: its parents follow
        before = set(hidden)
        extra = _complement(leak, by_var, values, hidden, threshold, order)
        if extra is None:
            stuck.add(leak)  # nothing left to hide with it: the sums themselves tell
            leaks.discard(leak)
            continue
        hidden[extra] = False
        _close_sums(equations, by_var, values, hidden, threshold, order, stuck)
        # only the sums linked to what changed can tell anything new
        near = _linked({leak, *(set(hidden) - before)}, by_var, hidden)
        inside = {v for eq in near for v in eq.coefs if v in hidden}
        leaks = (leaks - inside) | (pinned(values, near, hidden, threshold) - stuck)
    return hidden


def _linked(
    start: set[Var], by_var: Mapping[Var, list[Equation]], hidden: Mapping[Var, bool]
) -> list[Equation]:
    """The sums reachable from `start` through hidden cells (one reader's puzzle)."""
    seen: dict[int, Equation] = {}
    todo, done = list(start), set(start)
    while todo:
        for eq in by_var.get(todo.pop(), []):
            if id(eq) in seen:
                continue
            seen[id(eq)] = eq
            for u in eq.coefs:
                if u in hidden and u not in done:
                    done.add(u)
                    todo.append(u)
    return list(seen.values())


def _close_sums(
    equations: Sequence[Equation],
    by_var: Mapping[Var, list[Equation]],
    values: Mapping[Var, int],
    hidden: dict[Var, bool],
    threshold: int,
    order: Mapping[Var, int],
    stuck: set[Var],
) -> None:
    """The row-and-column rule: no sum may have exactly one hidden cell, nor only small
    ones (but cells that nothing can protect)."""
    changed = True
    while changed:
        changed = False
        for eq in equations:
            inside = [v for v in eq.coefs if v in hidden]
            # one hidden cell comes back by subtraction; only small ones ("< 3" + "< 3"
            # = 2) come back by their bounds: each sum keeps a complement too
            alone = len(inside) == 1 or all(hidden[v] for v in inside)
            if not inside or not alone or all(v in stuck for v in inside):
                continue
            best = _ranked(eq, by_var, values, hidden, threshold, order)
            if best:
                hidden[min(best, key=best.__getitem__)] = False
                changed = True


def _ranked(
    eq: Equation,
    by_var: Mapping[Var, list[Equation]],
    values: Mapping[Var, int],
    hidden: Mapping[Var, bool],
    threshold: int,
    order: Mapping[Var, int],
) -> dict[Var, tuple[int, ...]]:
    """The shown cells of `eq`, best complement first by key."""
    unknown = sum(1 for v in eq.coefs if v in hidden)
    ranked: dict[Var, tuple[int, ...]] = {}
    for v in eq.coefs:
        if v in hidden:
            continue
        n = values[v]
        # a cell whose other sums already hide one closes a rectangle: it protects
        # without starting a new chain of complements
        linked = sum(1 for e in by_var[v] if e is not eq and any(u in hidden for u in e.coefs))
        ranked[v] = (v in eq.last, n == 0, -linked, n <= threshold, unknown, n, order[v])
    return ranked


def _complement(
    leak: Var,
    by_var: Mapping[Var, list[Equation]],
    values: Mapping[Var, int],
    hidden: Mapping[Var, bool],
    threshold: int,
    order: Mapping[Var, int],
) -> Var | None:
    """The cell to hide with `leak`: of the few likeliest, the one after which the reader
    can work out the fewest hidden cells."""
    ranked: dict[Var, tuple[int, ...]] = {}
    for eq in by_var.get(leak, []):
        for v, key in _ranked(eq, by_var, values, hidden, threshold, order).items():
            ranked[v] = min(key, ranked.get(v, key))
    if not ranked:
        return None
    tried = sorted(ranked, key=ranked.__getitem__)[:TRIES]
    trial = dict(hidden)

    def after(v: Var) -> tuple[int, bool, tuple[int, ...]]:
        trial[v] = False
        left = pinned(values, _linked({leak, v}, by_var, trial), trial, threshold)
        del trial[v]
        return (len(left), leak in left, ranked[v])

    return min(tried, key=after)


def pinned(
    values: Mapping[Var, int],
    equations: Sequence[Equation],
    hidden: Mapping[Var, bool],
    threshold: int,
) -> set[Var]:
    """The hidden cells a reader can work out from the shown cells and the sums."""
    rows = [{v: c for v, c in eq.coefs.items() if v in hidden} for eq in equations]
    rows = [r for r in rows if r]
    return _solved(rows) | _bounded(rows, values, hidden, threshold)


_PRIME = (1 << 61) - 1  # the sums' coefficients are small: no false result in practice


def _solved(rows: list[dict[Var, int]]) -> set[Var]:
    """Cells a combination of the sums isolates (Gauss-Jordan over the hidden cells,
    modulo a large prime)."""
    basis: dict[Var, dict[Var, int]] = {}  # pivot cell -> reduced row (pivot 1)
    uses: dict[Var, set[Var]] = {}  # cell -> pivots whose rows hold it
    for row in rows:
        r = {v: c % _PRIME for v, c in row.items()}
        for pivot in [v for v in r if v in basis]:
            f = r.get(pivot)
            if f:
                for v, c in basis[pivot].items():
                    r[v] = (r.get(v, 0) - f * c) % _PRIME
        r = {v: c for v, c in r.items() if c}
        if not r:
            continue
        pivot = next(iter(r))
        inv = pow(r[pivot], -1, _PRIME)
        r = {v: c * inv % _PRIME for v, c in r.items()}
        for p in list(uses.get(pivot, ())):
            b = basis[p]
            f = b.get(pivot)
            if not f:
                continue
            for v, c in r.items():
                b[v] = (b.get(v, 0) - f * c) % _PRIME
                if b[v]:
                    uses.setdefault(v, set()).add(p)
                else:
                    del b[v]
                    uses[v].discard(p)
        basis[pivot] = r
        for v in r:
            uses.setdefault(v, set()).add(pivot)
    return {p for p, b in basis.items() if len(b) == 1}


def _bounded(
    rows: list[dict[Var, int]],
    values: Mapping[Var, int],
    hidden: Mapping[Var, bool],
    threshold: int,
) -> set[Var]:
    """Cells whose range, narrowed sum by sum from the labels' bounds, is one number."""
    top = sum(values.values())
    cells = {v for r in rows for v in r}
    lo = {v: 1 if hidden[v] else 0 for v in cells}
    hi = {v: threshold - 1 if hidden[v] else top for v in cells}
    sums = [sum(c * values[v] for v, c in r.items()) for r in rows]
    of: dict[Var, list[int]] = {}
    for i, r in enumerate(rows):
        for v in r:
            of.setdefault(v, []).append(i)
    todo, queued = list(range(len(rows))), set(range(len(rows)))
    steps = 0
    while todo and steps < 50 * len(rows):
        steps += 1
        i = todo.pop()
        queued.discard(i)
        r, s = rows[i], sums[i]
        # each term c*v within [tl, th]; c*v = s - (the other terms)
        terms = {
            v: (c * lo[v], c * hi[v]) if c > 0 else (c * hi[v], c * lo[v]) for v, c in r.items()
        }
        low = sum(t[0] for t in terms.values())
        high = sum(t[1] for t in terms.values())
        for v, c in r.items():
            tl, th = terms[v]
            a, b = s - (high - th), s - (low - tl)
            new_lo, new_hi = (a // c, b // c) if c > 0 else (b // c, a // c)
            if new_lo > lo[v] or new_hi < hi[v]:
                lo[v], hi[v] = max(lo[v], new_lo), min(hi[v], new_hi)
                for j in of[v]:
                    if j not in queued:
                        queued.add(j)
                        todo.append(j)
    return {v for v in cells if lo[v] >= hi[v]}
