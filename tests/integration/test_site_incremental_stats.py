"""The statistics' pages as one group (generator.site.incremental.stats_pages_key): when
the whole year's statistics, the threshold and the pages' layout are unchanged, no page's
own key is worked out (each row's hidden cells need the whole page's plan: ~0.4 s at a
province) and none is rendered again; when they change, each page is keyed and rendered
as before, and the site equals a build from scratch.

With 3 rows a page, the sample's organizations fill 3 statistics pages. A member's name
changes nothing the statistics count; deleting a member's file changes its chi bộ's row
and its ancestors'.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.site import incremental, paging
from tests.conftest import copy_sample
from tests.integration.test_site_incremental import _files
from tests.integration.test_site_incremental_pages import ELSEWHERE, YEAR, _build


def _rebuild(repo: Path, mp: pytest.MonkeyPatch) -> tuple[list[str], int]:
    """Build again incrementally: the pages rendered and how many pages were keyed."""
    rendered: list[str] = []
    keyed = [0]
    set_page, page_key = incremental.PageKeys.set_page, incremental.stats_page_key

    def spy(self: incremental.PageKeys, rel: str, key: str) -> None:
        rendered.append(rel)
        set_page(self, rel, key)

    def counting(*args: Any) -> str:
        keyed[0] += 1
        return page_key(*args)

    mp.setattr(incremental.PageKeys, "set_page", spy)
    mp.setattr(incremental, "stats_page_key", counting)
    _build(repo, "site", "build")
    mp.setattr(incremental.PageKeys, "set_page", set_page)
    mp.setattr(incremental, "stats_page_key", page_key)
    return rendered, keyed[0]


def _same_as_fresh(repo: Path, name: str) -> None:
    _build(repo, name, f"{name}-build", force=True)
    ours, fresh = _files(repo / "site" / str(YEAR)), _files(repo / name / str(YEAR))
    assert sorted(ours) == sorted(fresh)
    assert [rel for rel in ours if ours[rel].read_bytes() != fresh[rel].read_bytes()] == []


def test_statistics_pages_are_keyed_only_when_the_statistics_change(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    copy_sample(repo, (2024, YEAR))
    members = sorted((repo / ELSEWHERE / "dang-vien").glob("*.yaml"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(paging, "ROWS_PER_PAGE", 3)
        _build(repo, "site", "build")
        _build(repo, "site", "build")  # warm: the rating and load caches now read
        assert len(list((repo / "site" / str(YEAR) / "thong-ke" / "index").glob("trang-*"))) >= 2

        text = members[0].read_text("utf-8")
        renamed = re.sub(r"^ho_ten: .*$", "ho_ten: Tên Đổi Mới", text, count=1, flags=re.M)
        assert renamed != text
        members[0].write_text(renamed, "utf-8")
        rendered, keyed = _rebuild(repo, mp)
        assert [r for r in rendered if r.startswith("thong-ke/")] == [] and keyed == 0
        _same_as_fresh(repo, "fresh-1")

        members[1].unlink()  # its chi bộ's counts change, and its ancestors'
        rendered, keyed = _rebuild(repo, mp)
        assert keyed >= 3  # every page keyed, as before the group key
        assert "thong-ke/index.md" in rendered  # the whole year's totals changed
        _same_as_fresh(repo, "fresh-2")
