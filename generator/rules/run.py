"""One rating run's state and the small lookups every stage of the driver shares."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from generator.authority import TreeMemo
from generator.findings import Position
from generator.rules.base import History, YearVerdicts
from generator.rules.lookup import DecisionIndex, decided_by_text
from generator.rules.reuse import NoReuse, YearCores
from generator.rules.spec import RulesetSpec
from generator.submissions.records import Decisions, MemberReview
from generator.submissions.year import Year


@dataclass
class Run:
    spec: RulesetSpec
    year: Year
    history: History
    settings: dict[str, Any]
    evaluation_date: dt.date
    index: DecisionIndex
    out: YearVerdicts
    # the year's tree asked once per organization (generator.authority.TreeMemo)
    tree: TreeMemo
    member_paths: dict[str, str] = field(default_factory=dict)
    # members' verdicts from their rules, kept between ratings (generator.rules.reuse)
    cores: YearCores | NoReuse = field(default_factory=NoReuse)
    _decided_by: dict[int, str] = field(default_factory=dict)

    def decided_by(self, decisions: Decisions) -> str:
        """`decided_by_text`, once per decisions file (a province's has thousands of lines)."""
        key = id(decisions)
        text = self._decided_by.get(key)
        if text is None:
            text = self._decided_by[key] = decided_by_text(self.year, decisions)
        return text


def member_name(run: Run, member_id: str) -> str:
    m = run.year.members.get(member_id)
    return member_label(m, member_id) if m else member_id


def member_label(member: MemberReview, member_id: str) -> str:
    """A member as findings name them: "Name (id)"."""
    return f"{member.name} ({member_id})"


def review_place(member: MemberReview, key: tuple[str, ...] | None) -> tuple[str, Position]:
    """The member's file (it has one: `member.source`) and the position of `key` in it;
    line 1 for no key, or when the file's document is not at hand."""
    assert member.source is not None
    doc = member.source.document
    return member.source.path, doc.key_pos(key) if doc and key else Position(1)


def org_name(run: Run, org_id: str) -> str:
    o = run.year.orgs.get(org_id)
    return o.name if o else org_id


def member_place(run: Run, member_id: str) -> tuple[str, Position, str]:
    """Where a member's finding goes: the decision line, else the proposal line, else the
    review file."""
    d = run.index.members.get(member_id)
    if d is not None:
        return d.path, d.position, "committee"
    p = run.index.proposals.get(member_id)
    if p is not None:
        return p.path, p.position, "chi_bo"
    return run.member_paths.get(member_id, ""), Position(1), "member"
