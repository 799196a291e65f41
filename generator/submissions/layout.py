"""Where files live in `submissions/`, and what kind of record each one is.

    submissions/
      tai-khoan.yaml                  roster: forge accounts -> members, committees
      <year>/
        nam-danh-gia.yaml             the year (YearConfig)
        <root-org>/                   one folder per organization, nested as the tree is
          to-chuc.yaml                the organization (Organization)
          quyet-dinh.yaml             decisions this committee makes (Decisions)
          <child-org>/
            to-chuc.yaml
            de-xuat.yaml              the chi bộ's proposals (Proposals)
            dang-vien/<id>.yaml       one member's review (MemberReview)

This is the one module that knows file names. It walks the tree without following
symlinks and classifies every file; files that do not belong are reported, not skipped.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SUBMISSIONS = "submissions"
YEAR_FILE = "nam-danh-gia.yaml"
ORG_FILE = "to-chuc.yaml"
PROPOSALS_FILE = "de-xuat.yaml"
DECISIONS_FILE = "quyet-dinh.yaml"
MEMBERS_DIR = "dang-vien"
ROSTER_FILE = "tai-khoan.yaml"

ID_PATTERN = r"[a-z0-9]+(?:-[a-z0-9]+)*"
# the names of the year's and organizations' own files: never a member's review, even in a
# members folder (a decisions file put there is misplaced, not a review of `quyet-dinh`)
RESERVED_NAMES = frozenset({YEAR_FILE, ORG_FILE, PROPOSALS_FILE, DECISIONS_FILE})
ID_RE = re.compile(ID_PATTERN)
YEAR_RE = re.compile(r"(19|20)[0-9]{2}")
# files a person may keep beside the data without it being an error
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}


class Kind(enum.Enum):
    YEAR = "year"
    ORG = "org"
    MEMBER = "member"
    PROPOSALS = "proposals"
    DECISIONS = "decisions"
    ROSTER = "roster"
    UNKNOWN = "unknown"  # a file that has no place in the tree
    SYMLINK = "symlink"  # refused: symlinks could point outside the repository


@dataclass(frozen=True)
class SubmissionFile:
    """One file under submissions/, classified by where it is."""

    path: str  # repository-relative, forward slashes
    kind: Kind
    year: int | None
    # the organization folder the file belongs to (for MEMBER: the chi bộ); None for YEAR
    org_folder: str | None = None

    def __hash__(self) -> int:
        # by its path alone (the generated one hashes every field, the kind through
        # Enum.__hash__ in Python: ~1 µs each time a load's dicts of 112,000 files look a
        # file up); equal files have equal paths, so this is a valid hash for __eq__
        return hash(self.path)


def classify(rel: str) -> SubmissionFile:
    """Classify a repository-relative path under submissions/."""
    parts = rel.split("/")
    if len(parts) < 2 or parts[0] != SUBMISSIONS:
        return SubmissionFile(rel, Kind.UNKNOWN, None)
    if len(parts) == 2:
        kind = Kind.ROSTER if parts[1] == ROSTER_FILE else Kind.UNKNOWN
        return SubmissionFile(rel, kind, None)
    year = int(parts[1]) if YEAR_RE.fullmatch(parts[1]) else None
    if year is None:
        return SubmissionFile(rel, Kind.UNKNOWN, None)
    name = parts[-1]
    if len(parts) == 3:
        return SubmissionFile(rel, Kind.YEAR if name == YEAR_FILE else Kind.UNKNOWN, year)
    if len(parts) >= 5 and parts[-2] == MEMBERS_DIR:
        if name.endswith(".yaml") and name not in RESERVED_NAMES and ID_RE.fullmatch(name[:-5]):
            return SubmissionFile(rel, Kind.MEMBER, year, "/".join(parts[2:-2]))
        return SubmissionFile(rel, Kind.UNKNOWN, year, "/".join(parts[2:-2]))
    folder = "/".join(parts[2:-1])
    kind = {ORG_FILE: Kind.ORG, PROPOSALS_FILE: Kind.PROPOSALS, DECISIONS_FILE: Kind.DECISIONS}.get(
        name, Kind.UNKNOWN
    )
    return SubmissionFile(rel, kind, year, folder)


def org_id_of_folder(folder: str) -> str:
    """The organization id is the last folder name."""
    return folder.rsplit("/", 1)[-1]


def years(repo: Path) -> list[int]:
    """Evaluation years present under submissions/, oldest first."""
    base = repo / SUBMISSIONS
    if not base.is_dir():
        return []
    return sorted(int(p.name) for p in base.iterdir() if p.is_dir() and YEAR_RE.fullmatch(p.name))


# within(folder relative to the year's) -> (read the files directly in it, descend into it)
Within = Callable[[str], tuple[bool, bool]]


def walk_year(
    repo: Path,
    year: int,
    within: Within | None = None,
    seen: Callable[[list[SubmissionFile]], None] | None = None,
) -> list[SubmissionFile]:
    """Every file of one year, classified, in a stable order. Symlinks are not followed.

    The order is os.walk's top-down order with sorted names: in each folder its symlinked
    and dot-named subfolders, then its files, then each subfolder in turn. `os.scandir`
    gives the file types without a system call per entry (a province has 100,000 files).
    `within` narrows the walk to some folders, keeping the whole walk's order (a pull
    request's scope, generator.check.scope). `seen(out)` is called with the list so far
    after each folder's own entries (a cold load hands them to its workers meanwhile,
    generator.loadearly).
    """
    out: list[SubmissionFile] = []
    base = repo / SUBMISSIONS / str(year)
    if base.is_dir() and not base.is_symlink():
        _walk(str(base), f"{SUBMISSIONS}/{year}", year, out, within, "", seen)
    return out


def _walk(
    full: str,
    rel_dir: str,
    year: int,
    out: list[SubmissionFile],
    within: Within | None = None,
    inner: str = "",
    seen: Callable[[list[SubmissionFile]], None] | None = None,
) -> None:
    read = within is None or within(inner)[0]
    try:
        with os.scandir(full) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    subdirs: list[os.DirEntry[str]] = []
    files: list[os.DirEntry[str]] = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()  # follows a symlink, as os.walk does to sort names
        except OSError:
            is_dir = False
        (subdirs if is_dir else files).append(entry)
    walk_into = []
    for d in subdirs:
        if d.is_symlink():
            if read:
                out.append(SubmissionFile(f"{rel_dir}/{d.name}", Kind.SYMLINK, year))
        elif d.name.startswith("."):
            # never read, so never checked: reported (check: path-name), not skipped
            if read:
                out.append(SubmissionFile(f"{rel_dir}/{d.name}", Kind.UNKNOWN, year))
        else:
            walk_into.append(d)
    # a chi bộ's members folder: its files are classified here, as `classify` would, without
    # splitting each path again (~3 µs of the ~5 a file, 100,000 times in a province)
    members_of = _members_folder(rel_dir)
    for f in files if read else ():
        name = f.name
        if name in IGNORED_NAMES:
            continue
        rel = f"{rel_dir}/{name}"
        if f.is_symlink():
            out.append(SubmissionFile(rel, Kind.SYMLINK, year))
        elif (
            members_of is not None
            and name.endswith(".yaml")
            and name not in RESERVED_NAMES
            and ID_RE.fullmatch(name[:-5])
        ):
            out.append(SubmissionFile(rel, Kind.MEMBER, year, members_of))
        else:
            out.append(classify(rel))
    if seen is not None:
        seen(out)
    for d in walk_into:
        sub = f"{inner}/{d.name}" if inner else d.name
        if within is None or within(sub)[1]:
            _walk(d.path, f"{rel_dir}/{d.name}", year, out, within, sub, seen)


def _members_folder(rel_dir: str) -> str | None:
    """The chi bộ folder (year-relative) whose members folder `rel_dir` is, when the files
    in it are members' reviews by `classify`'s rule; else None."""
    parts = rel_dir.split("/")
    if len(parts) >= 4 and parts[-1] == MEMBERS_DIR:
        return "/".join(parts[2:-1])
    return None


def strays(repo: Path) -> list[SubmissionFile]:
    """The files under submissions/ outside every year folder, other than the roster and
    the ignored names: no year reads them, so each is reported (check), never skipped.

    Same order and rules as `walk_year`: symlinks are not followed (a symlinked year
    folder is one SYMLINK entry), a dot-named folder is one UNKNOWN entry, not entered."""
    base = repo / SUBMISSIONS
    if not base.is_dir() or base.is_symlink():
        return []
    found: list[SubmissionFile] = []
    _walk(str(base), SUBMISSIONS, 0, found, _outside_years)
    return [
        SubmissionFile(f.path, Kind.SYMLINK if f.kind is Kind.SYMLINK else Kind.UNKNOWN, None)
        for f in found
        if f.kind is not Kind.ROSTER
    ]


def _outside_years(folder: str) -> tuple[bool, bool]:
    """`strays`' walk: read every folder, descend into all but the year folders."""
    return True, not YEAR_RE.fullmatch(folder)


def resolve_inside(repo: Path, path: Path) -> str | None:
    """The repository-relative form of `path`, or None when it leaves the repository."""
    try:
        full = (path if path.is_absolute() else Path.cwd() / path).resolve()
        return full.relative_to(repo.resolve()).as_posix()
    except (ValueError, OSError):
        return None
