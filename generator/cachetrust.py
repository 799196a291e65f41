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

Git tells what came with the files. Where it cannot answer — a folder that is not a Git
work tree with a commit (a ZIP or `git archive` of a branch, an unzipped repository handed
to `kiemdiem rollup`), Git missing, or Git refusing the repository ("dubious ownership") —
the folder is used only if this tool made it on this machine: it then holds a random token
(`TOKEN`) that a file outside every repository also holds (`registry`, under the user's
cache folder, named by the folder's path). A folder that came with the files has no such
token, so its pickles are never read (a hostile-submitter trial ran a shipped pickle's
code through each of those cases; the first version trusted the folder whenever Git gave
no list), and nothing is written into it. No finding is reported, as nothing is known to
be committed; but such a folder would make every later run read every file again, with no
word why (a folder made by a version before the token, or whose token entry was cleaned
from the user's cache folder, is one too), so a note says so once on stderr, with the
folder and what to do (`foreign_note`).
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.findings import Finding

CACHE_DIR = ".kiemdiem-cache"  # below the repository (generator.loadcache keeps it)
TOKEN = "may-nay"  # the folder's token file, where Git cannot tell (module docstring)


@functools.lru_cache(maxsize=16)
def _refused(root: str, stamp: tuple[int, ...] | None) -> tuple[str, ...] | None:
    """Why the cache folder of the repository at `root` may not be used: the paths the
    checked-out commit holds in it (what came with the files being checked), or the
    folder itself when it is a symlink; () when it may be used; None when Git cannot tell
    (then it may not be used, and nothing is reported). Kept while Git's index file
    (`stamp`, rewritten by every checkout and commit) is unchanged: a check asks several
    times."""
    # (Git is imported here: generator.loadcache imports this module, and gitrepo's
    # imports reach the rules, which import loadcache)
    from generator import gitrepo

    folder = os.path.join(root, CACHE_DIR)
    if os.path.islink(folder):
        return (CACHE_DIR,)
    held = gitrepo.committed(Path(root), CACHE_DIR)
    return None if held is None else tuple(held)


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


def _state(repo: Path) -> tuple[str, ...] | None:
    root = str(repo.resolve())
    stamp = _index_stamp(root)
    if stamp is None:
        return _refused.__wrapped__(root, None)
    return _refused(root, stamp)


def refused(repo: Path) -> tuple[str, ...]:
    """The cache paths that came with the files (`cache-in-repo`); () when none is known."""
    return _state(repo) or ()


def trusted(repo: Path) -> bool:
    """Whether `repo`'s `.kiemdiem-cache/` may be read and written (module docstring): Git
    says the checked-out commit holds nothing there, or, where Git cannot tell, this tool
    made it here; and it is not a symlink."""
    state = _state(repo)
    if state is None:
        folder = repo.resolve() / CACHE_DIR
        if _made_here(folder):
            return True
        _note_once(folder)
        return False
    return state == ()


_NOTED: set[str] = set()


def foreign_note(folder: Path) -> str:
    """What a user is told about a cache folder this tool did not make here, outside Git
    (Vietnamese: every user reads it; the path is shown safely)."""
    from generator.report.safe import visible_text

    return (
        f"kiemdiem: bỏ qua thư mục bộ nhớ đệm {visible_text(str(folder))}: máy này không tạo ra "
        "nó (thư mục đi kèm các tệp được chép hoặc giải nén tới đây, hoặc do phiên bản cũ của "
        "kiemdiem tạo), nên không đọc và không ghi vào đó; mỗi lần chạy sẽ đọc lại mọi tệp. "
        "Gợi ý: nếu thư mục này do chính anh/chị tạo trên máy này, xoá riêng thư mục "
        f"{CACHE_DIR} (chỉ chứa kết quả tính tạm, không chứa hồ sơ nào); lần chạy sau tạo lại "
        "và dùng nó."
    )


def _note_once(folder: Path) -> None:
    """`foreign_note` on stderr, once per folder and process (a check asks several times)."""
    if str(folder) in _NOTED or not (folder.exists() or folder.is_symlink()):
        return
    _NOTED.add(str(folder))
    print(foreign_note(folder), file=sys.stderr)


def registry() -> Path:
    """Where this machine keeps the tokens of the cache folders it made outside Git's
    knowledge: the user's cache folder (`XDG_CACHE_HOME`, else ~/.cache), never a
    repository."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kiemdiem" / "thu-muc-dem"


def _entry(folder: Path) -> Path:
    return registry() / hashlib.sha256(str(folder).encode("utf-8", "surrogateescape")).hexdigest()


def _made_here(folder: Path) -> bool:
    """Whether this tool made `folder` on this machine (its token matches the registry's
    entry for its path), or it does not exist yet (nothing to read: the writer that makes
    it gives it its token, `make_folder`)."""
    try:
        if not folder.exists() and not folder.is_symlink():
            return True
        if folder.is_symlink() or (folder / TOKEN).is_symlink():
            return False
        mine = _entry(folder).read_text("ascii")
        theirs = (folder / TOKEN).read_text("ascii")
    except (OSError, UnicodeError):
        return False
    return bool(mine) and hmac.compare_digest(mine, theirs)


def make_folder(folder: Path) -> None:
    """Make the cache folder `folder` (where a writer of the cache is about to write),
    with its token where Git cannot tell the folder's origin (module docstring): a folder
    made otherwise is not read again outside Git. Nothing when it exists."""
    if folder.exists():
        return
    token = secrets.token_hex(32)
    try:
        entry = _entry(folder.resolve())
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(token, "ascii")
    except OSError:
        token = ""  # no registry here: the folder is used in Git work trees only
    folder.mkdir(parents=True, exist_ok=True)
    if token:
        (folder / TOKEN).write_text(token, "ascii")


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


__all__ = ["CACHE_DIR", "findings", "foreign_note", "refused", "trusted"]
