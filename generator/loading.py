"""Read and validate a year's files at province size: worker processes, a content cache,
compact records.

    outcomes = FileLoader(repo, schemas, context).run(files, progress)

Each file is read, parsed (generator.submissions.yamlload), validated against its schema and
built into a record (`check_one`, the same steps `generator.check.load_year` takes for one
file). Three things make this scale to a 100,000-member province:

* **processes**: files are handed to a pool of worker processes in chunks (one per core)
  once there are enough of them to pay for the pool;
* **compact records**: a record keeps no YAML tree and no position table; its
  `CompactDocument` re-reads its file for positions only when a finding asks for one
  (a check with findings in a handful of files re-parses that handful);
* **a cache of outcomes keyed by content** under `.kiemdiem-cache/` (gitignored,
  `generator.loadcache`): an outcome is reused when the file's bytes (SHA-256, not re-read
  while its stat is unchanged), its path and the context (schemas, the generator's code,
  the year file, the ruleset) are the same, so a second check parses only what changed.

Outcomes come back in file order, so findings are reported exactly as one process would.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding
from generator.loadcache import (
    CACHE_DIR,
    OutcomeCache,
    Stream,
    hash_bytes,
    paused_gc,
    read_with_stat,
)
from generator.submissions.layout import Kind, SubmissionFile
from generator.submissions.tuplestate import tuple_state
from generator.submissions.yamlload import MAX_FILE_BYTES, Document, PathKey, loads

CHUNK = 256  # files per task handed to a worker
# the workers yield the processor to this process, which takes their results: on as many
# cores as workers, a parent waiting its turn fell behind and unpickled the last results
# alone while a core idled (a cold check at 100,000 members on 2 cores, alternated runs:
# 15.9-17.2 s at equal priority, 14.8-16.3 s with this)
WORKER_NICENESS = 10
MIN_PARALLEL = 2000  # fewer files than this are read in this process (a pool costs ~0.2 s)

Progress = Callable[[int, int], None]  # (files done, files in all)


class CompactDocument(Document):
    """A document without its tree or positions; they are read again when first asked for.

    Records keep one of these as `source.document`: positions (and the raw mapping) are
    only needed for the few files that have findings, so holding every file's position
    table (millions of entries in a province, ~0.5 GB) is the waste this avoids. Code that
    needs a position asks for it when it makes a finding, not before
    (e.g. generator.check.decisions).
    """

    # class defaults: an unpickled document gets only `rel` (no __setstate__ call per
    # record in the parent of a cold check); `root` is set by FileLoader._rebase
    root = ""
    _doc: Document | None = None

    def __init__(self, root: str, rel: str) -> None:  # no tables until asked
        self.root = root  # the repository (one string shared by a chunk's documents)
        self.rel = rel  # the file, repository-relative (the record's own `source.path`)

    @property
    def full_path(self) -> str:
        return os.path.join(self.root, self.rel)

    def _fill(self) -> Document:
        if self._doc is None:
            try:
                # the document `check` read (generator.check.files.read_document)
                data = Path(self.full_path).read_bytes()
                document = loads(data, despite_controls=True).document
            except OSError:
                document = None
            self._doc = document if document is not None else Document({}, {}, {})
        return self._doc

    @property  # type: ignore[override]
    def data(self) -> dict[str, Any]:
        return self._fill().data

    @data.setter
    def data(self, value: dict[str, Any]) -> None:
        self._fill().data = value

    @property
    def value_marks(self) -> dict[PathKey, int]:  # type: ignore[override]
        return self._fill().value_marks

    @property  # type: ignore[override]
    def text(self) -> str | None:
        return self._fill().text

    @text.setter
    def text(self, value: str | None) -> None:
        self._fill().text = value

    @property
    def key_marks(self) -> dict[PathKey, int]:  # type: ignore[override]
        return self._fill().key_marks

    def __getstate__(self) -> dict[str, Any]:
        # the repository-relative path only: what is pickled — a worker's outcomes, the
        # cache, the site's page keys and digests — does not depend on the checkout's
        # place; FileLoader sets `root` again on every outcome it hands out (_rebase)
        return {"rel": self.rel}


@tuple_state  # pickled for every file of a load (generator.submissions.tuplestate)
@dataclass(slots=True)
class Outcome:
    """What checking one file gave: its load findings, its schema findings, its record."""

    loaded: bool  # False when the file could not be parsed (no document)
    load_findings: list[Finding] = field(default_factory=list)
    check_findings: list[Finding] = field(default_factory=list)
    record: Any = None


@dataclass(frozen=True)
class Context:
    """What a file's outcome depends on besides its own bytes and path."""

    repo: str
    schema_dir: str
    ruleset: str | None  # the active ruleset (None: the year file is missing or broken)
    config: Any  # the year's YearConfig (new members' reviews depend on its date)
    year_bytes: bytes  # the year file, as a cache key


# ---------------------------------------------------------------------- one file


def check_one(file: SubmissionFile, ctx: Context, schemas: Any) -> Outcome:
    """Read, parse, validate and build one file (not the year file) under `ctx`."""
    return check_keyed(file, ctx, schemas)[0]


def check_keyed(file: SubmissionFile, ctx: Context, schemas: Any) -> tuple[Outcome, str]:
    """`check_one`, and the SHA-256 of the very bytes it checked ("" when it could not read
    them): the cache's key, computed where the file is read (in a worker, for a cold year)."""
    outcome, digest, _ = check_stat(file, ctx, schemas)
    return outcome, digest


def check_stat(
    file: SubmissionFile, ctx: Context, schemas: Any
) -> tuple[Outcome, str, bytes | None]:
    """`check_keyed`, and the file's stat as the cache keeps it (`loadcache.pack_stat`),
    taken from the open file before its bytes were read (None when it was not read): a
    worker's, so the parent of a cold check stats nothing."""
    return check_read(file, ctx, schemas)[:3]  # type: ignore[return-value]


def check_read(
    file: SubmissionFile, ctx: Context, schemas: Any
) -> tuple[Outcome, str, bytes | None, bytes | None]:
    """`check_stat`, and the bytes it checked (None when it could not read them).

    Paths are plain strings here, the file is read with os calls (pathlib and io's
    buffered reader were ~10% of a file's cost in a cold check)."""
    from generator.check.files import LoadedFile, read_document, validate_loaded
    from generator.findings import CheckResult

    data: bytes | None = None
    stat: bytes | None = None
    with contextlib.suppress(OSError):
        data, stat = read_with_stat(os.path.join(ctx.repo, file.path), MAX_FILE_BYTES)
    # (a file that could not be read, or is too large, is looked at again by read_document,
    # which says why)
    digest = hash_bytes(data) if data is not None else ""
    loaded = CheckResult()
    # positions are worked out only if a finding needs one (yamlload.loads)
    doc = read_document(ctx.repo, file, loaded, data=data, positions=False, schemas=schemas)
    lf = LoadedFile(file, doc)
    outcome = Outcome(lf.document is not None, loaded.findings)
    if lf.document is None:
        return outcome, digest, stat, data
    checked = CheckResult()
    outcome.record = validate_loaded(schemas, lf, ctx.config, ctx.ruleset, checked)
    outcome.check_findings = checked.findings
    if loaded.errors:  # a text error (control character, " #"): unrated, as a schema error
        outcome.record = None
    if outcome.record is not None:
        outcome.record.source.document = CompactDocument(ctx.repo, file.path)
    return outcome, digest, stat, data


_WORKER: dict[str, Any] = {}


def _init_worker(ctx: Context) -> None:
    from generator.check.schemas import SchemaSet

    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    _WORKER["ctx"] = ctx
    _WORKER["schemas"] = SchemaSet(Path(ctx.schema_dir))


def _check_chunk(files: list[SubmissionFile]) -> tuple[bytes, list[bytes | None], list[Any]]:
    """The chunk's `(path, digest, outcome)` rows, pickled: a chunk of the cache file as it
    is (generator.loadcache.Stream); each file's stat, taken before it was read; and each
    file's year-index entry (generator.check.yearindex.entry_of: the Git blob id of the
    bytes read, and the facts of their record)."""
    from generator.check.yearindex import entry_of

    ctx, schemas = _WORKER["ctx"], _WORKER["schemas"]
    rows = []
    stats = []
    entries = []
    # no collection while the chunk grows: checking a file makes no garbage cycles, and
    # each collection would walk the chunk's records again (~8% of a worker's time)
    with paused_gc():
        for f in files:
            outcome, digest, stat, data = check_read(f, ctx, schemas)
            rows.append((f.path, digest, outcome))
            stats.append(stat)
            entries.append(entry_of(f, data, outcome.record))
        return pickle.dumps(rows, pickle.HIGHEST_PROTOCOL), stats, entries


def _rebase(record: Any, root: str, rel: str) -> None:
    """Point an unpickled record at this checkout's file (a pickled document names no
    checkout: the outcome came from a worker, or from a cache written by another checkout
    of the same bytes — CI's last run on main, the working tree for the base commit's
    copy); positions are read from that file when a finding is made."""
    document = record.source.document
    if isinstance(document, CompactDocument) and document.rel == rel:
        document.root = root  # one string shared by every record of the load
    else:
        record.source.document = CompactDocument(root, rel)


# ---------------------------------------------------------------------- the loader


def workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class FileLoader:
    repo: Path
    schemas: Any  # generator.check.schemas.SchemaSet
    ctx: Context
    cache: OutcomeCache | None = None
    processes: int = field(default_factory=workers)
    min_parallel: int | None = None  # default MIN_PARALLEL
    # members' cores made while the workers read (`_core`): path -> (record, core)
    cores: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    cores_tag: str = ""
    _raters: dict[int, Any] = field(default_factory=dict)
    # chunks submitted while the year was walked (generator.loadearly), for `run`
    early: Any = None
    # each file a worker read -> its year-index entry (generator.check.yearindex)
    entries: dict[str, Any] = field(default_factory=dict)

    def run(self, files: list[SubmissionFile], progress: Progress | None = None) -> list[Outcome]:
        """The outcome of every file, in the order given.

        A file the cache holds an outcome for is hashed here to see whether it still
        holds; any other file is hashed where it is read and checked (in a worker), so a
        cold year's 100,000 files are not read twice, once of them in this process alone.
        """
        out: list[Outcome | None] = [None] * len(files)
        cache = self.cache
        stats: dict[int, bytes | None] = {}
        todo: list[int] = []
        for i, f in enumerate(files):
            hit = None
            if cache is not None and cache.knows(f.path):
                hit = cache.get(f.path, cache.digest(f.path))
                if hit is not None and hit.record is not None:
                    _rebase(hit.record, cache.root, f.path)
            if hit is not None:
                out[i] = hit
                continue
            todo.append(i)
        done = len(files) - len(todo)
        parallel = self._parallel(todo)
        if cache is not None and not parallel:  # (workers stat the files they open)
            stats = {i: cache.stat_key(files[i].path) for i in todo}  # before they are read
        # a cold year: the workers' pickled chunks go into the cache file as they are
        stream = cache.stream(len(todo)) if cache is not None and parallel else None
        try:
            computed = self._compute([files[i] for i in todo], todo, stream)
            for index, outcome, digest, stat in computed:
                out[index] = outcome
                file = files[index]
                if parallel and outcome.record is not None and file.kind is Kind.MEMBER:
                    self._core(file, outcome.record)  # while the workers read on
                if cache is not None and digest:
                    cache.put(files[index].path, digest, outcome)
                    cache.remember(files[index].path, stats.get(index, stat), digest)
                done += 1
                if progress is not None and (done % 250 == 0 or done == len(files)):
                    progress(done, len(files))
        except BaseException:
            if stream is not None:
                stream.discard()
            raise
        if cache is not None:
            cache.save({f.path for f in files})
        return [o for o in out if o is not None]

    def keyed(self, files: list[SubmissionFile]) -> list[tuple[Outcome, str]]:
        """Each file's outcome and the SHA-256 of the bytes it was built from, read now
        (not through the cache; in worker processes when there are many)."""
        out: list[tuple[Outcome, str]] = [(Outcome(False), "")] * len(files)
        for index, outcome, digest, _ in self._compute(files, list(range(len(files)))):
            out[index] = (outcome, digest)
        return out

    def _parallel(self, files: list[Any]) -> bool:
        least = MIN_PARALLEL if self.min_parallel is None else self.min_parallel
        return self.processes >= 2 and len(files) >= least

    def _compute(
        self, files: list[SubmissionFile], index: list[int], stream: Stream | None = None
    ) -> Iterator[tuple[int, Outcome, str, bytes | None]]:
        """(index, outcome, digest, the file's stat when a worker took it)."""
        if not self._parallel(files):
            for i, f in zip(index, files, strict=True):
                yield i, *check_keyed(f, self.ctx, self.schemas), None
            return
        early, self.early = self.early, None
        taken = early.take(files) if early is not None else None
        if taken is not None:
            pool, results = taken
        else:
            pool = self.pool()
            chunks = [files[k : k + CHUNK] for k in range(0, len(files), CHUNK)]
            results = pool.map(_check_chunk, chunks)
        with pool:
            position = 0
            entries = self.entries
            for blob, stats, chunk_entries in results:
                rows = pickle.loads(blob)
                if stream is not None:
                    stream.chunk(blob, [path for path, _, _ in rows])
                for (path, digest, outcome), stat, entry in zip(
                    rows, stats, chunk_entries, strict=True
                ):
                    entries[path] = entry
                    if outcome.record is not None:
                        _rebase(outcome.record, self.ctx.repo, path)
                    yield index[position], outcome, digest, stat
                    position += 1

    def pool(self) -> ProcessPoolExecutor:
        """The loading workers (`_init_worker`), not started until given work."""
        return ProcessPoolExecutor(self.processes, initializer=_init_worker, initargs=(self.ctx,))

    def _core(self, file: SubmissionFile, record: Any) -> None:
        """The verdict from its rules of a member a worker just read (generator/rules/
        loaded.py): made while the workers read on, the rating takes it instead of running
        the rules after, on one core. (`keyed`, serve's loads, makes none.)"""
        year = file.year
        if year is None:
            return
        rater = self._raters.get(year)
        if rater is None:
            from generator.rules.loaded import MemberRater

            rater = self._raters[year] = MemberRater(year, self.ctx.config)
            self.cores_tag = rater.tag
        core = rater.core(record)
        if core is not None:
            self.cores[file.path] = (record, core)


__all__ = [
    "CACHE_DIR",
    "CompactDocument",
    "Context",
    "FileLoader",
    "Outcome",
    "OutcomeCache",
    "check_one",
    "paused_gc",
    "workers",
]
