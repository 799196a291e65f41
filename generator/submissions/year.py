"""The typed, checked content of one evaluation year: the input of the rating stage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.submissions.layout import SubmissionFile
from generator.submissions.records import (
    Decisions,
    MemberReview,
    Organization,
    Proposals,
    YearConfig,
)


@dataclass
class Year:
    """One year's records, linked into the organization tree.

    Only records whose files loaded and passed the schema are here; the files that did
    not are in `files` (and their findings in the check result), so later stages can tell
    "missing" from "broken".
    """

    repo: Path
    year: int
    config: YearConfig | None
    orgs: dict[str, Organization] = field(default_factory=dict)
    members: dict[str, MemberReview] = field(default_factory=dict)
    proposals: dict[str, Proposals] = field(default_factory=dict)  # by chi bộ id
    decisions: dict[str, Decisions] = field(default_factory=dict)  # by deciding org id
    files: list[SubmissionFile] = field(default_factory=list)
    # member ids whose file exists but failed to load or validate, by chi bộ id
    broken_members: dict[str, list[str]] = field(default_factory=dict)
    # member ids read from their file whose chi bộ's own file is missing or broken (said
    # there): not linked, not rated, but known — a reference to them is not "unknown"
    unplaced_members: set[str] = field(default_factory=set)
    # path -> SHA-256 of the bytes its record was built from, and the key of what else
    # records depend on (generator.loadcache.context_digest: code, schemas, ruleset, year
    # file); filled when the load cache knew them, read by rating reuse (rules/reuse.py)
    digests: dict[str, str] = field(default_factory=dict)
    load_key: str = ""
    # path -> (record, the member's verdict from its rules) made while a cold load read the
    # files, and what they were made under (generator/rules/loaded.py)
    cores: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    cores_tag: str = ""
    # what its check knows of the year before (generator.check.carryover.Carry; None when
    # that year is not in the repository or was not looked at)
    carry: Any = None

    @property
    def root_id(self) -> str | None:
        return self.config.root if self.config else None

    def unlinked_members(self) -> set[str]:
        """The member ids whose file exists but that are not in `members` (their file is
        broken, or their chi bộ's is): a reference to one is not to an unknown member."""
        return {m for ids in self.broken_members.values() for m in ids} | self.unplaced_members

    def org(self, org_id: str) -> Organization | None:
        return self.orgs.get(org_id)

    def ancestors(self, org_id: str) -> Iterator[Organization]:
        """The parents of `org_id`, nearest first."""
        org = self.orgs.get(org_id)
        while org is not None and org.parent_id is not None:
            org = self.orgs.get(org.parent_id)
            if org is not None:
                yield org

    def grassroots_of(self, org_id: str) -> Organization | None:
        """The tổ chức cơ sở đảng (TCCSĐ) that `org_id` belongs to (itself if it is one)."""
        from generator.authority import grassroots_of

        return grassroots_of(self, org_id)

    def descendants(self, org_id: str) -> Iterator[Organization]:
        """Every organization below `org_id`, depth first, parents before children."""
        org = self.orgs.get(org_id)
        if org is None:
            return
        for child_id in org.children:
            child = self.orgs.get(child_id)
            if child is not None:
                yield child
                yield from self.descendants(child_id)

    def members_below(self, org_id: str) -> Iterator[MemberReview]:
        """Members of `org_id` and of every organization below it."""
        orgs = [self.orgs[org_id], *self.descendants(org_id)] if org_id in self.orgs else []
        for org in orgs:
            for member_id in org.member_ids:
                member = self.members.get(member_id)
                if member is not None:
                    yield member

    def deciding_org_for_member(self, member_id: str) -> Organization | None:
        """Who decides a member's rating (RULES.md §7 D1; generator/authority.py)."""
        from generator.authority import member_authority

        return member_authority(self, member_id).body

    def deciding_org_for_org(self, org_id: str) -> Organization | None:
        """Who should decide an organization's rating (RULES.md §7 D2–D5; the first of
        `generator.authority.org_authority(...).deciders`)."""
        from generator.authority import org_authority

        return org_authority(self, org_id).body
