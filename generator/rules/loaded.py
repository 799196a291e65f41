"""Members' verdicts from their rules, made while a cold load is still reading files.

    rater = MemberRater(2025, config)   # once per process, context and year
    core = rater.core(record)           # generator.loadpool, as each worker's result arrives

What a member's rules give (the engine's step 2 before the proposal and decision lines
are attached) depends only on the member's record, the year's number, its resolved
settings, its evaluation date and the ruleset (generator.rules.reuse says why, and
tests/unit/rules/test_reuse.py proves a member rule reads nothing else of the `Year`).
All of these are known as soon as a record is: the rest comes from the year file, which
every file is read under (`loading.Context`). So while the worker processes of a cold load
read and check the files, the process taking their results makes each member's core too
(`Year.cores`: path -> (record, core)), and the rating takes it instead of running the
rules again afterwards, on one core, with the other one idle (2.3 s of a 100,000-member
cold check). The cores reach the rating memo like any it makes (`YearCores.verdict`), so
the next run reuses them from `.kiemdiem-cache/`.

A core is used only for the record it was made with, and only when the rating's ruleset,
settings and evaluation date are the ones it was made under (`reuse.cores_tag`). A rule
that fails while a core is made leaves no core: the rating runs it again and reports it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.rules.base import Verdict
from generator.rules.registry import spec_for
from generator.rules.reuse import Core, core_of, cores_tag
from generator.rules.rule import MemberFacts
from generator.rules.spec import resolve_settings
from generator.rules.verdicts import member_verdict
from generator.submissions.records import MemberReview, YearConfig
from generator.submissions.year import Year


class MemberRater:
    """The member rules of one year, as the engine runs them (generator.rules.engine
    `_rate_members`), for one record at a time."""

    def __init__(self, year: int, config: YearConfig | None) -> None:
        self.spec = spec_for(year, config)
        self.year = Year(repo=Path(), year=year, config=config)
        self.settings, _ = resolve_settings(self.spec, self.year)
        self.evaluation_date = config.evaluation_date if config else dt.date(year, 12, 31)
        self.rules = [r.func for r in self.spec.rules.members]
        self.tag = cores_tag(self.spec.id, self.settings, self.evaluation_date)

    def core(self, member: MemberReview) -> Core | None:
        """The member's core; None when a rule fails (the rating runs it again)."""
        try:
            facts = MemberFacts(self.year, member, self.settings, self.evaluation_date)
            v = Verdict(member.id, "member", self_level=member.self_level)
            return core_of(member_verdict(v, facts, self.rules))
        except Exception:  # the rating runs the rules again and reports it, in context
            return None


__all__ = ["MemberRater"]
