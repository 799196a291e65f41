"""Cross-file checks: the tree, ids, years, references, coverage and authority.

`link_tree` places the schema-valid records into the `Year` (organizations by folder,
members under their chi bộ, proposals and decisions by folder) and reports what does not
fit; `cross_check` then checks the references between files. Every finding points at the
line that must change, and lists in `extra["related"]` the other files involved (so
`check --changed-since` can show a finding caused by a changed file elsewhere).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from generator.authority import Authority, member_authority, org_authority
from generator.check.loaded import LoadedFile
from generator.findings import CheckResult, Position, make
from generator.submissions.layout import Kind, org_id_of_folder
from generator.submissions.records import (
    Decisions,
    MemberReview,
    MembershipStatus,
    Organization,
    Proposals,
)
from generator.submissions.year import Year
from generator.vietnamese import suggest

NEW_MEMBER_MONTHS = 6  # 132-M7, 124-M6: admitted less than 6 months before the evaluation


def _suggest(word: str, candidates: Iterable[str]) -> str:
    match = suggest(word, candidates, cutoff=0.7)
    return f" Có phải ý bạn là `{match}`?" if match else ""


def link_tree(year: Year, loaded: list[LoadedFile], result: CheckResult) -> None:
    folders_with_files: set[str] = set()
    org_by_folder: dict[str, Organization] = {}
    for lf in loaded:
        if lf.file.org_folder:  # the folder and every folder above it must be an organization
            parts = lf.file.org_folder.split("/")
            folders_with_files.update("/".join(parts[: i + 1]) for i in range(len(parts)))
        if lf.file.kind is not Kind.ORG or lf.record is None:
            continue
        org: Organization = lf.record
        folder = lf.file.org_folder or ""
        org.folder = folder
        expected = org_id_of_folder(folder)
        doc = lf.document
        assert doc is not None
        if org.id != expected:
            result.add(
                make(
                    "org-folder-mismatch",
                    lf.file.path,
                    doc.value_pos(("ma_to_chuc",)),
                    found=org.id,
                    expected=expected,
                )
            )
            continue
        org_by_folder[folder] = org
        year.orgs[org.id] = org

    # folders that hold files but no to-chuc.yaml (a member folder counts for its chi bộ)
    for folder in sorted(folders_with_files - set(org_by_folder)):
        has_org_file = any(
            lf.file.kind is Kind.ORG and lf.file.org_folder == folder for lf in loaded
        )
        if not has_org_file:
            result.add(
                make(
                    "org-missing-file",
                    f"submissions/{year.year}/{folder}",
                    Position(1, 1),
                    folder=folder,
                )
            )

    for folder, org in org_by_folder.items():
        parent_folder = folder.rsplit("/", 1)[0] if "/" in folder else None
        parent = org_by_folder.get(parent_folder) if parent_folder else None
        if parent is not None:
            org.parent_id = parent.id
            parent.children.append(org.id)
            # which types may sit directly below which: data (generator/orgtypes.py)
            if parent.type.value not in org.type.parents:
                assert org.source is not None
                result.add(
                    make(
                        "org-type-misplaced",
                        org.source.path,
                        org.source.document.value_pos(("loai",)),
                        child_label=org.type.label_vi,
                        child=org.id,
                        parent_label=parent.type.label_vi.lower(),
                        parent=parent.id,
                        hint_vi="Kiểm tra mục `loai` của tổ chức này, hoặc chuyển thư mục về đúng cấp.",
                    )
                )
        elif year.root_id is not None and org.id != year.root_id:
            pass  # an orphan below a broken parent: reported via the parent
        if not org.type.exists_in(year.year):
            assert org.source is not None
            result.add(
                make(
                    "org-type-period",
                    org.source.path,
                    org.source.document.value_pos(("loai",)),
                    label=org.type.label_vi,
                    type_code=org.type.value,
                    period=org.type.period_vi(),
                    year=year.year,
                )
            )
    root_folder = year.repo / "submissions" / str(year.year) / str(year.root_id)
    if year.config is not None and not root_folder.is_dir():
        assert year.config.source is not None
        result.add(
            make(
                "root-mismatch",
                year.config.source.path,
                year.config.source.document.value_pos(("to_chuc_goc",)),
                root=year.root_id,
                year=year.year,
            )
        )

    seen_members: dict[str, str] = {}
    for lf in loaded:
        kind, record, doc = lf.file.kind, lf.record, lf.document
        if kind is Kind.MEMBER:
            chi_bo_folder = lf.file.org_folder or ""
            chi_bo = org_by_folder.get(chi_bo_folder)
            stem = lf.file.path.rsplit("/", 1)[-1].removesuffix(".yaml")
            if record is None:
                if chi_bo is not None:
                    year.broken_members.setdefault(chi_bo.id, []).append(stem)
                continue
            member: MemberReview = record
            assert doc is not None
            if member.id != stem:
                if chi_bo is not None:  # known by its file name, so references do not cascade
                    year.broken_members.setdefault(chi_bo.id, []).append(stem)
                result.add(
                    make(
                        "id-mismatch-file",
                        lf.file.path,
                        doc.value_pos(("ma_dang_vien",)),
                        found=member.id,
                        expected=stem,
                    )
                )
                continue
            if member.id in seen_members:
                result.add(
                    make(
                        "member-duplicate",
                        lf.file.path,
                        doc.value_pos(("ma_dang_vien",)),
                        member=member.id,
                        other=seen_members[member.id],
                        related=[seen_members[member.id]],
                    )
                )
                continue
            seen_members[member.id] = lf.file.path
            if chi_bo is None:
                continue
            if not chi_bo.type.holds_members:
                result.add(
                    make(
                        "org-cannot-hold-members",
                        lf.file.path,
                        Position(1, 1),
                        label=chi_bo.type.label_vi,
                        org=chi_bo.id,
                    )
                )
                continue
            member.org_id = chi_bo.id
            chi_bo.member_ids.append(member.id)
            year.members[member.id] = member
        elif kind is Kind.PROPOSALS and record is not None:
            owner = org_by_folder.get(lf.file.org_folder or "")
            if owner is not None:
                year.proposals[owner.id] = record
        elif kind is Kind.DECISIONS and record is not None:
            owner = org_by_folder.get(lf.file.org_folder or "")
            if owner is not None:
                year.decisions[owner.id] = record

    for lf in loaded:  # every record's `nam` must be the folder's year
        record, doc = lf.record, lf.document
        if (
            record is not None
            and doc is not None
            and getattr(record, "year", year.year) != year.year
        ):
            result.add(
                make(
                    "year-mismatch",
                    lf.file.path,
                    doc.value_pos(("nam",)),
                    found=record.year,
                    expected=year.year,
                )
            )


def is_new_member(member: MemberReview, evaluation_date: dt.date) -> bool:
    """Admitted less than six months before the evaluation date (132-M7, 124-M6)."""
    months = (evaluation_date.year - member.admitted.year) * 12 + (
        evaluation_date.month - member.admitted.month
    )
    if evaluation_date.day < member.admitted.day:
        months -= 1
    return months < NEW_MEMBER_MONTHS


def needs_proposal(member: MemberReview, year: Year) -> bool:
    if member.status in (MembershipStatus.EXEMPTED, MembershipStatus.SUSPENDED):
        return False
    return not (year.config and is_new_member(member, year.config.evaluation_date))


def cross_check(year: Year, result: CheckResult) -> None:
    for org in year.orgs.values():
        _check_leadership(year, org, result)
    for org_id, proposals in year.proposals.items():
        _check_proposals(year, year.orgs[org_id], proposals, result)
    for org_id, decisions in year.decisions.items():
        _check_decisions(year, year.orgs[org_id], decisions, result)


def _check_leadership(year: Year, org: Organization, result: CheckResult) -> None:
    assert org.source is not None
    scope = {m.id for m in year.members_below(org.id)}
    broken = {m for ids in year.broken_members.values() for m in ids}
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
                    scope=f"{org.type.label_vi.lower()} `{org.id}`",
                    suggest=_suggest(member_id, scope),
                )
            )


def _check_proposals(
    year: Year, org: Organization, proposals: Proposals, result: CheckResult
) -> None:
    assert proposals.source is not None
    src = proposals.source
    if proposals.org_id != org.id:
        result.add(
            make(
                "org-folder-mismatch",
                src.path,
                src.document.value_pos(("ma_to_chuc",)),
                found=proposals.org_id,
                expected=org.id,
            )
        )
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
    first_line: dict[str, int] = {}
    for item in proposals.items:
        pos = src.document.value_pos(("de_xuat", item.index, "ma_dang_vien"))
        if item.member_id in first_line:
            result.add(
                make(
                    "proposal-duplicate",
                    src.path,
                    pos,
                    member=item.member_id,
                    first_line=first_line[item.member_id],
                )
            )
            continue
        first_line[item.member_id] = pos.line
        if item.member_id not in org.member_ids and item.member_id not in year.broken_members.get(
            org.id, []
        ):
            member = year.members.get(item.member_id)
            related = [member.source.path] if member and member.source else []
            result.add(
                make(
                    "proposal-unknown-member",
                    src.path,
                    pos,
                    member=item.member_id,
                    org=org.id,
                    suggest=_suggest(item.member_id, org.member_ids),
                    related=related,
                )
            )
    end = src.document.key_pos(("de_xuat",))
    for member_id in org.member_ids:
        member = year.members[member_id]
        if member_id not in first_line and needs_proposal(member, year):
            related = [member.source.path] if member.source else []
            result.add(
                make(
                    "proposal-missing-member",
                    src.path,
                    end,
                    member=member_id,
                    name=member.name,
                    related=related,
                )
            )


def _check_decisions(
    year: Year, org: Organization, decisions: Decisions, result: CheckResult
) -> None:
    assert decisions.source is not None
    src = decisions.source
    if decisions.org_id != org.id:
        result.add(
            make(
                "org-folder-mismatch",
                src.path,
                src.document.value_pos(("ma_to_chuc",)),
                found=decisions.org_id,
                expected=org.id,
            )
        )
    first: dict[str, int] = {}

    def decided(target: str, path: tuple[str, int, str]) -> Position | None:
        """The line of a decided subject, or None (reported) when it is decided twice."""
        pos = src.document.value_pos(path)
        if target in first:
            result.add(
                make("decision-duplicate", src.path, pos, target=target, first_line=first[target])
            )
            return None
        first[target] = pos.line
        return pos

    def authorized(
        pos: Position, target: str, authority: Authority, subject: str, related: list[str]
    ) -> None:
        if not authority.allows(org.id):
            result.add(
                make(
                    "decision-no-authority",
                    src.path,
                    pos,
                    body=org.type.label_vi,
                    org=org.id,
                    subject=subject,
                    target=target,
                    authority=authority.text_vi(),
                    related=related,
                )
            )

    broken = {m for ids in year.broken_members.values() for m in ids}
    for item in decisions.members:
        pos = decided(item.member_id, ("dang_vien", item.index, "ma_dang_vien"))
        if pos is None or item.member_id in broken:
            continue
        member = year.members.get(item.member_id)
        if member is None:
            result.add(
                make(
                    "ref-unknown-member",
                    src.path,
                    pos,
                    member=item.member_id,
                    scope=f"năm {year.year}",
                    suggest=_suggest(item.member_id, year.members),
                )
            )
            continue
        related = [member.source.path] if member.source else []
        authorized(
            pos, item.member_id, member_authority(year, item.member_id), "đảng viên", related
        )
    for org_item in decisions.organizations:
        pos = decided(org_item.org_id, ("to_chuc", org_item.index, "ma_to_chuc"))
        if pos is None:
            continue
        if org_item.org_id not in year.orgs:
            result.add(
                make(
                    "ref-unknown-org",
                    src.path,
                    pos,
                    org=org_item.org_id,
                    year=year.year,
                    suggest=_suggest(org_item.org_id, year.orgs),
                )
            )
            continue
        authorized(pos, org_item.org_id, org_authority(year, org_item.org_id), "tổ chức", [])
    for rr in decisions.re_ratings:
        if rr.year >= year.year:
            result.add(
                make(
                    "re-rating-not-earlier",
                    src.path,
                    src.document.value_pos(("xep_loai_lai", rr.index, "nam")),
                    year=year.year,
                    target_year=rr.year,
                )
            )
