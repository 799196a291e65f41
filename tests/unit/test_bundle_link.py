"""Linking a search bundle's file into the site (generator.site.bundle_files.link) when the
site already holds it: a build stopped with shutil.SameFileError ("lỗi nội bộ") when a
fragment was already the very same file in the build folder and the site."""

from __future__ import annotations

import os
from pathlib import Path

from generator.site.bundle_files import link


def test_a_target_already_linked_is_left_as_it_is(tmp_path: Path) -> None:
    src = tmp_path / "build" / "a.pf_fragment"
    src.parent.mkdir()
    src.write_bytes(b"fragment")
    target = tmp_path / "site" / "a.pf_fragment"
    target.parent.mkdir()
    os.link(src, target)
    link(str(src), target)
    assert os.path.samefile(src, target)
    assert target.read_bytes() == b"fragment"


def test_another_file_there_is_replaced_by_the_link(tmp_path: Path) -> None:
    src = tmp_path / "new.pf_fragment"
    src.write_bytes(b"new")
    target = tmp_path / "old.pf_fragment"
    target.write_bytes(b"old")
    link(str(src), target)
    assert os.path.samefile(src, target)
    assert target.read_bytes() == b"new"


def test_a_fresh_target_is_a_link(tmp_path: Path) -> None:
    src = tmp_path / "x"
    src.write_bytes(b"x")
    link(str(src), tmp_path / "y")
    assert os.path.samefile(src, tmp_path / "y")
