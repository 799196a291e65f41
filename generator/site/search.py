"""The year's search index: Pagefind, fed records straight from the view.

Pagefind (PyPI `pagefind[bin]`, its binary run through its Python API) writes a chunked
index into <site>/pagefind/: the browser loads a small entry file and then only the
chunks and fragments a query needs, so what one search downloads does not grow with the
year. Crawling the built HTML is Pagefind's slow part, so the records are given directly
— one per member (name, chi bộ, review text, result), one per organization (name,
collective review) and one per ordinary page (its article's text) — with the address
each has on the site.

Pagefind folds tone marks ("thanh" finds "Thành") but keeps đ as its own letter: every
record also carries the đ→d form of its words that have one, after a separator the
search box cuts off before showing an excerpt (site_templates/assets/kiemdiem-search.js,
which also ranks hits that match the query's own diacritics first).

Material's own search plugin is off (mkdocs.yml); the header's search box is ours.
"""

from __future__ import annotations

import base64
import gzip
import html
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.invisible import show_invisible
from generator.site.text import strip_controls
from generator.site.views import YearView
from generator.submissions.records import MemberReview, Organization, ReviewText

INDEX_DIR = "pagefind"
LANGUAGE = "vi"
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
    kind: str  # "dang-vien", "to-chuc" or "trang"
    where: str = ""  # shown under the title: the chi bộ of a member, the parent of an org


@dataclass
class IndexResult:
    records: int = 0
    seconds: float = 0.0
    files: int = 0
    bytes: int = 0


def with_d_folded(text: str) -> str:
    """`text`, then FOLDED_MARK and the đ→d form of each word that has a đ (once each).

    "Đỗ Văn Thành được điểm" -> "Đỗ Văn Thành được điểm ⁂ Dỗ dược diểm": Pagefind then
    folds the tone marks of both, so "do", "duoc" and "diem" match too.
    """
    folded = dict.fromkeys(
        w.replace("đ", "d").replace("Đ", "D") for w in _WORD.findall(text) if "đ" in w or "Đ" in w
    )
    return f"{text} {FOLDED_MARK} {' '.join(folded)}" if folded else text


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


def member_record(view: YearView, member: MemberReview, org: Organization) -> Record:
    verdict = view.member_verdict(member.id)
    result = view.status(verdict)
    if verdict is not None and verdict.final is not None:
        result = f"{verdict.final.label_vi} ({result})"
    text = "\n".join(
        p
        for p in (
            f"{member.name} · {member.id} · {org.name}",
            member.position_title or "",
            _review_text(member.review),
            f"Kết quả: {result}",
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


class _Service:
    """Pagefind's indexing service (`pagefind --service`, the binary of PyPI pagefind[bin]),
    spoken to directly: base64 JSON messages ended by a comma, both ways.

    The `pagefind` Python wrapper speaks the same protocol but sleeps 0.1 s before reading
    each response (measured: 500 records in 50 s), which would make a 100,000-member year
    take hours; here one thread writes every request while the caller reads the answers.
    """

    def __init__(self) -> None:
        from pagefind.service import get_executable

        exe = get_executable()
        if exe is None:
            raise RuntimeError("pagefind binary not found (pip install 'pagefind[bin]')")
        self.proc = subprocess.Popen(
            [str(exe), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        self.buffer = b""
        self.next_id = 0

    def send(self, payload: dict[str, object]) -> None:
        assert self.proc.stdin is not None
        self.next_id += 1
        message = json.dumps({"message_id": self.next_id, "payload": payload})
        self.proc.stdin.write(base64.b64encode(message.encode()) + b",")

    def flush(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.flush()

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        while b"," not in self.buffer:
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise RuntimeError("pagefind stopped answering")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b",")
        payload: dict[str, Any] = json.loads(base64.b64decode(message))["payload"]
        if payload.get("type") == "Error":
            raise RuntimeError(f"pagefind: {payload.get('message')}")
        return payload

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def _add(service: _Service, index_id: str, r: Record) -> None:
    service.send(
        {
            "type": "AddRecord",
            "index_id": index_id,
            "url": r.url,
            "content": with_d_folded(_shown(r.text)),
            "language": LANGUAGE,
            "meta": {"title": _shown(r.title), "kd_where": _shown(r.where), "kd_kind": r.kind},
            "filters": {"loai": [r.kind]},
        }
    )


class Indexer:
    """A year's Pagefind index, fed while the rest of the site is built.

    The organizations' and members' records come from the view alone, so Pagefind (its own
    process) indexes them while this process renders the pages and runs MkDocs; `finish`
    adds the ordinary pages' records, read from their built HTML, and writes the index.
    Start it once the members' pages are known (`YearView.set_member_pages`): a record
    links its member's page."""

    def __init__(self, view: YearView) -> None:
        self.view = view
        self.service = _Service()
        self.index_id = ""
        self.count = 0
        self.failed: BaseException | None = None
        self.thread = threading.Thread(target=self._feed, daemon=True)
        self.thread.start()

    def _feed(self) -> None:
        try:
            service = self.service
            service.send({"type": "NewIndex", "config": {"force_language": LANGUAGE}})
            service.flush()
            self.index_id = service.receive()["index_id"]
            items = list(entity_records(self.view))

            def write_all() -> None:
                for r in items:
                    _add(service, self.index_id, r)
                service.flush()

            writer = threading.Thread(target=write_all, daemon=True)
            writer.start()
            for _ in items:  # read the answers as they come, or Pagefind's pipe fills up
                service.receive()
            writer.join()
            self.count = len(items)
        except BaseException as exc:  # raised again by finish()
            self.failed = exc

    def abandon(self) -> None:
        """Stop Pagefind without writing (the build failed)."""
        try:
            self.service.close()
        except (OSError, ValueError, subprocess.TimeoutExpired):
            self.service.proc.kill()

    def finish(self, site_dir: Path) -> IndexResult:
        """Add the ordinary pages of the built `site_dir`, write <site_dir>/pagefind/."""
        started = time.perf_counter()
        try:
            self.thread.join()
            if self.failed is not None:
                raise RuntimeError(f"pagefind: {self.failed}") from self.failed
            out = site_dir / INDEX_DIR
            if out.exists():
                shutil.rmtree(out)
            pages = list(page_records(self.view, site_dir))
            for r in pages:
                _add(self.service, self.index_id, r)
                self.service.flush()
                self.service.receive()
            self.service.send(
                {"type": "WriteFiles", "index_id": self.index_id, "output_path": str(out)}
            )
            self.service.flush()
            self.service.receive()
        finally:
            self.service.close()
        files = [p for p in out.rglob("*") if p.is_file()]
        return IndexResult(
            records=self.count + len(pages),
            seconds=time.perf_counter() - started,
            files=len(files),
            bytes=sum(p.stat().st_size for p in files),
        )


def index_year(view: YearView, site_dir: Path) -> IndexResult:
    """Write the year's Pagefind index into <site_dir>/pagefind/ (replacing the old one)."""
    return Indexer(view).finish(site_dir)


def read_records(site_dir: Path) -> list[dict[str, object]]:
    """Every record of a built index as the browser receives it (tests, benchmarks):
    Pagefind's fragments are gzip'd JSON after a signature."""
    out = []
    for path in sorted((site_dir / INDEX_DIR / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        out.append(json.loads(data[data.index(b"{") :]))
    return out
