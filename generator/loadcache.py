"""The content cache of `generator.loading`: each file's outcome, kept under
`.kiemdiem-cache/` (gitignored) between runs.

    cache = OutcomeCache(repo, 2025, ctx)
    digest = cache.digest(path)            # SHA-256 of the file's bytes, stat-keyed
    outcome = cache.get(path, digest)      # or None
    cache.put(path, digest, outcome); cache.save(keep={...})

An outcome is reused when the file's bytes, its path and the context (schemas, the
generator's code, the year file, the ruleset) are the same, wherever the checkout is: a
reused record is pointed at this checkout's file (generator.loadpool.FileLoader), so CI's
fresh checkout reuses what the last run on `main` cached (.github/workflows/site.yml).
Hashing every file of a province means reading 100,000 files, so, like Git's index, the
cache also keeps each file's `stat` (size, mtime, ctime, inode) with its digest: a file
whose stat is unchanged is not read again. A stat taken less than `RACY_NS` before the
cache was written is not trusted (the file may have changed again within the clock's
resolution); a fresh checkout (every mtime new) hashes everything once.

The file is a stream of pickles: a header, chunks of outcomes (each a list of
`(path, digest, outcome)`), `None`, the time it was written with the stats, then any
number of patches. Unpickling in chunks keeps the unpickler's memo (a reference to every
object of the chunk) small; a province's outcomes are ~1 GB of objects. A cold year's
chunks are the very bytes the worker processes sent back (`Stream`): the parent unpickles
them to use the outcomes and writes them to the cache as they are, instead of pickling
100,000 outcomes a second time (~10 s at 100,000 members). A run that changed a few files appends a patch — its outcomes and stats that
changed, the paths gone, the time it was written — instead of writing the province again
(~1 s per 20,000 members): read back, the file gives the same entries and stats as a
whole rewrite would, and every stat is judged racy against the last patch's time, as a
rewrite would make it. A patch is one `write` in append mode; a torn or interleaved one
makes the file unreadable, which only costs a cold load. The file is rewritten whole when
its patches add up to a chunk's worth of outcomes. Only this tool writes the cache and
reads it back — in the user's own working copy, or in CI from what `main`'s own run
saved (a pull request's run saves nothing): it is not an exchange format.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import atomic, cachetrust
from generator.cachetrust import CACHE_DIR

if TYPE_CHECKING:
    from generator.loading import Context, Outcome

_VERSION = 5  # bump when the pickled outcome's shape or the file's layout changes
RACY_NS = 2_000_000_000  # a stat this close to the cache's writing is not trusted
CHUNK_ENTRIES = 4096
_STAT = struct.Struct("<qqqq")  # size, mtime_ns, ctime_ns, inode


def pack_stat(st: os.stat_result) -> bytes:
    """A file's stat as the cache keeps it (`stat_key`; a worker of a cold check packs the
    fstat of the file it opens, generator.loading)."""
    return _STAT.pack(st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


@contextlib.contextmanager
def paused_gc(*, freeze: bool = False) -> Iterator[None]:
    """Pause the cyclic garbage collector while a large tree of objects is built (it would
    scan the growing heap again and again for nothing: loading makes no garbage cycles).

    With `freeze`, what was built is moved out of the collector's reach afterwards
    (`gc.freeze`): otherwise the first collection after the pause walks every one of the
    millions of new objects (1.7 s at 100,000 members) to find nothing. A later
    `paused_gc(freeze=True)` (the next load of a long-running `serve`) unfreezes first, so
    the previous load can still be collected once it is dropped.
    """
    enabled = gc.isenabled()
    if freeze:  # not `if gc.get_freeze_count()`: it walks the frozen objects (0.3 s at 100k)
        gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


@functools.cache
def _code_digest() -> str:
    """The generator's code, hashed once per process (it does not change while it runs)."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def context_digest(ctx: Context, version: str) -> str:
    """What a cached result of `ctx` depends on besides the files themselves: the
    generator's code, the schemas, the ruleset, the year file and a format `version` —
    not the repository's place (FileLoader points a reused record at this checkout's file,
    so CI's fresh checkout at another path reuses what the last run on `main` cached)."""
    h = hashlib.sha256(version.encode())
    h.update(_code_digest().encode())
    for schema in sorted(Path(ctx.schema_dir).glob("*.json")):
        h.update(schema.read_bytes())
    h.update(repr(ctx.ruleset).encode())
    h.update(ctx.year_bytes)
    return h.hexdigest()[:20]


def load_key(ctx: Context) -> str:
    """The key of what every outcome of a year's load depends on besides its file
    (`Year.load_key`, generator.rules.reuse)."""
    return context_digest(ctx, f"check-{_VERSION}")


def stat_key(root: str, path: str) -> bytes | None:
    """The stat of `path` (relative to `root`), packed: size, mtime, ctime and inode;
    None when it cannot be taken. Not following a symlink."""
    try:  # a string join: a Path per file costs more than the stat (100,000 files)
        st = os.lstat(os.path.join(root, path))
    except OSError:
        return None
    return pack_stat(st)


def cache_path(home: Path, year: int, ctx: Context) -> Path:
    """Where the outcomes of `year`'s files under `ctx` are kept, below `home` (the
    repository, or the checkout whose cache is borrowed)."""
    return home / CACHE_DIR / f"check-{year}-{load_key(ctx)}.pickle"


def read_with_stat(full: str, most: int) -> tuple[bytes | None, bytes | None]:
    """The file's bytes (None when larger than `most` bytes) and its stat as the cache
    keeps it (`pack_stat`), taken from the open file before it is read."""
    fd = os.open(full, os.O_RDONLY)
    try:
        st = os.fstat(fd)
        if st.st_size > most:
            return None, None
        data = os.read(fd, st.st_size + 1)  # one more: the end of the file is seen
        if len(data) != st.st_size:  # it changed meanwhile: read to its end
            parts = [data]
            while part := os.read(fd, 1 << 16):
                parts.append(part)
            data = b"".join(parts)
        return data, pack_stat(st)
    finally:
        os.close(fd)


def hash_bytes(data: bytes) -> str:
    """The SHA-256 of some bytes, hex: the cache's key for a file's outcome."""
    return hashlib.sha256(data).hexdigest()


def hash_file(full: Path) -> str:
    """`hash_bytes` of a file's bytes."""
    return hash_bytes(full.read_bytes())


class OutcomeCache:
    """Outcomes of one year's files under one context, in one file (see the module)."""

    def __init__(self, repo: Path, year: int, ctx: Context, *, home: Path | None = None) -> None:
        """`home`: read (never write) the cache of another checkout of the same files —
        the base commit's extracted copy borrows the working tree's (forge.consequences):
        an outcome is reused only for a file whose bytes hash the same.

        A cache folder that came with the files (committed to Git, or a symlink) is
        neither read nor written (generator.cachetrust): the load is as cold."""
        self.key = load_key(ctx)
        self.repo = repo
        self.root = str(repo)
        usable = cachetrust.trusted(repo) and (home is None or cachetrust.trusted(home))
        self.borrowed = home is not None or not usable
        self.path = cache_path(home or repo, year, ctx)
        self.entries: dict[str, tuple[str, Outcome]] = {}
        # path -> the packed stat (_STAT) followed by the hex digest, one bytes object
        self.stats: dict[str, bytes] = {}
        self.written_ns = 0
        self.changed = False
        self.patched = 0  # outcomes in the file's patches (rewritten whole past a chunk)
        self._put: set[str] = set()  # outcomes and stats changed since the file was read
        self._remembered: set[str] = set()
        self._stream: Stream | None = None
        self.ahead: dict[str, bytes] = {}
        try:
            if not usable:
                raise OSError("not this machine's cache")
            with self.path.open("rb") as f, paused_gc():
                self._read(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            self.entries, self.stats, self.written_ns = {}, {}, 0

    def _read(self, f: Any) -> None:
        if pickle.load(f) != (_VERSION,):
            raise ValueError("version")
        while (chunk := pickle.load(f)) is not None:
            for path, digest, outcome in chunk:
                if digest:  # a worker's chunk may hold an unreadable file's outcome
                    self.entries[path] = (digest, outcome)
        self.written_ns, self.stats = pickle.load(f)
        end = os.fstat(f.fileno()).st_size
        while f.tell() < end:  # the patches (see the module)
            self.written_ns, rows, gone, stats = pickle.load(f)
            for path, digest, outcome in rows:
                if digest:
                    self.entries[path] = (digest, outcome)
            for path in gone:
                self.entries.pop(path, None)
                self.stats.pop(path, None)
            self.stats.update(stats)
            self.patched += len(rows)

    def knows(self, path: str) -> bool:
        """An outcome of `path` is kept (worth hashing the file to see if it still holds)."""
        return path in self.entries

    def stat_key(self, path: str) -> bytes | None:
        """The file's stat, packed; None when it cannot be read. A stat taken ahead
        (`taken_ahead`) is used once instead of taking it again."""
        if self.ahead:
            ahead = self.ahead.pop(path, None)
            if ahead is not None:
                return ahead
        return stat_key(self.root, path)

    def taken_ahead(self, stats: dict[str, bytes]) -> None:
        """Stats of the year's files taken before any of them was read, by the walk
        (generator.scan): each stands for the file's `stat_key` once."""
        self.ahead = stats

    def digest(self, path: str) -> str:
        """The SHA-256 of the file at `path` ("" when unreadable: never cached)."""
        key = self.stat_key(path)
        if key is None:
            return ""
        known = self.stats.get(path)
        trusted = _STAT.unpack(key)[1] < self.written_ns - RACY_NS  # else racy
        if known is not None and known[: _STAT.size] == key and trusted:
            return known[_STAT.size :].decode("ascii")
        try:
            digest = hash_file(self.repo / path)
        except OSError:
            return ""
        self.remember(path, key, digest)
        return digest

    def remember(self, path: str, stat: bytes | None, digest: str) -> None:
        """Keep `digest` for the file while its stat stays `stat` (taken BEFORE its bytes
        were read: a change in between then shows as a changed stat next time)."""
        if stat is not None and digest:
            self.stats[path] = stat + digest.encode("ascii")
            self._remembered.add(path)
            self.changed = True

    def digest_of(self, path: str, outcome: Outcome) -> str:
        """The digest of the bytes `outcome` was built from, when it is the one kept for
        `path` ("" otherwise: an unreadable file's outcome is never kept)."""
        hit = self.entries.get(path)
        return hit[0] if hit is not None and hit[1] is outcome else ""

    def get(self, path: str, digest: str) -> Outcome | None:
        hit = self.entries.get(path)
        return hit[1] if hit is not None and hit[0] == digest else None

    def put(self, path: str, digest: str, outcome: Outcome) -> None:
        self.entries[path] = (digest, outcome)
        self._put.add(path)
        self.changed = True

    def stream(self, computing: int) -> Stream | None:
        """Where the worker processes' chunks go as they arrive (`Stream`), when computing
        that many outcomes means `save` rewrites the file whole; None when it will append
        a patch instead, or the cache is another checkout's (read only)."""
        if self.borrowed or (self.written_ns and self.patched + computing < CHUNK_ENTRIES):
            return None
        self._stream = Stream(self.path)
        return self._stream

    def save(self, keep: set[str]) -> None:
        self.ahead = {}
        if self.borrowed:
            return  # another checkout's cache: read only
        stream, self._stream = self._stream, None
        if stream is not None and not stream.paths <= keep:
            stream.discard()  # a streamed outcome is not wanted: write from the entries
            stream = None
        stale = set(self.entries) - keep
        if not self.changed and not stale and stream is None:
            return
        for path in stale:
            del self.entries[path]
        gone = set(self.stats) - keep
        for path in gone:
            del self.stats[path]
        gone |= stale
        if stream is None:
            if self.written_ns and self.patched + len(self._put) + len(gone) < CHUNK_ENTRIES:
                self._append(gone)
                return
            stream = Stream(self.path)
        for old in self.path.parent.glob(self.path.name.rsplit("-", 1)[0] + "-*.pickle"):
            old.unlink(missing_ok=True)  # outcomes of another context of this year
        rows = [
            (_own_path(p, o), d, o) for p, (d, o) in self.entries.items() if p not in stream.paths
        ]
        for k in range(0, len(rows), CHUNK_ENTRIES):
            stream.rows(rows[k : k + CHUNK_ENTRIES])
        stream.finish(self.stats)

    def _append(self, gone: set[str]) -> None:
        """Append one patch: what changed since the file was read (see the module)."""
        rows = [(p, *self.entries[p]) for p in sorted(self._put) if p in self.entries]
        stats = {p: self.stats[p] for p in sorted(self._remembered) if p in self.stats}
        patch = (time.time_ns(), rows, sorted(gone), stats)
        data = pickle.dumps(patch, pickle.HIGHEST_PROTOCOL)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            if os.write(fd, data) != len(data):  # a short write: the file must not be read
                os.ftruncate(fd, 0)
        finally:
            os.close(fd)


class Stream:
    """A rewrite of a cache file, written as it goes (see the module): the header, then
    chunks — a worker's pickled `(path, digest, outcome)` list as it is (`chunk`), or rows
    pickled here (`rows`) — then `finish`. Until `finish` it is a temporary file beside the
    cache, so a run that stops half-way leaves the old cache as it was."""

    def __init__(self, path: Path) -> None:
        cachetrust.make_folder(path.parent)
        self.path = path
        self.tmp = atomic.temporary_beside(path)
        self.file = self.tmp.open("xb")
        self.paths: set[str] = set()  # the files whose outcomes are written
        pickle.dump((_VERSION,), self.file, pickle.HIGHEST_PROTOCOL)

    def chunk(self, blob: bytes, paths: list[str]) -> None:
        """A worker's chunk: `blob` is the pickle of the rows of `paths`."""
        self.file.write(blob)
        self.paths.update(paths)

    def rows(self, rows: list[tuple[str, str, Any]]) -> None:
        pickle.dump(rows, self.file, pickle.HIGHEST_PROTOCOL)

    def finish(self, stats: dict[str, bytes]) -> None:
        pickle.dump(None, self.file, pickle.HIGHEST_PROTOCOL)
        pickle.dump((time.time_ns(), stats), self.file, pickle.HIGHEST_PROTOCOL)
        self.file.close()
        self.tmp.replace(self.path)

    def discard(self) -> None:
        self.file.close()
        self.tmp.unlink(missing_ok=True)


def _own_path(path: str, outcome: Outcome) -> str:
    """The record's own path string when equal (pickled once, not twice per file)."""
    source = getattr(outcome.record, "source", None)
    own = getattr(source, "path", None)
    return own if own == path else path
