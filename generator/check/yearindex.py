"""The year index: the few facts of every file of a year that a pull request's check needs
about the files it does not load (generator.check.scope).

One entry per file, keyed by its Git blob id (`git ls-tree` gives it for a whole tree
without reading a file), built from the file's checked record:

* a member file: the record's id when it is not the file's name (a mismatch makes that id
  "broken" year-wide; generator.check.crossfile), and a digest of who it is about (folded
  name, birth and admission dates: two ids for one person, generator.check.identity);
* an organization file: whether it has a record, the record's id when it is not the
  folder's name, whether its type is above grassroots, its secretary and its leadership,
  the organizations of the year before it continues (`ke_thua_tu`);
* a proposals file: the members it names; a decisions file: the members and
  organizations it names and the members it re-rates.

A file without a record has no facts (`None`): records are all that cross-file checks and
the rating read of another file. The index depends on what a record depends on, so it is
stored per year and context (schemas, the generator's code, the year file, the ruleset):
`.kiemdiem-cache/index-<year>-<context>.pickle`. A full check writes it (a cold one from
what its loading workers made of each file's bytes, `entry_of`; else Git's index gives the
blob ids of unmodified files); a scoped check reads it.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any, NamedTuple

from generator import atomic, cachetrust
from generator.check.identity import person_digest
from generator.check.loaded import LoadedFile
from generator.loadcache import CACHE_DIR, context_digest
from generator.submissions.layout import Kind

_VERSION = 3  # bump when Facts change shape


class Facts(NamedTuple):
    """What other files' checks may read of one file (see the module docstring)."""

    valid: bool = True  # an organization file that built a record
    rid: str | None = None  # the record's id when it is not the file's/folder's name
    upper: bool = False  # an organization above grassroots (tier tren_co_so)
    head: str | None = None  # the organization's secretary (bí thư)
    leaders: tuple[str, ...] = ()  # the organization's leadership ids
    members: tuple[str, ...] = ()  # member ids a proposals or decisions file names
    orgs: tuple[str, ...] = ()  # organization ids a decisions file names
    re_rated: tuple[str, ...] = ()  # member ids a decisions file re-rates
    preds: tuple[str, ...] = ()  # the organizations of the year before it continues
    person: str | None = None  # a member file's identity.person_digest


def facts_of(kind: Kind, path: str, record: Any) -> Facts | None:
    """The facts of one file from its record (None when the file has none to give)."""
    if kind is Kind.ORG:
        if record is None:
            return Facts(valid=False)
        folder_id = path.rsplit("/", 2)[-2]
        return Facts(
            rid=record.id if record.id != folder_id else None,
            upper=record.type.is_upper,
            head=record.head_id,
            leaders=tuple(record.leadership.all_ids),
            preds=tuple(record.predecessors),
        )
    if record is None:
        return None
    if kind is Kind.MEMBER:
        stem = path.rsplit("/", 1)[-1].removesuffix(".yaml")
        rid = record.id if record.id != stem else None
        person = person_digest(record)
        return Facts(rid=rid, person=person) if rid is not None or person is not None else None
    if kind is Kind.PROPOSALS:
        return Facts(members=tuple(p.member_id for p in record.items))
    if kind is Kind.DECISIONS:
        return Facts(
            members=tuple(d.member_id for d in record.members),
            orgs=tuple(d.org_id for d in record.organizations),
            re_rated=tuple(r.member_id for r in record.re_ratings),
        )
    return None


def entry_of(file: Any, data: bytes | None, record: Any) -> tuple[str, Facts | None]:
    """A file's entry, made where it is read (a loading worker): the Git blob id of the
    bytes its record was made from ("" when they could not be read) and the facts."""
    if data is None:
        return "", None
    blob = hashlib.sha1(b"blob %d\0" % len(data), usedforsecurity=False)
    blob.update(data)
    return blob.hexdigest(), facts_of(file.kind, file.path, record)


def index_path(repo: Path, year: int, ctx: Any) -> Path:
    """Where the index of `year` under loading context `ctx` is kept (not keyed by the
    repository's place: a copy, such as CI's checkout, keeps its index)."""
    key = context_digest(ctx, f"index-{_VERSION}")
    return repo / CACHE_DIR / f"index-{year}-{key}.pickle"


Entries = dict[str, tuple[str, Facts | None]]  # path -> (blob id, facts)


def read_index(repo: Path, year: int, ctx: Any) -> Entries | None:
    if not cachetrust.trusted(repo):  # the submitter's, not this machine's
        return None
    try:
        with index_path(repo, year, ctx).open("rb") as f:
            entries = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return None
    return entries if isinstance(entries, dict) else None


def write_index(
    repo: Path, year: int, ctx: Any, loaded: list[LoadedFile], blobs: dict[str, str]
) -> Entries:
    """Index every loaded file whose blob id is known; replaces the year's other indexes.

    An entry of the index already kept for this context is taken as it is when its blob
    id is the file's: the same bytes under the same context make the same record, so the
    same facts (making them again was ~2 s of a warm check at 100,000 members, a member's
    identity digest folding its name). An index that comes out unchanged is not written."""
    kept = read_index(repo, year, ctx) or {}
    entries: Entries = {}
    for lf in loaded:
        path = lf.file.path
        blob = blobs.get(path)
        if blob is None or lf.file.kind is Kind.YEAR:
            continue
        old = kept.get(path)
        if old is not None and old[0] == blob:
            entries[path] = old
        else:
            entries[path] = (blob, facts_of(lf.file.kind, path, lf.record))
    if entries == kept:
        return entries
    return write_entries(repo, year, ctx, entries)


def write_entries(repo: Path, year: int, ctx: Any, entries: Entries) -> Entries:
    """Write a year's index; replaces the year's other indexes (nothing is written into
    a cache folder that came with the files, generator.cachetrust)."""
    if not cachetrust.trusted(repo):
        return entries
    path = index_path(repo, year, ctx)
    cachetrust.make_folder(path.parent)
    for old in path.parent.glob(f"index-{year}-*.pickle"):
        old.unlink(missing_ok=True)
    atomic.write_with(path, lambda f: pickle.dump(entries, f, pickle.HIGHEST_PROTOCOL))
    return entries


def save_after_full_load(repo: Path, sink: dict[int, Any]) -> None:
    """After a full load: index each loaded year (skipped outside a Git work tree).

    When the load's workers read every file (a cold load), their entries are written as
    they are: each file keyed by the blob id of the very bytes its facts came from, which
    is Git's id for it when the file is as committed (else it is not found, as a file Git
    sees modified). Otherwise Git lists the blob ids of the files it sees unmodified
    (`git ls-files`, `git diff-files`: ~0.4 s at 100,000 files) and the facts are made
    from the loaded records here."""
    from generator import gitrepo

    for year, load in sink.items():
        entries = _workers_entries(repo, load)
        try:
            if entries is None:
                blobs = gitrepo.worktree_blobs(repo, f"submissions/{year}")
                write_index(repo, year, load.ctx, load.loaded, blobs)
            else:
                write_entries(repo, year, load.ctx, entries)
        except (gitrepo.GitError, OSError):
            return


def _workers_entries(repo: Path, load: Any) -> Entries | None:
    """The entries the load's workers made, when they cover every loaded file and the
    repository names blobs by SHA-1 (Git's default; a SHA-256 repository is listed by
    Git); None otherwise."""
    from generator import gitrepo

    made = getattr(load, "entries", None)
    if not made:
        return None
    paths = [lf.file.path for lf in load.loaded if lf.file.kind is not Kind.YEAR]
    if len(made) != len(paths) or not all(p in made for p in paths):
        return None
    try:
        if gitrepo.object_format(repo) != "sha1":
            return None
    except gitrepo.GitError:
        return None
    return {p: made[p] for p in paths if made[p][0]}


__all__ = [
    "Entries",
    "Facts",
    "entry_of",
    "facts_of",
    "read_index",
    "save_after_full_load",
    "write_entries",
    "write_index",
]
