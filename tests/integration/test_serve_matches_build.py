"""`kiemdiem serve` shows what `kiemdiem build` shows: both render from the pipeline's rated
years, so a later year's re-rating (RULES.md 124-M7) and the previous-year comparison reach
the preview too (issue 10)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import openpyxl
import pytest

from generator.commands.serve import render_once
from generator.site.build import BuildOptions, build_site
from generator.site.incremental import KEYS
from generator.site.search import INDEX_DIR
from tests.conftest import copy_sample

ROOT_DECISIONS = "submissions/2025/dang-bo-tinh-hoa-lam/quyet-dinh.yaml"
MEMBER = "dv-101012"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("serve") / "repo"
    copy_sample(repo, (2024, 2025))
    decisions = repo / ROOT_DECISIONS
    decisions.write_text(
        decisions.read_text(encoding="utf-8")
        + "xep_loai_lai:\n"
        + f"  - ma_dang_vien: {MEMBER}\n"
        + "    nam: 2024\n"
        + "    muc: KHTNV\n"
        + '    ly_do: "Vi phạm năm 2024"\n',
        encoding="utf-8",
    )
    build_site(
        BuildOptions(repo=repo, out=repo / "site", project=repo, force=True, work=repo / "built")
    )
    return repo


def _content(path: Path) -> object:
    """A file's content; a spreadsheet's cell values (its zip carries the time it was written)."""
    if path.suffix == ".xlsx":
        book = openpyxl.load_workbook(path)
        return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in book}
    return path.read_bytes()


def _tree(folder: Path) -> dict[str, object]:
    # the render keys are a cache of what was rendered (a --force build keeps none); the
    # search bundles are the build's own work files (generator.site.indexer), not pages
    return {
        str(p.relative_to(folder)): _content(p)
        for p in folder.rglob("*")
        if p.is_file() and p.name != KEYS and p.relative_to(folder).parts[0] != INDEX_DIR
    }


@pytest.mark.parametrize("year", [2024, 2025])
def test_serve_renders_the_pages_build_renders(repo: Path, year: int) -> None:
    # pages in <year>/docs, members' review bodies in <year>/fragments (generator.site.hooks)
    assert render_once(repo, repo, year, repo / "served" / str(year) / "docs") > 0
    built = _tree(repo / "built" / str(year))
    preview = _tree(repo / "served" / str(year))
    assert any(name.startswith("fragments/") for name in built)
    assert sorted(preview) == sorted(built)
    different = [name for name in built if built[name] != preview[name]]
    assert different == []


def test_serve_shows_the_later_re_rating_and_the_comparison(repo: Path) -> None:
    served = repo / "preview"
    render_once(repo, repo, 2024, served / "2024" / "docs")
    bodies = (served / "2024" / "fragments" / "to-chuc" / "chi-bo-thon-an-lac.md.json").read_text(
        "utf-8"
    )
    assert "xếp loại lại năm 2025: KHTNV" in html.unescape(json.loads(bodies)[MEMBER])
    render_once(repo, repo, 2025, served / "2025" / "docs")
    stats = html.unescape((served / "2025" / "docs" / "thong-ke" / "index.md").read_text("utf-8"))
    assert "<tr><td>2024</td>" in stats  # the comparison table of the statistics page
    assert "năm 2024 và năm 2025" in stats  # its chart
