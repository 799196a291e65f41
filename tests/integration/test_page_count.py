"""The build's "N trang" counts pages: a rebuild with nothing changed counts as many as the
first build, not the site's CSS and JS too (they were counted once unchanged, since a
build writes them through the same writer)."""

from __future__ import annotations

from pathlib import Path

from generator.site.build import BuildOptions, build_site
from tests.conftest import copy_sample

YEAR = 2025


def test_rebuild_counts_the_same_pages(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    copy_sample(repo, (YEAR,))
    options = BuildOptions(
        repo=repo, out=repo / "site", project=repo, years=[YEAR], work=repo / "build"
    )
    first = build_site(options).years[0]
    docs = repo / "build"
    pages = sum(1 for p in docs.rglob("*.md"))
    second = build_site(options).years[0]
    assert first.pages > 0
    assert second.pages == first.pages
    assert first.pages <= pages
