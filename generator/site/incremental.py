"""Incremental rendering by organization: an organization's pages are rendered again only
when something they show changed.

At province size most of a site's pages are organizations' pages (a chi bộ's members over
numbered pages, generator.site.paging), and rendering them all is most of a rebuild. So
each organization's pages get a key: a hash of everything they show —

- what every page depends on (`static`: templates, mkdocs.yml, schemas, the generator's
  code and tool versions, from generator.site.audience_sites.static_digest) and the frame
  of the year (its number, year file, list of years, link style, audience);
- the organization's record and verdict, its breadcrumbs, who decides on it, how many
  members it and each child have, each child's name, type and verdict, its findings;
- each of its members' record, verdict, privacy scope and proposal note, and which page
  holds them; the names and page links of its committee's leaders.

Records are hashed with pickle, which is exact about content (a record's source document
pickles as its path): an object pickled differently between two runs only makes a key
differ — a page rendered that need not be — never the reverse.

The pages of the year as a whole that grow with it — the tree and the statistics, 400
organizations a page — get a key per page the same way (`tree_page_key`,
`stats_page_key`: exactly what the page's template reads), so one changed organization
renders one of their pages again, not all. The few other pages of the year (home,
problems, rules, guide) are always rendered: they are small, or show the whole year.

The keys and the files each organization's (and page's) render made are kept in
`<docs_dir>/../render-keys.json`; the renderer writes a file only when its bytes changed,
so MkDocs' dirty build rebuilds exactly the changed pages.
"""

from __future__ import annotations

import hashlib
import json
import operator
import os
import pickle
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.site import paging
from generator.site.hooks import FRAGMENTS
from generator.site.keypickle import _key
from generator.site.views import YearView
from generator.statistics import Counts
from generator.submissions.records import MemberReview, Organization, OrgType, Proposals
from generator.submissions.year import Year

KEYS = "render-keys.json"


def tree_files(base: Path) -> Iterator[Path]:
    """`base` if it is a file, else every file below it in a stable order (compiled
    Python apart): what the site's digests read of templates, schemas and code."""
    if base.is_file():
        yield base
    elif base.is_dir():
        yield from sorted(
            p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )


def _frame(view: YearView, static: str) -> bytes:
    audience = view.audience.root if view.audience else ""
    # the loading context (what every record read from a file depends on besides it)
    context = view.year.load_key
    frame = (static, view.number, view.directory_urls, list(view.years), audience, context)
    return pickle.dumps((frame, view.year.config), protocol=5)


def _digests(year: Year) -> dict[str, str]:
    """The digests of the files the year's records were read from ({} without the load
    context's key: then no record is known by its file)."""
    return year.digests if year.load_key else {}


# what linking sets on a record after it is read from its file (generator.check.crossfile)
LINKED: dict[type, tuple[str, ...]] = {
    MemberReview: ("org_id",),
    Organization: ("folder", "parent_id", "children", "member_ids"),
    Proposals: (),
}
_LINKED_OF = {kind: operator.attrgetter(*names) for kind, names in LINKED.items() if names}


def as_loaded(digests: dict[str, str], record: object) -> object:
    """A member's, organization's or proposals' record, for a key: its file's path and
    digest (`digests`: `_digests(year)`) and what linking set on it — the record is a
    function of these and of the loading context (in the frame), a redacted one also of
    the reader (in the key) and the schema (in `static`); pickling it instead costs ~20 µs
    a member. The record itself when its file's digest is not known."""
    source = getattr(record, "source", None)
    kind = type(record)
    if source is None or kind not in LINKED:
        return record
    digest = digests.get(source.path)
    if digest is None:
        return record
    linked = _LINKED_OF.get(kind)
    return ("file", source.path, digest, linked(record) if linked is not None else None)


def org_key(view: YearView, frame: bytes, org_id: str, pages: list[paging.Page[str]]) -> str:
    """The key of organization `org_id`'s pages (`frame`: from `PageKeys`)."""
    year = view.year
    org = year.orgs[org_id]
    lead = org.leadership
    leaders = [lead.head, *lead.deputies] if lead.head else list(lead.deputies)
    records, scopes, digests = year.members, view.member_scopes, _digests(year)
    verdicts = view.verdicts.members if view.verdicts else {}
    proposals = year.proposals.get(org_id)
    notes: dict[str, str] = {}  # YearView.proposal_note: the first line naming the member
    for line in proposals.items if proposals is not None else ():
        notes.setdefault(line.member_id, line.note)
    members = []
    for p in pages:
        for mid in p.items:  # every member of the year: `as_loaded` inlined for a member
            record = records.get(mid)
            source = record.source if type(record) is MemberReview else None
            digest = digests.get(source.path) if source is not None else None
            loaded = record if digest is None else ("file", source.path, digest, record.org_id)  # type: ignore[union-attr]
            members.append((mid, loaded, verdicts.get(mid), scopes.get(mid), notes.get(mid, "")))
    children = [
        (
            child.id,
            child.name,
            _code(child.type),
            view.count_below(child.id),
            view.org_verdict(child.id),
        )
        for child in view.children(org_id)
    ]
    parts = (
        as_loaded(digests, org),
        view.org_verdict(org_id),
        [(a.id, a.name) for a in view.breadcrumbs(org_id)],
        view.decider(org_id).text_vi(),
        view.count_below(org_id),
        children,
        view.findings_for_org(org_id),
        [(p.rel, list(p.items)) for p in pages],
        members,
        [(m, view.member_href(m, ""), getattr(year.members.get(m), "name", "")) for m in leaders],
        as_loaded(digests, proposals),
        year.broken_members.get(org_id),
    )
    return _key(frame, parts)


def _code(kind: OrgType) -> str:
    """A type's code, for a key: interned, so that every row's code is one object whichever
    way the records were read. An OrgType is one object per schema and run, and its code
    with it: organizations read from their files in one run share it, those read back from
    .kiemdiem-cache/ share it by chunk, and one read again after an edit has its own; with
    pickle's memo writing a repeated object as a reference, a comment added to a chi bộ's
    file rendered the tree's page and its parent's pages again."""
    return sys.intern(kind.value)


def _pager(page: paging.Page[Any], pages: Sequence[paging.Page[Any]]) -> object:
    """What the pager macro (site_templates/pages/_macros.j2) and a page's title read."""
    return (page.rel, page.number, page.count, [(p.rel, p.number) for p in pages])


def tree_page_key(
    view: YearView, frame: bytes, page: paging.Page[Any], pages: Sequence[paging.Page[Any]]
) -> str:
    """The key of one page of the organization tree (tree.md.j2): per row the
    organization's id, depth, name, type, member count, deciding body and level; the
    period's structure table on the first page."""
    rows = []
    for node in page.items:
        org = node.org
        verdict = view.org_verdict(org.id)
        body = view.decider(org.id).body
        rows.append(
            (
                org.id,
                node.depth,
                org.name,
                _code(org.type),
                view.count_below(org.id),
                (body.name, _code(body.type)) if body is not None else None,
                (verdict.rated_level, verdict.provisional) if verdict is not None else None,
            )
        )
    structure = view.structure() if page.first else None
    return _key(frame, ("tree", _pager(page, pages), structure, rows))


def _hidden_cells(view: YearView, counts: Counts) -> list[tuple[str, bool]]:
    if view.disclosure is None:
        return []
    return sorted((repr(c), small) for c, small in view.disclosure.row(counts, view.stats).items())


def stats_page_key(
    view: YearView, frame: bytes, page: paging.Page[Any], pages: Sequence[paging.Page[Any]]
) -> str:
    """The key of one page of the statistics (stats.md.j2): the rows of its table by
    organization, whether each links to its page, how small counts are hidden; the first
    page shows the whole year's statistics (totals, categories, charts, comparison)."""
    kind = view.audience.kind.slug if view.audience else ""
    # a Disclosure hides by its threshold and the whole year's numbers (a row's hidden
    # cells depend on its parents, siblings and category: generator/privacy/disclosure.py),
    # so the key holds each row's hidden cells as planned
    hiding = view.disclosure.threshold if view.disclosure is not None else None
    rows = [(o, o.org_id in view.year.orgs, _hidden_cells(view, o.members)) for o in page.items]
    whole = view.stats if page.first else None
    return _key(frame, ("stats", _pager(page, pages), kind, hiding, rows, whole))


def stats_pages_key(view: YearView, frame: bytes, pages: Sequence[paging.Page[Any]]) -> str:
    """One key for every page of the statistics at once (`PageKeys.group_fresh`): what
    each page's key holds (`stats_page_key`), with the whole year's statistics — the year
    before included — and the threshold, which decide every row's hidden cells
    (generator.privacy.disclosure.page_plan), in place of those cells. Unchanged, no page
    needs its own key: working out the hidden cells of a province's ~5,800 rows for them
    was ~0.4 s of a one-file rebuild."""
    kind = view.audience.kind.slug if view.audience else ""
    hiding = view.disclosure.threshold if view.disclosure is not None else None
    links = [[o.org_id in view.year.orgs for o in p.items] for p in pages]
    pagers = [_pager(p, pages) for p in pages]
    return _key(frame, ("stats-pages", pagers, kind, hiding, links, view.stats))


class PageKeys:
    """The keys of the organizations' pages last rendered into one docs folder."""

    def __init__(self, docs_dir: Path, view: YearView, static: str) -> None:
        self.docs_dir = docs_dir
        self.path = docs_dir.parent / KEYS
        self.frame = _frame(view, static)
        try:
            self.old: dict[str, list[object]] = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            self.old = {}
        self.new: dict[str, list[object]] = {}
        self.skipped = 0
        self._listing: Listing | None = None

    def fresh(self, org_id: str, key: str) -> list[str] | None:
        """The files of `org_id`'s pages (relative to the docs folder's parent: docs/...,
        fragments/...) when they were rendered from the same key and are all still there;
        else None (render them)."""
        rels = self._fresh(org_id, key)
        self.skipped += rels is not None
        return rels

    def _fresh(self, ident: str, key: str) -> list[str] | None:
        entry = self.old.get(ident)
        if not entry or entry[0] != key:
            return None
        rels = [str(r) for r in entry[1]]  # type: ignore[attr-defined]
        present = self._present()
        if not all(r in present for r in rels):
            return None
        self.new[ident] = entry
        return rels

    def _present(self) -> set[str]:
        """The files below the docs folder's parent that the last render made (relative
        paths), listed by one walk of their folders (`listing`; the renderer deletes the
        stale ones from it too): a province keeps ~12,000 files, and a stat for each was
        a quarter of a one-file rebuild's rendering."""
        return self.listing().files

    def listing(self) -> Listing:
        """The docs and fragments folders and any other folder the last render's entries
        name, walked once (before this render writes anything)."""
        if self._listing is None:
            named = (r for entry in self.old.values() for r in entry[1])  # type: ignore[attr-defined]
            tops = {str(r).split("/", 1)[0] for r in named}
            tops |= {self.docs_dir.name, FRAGMENTS}
            self._listing = listing(self.docs_dir.parent, tops)
        return self._listing

    def page_fresh(self, rel: str, key: str) -> bool:
        """Whether the year-wide page `rel` (docs_dir-relative) was rendered from `key`
        and is still there (kept under "@<rel>": no organization id holds "@")."""
        return self._fresh(f"@{rel}", key) is not None

    def group_fresh(self, first: str, key: str, rels: list[str]) -> bool:
        """Whether the pages `rels` of the paged list whose first page is `first` were
        all rendered under the group's `key` last time and are all still there; then
        each keeps its own key (kept under "@*<first>": no page's path starts with "*")."""
        if self._fresh(f"@*{first}", key) is None:
            return False
        for rel in rels:
            entry = self.old.get(f"@{rel}")
            if entry is not None:  # else a render without the group key renders it
                self.new[f"@{rel}"] = entry
        return True

    def set_group(self, first: str, key: str, rels: list[str]) -> None:
        self.new[f"@*{first}"] = [key, [f"{self.docs_dir.name}/{rel}" for rel in rels]]

    def set_page(self, rel: str, key: str) -> None:
        self.new[f"@{rel}"] = [key, [f"{self.docs_dir.name}/{rel}"]]

    def set(self, org_id: str, key: str, rels: list[str]) -> None:
        self.new[org_id] = [key, rels]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.new, sort_keys=True), "utf-8")


@dataclass
class Listing:
    """What one walk found below some folders: files and empty folders, as paths relative
    to the folders' parent."""

    files: set[str] = field(default_factory=set)
    empty: list[str] = field(default_factory=list)


def listing(parent: Path, tops: Iterable[str]) -> Listing:
    """The files (as `Path.is_file` tells) and the empty folders below `parent/<top>` for
    each of `tops`, by os.scandir: no stat per file (each stat releases the GIL, and with
    the search indexer's thread running, taking it back waits). Symlinked folders are not
    entered: a file there is taken as missing (its pages are rendered again)."""
    found = Listing()
    stack = [(str(parent / top), top) for top in sorted(set(tops))]
    while stack:
        here, at = stack.pop()
        try:
            with os.scandir(here) as it:
                entries = list(it)
        except OSError:
            continue
        if not entries and at.count("/"):
            found.empty.append(at)
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, f"{at}/{entry.name}"))
            elif entry.is_file():
                found.files.add(f"{at}/{entry.name}")
    return found


# ---------------------------------------------------------------------- MkDocs' dirty build

STAMP = ".kiemdiem-built"  # in a site folder: the stamp of the build that made it


def stamp(static: str, *options: object) -> str:
    """What a site folder's HTML was built with besides its pages' Markdown."""
    return hashlib.sha256(json.dumps([static, *map(str, options)]).encode()).hexdigest()


def dirty_ok(site_dir: Path, expected: str) -> bool:
    """Whether MkDocs may rebuild only the pages whose Markdown is newer than their HTML:
    the folder holds a finished build made with the same templates, theme and options."""
    path = site_dir / STAMP
    return (site_dir / "index.html").is_file() and path.is_file() and path.read_text() == expected


def forget(site_dir: Path) -> None:
    """Before a build: a build that fails half-way must not be taken for a finished one."""
    (site_dir / STAMP).unlink(missing_ok=True)


def remember(site_dir: Path, value: str) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / STAMP).write_text(value)


def remove_built(site_dir: Path, removed: list[str], directory_urls: bool) -> None:
    """Delete the built pages of Markdown files the last render removed (a dirty build
    keeps every other file of the folder)."""
    for rel in removed:
        if not rel.endswith(".md"):
            (site_dir / rel).unlink(missing_ok=True)
            continue
        stem = rel[: -len(".md")]
        if stem == "index" or stem.endswith("/index") or not directory_urls:
            (site_dir / f"{stem}.html").unlink(missing_ok=True)
        else:
            (site_dir / stem / "index.html").unlink(missing_ok=True)
