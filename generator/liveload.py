"""The years a preview shows, kept loaded between rounds: only changed files are read again.

    live = LiveYears(repo, 2025)
    rated = live.load()                      # span(2025) loaded, through the content cache
    rated = live.update({"submissions/2025/.../dv-1.yaml"})   # that file read again

`kiemdiem serve` rates and renders after every save. Loading a province's year again from
the content cache (generator.loadcache) means unpickling 100,000 records and stat'ing
every file; here each year's outcomes stay in memory and a round reads only the files the
watcher named. Why that gives exactly what a fresh load gives:

* a file's outcome depends only on its bytes, its path and the year's context (schemas,
  ruleset, the year file's bytes: `loading.Context`) — the content cache's own key. Every
  file an event named is read again; when the year file changed (another context) every
  outcome of the year is dropped and the year goes through the content cache;
* linking writes into records (generator.check.crossfile.link_tree: organizations'
  folder, parent, children and member ids, a member's chi bộ): `unlink` puts those back
  as reading the file left them before the records are linked again. Nothing else
  writes into a record (the test below compares every field);
* the file list (walk order matters for findings and duplicates): kept when every named
  path is a file the list holds and still a regular file; anything else — a file
  created, deleted or moved, a folder — walks the year again;
* years are reloaded whole above the files (`Pipeline.reload`: the tree linked, the
  cross-file checks, findings minimized) and every year of the span is rated again;
* a schema change, a new or removed year: everything is loaded again (`load`).

tests/integration/test_serve_matches_build.py compares the records, findings and
verdicts after edits, additions, deletions, broken YAML and a change in the year before
with a fresh load, and the rendered pages with a fresh render.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check.schemas import SchemaSet
from generator.findings import Finding
from generator.loadcache import load_key
from generator.loading import Context, Outcome, OutcomeCache, Progress
from generator.loadpool import FileLoader
from generator.pipeline import Pipeline, RatedYears, ReloadYear, span
from generator.submissions.layout import SUBMISSIONS, SubmissionFile
from generator.submissions.records import MemberReview, Organization

# a round's path that means "anything may have changed" (the watcher lost events)
EVERYTHING = "*"

# the fields generator.check.crossfile.link_tree writes into records
LINKED: dict[type, tuple[str, ...]] = {
    Organization: ("folder", "parent_id", "children", "member_ids"),
    MemberReview: ("org_id",),
}


def _defaults(cls: type) -> list[tuple[str, Callable[[], Any]]]:
    out: list[tuple[str, Callable[[], Any]]] = []
    for f in dataclasses.fields(cls):
        if f.name not in LINKED[cls]:
            continue
        if f.default_factory is not dataclasses.MISSING:
            out.append((f.name, f.default_factory))
        else:
            out.append((f.name, functools.partial(lambda v: v, f.default)))
    return out


_DEFAULTS = {cls: _defaults(cls) for cls in LINKED}


def unlink(record: Any) -> None:
    """Put back the fields linking wrote as reading the file left them (their defaults)."""
    for name, default in _DEFAULTS.get(type(record), ()):
        setattr(record, name, default())


def _context_key(ctx: Context) -> tuple[Any, ...]:
    # config is read from year_bytes under the ruleset and schemas: the bytes say it all
    return (ctx.repo, ctx.schema_dir, ctx.ruleset, ctx.year_bytes)


@dataclass
class YearMemory:
    """One year's outcomes of the last round, by path, and the context they were made in;
    the SHA-256 of the bytes each came from and the load's key (`Year.digests` and
    `Year.load_key`: what rating reuse and page keys key records by)."""

    context: tuple[Any, ...] | None = None
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)
    key: str = ""  # the load's key (generator.loadcache.load_key)

    # what generator.check.load_year asks of a loader's `cache` (as of an OutcomeCache's)
    def digest_of(self, path: str, outcome: Outcome) -> str:
        return self.digests.get(path, "") if self.outcomes.get(path) is outcome else ""


class MemoryLoader:
    """A `FileLoader` that answers from the last round's outcomes (generator.check
    `load_year(loader=)`): files named `dirty` are read again, the others reused."""

    def __init__(
        self,
        memory: YearMemory,
        year: int,
        dirty: set[str],
        repo: Path,
        schemas: SchemaSet,
        ctx: Context,
        *,
        cache: bool,
    ) -> None:
        self.memory, self.year, self.dirty, self.use_cache = memory, year, dirty, cache
        self.loader = FileLoader(repo, schemas, ctx)
        self.cache: YearMemory | OutcomeCache | None = None  # the digests' source
        self.read: list[str] = []  # the paths read this round (not reused)

    def run(self, files: list[SubmissionFile], progress: Progress | None = None) -> list[Outcome]:
        memory, context = self.memory, _context_key(self.loader.ctx)
        if memory.context != context:  # first round, or the year file changed: every outcome
            outcomes, digests = self._all(files, progress)
            self.read = [f.path for f in files]
        else:
            kept, digests = memory.outcomes, dict(memory.digests)
            todo = [f for f in files if f.path in self.dirty or f.path not in kept]
            fresh = dict(zip((f.path for f in todo), self.loader.keyed(todo), strict=True))
            outcomes = []
            for f in files:
                if f.path in fresh:
                    outcome, digest = fresh[f.path]
                    digests[f.path] = digest
                else:
                    outcome = kept[f.path]
                    if outcome.record is not None:
                        unlink(outcome.record)
                outcomes.append(outcome)
            self.read = [f.path for f in todo]
        memory.context = context
        memory.outcomes = {f.path: o for f, o in zip(files, outcomes, strict=True)}
        memory.digests = {p: d for p in memory.outcomes if (d := digests.get(p, ""))}
        self.cache = memory
        return outcomes

    def _all(
        self, files: list[SubmissionFile], progress: Progress | None
    ) -> tuple[list[Outcome], dict[str, str]]:
        """Every file's outcome, through the content cache when on, and their digests."""
        self.memory.key = load_key(self.loader.ctx)
        if not self.use_cache:
            keyed = self.loader.keyed(files)
            return [o for o, _ in keyed], {
                f.path: d for f, (_, d) in zip(files, keyed, strict=True)
            }
        cache = OutcomeCache(self.loader.repo, self.year, self.loader.ctx)
        self.loader.cache = cache
        outcomes = self.loader.run(files, progress)
        digests = {f.path: cache.digest_of(f.path, o) for f, o in zip(files, outcomes, strict=True)}
        return outcomes, digests


class LiveYears:
    """The years `span` says a preview of `year` needs, loaded once and kept."""

    def __init__(self, repo: Path, year: int, *, cache: bool = True) -> None:
        self.repo, self.year, self.cache = repo, year, cache
        self.pipeline = Pipeline(repo, cache=cache)
        self.rated: RatedYears | None = None
        self.memory: dict[int, YearMemory] = {}
        self.loaders: list[MemoryLoader] = []  # the last round's (what they read)

    def load(self) -> RatedYears:
        """Every year of the span loaded again from the files (through the content cache)."""
        memo = self.pipeline.rating_memo
        self.pipeline = Pipeline(self.repo, cache=self.cache)  # the schemas read again
        if memo is not None and self.rated is not None:
            # the members' verdicts kept so far (keyed by what they depend on: a schema
            # change, another load key, reuses nothing; generator.rules.reuse)
            self.pipeline.rating_memo = memo
        all_years = self.pipeline.years()
        if self.year not in all_years:
            raise FileNotFoundError(f"{SUBMISSIONS}/{self.year}")
        self.memory = {y: YearMemory() for y in span(all_years, [self.year])}
        again: dict[int, ReloadYear] = {y: (None, self._loader(y, set())) for y in self.memory}
        self.loaders = []
        self.rated = self.pipeline.reload(RatedYears(all_years, [self.year]), again)
        self.pipeline.save_memo = False  # the rounds' ratings: kept in memory only
        return self.rated

    def update(self, changed: set[str]) -> RatedYears:
        """The years again after the files at `changed` (repository-relative paths an
        event named: files or folders, created, changed or gone) changed."""
        if self.rated is None or EVERYTHING in changed:
            return self.load()
        by_year: dict[int, set[str]] = {}
        for path in changed:
            parts = path.split("/")
            if parts[0] == "schema":
                return self.load()
            if parts[0] != SUBMISSIONS:
                continue
            if len(parts) < 3 or not parts[1].isdigit():
                return self.load()  # a year folder itself: the list of years may change
            if int(parts[1]) in self.memory:
                by_year.setdefault(int(parts[1]), set()).add(path)
        if self.pipeline.years() != self.rated.all_years:
            return self.load()
        again: dict[int, ReloadYear] = {}
        for y, paths in by_year.items():
            listed = self.rated[y].year.files
            known = {f.path for f in listed}
            same = all(p in known and _regular(self.repo / p) for p in paths)
            again[y] = (listed if same else None, self._loader(y, paths))
        self.loaders = []
        if again:
            self.rated = self.pipeline.reload(self.rated, again)
        return self.rated

    def broken(self) -> dict[str, Finding]:
        """The files the last round read that could not be parsed, with their first load
        finding (the preview keeps its last pages until they are fixed)."""
        out: dict[str, Finding] = {}
        for loader in self.loaders:
            for path in loader.read:
                outcome = loader.memory.outcomes.get(path)
                if outcome is not None and not outcome.loaded and outcome.load_findings:
                    out[path] = outcome.load_findings[0]
        return out

    def _loader(self, year: int, dirty: set[str]) -> Callable[[Path, SchemaSet, Any], Any]:
        def make(repo: Path, schemas: SchemaSet, ctx: Context) -> MemoryLoader:
            loader = MemoryLoader(
                self.memory[year], year, dirty, repo, schemas, ctx, cache=self.cache
            )
            self.loaders.append(loader)
            return loader

        return make


def _regular(path: Path) -> bool:
    try:
        return path.is_file() and not path.is_symlink()
    except OSError:
        return False


__all__ = ["EVERYTHING", "LINKED", "LiveYears", "MemoryLoader", "YearMemory", "unlink"]
