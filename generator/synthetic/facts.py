"""Facts that support a chosen level under each ruleset (RULES.md §2–§4), and small helpers."""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import cache
from typing import Any

from generator.rules.criteria import ORG_CRITERIA, Criterion
from generator.rules.registry import REGISTRY
from generator.synthetic.vocab import (
    FAMILY_NAMES,
    GIVEN_FEMALE,
    GIVEN_MALE,
    MIDDLE_FEMALE,
    MIDDLE_MALE,
)
from generator.vietnamese import fold

LEVELS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")  # best first
RANK = {"KHTNV": 1, "HTNV": 2, "HTTNV": 3, "HTXSNV": 4}


def tasks_for(rng: random.Random, level: str) -> dict[str, int]:
    """Tasks consistent with `level` (124-M1/M2, 366-M1..M4): on time, exceeded, completed."""
    n = rng.randint(5, 10)
    if level == "HTXSNV":
        return {"duoc_giao": n, "hoan_thanh": n, "dung_han": n, "vuot": rng.randint(-(-n // 2), n)}
    if level == "HTTNV":
        return {"duoc_giao": n, "hoan_thanh": n, "dung_han": n, "vuot": rng.randint(0, n // 2 - 1)}
    if level == "HTNV":  # all completed, at most 20% late (366-M3)
        return {"duoc_giao": n, "hoan_thanh": n, "dung_han": n - 1, "vuot": 0}
    done = rng.randint(0, n // 2 - 1)  # KHTNV: under half completed (124-M4, 366-M4)
    return {"duoc_giao": n, "hoan_thanh": done, "dung_han": done, "vuot": 0}


def criteria_for(rng: random.Random, criteria: Sequence[Criterion], level: str) -> dict[str, str]:
    """Criterion levels supporting `level` (132-M1..M4, 124-M1..M4, 132-O/124-O)."""
    out: dict[str, str] = {}
    for c in criteria:
        if level == "HTXSNV":
            out[c.key] = "xuat_sac" if c.task else rng.choice(("tot", "tot", "xuat_sac"))
        elif level == "HTTNV":
            out[c.key] = "tot" if c.task else rng.choice(("tot", "tot", "tot", "xuat_sac"))
        elif level == "HTNV":
            out[c.key] = "trung_binh" if c.task else rng.choice(("tot", "trung_binh"))
        else:
            out[c.key] = "kem" if c.task else rng.choice(("trung_binh", "trung_binh", "tot"))
    return out


def scores_for(rng: random.Random, level: str) -> dict[str, int]:
    """100-point scores in the band of `level` (366-M1..M4): general /30, tasks /70."""
    low, high = {"HTXSNV": (90, 98), "HTTNV": (72, 88), "HTNV": (52, 68), "KHTNV": (30, 47)}[level]
    total = rng.randint(low, high)
    general = min(30, max(10, round(total * 0.3) + rng.randint(-1, 1)))
    tasks = total - general
    if tasks > 70:
        general, tasks = general + tasks - 70, 70
    return {"tieu_chi_chung": general, "ket_qua_nhiem_vu": tasks}


def assessment(rng: random.Random, ruleset: str, level: str, *, org: bool = False) -> dict:
    """The `tieu_chi:` or `diem:` part of a file for the ruleset (scores for pending too)."""
    if ruleset in ("qd132-hd21", "qd124-hd25"):
        crit = ORG_CRITERIA if org else REGISTRY[ruleset].member_criteria
        return {"tieu_chi": criteria_for(rng, crit, level)}
    return {"diem": scores_for(rng, level)}


def pick_weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def person_name(rng: random.Random, female: bool) -> str:
    family = pick_weighted(rng, FAMILY_NAMES)
    middle = rng.choice(MIDDLE_FEMALE if female else MIDDLE_MALE)
    given = rng.choice(GIVEN_FEMALE if female else GIVEN_MALE)
    return f"{family} {middle} {given}"


def distinct_birth(seen: set[tuple[str, str, str]], name: str, birth: str, admitted: str) -> str:
    """`birth`, or the next day (`_next_day`) that no one in `seen` with the same folded
    name and admission date was born on; recorded in `seen`. Two ids sharing the three are
    one person twice (generator/check/identity.py, `member-same-person`). A set lookup per
    person, and no draw: moving a date leaves every later draw as it was."""
    key = _folded(name)
    while (key, birth, admitted) in seen:
        birth = _next_day(birth)
    seen.add((key, birth, admitted))
    return birth


@cache
def _folded(name: str) -> str:  # some 20,000 distinct names for 100,000 people
    return fold(name)


def _next_day(date: str) -> str:
    """The next day of a generated date (days 1–28), or the first of the year before after
    the last one: never later than the year it had, so still before the admission."""
    y, m, d = (int(part) for part in date.split("-"))
    if d < 28:
        return f"{y}-{m:02d}-{d + 1:02d}"
    return f"{y}-{m + 1:02d}-01" if m < 12 else f"{y - 1}-01-01"


def split(rng: random.Random, total: int, parts: int, minimum: int) -> list[int]:
    """`total` split into `parts` random sizes, each at least `minimum` (when possible)."""
    minimum = min(minimum, total // parts)
    weights = [rng.uniform(0.4, 1.6) for _ in range(parts)]
    spare = total - minimum * parts
    scale = spare / sum(weights)
    sizes = [minimum + int(w * scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    return sizes


def org_level(rng: random.Random, below: list[str], good: int, fair: int) -> str:
    """A level for an organization that the levels `below` it allow (132-O1/O2/O5)."""
    level = pick_weighted(rng, (("HTXSNV", 5), ("HTTNV", good), ("HTNV", fair)))
    share = sum(RANK[b] >= 3 for b in below) / len(below) if below else 1.0
    if "KHTNV" in below or share < 0.5:
        return "HTNV"
    if level == "HTXSNV" and share < 0.8:
        return "HTTNV"
    return level


def set_level(item: Any, level: str) -> None:
    item.level = level
