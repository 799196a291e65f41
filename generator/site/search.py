"""The year's search records: what Pagefind indexes of the year, made from the view.

Pagefind (PyPI `pagefind[bin]`, its service spoken to by generator.site.pagefind_service)
writes chunked indexes: the browser loads a small entry file and then only the chunks and
fragments a query needs. Crawling the built HTML is Pagefind's slow part, so the records
are given directly — one per member (name, chi bộ, review text, result), one per
organization (name, collective review) and one per ordinary page (its article's text) —
with the address each has on the site, and, for a year split into bundles, small names
records (a member's name, position and organization; an organization's name). How they
are split (names, name buckets, pages, full-text shards) is generator.site.search_layout;
generator.site.indexer builds them.

Pagefind folds tone marks ("thanh" finds "Thành") but keeps đ as its own letter: every
record also carries the đ→d form of its words that have one, after a separator the
search box cuts off before showing an excerpt (site_templates/assets/kiemdiem-search.js,
which also ranks hits that match the query's own diacritics first).

Material's own search plugin is off (mkdocs.yml); the header's search box is ours.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.invisible import show_invisible
from generator.site.pagefind_service import LANGUAGE
from generator.site.text import strip_controls
from generator.site.views import YearView
from generator.submissions.records import MemberReview, Organization, ReviewText

INDEX_DIR = "pagefind"
# between a record's text and the đ→d forms of its words; the search box cuts here
FOLDED_MARK = "⁂"
# ordinary pages indexed from their built HTML (the organizations' pages are records)
PAGES = (
    "index.md",
    "to-chuc/index.md",
    "thong-ke/index.md",
    "van-de/index.md",
    "quy-tac/index.md",
    "huong-dan/index.md",
)

_ARTICLE = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Record:
    url: str  # relative to the year's root, as the site links it
    title: str
    text: str
    kind: str  # "dang-vien", "to-chuc", "trang"; names only: "ten-dang-vien", "ten-to-chuc"
    where: str = ""  # shown under the title: the chi bộ of a member, the parent of an org


@dataclass
class IndexResult:
    records: int = 0
    seconds: float = 0.0  # waited for the index after the pages were built
    bundles: list[str] = field(default_factory=list)  # every bundle of the year
    indexed: list[str] = field(default_factory=list)  # those indexed again (not kept)
    seconds_indexing: float = 0.0  # wall time of the bundles' indexing, summed


def d_forms(text: str) -> str:
    """The đ→d form of each word of `text` that has a đ (once each), space-separated."""
    folded = dict.fromkeys(
        w.replace("đ", "d").replace("Đ", "D") for w in _WORD.findall(text) if "đ" in w or "Đ" in w
    )
    return " ".join(folded)


def with_d_folded(text: str) -> str:
    """`text`, then FOLDED_MARK and the đ→d form of each word that has a đ (once each).

    "Đỗ Văn Thành được điểm" -> "Đỗ Văn Thành được điểm ⁂ Dỗ dược diểm": Pagefind then
    folds the tone marks of both, so "do", "duoc" and "diem" match too.
    """
    folded = d_forms(text)
    return f"{text} {FOLDED_MARK} {folded}" if folded else text


def _review_text(review: ReviewText) -> str:
    parts = (
        review.strengths,
        review.shortcomings,
        review.remedied,
        review.explanation,
        review.collective_responsibility,
        review.direction,
    )
    return "\n".join(p for p in parts if p)


def _result(view: YearView, member_id: str) -> str:
    """A member's result as their record states it: the level `rate` counts (none where
    X1 does not rate the member, whatever a decision gave), and the status."""
    verdict = view.member_verdict(member_id)
    result = view.status(verdict)
    if verdict is not None and verdict.rated_level is not None:
        result = f"{verdict.rated_level.label_vi} ({result})"
    return result


def member_record(view: YearView, member: MemberReview, org: Organization) -> Record:
    # what this reads of the member besides their record is in `shard_inputs` too
    text = "\n".join(
        p
        for p in (
            f"{member.name} · {member.id} · {org.name}",
            member.position_title or "",
            _review_text(member.review),
            f"Kết quả: {_result(view, member.id)}",
        )
        if p
    )
    return Record(view.member_href(member.id, ""), member.name, text, "dang-vien", org.name)


def org_record(view: YearView, org: Organization) -> Record:
    parent = view.year.orgs.get(org.parent_id or "")
    text = "\n".join(
        p
        for p in (
            f"{org.name} · {org.type.label_vi} · {org.id}",
            _review_text(org.review),
        )
        if p
    )
    return Record(
        view.org_href(org.id, ""), org.name, text, "to-chuc", parent.name if parent else ""
    )


def page_record(view: YearView, site_dir: Path, rel: str) -> Record | None:
    """An ordinary page's record: the text of its built article."""
    built = site_dir / f"{rel[: -len('.md')]}.html"  # index.md -> index.html either way
    if not built.is_file():
        return None
    match = _ARTICLE.search(built.read_text("utf-8"))
    if match is None:
        return None
    text = _plain(match.group(1))
    heading = _H1.search(match.group(1))
    title = _plain(heading.group(1)) if heading else " ".join(text.split(" ")[:8])
    return Record(view.href(rel, ""), title, text, "trang")


def _plain(fragment: str) -> str:
    return html.unescape(_SPACE.sub(" ", _TAG.sub(" ", fragment))).strip()


def records(view: YearView, site_dir: Path) -> Iterator[Record]:
    yield from page_records(view, site_dir)
    yield from entity_records(view)


def page_records(view: YearView, site_dir: Path) -> Iterator[Record]:
    """The ordinary pages' records (read from the built site)."""
    for rel in PAGES:
        record = page_record(view, site_dir, rel)
        if record is not None:
            yield record


def entity_records(view: YearView) -> Iterator[Record]:
    """The organizations' and members' records (from the view alone)."""
    for node in view.tree():
        org = node.org
        yield org_record(view, org)
        if org.type.holds_members:
            for member in view.members_of(org.id):
                yield member_record(view, member, org)


def _shown(text: str) -> str:
    """Text as the pages show it: control characters gone, invisible ones spelled out
    (generator.invisible), so a result reads like the page it opens."""
    return show_invisible(strip_controls(text))


Item = dict[str, object]  # one request to Pagefind's service, without its index id


def record_item(r: Record) -> Item:
    """The record's request. No Pagefind filter: the search box tells kinds apart by the
    `kd_kind` meta, and Pagefind 1.5.2 (the latest release) writes a filter's values in
    the order of a hash map seeded anew in each process, so the same records gave another
    filter file on each build, and with it another metadata file (which names the filter
    file by a hash of its bytes) and entry file (which names the metadata file); fixed
    upstream after 1.5.2 (Pagefind #1124 sorts them). Without a filter, a bundle is the
    same bytes for the same records (tests/integration/test_reproducible_build.py)."""
    return {
        "type": "AddRecord",
        "url": r.url,
        "content": with_d_folded(_shown(r.text)),
        "language": LANGUAGE,
        "meta": {"title": _shown(r.title), "kd_where": _shown(r.where), "kd_kind": r.kind},
    }


def records_items(records: list[Record]) -> list[Item]:
    return [record_item(r) for r in records]


def shard_records(view: YearView, orgs: list[str]) -> list[Record]:
    """A full-text shard's records: its organizations' and their members'."""
    out = []
    for org_id in orgs:
        org = view.year.orgs[org_id]
        out.append(org_record(view, org))
        if org.type.holds_members:
            out += [member_record(view, m, org) for m in view.members_of(org_id)]
    return out


def shard_inputs(view: YearView, orgs: list[str]) -> list[tuple[object, ...]] | None:
    """What a full-text shard's records (`shard_records`) are made of, without making
    them: each organization's record itself (a few hundred a shard), and each member by
    the file their record was read from — its path and digest, the chi bộ linking put
    them in and the privacy scope the view redacted it for (their record is a function of
    these, of the load context and of the code: `Year.load_key`) — with their link and
    result as the record states them. A province's member records cost ~14 µs each to
    make and hash, these ~3 µs (generator.site.indexer keeps a shard whose inputs are
    unchanged without making its records). None when the year's load gave no key or a
    member's file has no digest: then only the records say."""
    year = view.year
    digests = year.digests if year.load_key else {}
    if not digests:
        return None
    scopes = view.member_scopes
    rows: list[tuple[object, ...]] = [(year.load_key,)]
    for org_id in orgs:
        org = year.orgs[org_id]
        r = org_record(view, org)
        rows.append((r.url, r.title, r.text, r.kind, r.where))
        if not org.type.holds_members:
            continue
        for m in view.members_of(org_id):
            source = m.source
            digest = digests.get(source.path) if source is not None else None
            if digest is None:
                return None
            scope = scopes.get(m.id)
            rows.append(
                (
                    m.id,
                    source.path,  # type: ignore[union-attr]
                    digest,
                    m.org_id,
                    int(scope) if scope is not None else None,
                    view.member_href(m.id, ""),
                    _result(view, m.id),
                )
            )
    return rows


def org_name_records(view: YearView, root_alone: str) -> list[Record]:
    """The names bundle's records: each organization's name, type and superior (its full
    record is in its shard), and the root's full record when no shard holds it."""
    out: list[Record] = []
    for node in view.tree():
        org = node.org
        if org.id == root_alone:
            out.append(org_record(view, org))
            continue
        parent = view.year.orgs.get(org.parent_id or "")
        where = parent.name if parent else ""
        text = " · ".join(p for p in (org.name, org.type.label_vi, where) if p)
        out.append(Record(view.org_href(org.id, ""), org.name, text, "ten-to-chuc", where))
    return out


def name_records(view: YearView) -> list[tuple[MemberReview, Record]]:
    """Each member's names record (name, position and organization: the name buckets'),
    in the tree's order."""
    out = []
    for node in view.tree():
        org = node.org
        if not org.type.holds_members:
            continue
        for m in view.members_of(org.id):
            text = " · ".join(p for p in (m.name, m.position_title or "", org.name) if p)
            record = Record(view.member_href(m.id, ""), m.name, text, "ten-dang-vien", org.name)
            out.append((m, record))
    return out


def read_records(site_dir: Path) -> list[dict[str, object]]:
    """Every record of a built site's search bundles as the browser receives it (tests,
    benchmarks)."""
    return read_bundle(site_dir / INDEX_DIR)


def read_bundle(folder: Path) -> list[dict[str, object]]:
    """The records of the bundles in `folder` (and below): Pagefind's fragments are
    gzip'd JSON after a signature."""
    out = []
    for path in sorted(folder.rglob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data[data.index(b"{") :]))
    return out
