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


def changed_files(repo: Path, ref: str) -> list[str]:
    """Repository-relative paths changed since `ref`: committed, staged, unstaged, untracked.

    Deleted files are included (a deletion can break references elsewhere).
    """
    try:
        base = _git(repo, "merge-base", ref, "HEAD").strip()
    except GitError:
        base = ref
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
