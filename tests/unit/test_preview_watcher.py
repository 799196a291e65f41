"""The preview's watcher (generator.preview.Watcher): file events in rounds, from the
system's notifications, a burst of writes being one round."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from generator.liveload import EVERYTHING
from generator.preview import Watcher


def test_a_burst_of_writes_is_one_round_and_reading_is_none(tmp_path: Path) -> None:
    folder = tmp_path / "submissions" / "2025"
    folder.mkdir(parents=True)
    (folder / "b.yaml").write_text("b: 1\n", "utf-8")
    watcher = Watcher([tmp_path / "submissions"], tmp_path, tmp_path, quiet=0.3)
    watcher.start()
    try:
        target = folder / "a.yaml"
        target.write_text("a: 1\n", "utf-8")  # an editor's save: written, then again
        time.sleep(0.1)
        target.write_text("a: 2\n", "utf-8")
        (folder / "b.yaml").rename(folder / "c.yaml")
        assert watcher.next_round(timeout=10) == {
            "submissions/2025/a.yaml",
            "submissions/2025/b.yaml",
            "submissions/2025/c.yaml",
        }
        # the loader reads files: opening and closing without writing is no change
        (folder / "a.yaml").read_bytes()
        assert watcher.next_round(timeout=0.6) is None
        (folder / "c.yaml").unlink()
        assert watcher.next_round(timeout=10) == {"submissions/2025/c.yaml"}
    finally:
        watcher.stop()
    assert watcher.next_round(timeout=0.1) is None


def test_events_the_system_dropped_make_a_round_of_everything(tmp_path: Path) -> None:
    watcher = Watcher([tmp_path], tmp_path, tmp_path, quiet=0.05)
    watcher.start()
    try:
        # what watchdog logs when the kernel's inotify queue overflowed
        logging.getLogger("watchdog.observers.inotify_c").warning(
            "Inotify queue overflowed; filesystem events were lost"
        )
        assert watcher.next_round(timeout=5) == {EVERYTHING}
    finally:
        watcher.stop()
