"""The walk and the stats taken in a second process while the load cache is read
(generator.scan): a warm load gives exactly what walking in the loading process gives —
the same files, findings, records and digests — and the stats it uses are the ones taken
ahead, before any file was read."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from generator import loadcache, scan, synthetic
from generator.check import load_year
from generator.findings import CheckResult
from generator.submissions.year import Year
from tests.conftest import ROOT

YEAR = 2025


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic year, a broken file and a schema error among its files."""
    root = tmp_path_factory.mktemp("scan") / "repo"
    synthetic.generate(root, year=YEAR, ruleset="qd366-hd43", grassroots=3, chi_bo=7, members=90)
    shutil.copytree(ROOT / "schema", root / "schema")
    members = sorted((root / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))
    members[0].write_text("ho_ten: [không đóng\n", encoding="utf-8")
    text = members[1].read_text(encoding="utf-8")
    members[1].write_text(text.replace("ho_ten:", "ho_tenn:", 1), encoding="utf-8")
    then = time.time() - 3600  # checked out an hour ago: every stat is trusted
    for f in (root / "submissions").rglob("*.yaml"):
        os.utime(f, (then, then))
    return root


def _seen(year: Year, result: CheckResult) -> tuple[Any, ...]:
    findings = [(f.code, f.path, f.position, f.message) for f in result.findings]
    members = {m: (r.name, r.org_id, r.source and r.source.path) for m, r in year.members.items()}
    return (
        [(f.path, f.kind, f.org_folder) for f in year.files],
        findings,
        members,
        sorted(year.orgs),
        dict(year.digests),
        year.config.root if year.config else None,
    )


@pytest.fixture
def ahead(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Walk ahead whatever the cache's size; the pids of the scanning children started."""
    monkeypatch.setattr(scan, "AHEAD_BYTES", 0)
    started: list[int] = []
    real = scan.ScanAhead.start.__func__  # type: ignore[attr-defined]

    def start(cls: type[scan.ScanAhead], repo: Path, year: int) -> scan.ScanAhead | None:
        child = real(cls, repo, year)
        if child is not None:
            started.append(child.pid)
        return child

    monkeypatch.setattr(scan.ScanAhead, "start", classmethod(start))
    return started


def _warm(repo: Path, tmp_path: Path) -> Path:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    load_year(work, YEAR, processes=1, cache=True)  # cold: writes the cache
    return work


def _parent_stats(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files this process (not a forked child) takes a stat of from now on."""
    taken: list[str] = []
    parent, real = os.getpid(), loadcache.stat_key

    def counting(root: str, path: str) -> bytes | None:
        if os.getpid() == parent:
            taken.append(path)
        return real(root, path)

    monkeypatch.setattr(loadcache, "stat_key", counting)
    monkeypatch.setattr(scan, "stat_key", counting)
    return taken


def test_a_warm_load_walking_ahead_gives_what_walking_here_gives(
    repo: Path, tmp_path: Path, ahead: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    work = _warm(repo, tmp_path)
    monkeypatch.setattr(scan, "AHEAD_BYTES", 1 << 62)
    here = _seen(*load_year(work, YEAR, processes=1, cache=True))
    assert ahead == []
    monkeypatch.setattr(scan, "AHEAD_BYTES", 0)
    taken = _parent_stats(monkeypatch)
    walked = _seen(*load_year(work, YEAR, processes=1, cache=True))
    assert len(ahead) == 1
    assert walked == here
    assert len(walked[0]) > 100 and walked[4]  # files walked, digests kept
    assert taken == []  # every file's stat was taken by the child, none here


def test_a_file_changed_since_the_cache_was_written_is_read_again(
    repo: Path, tmp_path: Path, ahead: list[int]
) -> None:
    work = _warm(repo, tmp_path)
    member = sorted((work / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[4]
    text = member.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("ho_ten: "))
    member.write_text(text.replace(name, f"{name} Mới"), encoding="utf-8")
    year, _ = load_year(work, YEAR, processes=1, cache=True)
    assert len(ahead) == 1
    record = year.members[member.stem]
    assert record.name == f"{name[len('ho_ten: ') :]} Mới"


def test_a_failed_scan_falls_back_to_walking_here(
    repo: Path, tmp_path: Path, ahead: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    work = _warm(repo, tmp_path)
    expected = _seen(*load_year(work, YEAR, processes=1, cache=True))

    def failed(self: scan.ScanAhead, year: int) -> Any:
        self.child.join()  # what it sent is thrown away, as if it had failed
        return None

    monkeypatch.setattr(scan.ScanAhead, "join", failed)
    assert _seen(*load_year(work, YEAR, processes=1, cache=True)) == expected


def test_a_year_file_not_where_it_was_looked_for_is_read_from_the_walk(
    repo: Path, tmp_path: Path, ahead: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    work = _warm(repo, tmp_path)
    expected = _seen(*load_year(work, YEAR, processes=1, cache=True))
    monkeypatch.setattr(scan, "year_files_ahead", lambda repo, year: [])
    # guessed wrong: no year file, so no ruleset and another cache — the walk's corrects it
    assert _seen(*load_year(work, YEAR, processes=1, cache=True)) == expected


def test_the_year_file_is_predicted_as_the_walk_finds_it(tmp_path: Path) -> None:
    base = tmp_path / "submissions" / str(YEAR)
    base.mkdir(parents=True)
    assert scan.year_files_ahead(tmp_path, YEAR) == []
    (base / "nam-danh-gia.yaml").write_text("nam: 2025\n", encoding="utf-8")
    assert scan.year_files_ahead(tmp_path, YEAR) == [
        f for f in scan.scan(tmp_path, YEAR).files if f.kind.value == "year"
    ]
    (base / "nam-danh-gia.yaml").unlink()
    (base / "nam-danh-gia.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    assert scan.year_files_ahead(tmp_path, YEAR) == []
    assert [f.kind.value for f in scan.scan(tmp_path, YEAR).files] == ["symlink"]
