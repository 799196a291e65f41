"""Incremental build by organization (issue 11 item 2, generator.site.incremental).

One member's file changes; the next `build` renders again only the organizations whose
pages show something that changed, and MkDocs rebuilds only the pages whose Markdown
changed. What must hold:

- the pages that show the member show the new value;
- the site equals a build from scratch of the changed repository, file by file;
- every page whose bytes did not change was not written again (its mtime is the same),
  and the organizations not concerned were not rendered again.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.commands.serve import render_once
from generator.site import incremental, search
from generator.site.build import BuildOptions, SiteResult, build_site
from generator.site.incremental import KEYS
from tests.conftest import copy_sample

YEAR = 2025
CHI_BO = "dang-bo-tinh-hoa-lam/dang-bo-cong-ty-che-mau-son/chi-bo-phan-xuong-che-bien"
MEMBER = f"submissions/{YEAR}/{CHI_BO}/dang-vien/dv-103015.yaml"
OLD_NAME, NEW_NAME = "Hầu Thị Liên", "Hầu Thị Liên Hoa"
# written by every MkDocs build, dirty or not, or by every build (the editor, the stamp)
ALWAYS = ("sitemap.xml", "sitemap.xml.gz", "404.html", ".kiemdiem-built", ".kiemdiem-site")


def _build(repo: Path, out: Path, work: Path, *, force: bool = False) -> SiteResult:
    options = BuildOptions(repo=repo, out=out, project=repo, years=[YEAR], work=work, force=force)
    return build_site(options)


def _files(site: Path) -> dict[str, Path]:
    return {
        p.relative_to(site).as_posix(): p
        for p in site.rglob("*")
        if p.is_file()
        and search.INDEX_DIR not in p.relative_to(site).parts
        and p.name != incremental.STAMP  # only an incremental build leaves one
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    repo = tmp_path_factory.mktemp("incremental") / "repo"
    copy_sample(repo, (2024, YEAR))
    site = repo / "site" / str(YEAR)
    _build(repo, repo / "site", repo / "build")
    before = {rel: (p.read_bytes(), p.stat().st_mtime_ns) for rel, p in _files(site).items()}
    member = repo / MEMBER
    member.write_text(member.read_text("utf-8").replace(OLD_NAME, NEW_NAME), "utf-8")
    result = _build(repo, repo / "site", repo / "build")
    fresh = _build(repo, repo / "fresh", repo / "fresh-build", force=True)
    return {"repo": repo, "site": site, "before": before, "result": result, "fresh": fresh}


def test_the_member_s_page_shows_the_new_value(built: dict[str, object]) -> None:
    site = built["site"]
    assert isinstance(site, Path)
    page = (site / "to-chuc" / CHI_BO.rsplit("/", 1)[1] / "index.html").read_text("utf-8")
    assert NEW_NAME in page
    records = search.read_records(site)
    assert any(NEW_NAME in str(r.get("meta")) for r in records)
    assert not any(f"{OLD_NAME}<" in str(r.get("meta")) for r in records)


def test_incremental_equals_a_build_from_scratch(built: dict[str, object]) -> None:
    site, repo = built["site"], built["repo"]
    assert isinstance(site, Path) and isinstance(repo, Path)
    ours, fresh = _files(site), _files(repo / "fresh" / str(YEAR))
    assert sorted(ours) == sorted(fresh)
    differ = [rel for rel in ours if ours[rel].read_bytes() != fresh[rel].read_bytes()]
    assert not differ
    # the search index holds the same records
    key = lambda r: str(r["url"])  # noqa: E731
    assert sorted(search.read_records(site), key=key) == sorted(
        search.read_records(repo / "fresh" / str(YEAR)), key=key
    )


def test_only_changed_pages_are_rendered_and_written(built: dict[str, object]) -> None:
    site, before, result = built["site"], built["before"], built["result"]
    assert isinstance(site, Path) and isinstance(before, dict) and isinstance(result, SiteResult)
    (year,) = result.years
    assert year.dirty  # MkDocs rebuilt only the changed pages
    assert year.orgs_kept > 0
    changed, rewritten = set(), set()
    for rel, path in _files(site).items():
        data, mtime = before.get(rel, (None, None))
        if data is None or path.read_bytes() != data:
            changed.add(rel)
        if path.stat().st_mtime_ns != mtime:
            rewritten.add(rel)
    # the chi bộ's page shows the member (and nothing else of this year's pages does)
    assert f"to-chuc/{CHI_BO.rsplit('/', 1)[1]}/index.html" in changed
    assert changed <= rewritten
    unexpected = {
        rel
        for rel in rewritten - changed
        if not rel.endswith(ALWAYS) and not rel.startswith(("soan-thao/", "thong-ke/thong-ke-"))
    }
    assert not unexpected, sorted(unexpected)[:20]


def test_serve_keeps_the_same_render_keys(built: dict[str, object]) -> None:
    """`serve` renders incrementally too, from the same keys as `build`."""
    repo = built["repo"]
    assert isinstance(repo, Path)
    docs = repo / "build" / str(YEAR) / "docs"
    keys = (docs.parent / KEYS).read_bytes()
    stamp = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    assert render_once(repo, repo, YEAR, docs) == 0  # nothing changed since the build
    assert (docs.parent / KEYS).read_bytes() == keys
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")} == stamp
    os.utime(docs)  # keep the fixture's folder usable for the other tests
