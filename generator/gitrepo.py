"""The one place that talks to Git (STYLE.md: one module per outside world)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """Git failed or is missing; the message is Vietnamese and says what to do."""


def _git(repo: Path, *args: str) -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), *args],
            check=True,
            capture_output=True,
            text=True,
        )
    except FileNotFoundError as exc:
        raise GitError("Không tìm thấy chương trình git trên máy.") from exc
    except subprocess.CalledProcessError as exc:
        raise GitError(f"git {' '.join(args)} thất bại: {exc.stderr.strip()}") from exc
    return out.stdout


def merge_base(repo: Path, ref: str) -> str:
    """Where the current branch left `ref` (or `ref` itself when Git cannot tell)."""
    try:
        return _git(repo, "merge-base", ref, "HEAD").strip()
    except GitError:
        return ref


def file_at(repo: Path, rev: str, path: str) -> bytes | None:
    """The bytes of `path` at revision `rev`, or None when it did not exist there."""
    try:
        out = subprocess.run(
            ["git", "-C", str(repo), "show", f"{rev}:{path}"], check=True, capture_output=True
        )
    except (FileNotFoundError, subprocess.CalledProcessError):
        return None
    return out.stdout


def diff_zero_context(repo: Path, rev: str, path: str) -> str:
    """`git diff -U0` of `path` between `rev` and the working tree ("" on failure)."""
    try:
        return _git(repo, "diff", "-U0", "--no-color", rev, "--", path)
    except (GitError, UnicodeDecodeError):
        return ""


def changed_files(repo: Path, ref: str) -> list[str]:
    """Repository-relative paths changed since `ref`: committed, staged, unstaged, untracked.

    Deleted files are included (a deletion can break references elsewhere).
    """
    base = merge_base(repo, ref)
    _git(repo, "rev-parse", "--verify", f"{base}^{{commit}}")  # a clear error for a bad ref
    names = set(_git(repo, "diff", "--name-only", "--no-renames", base).splitlines())
    names |= set(_git(repo, "ls-files", "--others", "--exclude-standard").splitlines())
    return sorted(n for n in names if n)


def changed_files_with_authors(repo: Path, ref: str) -> dict[str, set[str]]:
    """path -> author emails/names of the commits since `ref` that touched it."""
    out = _git(repo, "log", "--format=@%an <%ae>", "--name-only", "--no-renames", f"{ref}..HEAD")
    result: dict[str, set[str]] = {}
    author = ""
    for line in out.splitlines():
        if line.startswith("@"):
            author = line[1:]
        elif line.strip():
            result.setdefault(line.strip(), set()).add(author)
    return result
