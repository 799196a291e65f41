"""Rating reuse: a member's verdict from its rules, kept by what it depends on.

    memo = RatingMemo.load(repo)          # or RatingMemo() in a long-running process
    rate_years(years, reuse=memo)         # the same result as rate_years(years)
    memo.save(repo)                       # .kiemdiem-cache/rating-<year>.marshal

What a member's rules give (the engine's step 2 before the proposal and decision lines
are attached: `assemble` of every member rule's reasons) depends on exactly:

- the member's record: built from its file's bytes (`Year.digests[path]`, the load
  cache's SHA-256) under the load context (`Year.load_key`: the generator's code, the
  schemas, the ruleset, the year file's bytes — generator.loadcache.context_digest);
- the facts a member rule sees besides the record (generator.rules.rule.MemberFacts): the
  year's number, its resolved settings, its evaluation date, and the ruleset (its id; its
  code is in the load context). A member rule reads nothing else of the `Year`
  (tests/unit/rules/test_reuse.py proves it on every sample record).

Everything after that — the chi bộ a verdict is filed under, proposal and decision lines,
organizations, heads' caps, decisions above the ceiling, quota pools, flags, history and
re-ratings — reads the whole year and is computed afresh every time, from the reused
verdicts copied (those steps append to a verdict's reasons and flags).

A record whose path has no digest (the load cache was off, or the file unreadable) is
rated afresh and not kept. The file on disk holds `marshal` records of plain tuples (no
code runs on reading it): the whole table, then one patch per later run that changed it
(the cores it added, the keys gone: ~0 s instead of rewriting a province's ~55 MB), until
`MAX_PATCHES`. Anything unreadable, torn, foreign or of another version is ignored: a
full rating, never a crash.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import cachetrust
from generator.loadcache import CACHE_DIR
from generator.rules import reusefile
from generator.rules.base import Verdict
from generator.rules.reusefile import MAX_PATCHES, Core
from generator.submissions.records import MemberReview
from generator.submissions.year import Year


def year_key(year: Year, ruleset: str, settings: dict[str, Any], evaluation_date: dt.date) -> str:
    """What every member verdict of the year depends on besides its own file ("" when the
    load gave no key: nothing is reused)."""
    if not year.load_key:
        return ""
    return f"{year.load_key}|{year.year}|{cores_tag(ruleset, settings, evaluation_date)}"


def cores_tag(ruleset: str, settings: dict[str, Any], evaluation_date: dt.date) -> str:
    """What a year's member cores are made under besides each record (`Year.cores_tag`)."""
    shown = repr(sorted(settings.items(), key=lambda kv: kv[0]))
    return f"{ruleset}|{evaluation_date.isoformat()}|{shown}"


def member_key(year: Year, member: MemberReview) -> str:
    """The member's file and the digest of its bytes ("" when unknown: rated afresh)."""
    source = member.source
    if source is None:
        return ""
    digest = year.digests.get(source.path)
    return f"{source.path}\0{digest}" if digest else ""


def core_of(v: Verdict) -> Core:
    return (
        v.reviewed,
        v.rated,
        v.not_rated,
        v.ceiling,
        v.assessed,
        v.self_level,
        v.needs_decision,
        tuple(v.reasons),
        tuple(v.flags),
    )


def verdict_of(member_id: str, org_id: str, core: Core) -> Verdict:
    """A fresh verdict from a kept core (later steps append to its lists)."""
    reviewed, rated, not_rated, ceiling, assessed, self_level, needs, reasons, flags = core
    # positional (Verdict's field order): a call per member of a province
    return Verdict(
        *(member_id, "member", org_id, reviewed, rated, not_rated, ceiling, assessed),
        *(self_level, None, None, None, None, needs, list(reasons), list(flags)),
    )  # after self_level: proposed, proposed_votes, decided, decided_by


@dataclass
class YearCores:
    """One year's kept cores while it is rated: those found and those made."""

    year: Year
    key: str
    known: dict[str, Core]
    # `Year.cores` made under this rating's ruleset, settings and date (rules/loaded.py)
    loaded: dict[str, tuple[Any, Core]] = field(default_factory=dict)
    used: dict[str, Core] = field(default_factory=dict)
    hits: int = 0
    misses: int = 0

    def verdict(self, member_id: str, org_id: str, member: MemberReview) -> Verdict | None:
        """The member's verdict from its kept core (or the one its load made), or None
        (then rate and `keep`)."""
        if not self.key:
            return None
        mkey = member_key(self.year, member)
        core = self.known.get(mkey) if mkey else None
        if core is None:
            made = self.loaded.get(member.source.path) if member.source is not None else None
            if made is None or made[0] is not member:
                return None
            core = made[1]
        if mkey:
            self.used[mkey] = core
        self.hits += 1
        return verdict_of(member_id, org_id, core)

    def keep(self, member: MemberReview, v: Verdict) -> None:
        """Keep a verdict just assembled from the member's rules."""
        self.misses += 1
        mkey = member_key(self.year, member) if self.key else ""
        if mkey:
            self.used[mkey] = core_of(v)


class NoReuse:
    """Rate every member afresh (the default)."""

    def verdict(self, member_id: str, org_id: str, member: MemberReview) -> Verdict | None:
        return None

    def keep(self, member: MemberReview, v: Verdict) -> None:
        return None


@dataclass
class RatingMemo:
    """Kept member cores of each year, between ratings (in memory, and on disk)."""

    years: dict[int, tuple[str, dict[str, Core]]] = field(default_factory=dict)
    changed: set[int] = field(default_factory=set)
    # the keys of the cores on disk (read, or written last): a change is appended as a
    # patch of the cores not there (keys only: a long `serve` keeps no second copy)
    on_disk: dict[int, set[str]] = field(default_factory=dict)
    # the key of each year's file as read or written, and how many patches it has
    written: dict[int, tuple[str, int]] = field(default_factory=dict)
    last: dict[int, YearCores] = field(default_factory=dict)  # the last rating's, for stats

    def cores_for(
        self, year: Year, ruleset: str, settings: dict[str, Any], evaluation_date: dt.date
    ) -> YearCores:
        key = year_key(year, ruleset, settings, evaluation_date)
        kept_key, known = self.years.get(year.year, ("", {}))
        tag = cores_tag(ruleset, settings, evaluation_date)
        loaded = year.cores if year.cores_tag == tag else {}
        cores = YearCores(year, key, known if key and key == kept_key else {}, loaded)
        self.last[year.year] = cores
        return cores

    def done(self, cores: YearCores) -> None:
        """The year was rated: keep exactly the cores it used (files gone are dropped)."""
        if not cores.key:
            return  # nothing to key by (no load cache): the kept cores stay as they were
        y = cores.year.year
        kept_key, known = self.years.get(y, ("", {}))
        if cores.key != kept_key or cores.misses or len(cores.used) != len(known):
            self.changed.add(y)
        if cores.key != kept_key:
            self.on_disk.pop(y, None)
        self.years[y] = (cores.key, cores.used)

    # ------------------------------------------------------------------ on disk

    @staticmethod
    def path(repo: Path, year: int) -> Path:
        return repo / CACHE_DIR / f"rating-{year}.marshal"

    @classmethod
    def load(cls, repo: Path, years: list[int]) -> RatingMemo:
        memo = cls()
        memo.read(repo, years)
        return memo

    def read(self, repo: Path, years: list[int]) -> None:
        """Read the kept cores of the `years` this memo does not hold yet (none from a
        cache folder that came with the files, generator.cachetrust)."""
        if not cachetrust.trusted(repo):
            return
        for y in years:
            if y not in self.years and (kept := reusefile.read(self.path(repo, y))) is not None:
                key, cores, self.on_disk[y], patches = kept
                self.years[y] = (key, cores)
                self.written[y] = (key, patches)

    def save(self, repo: Path) -> None:
        """Write the years whose cores changed (atomically; a failure is ignored)."""
        if not cachetrust.trusted(repo):
            return
        for y in sorted(self.changed):
            key, cores = self.years[y]
            path = self.path(repo, y)
            on_disk = self.on_disk.get(y, set())
            known_key, patches = self.written.get(y, ("", MAX_PATCHES))
            if known_key == key and patches < MAX_PATCHES and path.exists():
                new = reusefile.rows_of(
                    (mkey, c) for mkey, c in cores.items() if mkey not in on_disk
                )
                gone = [mkey for mkey in on_disk if mkey not in cores]
                if reusefile.append(path, key, new, gone):
                    on_disk.update(new)
                    on_disk.difference_update(gone)
                    self.written[y] = (key, patches + 1)
                    continue
            rows = reusefile.rows_of(cores.items())
            self.on_disk[y] = set(rows)
            reusefile.write(path, key, rows)
            self.written[y] = (key, 0)
        self.changed.clear()
