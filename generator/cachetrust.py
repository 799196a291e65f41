"""Whether a repository's `.kiemdiem-cache/` may be read: it is this machine's, never the
repository's content.

Everything kept there (the checked outcomes, the year index, the rating memo, the site's
build digests) is read back as what this tool computed — the outcomes and the index as
pickles, which run code when read. A folder that came with the files being checked is
the submitter's: a pull request that commits `.kiemdiem-cache/check-<year>-<key>.pickle`
(the key is made of public inputs) would have its own code run by the check, or, with
plain data, have its files' outcomes — "no error" — taken as the check's own. So the
folder is read and written only when the checked-out commit holds nothing in it and it is a real folder
(not a symlink to somewhere else); otherwise every run works as if it were empty, and
`kiemdiem check` reports the committed files as an error (`cache-in-repo`), so such a
pull request cannot pass.

CI restores the folder from its own cache into the checkout (.github/workflows/): those
files are untracked and are used as before.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.findings import Finding

CACHE_DIR = ".kiemdiem-cache"  # below the repository (generator.loadcache keeps it)


@functools.lru_cache(maxsize=16)
def _refused(root: str, stamp: tuple[int, ...] | None) -> tuple[str, ...]:
    """Why the cache folder of the repository at `root` may not be used: the paths the
    checked-out commit holds in it (what came with the files being checked), or the
    folder itself when it is a symlink; () when it may be used. Kept while Git's index
    file (`stamp`, rewritten by every checkout and commit) is unchanged: a check asks
    several times."""
    # (Git is imported here: generator.loadcache imports this module, and gitrepo's
    # imports reach the rules, which import loadcache)
    from generator import gitrepo

    folder = os.path.join(root, CACHE_DIR)
    if os.path.islink(folder):
        return (CACHE_DIR,)
    return tuple(gitrepo.committed(Path(root), CACHE_DIR) or ())


def _index_stamp(root: str) -> tuple[int, ...] | None:
    """The stat of the work tree's Git index (`.git/index`, or a linked work tree's), or
    None when there is none to stat (then Git is asked every time)."""
    dot_git = os.path.join(root, ".git")
    try:
        if os.path.isfile(dot_git):  # a linked work tree: "gitdir: <its folder>"
            with open(dot_git, encoding="utf-8") as f:
                line = f.readline().strip()
            if not line.startswith("gitdir:"):
                return None
            dot_git = os.path.join(root, line.removeprefix("gitdir:").strip())
        st = os.stat(os.path.join(dot_git, "index"))
    except (OSError, UnicodeDecodeError):
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def refused(repo: Path) -> tuple[str, ...]:
    root = str(repo.resolve())
    stamp = _index_stamp(root)
    if stamp is None:
        return _refused.__wrapped__(root, None)
    return _refused(root, stamp)


def trusted(repo: Path) -> bool:
    """Whether `repo`'s `.kiemdiem-cache/` may be read and written (module docstring)."""
    return not refused(repo)


def findings(repo: Path) -> list[Finding]:
    """An error on the first committed cache path (the others are named in it): a check
    of files that carry a cache cannot pass."""
    from generator.findings import Position, make

    paths = refused(repo)
    if not paths:
        return []
    others = f" và {len(paths) - 1} tệp khác" if len(paths) > 1 else ""
    first = paths[0]
    return [
        make("cache-in-repo", first, Position(1, 1), arg=first, folder=CACHE_DIR, others=others)
    ]


__all__ = ["CACHE_DIR", "findings", "refused", "trusted"]
