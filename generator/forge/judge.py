"""Judge a pull request from its base: the change is data, never the judge.

`kiemdiem check --changed-since BASE --author A --actor B` asks: may these accounts make
this change? Everything that decides the answer comes from the base commit, read through
Git, never from the working tree the change brings:

* the roster (`submissions/tai-khoan.yaml`): a change that grants its own account the
  board role or a committee seat is judged with the rights the account had before;
* which evaluation year is open (the newest year folder at the base): a change cannot
  open a new year, or close the current one, by adding a folder;
* the tool itself: the workflow installs `kiemdiem` from the base commit (see
  .github/workflows/check.yml); the change's `generator/` is a file like any other.

Every changed path is seen (Git's NUL-separated output, with renames and deletions).
Findings, each an error at the path to undo:

* ``path-name``: a name under submissions/ outside the closed alphabet, or a dot-folder
  (never loaded, so never checked);
* ``auth-outside``: a change outside submissions/ by an account without the board role;
* ``auth-not-allowed`` / ``auth-own-rating`` (generator.forge.authorize), for every account;
* ``auth-committee-field``: a committee's fact in a member's review (discipline, degradation,
  leave: ``x-pham-vi: cap-uy``) changed by the member or another account not entitled to
  (generator.forge.committee);
* ``auth-own-review`` (warning): a chi bộ secretary's own review changed, with who must
  approve it instead (generator.forge.selfreview);
* ``auth-transfer``: a member's review moved to another organization;
* ``year-new-without-file``: a year folder the base did not have, without its year file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator import gitrepo
from generator.findings import Finding, Position, make
from generator.forge.authorize import authorize, read_changes
from generator.forge.committee import committee_field_findings, committee_fields, member_moves
from generator.forge.owners import owners_of
from generator.forge.roster import ROSTER_PATH, Roster, roster_from_bytes
from generator.forge.selfreview import own_review_findings
from generator.gitrepo import PathChange
from generator.report.safe import visible
from generator.submissions import layout
from generator.submissions.layout import Kind

# a file name: an id, then optionally one extension (`dv-1.yaml`, `to-chuc.yaml`)
FILE_NAME_RE = re.compile(layout.ID_PATTERN + r"(?:\.[a-z0-9]+)?")


def name_problem(path: str) -> tuple[str, str] | None:
    """(the offending name, "hidden" for a name with a leading dot, or "") for a path under submissions/,
    or None when it is fine."""
    parts = path.split("/")
    if parts[0] != layout.SUBMISSIONS:
        return None
    *folders, name = parts[1:]
    for i, part in enumerate(folders):
        ok = layout.YEAR_RE.fullmatch(part) if i == 0 else layout.ID_RE.fullmatch(part)
        if not ok:
            return part, "hidden" if part.startswith(".") else ""
    if name in layout.IGNORED_NAMES or FILE_NAME_RE.fullmatch(name):
        return None
    return name, "hidden" if name.startswith(".") else ""


@dataclass
class Judgement:
    base: str  # the commit the change is judged from
    changes: list[PathChange]
    roster: Roster  # the base's
    open_year: int | None  # the base's newest year
    findings: list[Finding] = field(default_factory=list)
    logins: tuple[str, ...] = ()  # the accounts judged (author, actor), normalized

    def reaches(self, path: str) -> bool:
        """Every judged account may change `path` (generator.forge.owners, from the base's
        roster and open year; the board any file): what the pull request's answer may tell
        about it. True without an account (no author: the committee's own check)."""
        for login in self.logins:
            account = self.roster.find(login)
            if account is not None and account.board:
                continue
            if not owners_of(path, self.roster, open_year=self.open_year).allows(account):
                return False
        return True

    @property
    def submissions(self) -> list[PathChange]:
        prefix = layout.SUBMISSIONS + "/"
        return [
            c
            for c in self.changes
            if c.path.startswith(prefix) or (c.old_path or "").startswith(prefix)
        ]


def base_years(repo: Path, base: str) -> list[int]:
    names = gitrepo.list_tree(repo, base, layout.SUBMISSIONS)
    return sorted(int(n) for n in names if layout.YEAR_RE.fullmatch(n))


def judge(repo: Path, ref: str, logins: list[str]) -> Judgement:
    """Read the change since `ref` and judge it for every account in `logins`."""
    base, changes = gitrepo.changes(repo, ref)
    years = base_years(repo, base)
    j = Judgement(
        base,
        changes,
        roster_from_bytes(gitrepo.file_at(repo, base, ROSTER_PATH)),
        years[-1] if years else None,
    )
    j.logins = tuple(dict.fromkeys(login.strip().lstrip("@").lower() for login in logins if login))
    j.findings += _names(j.submissions)
    j.findings += _new_years(repo, j.submissions, set(years))
    paths: list[str] = []
    for c in j.submissions:
        paths += [p for p in (c.old_path, c.path) if p and p.startswith(layout.SUBMISSIONS + "/")]
    read = read_changes(repo, base, sorted(set(paths))) if logins else []
    if logins:  # a secretary's own review: who must approve it (generator.forge.selfreview)
        j.findings += own_review_findings(j.submissions, j.roster, open_year=j.open_year)
    # the committee's facts in member reviews, by the base's schema (generator.forge.committee)
    fields = committee_fields(repo, base) if read else []
    moves = member_moves(j.submissions)  # a moved review is compared with its source
    for login in j.logins:
        account = j.roster.find(login)
        board = account is not None and account.board
        if not board:
            j.findings += _outside(j.changes, login)
            j.findings += _transfers(j.submissions, login, j.roster)
        j.findings += authorize(read, login, j.roster, open_year=j.open_year)
        j.findings += committee_field_findings(
            read, login, j.roster, fields, open_year=j.open_year, moves=moves
        )
    return j


def _names(changes: list[PathChange]) -> list[Finding]:
    out = []
    for c in changes:
        if c.status == "D" or not c.path.startswith(layout.SUBMISSIONS + "/"):
            continue
        problem = name_problem(c.path)
        if problem is not None:
            name, variant = problem
            out.append(
                make("path-name", c.path, Position(1, 1), variant=variant, name=visible(name))
            )
    return out


def _new_years(repo: Path, changes: list[PathChange], had: set[int]) -> list[Finding]:
    new: set[int] = set()
    for c in changes:
        f = layout.classify(c.path)
        if c.status != "D" and f.year is not None and f.year not in had:
            new.add(f.year)
    return [
        make("year-new-without-file", f"{layout.SUBMISSIONS}/{y}", Position(1, 1), year=y)
        for y in sorted(new)
        if not (repo / layout.SUBMISSIONS / str(y) / layout.YEAR_FILE).is_file()
    ]


def _outside(changes: list[PathChange], login: str) -> list[Finding]:
    out = []
    for c in changes:
        for path in (c.old_path, c.path):
            if path and not path.startswith(layout.SUBMISSIONS + "/"):
                what = {"D": "xóa", "A": "thêm"}.get(c.status, "sửa")
                if c.old_path == path:
                    what = "đổi tên"
                out.append(
                    make(
                        "auth-outside",
                        path,
                        Position(1, 1),
                        extra={"author": login},
                        login=login,
                        what=what,
                    )
                )
    return out


def _member_homes(changes: list[PathChange], *, removed: bool) -> dict[tuple[int, str], str]:
    """(year, member id) -> organization folder, for reviews removed (or added)."""
    out: dict[tuple[int, str], str] = {}
    for c in changes:
        path = (c.old_path or c.path) if removed else c.path
        if (c.status == "A" and removed) or (c.status == "D" and not removed):
            continue
        f = layout.classify(path)
        if f.kind is Kind.MEMBER and f.year is not None and f.org_folder is not None:
            out[(f.year, path.rsplit("/", 1)[-1].removesuffix(".yaml"))] = f.org_folder
    return out


def _transfers(changes: list[PathChange], login: str, roster: Roster) -> list[Finding]:
    """A review that leaves one organization and arrives in another: a transfer."""
    gone = _member_homes(changes, removed=True)
    came = _member_homes(changes, removed=False)
    account = roster.find(login)
    out = []
    for key in sorted(gone.keys() & came.keys()):
        source, target = gone[key], came[key]
        if source == target:
            continue
        src_org, dst_org = layout.org_id_of_folder(source), layout.org_id_of_folder(target)
        if account is not None and all(account.is_secretary_of(o) for o in (src_org, dst_org)):
            continue
        year, member = key
        path = f"{layout.SUBMISSIONS}/{year}/{target}/{layout.MEMBERS_DIR}/{member}.yaml"
        out.append(
            make(
                "auth-transfer",
                path,
                Position(1, 1),
                extra={"author": login},
                member=member,
                source=src_org,
                target=dst_org,
                login=login,
            )
        )
    return out
