"""A new evaluation year with the organization tree carried over (`kiemdiem new year`).

Every organization of the year before gets its to-chuc.yaml in the new year at the same
place, written by `scaffold.org_file` as `kiemdiem new org` writes it: its id, type and
place kept, its facts (name, statistics category, founding date, last year's leadership
as a commented suggestion) filled in, the year's own content (targets, scores, review,
self-rating) left to write. Member reviews, proposals and decisions are each year's own
and are not carried.

The folder is written whole or not at all: into a fresh temporary folder beside it
(`atomic.temporary_beside`), renamed into place at the end. `generator.commands.new`
decides whether to carry and prints.
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from generator import atomic
from generator.forge import earlierfacts, scaffold
from generator.orgtypes import OrgType, OrgTypes
from generator.submissions import layout


@dataclass
class Carried:
    """The organization files of a new year, from the year before's tree."""

    # path below the new year's folder -> the file's text, in the tree's order
    files: dict[str, str] = field(default_factory=dict)
    # folders (below the year folder) whose name is not an id: not carried, nor below them
    bad_names: list[str] = field(default_factory=list)
    # folders whose to-chuc.yaml gives no known type: their file is not carried
    unreadable: list[str] = field(default_factory=list)
    # (folder, type) of organizations whose type ends between the two years
    expired: list[tuple[str, OrgType]] = field(default_factory=list)


def _bad_name(folder: str) -> str | None:
    """The folder up to its first name that is not an id (layout.ID_RE, as `kiemdiem new
    org` makes them); None when every name is one. Such a name (reported by `check` in
    its own year) never becomes a path here."""
    parts = folder.split("/")
    for i, part in enumerate(parts):
        if not layout.ID_RE.fullmatch(part):
            return "/".join(parts[: i + 1])
    return None


def carry_orgs(repo: Path, from_year: int, year: int, ruleset: str) -> Carried:
    """The to-chuc.yaml of `year` for every organization of `from_year`."""
    types = OrgTypes.load(repo / scaffold.SCHEMA_DIR)
    out = Carried()
    for f in layout.walk_year(repo, from_year):
        if f.kind is not layout.Kind.ORG or not f.org_folder:
            continue
        folder = f.org_folder
        bad = _bad_name(folder)
        if bad is not None:
            if bad not in out.bad_names:
                out.bad_names.append(bad)
            continue
        # a control character's value is not carried (earlierfacts.one_line), its tree is
        data = earlierfacts.file_data(repo, f.path, despite_controls=True)
        code = data.get("loai")
        org_type = types.by_code.get(code) if isinstance(code, str) else None
        if org_type is None:
            out.unreadable.append(folder)
            continue
        if org_type.exists_in(from_year) and not org_type.exists_in(year):
            # the tree's period ends (the 2025 reorganization): rebuilt, not carried; a
            # type already wrong last year is carried, for `check` to report as it did
            out.expired.append((folder, org_type))
            continue
        rel = f"{folder}/{layout.ORG_FILE}"
        target = repo / layout.SUBMISSIONS / str(year) / rel
        org_id = layout.org_id_of_folder(folder)
        earlier = (from_year, earlierfacts.org_facts(data))
        out.files[rel] = scaffold.org_file(
            repo, target, org_id, year, ruleset, org_type.value, earlier
        )
    return out


def write_year(repo: Path, year: int, files: dict[str, str]) -> Path:
    """Write the new year's folder with `files` (path below it -> text) whole: built in a
    temporary folder beside it and renamed into place. Raises FileExistsError when the
    folder is there by then (nothing is written), OSError on a failed write (nothing is
    left behind)."""
    final = repo / layout.SUBMISSIONS / str(year)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = atomic.temporary_beside(final)
    tmp.mkdir()
    try:
        for rel, text in files.items():
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            # O_EXCL | O_NOFOLLOW: a fresh folder of our own, yet never through a link
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            with os.fdopen(os.open(path, flags, 0o644), "w", encoding="utf-8") as out:
                out.write(text)
        if os.path.lexists(final):
            raise FileExistsError(str(final))
        try:
            os.rename(tmp, final)
        except OSError as exc:  # a folder with files made meanwhile (an empty one is replaced)
            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                raise FileExistsError(str(final)) from exc
            raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final
