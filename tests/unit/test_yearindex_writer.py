"""The year index of a full check is written by a forked child while the check rates
(generator.check.yearindex.IndexWriter): the same index as written here, here when no
child can be forked, and a child's failure is not hidden."""

from __future__ import annotations

import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from generator import synthetic
from generator.check import YearLoad, load_year, yearindex
from generator.check.run import check_repo

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic year, committed to Git (the index keys files by blob id)."""
    repo = tmp_path_factory.mktemp("yearindex")
    synthetic.generate(repo, year=YEAR, ruleset="qd366-hd43", grassroots=3, chi_bo=8,
                       members=60, seed=5)  # fmt: skip
    shutil.copytree(ROOT / "schema", repo / "schema")
    (repo / ".gitignore").write_text("/.kiemdiem-cache/\n")
    for args in (["init", "-q"], ["add", "-A"],
                 ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"]):  # fmt: skip
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)
    return repo


def _sink(repo: Path) -> dict[int, YearLoad]:
    sink: dict[int, YearLoad] = {}
    load_year(repo, YEAR, sink=sink)
    return sink


def _index(repo: Path, sink: dict[int, YearLoad]) -> yearindex.Entries | None:
    return yearindex.read_index(repo, YEAR, sink[YEAR].ctx)


def _clear(repo: Path) -> None:
    shutil.rmtree(repo / ".kiemdiem-cache", ignore_errors=True)


def test_the_child_writes_the_index_written_here(repo: Path) -> None:
    sink = _sink(repo)
    _clear(repo)
    yearindex.save_after_full_load(repo, sink)
    here = _index(repo, sink)
    assert here is not None and len(here) > 60  # every member file and more, by blob id
    _clear(repo)
    writer = yearindex.IndexWriter(repo, sink)
    writer.start()
    assert writer.child is not None  # forked: no other thread runs here
    writer.finish()
    assert writer.forked
    assert _index(repo, sink) == here


def test_no_fork_while_threads_run_the_index_is_written_here(repo: Path) -> None:
    sink = _sink(repo)
    _clear(repo)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        writer = yearindex.IndexWriter(repo, sink)
        writer.start()
        assert writer.child is None
        writer.finish()
    finally:
        stop.set()
        thread.join()
    assert not writer.forked
    assert _index(repo, sink)


def test_a_failing_child_fails_the_check_here(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child's error is raised again in this process (the child says nothing: it
    leaves by os._exit), never an index silently missing."""
    sink = _sink(repo)

    def broken(repo: Path, sink: dict[int, YearLoad]) -> None:
        raise RuntimeError("index broken")

    monkeypatch.setattr(yearindex, "save_after_full_load", broken)
    writer = yearindex.IndexWriter(repo, sink)
    writer.start()
    assert writer.child is not None
    with pytest.raises(RuntimeError, match="index broken"):
        writer.finish()
    assert not writer.forked


def test_a_full_check_leaves_the_index(repo: Path) -> None:
    _clear(repo)
    check_repo(repo)
    assert _index(repo, _sink(repo))
