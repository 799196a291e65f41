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
import gc
import hashlib
import json
import marshal
import os
import signal
import sys
import threading
import time
import unicodedata
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator import atomic
from generator.forked import Forked
from generator.site import search, search_layout
from generator.site.bundle_files import DIGEST, publish, read_digest, store, write_manifest
from generator.site.pagefind_service import BundleWriter, bundle_files
from generator.site.views import YearView

PRIMARY = "chung"  # the primary bundle's name (its work folder; in the site: pagefind/)
_LAYOUT_VERSION = "3"  # change when what a bundle holds changes without its records
# what turns a bundle's records into Pagefind's files besides Pagefind: search.record_item
# (search.py, invisible.py, text.py with vietnamese.py), the service and this module
_CODE = ("site/search.py", "invisible.py", "site/text.py", "vietnamese.py",
         "site/pagefind_service.py", "site/indexer.py", "site/bundle_files.py")  # fmt: skip


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
    `_code_key`'s code), without making Pagefind's requests of them (~5x slower).

    The fields are encoded by `marshal` version 2: each value by its type, length and
    bytes, with no back-references (those came in version 3), so the same values give the
    same bytes whatever objects hold them; 3.5x faster than JSON (0.06 against 0.22 s for
    100,000 records, two such bundles' worth at 100,000 members, in the feeding process
    a one-file build ends up waiting for). The format may change between Python
    versions: `_code_key` holds the version."""
    h = hashlib.sha256(_code_key())
    fields = [(r.url, r.title, r.text, r.kind, r.where) for r in records]
    h.update(marshal.dumps(fields, 2))
    return h.hexdigest()


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
        separate: bool = True,  # a year of several bundles fed by a forked process
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
        self.counts: list[int] = []  # each name bucket's part count
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
        self.seconds: dict[str, float] = {}  # the bundles the feed indexed again: seconds
        self.single_seconds = 0.0
        self.failed: BaseException | None = None
        self.thread: threading.Thread | None = None
        # each full-text shard's inputs key -> (key, its records' digest, their number)
        self.inputs: dict[str, list[Any]] = {}
        # the feeding process (generator.forked): making every record and key (~2 s at
        # 100,000 members) then does not hold this one's interpreter while it renders the
        # pages; a thread where this process cannot fork
        self.child = Forked.start(self._fed) if self.shards and separate else None
        if self.child is None:
            self.thread = threading.Thread(target=self._feed, daemon=True)
            self.thread.start()

    def _fed(self) -> bytes:
        """The feeding process's work: feed the bundles, then what `finish` needs, as JSON."""
        gc.freeze()  # the year's objects are not traversed (copied) by its collections
        self._feed()
        answer: dict[str, object] = {"error": repr(self.failed)} if self.failed else {
            "bundles": [[b.name, b.rel] for b in self.bundles],
            "parts": self.parts,
            "counts": self.counts,
            "records": self.records,
            "seconds": self.seconds,
        }  # fmt: skip
        return json.dumps(answer).encode()

    def _join(self) -> None:
        """Wait for the feed (thread or child process) and take what it found."""
        if self.thread is not None:
            self.thread.join()
        if self.child is None:
            return
        child, self.child = self.child, None
        data = child.join()
        answer: dict[str, Any] = (
            json.loads(data) if data is not None else {"error": f"ended with status {child.status}"}
        )
        if "error" in answer:
            self.failed = RuntimeError(f"the indexing process: {answer['error']}")
            return
        self.bundles = [Bundle(name, rel) for name, rel in answer["bundles"]]
        self.parts, self.records = answer["parts"], answer["records"]
        self.counts = answer["counts"]
        self.seconds = answer["seconds"]

    def _folder(self, bundle: Bundle) -> Path:
        return self.work / (bundle.rel or bundle.name)

    def _submit(self, bundle: Bundle, records: list[search.Record]) -> None:
        self.records += len(records)
        digest = self.digests[bundle.name] = _digest(records)
        out = self._folder(bundle)
        if self.reuse and read_digest(out) == digest:
            return

        def job() -> float:
            started = time.perf_counter()
            (out / DIGEST).unlink(missing_ok=True)
            store(bundle_files(search.records_items(records), merged=bundle.merged), out)
            (out / DIGEST).write_text(digest, "utf-8")
            return time.perf_counter() - started

        self.jobs[bundle.name] = self.pool.submit(job)

    def _submit_shard(self, bundle: Bundle, orgs: list[str], known: list[Any] | None) -> None:
        """A full-text shard: kept without making its records when its inputs
        (`search.shard_inputs`) are those its bundle on disk was made from, else
        submitted (`_submit`: indexed again only when its records changed)."""
        inputs = search.shard_inputs(self.view, orgs)
        key = ""
        if inputs is not None:
            h = hashlib.sha256(_code_key())
            h.update(marshal.dumps(inputs, 2))  # plain values: see `_digest`
            key = h.hexdigest()
        if key and known and known[0] == key and read_digest(self._folder(bundle)) == known[1]:
            self.digests[bundle.name] = known[1]
            self.records += known[2]
            self.inputs[bundle.name] = known
            return
        records = search.shard_records(self.view, orgs)
        self._submit(bundle, records)
        if key:
            self.inputs[bundle.name] = [key, self.digests[bundle.name], len(records)]

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
            keys = [
                (search_layout.family_name(m.name), search_layout.given_name(m.name))
                for m, _ in named
            ]
            placed, self.counts = search_layout.name_parts(
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
            known = _read_inputs(self.work) if self.reuse else {}
            for shard in self.shards:
                self.bundles.append(Bundle(shard.id, f"{search_layout.SHARDS_DIR}/{shard.id}"))
                self._submit_shard(self.bundles[-1], shard.orgs, known.get(shard.id))
            self.seconds = {name: job.result() for name, job in self.jobs.items()}
            self.jobs = {}
            _write_inputs(self.work, self.inputs)  # every shard indexed: their keys hold
        except BaseException as exc:  # raised again by finish()
            self.failed = exc

    def abandon(self) -> None:
        """Stop indexing (the build failed): running bundles finish, queued ones don't
        (a feeding process is stopped: a bundle it was writing has no digest yet)."""
        if self.child is not None:
            os.kill(self.child.pid, signal.SIGTERM)
        self._join()
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
        if self.reuse and read_digest(out) == digest:
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
            self._join()
            if self.failed is not None:
                raise RuntimeError(f"pagefind: {self.failed}") from self.failed
            if self.shards:
                self._submit(self.bundles[1], list(search.page_records(self.view, site_dir)))
            else:
                self._finish_single(site_dir)
            self.seconds.update((name, job.result()) for name, job in self.jobs.items())
            seconds = sum(self.seconds.values()) + self.single_seconds
        except BaseException:
            if self.single is not None:
                self.single.close()
            raise
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
        index = site_dir / search.INDEX_DIR
        publish(self.work, index, [(b.rel or b.name, b.rel) for b in self.bundles])
        manifest = search_layout.manifest(self.shards, self.buckets, self.parts, self.counts)
        write_manifest(
            index, {search_layout.MANIFEST: manifest, **search_layout.side_files(self.shards)}
        )
        return search.IndexResult(
            records=self.records,
            seconds=time.perf_counter() - started,
            bundles=[b.name for b in self.bundles],
            indexed=sorted(self.seconds) + ([PRIMARY] if self.single_seconds else []),
            seconds_indexing=seconds,
        )


_INPUTS = "shard-inputs.json"  # in the work folder, beside the bundles' folders


def _read_inputs(work: Path) -> dict[str, list[Any]]:
    """The shards' inputs keys the last feed wrote ({} when none can be read)."""
    try:
        data = json.loads((work / _INPUTS).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        name: entry
        for name, entry in data.items()
        if isinstance(entry, list)
        and len(entry) == 3
        and isinstance(entry[0], str)
        and isinstance(entry[1], str)
        and isinstance(entry[2], int)
    }


def _write_inputs(work: Path, inputs: dict[str, list[Any]]) -> None:
    """Replace the shards' inputs keys, once every shard is indexed (a key names the
    records digest its bundle's folder was written with, which `_submit_shard` checks
    against the folder itself: a feed stopped halfway leaves no key that lies)."""
    work.mkdir(parents=True, exist_ok=True)
    atomic.write_text(work / _INPUTS, json.dumps(inputs, sort_keys=True))


def index_year(view: YearView, site_dir: Path, work: Path, **kwargs: object) -> search.IndexResult:
    """Write the year's search bundles into <site_dir>/pagefind/ (work files in `work`)."""
    return Indexer(view, work, **kwargs).finish(site_dir)  # type: ignore[arg-type]
