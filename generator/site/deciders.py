"""Who decides what in one year, indexed once: the audiences' sites ask it thousands of times.

A province has ~1,300 deciding committees and ~5,000 chi bộ, each with its own site
(`generator.site.audiences`). Asking every member's deciding body again for every
committee is O(members × committees); this index answers "what does committee X decide",
"who is in chi bộ Y", "which findings are about organization Z" in the size of the answer.
Built once per `Year` object (`index_of`), from the same authority code the rating uses
(`generator.authority`, RULES.md §7 D1–D5).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.authority import org_authority
from generator.findings import Finding
from generator.rules.base import YearVerdicts
from generator.submissions.layout import ID_RE, SUBMISSIONS, Kind, org_id_of_folder
from generator.submissions.year import Year


@dataclass
class DecidersIndex:
    # every member the year knows (a file, a broken file, a proposal) -> their chi bộ
    member_org: dict[str, str] = field(default_factory=dict)
    members_of: dict[str, list[str]] = field(default_factory=dict)  # org id -> member ids
    # deciding committee's org id -> the members (D1) and organizations (D2–D4) it decides
    decided_members: dict[str, list[str]] = field(default_factory=dict)
    decided_orgs: dict[str, list[str]] = field(default_factory=dict)
    # "submissions/<year>/<org folder>/" -> org id (also a broken chi bộ's, below)
    folders: dict[str, str] = field(default_factory=dict)
    # a chi bộ whose to-chuc.yaml exists but did not load: its folder name (the id it
    # should have: layout.org_id_of_folder) -> its folder below the year's
    broken_chi_bo: dict[str, str] = field(default_factory=dict)
    # org id -> positions of the findings in its folder or below, in the list last asked
    _findings: tuple[list[Finding], dict[str, list[int]]] | None = None

    @property
    def deciders(self) -> set[str]:
        """Every organization that decides something this year."""
        return set(self.decided_members) | set(self.decided_orgs)

    def members_in(self, org_ids: set[str]) -> dict[str, str]:
        """The members of `org_ids` (every member the year knows) and their chi bộ."""
        return {m: o for o in org_ids for m in self.members_of.get(o, ())}

    def findings_by_org(self, findings: list[Finding]) -> dict[str, list[int]]:
        """Each organization's findings (positions in `findings`): those about files in
        its folder or below."""
        if self._findings is None or self._findings[0] is not findings:
            self._findings = (findings, _findings_by_org(self.folders, findings))
        return self._findings[1]

    def findings_in(self, findings: list[Finding], org_ids: set[str]) -> list[Finding]:
        """The findings about files in the folders of `org_ids` (or below), in order."""
        by_org = self.findings_by_org(findings)
        at = sorted({i for o in org_ids for i in by_org.get(o, ())})
        return [findings[i] for i in at]


def build_index(year: Year, verdicts: YearVerdicts | None) -> DecidersIndex:
    """Index `year` (its verdicts name members without a readable file too)."""
    index = DecidersIndex()
    index.member_org = {mid: m.org_id for mid, m in year.members.items()}
    for mid, v in (verdicts.members if verdicts else {}).items():
        index.member_org.setdefault(mid, v.org_id)
    members_of: dict[str, list[str]] = defaultdict(list)
    for mid, org_id in index.member_org.items():
        members_of[org_id].append(mid)
    index.members_of = dict(members_of)
    grassroots = _grassroots(year)
    decided_members: dict[str, list[str]] = defaultdict(list)
    for org_id, mids in index.members_of.items():
        decider = grassroots.get(org_id)  # D1: the member's TCCSĐ
        if decider is not None and org_id in year.orgs:
            decided_members[decider] += mids
    index.decided_members = dict(decided_members)
    decided_orgs: dict[str, list[str]] = defaultdict(list)
    for oid in year.orgs:
        body = org_authority(year, oid).body
        if body is not None:
            decided_orgs[body.id].append(oid)
    index.decided_orgs = dict(decided_orgs)
    # by the repository path findings name (an organization's `folder` is the year's)
    base = f"{SUBMISSIONS}/{year.year}/"
    index.folders = {f"{base}{o.folder}/": o.id for o in year.orgs.values() if o.folder}
    index.broken_chi_bo = broken_chi_bo(year)
    index.folders.update({f"{base}{f}/": oid for oid, f in index.broken_chi_bo.items()})
    return index


def broken_chi_bo(year: Year) -> dict[str, str]:
    """The chi bộ whose `to-chuc.yaml` is in the year but did not load (no record): id
    (its folder's name) -> folder. Its secretary still gets a site of the findings in its
    folder (generator.site.audiences). Counted as a chi bộ: a folder holding member files,
    or one with no organization below it. Left out: a name that is no valid id, one a
    loaded organization has, and one two such folders share (whose site would it be?)."""
    org_folders = {f.org_folder for f in year.files if f.kind is Kind.ORG and f.org_folder}
    loaded = {o.folder for o in year.orgs.values()}
    broken = sorted(org_folders - loaded)
    if not broken:
        return {}
    with_members = {f.org_folder for f in year.files if f.kind is Kind.MEMBER}
    by_id: dict[str, list[str]] = defaultdict(list)
    for folder in broken:
        leaf = not any(o.startswith(f"{folder}/") for o in org_folders)
        oid = org_id_of_folder(folder)
        if (leaf or folder in with_members) and ID_RE.fullmatch(oid) and oid not in year.orgs:
            by_id[oid].append(folder)
    return {oid: folders[0] for oid, folders in by_id.items() if len(folders) == 1}


def _grassroots(year: Year) -> dict[str, str]:
    """Every organization's TCCSĐ (itself if it is one), walking each chain once."""
    out: dict[str, str] = {}

    def find(org_id: str) -> str | None:
        if org_id in out:
            return out[org_id]
        org = year.orgs.get(org_id)
        if org is None:
            return None
        if org.type.is_grassroots:
            found: str | None = org_id
        else:
            found = find(org.parent_id) if org.parent_id else None
        if found is not None:
            out[org_id] = found
        return found

    for oid in year.orgs:
        find(oid)
    return out


def _findings_by_org(folders: dict[str, str], findings: list[Finding]) -> dict[str, list[int]]:
    """Each organization's findings: those whose file lies in its folder or below."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, finding in enumerate(findings):
        path = finding.path
        cut = path.find("/")
        while cut != -1:
            org_id = folders.get(path[: cut + 1])
            if org_id is not None:
                out[org_id].append(i)
            cut = path.find("/", cut + 1)
    return dict(out)


# the last few years indexed (a build holds a year and the one before it)
_CACHE: list[tuple[Year, YearVerdicts | None, DecidersIndex]] = []


def index_of(year: Year, verdicts: YearVerdicts | None) -> DecidersIndex:
    """The index of `year` with its `verdicts`, built on first use."""
    for y, v, index in _CACHE:
        if y is year and v is verdicts:
            return index
    index = build_index(year, verdicts)
    _CACHE.append((year, verdicts, index))
    del _CACHE[:-4]
    return index
