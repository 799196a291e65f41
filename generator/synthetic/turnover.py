"""Members leaving and members admitted: who holds each member place in a synthetic year.

The structure (structure.py) makes member *places* — a chi bộ, a role and title, a seat in
its leadership — each held at first by a person admitted before FIRST_YEAR. Each year's
status draws (`draw_statuses`, from the year's seeded stream) make about 1.2% of the places
that are neither exempted nor a unit's head `new`: the person who held the place has left,
and a person admitted that year (July to November, so not rated: 132-M7, 124-M6) holds it
from then on, under a new id, until the place is drawn new again. So, as in real data
(generator/check/identity.py warns otherwise): a member's id, name, birth date and admission
date are the same in every year that has them; an id is never given to another person; a
member admitted in a year appears from that year on; and no two ids share a name, a birth
date and an admission date (facts.distinct_birth).

Generating year Y on its own replays the status draws of FIRST_YEAR..Y-1 (`replay`: one
pass over the places a year, no comparison of pairs) and draws the admitted people in order
of year from one stream (`newcomers`), so years generated separately agree with each other.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence

from generator.synthetic.facts import LEVELS, RANK, distinct_birth, person_name
from generator.synthetic.structure import FIRST_YEAR, Member, Person

NEW_SHARE = 0.012  # of the places neither exempted nor a head, admitted each year
# weights 13, 70, 15, 2 accumulated: `random.choices(LEVELS, weights)` with one draw
_CUMULATIVE = (13, 83, 98, 100)
_IDS = range(100_000, 1_000_000)  # dv-NNNNNN, as structure.py draws them


def draw_statuses(rng: random.Random, places: Sequence[Member], ruleset: str) -> None:
    """A year's status of each place's holder: new, suspended or exempted (not rated:
    132-M7, 124-M6), else an intended level and maybe months of sick leave."""
    draw = rng.random
    for m in places:
        m.new = not m.exempted and not m.head_of and draw() < NEW_SHARE
        suspended = not m.exempted and not m.new and draw() < 0.002
        m.status = "mien_sinh_hoat" if m.exempted else "dinh_chi" if suspended else "dang_sinh_hoat"
        m.level = (
            None
            if (m.exempted or m.new or suspended)
            else LEVELS[bisect(_CUMULATIVE, draw() * 100.0, 0, 3)]
        )
        m.sick = 0 if m.level is None or draw() >= 0.01 else rng.randint(3, 5)
        if m.sick and m.level and ruleset != "qd366-hd43" and RANK[m.level] > RANK["HTNV"]:
            m.level = "HTNV"  # sick leave of 3 months or more caps at HTNV (132-M6)


def replay(places: Sequence[Member], seed: int, year: int) -> list[tuple[int, list[int]]]:
    """The places drawn new in each year from FIRST_YEAR to the one before `year` (each
    year's stream replayed: the draws leave the places' statuses, which the year's own
    draws then replace)."""
    out = []
    for y in range(FIRST_YEAR, year):
        draw_statuses(random.Random(f"kiemdiem-year:{seed}:{y}"), places, "")
        out.append((y, [i for i, m in enumerate(places) if m.new]))
    return out


def newcomers(
    places: Sequence[Member], first: Sequence[Person], seed: int,
    history: Sequence[tuple[int, Sequence[int]]],
) -> dict[int, Person]:  # fmt: skip
    """The person admitted last into each place that `history` (years in order, each with
    the places drawn new that year) names; the places' first holders are `first`."""
    rng = random.Random(f"kiemdiem-admitted:{seed}")
    used = {int(p.id.removeprefix("dv-")) for p in first}
    # the newcomers' (name, birth, admission): a first holder, admitted before FIRST_YEAR,
    # never shares an admission date with one
    seen: set[tuple[str, str, str]] = set()
    out: dict[int, Person] = {}
    for y, admitted_places in history:
        for i in admitted_places:
            if len(used) >= len(_IDS):
                raise ValueError("no unused member id dv-NNNNNN is left")
            while (n := rng.randrange(_IDS.start, _IDS.stop)) in used:
                pass
            used.add(n)
            m = places[i]
            name = person_name(rng, m.female)
            age = rng.randint(56, 66) if m.role == "huu_tri" else rng.randint(20, 40)
            birth = f"{y - age}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            admitted = f"{y}-{rng.randint(7, 11):02d}-{rng.randint(1, 28):02d}"
            birth = distinct_birth(seen, name, birth, admitted)
            out[i] = Person(f"dv-{n:06d}", name, birth, admitted)
    return out


__all__ = ["NEW_SHARE", "draw_statuses", "newcomers", "replay"]
