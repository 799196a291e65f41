"""Who a member file is about: one person under two ids, one id for two people.

A member keeps one stable id across years, and their history follows it (RULES.md §7:
earlier levels, the KHTNV years of X3, re-ratings). Two mistakes break that silently:

* `same_person` (within a year): two members (files linked into the tree) with different
  ids but the same name (folded: case, diacritics and spaces do not count;
  generator.vietnamese.fold), birth date and admission date — one person reviewed, counted
  and rated twice. A warning on each file: namesakes born and admitted on the same days
  do exist. Without a birth date (it is optional) a file is not compared.
* `changed_identity` (across years): an id whose birth date or admission date is not the
  one it had the year before — the date was corrected, or the id was given to someone
  else and X3 would join two people's years. A warning on the later file's date line (a
  name alone changes: names get corrected).

Both are linear in the year's members, never a comparison of every pair: one dict per year
keyed by the two dates (the names folded only where the dates meet), and one lookup per
member in the year before. The second needs the year before loaded, which is the
rating's history (generator.pipeline.span): it runs where years are rated together
(`Pipeline._rate`), and a check without rating (`--no-rules`) does not make it. A pull
request's scoped check gives the same findings: its closure adds the files of the same
person (generator.check.scope, by `person_digest` in the year index) and its history holds
the files named like its members (generator.check.scoped).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from generator.findings import Finding, make
from generator.messages.crossfile import WHO_VI
from generator.privacy import FINDING_FIELD
from generator.submissions.records import MemberReview
from generator.submissions.year import Year
from generator.vietnamese import fold

Dates = tuple[dt.date, dt.date]  # (birth date, admission date)


def _dates(record: Any) -> Dates | None:
    """A member record's (birth, admission) dates; None without a birth date (then a
    shared admission date and name is too little to call two files one person)."""
    birth = getattr(record, "birth_date", None)
    admitted = getattr(record, "admitted", None)
    if not isinstance(birth, dt.date) or not isinstance(admitted, dt.date):
        return None
    return birth, admitted


def person_digest(record: Any) -> str | None:
    """A short digest of who a member record is about (folded name and both dates), for
    the year index: a scoped check loads the files of the same person. Never the values
    themselves (a birth date is never published)."""
    dates = _dates(record)
    if dates is None:
        return None
    text = f"{fold(getattr(record, 'name', ''))}\n{dates[0]}\n{dates[1]}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def same_person(year: Year) -> list[Finding]:
    """The year's members (linked into the tree: their id is their file's name, once) about
    the same person under different ids (module docstring), a warning on each naming the
    first other in the walk's order."""
    first: dict[Dates, MemberReview] = {}
    put = first.setdefault
    shared: dict[Dates, list[MemberReview]] = {}  # the dates of more than one member
    for member in year.members.values():  # one pass on the dates alone (~100,000 members)
        if member.birth_date is not None:
            key = (member.birth_date, member.admitted)
            earlier = put(key, member)
            if earlier is not member:
                shared.setdefault(key, [earlier]).append(member)
    out: list[Finding] = []
    for same in shared.values():  # few: the names are folded only here
        by_name: dict[str, list[MemberReview]] = {}
        for member in same:
            by_name.setdefault(fold(member.name), []).append(member)
        for group in by_name.values():
            out += [_same_person(m, group) for m in group] if len(group) > 1 else []
    return out


def _same_person(member: MemberReview, group: list[MemberReview]) -> Finding:
    others = [o for o in group if o is not member]
    path, paths = _path(member), [_path(o) for o in others]
    assert member.source is not None
    same_folder = paths[0].rsplit("/", 1)[0] == path.rsplit("/", 1)[0]
    return make(
        "member-same-person",
        path,
        member.source.document.value_pos(("ma_dang_vien",)),
        member=member.id,
        other_id=others[0].id,
        # the other file's name alone when it lies in the same folder
        other=paths[0].rsplit("/", 1)[1] if same_folder else paths[0],
        name=member.name,
        related=paths,
    )


def within_authors_reach(findings: list[Finding], reaches: Callable[[str], bool]) -> list[Finding]:
    """`findings` of a pull request's check (`--author`) without the same-person warnings
    that name a file the author may not change (`reaches` is False for it: the base's
    owners, generator.forge.judge.Judgement.reaches). Such a warning says the two files'
    birth dates are equal, and a birth date is never published: the author's own review,
    or forty files a day apart, each with another member's name and admission date, would
    otherwise tell, one guess a push, which date was that member's. The warning is dropped
    from both files, so no count, channel or report tells it either. Files the author may
    all change (their own, or the secretary's chi bộ) are still compared; the author may
    read them anyway. The check without an author (the committee's, main's) keeps it."""
    return [
        f
        for f in findings
        if f.code != "member-same-person" or all(reaches(p) for p in (f.path, *_related(f)))
    ]


def _related(finding: Finding) -> list[str]:
    related = finding.extra.get("related")
    return [str(p) for p in related] if isinstance(related, list) else []


def _path(member: MemberReview) -> str:
    assert member.source is not None  # every record built from a file knows it
    return member.source.path


def changed_identity(earlier: Year, later: Year) -> list[Finding]:
    """The later year's members whose birth or admission date is not the one their id
    had in the earlier year (module docstring): a warning at each changed date's line."""
    out: list[Finding] = []
    before_of = earlier.members.get
    for member_id, member in later.members.items():  # one pass, a lookup each
        before = before_of(member_id)
        if before is None:
            continue
        birth, was_born = member.birth_date, before.birth_date
        if birth != was_born and birth is not None and was_born is not None:
            out.append(_changed(earlier, member, before, "ngay_sinh", "birth"))
        if member.admitted != before.admitted:
            out.append(_changed(earlier, member, before, "ngay_vao_dang", ""))
    return out


def _changed(
    earlier: Year, member: MemberReview, before: MemberReview, key: str, variant: str
) -> Finding:
    assert member.source is not None and before.source is not None
    renamed = fold(before.name) != fold(member.name)
    return make(
        "member-identity-changed",
        member.source.path,
        member.source.document.value_pos((key,)),
        variant=variant,
        member=member.id,
        earlier_year=earlier.year,
        earlier_file=before.source.path,
        # the admission date is the organization's to read; a birth date is never quoted
        found=member.admitted.isoformat(),
        before=before.admitted.isoformat(),
        who=WHO_VI.format(name=before.name) if renamed else "",
        related=[before.source.path],
        # the property it is about, for who may read it (generator.privacy.findings)
        extra={FINDING_FIELD: [key]},
    )


__all__ = ["changed_identity", "person_digest", "same_person", "within_authors_reach"]
