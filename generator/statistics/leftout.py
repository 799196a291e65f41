"""Members a year's statistics cannot count: those whose organization did not load.

A member's file is counted when its chi bộ's `to-chuc.yaml` loaded (its review loaded,
broken or a draft: generator.rules.engine gives each a verdict; `Year.broken_members`).
When the chi bộ's own file is broken (or missing), its member files are linked to no
organization (`Year.unplaced_members`, or nothing at all when the member's file is broken
too): they have no verdict and are missing from every row, the total too (a trial: two
names with CR or NUL left 19 of 3,000 members out). `left_out(year)` says how many, and
which organization files to fix, for `kiemdiem stats` and `rollup` to tell (an export of
such a year would under-count the province: `rollup --export` refuses it).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.submissions.layout import ORG_FILE, SUBMISSIONS, Kind
from generator.submissions.year import Year


@dataclass(frozen=True)
class LeftOut:
    """What a year's statistics leave out: the repository paths of its organization files
    that did not load (`broken`), of those missing from a folder that holds member files
    (`missing`), and the number of member files in the folders of both (`members`)."""

    broken: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    members: int = 0

    @property
    def files(self) -> tuple[str, ...]:
        """The organization files to fix (or write), sorted."""
        return tuple(sorted(self.broken + self.missing))


def left_out(year: Year) -> LeftOut:
    """The organization files of `year` that did not load and the members they hide."""
    loaded = {o.folder for o in year.orgs.values()}
    org_files = {f.org_folder: f.path for f in year.files if f.kind is Kind.ORG and f.org_folder}
    broken = {folder: path for folder, path in org_files.items() if folder not in loaded}
    base = f"{SUBMISSIONS}/{year.year}/"
    members = 0
    missing: set[str] = set()
    for f in year.files:
        if f.kind is not Kind.MEMBER or f.org_folder in loaded:
            continue
        members += 1
        if f.org_folder is not None and f.org_folder not in org_files:
            missing.add(f"{base}{f.org_folder}/{ORG_FILE}")
    return LeftOut(tuple(sorted(broken.values())), tuple(sorted(missing)), members)
