"""The synthetic generator's entry points: sizes, shapes and `generate` (see the package)."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.synthetic.content import Builder
from generator.synthetic.structure import FIRST_YEAR, SHAPES

# sizes: (grassroots organizations, chi bộ, members)
PRESETS: dict[str, tuple[int, int, int]] = {
    "chi-bo": (1, 1, 15),
    "district": (48, 177, 3754),
    "province": (1300, 5000, 100_000),
    "province-2025": (1300, 5000, 100_000),
}
# the tree shape of each preset (structure.SHAPES); sizes decide for the others
PRESET_SHAPES = {"province-2025": "province-2025"}
RULESETS = ("qd132-hd21", "qd124-hd25", "qd366-hd43", "pending")


@dataclass
class SyntheticSummary:
    """What `generate` wrote."""

    root: Path
    year: int
    ruleset: str
    grassroots: int
    chi_bo: int
    members: int
    files: int
    bytes: int
    seconds: float
    levels: dict[str, int]  # intended final levels of rated members
    not_rated: int
    member_ids: list[str]
    org_ids: list[str]


def _default_districts(grassroots: int) -> int:
    """A province (with districts in between) for large sizes, otherwise one district."""
    return 0 if grassroots <= 200 else max(2, round(grassroots / 90))


def _default_communes(grassroots: int) -> int:
    """Đảng bộ xã / phường of a post-2025 province: about 40 TCCSĐ each."""
    return max(1, round(grassroots / 40))


def generate(
    root: Path,
    *,
    year: int,
    ruleset: str,
    grassroots: int,
    chi_bo: int,
    members: int,
    seed: int = 0,
    districts: int | None = None,
    shape: str | None = None,
) -> SyntheticSummary:
    """Write a synthetic `submissions/<year>/` under `root` (see the module docstring).

    `shape` is one of structure.SHAPES; by default a district, or a province with
    `districts` districts for large sizes. For `province-2025`, `districts` counts the
    đảng bộ xã / phường instead.
    """
    if ruleset not in RULESETS:
        raise ValueError(f"unknown ruleset {ruleset!r}")
    if year < FIRST_YEAR:  # the structure's people were admitted before it (turnover.py)
        raise ValueError(f"a synthetic year is {FIRST_YEAR} or later, not {year}")
    start = time.perf_counter()
    if shape == "province-2025":
        d = _default_communes(grassroots) if districts is None else districts
    else:
        d = _default_districts(grassroots) if districts is None else districts
        shape = shape or ("province" if d else "district")
    builder = Builder(seed, grassroots, chi_bo, members, d, shape)
    files, size = builder.year(Path(root), year, ruleset, seed)
    rated = [m.level for m in builder.members.values() if m.level]
    return SyntheticSummary(
        root=Path(root),
        year=year,
        ruleset=ruleset,
        grassroots=grassroots,
        chi_bo=chi_bo,
        members=members,
        files=files,
        bytes=size,
        seconds=time.perf_counter() - start,
        levels=dict(Counter(rated)),
        not_rated=members - len(rated),
        member_ids=sorted(builder.members),
        org_ids=list(builder.orgs),
    )


def generate_years(
    root: Path,
    years: Sequence[tuple[int, str]],
    *,
    grassroots: int,
    chi_bo: int,
    members: int,
    seed: int = 0,
    shape: str | None = None,
) -> list[SyntheticSummary]:
    """Consecutive years of the same organizations and (but for those who left and those
    admitted: turnover.py) members, e.g. [(2024, "qd124-hd25"), (2025, "qd366-hd43")]."""
    return [
        generate(
            root,
            year=y,
            ruleset=r,
            grassroots=grassroots,
            chi_bo=chi_bo,
            members=members,
            seed=seed,
            shape=shape,
        )
        for y, r in years
    ]


__all__ = [
    "PRESETS",
    "PRESET_SHAPES",
    "RULESETS",
    "SHAPES",
    "SyntheticSummary",
    "generate",
    "generate_years",
]
