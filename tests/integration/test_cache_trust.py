"""`.kiemdiem-cache/` is this machine's, never the repository's (generator.cachetrust): a
pull request that commits a cache file — a pickle, which runs code when read, or a forged
"no error" outcome — has it neither read nor written, and cannot pass the check."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from generator.cli import main
from tests.integration.test_committee_fields import FACTS, NAM, edit, git
from tests.integration.test_committee_fields import repo as repo

CACHE = ".kiemdiem-cache"


class _Payload:
    """Unpickling this writes the marker file: proof that a cache file's code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (f"open({str(self.marker)!r}, 'w').write('ran')",)


def _poison(folder: Path, marker: Path) -> list[str]:
    """Every pickle the first full check kept, replaced by the payload."""
    names = sorted(p.name for p in folder.glob("*.pickle"))
    assert any(n.startswith("check-") for n in names), names
    assert any(n.startswith("index-") for n in names), names
    for name in names:
        (folder / name).write_bytes(pickle.dumps(_Payload(marker)))
    return names


def _pull_request(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    args = ["--repo", str(repo), "check", "--changed-since", "HEAD~1"]
    code = main([*args, "--author", "nguyen-van-nam", "--actor", "nguyen-van-nam"])
    return code, capsys.readouterr().out


def test_a_committed_cache_is_not_read_and_fails_the_check(
    repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--repo", str(repo), "check"]) == 0  # writes the cache, as CI's main run
    capsys.readouterr()
    marker = tmp_path / "ran"
    names = _poison(repo / CACHE, marker)
    edit(repo, NAM, FACTS, "")  # the member drops their discipline record
    git(repo, "add", "-f", CACHE)
    git(repo, "commit", "-qam", "change")
    tracked = sorted(p.name for p in (repo / CACHE).iterdir())  # the pickles, and the rest
    code, out = _pull_request(repo, capsys)
    assert not marker.exists()
    assert code == 1
    assert "[auth-committee-field]" in out
    first = f"{CACHE}/{tracked[0]}"
    lines = [line for line in out.splitlines() if "[cache-in-repo]" in line]
    assert lines == [
        f"{first}:1:1: lỗi [cache-in-repo] Tệp `{first}` và {len(tracked) - 1} tệp khác nằm "
        f"trong thư mục `{CACHE}/`, là bộ nhớ đệm riêng của máy chạy kiểm tra, không phải hồ "
        "sơ: thư mục này không được đưa vào kho. Khi kho có các tệp này, công cụ không dùng "
        "bộ nhớ đệm mà đọc và kiểm tra lại mọi tệp."
    ]
    assert "git rm -r --cached .kiemdiem-cache" in out
    # nothing was written into the submitter's folder either
    assert sorted(p.name for p in (repo / CACHE).iterdir()) == tracked
    assert set(names) <= set(tracked)


def test_a_symlinked_cache_folder_is_not_read(
    repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--repo", str(repo), "check"]) == 0
    capsys.readouterr()
    marker = tmp_path / "ran"
    elsewhere = tmp_path / "elsewhere"
    (repo / CACHE).rename(elsewhere)
    _poison(elsewhere, marker)
    before = {p.name: p.stat().st_mtime_ns for p in elsewhere.iterdir()}
    os.symlink(elsewhere, repo / CACHE)
    edit(repo, NAM, "tu_xep_loai: HTTNV", "tu_xep_loai: HTXSNV")
    git(repo, "commit", "-qam", "change")
    code, out = _pull_request(repo, capsys)
    assert not marker.exists()
    assert f"{CACHE}:1:1: lỗi [cache-in-repo]" in out
    assert code == 1
    assert {p.name: p.stat().st_mtime_ns for p in elsewhere.iterdir()} == before  # untouched


def test_the_machines_own_cache_is_still_used(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The untracked folder CI restores (and a local run keeps) is read as before: the
    pull request's check takes the year index the full check wrote."""
    from generator.check import scoped

    assert main(["--repo", str(repo), "check"]) == 0
    read: list[object] = []
    real = scoped.read_index
    monkeypatch.setattr(scoped, "read_index", lambda *a: read.append(real(*a)) or read[-1])
    edit(repo, NAM, "tu_xep_loai: HTTNV", "tu_xep_loai: HTXSNV")
    git(repo, "commit", "-qam", "change")
    code, out = _pull_request(repo, capsys)
    assert "[cache-in-repo]" not in out
    assert code == 0, out
    assert read and all(isinstance(entries, dict) and entries for entries in read)
