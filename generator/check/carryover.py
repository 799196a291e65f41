"""Last year's members who have no file this year (X4: a member not reviewed is still
counted), and the hint for an id that names one of them.

A new round starts from the year file and the organizations' files (`kiemdiem new year`);
each member's review is created one by one (`kiemdiem new member`). A member of the year
before whom nobody carried over — transferred out, dead, out of the party, or simply
forgotten — has no file, so nothing counts or lists them. A transfer inside the repository
is recorded by the receiving chi bộ (`chuyen_sinh_hoat` in the member's file there), so a
member with a file anywhere in the year is accounted for; the schema has no place to
record a transfer out of the province, a death or a removal from the party (the warning's
hint says what the secretary can do meanwhile).

So the repository's newest year (the round in progress: a closed year's gaps are its
history, and warning on it every check would be noise nobody can clear) gets one warning
per chi bộ of the year before that lists its members without a file anywhere this year,
at the organization file of that chi bộ this year (same folder, else the same id moved,
else the organization continuing it by `ke_thua_tu`), or at the year file when none.

The statistics (X4) do not count them under "Chưa KĐ": whether each is still a member
this year is exactly what is unknown (and cannot be recorded when they are not), so a
count would be a figure no chi bộ could correct; once carried over, a member's file counts
them like any other (a draft as not yet reviewed). The warning is what tells.

Everything comes from file names: the year before's member files by folder and this
year's member files and organizations, which a full check has walked (and a pull
request's check has from the year indexes, generator.check.yearmap) — no file of either
year is read for it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Position, make
from generator.messages.crossfile import MORE_IDS_VI, TARGET_VI
from generator.privacy import FINDING_SCOPE, Scope
from generator.submissions import layout
from generator.submissions.layout import Kind, SubmissionFile

SHOWN_IDS = 30  # ids a finding lists; more are counted (MORE_IDS_VI)


@dataclass
class Carry:
    """What a year's check knows of the year before (`earlier`): its members' chi bộ
    folders by id (relative to its year folder; `roster`, made on first use by `make`). For
    the newest year, `dropped` asks for the warnings; `present` (every member id with a
    file this year), `names` (organization id -> folders) and `preds` (`ke_thua_tu` id ->
    folders) are the whole year's when the check loads only part of it (None: read from
    the loaded year)."""

    earlier: int
    make: Callable[[], Mapping[str, str]]
    dropped: bool = False
    present: Collection[str] | None = None
    names: Mapping[str, Sequence[str]] | None = None
    preds: Mapping[str, Sequence[str]] | None = None
    _roster: Mapping[str, str] | None = field(default=None, repr=False)

    @property
    def roster(self) -> Mapping[str, str]:
        if self._roster is None:
            self._roster = self.make()
        return self._roster


def carry_for(repo: Path, year: int, all_years: Sequence[int], before: Any) -> Carry | None:
    """The Carry of a whole year's check: the year before's roster from its loaded `Year`
    (`before`; None: its folder is walked when the roster is first asked, never read)."""
    if year - 1 not in all_years:
        return None
    files = before.files if before is not None else None

    def make() -> dict[str, str]:
        return roster_of(files if files is not None else layout.walk_year(repo, year - 1))

    return Carry(year - 1, make, dropped=year == max(all_years))


def roster_of_stems(members_in: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Member id -> chi bộ folder from a year map's member stems by folder (yearmap)."""
    return {
        stem: folder
        for folder, stems in sorted(members_in.items())
        for stem in stems
        if layout.ID_RE.fullmatch(stem)
    }


def roster_of(files: Iterable[SubmissionFile]) -> dict[str, str]:
    """Member id -> its chi bộ's folder, from a year's walked files (the first file of an
    id held twice: that is reported in its own year)."""
    out: dict[str, str] = {}
    for f in files:
        if f.kind is Kind.MEMBER and f.org_folder is not None:
            out.setdefault(f.path.rsplit("/", 1)[-1][:-5], f.org_folder)
    return out


def unknown_member_hint(
    member_id: str, carry: Carry | None, year: int, known: Collection[str]
) -> dict[str, Any] | None:
    """The `ref-unknown-member/earlier` parameters when `member_id`, unknown here, is a
    member of the year before without a file this year (`known`: this year's member ids):
    its review is to be carried over, not another id guessed. None otherwise."""
    if carry is None or member_id in known:
        return None
    folder = carry.roster.get(member_id)
    if folder is None:
        return None
    return {
        "variant": "earlier",
        "earlier_year": carry.earlier,
        "year": year,
        "earlier_org": layout.org_id_of_folder(folder),
    }


def dropped_findings(year: Any, carry: Carry | None) -> list[Finding]:
    """The newest year's warnings (module docstring): one per chi bộ of the year before
    with members that have no file anywhere in `year` (a generator.submissions.year.Year)."""
    if carry is None or not carry.dropped:
        return []
    present = carry.present
    if present is None:
        present = set(roster_of(year.files))
    missing: dict[str, list[str]] = {}
    for member_id, folder in carry.roster.items():
        if member_id not in present:
            missing.setdefault(folder, []).append(member_id)
    if not missing:
        return []
    names, preds = carry.names, carry.preds
    if names is None or preds is None:
        names, preds = _org_folders(year)
    out = []
    for folder in sorted(missing):
        ids = sorted(missing[folder])
        org_id = layout.org_id_of_folder(folder)
        target = _target(folder, org_id, names, preds)
        path = f"{layout.SUBMISSIONS}/{year.year}/" + (
            f"{target}/{layout.ORG_FILE}" if target is not None else layout.YEAR_FILE
        )
        shown = ", ".join(f"`{m}`" for m in ids[:SHOWN_IDS])
        more = len(ids) - SHOWN_IDS
        out.append(
            make(
                "member-not-carried-over",
                path,
                Position(1, 1),
                variant="" if target is not None else "year",
                count=len(ids),
                earlier_year=carry.earlier,
                year=year.year,
                org=org_id,
                target=(
                    layout.org_id_of_folder(target)
                    if target is not None
                    else TARGET_VI.format(year=year.year)
                ),
                ids=shown + (MORE_IDS_VI.format(more=more) if more > 0 else ""),
                first=ids[0],
                extra={FINDING_SCOPE: Scope.CHI_BO.slug},
            )
        )
    return out


def _org_folders(year: Any) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    names: dict[str, list[str]] = {}
    preds: dict[str, list[str]] = {}
    for org in year.orgs.values():
        names.setdefault(org.id, []).append(org.folder)
        for pred in org.predecessors:
            preds.setdefault(pred, []).append(org.folder)
    return names, preds


def _target(
    folder: str, org_id: str, names: Mapping[str, Sequence[str]], preds: Mapping[str, Sequence[str]]
) -> str | None:
    """This year's folder of the organization that holds the year before's `folder`."""
    held = names.get(org_id, ())
    if folder in held:
        return folder
    for found in (held, preds.get(org_id, ())):
        if found:
            return sorted(found)[0]
    return None


__all__ = [
    "SHOWN_IDS",
    "Carry",
    "carry_for",
    "dropped_findings",
    "roster_of",
    "roster_of_stems",
    "unknown_member_hint",
]
