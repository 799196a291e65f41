"""`kiemdiem serve`'s rounds: files change, the kept years are updated, pages re-rendered.

    preview = Preview(repo, project, 2025, repo / "build" / "2025" / "docs")
    preview.start()                        # load the span, render every page
    watcher = Watcher(preview.watched(), preview.repo, project)
    for changed in watcher.rounds():       # repository-relative paths, debounced
        done = preview.apply(changed)      # Round: pages written, or held on broken YAML

The years stay loaded (generator.liveload.LiveYears): a round reads the changed files
only, links and rates the years again and renders the year's pages with the same keys
as `kiemdiem build` (generator.site.incremental: only pages whose inputs changed are
written). A file saved as broken YAML holds the round: the preview keeps its last pages
until the file parses again (a fresh build would show the file's finding and drop the
record; mid-edit that is noise). Events come from the system (watchdog: inotify on
Linux), not from polling 100,000 files; an editor's double write or a `git pull` is one
round (`Watcher.quiet`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

import generator
from generator.findings import Finding
from generator.liveload import EVERYTHING, LiveYears
from generator.pipeline import RatedYears
from generator.site import audiences, rating
from generator.site.audience_sites import static_digest
from generator.site.build import TEMPLATES
from generator.site.render import render_year
from generator.submissions.layout import SUBMISSIONS

GENERATOR = Path(generator.__file__).resolve().parent
SCHEMA = "schema"
# what an event may say about a file's content (not: opened, closed without writing)
CHANGES = {"created", "deleted", "modified", "moved", "closed"}
# the events asked of the system: only these are queued (inotify's mask), so reading the
# year's 100,000 files queues nothing (opens would overflow the kernel's queue)
EVENTS = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
# watchdog says so in its log when the kernel dropped events (e.g. a huge `git pull`)
OVERFLOW_LOGGERS = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")


@dataclass
class Round:
    """What one round did."""

    changed: int = 0  # paths the events named
    written: int = 0  # files of the docs folder (and fragments) written
    held: dict[str, Finding] = field(default_factory=dict)  # broken files: nothing rendered
    seconds_load: float = 0.0  # reading, linking, rating
    seconds_render: float = 0.0

    @property
    def rendered(self) -> bool:
        return not self.held


class Preview:
    """One year's preview: its span kept loaded (LiveYears), rendered into `docs`."""

    def __init__(self, repo: Path, project: Path, year: int, docs: Path) -> None:
        self.repo, self.project, self.year, self.docs = repo, project, year, docs
        self.live = LiveYears(repo, year)
        self.held: dict[str, Finding] = {}  # files broken since the last pages
        self._static = ""

    def watched(self) -> list[Path]:
        """The folders whose changes reach the pages."""
        return [self.repo / SUBMISSIONS, self.repo / SCHEMA, self.project / TEMPLATES]

    def start(self) -> Round:
        """Load the span and render every page (as `kiemdiem build` would)."""
        started = time.perf_counter()
        rated = self.live.load()
        done = Round(seconds_load=time.perf_counter() - started)
        self._render(rated, done, static=True)
        return done

    def apply(self, changed: set[str]) -> Round:
        """One round after `changed` (repository-relative paths, or paths under the
        project's templates) changed."""
        done = Round(changed=len(changed))
        started = time.perf_counter()
        rated = self.live.update(changed)
        done.seconds_load = time.perf_counter() - started
        broken = self.live.broken()
        self.held.update({p: f for p, f in broken.items() if p in changed})
        for path in [p for p in self.held if p in changed and p not in broken]:
            del self.held[path]  # fixed, or gone
        if self.held:
            done.held = dict(self.held)
            return done
        # templates or schemas (or everything: events were lost) hashed again
        outside = any(not p.startswith(f"{SUBMISSIONS}/") for p in changed)
        self._render(rated, done, static=outside or not self._static)
        return done

    def _render(self, rated: RatedYears, done: Round, *, static: bool) -> None:
        started = time.perf_counter()
        if static:  # templates, schemas and code: hashed again only when they changed
            self._static = static_digest(self.project, self.repo / SCHEMA, GENERATOR)
        full = rating.views(rated)[self.year]
        view = audiences.organization_view(full, self.repo / SCHEMA)
        written = render_year(view, self.project / TEMPLATES, self.docs, static=self._static)
        done.written = len(written.written)
        done.seconds_render = time.perf_counter() - started


class Watcher:
    """File events under some folders, handed out in rounds: a round starts at the first
    event and closes once `quiet` seconds pass without another (an editor writes twice;
    a `git pull` writes many files in a burst)."""

    def __init__(self, folders: list[Path], repo: Path, project: Path, quiet: float = 0.2):
        self.repo, self.project, self.quiet = repo, project, quiet
        self._pending: set[str] = set()
        self._last = 0.0
        self._cond = threading.Condition()
        self._stopped = False
        self._observer = Observer()
        handler = FileSystemEventHandler()
        handler.on_any_event = self._event  # type: ignore[method-assign]
        for folder in folders:
            if folder.is_dir():
                self._observer.schedule(handler, str(folder), recursive=True, event_filter=EVENTS)
        self._lost = _Lost(self)

    def start(self) -> None:
        for name in OVERFLOW_LOGGERS:
            logging.getLogger(name).addHandler(self._lost)
        self._observer.start()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
        self._observer.stop()
        for name in OVERFLOW_LOGGERS:
            logging.getLogger(name).removeHandler(self._lost)

    def lost(self) -> None:
        """Events were dropped: the next round loads everything again (EVERYTHING)."""
        with self._cond:
            self._pending.add(EVERYTHING)
            self._last = time.monotonic()
            self._cond.notify_all()

    def _rel(self, path: str | bytes) -> str:
        full = Path(path.decode() if isinstance(path, bytes) else path)
        for base in (self.repo, self.project):
            if full.is_relative_to(base):
                return full.relative_to(base).as_posix()
        return full.as_posix()

    def _event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGES or (
            event.is_directory and event.event_type == "modified"
        ):
            return
        paths = [event.src_path, *([event.dest_path] if event.dest_path else [])]
        with self._cond:
            self._pending.update(self._rel(p) for p in paths)
            self._last = time.monotonic()
            self._cond.notify_all()

    def next_round(self, timeout: float | None = None) -> set[str] | None:
        """The paths of the next round (None when stopped or `timeout` passed first)."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._pending or self._stopped, timeout):
                return None
            while not self._stopped:
                left = self._last + self.quiet - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            if self._stopped:
                return None
            out, self._pending = self._pending, set()
            return out

    def rounds(self) -> Iterator[set[str]]:
        while (changed := self.next_round()) is not None:
            yield changed


class _Lost(logging.Handler):
    """Hears watchdog say that the kernel's event queue overflowed."""

    def __init__(self, watcher: Watcher) -> None:
        super().__init__(logging.WARNING)
        self.watcher = watcher

    def emit(self, record: logging.LogRecord) -> None:
        if "overflow" in record.getMessage():
            self.watcher.lost()
