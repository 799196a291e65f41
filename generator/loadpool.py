"""Load a year's files at province size: worker processes, the content cache, outcomes in
file order.

    outcomes = FileLoader(repo, schemas, context).run(files, progress)

Each file is checked by `generator.loading.check_read` (read, parsed, validated, built into
a compact record). Files are handed to a pool of worker processes in chunks (one per core)
once there are enough of them to pay for the pool; an outcome the content cache
(`generator.loadcache`) holds for the same bytes, path and context is reused instead.
Outcomes come back in file order, so findings are reported exactly as one process would.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.loadcache import OutcomeCache, Stream, paused_gc
from generator.loading import (
    CompactDocument,
    Context,
    Outcome,
    Progress,
    check_keyed,
    check_read,
)
from generator.submissions.layout import Kind, SubmissionFile

CHUNK = 256  # files per task handed to a worker
# the workers yield the processor to this process, which takes their results: on as many
# cores as workers, a parent waiting its turn fell behind and unpickled the last results
# alone while a core idled (a cold check at 100,000 members on 2 cores, alternated runs:
# 15.9-17.2 s at equal priority, 14.8-16.3 s with this)
WORKER_NICENESS = 10
MIN_PARALLEL = 2000  # fewer files than this are read in this process (a pool costs ~0.2 s)

# ---------------------------------------------------------------------- the workers


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
    "CHUNK",
    "MIN_PARALLEL",
    "WORKER_NICENESS",
    "FileLoader",
    "workers",
]
