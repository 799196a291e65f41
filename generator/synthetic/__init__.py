"""Deterministic synthetic evaluation years, for tests and benchmarks.

    summary = generate(Path("/tmp/repo"), year=2025, ruleset="qd366-hd43",
                       grassroots=48, chi_bo=177, members=3754, seed=0)

writes `/tmp/repo/submissions/2025/...` in the layout of generator/submissions/layout.py:
the year file, a root organization (a district, or a province with districts for large
sizes), grassroots organizations (đảng bộ cơ sở with chi bộ trực thuộc, and chi bộ cơ sở),
one review file per member with Vietnamese names and texts of realistic length, each chi
bộ's proposals and each committee's decisions.

Everything comes from seeded `random.Random` instances, so the same arguments give a
byte-identical tree. The *structure* (organizations, member ids, names, birth and admission
dates, roles) depends only on the seed and the sizes, and the *content* of a year (levels,
criteria, texts, decisions) on the seed and the year: generating 2024 and 2025 with the same
seed gives two consecutive years of the same people, for comparisons and "2 năm liền" flags.

Levels are chosen first and the facts are made to support them under the year's ruleset
(RULES.md §2–§4): criteria or scores, tasks, discipline, heads capped at their unit
(132-L1/124-L1), quotas respected in most grassroots organizations (132-M5/124-M5/366-M6)
and deliberately exceeded in a few, so the generated years exercise the quota finding too.

The tree has one of three shapes (`shape=`, structure.py): a pre-2025 district, a pre-2025
province with districts, or the post-2025 province (`province-2025`: đảng bộ xã / phường and
a đảng bộ khối above grassroots, chi bộ thôn as chi bộ cơ sở, a few TCCSĐ directly under the
province, no district level); decisions are made by the bodies RULES.md §7 (D1–D4) names.

Modules: vocab.py (names and texts), yamlout.py (YAML writing), facts.py (facts supporting a
level), structure.py (the tree and the people), content.py (one year's files), __main__.py
(the command line).

Run as a script (a developer tool, not a `kiemdiem` subcommand):

    python -m generator.synthetic OUT --preset district --year 2025 --ruleset qd366-hd43
    python -m generator.synthetic OUT --preset province-2025 --year 2025
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.synthetic.content import Builder
from generator.synthetic.structure import SHAPES
from generator.synthetic.vocab import slug, text
from generator.synthetic.yamlout import dump_yaml

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
    """Consecutive years of the same organizations and members, e.g. [(2024, "qd124-hd25"),
    (2025, "qd366-hd43")]."""
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


def main(argv: Sequence[str] | None = None) -> int:
    from generator.synthetic.__main__ import main as cli

    return cli(argv)


__all__ = [
    "PRESETS",
    "PRESET_SHAPES",
    "RULESETS",
    "SHAPES",
    "SyntheticSummary",
    "dump_yaml",
    "generate",
    "generate_years",
    "main",
    "slug",
    "text",
]
