"""The one place that answers "load these years and rate them with their history".

    from generator.pipeline import Pipeline

    rated = Pipeline(repo).rate([2025])          # RatedYears
    rated[2025].year, rated[2025].verdicts        # Year, YearVerdicts
    rated[2025].findings                          # file findings + rating findings
    rated.previous(2025)                          # the 2024 RatedYear (comparison), or None

`check`, `rate`, `stats`, `build` and `serve` all come through here, so they agree on
which years a rating needs (`span`):

- the year before the oldest wanted year: its final levels are the history of RULES.md X3
  ("2 năm liền") and the previous-year comparison of the statistics, and its records tell
  an id whose birth or admission date changed (generator.check.identity);
- every later year, when final levels matter (tables, pages, statistics): a later year's
  re-rating records (124-M7) change an earlier year's final levels. A check only reports
  findings, which later years do not change, so it stops at the newest wanted year.

All loaded years are rated together, oldest first (`generator.rules.rate_years`). Library
code: progress goes through a callback, nothing prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import LoadedFile, LoaderFactory, YearLoad, load_year
from generator.check.carryover import Carry, carry_for
from generator.check.identity import changed_identity
from generator.check.schemas import SchemaSet
from generator.findingcap import cap_per_file
from generator.findings import CheckResult, Finding
from generator.loadcache import paused_gc
from generator.privacy.minimize import minimize
from generator.rules import RatingMemo, rate_years
from generator.rules.base import YearVerdicts
from generator.submissions import layout
from generator.submissions.layout import SubmissionFile
from generator.submissions.year import Year

# (year, files read, files in the year): called while a year's files are read
Progress = Callable[[int, int, int], None]

# (year, its loaded files): may drop what a scope cannot depend on (generator.check.scoped)
Narrow = Callable[[int, list[LoadedFile]], None]

# a year to load again: its files (None: walk the year) and its loader (None: the cache)
ReloadYear = tuple[list[SubmissionFile] | None, LoaderFactory | None]

# how many earlier years a rating looks back (X3 compares with the year before)
HISTORY_YEARS = 1


@dataclass
class RatedYear:
    """One loaded year: its records, its files' findings and (when rated) its verdicts."""

    year: Year
    result: CheckResult  # load, schema and cross-file findings of the year's files
    verdicts: YearVerdicts | None = None  # None when loaded without rating

    @property
    def number(self) -> int:
        return self.year.year

    @property
    def findings(self) -> list[Finding]:
        """Every finding of the year: its files' and the rating engine's (deciding bodies)."""
        rating = self.verdicts.findings if self.verdicts is not None else []
        return [*self.result.findings, *rating]


@dataclass
class RatedYears:
    """The wanted years, and the years loaded as their history, rated together."""

    all_years: list[int]  # every year in submissions/
    wanted: list[int]
    years: dict[int, RatedYear] = field(default_factory=dict)  # oldest first

    def __getitem__(self, year: int) -> RatedYear:
        return self.years[year]

    def __contains__(self, year: object) -> bool:
        return year in self.years

    def __iter__(self) -> Iterator[RatedYear]:
        return iter(self.years.values())

    def previous(self, year: int) -> RatedYear | None:
        """The year before `year` when it was loaded (X3 history, the comparison)."""
        return self.years.get(year - 1)


def span(all_years: list[int], wanted: list[int], *, final_levels: bool = True) -> list[int]:
    """The years to load so that `wanted` are rated exactly (see the module docstring)."""
    if not wanted:
        return []
    first = min(wanted) - HISTORY_YEARS
    last = max(all_years) if final_levels else max(wanted)
    return [y for y in all_years if first <= y <= last]


class Pipeline:
    """Load and rate the years of one repository (its submissions/ and schema/)."""

    def __init__(
        self,
        repo: Path,
        schemas: SchemaSet | None = None,
        *,
        cache: bool = True,
        cache_home: Path | None = None,
    ) -> None:
        self.repo = repo
        self._schemas = schemas
        # reuse files' outcomes by content from .kiemdiem-cache/ (generator.loading), or
        # from another checkout's, read only (`cache_home`: forge.consequences' base copy)
        self.cache = cache
        self.cache_home = cache_home
        # members' verdicts kept between ratings (generator.rules.reuse): read from
        # .kiemdiem-cache/ once, then kept in memory by a long-running caller (`serve`)
        self.rating_memo: RatingMemo | None = RatingMemo() if cache else None
        # written back to .kiemdiem-cache/ after each rating (`serve` keeps it in memory
        # between its rounds and does not: ~0.2 s a round at 20,000 members)
        self.save_memo = True

    @property
    def schemas(self) -> SchemaSet:
        if self._schemas is None:
            self._schemas = SchemaSet(self.repo / "schema")
        return self._schemas

    def years(self) -> list[int]:
        return layout.years(self.repo)

    def load(
        self,
        wanted: list[int] | None = None,
        *,
        rate: bool = True,
        final_levels: bool = True,
        ruleset: str | None = None,
        progress: Progress | None = None,
        files: dict[int, list[SubmissionFile]] | None = None,
        sink: dict[int, YearLoad] | None = None,
        narrow: Narrow | None = None,
        carries: dict[int, Carry] | None = None,
    ) -> RatedYears:
        """Load `wanted` (default: every year) with their history and rate them together.

        `rate=False` loads only the wanted years (a check of form alone); `ruleset`
        overrides the wanted years' ruleset (a trial check); `final_levels=False` skips the
        later years (enough for findings, see `span`). `files[y]` loads only those files
        of year y (a pull request's scope, generator.check.scope); `sink` receives each
        year's loaded files and `narrow` may trim them (generator.check.load_year).
        `carries[y]`: what year y's check knows of the year before when only part of y is
        loaded (else taken from the year before as loaded, generator.check.carryover).
        """
        all_years = self.years()
        chosen = all_years if wanted is None else [y for y in all_years if y in wanted]
        out = RatedYears(all_years, chosen)
        to_load = span(all_years, chosen, final_levels=final_levels) if rate else chosen
        with paused_gc(freeze=True):
            self._load_into(
                out,
                to_load,
                rate=rate,
                ruleset=ruleset,
                progress=progress,
                files=files,
                sink=sink,
                narrow=narrow,
                carries=carries,
            )
        return out

    def _load_into(
        self,
        out: RatedYears,
        to_load: list[int],
        *,
        rate: bool,
        ruleset: str | None,
        progress: Progress | None,
        files: dict[int, list[SubmissionFile]] | None = None,
        sink: dict[int, YearLoad] | None = None,
        narrow: Narrow | None = None,
        carries: dict[int, Carry] | None = None,
    ) -> None:
        for y in to_load:
            carry = (carries or {}).get(y)
            if carry is None:  # a part of the year before is not its roster: walked then
                before = out.years.get(y - 1) if files is None else None
                carry = carry_for(self.repo, y, out.all_years, before and before.year)
            out.years[y] = self._load_one(
                y,
                ruleset=ruleset if y in out.wanted else None,
                progress=progress,
                # a scope's few files are read directly: the year's cache file is large
                cache=self.cache and files is None,
                files=files.get(y) if files is not None else None,
                sink=sink,
                narrow=narrow,
                carry=carry,
            )
        if rate and out.years:
            self._rate(out)

    def _load_one(
        self,
        y: int,
        *,
        ruleset: str | None = None,
        progress: Progress | None = None,
        cache: bool = False,
        files: list[SubmissionFile] | None = None,
        sink: dict[int, YearLoad] | None = None,
        narrow: Narrow | None = None,
        loader: LoaderFactory | None = None,
        carry: Carry | None = None,
    ) -> RatedYear:
        year, result = load_year(
            self.repo,
            y,
            schemas=self.schemas,
            ruleset=ruleset,
            progress=_for_year(progress, y),
            cache=cache,
            files=files,
            sink=sink,
            narrow=_for_year_narrow(narrow, y),
            cache_home=self.cache_home,
            loader=loader,
            carry=carry,
        )
        # findings name a committee-only field and line, never its value (issue 14)
        result.findings = minimize(cap_per_file(result.findings), self.repo)
        return RatedYear(year, result)

    def _rate(self, out: RatedYears) -> None:
        """Rate every loaded year together, oldest first (the history reaches forward)."""
        memo = self.rating_memo
        if memo is not None:
            memo.read(self.cache_home or self.repo, list(out.years))
        verdicts = rate_years({y: r.year for y, r in out.years.items()}, reuse=memo)
        if memo is not None and self.cache_home is None and self.save_memo:
            memo.save(self.repo)
        for y, r in out.years.items():
            # an id whose person changed since the year before X3 reads (generator.check.identity)
            if y - 1 in out.years:
                verdicts[y].findings += changed_identity(out.years[y - 1].year, r.year)
            verdicts[y].findings = minimize(cap_per_file(verdicts[y].findings), self.repo)
            r.verdicts = verdicts[y]

    def reload(
        self,
        rated: RatedYears,
        again: dict[int, ReloadYear],
    ) -> RatedYears:
        """`rated` with the years of `again` loaded again and every year rated again: what
        `load` gives when only those years' files changed (`kiemdiem serve`, which keeps
        the other years' records; generator.liveload). Each year of `again` is read from
        its file list (None: walked again) through its loader (None: the content cache)."""
        out = RatedYears(rated.all_years, rated.wanted)
        with paused_gc(freeze=True):
            for y in sorted({*rated.years, *again}):
                if y in again:
                    files, loader = again[y]
                    before = out.years.get(y - 1)
                    out.years[y] = self._load_one(
                        y,
                        cache=self.cache and loader is None,
                        files=files,
                        loader=loader,
                        carry=carry_for(self.repo, y, out.all_years, before and before.year),
                    )
                else:
                    kept = rated.years[y]
                    out.years[y] = RatedYear(kept.year, kept.result)
            if out.years:
                self._rate(out)
        return out

    def rate(
        self, wanted: list[int] | None = None, *, progress: Progress | None = None
    ) -> RatedYears:
        """`load` with final levels: what tables, statistics and pages show."""
        return self.load(wanted, progress=progress)


def _for_year_narrow(narrow: Narrow | None, year: int) -> Callable[[list[LoadedFile]], None] | None:
    if narrow is None:
        return None
    return lambda loaded: narrow(year, loaded)


def _for_year(progress: Progress | None, year: int) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(year, done, total)


__all__ = [
    "HISTORY_YEARS",
    "Pipeline",
    "Progress",
    "RatedYear",
    "RatedYears",
    "ReloadYear",
    "span",
]
