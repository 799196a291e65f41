"""Cross-file checks on the linked tree: references between files resolve (leadership,
proposals, decisions), every member of a chi bộ is proposed, decisions are made by the
body that has the authority (generator/authority.py).

Every finding points at the line that must change and lists in `related` the other files
involved (so `check --changed-since` shows a finding caused by a changed file elsewhere).
"""

from __future__ import annotations

from typing import Any

from generator.authority import TreeMemo
from generator.check.carryover import unknown_member_hint
from generator.check.decisions import check_decisions, check_folder, guess
from generator.findings import CheckResult, Position, make
from generator.messages.crossfile import SCOPE_ORG_VI
from generator.rules.assess import is_new_member
from generator.submissions.records import MemberReview, MembershipStatus, Organization, Proposals
from generator.submissions.yamlload import PathKey
from generator.submissions.year import Year


def needs_proposal(member: MemberReview, year: Year) -> bool:
    if member.status in (MembershipStatus.EXEMPTED, MembershipStatus.SUSPENDED):
        return False
    return not (year.config and is_new_member(member.admitted, year.config.evaluation_date))


def cross_check(year: Year, result: CheckResult) -> None:
    below = _MembersBelow(year)
    broken = year.unlinked_members()
    for org in year.orgs.values():
        _check_leadership(year, org, result, below.ids(org.id), broken)
    for org_id, proposals in year.proposals.items():
        _check_proposals(year, year.orgs[org_id], proposals, result)
    tree = TreeMemo(year)  # D1 asked for ~every member of the year: once per chi bộ
    for org_id, decisions in year.decisions.items():
        check_decisions(year, year.orgs[org_id], decisions, result, tree)


class _MembersBelow:
    """The ids of the members of each organization and of every organization below it
    (`{m.id for m in year.members_below(org_id)}`), each organization's set the union of
    its own members' and its children's: a province's organizations asked one by one
    walked every member once per organization above it, in Python."""

    def __init__(self, year: Year) -> None:
        self.year = year
        self._ids: dict[str, set[str]] = {}

    def ids(self, org_id: str) -> set[str]:
        """The set for `org_id` (kept: callers must not change it)."""
        found = self._ids.get(org_id)
        if found is None:
            orgs, members = self.year.orgs, self.year.members
            org = orgs[org_id]
            found = {members[m].id for m in org.member_ids if m in members}
            for child in org.children:
                if child in orgs:
                    found |= self.ids(child)
            self._ids[org_id] = found
        return found


def _check_leadership(
    year: Year, org: Organization, result: CheckResult, scope: set[str], broken: set[str]
) -> None:
    """The leaders `org` names are members of it or of an organization below it
    (`scope`), unless their file is broken (`broken`)."""
    assert org.source is not None
    lead = org.leadership
    refs: list[tuple[tuple[Any, ...], str]] = []
    if lead.head:
        refs.append((("lanh_dao", "bi_thu"), lead.head))
    refs += [(("lanh_dao", "pho_bi_thu", i), m) for i, m in enumerate(lead.deputies)]
    refs += [(("lanh_dao", "cap_uy_vien", i), m) for i, m in enumerate(lead.members)]
    for path, member_id in refs:
        if member_id not in scope and member_id not in broken and scope:
            result.add(
                make(
                    "ref-unknown-member",
                    org.source.path,
                    org.source.document.value_pos(path),
                    member=member_id,
                    scope=SCOPE_ORG_VI.format(label=org.type.label_vi.lower(), org=org.id),
                    **_unknown(year, member_id, scope),
                )
            )


def _unknown(year: Year, member_id: str, scope: set[str]) -> dict[str, Any]:
    """A leader's id unknown below the organization: a member of the year before not yet
    carried over is said so (generator.check.carryover), else the nearest id of `scope`
    (a did-you-mean only for an id unknown in both years)."""
    return unknown_member_hint(member_id, year.carry, year.year, year.members) or guess(
        member_id, scope
    )


def _check_proposals(
    year: Year, org: Organization, proposals: Proposals, result: CheckResult
) -> None:
    assert proposals.source is not None
    src = proposals.source
    check_folder(proposals.org_id, src, org, result)
    if not org.type.holds_members:
        result.add(
            make(
                "proposal-misplaced",
                src.path,
                Position(1, 1),
                org=org.id,
                label=org.type.label_vi.lower(),
            )
        )
        return
    first_line: dict[str, PathKey] = {}
    # positions are asked only for findings (a province's proposals files are kept
    # without their position tables: generator.loading.CompactDocument)
    at = src.document.value_pos
    for item in proposals.items:
        line: PathKey = ("de_xuat", item.index, "ma_dang_vien")
        if item.member_id in first_line:
            result.add(
                make(
                    "proposal-duplicate",
                    src.path,
                    at(line),
                    member=item.member_id,
                    first_line=at(first_line[item.member_id]).line,
                )
            )
            continue
        first_line[item.member_id] = line
        if item.member_id not in org.member_ids and item.member_id not in year.broken_members.get(
            org.id, []
        ):
            member = year.members.get(item.member_id)
            related = [member.source.path] if member and member.source else []
            result.add(
                make(
                    "proposal-unknown-member",
                    src.path,
                    at(line),
                    member=item.member_id,
                    org=org.id,
                    **(
                        unknown_member_hint(item.member_id, year.carry, year.year, year.members)
                        or guess(item.member_id, org.member_ids)
                    ),
                    related=related,
                )
            )
    for member_id in org.member_ids:
        member = year.members[member_id]
        if member_id not in first_line and needs_proposal(member, year):
            related = [member.source.path] if member.source else []
            result.add(
                make(
                    "proposal-missing-member",
                    src.path,
                    src.document.key_pos(("de_xuat",)),
                    member=member_id,
                    name=member.name,
                    related=related,
                )
            )
