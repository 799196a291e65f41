"""The roster's findings (`submissions/tai-khoan.yaml`): its YAML, its schema, and member
ids that no member file has.

`kiemdiem check` reports them with the other files' findings; `kiemdiem codeowners` shows
the same findings and writes nothing while one of them is an error (CODEOWNERS from a
roster it cannot read would give every file to the board alone, without a word).
"""

from __future__ import annotations

from pathlib import Path

from generator.check.files import finding, read_document
from generator.check.schemas import SchemaSet
from generator.findings import CheckResult, Finding
from generator.forge.codeowners import member_homes
from generator.submissions import layout
from generator.submissions.yamlload import Document

ROSTER_REL = f"{layout.SUBMISSIONS}/{layout.ROSTER_FILE}"


def roster_findings(repo: Path, schemas: SchemaSet) -> list[Finding]:
    """Every finding of the roster at `repo` (it must exist: callers look first)."""
    result = CheckResult()
    file = layout.SubmissionFile(ROSTER_REL, layout.Kind.ROSTER, None)
    doc = read_document(repo, file, result, schemas=schemas)
    if doc is not None:
        result.extend(schemas.validate(layout.Kind.ROSTER, doc, ROSTER_REL, None))
        result.extend(unknown_members(repo, doc))
    return result.findings


def unknown_members(repo: Path, doc: Document) -> list[Finding]:
    """A warning for each entry whose `ma_dang_vien` no member file of any year is named
    after: CODEOWNERS then has no line for that member's review (generator.forge.codeowners
    places a member by the same files, `member_homes`)."""
    entries = doc.data.get("tai_khoan")
    if not isinstance(entries, list):
        return []
    named: list[tuple[int, str, str]] = []  # (entry index, login, member id)
    for i, entry in enumerate(entries):
        member_id = entry.get("ma_dang_vien") if isinstance(entry, dict) else None
        # a malformed id is the schema's finding already
        if isinstance(member_id, str) and layout.ID_RE.fullmatch(member_id):
            login = entry.get("tai_khoan")
            named.append((i, login if isinstance(login, str) else "", member_id))
    if not named:
        return []
    homes = member_homes(repo, layout.years(repo), {m for _, _, m in named})
    return [
        finding(
            "roster-member-unknown",
            ROSTER_REL,
            doc.value_pos(("tai_khoan", i, "ma_dang_vien")),
            login=login,
            member=member_id,
        )
        for i, login, member_id in named
        if member_id not in homes
    ]
