"""Walk a year's files and take their stats in a second process while this one reads the
load cache.

A warm load of a province (a one-file rebuild, a second check) spends ~2 s unpickling
its cache of outcomes (generator.loadcache) and ~1.4 s walking 112,000 files and taking a
`stat` of each to see which changed — one after the other, on one core of two. Neither
needs the other: the cache's name depends only on the year file (read first, from its
fixed place), and the walk only on the folders. So `ScanAhead.start` forks a copy of this
process that walks the year (`walk_year`) and takes every file's stat
(`loadcache.stat_key`), and sends both back through a pipe, while this process reads the
cache; `join` takes them.

The result is the same as walking here: the same `walk_year`, and the same stats, taken
(as `OutcomeCache.digest` requires) before any of the files is read. A child that fails
or is killed only costs the walk done here after all (`join` returns None). Used only
where it pays, a cache of at least `AHEAD_BYTES` (a year of a few thousand files walks
in less time than forking takes), and only where `os.fork` exists.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from generator.forked import Forked
from generator.loadcache import stat_key
from generator.submissions.layout import (
    SUBMISSIONS,
    YEAR_FILE,
    Kind,
    SubmissionFile,
    walk_year,
)

AHEAD_BYTES = 16 * 1024 * 1024  # a cache this large holds ~7,000 outcomes


@dataclass
class Scanned:
    """What the walk found, and the packed stat of each file (`loadcache.stat_key`; a file
    that could not be stat'ed has none)."""

    files: list[SubmissionFile]
    stats: dict[str, bytes]


def year_files_ahead(repo: Path, year: int) -> list[SubmissionFile]:
    """The year file as `walk_year` would find it, without walking: the entry of its name
    directly in the year's folder (itself a folder, not a symlink), when it is neither a
    folder nor a symlink (the walk classifies a symlink as such). The caller checks this
    against the walk."""
    base = repo / SUBMISSIONS / str(year)
    rel = f"{SUBMISSIONS}/{year}/{YEAR_FILE}"
    full = repo / rel
    if not base.is_dir() or base.is_symlink() or not os.path.lexists(full):
        return []
    if full.is_dir() or full.is_symlink():
        return []
    return [SubmissionFile(rel, Kind.YEAR, year)]


def scan(repo: Path, year: int) -> Scanned:
    """The walk and the stats, here."""
    files = walk_year(repo, year)
    root = str(repo)
    stats = {f.path: s for f in files if (s := stat_key(root, f.path)) is not None}
    return Scanned(files, stats)


class ScanAhead:
    """`scan` in a forked process (see the module)."""

    def __init__(self, child: Forked) -> None:
        self.child = child

    @property
    def pid(self) -> int:
        return self.child.pid

    @classmethod
    def start(cls, repo: Path, year: int) -> ScanAhead | None:
        """Fork the scanning process; None where it cannot be (generator.forked)."""

        def work() -> bytes:
            found = scan(repo, year)
            rows = [(f.path, f.kind, f.org_folder) for f in found.files]
            return pickle.dumps((rows, found.stats), pickle.HIGHEST_PROTOCOL)

        child = Forked.start(work)
        return cls(child) if child is not None else None

    def join(self, year: int) -> Scanned | None:
        """What the child found; None if it failed (then walk here)."""
        data = self.child.join()
        if data is None:
            return None
        with contextlib.suppress(Exception):
            rows, stats = pickle.loads(data)
            files = [SubmissionFile(path, kind, year, folder) for path, kind, folder in rows]
            return Scanned(files, stats)
        return None  # pragma: no cover - a torn pipe


__all__ = ["AHEAD_BYTES", "ScanAhead", "Scanned", "scan", "year_files_ahead"]
