"""Build a year's committee and chi bộ sites (issue 14) at province size.

A province has thousands of them (~1,300 committees and ~5,000 chi bộ per 100,000
members), so:

- each site is skipped when nothing it shows changed: its digest (`view_digest`: the
  records, verdicts, findings and statistics as redacted for its reader, plus the
  templates, mkdocs.yml, schemas and the generator's code) is kept beside it in
  `<site>/.kiemdiem-digest` (MkDocs' clean keeps dot files), written after a complete
  build and removed before a rebuild; one changed member file rebuilds their chi bộ's
  site and their deciding committee's, not the others';
- the sites are built in worker processes (forked: they read the whole year's view
  without copying it), each site one MkDocs + Pagefind run, with what the sites share
  made once per process (`generator.site.shared`: compiled templates, one copy of the
  theme's files).
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import io
import multiprocessing
import os
import pickle
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.site import audiences, incremental
from generator.site.audiences import Audience
from generator.site.shared import SharedTheme
from generator.site.views import YearView

DIGEST_FILE = ".kiemdiem-digest"
# below this many sites the workers' start-up is not worth it
MIN_SITES_PER_PROCESS = 8


@dataclass
class AudienceJob:
    """What every audience site of one year is built from."""

    full: YearView  # the whole year's view (audiences.audience_view redacts it per site)
    schema_dir: Path
    project: Path  # mkdocs.yml and site_templates/
    work: Path  # the Markdown goes to <work>/<audience root>/<year>/docs
    out: Path  # the sites go to <out>/<audience root>/<year>/
    store: Path  # the shared files' one copy (generator.site.shared)
    static: str  # digest of what every site depends on (`static_digest`)
    # renders and builds one site: generator.site.build.build_year_site
    build_year_site: Callable[..., object]
    strict: bool = False
    offline: bool = False
    force: bool = False  # rebuild even when the digest is unchanged


@dataclass(frozen=True)
class SiteOutcome:
    root: str  # "cap-uy/<org>" or "chi-bo/<org>"
    built: bool  # False: unchanged, skipped
    seconds: float


def _tree_bytes(base: Path) -> Iterator[bytes]:
    for path in incremental.tree_files(base):
        yield str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0"


def static_digest(project: Path, schema_dir: Path, generator_dir: Path) -> str:
    """What every site's pages depend on besides its records: templates, mkdocs.yml, the
    schemas (their `x-pham-vi` classes), the generator's code and the tools' versions."""
    h = hashlib.sha256()
    for base in (project / "site_templates", schema_dir, generator_dir):
        for chunk in _tree_bytes(base):
            h.update(chunk)
    h.update((project / "mkdocs.yml").read_bytes())
    for dist in ("mkdocs", "mkdocs-material", "pagefind", "jinja2", "markdown"):
        try:
            h.update(f"{dist}={importlib.metadata.version(dist)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{dist}=?\0".encode())
    return h.hexdigest()


def view_digest(view: YearView, static: str, options: tuple[object, ...] = ()) -> str:
    """Everything an audience's site is made of, hashed: its redacted records, verdicts,
    findings, statistics and what the page frame shows, plus `static`.

    Pickle is exact about content (a record's source document pickles as its path). Its
    memo is off (`fast`): with it, an object referenced twice is written once and then
    referred to, so the same content loaded another way (a warm cache shares strings
    differently) would hash differently and every site would be rebuilt."""
    year = view.year
    parts = (
        year.year,
        year.config,
        year.orgs,
        year.members,
        year.proposals,
        year.decisions,
        year.broken_members,
        view.verdicts,
        view.findings,
        view.member_scopes,
        view.disclosure,
        view._stats,
        view.cited,
        view.audience_title,
        view.ruleset_title,
        view.settings_doc,
        view.years,
        options,
    )
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True  # no memo: the bytes depend on content only (the data is acyclic)
    pickler.dump(parts)
    return hashlib.sha256(static.encode() + buffer.getvalue()).hexdigest()


# ---------------------------------------------------------------------- one site

_JOB: AudienceJob | None = None  # the job of this process (set before forking workers)
_SHARED: SharedTheme | None = None


def build_one(job: AudienceJob, audience: Audience) -> SiteOutcome:
    """Build one audience's site of the year unless its digest is unchanged."""
    global _SHARED
    started = time.perf_counter()
    view = audiences.audience_view(job.full, audience, job.schema_dir)
    site_dir = job.out / audience.root / str(job.full.number)
    digest = view_digest(view, job.static, (job.strict, job.offline))
    marker = site_dir / DIGEST_FILE
    if not job.force and _read(marker) == digest and (site_dir / "index.html").is_file():
        return SiteOutcome(audience.root, False, time.perf_counter() - started)
    marker.unlink(missing_ok=True)
    if _SHARED is None or _SHARED.store != job.store:
        _SHARED = SharedTheme(job.store)
    job.build_year_site(
        view,
        job.project,
        job.work / audience.root / str(job.full.number) / "docs",
        site_dir,
        strict=job.strict,
        offline=job.offline,
        shared=_SHARED,
    )
    marker.write_text(digest, "utf-8")
    return SiteOutcome(audience.root, True, time.perf_counter() - started)


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError:
        return ""


def _work(audience: Audience) -> SiteOutcome:
    assert _JOB is not None
    return build_one(_JOB, audience)


# ---------------------------------------------------------------------- every site


def processes_for(sites: int, wanted: int | None = None) -> int:
    """How many worker processes for `sites` sites (`wanted`: asked for; default: the
    cores this process may use)."""
    cores = wanted or len(os.sched_getaffinity(0))
    return max(1, min(cores, sites // MIN_SITES_PER_PROCESS))


def build_audience_sites(
    job: AudienceJob,
    targets: list[Audience],
    *,
    processes: int | None = None,
    progress: Callable[[SiteOutcome], None] | None = None,
) -> list[SiteOutcome]:
    """Build (or skip, when unchanged) the site of every audience in `targets`."""
    global _JOB
    report = progress or (lambda outcome: None)
    workers = processes_for(len(targets), processes)
    outcomes: list[SiteOutcome] = []
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for audience in targets:
            outcomes.append(build_one(job, audience))
            report(outcomes[-1])
        return outcomes
    _JOB = job
    # the forked workers then do not copy the year's objects to collect them (left frozen,
    # like generator.loading.paused_gc leaves a load: the next load unfreezes)
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for outcome in pool.imap_unordered(_work, targets, chunksize=4):
                outcomes.append(outcome)
                report(outcome)
    finally:
        _JOB = None
    return outcomes
