"""The one place that talks to Git (STYLE.md: one module per outside world).

Paths are read NUL-separated (`-z`): Git quotes names with non-ASCII letters, quotes,
backslashes or newlines in its line-based output, and a quoted name would be a path no
one checks. Names that are not UTF-8 are kept (as surrogate escapes) so that they can be
reported, never dropped.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.report.safe import visible

NO_GIT = "Không tìm thấy chương trình git trên máy; hãy cài Git rồi chạy lại lệnh."


class GitError(Exception):
    """Git failed or is missing; the message is Vietnamese and says what to do (Git's own
    words, English or in the user's locale, only follow as a detail)."""

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail  # Git's message when Git ran and failed; None when it did not run


def _detail(stderr: bytes) -> str:
    """Git's message on one line, every control character shown."""
    text = stderr.decode("utf-8", "replace")
    return visible(" ".join(line.strip() for line in text.splitlines() if line.strip()))


def _failed(args: tuple[str, ...], stderr: bytes) -> GitError:
    detail = _detail(stderr)
    return GitError(f"Lệnh `git {visible(' '.join(args))}` không thành công (Git báo: {detail}).",
                    detail)  # fmt: skip


def _run(repo: Path, *args: str) -> bytes:
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), *args],
            check=True,
            capture_output=True,
        )
    except FileNotFoundError as exc:
        raise GitError(NO_GIT) from exc
    except subprocess.CalledProcessError as exc:
        raise _failed(args, exc.stderr) from exc
    except OSError as exc:  # e.g. E2BIG: an environment too large to start a program
        raise GitError(_cannot_start(exc)) from exc
    return out.stdout


def _cannot_start(exc: OSError) -> str:
    return f"Không chạy được git ({exc.strerror or exc})."


def _git(repo: Path, *args: str) -> str:
    return _run(repo, *args).decode("utf-8", "surrogateescape")


def _names(raw: bytes) -> list[str]:
    return [n.decode("utf-8", "surrogateescape") for n in raw.split(b"\0") if n]


def merge_base(repo: Path, ref: str) -> str:
    """Where the current branch left `ref` (or `ref` itself when Git cannot tell)."""
    try:
        return _git(repo, "merge-base", ref, "HEAD").strip()
    except GitError:
        return ref


def require_repository(repo: Path) -> None:
    """GitError, said for a user of `--changed-since`, when Git cannot open a repository at
    `repo` (none there, Git's `safe.directory` refusing it, Git missing)."""
    try:
        _run(repo, "rev-parse", "--git-dir")
    except GitError as exc:
        if exc.detail is None:  # Git did not run: its message says why
            raise
        raise GitError(
            f"Git không mở được kho ở `{visible(str(repo))}`: thư mục này không nằm trong một "
            "bản sao (git clone) của kho, hoặc Git từ chối mở nó. --changed-since cần lịch sử "
            "Git để biết tệp nào đã đổi: hãy chạy lệnh trong bản sao của kho, hoặc chạy "
            "`kiemdiem check` không kèm --changed-since để kiểm tra mọi tệp."
            + (f" (Git báo: {exc.detail})" if exc.detail else ""),
            exc.detail,
        ) from exc


def verify_commit(repo: Path, rev: str) -> str:
    """The full commit id of `rev`, in a repository Git can open (GitError saying that no
    such commit is known there otherwise)."""
    try:
        return _git(repo, "rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}").strip()
    except GitError as exc:
        if exc.detail is None:
            raise
        raise GitError(
            f"Không tìm thấy phiên bản `{visible(rev)}` trong kho Git. Kiểm tra lại tên nhánh "
            "hoặc mã commit (ví dụ `origin/main`; `git branch -a` liệt kê các nhánh). Trong CI, "
            "hãy lấy đủ lịch sử Git, ví dụ `fetch-depth: 0` (GitHub Actions) hoặc "
            '`GIT_DEPTH: "0"` (GitLab).',
            exc.detail,
        ) from exc


def file_at(repo: Path, rev: str, path: str) -> bytes | None:
    """The bytes of `path` at revision `rev`, or None when it did not exist there."""
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "show", f"{rev}:{path}"], check=True, capture_output=True
        )
    except (FileNotFoundError, subprocess.CalledProcessError):
        return None
    except OSError as exc:  # git could not start: not the same as "not in that revision"
        raise GitError(_cannot_start(exc)) from exc
    return out.stdout


def list_tree(repo: Path, rev: str, folder: str) -> list[str]:
    """Names directly inside `folder` at `rev` ([] when it did not exist)."""
    try:
        raw = _run(repo, "ls-tree", "-z", "--name-only", rev, folder.rstrip("/") + "/")
    except GitError:
        return []
    return [n.rsplit("/", 1)[-1] for n in _names(raw)]


def diff_zero_context(repo: Path, rev: str, path: str) -> str:
    """`git diff -U0` of `path` between `rev` and the working tree ("" on failure)."""
    try:
        return _git(repo, "diff", "-U0", "--no-color", "--no-ext-diff", rev, "--", path)
    except GitError:
        return ""


def archive(repo: Path, rev: str, paths: list[str]) -> bytes:
    """A tar archive of `paths` at `rev` (each must exist there)."""
    return _run(repo, "archive", "--format=tar", rev, "--", *paths)


@dataclass(frozen=True)
class PathChange:
    """One changed path. `status`: A added, M modified, D deleted, R renamed (from
    `old_path`), T type changed (e.g. a file replaced by a symlink)."""

    status: str
    path: str
    old_path: str | None = None


def parse_name_status(raw: bytes) -> list[PathChange]:
    """`git diff --name-status -z` output: `X\\0path\\0`, or `R100\\0old\\0new\\0`."""
    fields = raw.split(b"\0")
    out: list[PathChange] = []
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i].decode("ascii", "replace")[:1]
        if status in ("R", "C"):
            old, new = fields[i + 1], fields[i + 2]
            name = new.decode("utf-8", "surrogateescape")
            source = old.decode("utf-8", "surrogateescape")
            out.append(PathChange("R" if status == "R" else "A", name, source))
            i += 3
        else:
            out.append(PathChange(status, fields[i + 1].decode("utf-8", "surrogateescape")))
            i += 2
    return out


def changes(repo: Path, ref: str) -> tuple[str, list[PathChange]]:
    """(the merge base, every path changed since it): committed, staged, unstaged and
    untracked, with renames (`-M`) and deletions. Nothing is filtered out."""
    require_repository(repo)
    base = merge_base(repo, ref)
    base = verify_commit(repo, base)  # a clear error for a bad ref
    raw = _run(
        repo,
        "-c",
        "core.quotePath=false",
        "diff",
        "--name-status",
        "-z",
        "-M",
        "--no-color",
        "--no-ext-diff",
        base,
        "--",
    )
    found = parse_name_status(raw)
    seen = {c.path for c in found}
    untracked = _run(repo, "ls-files", "-z", "--others", "--exclude-standard")
    found += [PathChange("A", n) for n in _names(untracked) if n not in seen]
    return base, sorted(found, key=lambda c: c.path)


def changed_files(repo: Path, ref: str) -> list[str]:
    """Repository-relative paths changed since `ref` (both sides of a rename).

    Deleted files are included (a deletion can break references elsewhere).
    """
    _, found = changes(repo, ref)
    names = {c.path for c in found} | {c.old_path for c in found if c.old_path}
    return sorted(names)


def blob_id(data: bytes) -> str:
    """Git's id of a file with these bytes (`git hash-object`): a content key that Git
    already knows for every tracked file, so it costs nothing to read for a whole tree."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


class Pending:
    """A Git command running while the caller does other work (`result()` waits)."""

    def __init__(self, repo: Path, *args: str) -> None:
        self.args = args
        try:
            self.proc = subprocess.Popen(
                ["git", "-C", str(repo), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
            )
        except FileNotFoundError as exc:
            raise GitError(NO_GIT) from exc
        except OSError as exc:
            raise GitError(_cannot_start(exc)) from exc

    def result(self) -> bytes:
        out, err = self.proc.communicate()
        if self.proc.returncode:
            raise _failed(self.args, err)
        return out


def start_tree_blobs(repo: Path, rev: str, folder: str) -> Pending:
    """`git ls-tree` of `folder` at `rev`, started (read it with `tree_blobs_of`)."""
    return Pending(repo, "ls-tree", "-r", "-z", rev, "--", folder.rstrip("/") + "/")


def tree_blobs_of(pending: Pending) -> dict[str, str]:
    """Every file listed -> its blob id (symlinks and submodules left out)."""
    out: dict[str, str] = {}
    for entry in pending.result().decode("utf-8", "surrogateescape").split("\0"):
        # "<mode> blob <id>\t<path>"
        if entry[7:11] != "blob" or entry.startswith("120000"):
            continue
        tab = entry.index("\t", 12)
        out[entry[tab + 1 :]] = entry[12:tab]
    return out


def tree_blobs(repo: Path, rev: str, folder: str) -> dict[str, str]:
    """Every file below `folder` at `rev` -> its blob id (symlinks left out)."""
    return tree_blobs_of(start_tree_blobs(repo, rev, folder))


def start_ignored(repo: Path, folder: str) -> Pending:
    """Files below `folder` that Git ignores, started (read it with `names_of`)."""
    return Pending(
        repo, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--",
        folder.rstrip("/") + "/",
    )  # fmt: skip


def names_of(pending: Pending) -> list[str]:
    return _names(pending.result())


def object_format(repo: Path) -> str:
    """The hash the repository names objects by ("sha1", or "sha256"); GitError outside a
    Git work tree."""
    out = _run(repo, "rev-parse", "--is-inside-work-tree", "--show-object-format").split()
    if not out or out[0] != b"true":
        raise GitError("Thư mục không nằm trong một bản làm việc của Git.")
    return out[-1].decode("ascii", "replace")


def worktree_blobs(repo: Path, folder: str) -> dict[str, str]:
    """Files below `folder` whose working-tree content is the blob Git's index records
    for them -> that blob id (files Git sees as modified, and untracked ones, left out)."""
    raw = _run(repo, "-c", "core.quotePath=false", "ls-files", "-s", "-z", "--",
               folder.rstrip("/") + "/")  # fmt: skip
    out: dict[str, str] = {}
    for entry in raw.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, blob, _stage = meta.split(b" ")
        if mode != b"120000":
            out[name.decode("utf-8", "surrogateescape")] = blob.decode("ascii")
    dirty = _run(repo, "-c", "core.quotePath=false", "diff-files", "-z", "--name-only", "--",
                 folder.rstrip("/") + "/")  # fmt: skip
    for dirty_name in _names(dirty):
        out.pop(dirty_name, None)
    return out


def ignored_files(repo: Path, folder: str) -> list[str]:
    """Files below `folder` that Git ignores (they are checked, but Git has no key for them)."""
    return names_of(start_ignored(repo, folder))


def committed(repo: Path, path: str) -> list[str] | None:
    """What the checked-out commit (HEAD) holds at or below `path` (a file, a symlink or
    a folder's files): one tree read, whatever the size of the repository (`ls-files`
    reads the whole index, ~0.05 s at 112,000 files); None when `repo` is not a Git work
    tree with a commit, or Git cannot be run (then nothing is known to be committed)."""
    try:
        return _names(_run(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD", "--", path))
    except GitError:
        return None
