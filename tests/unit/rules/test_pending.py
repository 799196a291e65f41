"""Rules of generator/rules/pending.py called on facts built in memory."""

from __future__ import annotations

from generator.rules import pending
from generator.rules.base import Effect, NotRated
from tests.unit.rules.facts import member_facts


def test_R0_pending_rates_nobody_and_counts_completed_reviews_as_reviewed() -> None:
    done = list(pending.waiting(member_facts("pending", 2026)))
    draft = list(pending.waiting(member_facts("pending", 2026, trang_thai_ho_so="nhap")))
    for reasons, reviewed in ((done, True), (draft, False)):
        assert [(r.rule, r.effect, r.not_rated) for r in reasons] == [
            ("R0", Effect.NOT_RATED, NotRated.PENDING_RULESET)
        ]
        assert reasons[0].reviewed is reviewed
    assert pending.RULESET.rates is False and pending.RULESET.settings == []
