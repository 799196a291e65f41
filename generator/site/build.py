"""Build the whole site: every year rendered and built with MkDocs, plus the year switcher.

Read top to bottom, `build_site` is the build:

1. list the years in submissions/; the newest is "open", the others "closed"; what builds
   made of a year no longer there is deleted (`generator.site.prune`);
2. for each year, hash its inputs (`inputs_digest`); a closed year whose digest is in the
   cache and whose output exists is skipped;
3. ask the pipeline (`generator.pipeline`) for the years to build, rated with their
   history and later re-ratings, exactly as `kiemdiem rate`, `stats` and `serve` get them;
   `rating.views` turns them into views (the statistics come from `generator.statistics`);
4. render each into build/<year>/docs (`generator.site.render`) and run one MkDocs build
   into <out>/<year>/ (`generator.site.mkdocs_run`);
5. write <out>/versions.json (mike's format, read by Material's version selector) and
   <out>/index.html (a redirect to the newest year); save the cache.

Library code: reports progress through a callback, never prints.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.editor import publish_editor
from generator.pipeline import Pipeline
from generator.privacy import Scope
from generator.site import audience_sites, audiences, incremental, mkdocs_run, prune, rating, search
from generator.site.address import error_page_base, sitemap_base_of
from generator.site.indexer import Indexer
from generator.site.render import paginate_year, render_year
from generator.site.shared import STORE, SharedTheme, link_pagefind, prune_pages

# the year switcher (generator.site.switcher), also imported from here
from generator.site.switcher import versions as versions
from generator.site.switcher import write_versions as write_versions
from generator.site.text import safe_title
from generator.site.views import YearView
from generator.site.yearcache import BuildCache
from generator.submissions.layout import SUBMISSIONS
from generator.submissions.layout import years as list_years

TEMPLATES = "site_templates"
CONFIG = "mkdocs.yml"
GENERATOR = Path(__file__).resolve().parents[1]  # the generator package (its code)

Progress = Callable[[str, int, int], None]  # (message, done, total)


@dataclass
class BuildOptions:
    repo: Path  # holds submissions/ (and schema/)
    out: Path  # the site folder: <out>/<year>/, versions.json, index.html
    project: Path  # holds mkdocs.yml and site_templates/ (usually the repository too)
    years: list[int] | None = None  # only these years (default: all)
    strict: bool = False
    force: bool = False  # rebuild closed years even when unchanged
    work: Path | None = None  # where the Markdown goes (default <repo>/build)
    # which audiences get a site (issue 14, generator.site.audiences): "to-chuc" (always
    # built: the whole organization), "cap-uy" (each deciding committee), "chi-bo" (each
    # chi bộ); `only` restricts committees and chi bộ to one organization id
    audiences: tuple[str, ...] = ("to-chuc",)
    only: str = ""
    # a site that works opened from disk (file://, e.g. a USB stick): pages as files
    # (to-chuc/x.html, MkDocs' use_directory_urls: false); nothing from another server
    offline: bool = False
    # the path the output folder is served at (`--site-url`, generator.site.address: its
    # `site_path`), which each site's 404 page links from; None: not given
    site_path: str | None = None
    # worker processes for the committees' and chi bộ's sites (default: the cores)
    processes: int | None = None
    # False (`kiemdiem build --chi-mot ORG`): the committees' and chi bộ's sites only, not
    # the organization's (nor its editor, year list or build cache)
    org_site: bool = True


@dataclass
class YearResult:
    year: int
    skipped: bool = False
    pages: int = 0
    members: int = 0
    findings: int = 0
    seconds_load: float = 0.0
    seconds_render: float = 0.0
    seconds_mkdocs: float = 0.0
    seconds_search: float = 0.0  # waited for the search index once MkDocs was done
    search: search.IndexResult = field(default_factory=search.IndexResult)  # its bundles
    orgs_kept: int = 0  # organizations whose pages were not rendered again (incremental)
    dirty: bool = False  # MkDocs rebuilt only the changed pages
    org_site: bool = True  # False: `--chi-mot`, the organization's site was not built


@dataclass
class SiteResult:
    out: Path
    years: list[YearResult] = field(default_factory=list)
    newest: int | None = None
    # each committee's and chi bộ's site of the years built: rebuilt or unchanged
    audience_sites: list[audience_sites.SiteOutcome] = field(default_factory=list)
    seconds_audiences: float = 0.0  # wall time of those
    seconds_audience_check: float = 0.0  # of which telling which are unchanged
    # sites of bodies a built year no longer has, deleted ("cap-uy/<org>/<year>")
    audience_removed: list[str] = field(default_factory=list)
    # the outputs of years no longer in submissions/, deleted (generator.site.prune)
    pruned: prune.Pruned = field(default_factory=prune.Pruned)


# ---------------------------------------------------------------------- inputs and cache


def inputs_digest(options: BuildOptions, year: int, all_years: list[int]) -> str:
    """A hash of everything a year's pages depend on.

    Its own submissions; the year before (history flags, the comparison chart); the
    decisions of later years (a re-rating, RULES.md 124-M7, changes an earlier final level);
    the templates, mkdocs.yml, the schemas and the generator's code; the list of years.
    """
    h = hashlib.sha256()
    subs = options.repo / SUBMISSIONS
    sources: list[Path] = [subs / str(year), subs / str(year - 1)]
    sources += [p for y in all_years if y > year for p in (subs / str(y)).rglob("quyet-dinh.yaml")]
    sources += [
        options.project / TEMPLATES,
        options.project / CONFIG,
        options.repo / "schema",
        Path(__file__).resolve().parents[1],  # the generator package
    ]
    for source in sources:
        for path in incremental.tree_files(source):
            h.update(str(path).encode())
            h.update(b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    chosen = (options.strict, options.audiences, options.only, options.offline, options.site_path)
    h.update(json.dumps([all_years, *chosen]).encode())
    return h.hexdigest()


# ---------------------------------------------------------------------- the build


def build_site(
    options: BuildOptions, progress: Progress | None = None, pipeline: Pipeline | None = None
) -> SiteResult:
    """Build the site of every (or the chosen) year into `options.out`.

    The rated years come from `pipeline` (default: `Pipeline(options.repo)`).
    """
    report = progress or (lambda message, done, total: None)
    all_years = list_years(options.repo)
    result = SiteResult(options.out, newest=max(all_years) if all_years else None)
    if not all_years:
        return result
    works = prune.work_folders(options.repo, options.work)
    result.pruned = prune.prune_removed_years(options.repo, options.out, works, all_years)
    wanted = [y for y in all_years if options.years is None or y in options.years]
    org_site = options.org_site
    cache = BuildCache(options.repo, options.out)
    # the open year is always built: its digest (every file of two years read) is not needed
    digests = {y: inputs_digest(options, y, all_years) for y in wanted if y != result.newest}
    to_build = [
        y
        for y in wanted
        if options.force
        or not org_site  # the audience sites' own digests tell which are unchanged
        or y == result.newest
        or not cache.fresh(y, digests[y])
        or not (options.out / str(y) / "index.html").is_file()
    ]
    result.years = [YearResult(y, skipped=True) for y in wanted if y not in to_build]

    # the pipeline decides which years the built ones need (history, later re-ratings)
    steps = 1 + 2 * len(to_build)
    done = 0
    report("Đọc, kiểm tra và xếp loại", done, steps)
    started = time.perf_counter()
    rated = (pipeline or Pipeline(options.repo)).rate(to_build)
    seconds_load = time.perf_counter() - started
    done += 1
    for y in to_build:
        result.years.append(
            YearResult(y, seconds_load=seconds_load / len(to_build), org_site=org_site)
        )
    views = rating.views(rated)

    work = options.work or options.repo / ("build-offline" if options.offline else "build")

    by_year = {r.year: r for r in result.years}
    kinds = {audiences.KINDS[a] for a in options.audiences} - {Scope.TO_CHUC}
    shared = SharedTheme(options.out / STORE)
    static = audience_sites.static_digest(options.project, options.repo / "schema", GENERATOR)
    if result.pruned.sites_removed and not options.only:
        prune_pages(shared)  # what only the deleted sites linked
    for y in to_build:
        report(f"Tạo trang và dựng trang web năm {y}", done, steps)
        public = None
        if org_site:
            public = _organization_site(options, views[y], work, shared, static, by_year[y])
        if kinds:
            _audience_sites(options, views[y], kinds, work, shared, static, result, report, public)
        if org_site:
            # the editor (/<year>/soan-thao/): offered for the open year only
            publish_editor(
                views[y].year,
                options.project,
                options.out / str(y),
                open_year=y == result.newest,
                offline=options.offline,
            )
            if y in digests:
                cache.set(y, digests[y])
        done += 2

    prune.write_year_lists(options.out, all_years, result.pruned, options)
    cache.save()
    report("Xong", steps, steps)
    result.years.sort(key=lambda r: r.year)
    return result


def _organization_site(
    options: BuildOptions,
    full: YearView,
    work: Path,
    shared: SharedTheme,
    static: str,
    result: YearResult,
) -> YearView:
    """The whole organization's site of one year: redacted for it (issue 14), like
    `serve` shows it; returns the view it was built from."""
    public = audiences.organization_view(full, options.repo / "schema")
    y = full.number
    build_year_site(
        public,
        options.project,
        work / str(y) / "docs",
        options.out / str(y),
        strict=options.strict,
        result=result,
        offline=options.offline,
        shared=shared,
        # incremental by organization unless --force (generator.site.incremental)
        static=None if options.force else static,
        error_base=error_page_base(options.site_path, str(y), options.offline),
        sitemap_base=sitemap_base_of(options.site_path, str(y)),
    )
    return public


def _audience_sites(
    options: BuildOptions,
    full: YearView,
    kinds: set[Scope],
    work: Path,
    shared: SharedTheme,
    static: str,
    result: SiteResult,
    report: Progress,
    public: YearView | None = None,
) -> None:
    """The year's committee and chi bộ sites (generator.site.audience_sites), added to
    `result` with their time: in worker processes, each rebuilt only when what it shows
    changed (`static`: the digest of what they share, taken once per build)."""
    started = time.perf_counter()
    schema_dir = options.repo / "schema"
    job = audience_sites.AudienceJob(
        full, schema_dir, options.project, work, options.out, shared.store, static,
        build_year_site, strict=options.strict, offline=options.offline, force=options.force,
        public=public, site_path=options.site_path,
    )  # fmt: skip
    targets = audiences.audiences_of(full.year, kinds, options.only, full.verdicts)
    done = [0]

    def progress(outcome: audience_sites.SiteOutcome) -> None:
        done[0] += 1
        state = "dựng lại" if outcome.built else "không đổi"
        report(f"Năm {full.number}: {outcome.root} ({state})", done[0], len(targets))

    result.audience_sites += audience_sites.build_audience_sites(
        job, targets, processes=options.processes, progress=progress
    )
    if not options.only:  # the sites of bodies the year no longer has
        result.audience_removed += audience_sites.remove_stale(
            options.out, full.number, kinds, {a.root for a in targets}
        )
        prune_pages(shared)
    result.seconds_audiences += time.perf_counter() - started
    result.seconds_audience_check += job.seconds_check


def build_year_site(
    view: YearView,
    project: Path,
    docs_dir: Path,
    site_dir: Path,
    *,
    strict: bool = False,
    result: YearResult | None = None,
    offline: bool = False,
    shared: SharedTheme | None = None,
    static: str | None = None,
    search_shard_members: int | None = None,
    error_base: str = "",
    sitemap_base: str = "",
) -> YearResult:
    """Render one year's pages into `docs_dir` and build them with MkDocs into `site_dir`
    (`offline`: for opening from disk: the view then links files, not folders).

    `static` (generator.site.incremental): incremental — only organizations whose pages'
    inputs changed are rendered again, and MkDocs rebuilds only the pages whose Markdown
    changed when `site_dir` holds a finished build made with the same `static` (and
    unchanged search bundles are kept: generator.site.indexer, `search_shard_members`).
    `error_base`: where the 404 page links from, `sitemap_base`: what the sitemap's
    entries start with (generator.site.address)."""
    view.directory_urls = not offline
    result = result or YearResult(view.number)
    paginate_year(view)
    # Pagefind indexes the records while the pages are rendered and built
    work = docs_dir.parent / search.INDEX_DIR
    indexer = Indexer(view, work, reuse=static is not None, shard_members=search_shard_members)
    try:
        stamp = _render_and_build(
            view, project, docs_dir, site_dir, strict, offline, shared, static, result,
            (error_base, sitemap_base),
        )  # fmt: skip
    except BaseException:
        indexer.abandon()
        raise
    started = time.perf_counter()
    result.search = indexer.finish(site_dir)
    if shared is not None:
        link_pagefind(shared, site_dir / search.INDEX_DIR)
    result.seconds_search = time.perf_counter() - started
    if static is not None:
        incremental.remember(site_dir, stamp)
    return result


def _render_and_build(
    view: YearView,
    project: Path,
    docs_dir: Path,
    site_dir: Path,
    strict: bool,
    offline: bool,
    shared: SharedTheme | None,
    static: str | None,
    result: YearResult,
    bases: tuple[str, str] = ("", ""),
) -> str:
    """Render the pages and run MkDocs (dirty when it may); returns the build's stamp.
    `bases`: `error_base` and `sitemap_base` (build_year_site)."""
    started = time.perf_counter()
    rendered = render_year(view, project / TEMPLATES, docs_dir, static=static)
    result.seconds_render = time.perf_counter() - started
    result.pages = rendered.pages
    result.members = len(view.year.members)
    result.findings = len(view.findings)
    result.orgs_kept = rendered.skipped_orgs
    started = time.perf_counter()
    site_name = f"Kiểm điểm {view.number}"
    # a committee's or chi bộ's site names its audience in the header of its own pages
    # (not in site_name: the pages every audience shares stay the same file, shared.py);
    # the name is an organization's: submitted text, so no markup
    audience = safe_title(view.audience_title) if view.audience and view.audience.root else ""
    built = incremental.stamp(static or "", site_name, audience, strict, offline)
    dirty = static is not None and incremental.dirty_ok(site_dir, built)
    incremental.forget(site_dir)
    if dirty:
        incremental.remove_built(site_dir, rendered.removed, view.directory_urls)
    mkdocs_run.build_year(
        project / CONFIG,
        docs_dir=rendered.docs_dir,
        site_dir=site_dir,
        site_name=site_name,
        strict=strict,
        offline=offline,
        shared=shared,
        dirty=dirty,
        audience=audience,
        error_base=bases[0],
        sitemap_base=bases[1],
    )
    result.dirty = dirty
    result.seconds_mkdocs = time.perf_counter() - started
    return built
