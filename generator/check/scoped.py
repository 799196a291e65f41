"""Load a pull request's scope (generator.check.scope) instead of its whole year.

    loaded = scoped_load(pipeline, selection, wanted, changes, ruleset=None, rate=True)

Returns the `RatedYears` of the sub-years (the wanted year's scope, and the previous
year's scope for the rating's history), or raises `Unbounded` when the whole year must be
loaded. What every file of the year is comes from Git and the year index: the files are
those of the base commit's tree (`git ls-tree`, with their blob ids) plus and minus the
change's paths; a file the change did not touch has its base content, so its blob id is
its content key in the index (generator.check.yearindex). The changed files, and any file
the index does not know (by path and blob id), are read and checked here (a few).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import gitrepo
from generator.check import LoadedFile, YearLoad, year_head
from generator.check.carryover import Carry, roster_of_stems
from generator.check.scope import Scope, close
from generator.check.yearindex import Facts, facts_of, read_index
from generator.check.yearmap import Unbounded, YearMap
from generator.loading import paused_gc
from generator.submissions import layout
from generator.submissions.layout import Kind
from generator.submissions.yamlload import loads

if TYPE_CHECKING:
    from generator.check.run import Selection
    from generator.pipeline import Pipeline, RatedYears

MAX_MISSES = 2000  # files the index does not know, read here; more: load the whole year
MAX_SHARE = 0.3  # a scope larger than this share of the year's files: load the whole year
ENV_SWITCH = "KIEMDIEM_PR_SCOPE"  # "off": always load the whole year (benchmarks compare)


@dataclass(frozen=True)
class Changes:
    """A pull request's change: its base commit and every path it touches (both sides of
    a move), as `generator.gitrepo.changes` lists them."""

    base: str
    paths: frozenset[str]


@dataclass
class YearScope:
    map: YearMap
    scope: Scope
    files: list[layout.SubmissionFile]


def scoped_load(
    pipeline: Pipeline,
    selection: Selection,
    wanted: list[int],
    changes: Changes,
    *,
    ruleset: str | None,
    rate: bool,
    progress: Any = None,
) -> RatedYears:
    """The wanted year's scope and its history's, loaded and rated (module docstring)."""
    if os.environ.get(ENV_SWITCH) == "off":
        raise Unbounded(f"{ENV_SWITCH}=off")
    if len(wanted) != 1 or selection.paths is None:
        raise Unbounded("not one year")
    with paused_gc(freeze=True):  # the index is a large tree of small objects
        return _load(pipeline, selection, wanted[0], changes, ruleset, rate, progress)


def _load(
    pipeline: Pipeline,
    selection: Selection,
    year: int,
    changes: Changes,
    ruleset: str | None,
    rate: bool,
    progress: Any,
) -> RatedYears:
    prefix = f"{layout.SUBMISSIONS}/{year}/"
    seeds = _seeds(year, selection.paths or [])
    earlier = None
    if rate and year - 1 in pipeline.years():
        earlier = YearMap.build(*_facts(pipeline, year - 1, changes, None))
    current = _year_scope(
        pipeline, year, changes, ruleset, seeds, lambda rel: selection.covers(prefix + rel), earlier
    )
    files = {year: current.files}
    scopes = {year: current.scope}
    if earlier is not None:
        history = _history_scope(pipeline, year - 1, earlier, current.scope)
        files[year - 1], scopes[year - 1] = history.files, history.scope
    sink: dict[int, YearLoad] = {}
    loaded = pipeline.load(
        [year],
        rate=rate,
        final_levels=False,
        ruleset=ruleset,
        progress=progress,
        files=files,
        sink=sink,
        narrow=lambda y, loaded: _narrow(scopes[y], loaded),
        carries=_carries(pipeline, year, changes, current.map, earlier),
    )
    _confirm(loaded[year].year, sink[year], current, selection)
    return loaded


def _carries(
    pipeline: Pipeline, year: int, changes: Changes, now: YearMap, earlier: YearMap | None
) -> dict[int, Carry]:
    """What the sub-year's check knows of the year before and of its whole year
    (generator.check.carryover), from the two years' maps (the indexes, no file read)."""
    years = pipeline.years()
    if year - 1 not in years:
        return {}
    if earlier is None:
        earlier = YearMap.build(*_facts(pipeline, year - 1, changes, None))
    roster = roster_of_stems(earlier.members_in)
    carry = Carry(
        year - 1,
        lambda: roster,
        dropped=year == max(years),
        present=now.by_stem,
        names=now.by_name,
        preds=now.by_pred,
    )
    return {year: carry}


def _seeds(year: int, paths: list[str]) -> list[str]:
    """The organization folder (relative to the year's) of every selected path."""
    prefix = f"{layout.SUBMISSIONS}/{year}/"
    seeds = []
    for p in paths:
        folder = layout.classify(p).org_folder if p.startswith(prefix) else None
        if not folder:
            raise Unbounded(f"{p}: not inside an organization's folder")
        seeds.append(folder)
    return seeds


def _year_scope(
    pipeline: Pipeline,
    year: int,
    changes: Changes,
    ruleset: str | None,
    seeds: list[str],
    shown: Callable[[str], bool],
    earlier: YearMap | None,
) -> YearScope:
    root, facts = _facts(pipeline, year, changes, ruleset)
    m = YearMap.build(root, facts)
    scope = close(m, seeds, max_files=int(MAX_SHARE * len(facts)), shown=shown, earlier=earlier)
    return YearScope(m, scope, layout.walk_year(pipeline.repo, year, scope.within))


def _history_scope(pipeline: Pipeline, year: int, m: YearMap, later: Scope) -> YearScope:
    """The previous year's scope: the files named like the later scope's members and the
    members its re-ratings concern (their final levels feed X3 and the re-ratings)."""
    wanted = sorted(later.members | later.re_rated)
    seeds = [f for stem in wanted for f in m.by_stem.get(stem, ())]
    scope = Scope(set(), set())
    if seeds:  # only verdicts are read from the year before: no finding of it is shown
        scope = close(m, seeds, max_files=int(MAX_SHARE * len(m.facts)), shown=lambda rel: False)
    return YearScope(m, scope, layout.walk_year(pipeline.repo, year, scope.within))


def _facts(
    pipeline: Pipeline, year: int, changes: Changes, ruleset: str | None
) -> tuple[str | None, dict[str, Facts | None]]:
    """(the root's id, every file of the year now -> its facts), relative to the year."""
    repo = pipeline.repo
    prefix = f"{layout.SUBMISSIONS}/{year}/"
    try:  # Git lists while the index is read
        ignored = gitrepo.start_ignored(repo, prefix)
        listing = gitrepo.start_tree_blobs(repo, changes.base, prefix)
    except gitrepo.GitError as exc:
        raise Unbounded(str(exc)) from exc
    year_file = layout.classify(prefix + layout.YEAR_FILE)
    present = [year_file] if (repo / year_file.path).is_file() else []
    head = year_head(repo, present, pipeline.schemas, ruleset)
    entries = read_index(repo, year, head.ctx)
    try:
        if gitrepo.names_of(ignored):
            raise Unbounded(f"{prefix}: files Git ignores")
        blobs: dict[str, str | None] = dict(gitrepo.tree_blobs_of(listing))
    except gitrepo.GitError as exc:
        raise Unbounded(str(exc)) from exc
    if entries is None:
        raise Unbounded(f"no index for {year}")
    for p in changes.paths:
        if p.startswith(prefix):
            full = repo / p
            if full.is_file() and not full.is_symlink():
                blobs[p] = None  # changed: read below
            else:
                blobs.pop(p, None)
    facts: dict[str, Facts | None] = {}
    misses: list[str] = []
    cut = len(prefix)
    for path, blob in blobs.items():
        if ("/." in path or path.endswith(_IGNORED)) and not _walked(path[cut:]):
            continue
        entry = entries.get(path)
        if entry is not None and blob is not None and entry[0] == blob:
            facts[path[cut:]] = entry[1]
        else:
            misses.append(path)
    if len(misses) > MAX_MISSES:
        raise Unbounded(f"{len(misses)} files not in the index")
    facts.update(_read(repo, misses, head.ctx, pipeline.schemas, prefix))
    root = head.config.root if head.config is not None else None
    return root, facts


_IGNORED = tuple(layout.IGNORED_NAMES)


def _walked(rel: str) -> bool:
    """Whether the walk reads this path (it skips dot-folders and the ignored names)."""
    parts = rel.split("/")
    return parts[-1] not in layout.IGNORED_NAMES and not any(p.startswith(".") for p in parts[:-1])


def _read(
    repo: Path, paths: list[str], ctx: Any, schemas: Any, prefix: str
) -> dict[str, Facts | None]:
    from generator.loading import check_one

    out: dict[str, Facts | None] = {}
    for path in paths:
        file = layout.classify(path)
        record = None
        if file.kind in (Kind.ORG, Kind.MEMBER, Kind.PROPOSALS, Kind.DECISIONS):
            record = check_one(file, ctx, schemas).record
        out[path[len(prefix) :]] = facts_of(file.kind, path, record)
    return out


def _narrow(scope: Scope, loaded: list[LoadedFile]) -> None:
    """Drop the decision lines of loaded files outside the units whose subject the sub-year
    does not hold: in the full year they make findings on their own line only, none naming
    a file of the scope, and decide no subject of it (each would cost a year-wide hint)."""
    stems = {lf.file.path.rsplit("/", 1)[-1][:-5] for lf in loaded if lf.file.kind is Kind.MEMBER}
    orgs = {
        layout.org_id_of_folder(lf.file.org_folder)
        for lf in loaded
        if lf.file.kind is Kind.ORG and lf.file.org_folder
    }
    for lf in loaded:
        record = lf.record
        if lf.file.kind is not Kind.DECISIONS or record is None:
            continue
        if not scope.inside(lf.file.org_folder or ""):
            record.members = [d for d in record.members if d.member_id in stems]
            record.organizations = [d for d in record.organizations if d.org_id in orgs]


def _confirm(year: Any, load: YearLoad, current: YearScope, selection: Selection) -> None:
    """What the index cannot tell, checked on the loaded sub-year: a unit's decision
    naming a member or organization the sub-year does not have (its hint is the nearest id
    of the whole year), a unit's unreadable review naming another member's id."""
    scope = current.scope
    broken = year.unlinked_members()
    for org_id, decisions in year.decisions.items():
        org = year.orgs.get(org_id)
        if org is None or not scope.inside(org.folder):
            continue
        if decisions.source is None or not selection.covers(decisions.source.path):
            continue  # its findings are not shown
        if any(
            d.member_id not in year.members and d.member_id not in broken for d in decisions.members
        ):
            raise Unbounded(f"{org_id}: decides a member the scope does not have")
        if any(d.org_id not in year.orgs for d in decisions.organizations):
            raise Unbounded(f"{org_id}: decides an organization the scope does not have")
    for lf in load.loaded:
        if lf.file.kind is not Kind.MEMBER or lf.record is not None or lf.document is None:
            continue
        if not scope.inside(lf.file.org_folder or ""):
            continue
        stem = lf.file.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        try:
            document = loads((year.repo / lf.file.path).read_bytes()).document
        except OSError:
            continue
        inside = document.data.get("ma_dang_vien") if document is not None else None
        if isinstance(inside, str) and inside != stem and inside in current.map.by_stem:
            raise Unbounded(f"{lf.file.path}: names another member's id")


__all__ = ["ENV_SWITCH", "Changes", "scoped_load"]
