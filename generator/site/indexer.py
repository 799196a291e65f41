"""Build a year's search bundles (generator.site.search_layout) while the pages are built.

The names bundle and the full-text shards come from the view alone, so Pagefind (several
service processes, one per core: generator.site.pagefind_service) indexes them while this
process renders the pages and runs MkDocs; `finish` adds the pages bundle, read from the
built HTML, then puts every bundle into the site.

Bundles are written under the work folder (`<work>/<year>/pagefind/`, beside docs/: MkDocs
empties the site folder on a full build) with a digest of their records (`_digest`: the
records and the code that turns them into Pagefind's files; computing Pagefind's requests
for every record only to compare them cost ~5 s at 100,000 members). With `reuse` (an
incremental build), a bundle whose digest is unchanged is not indexed again, and one whose
site copy has the same digest is not put in again: one changed member file indexes its
shard again, and their name bucket's part when their name, position or page changed (the
old and the new one for a new given name). The site's copy is hard links to the work
folder's files; a bundle indexed again keeps its unchanged files (`store`), so only the
few files a record touches are linked again (`publish`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import threading
import time
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator.site import search, search_layout
from generator.site.pagefind_service import BundleWriter, bundle_files
from generator.site.views import YearView

DIGEST = ".kiemdiem-digest"
PRIMARY = "chung"  # the primary bundle's name (its work folder; in the site: pagefind/)
_LAYOUT_VERSION = "3"  # change when what a bundle holds changes without its records
# what turns a bundle's records into Pagefind's files besides Pagefind: search.record_item
# (search.py, invisible.py, text.py with vietnamese.py), the service and this module
_CODE = ("site/search.py", "invisible.py", "site/text.py", "vietnamese.py",
         "site/pagefind_service.py", "site/indexer.py")  # fmt: skip


@dataclass(frozen=True)
class Bundle:
    name: str  # PRIMARY, "trang", "ten-<n>-<part>" (a name bucket's part) or a shard's id
    rel: str  # its folder under <site>/pagefind/ ("" for the primary one)

    @property
    def merged(self) -> bool:
        return self.rel != ""


@functools.cache
def _code_key() -> bytes:
    """The records -> files code's and tools' versions (the same key for the same code)."""
    h = hashlib.sha256(_LAYOUT_VERSION.encode())
    package = Path(__file__).resolve().parents[1]
    for rel in _CODE:
        h.update(rel.encode() + b"\0" + (package / rel).read_bytes())
    for dist in ("pagefind", "pagefind-bin"):
        try:
            h.update(f"{dist}={metadata.version(dist)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=?\0".encode())
    h.update(f"{sys.version}\0{unicodedata.unidata_version}".encode())
    return h.digest()


def _digest(records: list[search.Record]) -> str:
    """A bundle's key: its records (what Pagefind is given is a function of them and of
    `_code_key`'s code), without making Pagefind's requests of them (~5x slower)."""
    h = hashlib.sha256(_code_key())
    fields = [(r.url, r.title, r.text, r.kind, r.where) for r in records]
    h.update(json.dumps(fields, ensure_ascii=False).encode())
    return h.hexdigest()


def _read_digest(folder: Path) -> str:
    try:
        return (folder / DIGEST).read_text("utf-8")
    except OSError:
        return ""


class Indexer:
    """A year's search bundles, fed while the rest of the site is built. Start it once the
    members' pages are known (`YearView.set_member_pages`): the records link them."""

    def __init__(
        self,
        view: YearView,
        work: Path,
        *,
        reuse: bool = False,
        shard_members: int | None = None,  # default search_layout.SHARD_MEMBERS
        processes: int | None = None,
    ) -> None:
        self.view = view
        self.work = work
        self.reuse = reuse
        self.limit = shard_members or search_layout.SHARD_MEMBERS
        # a small year (e.g. a chi bộ's site) is one bundle of full records: one process
        single = shard_members or search_layout.SINGLE_MEMBERS
        self.shards, self.root_alone = search_layout.plan(view, self.limit)
        self.single: BundleWriter | None = None
        self.single_records: list[search.Record] = []
        self.buckets = 0
        self.parts: list[list[int]] = []
        if len(self.shards) <= 1 or sum(s.members for s in self.shards) <= single:
            self.shards = []
            self.bundles = [Bundle(PRIMARY, "")]
        else:
            members = sum(s.members for s in self.shards)
            self.buckets = search_layout.buckets_for(members, self.limit)
            self.bundles = [Bundle(PRIMARY, ""), Bundle("trang", search_layout.PAGES_DIR)]
        self.pool = ThreadPoolExecutor(max_workers=processes or os.cpu_count() or 1)
        self.jobs: dict[str, Future[float]] = {}
        self.records = 0
        self.digests: dict[str, str] = {}
        self.single_seconds = 0.0
        self.failed: BaseException | None = None
        self.thread = threading.Thread(target=self._feed, daemon=True)
        self.thread.start()

    def _folder(self, bundle: Bundle) -> Path:
        return self.work / (bundle.rel or bundle.name)

    def _submit(self, bundle: Bundle, records: list[search.Record]) -> None:
        self.records += len(records)
        digest = self.digests[bundle.name] = _digest(records)
        out = self._folder(bundle)
        if self.reuse and _read_digest(out) == digest:
            return

        def job() -> float:
            started = time.perf_counter()
            (out / DIGEST).unlink(missing_ok=True)
            store(bundle_files(search.records_items(records), merged=bundle.merged), out)
            (out / DIGEST).write_text(digest, "utf-8")
            return time.perf_counter() - started

        self.jobs[bundle.name] = self.pool.submit(job)

    def _feed(self) -> None:
        """Every bundle's records and key (cheap); Pagefind for those whose key changed."""
        try:
            if not self.shards:  # one bundle: records streamed to Pagefind as they come
                self.single_records = list(search.entity_records(self.view))
                self.single = BundleWriter()
                self.single.add(search.records_items(self.single_records))
                return
            self._submit(self.bundles[0], search.org_name_records(self.view, self.root_alone))
            named = search.name_records(self.view)
            keys = [(m.id, search_layout.given_name(m.name)) for m, _ in named]
            placed = search_layout.name_parts(
                keys, self.buckets, search_layout.part_names(self.limit)
            )
            self.parts = search_layout.parts_of(placed, self.buckets)
            parts: dict[tuple[int, int], list[search.Record]] = {}
            for (_, record), where in zip(named, placed, strict=True):
                parts.setdefault(where, []).append(record)
            for (b, part), records in sorted(parts.items()):
                rel = search_layout.part_dir(b, part)
                self.bundles.append(Bundle(rel.replace("/", "-"), rel))
                self._submit(self.bundles[-1], records)
            for shard in self.shards:
                self.bundles.append(Bundle(shard.id, f"{search_layout.SHARDS_DIR}/{shard.id}"))
                self._submit(self.bundles[-1], search.shard_records(self.view, shard.orgs))
        except BaseException as exc:  # raised again by finish()
            self.failed = exc

    def abandon(self) -> None:
        """Stop indexing (the build failed): running bundles finish, queued ones don't."""
        self.thread.join()
        if self.single is not None:
            self.single.close()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _finish_single(self, site_dir: Path) -> None:
        """The one bundle: the pages' records added, written unless unchanged."""
        assert self.single is not None
        pages = list(search.page_records(self.view, site_dir))
        self.records += len(self.single_records) + len(pages)
        digest = self.digests[PRIMARY] = _digest(self.single_records + pages)
        out = self.work / PRIMARY
        if self.reuse and _read_digest(out) == digest:
            self.single.close()
            return
        started = time.perf_counter()
        (out / DIGEST).unlink(missing_ok=True)
        self.single.add(search.records_items(pages))
        store(self.single.files(merged=False), out)
        (out / DIGEST).write_text(digest, "utf-8")
        self.single_seconds = time.perf_counter() - started

    def finish(self, site_dir: Path) -> search.IndexResult:
        """Add the pages bundle from the built `site_dir`, wait for every bundle and put
        them into <site_dir>/pagefind/ with the shards' manifest."""
        started = time.perf_counter()
        try:
            self.thread.join()
            if self.failed is not None:
                raise RuntimeError(f"pagefind: {self.failed}") from self.failed
            if self.shards:
                self._submit(self.bundles[1], list(search.page_records(self.view, site_dir)))
            else:
                self._finish_single(site_dir)
            seconds = sum(job.result() for job in self.jobs.values()) + self.single_seconds
        except BaseException:
            if self.single is not None:
                self.single.close()
            raise
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
        index = site_dir / search.INDEX_DIR
        publish(self.work, index, self.bundles)
        manifest = search_layout.manifest(self.shards, self.buckets, self.parts)
        (index / search_layout.MANIFEST).write_text(manifest, "utf-8")
        return search.IndexResult(
            records=self.records,
            seconds=time.perf_counter() - started,
            bundles=[b.name for b in self.bundles],
            indexed=sorted(self.jobs) + ([PRIMARY] if self.single_seconds else []),
            seconds_indexing=seconds,
        )


def _files(root: Path, skip: frozenset[str] = frozenset()) -> dict[str, os.DirEntry[str]]:
    """Every file under `root` by its path relative to it (top-level names in `skip` and
    what is under them left out)."""
    out: dict[str, os.DirEntry[str]] = {}
    stack = [("", root)]
    while stack:
        prefix, folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            continue
        for entry in entries:
            if prefix or entry.name not in skip:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((f"{prefix}{entry.name}/", Path(entry.path)))
                else:
                    out[prefix + entry.name] = entry
    return out


def store(files: dict[str, bytes], out: Path) -> None:
    """Write a bundle's `files` into `out`, removing the others there: a file already
    there with the same bytes is kept, so it stays the inode the site links and only the
    few files a changed record touches are linked again (deleting and linking a whole
    bundle of old files costs seconds on a busy disk); a changed one is replaced by a new
    file, never written in place (the site links the old one until it is published)."""
    old = _files(out)
    for folder in {(out / rel).parent for rel in files}:
        folder.mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        target = out / rel
        kept = old.get(rel)
        if kept is None:
            target.write_bytes(data)
        elif kept.stat().st_size != len(data) or target.read_bytes() != data:
            part = target.with_name(f"{target.name}.tmp")
            part.write_bytes(data)
            os.replace(part, target)
    for rel, entry in old.items():
        if rel not in files:
            os.unlink(entry.path)


def _link_changed(src: Path, dest: Path, skip: frozenset[str] = frozenset()) -> None:
    """Make `dest` hold a hard link to each file of `src` (those already linked kept) and
    no other file (but the top-level names in `skip`)."""
    wanted, there = _files(src), _files(dest, skip)
    for rel, entry in wanted.items():
        have = there.get(rel)
        if have is not None:
            mine, theirs = have.stat(), entry.stat()
            if (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino):
                continue
            os.unlink(have.path)
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(entry.path, target)
        except OSError:  # another file system
            shutil.copy2(entry.path, target)
    for rel, entry in there.items():
        if rel not in wanted:
            os.unlink(entry.path)


def publish(work: Path, index: Path, bundles: list[Bundle]) -> None:
    """Link each bundle from `work` into `index` (<site>/pagefind/) unless the site's copy
    has the same digest; remove shards and name parts the year no longer has."""
    index.mkdir(parents=True, exist_ok=True)
    nested = frozenset(
        {
            search_layout.PAGES_DIR,
            search_layout.SHARDS_DIR,
            search_layout.NAMES_DIR,
            search_layout.MANIFEST,
        }
    )
    for bundle in bundles:
        src = work / (bundle.rel or bundle.name)
        dest = index / bundle.rel
        if _read_digest(dest) == _read_digest(src) and (dest / DIGEST).is_file():
            continue
        _link_changed(src, dest, frozenset() if bundle.rel else nested)
    kept = {b.rel for b in bundles}
    if search_layout.PAGES_DIR not in kept:  # one bundle now: the pages are in it
        shutil.rmtree(index / search_layout.PAGES_DIR, ignore_errors=True)
    for folder in (search_layout.SHARDS_DIR, search_layout.NAMES_DIR):
        for root in (index / folder, work / folder):
            if root.is_dir():
                for path in root.iterdir():
                    if f"{folder}/{path.name}" not in kept:
                        shutil.rmtree(path, ignore_errors=True)


def index_year(view: YearView, site_dir: Path, work: Path, **kwargs: object) -> search.IndexResult:
    """Write the year's search bundles into <site_dir>/pagefind/ (work files in `work`)."""
    return Indexer(view, work, **kwargs).finish(site_dir)  # type: ignore[arg-type]
