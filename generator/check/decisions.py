"""Cross-file checks of one committee's decisions file (`quyet-dinh.yaml`): each subject
decided once, every member and organization it names exists, the committee has the
authority (generator/authority.py, D1–D5), re-ratings concern earlier years."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.authority import Authority, TreeMemo, org_authority
from generator.check.carryover import unknown_member_hint
from generator.findings import CheckResult, Position, make
from generator.messages.crossfile import SCOPE_YEAR_VI, SUBJECT_VI
from generator.submissions.records import Decisions, Organization, Source
from generator.submissions.year import Year
from generator.vietnamese import suggest

Line = tuple[str, int, str]  # the path of a decision line in its file


def guess(word: str, candidates: Iterable[str]) -> dict[str, Any]:
    """The `hint_key` and `guess` parameters of a "did you mean" hint (none when no id is
    close enough)."""
    match = suggest(word, candidates, cutoff=0.7)
    return {"hint_key": "guess", "guess": match} if match else {}


@dataclass
class _Check:
    year: Year
    org: Organization
    src: Source
    result: CheckResult
    tree: TreeMemo  # each organization's TCCSĐ found once (D1), not once per member
    first: dict[str, Line] = field(default_factory=dict)

    def at(self, line: Line) -> Position:
        """The position of a decision line. Asked only for a finding: a province's decision
        files are kept without their position tables (generator.loading.CompactDocument),
        so a position costs a re-read of the file."""
        return self.src.document.value_pos(line)

    def decided(self, target: str, line: Line) -> Line | None:
        """The decision line of a subject, or None (reported) when it is decided twice."""
        if target in self.first:
            self.result.add(
                make(
                    "decision-duplicate",
                    self.src.path,
                    self.at(line),
                    target=target,
                    first_line=self.at(self.first[target]).line,
                )
            )
            return None
        self.first[target] = line
        return line

    def authorized(
        self, line: Line, target: str, authority: Authority, subject: str, related: list[str]
    ) -> None:
        if authority.allows(self.org.id):
            return
        self.result.add(
            make(
                "decision-no-authority",
                self.src.path,
                self.at(line),
                body=self.org.type.label_vi,
                org=self.org.id,
                subject=subject,
                target=target,
                authority=authority.text_vi(),
                related=related,
            )
        )

    def members(self, decisions: Decisions) -> None:
        year = self.year
        broken = year.unlinked_members()
        for item in decisions.members:
            line = self.decided(item.member_id, ("dang_vien", item.index, "ma_dang_vien"))
            if line is None or item.member_id in broken:
                continue
            member = year.members.get(item.member_id)
            if member is None:
                self.result.add(
                    make(
                        "ref-unknown-member",
                        self.src.path,
                        self.at(line),
                        member=item.member_id,
                        scope=SCOPE_YEAR_VI.format(year=year.year),
                        **(
                            unknown_member_hint(item.member_id, year.carry, year.year, ())
                            or guess(item.member_id, year.members)
                        ),
                    )
                )
                continue
            related = [member.source.path] if member.source else []
            authority = self.tree.member_authority(item.member_id)
            self.authorized(line, item.member_id, authority, SUBJECT_VI["member"], related)

    def organizations(self, decisions: Decisions) -> None:
        for item in decisions.organizations:
            line = self.decided(item.org_id, ("to_chuc", item.index, "ma_to_chuc"))
            if line is None:
                continue
            if item.org_id not in self.year.orgs:
                self.result.add(
                    make(
                        "ref-unknown-org",
                        self.src.path,
                        self.at(line),
                        org=item.org_id,
                        year=self.year.year,
                        **guess(item.org_id, self.year.orgs),
                    )
                )
                continue
            authority = org_authority(self.year, item.org_id)
            self.authorized(line, item.org_id, authority, SUBJECT_VI["org"], [])

    def re_ratings(self, decisions: Decisions) -> None:
        for rr in decisions.re_ratings:
            if rr.year >= self.year.year:
                self.result.add(
                    make(
                        "re-rating-not-earlier",
                        self.src.path,
                        self.src.document.value_pos(("xep_loai_lai", rr.index, "nam")),
                        year=self.year.year,
                        target_year=rr.year,
                    )
                )


def check_folder(org_id: str, src: Source, org: Organization, result: CheckResult) -> None:
    """`org-folder-mismatch`: a proposals or decisions file names another organization
    than the folder it lies in."""
    if org_id != org.id:
        result.add(
            make(
                "org-folder-mismatch",
                src.path,
                src.document.value_pos(("ma_to_chuc",)),
                found=org_id,
                expected=org.id,
            )
        )


def check_decisions(
    year: Year,
    org: Organization,
    decisions: Decisions,
    result: CheckResult,
    tree: TreeMemo | None = None,
) -> None:
    """The decisions file of `org` (`tree`: a memo of `year`'s tree shared by every
    decisions file of one check; the tree does not change while they are checked)."""
    assert decisions.source is not None
    src = decisions.source
    check_folder(decisions.org_id, src, org, result)
    check = _Check(year, org, src, result, tree or TreeMemo(year))
    check.members(decisions)
    check.organizations(decisions)
    check.re_ratings(decisions)
