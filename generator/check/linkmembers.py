"""Cross-file checks: placing the member files under their chi bộ (part of
generator.check.crossfile.link_tree).

A member is linked when its file's name is its id, it is the first file of that id in the
walk's order, and its folder's organization holds members. A file whose id is not its
name is reported with a hint that never renames it onto another file (it may be a copy
of another member's review: the two are compared, both kept); its ids are broken for the
references (generator/check/references.py), which then do not cascade.
"""

from __future__ import annotations

from generator.check.filenames import near_miss
from generator.check.loaded import LoadedFile
from generator.findings import CheckResult, Finding, Position, make
from generator.messages.crossfile import WHO_VI
from generator.submissions.layout import Kind
from generator.submissions.records import MemberReview, Organization
from generator.submissions.year import Year


def link_members(
    year: Year,
    loaded: list[LoadedFile],
    org_by_folder: dict[str, Organization],
    result: CheckResult,
) -> None:
    """Members under their chi bộ (`org_by_folder`: crossfile.link_tree's organizations by
    folder); a file whose id is not its name, a second file of an id, a member in a folder
    that is no organization or one that holds no members are reported, not linked."""
    seen: dict[str, str] = {}
    by_name: dict[str, list[LoadedFile]] | None = None  # built at the first mismatch
    for lf in loaded:
        if lf.file.kind is not Kind.MEMBER:
            continue
        chi_bo = org_by_folder.get(lf.file.org_folder or "")
        stem = lf.file.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        member: MemberReview | None = lf.record
        if member is None or member.id != stem:
            if chi_bo is not None:  # known by its file name and id: references do not cascade
                broken = year.broken_members.setdefault(chi_bo.id, [])
                broken += [stem] if member is None or member.id == stem else [stem, member.id]
            if member is not None and lf.document is not None:
                by_name = by_name if by_name is not None else _member_files(loaded)
                result.add(_id_mismatch(year, lf, stem, member.id, by_name))
            continue
        if member.id in seen:
            assert lf.document is not None
            result.add(
                make(
                    "member-duplicate",
                    lf.file.path,
                    lf.document.value_pos(("ma_dang_vien",)),
                    member=member.id,
                    other=seen[member.id],
                    related=[seen[member.id]],
                )
            )
            continue
        seen[member.id] = lf.file.path
        if chi_bo is None:  # the folder's to-chuc.yaml is missing or broken (said there)
            year.unplaced_members.add(member.id)
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


def _member_files(loaded: list[LoadedFile]) -> dict[str, list[LoadedFile]]:
    """The year's member files by name (without `.yaml`), in the walk's order."""
    out: dict[str, list[LoadedFile]] = {}
    for lf in loaded:
        if lf.file.kind is Kind.MEMBER:
            out.setdefault(lf.file.path.rsplit("/", 1)[-1].removesuffix(".yaml"), []).append(lf)
    return out


def _id_mismatch(
    year: Year, lf: LoadedFile, stem: str, found: str, by_name: dict[str, list[LoadedFile]]
) -> Finding:
    """A member file whose id is not its name. The hint never suggests renaming it onto a
    name some file of the year already has (that would overwrite a review): when the id
    inside is another member's whose file exists, this file looks like a copy of it (or the
    id is mistyped), and the two are compared and merged, both kept until confirmed."""
    assert lf.document is not None
    pos = lf.document.value_pos(("ma_dang_vien",))
    others = [o for o in by_name.get(found, []) if o is not lf]
    if others:
        other = others[0]
        name = getattr(other.record, "name", None)
        return make(
            "id-mismatch-file",
            lf.file.path,
            pos,
            variant="copy",
            # the id with something added (dv-101012-ban-sao): no member of that name
            hint_key="named" if stem.startswith(found) or near_miss(stem, found) else "",
            found=found,
            expected=stem,
            # the other file's name alone when it lies in the same folder
            other=other.file.path.rsplit("/", 1)[-1]
            if other.file.path.rsplit("/", 1)[0] == lf.file.path.rsplit("/", 1)[0]
            else other.file.path,
            who=WHO_VI.format(name=name) if name else "",
            related=[o.file.path for o in others],
        )
    target = year.repo / lf.file.path.rsplit("/", 1)[0] / f"{found}.yaml"
    taken = target.exists() or target.is_symlink()  # a file of that name that was not read
    return make(
        "id-mismatch-file",
        lf.file.path,
        pos,
        # a near-miss file name (dv101016.yaml for dv-101016): rename the file; changing
        # the id would make up a member who does not exist
        variant="rename" if near_miss(stem, found) and not taken else "",
        hint_key="taken" if taken else "",
        found=found,
        expected=stem,
    )
