"""A cold load's workers make the year index's entries from the bytes they read
(generator.check.yearindex.entry_of): the index Git's listing gives, without asking Git;
a file changed since the commit is keyed by its own bytes (never by the committed blob);
a SHA-256 repository is still listed by Git."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator import gitrepo, loadpool, synthetic
from generator.check import YearLoad, load_year, scoped, yearindex
from generator.check.run import Selection, check_repo
from generator.check.scoped import Changes
from tests.conftest import finding_keys

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True)
    return done.stdout


def _repo(base: Path, *init: str) -> Path:
    synthetic.generate(base, year=YEAR, ruleset="qd366-hd43", grassroots=3, chi_bo=9,
                       members=90, seed=13)  # fmt: skip
    shutil.copytree(ROOT / "schema", base / "schema")
    (base / ".gitignore").write_text("/.kiemdiem-cache/\n")
    _git(base, "init", "-q", *init)
    _git(base, "add", "-A")
    _git(base, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return base


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return _repo(tmp_path / "repo")


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Loads of this small year in worker processes; counts Git's listings."""
    monkeypatch.setattr(loadpool, "MIN_PARALLEL", 1)
    monkeypatch.setattr(loadpool, "CHUNK", 16)
    listed: list[int] = []
    real = gitrepo.worktree_blobs

    def counting(repo: Path, folder: str) -> dict[str, str]:
        listed.append(1)
        return real(repo, folder)

    monkeypatch.setattr(gitrepo, "worktree_blobs", counting)
    return listed


def _index(repo: Path, processes: int) -> Any:
    shutil.rmtree(repo / ".kiemdiem-cache", ignore_errors=True)
    sink: dict[int, YearLoad] = {}
    load_year(repo, YEAR, sink=sink, cache=True, processes=processes)
    yearindex.save_after_full_load(repo, sink)
    return yearindex.read_index(repo, YEAR, sink[YEAR].ctx)


def test_the_workers_index_is_gits(repo: Path, pooled: list[int]) -> None:
    from_workers = _index(repo, 2)
    assert pooled == []  # Git was not asked for the blobs
    from_git = _index(repo, 1)
    assert pooled == [1]
    assert from_workers == from_git
    assert len(from_git) > 100
    staged = {}  # `git ls-files -s`: "mode blob stage<TAB>path"
    for line in _git(repo, "ls-files", "-s").splitlines():
        meta, path = line.split("\t", 1)
        staged[path] = meta.split()[1]
    assert all(staged[path] == blob for path, (blob, _) in from_workers.items())


def test_a_file_changed_since_the_commit_is_keyed_by_its_bytes(
    repo: Path, pooled: list[int]
) -> None:
    member = sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[5]
    rel = member.relative_to(repo).as_posix()
    committed = _git(repo, "rev-parse", f"HEAD:{rel}").strip()
    member.write_text(member.read_text("utf-8").replace("ho_ten: ", "ho_ten:  ", 1), "utf-8")
    from_workers = _index(repo, 2)
    assert from_workers[rel][0] == _git(repo, "hash-object", rel).strip() != committed
    assert rel not in _index(repo, 1)  # Git's listing leaves out a file it sees modified


def test_a_scoped_check_after_a_cold_pooled_check(
    repo: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index the workers wrote bounds a pull request's check: the findings of the full
    check, fewer files loaded."""
    monkeypatch.setattr(scoped, "MAX_SHARE", 0.9)
    check_repo(repo)
    assert pooled == []
    member = sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[-1]
    member.write_text(member.read_text("utf-8").replace("ho_ten: ", "ho_ten:  ", 1), "utf-8")
    base, changes = gitrepo.changes(repo, "HEAD")
    paths = [c.path for c in changes]
    touched = frozenset(c.path for c in changes)
    scope = check_repo(repo, Selection(paths), changes=Changes(base, touched))
    full = check_repo(repo, Selection(paths))
    assert scope.full_load == ""
    assert finding_keys(scope.result.findings) == finding_keys(full.result.findings)
    assert len(scope.years[YEAR].files) < len(full.years[YEAR].files)


def test_a_sha256_repository_is_listed_by_git(tmp_path: Path, pooled: list[int]) -> None:
    repo = _repo(tmp_path / "sha256", "--object-format=sha256")
    assert gitrepo.object_format(repo) == "sha256"
    index = _index(repo, 2)
    assert pooled == [1]
    assert index and all(len(blob) == 64 for blob, _ in index.values())


def test_outside_git_no_index_is_written(tmp_path: Path, pooled: list[int]) -> None:
    repo = tmp_path / "plain"
    synthetic.generate(repo, year=YEAR, ruleset="qd366-hd43", grassroots=2, chi_bo=4,
                       members=30, seed=13)  # fmt: skip
    shutil.copytree(ROOT / "schema", repo / "schema")
    with pytest.raises(gitrepo.GitError):
        gitrepo.object_format(repo)
    assert _index(repo, 2) is None


def test_a_warm_load_keeps_the_index_and_remakes_only_changed_entries(
    repo: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a full load from the cache, the facts of a file whose blob the kept index
    already names are not made again, and an unchanged index is not written again; a
    committed change gets an entry of its new bytes, with facts made from its record."""
    first = _index(repo, 1)
    sink: dict[int, YearLoad] = {}
    load_year(repo, YEAR, sink=sink, cache=True, processes=1)
    path = yearindex.index_path(repo, YEAR, sink[YEAR].ctx)
    before = path.stat()
    made: list[str] = []
    real = yearindex.facts_of

    def counting(kind: Any, rel: str, record: Any) -> Any:
        made.append(rel)
        return real(kind, rel, record)

    monkeypatch.setattr(yearindex, "facts_of", counting)
    yearindex.save_after_full_load(repo, sink)
    assert made == []
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert yearindex.read_index(repo, YEAR, sink[YEAR].ctx) == first

    member = sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[3]
    rel = member.relative_to(repo).as_posix()
    text = member.read_text("utf-8")
    name = text.split("ho_ten: ", 1)[1].split("\n", 1)[0]
    member.write_text(text.replace(f"ho_ten: {name}", "ho_ten: Lê Văn Khác", 1), "utf-8")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "rename")
    sink = {}
    load_year(repo, YEAR, sink=sink, cache=True, processes=1)
    yearindex.save_after_full_load(repo, sink)
    assert made == [rel]
    index = yearindex.read_index(repo, YEAR, sink[YEAR].ctx)
    assert index is not None
    assert index[rel][0] == _git(repo, "rev-parse", f"HEAD:{rel}").strip() != first[rel][0]
    assert index[rel][1] is not None and index[rel][1] != first[rel][1]  # a new person digest
    assert {p: e for p, e in index.items() if p != rel} == {
        p: e for p, e in first.items() if p != rel
    }
