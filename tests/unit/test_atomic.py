"""generator.atomic: a file is replaced whole or not at all, and no temporary file stays."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

import pytest

from generator import atomic


def test_write_replaces_the_file_and_leaves_nothing_beside(tmp_path: Path) -> None:
    path = tmp_path / "index.pickle"
    path.write_bytes(b"old")
    atomic.write_bytes(path, b"new")
    assert path.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.pickle"]


def test_a_failed_write_keeps_the_old_file_and_removes_its_part(tmp_path: Path) -> None:
    path = tmp_path / "memo"
    path.write_bytes(b"old")

    def half(f: BinaryIO) -> None:
        f.write(b"half of the new")
        raise KeyboardInterrupt  # a build stopped while it wrote

    with pytest.raises(KeyboardInterrupt):
        atomic.write_with(path, half)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo"]


def test_a_hard_link_to_the_old_file_keeps_the_old_content(tmp_path: Path) -> None:
    """A built site links the shared store's files: replacing one never changes a page
    already published."""
    path = tmp_path / "fragment"
    path.write_bytes(b"published")
    os.link(path, tmp_path / "site-copy")
    atomic.write_text(path, "tiếp theo")
    assert (tmp_path / "site-copy").read_bytes() == b"published"
    assert path.read_text("utf-8") == "tiếp theo"


def test_two_writers_never_share_a_temporary_name(tmp_path: Path) -> None:
    path = tmp_path / "inputs.json"
    names = {atomic.temporary_beside(path) for _ in range(200)}
    assert len(names) == 200
    assert all(n.parent == tmp_path and n.name.startswith(".inputs.json.") for n in names)


def test_a_copy_is_readable_by_others_as_a_plain_write_is(tmp_path: Path) -> None:
    """The shared store's files are served by a web server running as another user (a
    temporary file from mkstemp is 0600: its copy was too)."""
    source = tmp_path / "source.html"
    source.write_text("<p>Quy tắc</p>", "utf-8")
    plain = tmp_path / "plain"
    plain.write_bytes(b"")
    kept = tmp_path / "kept.html"
    atomic.copy_file(source, kept)
    assert kept.read_text("utf-8") == "<p>Quy tắc</p>"
    assert stat.S_IMODE(kept.stat().st_mode) == stat.S_IMODE(plain.stat().st_mode)
