"""Loading at province size (generator.loading): worker processes, the content cache and
compact records give exactly what one plain pass gives — the same findings at the same
positions, the same records and ratings."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from generator import loadcache, loading, loadpool, synthetic
from generator.check import load_year
from generator.findings import CheckResult, Position
from generator.rules import rate_years
from generator.submissions.year import Year
from tests.conftest import ROOT

YEAR = 2025


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic year with a broken file, a schema error and a cross-file error."""
    root = tmp_path_factory.mktemp("loading") / "repo"
    summary = synthetic.generate(
        root, year=YEAR, ruleset="qd366-hd43", grassroots=4, chi_bo=9, members=150
    )
    shutil.copytree(ROOT / "schema", root / "schema")
    members = sorted((root / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))
    assert len(members) == summary.members
    members[0].write_text("ho_ten: [không đóng\n", encoding="utf-8")  # YAML syntax
    text = members[1].read_text(encoding="utf-8")
    members[1].write_text(text.replace("ho_ten:", "ho_tenn:", 1), encoding="utf-8")  # schema
    text = members[2].read_text(encoding="utf-8")
    members[2].write_text(  # a member id that is not the file name: cross-file, positioned
        text.replace(f"ma_dang_vien: {members[2].stem}", "ma_dang_vien: dv-khac", 1),
        encoding="utf-8",
    )
    return root


def _seen(year: Year, result: CheckResult) -> tuple[list[tuple[object, ...]], dict[str, object]]:
    findings = [(f.code, f.path, f.position, f.message, f.hint) for f in result.findings]
    verdicts = rate_years({YEAR: year})[YEAR]
    finals = {m: (v.rated, v.final, v.ceiling) for m, v in verdicts.members.items()}
    return findings, {"members": sorted(year.members), "orgs": sorted(year.orgs), **finals}


def test_the_fixture_has_each_kind_of_finding(repo: Path) -> None:
    _, result = load_year(repo, YEAR, processes=1)
    codes = {f.code for f in result.findings}
    assert "yaml-syntax" in codes
    assert "id-mismatch-file" in codes
    assert any(c.startswith("schema-") for c in codes), codes


def test_worker_processes_give_what_one_pass_gives(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = _seen(*load_year(repo, YEAR, processes=1))
    monkeypatch.setattr(loadpool, "MIN_PARALLEL", 1)  # use the pool for this small year
    monkeypatch.setattr(loadpool, "CHUNK", 16)
    parallel = _seen(*load_year(repo, YEAR, processes=2))
    assert parallel == plain
    mismatch = [f for f in plain[0] if f[0] == "id-mismatch-file"]
    assert mismatch and mismatch[0][2] == Position(1, 15)  # recovered from the file


def test_a_warm_cache_gives_what_a_cold_one_gives(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    plain = _seen(*load_year(work, YEAR, processes=1))
    cold = _seen(*load_year(work, YEAR, processes=1, cache=True))
    assert list((work / loading.CACHE_DIR).glob("check-2025-*.pickle"))
    warm = _seen(*load_year(work, YEAR, processes=1, cache=True))
    assert cold == plain
    assert warm == plain


def test_a_changed_file_is_checked_again_with_a_warm_cache(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    load_year(work, YEAR, processes=1, cache=True)
    member = sorted((work / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[5]
    text = member.read_text(encoding="utf-8")
    member.write_text(text.replace("ho_ten:", "ho_tenn:", 1), encoding="utf-8")
    _, result = load_year(work, YEAR, processes=1, cache=True)
    rel = member.relative_to(work).as_posix()
    assert any(f.path == rel and f.code.startswith("schema-") for f in result.findings)
    assert rel not in [m for m in load_year(work, YEAR, processes=1)[0].members]


def test_a_changed_schema_invalidates_the_cache(repo: Path, tmp_path: Path) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    load_year(work, YEAR, processes=1, cache=True)
    before = set((work / loading.CACHE_DIR).glob("*.pickle"))
    schema = work / "schema" / "dang-vien.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_year(work, YEAR, processes=1, cache=True)
    after = set((work / loading.CACHE_DIR).glob("*.pickle"))
    assert len(after) == 1 and after != before  # a new context, the old one removed


def _age(root: Path, seconds: int) -> None:
    """Set every submitted file's mtime `seconds` into the past (a checkout made earlier)."""
    then = time.time() - seconds
    for f in (root / "submissions").rglob("*.yaml"):
        os.utime(f, (then, then))


def _count_hashes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the cache reads to hash from now on."""
    hashed: list[str] = []
    real = loadcache.hash_file

    def counting(full: Path) -> str:
        hashed.append(full.name)
        return real(full)

    monkeypatch.setattr(loadcache, "hash_file", counting)
    return hashed


def test_an_unchanged_file_is_not_read_to_be_hashed_again(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    _age(work, 3600)
    load_year(work, YEAR, processes=1, cache=True)
    hashed = _count_hashes(monkeypatch)
    load_year(work, YEAR, processes=1, cache=True)
    assert hashed == []  # every stat unchanged: no file read to hash
    # same size, mtime put back as a copy tool would: the ctime still tells
    member = sorted((work / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[7]
    st = member.stat()
    text = member.read_text(encoding="utf-8")
    member.write_text(text.replace("ho_ten:", "ho_tex:", 1), encoding="utf-8")
    os.utime(member, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert member.stat().st_size == st.st_size
    _, result = load_year(work, YEAR, processes=1, cache=True)
    assert len(hashed) == 1
    rel = member.relative_to(work).as_posix()
    assert any(f.path == rel and f.code.startswith("schema-") for f in result.findings)


def test_a_stat_taken_just_before_the_cache_was_written_is_not_trusted(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "repo"
    shutil.copytree(repo, work)
    _age(work, 3600)
    member = sorted((work / "submissions" / str(YEAR)).rglob("dang-vien/*.yaml"))[9]
    os.utime(member, None)  # written now: within RACY_NS of the cache's writing
    load_year(work, YEAR, processes=1, cache=True)
    hashed = _count_hashes(monkeypatch)
    load_year(work, YEAR, processes=1, cache=True)
    assert len(hashed) == 1  # that one file is hashed again, no other


def test_positions_are_read_again_only_for_files_with_findings(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refilled: list[str] = []
    real = loading.loads

    def counting(data: bytes, **kw: Any) -> Any:
        refilled.append("")
        return real(data, **kw)

    # what CompactDocument reads a file again with (files are first read by check.files)
    monkeypatch.setattr(loading, "loads", counting)
    year, result = load_year(repo, YEAR, processes=1)
    rate_years({YEAR: year})
    assert 0 < len(refilled) <= len({f.path for f in result.findings})


def test_the_workers_yield_the_processor_to_the_process_taking_their_results(
    repo: Path,
) -> None:
    """On as many cores as workers, the parent (which unpickles every result) must not wait
    its turn behind them: they run at a lower priority (`WORKER_NICENESS`)."""
    from concurrent.futures import ProcessPoolExecutor

    from generator.check import year_head
    from generator.check.schemas import SchemaSet
    from generator.submissions.layout import Kind, walk_year

    year_files = [f for f in walk_year(repo, YEAR) if f.kind is Kind.YEAR]
    ctx = year_head(repo, year_files, SchemaSet(repo / "schema"), None).ctx
    with ProcessPoolExecutor(1, initializer=loadpool._init_worker, initargs=(ctx,)) as pool:
        worker = pool.submit(os.nice, 0).result()
    assert worker == min(19, os.nice(0) + loadpool.WORKER_NICENESS)
    assert loadpool.WORKER_NICENESS > 0


def test_a_file_is_hashed_by_its_path_and_still_compared_whole() -> None:
    from generator.submissions.layout import Kind, SubmissionFile, classify

    rel = "submissions/2025/chi-bo-a/dang-vien/dv-1.yaml"
    member = classify(rel)
    assert member.kind is Kind.MEMBER
    same = SubmissionFile(rel, Kind.MEMBER, 2025, member.org_folder)
    other_kind = SubmissionFile(rel, Kind.UNKNOWN, 2025, member.org_folder)
    assert hash(same) == hash(member) == hash(rel)
    assert {member: "x"}[same] == "x"
    assert other_kind != member and other_kind not in {member: "x"}
