"""Build a year's search bundles (generator.site.search_layout) while the pages are built.

The names bundle and the full-text shards come from the view alone, so Pagefind (several
service processes, one per core: generator.site.pagefind_service) indexes them while this
process renders the pages and runs MkDocs; `finish` adds the pages bundle, read from the
built HTML, then puts every bundle into the site.

Bundles are written under the work folder (`<work>/<year>/pagefind/`, beside docs/: MkDocs
empties the site folder on a full build) with a digest of their records. With `reuse`
(an incremental build), a bundle whose digest is unchanged is not indexed again, and one
whose site copy has the same digest is not put in again: one changed member file indexes
its shard again (and the names bundle when a name, position or page changed). The site's
copy is hard links to the work folder's files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator.site import search, search_layout
from generator.site.pagefind_service import BundleWriter, write_bundle
from generator.site.views import YearView

DIGEST = ".kiemdiem-digest"
PRIMARY = "chung"  # the primary bundle's name (its work folder; in the site: pagefind/)
_LAYOUT_VERSION = "2"  # change when what a bundle holds changes without its records


@dataclass(frozen=True)
class Bundle:
    name: str  # PRIMARY, "trang", "ten-<n>" (a name bucket) or a shard's id
    rel: str  # its folder under <site>/pagefind/ ("" for the primary one)

    @property
    def merged(self) -> bool:
        return self.rel != ""


def _digest(items: list[search.Item]) -> str:
    h = hashlib.sha256(_LAYOUT_VERSION.encode())
    h.update(metadata.version("pagefind").encode())
    h.update(json.dumps(items, sort_keys=True, ensure_ascii=False).encode())
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
        shard_members = shard_members or search_layout.SHARD_MEMBERS
        self.shards, self.root_alone = search_layout.plan(view, shard_members)
        # a year of one shard (at most `shard_members` members, e.g. a chi bộ's site) is
        # one bundle of full records, as small as a shard: one Pagefind process
        self.single: BundleWriter | None = None
        self.single_items: list[search.Item] = []
        self.buckets = 0
        if len(self.shards) <= 1:
            self.shards = []
            self.bundles = [Bundle(PRIMARY, "")]
        else:
            members = sum(s.members for s in self.shards)
            self.buckets = search_layout.buckets_for(members, shard_members)
            names = search_layout.NAMES_DIR
            self.bundles = [Bundle(PRIMARY, ""), Bundle("trang", search_layout.PAGES_DIR)]
            self.bundles += [Bundle(f"{names}-{b}", f"{names}/{b}") for b in range(self.buckets)]
            self.bundles += [
                Bundle(s.id, f"{search_layout.SHARDS_DIR}/{s.id}") for s in self.shards
            ]
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

    def _submit(self, bundle: Bundle, items: list[search.Item]) -> None:
        self.records += len(items)
        digest = self.digests[bundle.name] = _digest(items)
        out = self._folder(bundle)
        if self.reuse and _read_digest(out) == digest:
            return

        def job() -> float:
            started = time.perf_counter()
            (out / DIGEST).unlink(missing_ok=True)
            write_bundle(items, out, merged=bundle.merged)
            (out / DIGEST).write_text(digest, "utf-8")
            return time.perf_counter() - started

        self.jobs[bundle.name] = self.pool.submit(job)

    def _feed(self) -> None:
        try:
            if not self.shards:  # one bundle: records streamed to Pagefind as they come
                self.single_items = [
                    search.record_item(r) for r in search.entity_records(self.view)
                ]
                self.single = BundleWriter()
                self.single.add(self.single_items)
                return
            self._submit(self.bundles[0], search.org_name_items(self.view, self.root_alone))
            buckets = search.name_buckets(self.view, self.buckets)
            for bundle, items in zip(self.bundles[2 : 2 + self.buckets], buckets, strict=True):
                self._submit(bundle, items)
            shards = self.bundles[2 + self.buckets :]
            for bundle, shard in zip(shards, self.shards, strict=True):
                self._submit(bundle, search.shard_items(self.view, shard.orgs))
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
        pages = search.page_items(self.view, site_dir)
        self.records += len(self.single_items) + len(pages)
        digest = self.digests[PRIMARY] = _digest(self.single_items + pages)
        out = self.work / PRIMARY
        if self.reuse and _read_digest(out) == digest:
            self.single.close()
            return
        started = time.perf_counter()
        (out / DIGEST).unlink(missing_ok=True)
        self.single.add(pages)
        self.single.write(out, merged=False)
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
                self._submit(self.bundles[1], search.page_items(self.view, site_dir))
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
        manifest = search_layout.manifest(self.shards, self.buckets)
        (index / search_layout.MANIFEST).write_text(manifest, "utf-8")
        files = [p for p in index.rglob("*") if p.is_file()]
        return search.IndexResult(
            records=self.records,
            seconds=time.perf_counter() - started,
            files=len(files),
            bytes=sum(p.stat().st_size for p in files),
            bundles=[b.name for b in self.bundles],
            indexed=sorted(self.jobs) + ([PRIMARY] if self.single_seconds else []),
            seconds_indexing=seconds,
        )


def _link_tree(src: Path, dest: Path) -> None:
    for path in src.rglob("*"):
        target = dest / path.relative_to(src)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:  # another file system
            shutil.copy2(path, target)


def publish(work: Path, index: Path, bundles: list[Bundle]) -> None:
    """Put each bundle from `work` into `index` (<site>/pagefind/) unless the site's copy
    has the same digest; remove shards the year no longer has."""
    index.mkdir(parents=True, exist_ok=True)
    nested = {
        search_layout.PAGES_DIR,
        search_layout.SHARDS_DIR,
        search_layout.NAMES_DIR,
        search_layout.MANIFEST,
    }
    for bundle in bundles:
        src = work / (bundle.rel or bundle.name)
        dest = index / bundle.rel
        if _read_digest(dest) == _read_digest(src) and (dest / DIGEST).is_file():
            continue
        if bundle.rel:
            shutil.rmtree(dest, ignore_errors=True)
        else:
            for path in list(dest.iterdir()):
                if path.name not in nested:
                    shutil.rmtree(path) if path.is_dir() else path.unlink()
        _link_tree(src, dest)
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
