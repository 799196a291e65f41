"""Which findings an audience's site reads whole (generator.site.audiences, for
generator.privacy.findings.readable_findings): the scope its reader has on what each
finding is about, and whether it is the committee whose decision a finding is about."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.findings import Finding
from generator.privacy import FINDING_MEMBER, Scope
from generator.privacy.findings import subject_member
from generator.site.deciders import DecidersIndex
from generator.submissions.year import Year

if TYPE_CHECKING:
    from generator.site.audiences import Audience


def finding_reader(
    year: Year, index: DecidersIndex, audience: Audience, scopes: dict[str, Scope]
) -> Callable[[Finding], Scope]:
    """The scope the audience's reader has on what a finding is about: the member's
    (`scope_of_members`: a committee reads in full only the members it decides), else by
    the file's organization — a chi bộ its own, a committee those it decides or holds the
    decisions of, the whole organization none."""
    if audience.kind is Scope.TO_CHUC:
        return lambda finding: Scope.TO_CHUC
    target = audience.org_id
    own = {target}
    if audience.kind is Scope.CAP_UY:
        own |= set(index.decided_orgs.get(target, ()))
        own |= {index.member_org[m] for m in index.decided_members.get(target, ())}
    read_own = audience.kind

    def reader(finding: Finding) -> Scope:
        member = subject_member(finding)
        if member in scopes:
            return scopes[member]
        if finding.extra.get(FINDING_MEMBER):
            return Scope.TO_CHUC  # a member this site does not hold
        # a member's file the year could not read, or an organization's file
        return read_own if _folder_org(index, finding) in own else Scope.TO_CHUC

    return reader


def _folder_org(index: DecidersIndex, finding: Finding) -> str | None:
    """The organization whose folder holds `finding`'s file (a member's: their chi bộ)."""
    return index.folders.get(f"{finding.path.rsplit('/', 1)[0].removesuffix('/dang-vien')}/")


def decides(index: DecidersIndex, audience: Audience) -> Callable[[Finding], bool]:
    """Whether the audience is the committee that wrote the decision a finding is about:
    a committee's site, and the finding's file in that committee's own folder (its
    quyet-dinh.yaml, or its members' files)."""
    if audience.kind is not Scope.CAP_UY:
        return lambda finding: False
    return lambda finding: _folder_org(index, finding) == audience.org_id
