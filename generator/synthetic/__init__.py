"""Deterministic synthetic evaluation years, for tests and benchmarks.

    summary = generate(Path("/tmp/repo"), year=2025, ruleset="qd366-hd43",
                       grassroots=48, chi_bo=177, members=3754, seed=0)

writes `/tmp/repo/submissions/2025/...` in the layout of generator/submissions/layout.py:
the year file, a root organization (a district, or a province with districts for large
sizes), grassroots organizations (đảng bộ cơ sở with chi bộ trực thuộc, and chi bộ cơ sở),
one review file per member with Vietnamese names and texts of realistic length, each chi
bộ's proposals and each committee's decisions.

Everything comes from seeded `random.Random` instances, so the same arguments give a
byte-identical tree. The *structure* (organizations, member places with their roles and
leadership) depends only on the seed and the sizes, and the *content* of a year (levels,
criteria, texts, decisions) on the seed and the year. Who holds a place changes as in real
data (turnover.py): each year about 1.2% of the places pass to a member admitted that year,
under a new id; everyone else keeps their id, name, birth and admission dates from year to
year. So generating 2024 and 2025 with the same seed (years from 2018) gives two
consecutive years of mostly the same people, for comparisons and "2 năm liền" flags, that
`kiemdiem check` finds no identity change in (generator/check/identity.py).

Levels are chosen first and the facts are made to support them under the year's ruleset
(RULES.md §2–§4): criteria or scores, tasks, discipline, heads capped at their unit
(132-L1/124-L1), quotas respected in most grassroots organizations (132-M5/124-M5/366-M6)
and deliberately exceeded in a few, so the generated years exercise the quota finding too.

The tree has one of three shapes (`shape=`, structure.py): a pre-2025 district, a pre-2025
province with districts, or the post-2025 province (`province-2025`: đảng bộ xã / phường and
a đảng bộ khối above grassroots, chi bộ thôn as chi bộ cơ sở, a few TCCSĐ directly under the
province, no district level); decisions are made by the bodies RULES.md §7 (D1–D4) names.

Modules: api.py (generate, presets), vocab.py (names and texts), yamlout.py (YAML writing),
facts.py (facts supporting a level), structure.py (the tree and the member places),
turnover.py (who holds each place in a year), content.py (one year's files), cli.py and
__main__.py (the command line).

Run as a script (a developer tool, not a `kiemdiem` subcommand):

    python -m generator.synthetic OUT --preset district --year 2025 --ruleset qd366-hd43
    python -m generator.synthetic OUT --preset province-2025 --year 2025
"""

from generator.synthetic.api import (
    PRESET_SHAPES,
    PRESETS,
    RULESETS,
    SHAPES,
    SyntheticSummary,
    generate,
    generate_years,
)
from generator.synthetic.cli import main
from generator.synthetic.vocab import slug, text
from generator.synthetic.yamlout import dump_yaml

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
