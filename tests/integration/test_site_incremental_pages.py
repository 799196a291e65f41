"""Incremental year-wide pages (issue 11 item 2, generator.site.incremental): the tree and
the statistics are paged, and each of their pages is rendered again only when what it
shows changed.

With 3 rows a page, the sample's 9 organizations fill 3 tree pages and 3 statistics
pages. One chi bộ is renamed and one of its members' file is deleted (the counts of the
chi bộ and its ancestors change, and so may verdicts under a quota; the tree's last page
shows none of them). What must hold:

- the site equals a build from scratch of the changed repository, file by file;
- the pages that show the renamed organization show its new name;
- some tree and statistics pages were not rendered again (their key stayed the same).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.site import incremental, paging
from generator.site.build import BuildOptions, build_site
from tests.conftest import copy_sample
from tests.integration.test_site_incremental import _files

YEAR = 2025
ORG = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-cong-ty-che-mau-son/chi-bo-van-phong"
OLD_NAME, NEW_NAME = "Chi bộ Văn phòng công ty", "Chi bộ Văn phòng Tổng công ty"
GONE = f"{ORG}/dang-vien/dv-103006.yaml"  # one of its members: counts change above it
# a member of a chi bộ on the tree's last page: the root's row (first page; the root is
# not rated) changes by its count alone
ELSEWHERE = f"submissions/{YEAR}/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-phu"


def _build(repo: Path, out: str, work: str, *, force: bool = False) -> None:
    options = BuildOptions(
        repo=repo, out=repo / out, project=repo, years=[YEAR], work=repo / work, force=force
    )
    build_site(options)


@pytest.fixture(scope="module", params=["rename", "elsewhere"])
def built(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> dict:
    repo = tmp_path_factory.mktemp("incremental-pages") / "repo"
    copy_sample(repo, (2024, YEAR))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paging, "ROWS_PER_PAGE", 3)
        _build(repo, "site", "build")
        if request.param == "rename":
            org = repo / ORG / "to-chuc.yaml"
            org.write_text(org.read_text("utf-8").replace(OLD_NAME, NEW_NAME), "utf-8")
            (repo / GONE).unlink()
        else:
            next((repo / ELSEWHERE / "dang-vien").glob("*.yaml")).unlink()
        rendered: list[str] = []
        set_page = incremental.PageKeys.set_page

        def spy(self: incremental.PageKeys, rel: str, key: str) -> None:
            rendered.append(rel)
            set_page(self, rel, key)

        mp.setattr(incremental.PageKeys, "set_page", spy)
        _build(repo, "site", "build")
        mp.setattr(incremental.PageKeys, "set_page", set_page)
        _build(repo, "fresh", "fresh-build", force=True)
    docs = repo / "build" / str(YEAR) / "docs"
    return {"repo": repo, "docs": docs, "rendered": rendered}


def _pages(docs: Path, first: str) -> list[str]:
    stem = first[: -len(".md")]
    rest = sorted(p.relative_to(docs).as_posix() for p in (docs / stem).glob("trang-*.md"))
    return [first, *rest]


def test_paged_pages_equal_a_build_from_scratch(built: dict) -> None:
    repo = built["repo"]
    assert isinstance(repo, Path)
    ours, fresh = _files(repo / "site" / str(YEAR)), _files(repo / "fresh" / str(YEAR))
    assert sorted(ours) == sorted(fresh)
    assert [rel for rel in ours if ours[rel].read_bytes() != fresh[rel].read_bytes()] == []
    assert "to-chuc/index/trang-3/index.html" in ours  # the tree is paged
    assert "thong-ke/index/trang-3/index.html" in ours  # and so are the statistics


@pytest.mark.parametrize("built", ["rename"], indirect=True)  # the other shows on every page
def test_only_the_pages_that_show_a_change_are_rendered(built: dict) -> None:
    docs, rendered = built["docs"], built["rendered"]
    assert isinstance(docs, Path) and isinstance(rendered, list)
    for first in ("to-chuc/index.md", "thong-ke/index.md"):
        pages = _pages(docs, first)
        assert len(pages) >= 3
        showing = [rel for rel in pages if NEW_NAME in (docs / rel).read_text("utf-8")]
        assert showing and set(showing) <= set(rendered)
        assert not any(OLD_NAME in (docs / rel).read_text("utf-8") for rel in pages)
        kept = [rel for rel in pages if rel not in rendered]
        assert kept, f"every page of {first} was rendered again"


def test_a_view_is_paginated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`build_year_site` paginates before the search indexer starts, `render_year` again:
    the second is the first's result (1 s at 100,000 members), with the same links."""
    from generator.pipeline import Pipeline
    from generator.site import rating, render
    from tests.conftest import ROOT

    view = rating.views(Pipeline(ROOT, cache=False).rate([YEAR]))[YEAR]
    first = render.paginate_year(view)
    links = {m: view.member_href(m, "") for m in view.year.members}
    calls: list[str] = []
    real = paging.paginate_members

    def counting(*args: Any) -> Any:
        calls.append("paginated")
        return real(*args)

    monkeypatch.setattr(paging, "paginate_members", counting)
    assert render.paginate_year(view) is first and calls == []
    assert {m: view.member_href(m, "") for m in view.year.members} == links
    assert render.paginate_year(rating.views(Pipeline(ROOT, cache=False).rate([YEAR]))[YEAR])
    assert calls  # another view is paginated anew
