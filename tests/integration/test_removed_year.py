"""A year removed from submissions/ (its retention period passed, README "Data
protection") loses everything `kiemdiem build` made of it: the organization's and every
committee's and chi bộ's site of the year, its work folders, its cache files, and its place
in every year list; a folder the build did not make is left and named. Found by a
data-protection audit: the removed year's committee-only pages stayed served, and CI
carried them forward from run to run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.loadcache import CACHE_DIR
from tests.conftest import copy_sample

GONE, KEPT = 2024, 2025


def _build(repo: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    code = main(["--repo", str(repo), "build", *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out, captured.err


def _year_folders(base: Path, year: int) -> list[str]:
    """`year`'s folders below `base`: its own and every audience root's."""
    found = [base / str(year)] if (base / str(year)).exists() else []
    found += sorted(base.glob(f"c*/*/{year}"))
    return [str(p.relative_to(base)) for p in found]


def _offered(root: Path) -> list[str]:
    return [v["version"] for v in json.loads((root / "versions.json").read_text("utf-8"))]


def _cached_years(repo: Path) -> set[str]:
    names = [p.name for p in (repo / CACHE_DIR).iterdir()]
    return {n.split("-")[1].split(".")[0] for n in names if n.startswith(("check-", "rating-"))}


def test_a_removed_year_loses_its_sites_work_and_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (GONE, KEPT))
    site, work, cache = repo / "site", repo / "build", repo / CACHE_DIR
    _build(repo, capsys=capsys)
    # what the first build made of the year that will go: every audience's site too
    gone_sites = _year_folders(site, GONE)
    assert str(GONE) in gone_sites and any(p.startswith("chi-bo/") for p in gone_sites)
    assert any(p.startswith("cap-uy/") for p in gone_sites)
    assert _year_folders(work, GONE) and _cached_years(repo) == {str(GONE), str(KEPT)}
    (cache / f"index-{GONE}-0123abcd.pickle").write_bytes(b"index")  # a full check's
    (cache / f"index-{KEPT}-0123abcd.pickle").write_bytes(b"index")
    # a folder of the year the build did not make (no marker): never deleted
    foreign = site / "chi-bo" / "ban-sao-tay" / str(GONE)
    foreign.mkdir(parents=True)
    (foreign / "index.html").write_text("bản sao, không do build tạo", "utf-8")
    kept_sites = _year_folders(site, KEPT)

    shutil.rmtree(repo / "submissions" / str(GONE))
    said, warned = _build(repo, capsys=capsys)

    assert _year_folders(site, GONE) == [f"chi-bo/ban-sao-tay/{GONE}"]
    assert (foreign / "index.html").read_text("utf-8") == "bản sao, không do build tạo"
    assert f"`site/chi-bo/ban-sao-tay/{GONE}` không mang dấu của `kiemdiem build`" in warned
    assert _year_folders(work, GONE) == []
    assert _cached_years(repo) == {str(KEPT)}
    assert sorted(p.name for p in cache.glob("index-*")) == [f"index-{KEPT}-0123abcd.pickle"]
    for digests in cache.glob("site-*.json"):
        assert str(GONE) not in json.loads(digests.read_text("utf-8"))
    # the remaining year is whole, and the only one any year list offers
    assert _year_folders(site, KEPT) == kept_sites
    assert (site / str(KEPT) / "index.html").is_file()
    roots = sorted(p.parent for p in site.glob(f"c*/*/{KEPT}"))
    assert roots and all((r / str(KEPT) / "index.html").is_file() for r in roots)
    assert _offered(site) == [str(KEPT)]
    assert all(_offered(r) == [str(KEPT)] for r in roots)
    assert f'href="{GONE}/' not in (site / "index.html").read_text("utf-8")
    # a root that held only the removed year goes, with its year list
    only_gone = {site / Path(p).parent for p in gone_sites if p.startswith("c")} - set(roots)
    assert only_gone and not [r for r in only_gone if r.exists()]
    assert said.startswith(f"Năm {GONE} không còn trong submissions/")
    assert f"{len(gone_sites)} thư mục trang" in said and "lịch sử Git" in said


def test_one_year_build_keeps_present_years_and_prunes_removed_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = copy_sample(tmp_path / "repo", (GONE, KEPT))
    site = repo / "site"
    _build(repo, "--pham-vi", "to-chuc", capsys=capsys)
    # --year builds one year: the other, still in submissions/, keeps its outputs
    said, _ = _build(repo, "--pham-vi", "to-chuc", "--year", str(KEPT), capsys=capsys)
    assert (site / str(GONE) / "index.html").is_file() and (repo / "build" / str(GONE)).is_dir()
    assert _offered(site) == [str(KEPT), str(GONE)] and "không còn trong" not in said
    assert _cached_years(repo) == {str(GONE), str(KEPT)}

    # once removed from submissions/, a one-year build deletes it too
    shutil.rmtree(repo / "submissions" / str(GONE))
    said, _ = _build(repo, "--pham-vi", "to-chuc", "--year", str(KEPT), capsys=capsys)
    assert not (site / str(GONE)).exists() and not (repo / "build" / str(GONE)).exists()
    assert _offered(site) == [str(KEPT)] and _cached_years(repo) == {str(KEPT)}
    assert (site / str(KEPT) / "index.html").is_file()
    assert f"Năm {GONE} không còn trong submissions/" in said
