"""The check stage: load every file of a year, validate it, build the typed `Year`.

    year, result = load_year(repo, 2025)

`load_year` never raises for bad input: every problem becomes a `Finding` in `result`,
and only files that loaded and passed their schema become records in `year`. Cross-file
checks (generator.check.crossfile) run on the records; the rating engine's findings for
deciding bodies are added by `check_year`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.check.carryover import Carry, dropped_findings
from generator.check.crossfile import link_tree
from generator.check.filenames import unexpected
from generator.check.files import (
    RECORD_TYPES,
    build_record,
    finding,
    problem_finding,
    read_document,
    validate_loaded,
)
from generator.check.identity import same_person
from generator.check.loaded import LoadedFile
from generator.check.references import cross_check
from generator.check.schemas import SchemaSet
from generator.check.yeardates import year_date_findings
from generator.findings import CheckResult, Finding, Position
from generator.loadearly import EarlyChunks
from generator.orgtypes import use_schema_dir
from generator.rules.form import form_findings
from generator.rules.registry import ids as registry_ids
from generator.rules.registry import spec_for
from generator.submissions.enums import FileState
from generator.submissions.layout import Kind, SubmissionFile, walk_year
from generator.submissions.year import Year

# the ruleset ids `--ruleset` accepts: the registry's (generator.rules.registry)
RULESETS = registry_ids()
Progress = Callable[[int, int], None]
# (repo, schemas, ctx) -> an object whose run(files, progress) gives each file's outcome
LoaderFactory = Callable[[Path, SchemaSet, Any], Any]


def load_year(
    repo: Path,
    year: int,
    *,
    schemas: SchemaSet | None = None,
    ruleset: str | None = None,
    progress: Progress | None = None,
    cache: bool = False,
    processes: int | None = None,
    files: list[SubmissionFile] | None = None,
    sink: dict[int, YearLoad] | None = None,
    narrow: Callable[[list[LoadedFile]], None] | None = None,
    cache_home: Path | None = None,
    loader: LoaderFactory | None = None,
    carry: Carry | None = None,
) -> tuple[Year, CheckResult]:
    """Load, validate and link every file of `year`. `ruleset` overrides the year file's.

    `progress(done, total)` is called while files are read (for a progress display).
    The files other than the year file are read by `generator.loadpool` (worker processes
    for a large year; with `cache`, outcomes reused by content from `.kiemdiem-cache/`).
    `files` loads only these files of the year, in walk order (a pull request's scope,
    generator.check.scope); `sink[year]` receives the loading context and every loaded
    file (for the year index, generator.check.yearindex); `narrow(loaded)` may drop what a
    scope's findings cannot depend on before the files are linked (generator.check.scoped).
    `cache_home`: with `cache`, borrow (read only) that checkout's cache instead
    (generator.loadcache.OutcomeCache). `loader(repo, schemas, ctx)` replaces the file
    loader (its `run(files, progress)` gives each file's outcome, as FileLoader's does):
    `kiemdiem serve` keeps the outcomes in memory between rounds (generator.liveload).
    `carry`: what is known of the year before (generator.check.carryover).
    """
    schemas = schemas or SchemaSet(repo / "schema")
    use_schema_dir(schemas.dir)  # the organization types this repository's schema declares
    result = CheckResult()
    make_loader = functools.partial(
        _file_loader, repo, year, schemas, cache=cache, processes=processes,
        cache_home=cache_home, loader=loader,
    )  # fmt: skip
    # the year file decides which ruleset overlay applies to everything else
    if files is None and cache and loader is None and cache_home is None:
        files, head, files_loader = _walk_ahead(repo, year, schemas, ruleset, make_loader)
    else:
        files = walk_year(repo, year) if files is None else files
        head = year_head(repo, [f for f in files if f.kind is Kind.YEAR], schemas, ruleset)
        files_loader = make_loader(head.ctx)
    year_obj = Year(repo=repo, year=year, config=head.config, files=files, carry=carry)
    try:
        readable = _readable(repo, files, result)
        others = [f for f in readable if f.kind is not Kind.YEAR]
        outcomes = dict(zip(others, files_loader.run(others, progress), strict=True))
    finally:
        _drop_early(files_loader)  # chunks `run` did not take (it raised first)
    _keep_digests(year_obj, files_loader.cache, outcomes)
    # members' cores made while a cold load's workers read on (generator/rules/loaded.py)
    year_obj.cores = getattr(files_loader, "cores", {})
    year_obj.cores_tag = getattr(files_loader, "cores_tag", "")
    loaded = _assemble(repo, year, readable, head, outcomes, result)
    if narrow is not None:
        narrow(loaded)
    link_tree(year_obj, loaded, result)
    cross_check(year_obj, result)
    result.extend(dropped_findings(year_obj, carry))  # X4 (generator.check.carryover)
    result.extend(same_person(year_obj))  # one person under two ids (generator.check.identity)
    result.extend(_form_findings(year_obj, loaded))
    if sink is not None:
        sink[year] = YearLoad(head.ctx, loaded, getattr(files_loader, "entries", None))
    return year_obj, result


def _assemble(
    repo: Path,
    year: int,
    readable: list[SubmissionFile],
    head: YearHead,
    outcomes: dict[SubmissionFile, Any],
    result: CheckResult,
) -> list[LoadedFile]:
    """Every readable file as loaded, with their findings added to `result` in the order
    of one pass: every file's load problems, then the year file's schema findings, then
    the other files' schema findings."""
    from generator import loading

    loaded: list[LoadedFile] = []
    for file in readable:
        if file.kind is Kind.YEAR:
            lf = next(y for y in head.files if y.file is file)
            result.extend(head.load[file.path].findings)
        else:
            outcome = outcomes[file]
            result.extend(outcome.load_findings)
            document = None
            if outcome.record is not None:
                document = outcome.record.source.document
            elif outcome.loaded:
                document = loading.CompactDocument(str(repo), file.path)
            lf = LoadedFile(file, document, outcome.record)
        loaded.append(lf)
    if not head.files:
        result.add(finding("year-missing-file", f"submissions/{year}", Position(1, 1), year=year))
    result.extend(head.check.findings)
    for file in readable:
        if file.kind is not Kind.YEAR:
            result.extend(outcomes[file].check_findings)
    return loaded


def _walk_ahead(
    repo: Path,
    year: int,
    schemas: SchemaSet,
    ruleset: str | None,
    make_loader: Callable[[Any], Any],
) -> tuple[list[SubmissionFile], YearHead, Any]:
    """The walk, the year's head and its file loader of a cached load. The year file is
    read first from its place; when the cache it names is large, the walk and the files'
    stats are taken by a second process while this one reads that cache (generator.scan),
    else the walk is done here after it."""
    from generator import loadcache, scan

    head = year_head(repo, scan.year_files_ahead(repo, year), schemas, ruleset)
    try:
        large = loadcache.cache_path(repo, year, head.ctx).stat().st_size >= scan.AHEAD_BYTES
    except OSError:
        large = False
    child = scan.ScanAhead.start(repo, year) if large else None
    files_loader = make_loader(head.ctx)  # reads the cache (meanwhile, with a child)
    found = child.join(year) if child is not None else None
    if found is not None:
        files = found.files
    else:  # walked here: a cold load's workers start on the files found meanwhile
        early = EarlyChunks.start(files_loader)
        try:
            files = walk_year(repo, year, seen=early.seen if early is not None else None)
        except BaseException:
            _drop_early(files_loader)
            raise
        if early is not None:
            early.close()
    year_files = [f for f in files if f.kind is Kind.YEAR]
    if year_files != [lf.file for lf in head.files]:
        # the year file is not where it was looked for: read it (and the cache) again
        _drop_early(files_loader)  # chunks read under the wrong year file
        head = year_head(repo, year_files, schemas, ruleset)
        files_loader = make_loader(head.ctx)
    cache = getattr(files_loader, "cache", None)
    if found is not None and isinstance(cache, loadcache.OutcomeCache):
        cache.taken_ahead(found.stats)
    # the year's file objects are the head's own (load_year finds its LoadedFile by them)
    heads = {lf.file.path: lf.file for lf in head.files}
    return [heads.get(f.path, f) for f in files], head, files_loader


def _drop_early(loader: Any) -> None:
    """Stop the chunks a cold load submitted while walking (generator.loadearly) that
    the loader's `run` has not taken; nothing when there are none."""
    early = getattr(loader, "early", None)
    if isinstance(early, EarlyChunks):
        loader.early = None
        early.discard()


def _file_loader(
    repo: Path,
    year: int,
    schemas: SchemaSet,
    ctx: Any,
    *,
    cache: bool,
    processes: int | None,
    cache_home: Path | None,
    loader: LoaderFactory | None,
) -> Any:
    """What reads the year's files but the year file: `loader`'s object, or a FileLoader
    (both: `run(files, progress)`, and `cache` — what `_keep_digests` asks — or None)."""
    from generator import loading, loadpool

    if loader is not None:
        return loader(repo, schemas, ctx)
    files_loader = loadpool.FileLoader(repo, schemas, ctx)
    if cache:
        files_loader.cache = loading.OutcomeCache(repo, year, ctx, home=cache_home)
    if processes is not None:
        files_loader.processes = processes
    return files_loader


def _keep_digests(year: Year, cache: Any, outcomes: dict[SubmissionFile, Any]) -> None:
    """What rating reuse keys records by (generator/rules/reuse.py): the load context's key
    and the digest of the bytes each record was built from, when the load cache knew it."""
    if cache is None:
        return
    year.load_key = cache.key
    for file, outcome in outcomes.items():
        if digest := cache.digest_of(file.path, outcome):
            year.digests[file.path] = digest


@dataclass
class YearLoad:
    """What loading one year used and gave: its context and every file read."""

    ctx: Any  # generator.loading.Context
    loaded: list[LoadedFile]
    # the year-index entries its loading workers made (generator.check.yearindex)
    entries: dict[str, Any] | None = None


@dataclass
class YearHead:
    """The year file read and checked, and the context every other file is checked in."""

    files: list[LoadedFile]
    load: dict[str, CheckResult]  # load findings per year file
    check: CheckResult  # the year file's schema findings
    config: Any  # YearConfig | None
    ctx: Any  # generator.loading.Context


def year_head(
    repo: Path, readable: list[SubmissionFile], schemas: SchemaSet, ruleset: str | None
) -> YearHead:
    """Read the year file: it decides which ruleset overlay applies to everything else."""
    from generator import loading

    year_files = [LoadedFile(f, None) for f in readable if f.kind is Kind.YEAR]
    year_load = {lf.file.path: CheckResult() for lf in year_files}
    year_check = CheckResult()
    config = None
    for lf in year_files:
        lf.document = read_document(repo, lf.file, year_load[lf.file.path], schemas=schemas)
        if lf.document is not None:
            found = schemas.validate(Kind.YEAR, lf.document, lf.file.path, None)
            year_check.extend(found)
            if not found and not year_load[lf.file.path].errors:  # as loading.check_read
                lf.record = build_record(lf)
                config = lf.record
                # its dates against its own year (generator.check.yeardates)
                year_check.extend(year_date_findings(config, lf.document, lf.file.path))
    active = ruleset or (config.ruleset if config else None)
    if config is not None and ruleset is not None:
        config.ruleset = ruleset
    year_bytes = b"".join(_bytes(repo / lf.file.path) for lf in year_files)
    ctx = loading.Context(str(repo), str(schemas.dir), active, config, year_bytes)
    return YearHead(year_files, year_load, year_check, config, ctx)


def _readable(repo: Path, files: list[SubmissionFile], result: CheckResult) -> list[SubmissionFile]:
    """The files to read; symlinks and names outside the layout become findings."""
    readable: list[SubmissionFile] = []
    for file in files:
        if file.kind is Kind.SYMLINK:
            result.add(finding("file-symlink", file.path, Position(1, 1)))
        elif file.kind is Kind.UNKNOWN:
            result.add(unexpected(repo, file))
        else:
            result.files_checked += 1
            readable.append(file)
    return readable


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _form_findings(year: Year, loaded: list[LoadedFile]) -> list[Finding]:
    """R0: what each file must add under the year's ruleset (generator.rules.form): from
    its record when it has one, else from its document.

    `form_findings` passes over a record whose state does not fit the ruleset — under a
    rating ruleset a complete file (its schema overlay reports what is missing), while
    pending a draft — before anything else; such records, nearly all of a province's,
    are left out here without making their data (~1 s at 100,000 members)."""
    spec = spec_for(year.year, year.config)
    files: list[tuple[str, str, Any]] = []
    for lf in loaded:
        if lf.file.kind not in (Kind.MEMBER, Kind.ORG):
            continue
        if lf.record is not None:
            if (lf.record.state is FileState.DRAFT) == spec.rates:
                files.append((lf.file.kind.value, lf.file.path, lf.record))
        elif lf.document is not None:
            files.append((lf.file.kind.value, lf.file.path, lf.document))
    return form_findings(year, spec, files)


__all__ = [
    "RECORD_TYPES",
    "RULESETS",
    "LoadedFile",
    "LoaderFactory",
    "YearHead",
    "YearLoad",
    "finding",
    "load_year",
    "problem_finding",
    "read_document",
    "validate_loaded",
    "year_head",
]
