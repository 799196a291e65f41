"""A search bundle's files on disk (generator.site.indexer): written into the work folder
keeping the files whose bytes are unchanged (`store`), and hard-linked into the site
(`publish`) where they are not linked already.

A bundle indexed again after one member changed differs in a few files (that record's
fragment, a few words' index chunks, the metadata, the entry); replacing the whole
bundle deleted and linked again ~1,000 old files, which took seconds on a busy disk.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator import atomic
from generator.site import search_layout

DIGEST = ".kiemdiem-digest"  # a bundle's key, written last (generator.site.indexer)


def read_digest(folder: Path) -> str:
    try:
        return (folder / DIGEST).read_text("utf-8")
    except OSError:
        return ""


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
            atomic.write_bytes(target, data)
    for rel, entry in old.items():
        if rel not in files:
            os.unlink(entry.path)


def link(src: str, target: Path) -> None:
    """Make `target` a hard link to `src` (a copy on another file system). A `target` that
    already is `src` — linked meanwhile, not listed when the folder was read — is the
    result wanted, not an error: the copy's fallback refused it (shutil.SameFileError, a
    build that stopped with "lỗi nội bộ" after the code changed); any other file there
    is replaced."""
    try:
        os.link(src, target)
        return
    except FileExistsError:
        if os.path.samefile(src, target):
            return
        os.unlink(target)
    except OSError:  # another file system
        shutil.copy2(src, target)
        return
    try:
        os.link(src, target)
    except OSError:
        shutil.copy2(src, target)


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
        link(entry.path, target)
    for rel, entry in there.items():
        if rel not in wanted:
            os.unlink(entry.path)


def publish(work: Path, index: Path, bundles: list[tuple[str, str]]) -> None:
    """Link each bundle (its folder under `work`, its folder under `index`: "" for the
    primary one) into `index` (<site>/pagefind/) unless the site's copy has the same
    digest; remove shards and name parts the year no longer has."""
    index.mkdir(parents=True, exist_ok=True)
    nested = frozenset(
        {
            search_layout.PAGES_DIR,
            search_layout.SHARDS_DIR,
            search_layout.NAMES_DIR,
            search_layout.MANIFEST,
            search_layout.UNITS_DIR,
            search_layout.LABELS,
        }
    )
    for folder, rel in bundles:
        src, dest = work / folder, index / rel
        if read_digest(dest) == read_digest(src) and (dest / DIGEST).is_file():
            continue
        _link_changed(src, dest, frozenset() if rel else nested)
    kept = {rel for _, rel in bundles}
    if search_layout.PAGES_DIR not in kept:  # one bundle now: the pages are in it
        shutil.rmtree(index / search_layout.PAGES_DIR, ignore_errors=True)
    for folder in (search_layout.SHARDS_DIR, search_layout.NAMES_DIR):
        for root in (index / folder, work / folder):
            if root.is_dir():
                for path in root.iterdir():
                    if f"{folder}/{path.name}" not in kept:
                        shutil.rmtree(path, ignore_errors=True)


def write_manifest(index: Path, files: dict[str, str]) -> None:
    """Write the search box's own files into `index` (<site>/pagefind/: `phan.json`,
    `phan-ten.json` and `don-vi/<k>.json`, search_layout), each replaced whole and only
    when its bytes changed (a rebuild leaves an unchanged one, and the site's link to it,
    alone); remove those the year no longer has."""
    for rel, text in files.items():
        target, data = index / rel, text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(target, data)
    if search_layout.LABELS not in files:
        (index / search_layout.LABELS).unlink(missing_ok=True)
    units = index / search_layout.UNITS_DIR
    if units.is_dir():
        for rel in _files(units):
            if f"{search_layout.UNITS_DIR}/{rel}" not in files:
                (units / rel).unlink()
        if not any(units.iterdir()):
            units.rmdir()
