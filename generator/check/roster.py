"""The roster's findings (`submissions/tai-khoan.yaml`): its YAML, its schema, an account
or a member id listed twice, member ids that no member file has or whose chi bộ the newest
year does not have, and committee seats in organizations the newest year does not have.

`kiemdiem check` reports them with the other files' findings; `kiemdiem codeowners` shows
the same findings and writes nothing while one of them is an error (CODEOWNERS from a
roster it cannot read would give every file to the board alone, without a word).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.check.decisions import guess
from generator.check.files import finding, read_document
from generator.check.schemas import SchemaSet
from generator.findings import CheckResult, Finding
from generator.forge.codeowners import named as named_file
from generator.forge.codeowners import newest_reviews
from generator.submissions import layout
from generator.submissions.yamlload import Document

ROSTER_REL = f"{layout.SUBMISSIONS}/{layout.ROSTER_FILE}"
Walk = Callable[[Path, int], list[layout.SubmissionFile]]  # a year's files (layout.walk_year)


def roster_findings(repo: Path, schemas: SchemaSet) -> list[Finding]:
    """Every finding of the roster at `repo` (it must exist: callers look first)."""
    result = CheckResult()
    file = layout.SubmissionFile(ROSTER_REL, layout.Kind.ROSTER, None)
    doc = read_document(repo, file, result, schemas=schemas)
    if doc is not None:
        result.extend(schemas.validate(layout.Kind.ROSTER, doc, ROSTER_REL, None))
        result.extend(duplicates(doc, named_file(repo)))
        walk = functools.cache(layout.walk_year)  # the newest year is walked once for both
        result.extend(unknown_members(repo, doc, walk))
        result.extend(unknown_orgs(repo, doc, walk))
    return result.findings


def _entries(doc: Document) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) of each entry that is a mapping (anything else is the schema's)."""
    entries = doc.data.get("tai_khoan") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        return []
    return [(i, e) for i, e in enumerate(entries) if isinstance(e, dict)]


def duplicates(doc: Document, where: dict[str, str]) -> list[Finding]:
    """An error at the second (third...) entry with the login or the member id of an
    earlier entry, naming the first's line. One login twice gives one account two people's
    reviews; one member id for two accounts lets someone else approve that member's review
    (generator.forge.owners gives a member's review to every account with their id)."""
    out: list[Finding] = []
    for key, code in (
        ("tai_khoan", "roster-login-duplicate"),
        ("ma_dang_vien", "roster-member-duplicate"),
    ):
        first: dict[str, tuple[int, str]] = {}  # normalized value -> (line, login)
        for i, entry in _entries(doc):
            value = entry.get(key)
            if not isinstance(value, str) or not value.strip():
                continue
            # forge logins compare case-insensitively, with or without "@" (forge.roster)
            norm = value.strip().lstrip("@").lower() if key == "tai_khoan" else value.strip()
            pos = doc.value_pos(("tai_khoan", i, key))
            login = entry.get("tai_khoan")
            login = login if isinstance(login, str) else ""
            if norm not in first:
                first[norm] = (pos.line, login)
                continue
            first_line, first_login = first[norm]
            out.append(
                finding(
                    code,
                    ROSTER_REL,
                    pos,
                    login=login,
                    member=value,
                    first_line=first_line,
                    first_login=first_login,
                    **where,
                )
            )
    return out


def unknown_members(repo: Path, doc: Document, walk: Walk = layout.walk_year) -> list[Finding]:
    """A warning for each entry whose `ma_dang_vien` CODEOWNERS gives no line
    (generator.forge.codeowners places a member by the same files, `member_homes`): no
    member file of any year is named after it, or the chi bộ of the newest such file is not
    an organization of the newest year (dissolved, merged, renamed; the member has not
    written this year's review in their new chi bộ yet). Either way the account silently
    cannot approve its own review."""
    named: list[tuple[int, str, str]] = []  # (entry index, login, member id)
    for i, entry in _entries(doc):
        member_id = entry.get("ma_dang_vien")
        # a malformed id is the schema's finding already
        if isinstance(member_id, str) and layout.ID_RE.fullmatch(member_id):
            login = entry.get("tai_khoan")
            named.append((i, login if isinstance(login, str) else "", member_id))
    if not named:
        return []
    years = layout.years(repo)
    reviews = newest_reviews(repo, years, {m for _, _, m in named}, walk)
    orgs = _orgs(repo, years[-1], walk) if years else set()
    where = named_file(repo)
    out: list[Finding] = []
    for i, login, member_id in named:
        pos = doc.value_pos(("tai_khoan", i, "ma_dang_vien"))
        if member_id not in reviews:
            out.append(
                finding(
                    "roster-member-unknown", ROSTER_REL, pos, login=login, member=member_id, **where
                )
            )
            continue
        review, org_id = reviews[member_id]
        if org_id not in orgs:
            # CODEOWNERS has member lines only under the newest year's chi bộ (forge.owners)
            out.append(
                finding(
                    "roster-member-org-gone",
                    ROSTER_REL,
                    pos,
                    login=login,
                    member=member_id,
                    org=org_id,
                    review=review,
                    year=years[-1],
                    **where,
                )
            )
    return out


def _orgs(repo: Path, year: int, walk: Walk) -> set[str]:
    """The org ids of `year` (the folders with an organization file)."""
    return {
        layout.org_id_of_folder(f.org_folder)
        for f in walk(repo, year)
        if f.kind is layout.Kind.ORG and f.org_folder
    }


def unknown_orgs(repo: Path, doc: Document, walk: Walk = layout.walk_year) -> list[Finding]:
    """A warning for each committee seat (`cap_uy`) in an organization the newest year does
    not have: CODEOWNERS (written from the newest year's tree, generator.forge.codeowners)
    then gives that account no rights from the seat, so a bí thư quietly loses theirs."""
    years = layout.years(repo)
    if not years:
        return []
    orgs = _orgs(repo, years[-1], walk)
    where = named_file(repo)
    out: list[Finding] = []
    for i, entry in _entries(doc):
        seats = entry.get("cap_uy")
        login = entry.get("tai_khoan")
        for j, seat in enumerate(seats if isinstance(seats, list) else []):
            org_id = seat.get("ma_to_chuc") if isinstance(seat, dict) else None
            # a malformed id is the schema's finding already
            if isinstance(org_id, str) and layout.ID_RE.fullmatch(org_id) and org_id not in orgs:
                out.append(
                    finding(
                        "roster-org-unknown",
                        ROSTER_REL,
                        doc.value_pos(("tai_khoan", i, "cap_uy", j, "ma_to_chuc")),
                        login=login if isinstance(login, str) else "",
                        org=org_id,
                        year=years[-1],
                        **guess(org_id, orgs),
                        **where,
                    )
                )
    return out
