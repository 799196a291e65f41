"""What a pull request's check must load: the changed files' *units*, closed under every
cross-file read, or — when that cannot be bounded — the whole year.

`check --changed-since` shows the findings whose file is a changed one (or, for a deleted
file, lies in its folder), whose folder holds one, or whose `related` files include one
(generator.check.run.Selection). The scoped check loads a sub-year — the files of a few
folders, in the order of the whole walk — runs the *same* load, link, cross-file, form and
rating code on it, and filters with the same Selection. Its findings equal the full check's
filtered ones because every shown finding reads only files the sub-year holds, exactly as
the full year has them. The argument:

1. **Units.** A folder's unit is, going down from the root, the first organization that is
   not above grassroots (a TCCSĐ: chi bộ cơ sở, đảng bộ cơ sở), or the folder itself when
   every organization on the way is above grassroots (a đảng bộ xã/khối changed its own
   files: its whole subtree). A unit is loaded whole. Everything a unit's members and
   organizations are rated from lies in it — D1: a member is decided by their TCCSĐ;
   D2/D3: its organizations by it or by the level above; member quota pools are per TCCSĐ
   (generator.rules.pools); an organization's level is built from its members and
   subordinates — except what the loaded *ancestors'* own files give (their records give
   parents, types and authority; their decisions decide the unit's TCCSĐ). Every ancestor's
   own files (`to-chuc.yaml`, `de-xuat.yaml`, `quyet-dinh.yaml`, `dang-vien/`) are loaded.
2. **Year-wide reads, closed with the year index** (generator.check.yearindex: per file, by
   Git blob id, the ids its record names). For every member file of a unit, and every id a
   unit's records name:
   - a member file with the same name elsewhere (a duplicate is reported on the later one,
     naming the earlier): its unit is added, so the walk order decides as in the full year;
   - a member file about the same person under another id (the index's digest of the
     folded name and both dates; generator.check.identity): its unit is added, so each of
     them names the same other file as in the full year;
   - an id named by a unit's leadership, proposals, decisions or as a mismatched record id:
     every file with that name is added (its unit), so `year.members`, `broken_members`
     and authority read as in the full year. A decision naming an id that no file has is
     told the nearest id of the *whole year*: full load. A record whose id is not its file
     name makes that id broken year-wide: when that id concerns the scope, full load;
   - an organization a unit's decision names: its folder's own files and ancestors are
     added (authority D2–D4 reads its parent chain); one no folder has: full load;
   - an organization anywhere whose secretary is a unit's member caps that member (head
     after unit, 132-L1/124-L1): that organization's unit is added (a đảng bộ xã's whole
     subtree when its secretary is changed);
   - proposals and decisions elsewhere naming a unit's member report against their own line
     with the member's file in `related` (shown): their folders' own files are added;
   - a re-rating (124-M7) in a unit, or of a unit's member anywhere: the files re-rating
     that member are added (the last applied decides their earlier level, which X3 reads),
     the member is a seed of the year before (who decided then), and every organization of
     this year named like an organization on the member's earlier chain, or continuing one
     (`ke_thua_tu`), is added (its successor, generator.authority.successor).
   Organizations named the same in two folders (both `org-duplicate`, neither linked;
   generator.check.crossfile), and folders without `to-chuc.yaml` named like an organization elsewhere
   (the `misplaced` hint names it): full load.
3. **What is loaded but not closed** (ancestors' and added folders' own files) is rated
   too, from partial children. Its verdicts reach a shown finding only through a unit's
   member it is headed by (closed above) or findings on its own files, whose `related` is a
   unit file only for the unit's own subjects (computed from the closed unit). Quota pools
   above a unit (the organizations a đảng bộ xã decides) add reasons to the unit's verdict,
   never findings on its files; findings on an ancestor's decision lines name no related
   file.
4. **History** (X3, the year before): the same closure in the previous year, seeded with
   the files named like the units' members and the members re-rated, gives their final
   levels exactly, and their records of the year before (an id whose birth or admission
   date changed, generator.check.identity); later years are never loaded by a check
   (generator.pipeline.span).
   Re-ratings in files outside the units concern members outside them: they change those
   members' verdicts and findings on their own lines only.

Full load instead (the caller falls back): a changed year file, schema or file at the
root's level, a change in more than one year, a folder on a changed file's path without a
valid `to-chuc.yaml`, an index missing or stale for many files, files Git ignores, a scope
larger than a share of the year, and the cases above. The tests (tests/integration/test_check_scope.py) compare the two on
synthetic years for member, organization, proposal and decision edits, moves and deletions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from generator.check.yearindex import Facts
from generator.check.yearmap import Unbounded, YearMap, prefixes
from generator.submissions import layout


@dataclass
class Scope:
    """Folders loaded whole (units) and folders whose own files are loaded."""

    units: set[str]
    own: set[str]
    members: set[str] = field(default_factory=set)  # the units' member stems
    re_rated: set[str] = field(default_factory=set)  # members re-rated by or of the units

    def inside(self, folder: str) -> bool:
        return any(p in self.units for p in prefixes(folder)) if folder else False

    def within(self, folder: str) -> tuple[bool, bool]:
        """For layout.walk_year: (read the files in `folder`, descend into it)."""
        if self.inside(folder):
            return True, True
        owner = folder.removesuffix("/" + layout.MEMBERS_DIR)
        read = folder == "" or owner in self.own
        return read, read or any(p.startswith(folder + "/") for p in (*self.units, *self.own))


def close(
    m: YearMap,
    seeds: Iterable[str],
    *,
    max_files: int,
    shown: Callable[[str], bool],
    earlier: YearMap | None = None,
) -> Scope:
    """The units of `seeds` (folders) closed under year-wide reads (module docstring, 2).
    `shown(path)`: whether the check shows findings on that file (relative to the year);
    `earlier`: the year before, when re-ratings (124-M7) are read (the checked year)."""
    scope = Scope({m.unit_of(s) for s in seeds}, set())
    while True:
        before = (set(scope.units), set(scope.own))
        _grow(m, scope, shown)
        if earlier is not None:
            _successors(m, scope, earlier)
        scope.units = {
            u for u in scope.units if not any(p in scope.units for p in prefixes(u)[:-1])
        }
        if (scope.units, scope.own) == before:
            break
    scope.own = {p for f in (*scope.units, *scope.own) for p in prefixes(f)[:-1]} | {
        f for f in scope.own if not scope.inside(f)
    }
    _check_names(m, scope)
    size = sum(len(m.members_in.get(f, ())) + 4 for u in scope.units for f in m.below(u))
    if size > max_files:
        raise Unbounded(f"scope of about {size} files")
    return scope


def _grow(m: YearMap, scope: Scope, shown: Callable[[str], bool]) -> None:
    refs: set[str] = set()
    decided: set[str] = set()  # named by a decisions file whose findings are shown
    persons: set[str] = set()  # who the units' member files are about
    for unit in list(scope.units):
        for folder in m.below(unit):
            for stem in m.members_in.get(folder, ()):
                scope.members.add(stem)
                f = m.facts.get(f"{folder}/{layout.MEMBERS_DIR}/{stem}.yaml")
                if f is not None and f.rid is not None:
                    refs.add(f.rid)
                if f is not None and f.person is not None:
                    persons.add(f.person)
            org = m.org.get(folder)
            if org is not None:
                refs.update(org.leaders)
            refs.update(_file(m, folder, layout.PROPOSALS_FILE).members)
            decisions = _file(m, folder, layout.DECISIONS_FILE)
            scope.re_rated.update(decisions.re_rated)
            refs.update(decisions.re_rated)
            if shown(f"{folder}/{layout.DECISIONS_FILE}"):
                decided.update(decisions.members)
            else:
                refs.update(decisions.members)
            _org_refs(m, scope, decisions.orgs, shown(f"{folder}/{layout.DECISIONS_FILE}"))
    for person in persons:  # the same person under another id (generator.check.identity)
        _add_units(m, scope, m.by_person[person])
    for stem in scope.members:
        _add_units(m, scope, m.by_stem.get(stem, ()))
        for folder in m.heads.get(stem, ()):
            if folder != m.root and not scope.inside(folder):
                scope.units.add(m.unit_of(folder))
        scope.own.update(f for f in m.named_by.get(stem, ()) if not scope.inside(f))
        if stem in m.re_raters:  # its final level of the year before (X3) changes
            scope.re_rated.add(stem)
            scope.own.update(f for f in m.re_raters[stem] if not scope.inside(f))
    for member_id in (refs | decided) - scope.members:
        folders = m.by_stem.get(member_id)
        if folders:
            _add_units(m, scope, folders)
        elif member_id in decided:
            raise Unbounded(f"{member_id}: decided but no file has it (year-wide guess)")
    for member_id in scope.members | refs | decided:
        if any(not scope.inside(f) for f in m.by_rid.get(member_id, ())):
            raise Unbounded(f"{member_id}: a mismatched record elsewhere makes it broken")


def _successors(m: YearMap, scope: Scope, earlier: YearMap) -> None:
    """Who may re-rate a member (generator.authority.re_rating_authority): their deciding
    body of the year before or its successor in this year — the organization of the same
    id, else the first naming it in `ke_thua_tu`, else its parent's — or one above it.
    Every organization so named along the member's earlier chain is loaded."""
    for member_id in scope.re_rated:
        for folder in earlier.by_stem.get(member_id, ()):
            for org_id in (p.rpartition("/")[2] for p in prefixes(folder)):
                for f in (*m.by_name.get(org_id, ()), *m.by_pred.get(org_id, ())):
                    if not scope.inside(f):
                        scope.own.add(f)


def _file(m: YearMap, folder: str, name: str) -> Facts:
    return m.facts.get(f"{folder}/{name}") or Facts()


def _add_units(m: YearMap, scope: Scope, folders: Iterable[str]) -> None:
    for folder in folders:
        if not scope.inside(folder):
            scope.units.add(m.unit_of(folder))


def _org_refs(m: YearMap, scope: Scope, org_ids: Iterable[str], shown: bool) -> None:
    for org_id in org_ids:
        folders = m.by_name.get(org_id, [])
        if not folders and shown:
            raise Unbounded(f"{org_id}: decided but no folder has it (year-wide guess)")
        scope.own.update(f for f in folders if not scope.inside(f))


def _check_names(m: YearMap, scope: Scope) -> None:
    """Organization ids (folder names) the scope holds must be unique in the year."""
    folders = {f for u in scope.units for f in m.below(u)} | scope.own
    for folder in folders:
        if folder.endswith("/" + layout.MEMBERS_DIR):
            continue
        name = folder.rsplit("/", 1)[-1]
        others = m.by_name.get(name, [])
        if len(others) > 1 or (others and folder not in m.org and folder not in others):
            raise Unbounded(f"{name}: an organization id in two folders")


__all__ = ["Scope", "close"]
