"""The ruleset registry (RULES.md §1): every ruleset the tool knows, and the one place
that works out which ruleset a year uses.

    from generator.rules.registry import REGISTRY, ruleset_id_for, spec_for

Every other list of rulesets — the check stage, `kiemdiem new`, the scaffold, the
schema test, the site — reads this module. A new ruleset is one module defining a
`RulesetSpec` and one `register()` (see tests/unit/rules/test_registry.py, which
registers a throwaway one).
"""

from __future__ import annotations

from generator.rules import pending, qd124_hd25, qd132_hd21, qd366_hd43
from generator.rules.spec import RulesetSpec
from generator.submissions.records import YearConfig
from generator.submissions.year import Year

REGISTRY: dict[str, RulesetSpec] = {}
PENDING = pending.ID


def register(spec: RulesetSpec) -> RulesetSpec:
    """Add `spec` (replacing one with the same id); returns it."""
    REGISTRY[spec.id] = spec
    return spec


def unregister(ruleset_id: str) -> None:
    REGISTRY.pop(ruleset_id, None)


for _spec in (qd132_hd21.RULESET, qd124_hd25.RULESET, qd366_hd43.RULESET, pending.RULESET):
    register(_spec)


def ids() -> tuple[str, ...]:
    """Every registered ruleset id, defaults by first year, then the others."""
    return tuple(
        sorted(
            REGISTRY, key=lambda i: (REGISTRY[i].first_year is None, REGISTRY[i].first_year or 0, i)
        )
    )


def default_ruleset_id(year: int) -> str:
    """RULES.md §1: the ruleset whose `first_year` is the latest not after `year` (2018 is
    treated as qd132-hd21); before every first year, the oldest."""
    dated = sorted((s.first_year, s.id) for s in REGISTRY.values() if s.first_year is not None)
    if not dated:
        return PENDING
    chosen = dated[0][1]
    for first, rid in dated:
        if first <= year:
            chosen = rid
    return chosen


def ruleset_id_for(year: int, config: YearConfig | None = None, override: str | None = None) -> str:
    """R0, the one answer to "which ruleset does this year use": `--ruleset` (override),
    else the year file's `bo_quy_tac`; a year without a (valid) year file, or an id the
    registry does not know, is `pending` (the check stage reports the file).
    `default_ruleset_id` is only what `kiemdiem new year` proposes for a new year file."""
    chosen = override or (config.ruleset if config is not None else PENDING)
    return chosen if chosen in REGISTRY else PENDING


def ruleset_of(year: Year) -> str:
    """The ruleset id of a loaded year (`check --ruleset` has already set its config's)."""
    return ruleset_id_for(year.year, year.config)


def spec_for(
    year: int, config: YearConfig | None = None, override: str | None = None
) -> RulesetSpec:
    return REGISTRY[ruleset_id_for(year, config, override)]
