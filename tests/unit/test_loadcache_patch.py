"""The content cache appends what a run changed (generator.loadcache): a one-file change
does not write the province's outcomes again, and the file reads back as a whole rewrite
would — the same outcomes, stats and check; a torn patch only empties the cache."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from generator import loadcache, loading, loadpool, synthetic
from generator.check import load_year
from tests.conftest import ROOT
from tests.unit.test_loading import YEAR, _age, _seen


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("loadcache") / "repo"
    synthetic.generate(root, year=YEAR, ruleset="qd366-hd43", grassroots=3, chi_bo=6, members=90)
    shutil.copytree(ROOT / "schema", root / "schema")
    _age(root, 3600)
    return root


def _stream(path: Path) -> tuple[dict[str, str], dict[str, bytes], int]:
    """(path -> digest, stats, patches) of a cache file, read plainly."""
    with path.open("rb") as f:
        assert pickle.load(f) == (loadcache._VERSION,)
        entries = {}
        while (chunk := pickle.load(f)) is not None:
            entries.update({p: d for p, d, _ in chunk if d})
        _, stats = pickle.load(f)
        patches = 0
        while f.tell() < path.stat().st_size:
            _, rows, gone, changed = pickle.load(f)
            entries.update({p: d for p, d, _ in rows})
            for p in gone:
                entries.pop(p, None)
                stats.pop(p, None)
            stats.update(changed)
            patches += 1
    return entries, stats, patches


def _read_back(work: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, dict]:
    """(path -> digest, path -> digest of its stat) as `OutcomeCache` reads them."""
    seen: list[tuple[dict, dict]] = []
    real = loadcache.OutcomeCache.__init__

    def spy(self: loadcache.OutcomeCache, *args: object, **kwargs: object) -> None:
        real(self, *args, **kwargs)  # type: ignore[arg-type]
        size = loadcache._STAT.size
        seen.append(
            ({p: d for p, (d, _) in self.entries.items()},
             {p: s[size:] for p, s in self.stats.items()})
        )  # fmt: skip

    with monkeypatch.context() as mp:
        mp.setattr(loadcache.OutcomeCache, "__init__", spy)
        load_year(work, YEAR, processes=1, cache=True)
    return seen[0]


def _cache_file(work: Path) -> Path:
    (path,) = (work / loading.CACHE_DIR).glob(f"check-{YEAR}-*.pickle")
    return path


def _change(work: Path) -> None:
    members = sorted((work / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))
    text = members[3].read_text("utf-8")
    members[3].write_text(text.replace("ho_ten:", "ho_tenn:", 1), "utf-8")
    members[4].unlink()


def test_a_change_is_appended_and_reads_back_as_a_rewrite(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    load_year(work, YEAR, processes=1, cache=True)
    path = _cache_file(work)
    size = path.stat().st_size
    _change(work)
    patched = _seen(*load_year(work, YEAR, processes=1, cache=True))
    entries, stats, patches = _stream(path)
    assert patches == 1 and path.stat().st_size - size < size / 5  # a patch, not a rewrite
    # what a whole rewrite of the same tree holds
    fresh = tmp_path / "fresh"
    shutil.copytree(work, fresh, ignore=shutil.ignore_patterns(loading.CACHE_DIR))
    plain = _seen(*load_year(fresh, YEAR, processes=1))
    load_year(fresh, YEAR, processes=1, cache=True)
    whole_entries, whole_stats, whole_patches = _stream(_cache_file(fresh))
    assert whole_patches == 0
    assert entries == whole_entries
    assert {p: s[loadcache._STAT.size :] for p, s in stats.items()} == {
        p: s[loadcache._STAT.size :] for p, s in whole_stats.items()
    }
    assert patched == plain
    assert _read_back(work, monkeypatch) == _read_back(fresh, monkeypatch)
    assert _seen(*load_year(work, YEAR, processes=1, cache=True)) == plain  # read back


def test_a_torn_patch_only_empties_the_cache(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    plain_before = _seen(*load_year(work, YEAR, processes=1, cache=True))
    path = _cache_file(work)
    _change(work)
    load_year(work, YEAR, processes=1, cache=True)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size - 7)
    assert _seen(*load_year(work, YEAR, processes=1, cache=True)) == _seen(
        *load_year(work, YEAR, processes=1)
    )
    assert plain_before != _seen(*load_year(work, YEAR, processes=1))
    assert _stream(_cache_file(work))[2] == 0  # unreadable: written whole again


def test_patches_are_folded_into_a_rewrite_past_a_chunk(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    monkeypatch.setattr(loadcache, "CHUNK_ENTRIES", 3)
    load_year(work, YEAR, processes=1, cache=True)
    members = sorted((work / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))
    counts = []
    for member in members[:4]:
        member.write_text(member.read_text("utf-8") + "\n", "utf-8")
        os.utime(member, (1, 1))  # an old mtime: trusted at once
        load_year(work, YEAR, processes=1, cache=True)
        counts.append(_stream(_cache_file(work))[2])
    assert counts == [1, 2, 0, 1]


def _parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loadpool, "MIN_PARALLEL", 1)  # use the pool for this small year
    monkeypatch.setattr(loadpool, "CHUNK", 16)


def test_a_cold_parallel_load_writes_the_workers_chunks_as_they_are(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = tmp_path / "one"
    shutil.copytree(repo, one)
    plain = _seen(*load_year(one, YEAR, processes=1, cache=True))
    pooled = tmp_path / "pooled"
    shutil.copytree(repo, pooled)
    _parallel(monkeypatch)
    written: list[int] = []
    real = loadcache.Stream.chunk

    def counting(self: loadcache.Stream, blob: bytes, paths: list[str]) -> None:
        written.append(len(paths))
        real(self, blob, paths)

    monkeypatch.setattr(loadcache.Stream, "chunk", counting)
    assert _seen(*load_year(pooled, YEAR, processes=2, cache=True)) == plain
    entries, stats, patches = _stream(_cache_file(pooled))
    assert written and sum(written) == len(entries)  # every outcome came from a worker's bytes
    one_entries, one_stats, _ = _stream(_cache_file(one))
    assert (entries, patches) == (one_entries, 0)
    size = loadcache._STAT.size
    assert {p: s[size:] for p, s in stats.items()} == {p: s[size:] for p, s in one_stats.items()}
    assert _read_back(pooled, monkeypatch) == _read_back(one, monkeypatch)
    assert not list((pooled / loading.CACHE_DIR).glob("*.tmp"))
    # read back: nothing is parsed again, and the outcomes are the same
    monkeypatch.setattr(loadpool, "check_keyed", _never)
    assert _seen(*load_year(pooled, YEAR, processes=2, cache=True)) == plain


def _never(*args: object) -> None:
    raise AssertionError("parsed again")


def _stop(*args: object) -> None:
    raise KeyboardInterrupt  # Ctrl+C half-way through a cold load


def test_a_load_stopped_half_way_keeps_the_old_cache(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    load_year(work, YEAR, processes=1, cache=True)
    before = _cache_file(work).read_bytes()
    for member in sorted((work / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml")):
        member.write_text(member.read_text("utf-8") + "\n", "utf-8")  # every file changed
    _parallel(monkeypatch)
    monkeypatch.setattr(loadcache, "CHUNK_ENTRIES", 3)  # so the load streams a rewrite
    monkeypatch.setattr(loadcache.OutcomeCache, "put", _stop)  # once a chunk is streamed
    with pytest.raises(KeyboardInterrupt):
        load_year(work, YEAR, processes=2, cache=True)
    assert _cache_file(work).read_bytes() == before
    assert not list((work / loading.CACHE_DIR).glob("*.tmp"))
