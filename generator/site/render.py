"""Render one rated year into the Markdown pages of its site (a MkDocs docs folder).

    render_year(view, templates, docs_dir) -> RenderResult

Templates (site_templates/pages/*.j2) run with Jinja autoescaping on, so every value a
template prints is HTML-escaped unless it is `Markup` made here; the templates put all
submitted text inside raw HTML blocks, where Python-Markdown does not look (see
`generator.site.text`). The renderer only writes into `docs_dir`; it never touches
submissions/.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.invisible import show_invisible
from generator.rules.base import NotRated
from generator.site import charts, incremental, paging
from generator.site.downloads import statistics_downloads
from generator.site.hooks import FRAGMENTS, fragments_file
from generator.site.shared import disk_bytecode
from generator.site.text import (
    code_spans,
    esc,
    fold,
    number_vi,
    paragraphs,
    percent_vi,
    safe_title,
    signed_vi,
    strip_controls,
    yaml_string,
)
from generator.site.views import (
    LEVELS_DESC,
    YearView,
    date_vi,
    page_path_org,
    page_path_problems,
)
from generator.statistics import COUNTED_NOT_RATED
from generator.submissions.records import CriterionLevel, Level

PAGES = "pages"
ASSETS = "assets"

LEVEL_CSS = {
    Level.HTXSNV: "kd-l4",
    Level.HTTNV: "kd-l3",
    Level.HTNV: "kd-l2",
    Level.KHTNV: "kd-l1",
}


@dataclass
class RenderResult:
    docs_dir: Path
    written: list[Path] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)  # pages of the last render now gone
    skipped_orgs: int = 0  # organizations whose pages were not rendered again (same key)

    @property
    def pages(self) -> int:
        return sum(1 for p in self.written if p.suffix == ".md") + self.unchanged


def level_badge(level: Level | None, provisional: bool = False) -> Markup:
    if level is None:
        return Markup('<span class="kd-badge kd-none">—</span>')
    extra = " kd-prov" if provisional else ""
    title = level.label_vi + (" (dự kiến)" if provisional else "")
    return Markup(
        f'<span class="kd-badge {LEVEL_CSS[level]}{extra}" title="{esc(title)}">'
        f"{level.code}{'*' if provisional else ''}</span>"
    )


def criterion_label(value: CriterionLevel | None) -> str:
    return value.label_vi if value is not None else ""


@functools.cache
def environment(templates: Path) -> jinja2.Environment:
    """The pages' Jinja environment, one per templates folder and process: a build renders
    thousands of audience sites, and compiling the templates for each was most of their
    rendering time (Jinja still reloads a template whose file changed)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates / PAGES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        bytecode_cache=disk_bytecode(),  # compiled once, not once per process
        # control characters never reach a page (they include Markdown's placeholders);
        # bidi and zero-width characters are shown as marks (generator.invisible)
        finalize=lambda v: show_invisible(strip_controls(v)) if type(v) is str else v,
    )
    env.filters.update(
        date=date_vi,
        para=lambda v: Markup(paragraphs(v)),
        code=lambda v: Markup(code_spans(v)),  # a finding's message or hint
        fold=fold,
        title=safe_title,
        # front matter: `title` already removed every markup character
        yaml=lambda v: Markup(yaml_string(safe_title(str(v)))),
        level=level_badge,
        criterion=criterion_label,
        num=number_vi,  # 17.0 -> "17", 17.5 -> "17,5"
        pct=percent_vi,  # a share 0..1 -> "10,3%"
        signed=signed_vi,  # a change in points -> "+2,6"
    )
    env.globals.update(
        LEVELS=LEVELS_DESC,
        Level=Level,
        charts=charts,
        NOT_RATED=COUNTED_NOT_RATED,
        UNDISCLOSED=NotRated.UNDISCLOSED,
        PAGING=paging,
    )
    return env


class _Writer:
    """Writes a file only when its content changed (keeps `mkdocs serve` calm)."""

    def __init__(self, docs_dir: Path) -> None:
        self.result = RenderResult(docs_dir)
        # the files this render keeps, as paths (str: a province keeps ~12,000 files
        # unchanged, and a Path made for each was ~0.15 s of a one-file rebuild)
        self.keep: set[str] = set()

    def write(self, rel: str, content: str | bytes) -> None:
        path = self.result.docs_dir / rel
        self.keep.add(str(path))
        data = content.encode("utf-8") if isinstance(content, str) else content
        if path.is_file() and path.read_bytes() == data:
            if rel.endswith(".md"):  # a page (`pages` counts pages, not the CSS and JS)
                self.result.unchanged += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.result.written.append(path)

    def write_outside(self, path: Path, content: str) -> None:
        """A file beside docs_dir (not published as is), e.g. the member fragments."""
        self.keep.add(str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_text("utf-8") != content:
            path.write_text(content, "utf-8")

    def remove_stale(self, listed: incremental.Listing | None = None) -> None:
        """Delete pages of a previous render that no longer exist (a removed member), and
        fragments of pages that have none any more (as a render from scratch leaves), and
        folders left empty; `listed`: the docs and fragments folders as they were before
        this render wrote (`PageKeys.listing`), else walked now."""
        docs = self.result.docs_dir
        parent = docs.parent
        if listed is None:
            listed = incremental.listing(parent, (docs.name, FRAGMENTS))
        keep = self.keep
        folders = set(listed.empty)
        for rel in sorted(listed.files, reverse=True):
            path = f"{parent}/{rel}"
            if path in keep:
                continue
            top, _, below = rel.partition("/")
            if top == docs.name:
                self.result.removed.append(below)
            os.unlink(path)
            folders.add(rel.rpartition("/")[0])
        # deepest first; a folder emptied by removing one below it goes too
        pending = sorted((f for f in folders if "/" in f), key=lambda f: -f.count("/"))
        while pending:
            folder = pending.pop(0)
            try:
                os.rmdir(f"{parent}/{folder}")
            except OSError:
                continue  # not empty
            up = folder.rpartition("/")[0]
            if "/" in up and up not in pending:
                pending.append(up)
                pending.sort(key=lambda f: -f.count("/"))


def render_year(
    view: YearView, templates: Path, docs_dir: Path, *, static: str | None = None
) -> RenderResult:
    """Write every page of `view`'s year into `docs_dir` (created if missing).

    With `static` (what every page depends on besides the records, see
    generator.site.incremental), an organization's pages are rendered only when their key
    changed since the last render into `docs_dir`."""
    env = environment(templates)
    docs_dir.mkdir(parents=True, exist_ok=True)
    out = _Writer(docs_dir)
    keys = incremental.PageKeys(docs_dir, view, static) if static is not None else None

    def page(template: str, rel: str, key: str = "", **ctx: object) -> None:
        if keys is not None and key and keys.page_fresh(rel, key):
            out.keep.add(f"{docs_dir}/{rel}")  # rendered from the same inputs last time
            out.result.unchanged += 1
            return
        html = env.get_template(template).render(v=view, to_root=view.to_root(rel), **ctx)
        out.write(rel, html)
        if keys is not None and key:
            keys.set_page(rel, key)

    def keyed(fn: PageKey) -> PageKeyOf | None:
        return None if keys is None else lambda p, ps: fn(view, keys.frame, p, ps)

    member_pages = paginate_year(view)
    page("home.md.j2", "index.md")
    tree_key = keyed(incremental.tree_page_key)
    _paged(page, "tree.md.j2", view.tree(), "to-chuc/index.md", paging.ROWS_PER_PAGE, tree_key)
    _render_orgs(view, env, out, member_pages, keys)
    _render_stats(view, page, keyed(incremental.stats_page_key), keys, out)
    _render_problems(view, page)
    page("rules.md.j2", "quy-tac/index.md")
    page("guide.md.j2", "huong-dan/index.md")
    for name, data in statistics_downloads(view).items():
        out.write(f"thong-ke/{name}", data)
    for asset in sorted((templates / ASSETS).iterdir()):
        if asset.is_file():
            out.write(f"assets/{asset.name}", asset.read_bytes())
    out.remove_stale(keys.listing() if keys is not None else None)
    if keys is not None:
        keys.save()
        out.result.skipped_orgs = keys.skipped
    return out.result


PageFn = Callable[..., None]
# the key of one page of a paged year-wide list (generator.site.incremental)
PageKey = Callable[[YearView, bytes, paging.Page[Any], Sequence[paging.Page[Any]]], str]
PageKeyOf = Callable[[paging.Page[Any], Sequence[paging.Page[Any]]], str]


def paginate_year(view: YearView) -> dict[str, list[paging.Page[str]]]:
    """Each chi bộ's members over pages (generator.site.paging); tells `view` which page
    holds each member, for the links to them (the search records need it too). Worked
    out once per view: `build_year_site` asks before the search indexer starts, then
    `render_year` (1 s at 100,000 members)."""
    kept = _PAGINATED.get(view)
    if kept is not None:
        return kept
    member_pages = {
        node.org.id: paging.paginate_members(
            view.member_ids_of(node.org.id), view.year.members, page_path_org(node.org.id)
        )
        for node in view.tree()
        if node.org.type.holds_members
    }
    view.set_member_pages(
        {mid: p.rel for pages in member_pages.values() for p in pages for mid in p.items}
    )
    _PAGINATED[view] = member_pages
    return member_pages


# each view's pagination (a view's tree and members do not change once it is made)
_PAGINATED: weakref.WeakKeyDictionary[YearView, dict[str, list[paging.Page[str]]]] = (
    weakref.WeakKeyDictionary()
)


def _paged(
    page: PageFn,
    template: str,
    items: Sequence[object],
    first: str,
    size: int,
    key: PageKeyOf | None = None,
) -> None:
    pages = paging.paginate(items, first, size)
    for p in pages:
        page(template, p.rel, key(p, pages) if key else "", page=p, pages=pages)


def _render_orgs(
    view: YearView,
    env: jinja2.Environment,
    out: _Writer,
    member_pages: dict[str, list[paging.Page[str]]],
    keys: incremental.PageKeys | None = None,
) -> None:
    """Each organization's page; a chi bộ's members over as many pages as they need
    (with `keys`: only the organizations whose key changed, generator.site.incremental).

    Members' review bodies and the members' table are written beside the docs as
    fragments (generator.site.hooks); the page's front matter carries their digest, so a
    changed review changes the page's Markdown too (an incremental MkDocs build sees it).
    """
    template = env.get_template("org.md.j2")
    macros = env.get_template("_member.j2").module
    member_body = macros.body  # type: ignore[attr-defined]
    member_table = macros.table  # type: ignore[attr-defined]
    docs = out.result.docs_dir
    for node in view.tree():
        org = node.org
        pages = member_pages.get(org.id) or paging.paginate([], page_path_org(org.id), 1)
        key = incremental.org_key(view, keys.frame, org.id, pages) if keys else ""
        kept = keys.fresh(org.id, key) if keys else None
        if kept is not None:  # same inputs as last time: the files are still right
            out.keep.update(f"{docs.parent}/{rel}" for rel in kept)
            out.result.unchanged += sum(not rel.startswith(FRAGMENTS) for rel in kept)
            continue
        files: list[str] = []
        for p in pages:
            to_root = view.to_root(p.rel)
            digest = ""
            if org.type.holds_members:
                bodies = {
                    mid: str(member_body(view, mem, view.member_verdict(mid), org))
                    for mid in p.items
                    if (mem := view.year.members.get(mid)) is not None
                }
                bodies["@dang-vien"] = str(member_table(view, org, p))
                data = json.dumps(bodies, ensure_ascii=False)
                digest = hashlib.sha256(data.encode()).hexdigest()[:16]
                fragments = fragments_file(docs, p.rel)
                out.write_outside(fragments, data)
                files.append(fragments.relative_to(docs.parent).as_posix())
            html = template.render(
                v=view, to_root=to_root, org=org, page=p, pages=pages, fragments=digest
            )
            out.write(p.rel, html)
            files.append(f"{docs.name}/{p.rel}")
        if keys:
            keys.set(org.id, key, files)


def _render_stats(
    view: YearView,
    page: PageFn,
    key: PageKeyOf | None,
    keys: incremental.PageKeys | None,
    out: _Writer,
) -> None:
    """The statistics' pages: none rendered again when the key of them all is unchanged
    (`incremental.stats_pages_key`), else each whose own key changed."""
    first = "thong-ke/index.md"
    pages = paging.paginate(view.stats.orgs if view.stats else [], first, paging.ROWS_PER_PAGE)
    rels = [p.rel for p in pages]
    group = incremental.stats_pages_key(view, keys.frame, pages) if keys is not None else ""
    if keys is not None and keys.group_fresh(first, group, rels):
        out.keep.update(f"{out.result.docs_dir}/{rel}" for rel in rels)
        out.result.unchanged += len(rels)
        return
    for p in pages:
        page("stats.md.j2", p.rel, key(p, pages) if key else "", page=p, pages=pages)
    if keys is not None:
        keys.set_group(first, group, rels)


def _render_problems(view: YearView, page: PageFn) -> None:
    """The year's problems: a summary by organization (the whole list too while it fits
    on one page), and each organization's problems on pages of their own."""
    by_org = view.findings_by_org()
    order = [node.org.id for node in view.tree()] + [""]
    for org_id in order:
        items = by_org.get(org_id)
        if not items:
            continue
        pages = paging.paginate(items, page_path_problems(org_id), paging.FINDINGS_PER_PAGE)
        org = view.year.orgs.get(org_id)
        for p in pages:
            page("problems_org.md.j2", p.rel, org=org, page=p, pages=pages)
    rows = [(org_id, by_org[org_id]) for org_id in order if by_org.get(org_id)]
    _paged(page, "problems.md.j2", rows, "van-de/index.md", paging.ROWS_PER_PAGE)
