"""Git that cannot even start (E2BIG: an environment over the kernel's limit, as pytest's
PYTEST_CURRENT_TEST makes it for a test with a 600 KB parameter) is a GitError with a
Vietnamese message, never an internal error: the check then simply does without Git."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import gitrepo


def _e2big(*args: Any, **kwargs: Any) -> Any:
    raise OSError(7, "Argument list too long")


@pytest.mark.parametrize(
    "call",
    [
        lambda repo: gitrepo.worktree_blobs(repo, "submissions/2025"),
        lambda repo: gitrepo.file_at(repo, "HEAD", "README.md"),
    ],
    ids=["run", "file_at"],
)
def test_git_that_cannot_start_is_a_git_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: Any
) -> None:
    monkeypatch.setattr(subprocess, "run", _e2big)
    monkeypatch.setattr(subprocess, "Popen", _e2big)
    with pytest.raises(gitrepo.GitError, match="Không chạy được git"):
        call(tmp_path)
