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
* **a cache of outcomes keyed by content** under `.kiemdiem-cache/` (gitignored): an
  outcome is reused when the file's bytes (SHA-256), its path and the context (schemas,
  the generator's code, the year file, the ruleset) are the same, so a pull request's check
  parses only the files it changed.

Outcomes come back in file order, so findings are reported exactly as one process would.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding
from generator.submissions.layout import SubmissionFile
from generator.submissions.yamlload import Document, PathKey, loads

CACHE_DIR = ".kiemdiem-cache"
CHUNK = 256  # files per task handed to a worker
MIN_PARALLEL = 2000  # fewer files than this are read in this process (a pool costs ~0.2 s)
_VERSION = 2  # bump when the pickled outcome's shape changes
RACY_NS = 2_000_000_000  # a stat this close to the cache's writing is not trusted

StatKey = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode

Progress = Callable[[int, int], None]  # (files done, files in all)


class CompactDocument(Document):
    """A document without its tree or positions; they are read again when first asked for.

    Records keep one of these as `source.document`: positions (and the raw mapping) are
    only needed for the few files that have findings, so holding every file's position
    table (millions of entries in a province, ~0.5 GB) is the waste this avoids. Code that
    needs a position asks for it when it makes a finding, not before
    (e.g. generator.check.decisions).
    """

    def __init__(self, full_path: str) -> None:
        self._data: dict[str, Any] = {}
        super().__init__({}, {}, {})
        self.full_path = full_path
        self._filled = False

    def _fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        FILLS[0] += 1
        try:
            document = loads(Path(self.full_path).read_bytes()).document
        except OSError:
            document = None
        if document is not None:
            self._data = document.data
            self.value_marks.update(document.value_marks)
            self.key_marks.update(document.key_marks)

    @property  # type: ignore[override]
    def data(self) -> dict[str, Any]:
        self._fill()
        return self._data

    @data.setter
    def data(self, value: dict[str, Any]) -> None:
        self._data = value

    def value_pos(self, path: PathKey) -> Any:
        self._fill()
        return super().value_pos(path)

    def key_pos(self, path: PathKey) -> Any:
        self._fill()
        return super().key_pos(path)

    @property
    def values(self) -> Any:
        self._fill()
        return super().values

    def __getstate__(self) -> dict[str, Any]:  # pickle the path only
        return {"full_path": self.full_path}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["full_path"])  # type: ignore[misc]


FILLS = [0]  # how many compact documents were read again (tests count them)


@dataclass
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
    from generator.check.files import LoadedFile, read_document, validate_loaded
    from generator.findings import CheckResult

    repo = Path(ctx.repo)
    loaded = CheckResult()
    lf = LoadedFile(file, read_document(repo, file, loaded))
    outcome = Outcome(lf.document is not None, loaded.findings)
    if lf.document is None:
        return outcome
    checked = CheckResult()
    outcome.record = validate_loaded(schemas, lf, ctx.config, ctx.ruleset, checked)
    outcome.check_findings = checked.findings
    if outcome.record is not None:
        outcome.record.source.document = CompactDocument(str(repo / file.path))
    return outcome


_WORKER: dict[str, Any] = {}


def _init_worker(ctx: Context) -> None:
    from generator.check.schemas import SchemaSet

    _WORKER["ctx"] = ctx
    _WORKER["schemas"] = SchemaSet(Path(ctx.schema_dir))


def _check_chunk(files: list[SubmissionFile]) -> bytes:
    ctx, schemas = _WORKER["ctx"], _WORKER["schemas"]
    return pickle.dumps([check_one(f, ctx, schemas) for f in files], pickle.HIGHEST_PROTOCOL)


# ---------------------------------------------------------------------- the cache


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
    if freeze and gc.get_freeze_count():
        gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()


def _code_digest() -> str:
    h = hashlib.sha256(str(_VERSION).encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


class OutcomeCache:
    """Outcomes of one year's files under one context, in one pickle file.

    An outcome is keyed by its file's content (SHA-256). Hashing every file of a province
    means reading 100,000 files, so, like Git's index, the cache also keeps each file's
    `stat` (size, mtime, ctime, inode) with its digest: a file whose stat is unchanged is
    not read again. A stat taken less than `RACY_NS` before the cache was written is not
    trusted (the file may have changed again within the clock's resolution), and a fresh
    checkout (every mtime new) simply hashes everything once.
    """

    def __init__(self, repo: Path, year: int, ctx: Context) -> None:
        h = hashlib.sha256(_code_digest().encode())
        for schema in sorted(Path(ctx.schema_dir).glob("*.json")):
            h.update(schema.read_bytes())
        h.update(repr((ctx.ruleset, ctx.repo)).encode())
        h.update(ctx.year_bytes)
        self.repo = repo
        self.path = repo / CACHE_DIR / f"check-{year}-{h.hexdigest()[:20]}.pickle"
        self.entries: dict[str, tuple[str, Outcome]] = {}
        self.stats: dict[str, tuple[StatKey, str]] = {}  # path -> (stat, digest)
        self.written_ns = 0
        self.changed = False
        try:
            with self.path.open("rb") as f, paused_gc():
                stored = pickle.load(f)
            self.entries, self.stats, self.written_ns = stored
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
            self.entries, self.stats, self.written_ns = {}, {}, 0

    def digest(self, path: str) -> str:
        """The SHA-256 of the file at `path` ("" when unreadable: never cached)."""
        full = self.repo / path
        try:
            st = os.lstat(full)
        except OSError:
            return ""
        key = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
        known = self.stats.get(path)
        if known is not None and known[0] == key and st.st_mtime_ns < self.written_ns - RACY_NS:
            return known[1]
        try:
            digest = hashlib.sha256(full.read_bytes()).hexdigest()
        except OSError:
            return ""
        self.stats[path] = (key, digest)
        self.changed = True
        return digest

    def get(self, path: str, digest: str) -> Outcome | None:
        hit = self.entries.get(path)
        return hit[1] if hit is not None and hit[0] == digest else None

    def put(self, path: str, digest: str, outcome: Outcome) -> None:
        self.entries[path] = (digest, outcome)
        self.changed = True

    def save(self, keep: set[str]) -> None:
        stale = set(self.entries) - keep
        if not self.changed and not stale:
            return
        for path in stale:
            del self.entries[path]
        for path in set(self.stats) - keep:
            del self.stats[path]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        for old in self.path.parent.glob(self.path.name.rsplit("-", 1)[0] + "-*.pickle"):
            old.unlink(missing_ok=True)  # outcomes of another context of this year
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as f:
            stored = (self.entries, self.stats, time.time_ns())
            pickle.dump(stored, f, pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)


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

    def run(self, files: list[SubmissionFile], progress: Progress | None = None) -> list[Outcome]:
        """The outcome of every file, in the order given."""
        out: list[Outcome | None] = [None] * len(files)
        cache = self.cache
        digests = [cache.digest(f.path) for f in files] if cache else [""] * len(files)
        todo: list[int] = []
        for i, f in enumerate(files):
            hit = self.cache.get(f.path, digests[i]) if self.cache and digests[i] else None
            if hit is None:
                todo.append(i)
            else:
                out[i] = hit
        done = len(files) - len(todo)
        for index, outcome in self._compute([files[i] for i in todo], todo):
            out[index] = outcome
            if self.cache is not None and digests[index]:
                self.cache.put(files[index].path, digests[index], outcome)
            done += 1
            if progress is not None and (done % 250 == 0 or done == len(files)):
                progress(done, len(files))
        if self.cache is not None:
            self.cache.save({f.path for f in files})
        return [o for o in out if o is not None]

    def _compute(
        self, files: list[SubmissionFile], index: list[int]
    ) -> Iterator[tuple[int, Outcome]]:
        least = MIN_PARALLEL if self.min_parallel is None else self.min_parallel
        if self.processes < 2 or len(files) < least:
            for i, f in zip(index, files, strict=True):
                yield i, check_one(f, self.ctx, self.schemas)
            return
        chunks = [files[k : k + CHUNK] for k in range(0, len(files), CHUNK)]
        with ProcessPoolExecutor(
            self.processes, initializer=_init_worker, initargs=(self.ctx,)
        ) as pool:
            position = 0
            for blob in pool.map(_check_chunk, chunks):
                for outcome in pickle.loads(blob):
                    yield index[position], outcome
                    position += 1
