"""A cold year's files handed to the loading workers while the year is still walked.

    early = EarlyChunks.start(loader)             # None unless the load is cold
    files = walk_year(repo, year, seen=early.seen)
    early.close()
    ...
    loader.run(files_to_check)                    # takes the chunks already under way

Walking a province's year (112,000 files in 7,000 folders) takes 0.7-1.5 s, and a cold
load's workers used to wait for all of it. Here the walk hands each folder's files on as
it goes: once there are enough for a pool (`loadpool.MIN_PARALLEL`), every full chunk is
submitted, so the workers read the first files while the walk finds the rest.

Nothing changes in what a load gives: `FileLoader.run` uses these chunks only when the
files it is asked for are exactly those fed, in order (the files the walk found, but the
year file, symlinks and names outside the layout, `generator.check._readable`); else they
are dropped and the files are read as before. Only a cold load streams: a cache that
knows any file decides file by file what the workers read.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from generator.submissions.layout import Kind, SubmissionFile

_NOT_READ = (Kind.YEAR, Kind.SYMLINK, Kind.UNKNOWN)


class EarlyChunks:
    """Chunks of a cold year's files submitted to a loader's pool during the walk."""

    def __init__(self, loader: Any, least: int) -> None:
        self.loader = loader  # generator.loadpool.FileLoader
        self.least = least  # files before a pool is worth starting
        self.fed: list[SubmissionFile] = []  # the files to read, in walk order
        self.looked = 0  # how much of the walk's list `seen` has looked at
        self.submitted = 0  # files of `fed` already in submitted chunks
        self.pool: ProcessPoolExecutor | None = None
        self.futures: list[Future[Any]] = []

    @classmethod
    def start(cls, loader: Any) -> EarlyChunks | None:
        """For a FileLoader that reads in a pool and whose cache knows no file; else None."""
        from generator import loadpool

        cache = getattr(loader, "cache", None)
        if not isinstance(loader, loadpool.FileLoader) or loader.processes < 2:
            return None
        if cache is not None and cache.entries:
            return None
        least = loadpool.MIN_PARALLEL if loader.min_parallel is None else loader.min_parallel
        early = loader.early = cls(loader, least)
        return early

    def seen(self, out: list[SubmissionFile]) -> None:
        """The walk's list so far (called after each folder): its new files to read."""
        for file in out[self.looked :]:
            if file.kind not in _NOT_READ:
                self.fed.append(file)
        self.looked = len(out)
        if len(self.fed) >= self.least:
            self._submit(full_only=True)

    def close(self) -> None:
        """The walk is over: the last, partial chunk too (once there is a pool)."""
        if len(self.fed) >= self.least:
            self._submit(full_only=False)

    def _submit(self, *, full_only: bool) -> None:
        from generator import loadpool

        if self.pool is None:
            self.pool = self.loader.pool()
        chunk = loadpool.CHUNK
        while len(self.fed) - self.submitted >= (chunk if full_only else 1):
            files = self.fed[self.submitted : self.submitted + chunk]
            self.futures.append(self.pool.submit(loadpool._check_chunk, files))
            self.submitted += len(files)

    def take(self, files: list[SubmissionFile]) -> tuple[ProcessPoolExecutor, Iterator[Any]] | None:
        """The pool and its chunks' results in order, when `files` are the files fed (the
        same objects, in order) and every one was submitted; else None (and dropped)."""
        pool, futures = self.pool, self.futures
        same = self.submitted == len(self.fed) == len(files) and all(
            map(operator.is_, files, self.fed)
        )
        if pool is None or not same:
            self.discard()
            return None
        self.pool, self.futures = None, []
        return pool, _results(futures)

    def discard(self) -> None:
        """Drop what was submitted (the files are read again as usual, if at all)."""
        pool, self.pool, self.futures = self.pool, None, []
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _results(futures: list[Future[Any]]) -> Iterator[Any]:
    """Each chunk's result in order, its future let go once it is read (a chunk's pickled
    outcomes are ~400 KB: kept, a province's would be ~180 MB more at the end)."""
    futures.reverse()
    while futures:
        yield futures.pop().result()


__all__ = ["EarlyChunks"]
