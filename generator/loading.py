"""Read and validate one file of a year into a compact record: what every loader of a
year's files (generator.loadpool.FileLoader) does to each file, in this process or a worker.

    outcome = check_one(file, ctx, schemas)

Each file is read, parsed (generator.submissions.yamlload), validated against its schema and
built into a record (`check_one`, the same steps `generator.check.load_year` takes for one
file). Three things make this scale to a 100,000-member province:

* **processes**: files are handed to a pool of worker processes in chunks (one per core)
  once there are enough of them to pay for the pool (generator.loadpool);
* **compact records**: a record keeps no YAML tree and no position table; its
  `CompactDocument` re-reads its file for positions only when a finding asks for one
  (a check with findings in a handful of files re-parses that handful);
* **a cache of outcomes keyed by content** under `.kiemdiem-cache/` (gitignored,
  `generator.loadcache`): an outcome is reused when the file's bytes (SHA-256, not re-read
  while its stat is unchanged), its path and the context (schemas, the generator's code,
  the year file, the ruleset) are the same, so a second check parses only what changed.

`Outcome` and `CompactDocument` are pickled (by workers, in the cache) under this module's
name: they stay here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding
from generator.loadcache import (
    CACHE_DIR,
    OutcomeCache,
    hash_bytes,
    paused_gc,
    read_with_stat,
)
from generator.submissions.layout import SubmissionFile
from generator.submissions.tuplestate import tuple_state
from generator.submissions.yamlload import MAX_FILE_BYTES, Document, PathKey, loads

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
    # record in the parent of a cold check); `root` is set by
    # generator.loadpool._rebase
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
        # place; FileLoader sets `root` again on every outcome it hands out
        # (generator.loadpool._rebase)
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
    from generator.check.schemaprune import drop_told_controls
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
    # a name's control character told once, by its text-control error (schemaprune)
    outcome.check_findings = drop_told_controls(checked.findings, loaded.findings)
    if loaded.errors:  # a text error (control character, " #"): unrated, as a schema error
        outcome.record = None
    if outcome.record is not None:
        outcome.record.source.document = CompactDocument(ctx.repo, file.path)
    return outcome, digest, stat, data


__all__ = [
    "CACHE_DIR",
    "CompactDocument",
    "Context",
    "Outcome",
    "OutcomeCache",
    "Progress",
    "check_keyed",
    "check_one",
    "check_read",
    "check_stat",
    "loads",
    "paused_gc",
]
