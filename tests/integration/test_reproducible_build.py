"""Two builds of the same inputs give the same site, byte for byte (a reproducible build):
the statistics sheets (generator.statistics.xlsxfile: openpyxl dated them to the second)
and the search bundles (generator.site.search.record_item: Pagefind wrote a filter's
values in no fixed order) included."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from generator.site import search_layout
from generator.site.build import BuildOptions, build_site
from tests.conftest import copy_sample

YEAR = 2025
COMMITTEE = "dang-bo-xa-an-son"  # decides for its chi bộ: its site has the statistics sheet
EPOCH = 1767225600  # SOURCE_DATE_EPOCH: 2026-01-01, the sheets' and the sitemap's day


def _build(base: Path) -> dict[str, bytes]:
    """A clean build of the sample's year (a copy of its own, its own work folder): the
    organization's site, its search split into bundles as a province's is (name parts,
    full-text shards, pages), and one committee's site. Every file's bytes by path."""
    repo = copy_sample(base / "repo", (YEAR,))
    out = base / "site"
    options = BuildOptions(
        repo=repo, out=out, project=repo, years=[YEAR], force=True, work=base / "work",
        audiences=("to-chuc", "cap-uy"), only=COMMITTEE,
    )  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_layout, "SHARD_MEMBERS", 6)
        patch.setattr(search_layout, "SINGLE_MEMBERS", 6)
        build_site(options)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_two_builds_of_the_same_inputs_are_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))  # the same day, whenever this runs
    first = _build(tmp_path / "a")
    sheets = sorted(rel for rel in first if rel.endswith(".xlsx"))
    assert sheets and any(rel.startswith(f"cap-uy/{COMMITTEE}/") for rel in sheets)
    index = f"{YEAR}/pagefind/"  # the organization's, split into bundles
    assert index + search_layout.MANIFEST in first
    assert any(rel.startswith(f"{index}{search_layout.SHARDS_DIR}/") for rel in first)
    # a sheet written now would be dated now (to two seconds in its zip): the second build
    # starts two seconds after the first one's sheets at least
    written = max((tmp_path / "a" / "site" / rel).stat().st_mtime for rel in sheets)
    time.sleep(max(0.0, written + 2.0 - time.time()))
    second = _build(tmp_path / "b")
    assert sorted(second) == sorted(first)  # Pagefind's file names are hashes of their bytes
    assert [rel for rel in sorted(first) if first[rel] != second[rel]] == []
    with zipfile.ZipFile(io.BytesIO(first[sheets[0]])) as book:
        assert {info.date_time for info in book.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert core.count("2026-01-01T00:00:00Z") == 2  # created, modified
