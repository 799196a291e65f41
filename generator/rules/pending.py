"""Ruleset `pending` (chờ hướng dẫn): the year's guidance has not been issued (RULES.md §1,
R0). Drafts are accepted and checked for form only; nothing is rated."""

from __future__ import annotations

from collections.abc import Iterator

from generator.rules.base import NotRated, Reason
from generator.rules.rule import MemberFacts, Rule, RuleList, rule
from generator.rules.spec import RulesetSpec
from generator.submissions.records import FileState

ID = "pending"


@rule("R0", "Năm đánh giá chưa có hướng dẫn xếp loại")
def waiting(r: Rule[MemberFacts], m: MemberFacts) -> Iterator[Reason]:
    """Nothing is rated until the year names a ruleset; a completed review counts as
    reviewed."""
    yield r.not_rated(
        NotRated.PENDING_RULESET,
        "Năm đánh giá chưa có hướng dẫn: bản kiểm điểm được lưu, chưa xếp loại (R0)",
        reviewed=m.member.state is FileState.FINAL,
    )


RULESET = RulesetSpec(
    id=ID,
    title_vi="Chờ hướng dẫn",
    years_vi="năm chưa có hướng dẫn",
    rules=RuleList(members=(waiting,)),
    rates=False,
)
