"""Files replaced whole: written beside their place under a name no other process uses,
then renamed over it, so a reader sees the old file or the new one and never a part —
a build or check stopped halfway, or two processes writing the same cache, leave no
torn file. The new file is a new inode: a hard link to the old one (a built site's,
generator.site.shared) keeps the old content.

The generator's own files only (caches, indexes, search bundles); a file the user named
on the command line goes through generator.outfile, which keeps its permissions and
turns failures into Vietnamese usage errors."""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def temporary_beside(path: Path) -> Path:
    """A name in `path`'s folder no other writer picks (process id and a random part)."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def write_with(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Replace `path` by what `write` writes into an open binary file; on any failure the
    temporary file is removed and the error raised, `path` left as it was."""
    tmp = temporary_beside(path)
    try:
        with tmp.open("xb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` by `data` (see `write_with`)."""
    write_with(path, lambda f: f.write(data))


def write_text(path: Path, text: str) -> None:
    """Replace `path` by `text` in UTF-8."""
    write_bytes(path, text.encode("utf-8"))


def copy_file(source: Path, path: Path) -> None:
    """Replace `path` by a copy of `source`'s content."""
    with source.open("rb") as src:
        write_with(path, lambda f: shutil.copyfileobj(src, f))
