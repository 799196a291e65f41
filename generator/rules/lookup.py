"""Who proposed and who decided what: an index over a year's `de-xuat.yaml` and
`quyet-dinh.yaml` records, shared by every ruleset (X1)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

from generator.authority import TreeMemo, org_authority
from generator.findings import Position
from generator.submissions.records import (
    Decisions,
    MemberDecision,
    OrgDecision,
    Proposal,
    Proposals,
)
from generator.submissions.year import Year

RecordT = TypeVar("RecordT", Decisions, Proposals)
ItemT = TypeVar("ItemT", MemberDecision, OrgDecision, Proposal)


class Line(NamedTuple, Generic[RecordT, ItemT]):
    """One line of a proposals or decisions file, with where it stands (for findings). (A
    named tuple: a province's index makes two per member.)"""

    record: RecordT  # the file's record
    item: ItemT  # the line
    list_key: str  # the YAML list that holds it: "dang_vien", "to_chuc" or "de_xuat"

    @property
    def decisions(self) -> RecordT:
        return self.record

    @property
    def path(self) -> str:
        return self.record.source.path if self.record.source else ""

    @property
    def position(self) -> Position:
        src = self.record.source
        return (
            src.document.value_pos((self.list_key, self.item.index, "muc")) if src else Position(1)
        )


DecidedMember = Line[Decisions, MemberDecision]
DecidedOrg = Line[Decisions, OrgDecision]
ProposedMember = Line[Proposals, Proposal]


@dataclass
class DecisionIndex:
    """The first decision line per member / organization by a body with authority (the
    others are the cross-file check's `decision-no-authority` and `decision-duplicate`),
    and the proposal line per member."""

    members: dict[str, DecidedMember] = field(default_factory=dict)
    orgs: dict[str, DecidedOrg] = field(default_factory=dict)
    proposals: dict[str, ProposedMember] = field(default_factory=dict)

    @classmethod
    def build(cls, year: Year, tree: TreeMemo | None = None) -> DecisionIndex:
        """Only lines written by a body with authority (RULES.md §7) are indexed: a decision
        by any other body is the cross-file check's `decision-no-authority` error and is
        not applied, so the level stays provisional (worked case 36).

        (`Line(...)`, not `DecidedMember(...)`: calling a subscripted generic costs as much
        again per line, for the same object.)"""
        index = cls()
        tree = tree or TreeMemo(year)
        members, decided, grassroots_of = year.members, index.members, tree.grassroots_of
        for org_id, decisions in year.decisions.items():
            for item in decisions.members:
                member_id = item.member_id
                if member_id in decided:
                    continue
                # D1 (authority.member_authority) inline: the committee of the member's
                # TCCSĐ; an unknown member has none (a line per member of a province)
                member = members.get(member_id)
                tccsd = grassroots_of(member.org_id) if member is not None else None
                if tccsd is not None and tccsd.id == org_id:
                    decided[member_id] = Line(decisions, item, "dang_vien")
            for org_item in decisions.organizations:
                if org_item.org_id in index.orgs:
                    continue
                if org_authority(year, org_item.org_id).allows(org_id):
                    index.orgs[org_item.org_id] = Line(decisions, org_item, "to_chuc")
        for proposals in year.proposals.values():
            for p in proposals.items:
                if p.member_id not in index.proposals:
                    index.proposals[p.member_id] = Line(proposals, p, "de_xuat")
        return index


def decided_by_text(year: Year, decisions: Decisions) -> str:
    """'Quyết định số 45-QĐ/ĐU ngày 20/12/2024 của Đảng bộ xã A'."""
    committee = year.orgs.get(decisions.org_id)
    who = f" của {committee.name}" if committee else ""
    return f"Quyết định số {decisions.number} ngày {decisions.date.strftime('%d/%m/%Y')}{who}"
