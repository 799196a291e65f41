"""`.kiemdiem-cache/` is this machine's, never the repository's (generator.cachetrust): a
pull request that commits a cache file — a pickle, which runs code when read, or a forged
"no error" outcome — has it neither read nor written, and cannot pass the check."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import cachetrust, gitrepo
from generator.cli import main
from tests.conftest import MINI, write_tree
from tests.integration.test_committee_fields import FACTS, NAM, edit, git
from tests.integration.test_committee_fields import repo as repo

CACHE = ".kiemdiem-cache"


class _Payload:
    """Unpickling this writes the marker file: proof that a cache file's code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return exec, (f"open({str(self.marker)!r}, 'w').write('ran')",)


def _poison(folder: Path, marker: Path, *, index: bool = True) -> list[str]:
    """Every pickle the first full check kept, replaced by the payload (the year index is
    kept only in a Git work tree: `index`)."""
    names = sorted(p.name for p in folder.glob("*.pickle"))
    assert any(n.startswith("check-") for n in names), names
    assert any(n.startswith("index-") for n in names) == index, names
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


# Where Git cannot tell what came with the files (generator.cachetrust: a ZIP or `git
# archive` of a branch, Git missing, Git refusing the repository), a hostile-submitter
# trial ran a shipped pickle's code: the first version trusted the folder whenever Git gave
# no list. The folder is now used only if this tool made it here (its token).


def _plain_copy_with_a_poisoned_cache(tmp_path: Path) -> tuple[Path, Path]:
    """A repository as a plain folder (no Git) whose cache folder came with it: checked
    once where it was made (the tool's own folder and names), then copied elsewhere, as
    a ZIP of someone's working copy, with every pickle replaced by the payload."""
    made = write_tree(tmp_path / "made", MINI)
    assert main(["--repo", str(made), "check"]) == 0
    assert (made / CACHE / cachetrust.TOKEN).is_file()  # made here: its token
    shipped = Path(shutil.copytree(made, tmp_path / "unzipped"))
    marker = tmp_path / "ran"
    _poison(shipped / CACHE, marker, index=False)
    return shipped, marker


def test_a_cache_that_came_with_a_plain_folder_is_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shipped, marker = _plain_copy_with_a_poisoned_cache(tmp_path)
    before = {p.name: p.read_bytes() for p in (shipped / CACHE).iterdir()}
    capsys.readouterr()
    assert main(["--repo", str(shipped), "check"]) == 0
    assert not marker.exists()
    out, err = capsys.readouterr()
    assert "[cache-in-repo]" not in out  # nothing known to be committed
    # but the user is told, once, why every run reads every file again, and what to do
    assert err.count("bỏ qua thư mục bộ nhớ đệm") == 1
    assert str((shipped / CACHE).resolve()) in err and "không chứa hồ sơ" in err
    assert {p.name: p.read_bytes() for p in (shipped / CACHE).iterdir()} == before


def test_a_plain_folders_cache_from_before_the_token_is_named_and_can_be_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A cache folder an earlier version made in a plain folder has no token: it is never
    read again, and every run was cold with no word why. The note names it; once removed as
    the note says, the next run makes a folder of its own that the run after reads."""
    repo = write_tree(tmp_path / "repo", MINI)
    assert main(["--repo", str(repo), "check"]) == 0
    (repo / CACHE / cachetrust.TOKEN).unlink()  # as an earlier version left it
    capsys.readouterr()
    assert main(["--repo", str(repo), "check"]) == 0
    err = capsys.readouterr().err
    assert "bỏ qua thư mục bộ nhớ đệm" in err and f"xoá riêng thư mục {CACHE}" in err
    shutil.rmtree(repo / CACHE)  # what the note says to do
    assert main(["--repo", str(repo), "check"]) == 0
    assert "bỏ qua" not in capsys.readouterr().err
    assert cachetrust.trusted(repo)


def test_a_cache_is_not_read_when_git_cannot_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Git missing, or refusing the repository ("dubious ownership"): the committed
    folder cannot be told from the machine's own, so it is not read."""
    shipped, marker = _plain_copy_with_a_poisoned_cache(tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=shipped, check=True)
    git(shipped, "add", "-A", "-f")
    git(shipped, "commit", "-qm", "with a cache")

    def refuse(*args: object, **kwargs: object) -> object:
        raise gitrepo.GitError("fatal: detected dubious ownership in repository")

    monkeypatch.setattr(gitrepo, "_run", refuse)
    cachetrust._refused.cache_clear()
    main(["--repo", str(shipped), "check"])
    assert not marker.exists()


def test_a_plain_folders_own_cache_is_kept_between_runs(tmp_path: Path) -> None:
    """Outside Git the folder this tool made is used as before: the second check reads the
    outcomes the first kept instead of reading every file again."""
    from generator import loadcache

    repo = write_tree(tmp_path / "repo", MINI)
    assert main(["--repo", str(repo), "check"]) == 0
    (kept,) = (repo / CACHE).glob("check-*.pickle")
    ctx_files = sorted(p.name for p in (repo / CACHE).iterdir())
    assert cachetrust.trusted(repo)
    read: list[int] = []
    real = loadcache.OutcomeCache._read
    original = loadcache.OutcomeCache._read

    def counting(self: loadcache.OutcomeCache, f: object) -> None:
        original(self, f)
        read.append(len(self.entries))

    loadcache.OutcomeCache._read = counting  # type: ignore[method-assign]
    try:
        assert main(["--repo", str(repo), "check"]) == 0
    finally:
        loadcache.OutcomeCache._read = real  # type: ignore[method-assign]
    assert read and read[0] > 0
    assert kept.is_file() and sorted(p.name for p in (repo / CACHE).iterdir()) == ctx_files
