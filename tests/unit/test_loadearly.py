"""A cold load's workers start on the files the walk has found while it walks on
(generator.loadearly): the same outcomes as a load in one process, the chunks submitted
before the walk ended, and dropped — the files read as before — whenever what is asked
for is not exactly what was fed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from generator import loading, loadpool, synthetic
from generator.check import load_year
from generator.loadearly import EarlyChunks
from generator.submissions import layout

ROOT = Path(__file__).resolve().parents[2]
YEAR = 2025


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("early")
    synthetic.generate(repo, year=YEAR, ruleset="qd366-hd43", grassroots=4, chi_bo=12,
                       members=150, seed=7)  # fmt: skip
    shutil.copytree(ROOT / "schema", repo / "schema")
    return repo


@pytest.fixture
def repo(base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(loadpool, "MIN_PARALLEL", 40)  # a pool for this small year
    monkeypatch.setattr(loadpool, "CHUNK", 16)
    copy = tmp_path / "repo"
    shutil.copytree(base, copy)
    return copy


def _seen(year: Any, result: Any) -> tuple[Any, ...]:
    members = {m: (r.name, r.self_level, r.org_id) for m, r in year.members.items()}
    return members, sorted(year.orgs), [(f.code, f.path, f.line) for f in result.findings]


class _Watch:
    """When chunks were submitted (walk still going or not) and whether `run` took them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.walking = False
        self.submitted_walking = 0
        self.taken: list[bool] = []
        real_walk, real_submit, real_take = (
            layout._walk, EarlyChunks._submit, EarlyChunks.take)  # fmt: skip
        watch = self

        def walk(*args: Any, **kw: Any) -> None:
            outer = not watch.walking
            watch.walking = True
            try:
                real_walk(*args, **kw)
            finally:
                if outer:
                    watch.walking = False

        def submit(self: EarlyChunks, *, full_only: bool) -> None:
            before = len(self.futures)
            real_submit(self, full_only=full_only)
            if watch.walking:
                watch.submitted_walking += len(self.futures) - before

        def take(self: EarlyChunks, files: list[layout.SubmissionFile]) -> Any:
            taken = real_take(self, files)
            watch.taken.append(taken is not None)
            return taken

        monkeypatch.setattr(layout, "_walk", walk)
        monkeypatch.setattr(EarlyChunks, "_submit", submit)
        monkeypatch.setattr(EarlyChunks, "take", take)


def test_the_workers_start_during_the_walk_with_the_same_outcomes(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _seen(*load_year(repo, YEAR, processes=1))
    watch = _Watch(monkeypatch)
    assert _seen(*load_year(repo, YEAR, processes=2, cache=True)) == plain
    assert watch.taken == [True]
    assert watch.submitted_walking >= 3  # of ~12 chunks: submitted before the walk ended


def test_a_warm_cache_decides_file_by_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_year(repo, YEAR, processes=2, cache=True)
    watch = _Watch(monkeypatch)
    first = next(iter(sorted((repo / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))))
    first.write_text(first.read_text("utf-8").replace("ho_ten: ", "ho_ten:  ", 1), "utf-8")
    again = load_year(repo, YEAR, processes=2, cache=True)
    assert watch.taken == [] and watch.submitted_walking == 0
    assert _seen(*again) == _seen(*load_year(repo, YEAR, processes=1))


def test_files_not_fed_are_read_as_before(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`run` asked for other files than the walk fed (here: one left out): the early
    chunks are dropped, and the outcomes are those of the files asked for."""
    real_run = loadpool.FileLoader.run

    def fewer(self: loadpool.FileLoader, files: list[Any], progress: Any = None) -> Any:
        return [*real_run(self, files[:-1], progress), loading.check_one(files[-1], self.ctx,
                                                                         self.schemas)]  # fmt: skip

    plain = _seen(*load_year(repo, YEAR, processes=1))
    watch = _Watch(monkeypatch)
    monkeypatch.setattr(loadpool.FileLoader, "run", fewer)
    assert _seen(*load_year(repo, YEAR, processes=2, cache=True)) == plain
    assert watch.taken == [False]


def test_a_walk_that_fails_leaves_no_pool(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[EarlyChunks] = []
    real_start = EarlyChunks.start

    def start(loader: Any) -> EarlyChunks | None:
        early = real_start(loader)
        if early is not None:
            made.append(early)
        return early

    under_way: list[int] = []
    real_walk = layout._walk

    def failing(*args: Any, **kw: Any) -> None:
        if made and made[0].futures and not under_way:  # chunks are under way: fail now
            under_way.append(len(made[0].futures))
            raise OSError("disk gone")
        real_walk(*args, **kw)

    monkeypatch.setattr(EarlyChunks, "start", staticmethod(start))
    monkeypatch.setattr(layout, "_walk", failing)
    with pytest.raises(OSError, match="disk gone"):
        load_year(repo, YEAR, processes=2, cache=True)
    assert under_way and under_way[0] >= 1
    assert made[0].pool is None and made[0].futures == []
