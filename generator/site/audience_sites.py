"""Build a year's committee and chi bộ sites (issue 14) at province size.

A province has thousands of them (~1,300 committees and ~5,000 chi bộ per 100,000
members), so:

- each site is skipped when nothing it shows changed: its digest
  (`generator.site.audience_digest`: taken over the unredacted records the site is made
  of, plus the templates, mkdocs.yml, schemas and the generator's code, without
  redacting anything) is kept beside it in `<site>/.kiemdiem-digest` (MkDocs' clean
  keeps dot files), written after a complete build and removed before a rebuild; one
  changed member file rebuilds their chi bộ's site and their deciding committee's, not
  the others'. The digests are compared in this process; only the sites to rebuild go
  to the workers;
- the sites are built in worker processes (forked: they read the whole year's view
  without copying it), each site one MkDocs + Pagefind run, with what the sites share
  made once per process (`generator.site.shared`: compiled templates, one copy of the
  theme's files).
"""

from __future__ import annotations

import gc
import hashlib
import importlib.metadata
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.privacy import Scope
from generator.site import audience_digest, audiences, incremental
from generator.site.address import error_page_base, sitemap_base_of
from generator.site.audiences import Audience
from generator.site.shared import SharedTheme, link_same_pages
from generator.site.switcher import retire_root
from generator.site.views import YearView

DIGEST_FILE = ".kiemdiem-digest"
# in every audience site folder the build made (as commands/build.py's OUT_MARKER in the
# folders it owns): only a folder carrying it (or a digest) is ever deleted
SITE_MARKER = ".kiemdiem-site"
SITE_MARKER_TEXT = "Thư mục này do `kiemdiem build` tạo; lần dựng sau có thể xóa và ghi lại nó.\n"
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
    # the whole organization's view of the year when the build made it (its redacted
    # records serve the digests: generator.site.audience_digest)
    public: YearView | None = None
    seconds_check: float = 0.0  # set by build_audience_sites: telling the unchanged sites
    # the path the output folder is served at (BuildOptions.site_path), for 404 pages
    site_path: str | None = None


@dataclass(frozen=True)
class SiteOutcome:
    root: str  # "cap-uy/<org>" or "chi-bo/<org>"
    built: bool  # False: unchanged, skipped
    seconds: float
    year: int = 0


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


# ---------------------------------------------------------------------- one site

_JOB: AudienceJob | None = None  # the job of this process (set before forking workers)
_SHARED: SharedTheme | None = None


def site_dir_of(job: AudienceJob, audience: Audience) -> Path:
    return job.out / audience.root / str(job.full.number)


def unchanged(job: AudienceJob, audience: Audience, digest: str) -> bool:
    """Whether `audience`'s site was built completely from inputs with this digest."""
    site_dir = site_dir_of(job, audience)
    return (
        not job.force
        and _read(site_dir / DIGEST_FILE) == digest
        and (site_dir / "index.html").is_file()
    )


def build_one(job: AudienceJob, audience: Audience, digest: str) -> SiteOutcome:
    """Build one audience's site of the year; `digest` is written beside it when done."""
    global _SHARED
    started = time.perf_counter()
    site_dir = site_dir_of(job, audience)
    marker = site_dir / DIGEST_FILE
    marker.unlink(missing_ok=True)
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / SITE_MARKER).write_text(SITE_MARKER_TEXT, "utf-8")  # MkDocs keeps dot files
    view = audiences.audience_view(job.full, audience, job.schema_dir)
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
        error_base=error_page_base(
            job.site_path, f"{audience.root}/{job.full.number}", job.offline
        ),
        sitemap_base=sitemap_base_of(job.site_path, f"{audience.root}/{job.full.number}"),
    )
    # the rules and the guide: one copy for every site (generator.site.shared)
    link_same_pages(_SHARED, site_dir)
    marker.write_text(digest, "utf-8")
    return SiteOutcome(audience.root, True, time.perf_counter() - started, job.full.number)


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except OSError:
        return ""


def _work(item: tuple[Audience, str]) -> SiteOutcome:
    assert _JOB is not None
    return build_one(_JOB, *item)


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
    outcomes: list[SiteOutcome] = []
    # which sites changed: told here, cheaply (no redaction), before any worker starts
    digest_of = audience_digest.digests_of(
        job.full, job.static, (job.strict, job.offline, job.site_path), job.schema_dir, job.public
    )
    todo: list[tuple[Audience, str]] = []
    checking = time.perf_counter()
    for audience in targets:
        started = time.perf_counter()
        digest = digest_of(audience)
        if unchanged(job, audience, digest):
            outcomes.append(
                SiteOutcome(audience.root, False, time.perf_counter() - started, job.full.number)
            )
            report(outcomes[-1])
        else:
            todo.append((audience, digest))
    job.seconds_check = time.perf_counter() - checking
    workers = processes_for(len(todo), processes)
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        for audience, digest in todo:
            outcomes.append(build_one(job, audience, digest))
            report(outcomes[-1])
        return outcomes
    _JOB = job
    # the forked workers then do not copy the year's objects to collect them (left frozen,
    # like generator.loading.paused_gc leaves a load: the next load unfreezes)
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for outcome in pool.imap_unordered(_work, todo, chunksize=4):
                outcomes.append(outcome)
                report(outcome)
    finally:
        _JOB = None
    return outcomes


def remove_stale(out: Path, year: int, kinds: set[Scope], keep: set[str]) -> list[str]:
    """Delete `year`'s sites of the audiences of `kinds` not in `keep` (their body no
    longer exists that year, or no longer decides anything): only folders the build made
    (`SITE_MARKER` or a digest in them), never a link. An audience root left without any
    year loses its landing page and year list, and goes when nothing else is in it.
    Returns the sites deleted ("cap-uy/<org>/<year>")."""
    removed = []
    for kind in sorted(kinds):
        base = out / kind.slug
        if not base.is_dir() or base.is_symlink():
            continue
        for root in sorted(base.iterdir()):
            site = root / str(year)
            if f"{kind.slug}/{root.name}" in keep or site.is_symlink() or not site.is_dir():
                continue
            if not ((site / SITE_MARKER).is_file() or (site / DIGEST_FILE).is_file()):
                continue  # not the build's
            shutil.rmtree(site)
            removed.append(f"{kind.slug}/{root.name}/{year}")
            if not any(p.name.isdigit() for p in root.iterdir()):
                retire_root(root)
    return removed
