"""A view's member lists and counts by organization, worked out once per organization.

The pages of a province ask them again and again: each organization's key and page ask
how many members every child has, each row of the tree's pages asks it, and the home
page's progress table counts every member of each TCCSĐ and then of the whole tree. Done
from scratch, each question walks the subtree and builds its lists anew (count_below alone
~0.3 s at 100,000 members). A view's year does not change once the view is made, so each
organization's own list and counts are kept and a subtree's are summed from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.submissions.enums import FileState

if TYPE_CHECKING:
    from generator.rules.base import YearVerdicts
    from generator.submissions.year import Year


@dataclass(frozen=True)
class Tally:
    """Counts over a list of member ids (`TreeCounts.tally`)."""

    members: int = 0
    submitted: int = 0  # a review file that is complete (not a draft)
    drafts: int = 0
    proposed: int = 0
    decided: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.members + other.members,
            self.submitted + other.submitted,
            self.drafts + other.drafts,
            self.proposed + other.proposed,
            self.decided + other.decided,
        )


class TreeCounts:
    """Per organization of one year (and its verdicts): see the module."""

    def __init__(self, year: Year, verdicts: YearVerdicts | None) -> None:
        self.year = year
        self.verdicts = verdicts
        self._ids: dict[str, list[str]] = {}
        self._below: dict[str, int] = {}
        self._tally: dict[str, Tally] = {}

    def ids_of(self, org_id: str) -> list[str]:
        """The members listed on a chi bộ's page: loaded files, then broken ones, then
        ids its proposals name without a file (each kind as it comes, once against the
        ones before). The same list each time: callers must not change it."""
        ids = self._ids.get(org_id)
        if ids is None:
            org = self.year.orgs[org_id]
            ids = list(org.member_ids)
            known = set(ids)
            ids += [m for m in self.year.broken_members.get(org_id, []) if m not in known]
            proposals = self.year.proposals.get(org_id)
            if proposals is not None:
                known = set(ids)
                ids += [p.member_id for p in proposals.items if p.member_id not in known]
            self._ids[org_id] = ids
        return ids

    def _own(self, org_id: str) -> int:
        org = self.year.orgs[org_id]
        return len(self.ids_of(org_id)) if org.type.holds_members else 0

    def count_below(self, org_id: str) -> int:
        """The members listed by `org_id` and every organization below it (through the
        children lists, as `Year.descendants` walks them)."""
        found = self._below.get(org_id)
        if found is None:
            org = self.year.orgs[org_id]
            found = self._own(org_id) + sum(
                self.count_below(c) for c in org.children if c in self.year.orgs
            )
            self._below[org_id] = found
        return found

    def tally(self, org_id: str) -> Tally:
        """The counts over `ids_of(org_id)` (nothing for an organization that holds no
        members): files submitted or drafted, verdicts proposed or decided."""
        found = self._tally.get(org_id)
        if found is None:
            found = Tally()
            if self.year.orgs[org_id].type.holds_members:
                found = _tally(self.year, self.verdicts, self.ids_of(org_id))
            self._tally[org_id] = found
        return found


def _tally(year: Year, verdicts: YearVerdicts | None, ids: list[str]) -> Tally:
    submitted = drafts = proposed = decided = 0
    members, draft = year.members, FileState.DRAFT
    by_member = verdicts.members if verdicts else {}
    for member_id in ids:  # kept to plain lookups: every member of the year
        member = members.get(member_id)
        if member is not None:
            if member.state is draft:
                drafts += 1
            else:
                submitted += 1
        verdict = by_member.get(member_id)
        if verdict is not None:
            proposed += verdict.proposed is not None
            decided += verdict.decided is not None
    return Tally(len(ids), submitted, drafts, proposed, decided)


__all__ = ["Tally", "TreeCounts"]
