"""`kiemdiem serve` shows what `kiemdiem build` shows: both render from the pipeline's rated
years, so a later year's re-rating (RULES.md 124-M7) and the previous-year comparison reach
the preview too (issue 10)."""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.commands.serve import render_once
from generator.liveload import EVERYTHING
from generator.pipeline import Pipeline, RatedYears
from generator.preview import Preview
from generator.site.build import BuildOptions, build_site
from generator.site.incremental import KEYS
from generator.site.search import INDEX_DIR
from generator.submissions.yamlload import Document
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


def _tree(folder: Path) -> dict[str, bytes]:
    # the render keys are a cache of what was rendered (a --force build keeps none); the
    # search bundles are the build's own work files (generator.site.indexer), not pages
    return {
        str(p.relative_to(folder)): p.read_bytes()  # a spreadsheet too (statistics.xlsxfile)
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
    shown = html.unescape(json.loads(bodies)[MEMBER])
    assert "năm 2024 được xếp loại lại (quyết định năm 2025): KHTNV" in shown
    render_once(repo, repo, 2025, served / "2025" / "docs")
    stats = html.unescape((served / "2025" / "docs" / "thong-ke" / "index.md").read_text("utf-8"))
    assert "<tr><td>2024</td>" in stats  # the comparison table of the statistics page
    # its chart: none on the organization's preview, where both years' rows hide a small
    # count and a share would give it back (generator/privacy/disclosure.py)
    assert "năm 2024 và năm 2025" not in stats
    assert "<td>Chênh lệch (điểm %)</td><td></td><td></td><td>—</td>" in stats


# ---------------------------------------------------------------------- the preview's rounds


def plain(obj: object) -> object:
    """A record, finding or verdict as nested tuples of its fields (a document by its file:
    records hold compact documents, compared by identity otherwise)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        fields = dataclasses.fields(obj)
        # by the class declaring the fields: a review read back from a cache is a subclass
        # adding none (generator.submissions.reviewtext)
        cls = next(c for c in type(obj).__mro__ if "__dataclass_fields__" in c.__dict__)
        return (cls.__name__, tuple((f.name, plain(getattr(obj, f.name))) for f in fields))
    if isinstance(obj, Document):
        return ("document", getattr(obj, "rel", None))
    if isinstance(obj, list | tuple):
        return tuple(plain(x) for x in obj)
    if isinstance(obj, dict):
        return tuple((k, plain(v)) for k, v in obj.items())
    return str(obj) if isinstance(obj, Path) else obj


def _state(rated: RatedYears) -> dict[str, object]:
    out: dict[str, object] = {}
    for y, r in rated.years.items():
        year = r.year
        for name in ("config", "orgs", "members", "proposals", "decisions", "files"):
            out[f"{y} {name}"] = plain(getattr(year, name))
        out[f"{y} broken"] = plain(year.broken_members)
        out[f"{y} findings"] = plain(r.findings)
        out[f"{y} verdicts"] = plain(r.verdicts)
    return out


def _same_as_fresh(preview: Preview, repo: Path, step: str) -> None:
    assert preview.live.rated is not None
    live, fresh = _state(preview.live.rated), _state(Pipeline(repo, cache=False).rate([2025]))
    assert sorted(live) == sorted(fresh)
    assert [k for k in fresh if live[k] != fresh[k]] == [], step


def _same_pages(preview: Preview, repo: Path, step: str) -> None:
    fresh = repo / "fresh" / step
    render_once(repo, repo, 2025, fresh / "2025" / "docs")
    built, shown = _tree(fresh / "2025"), _tree(preview.docs.parent)
    assert sorted(shown) == sorted(built), step
    assert [name for name in built if built[name] != shown[name]] == [], step


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), "utf-8")


CHI_BO = "submissions/2025/dang-bo-tinh-hoa-lam/dang-bo-xa-an-son/chi-bo-thon-an-lac"
DECISIONS_2024 = "submissions/2024/dang-bo-huyen-mau-son/dang-bo-xa-an-hoa/quyet-dinh.yaml"


def _steps(repo: Path) -> list[tuple[str, set[str], Callable[[], None]]]:
    """(name, the paths its events name, the change): one of each kind a preview sees."""
    member = repo / CHI_BO / "dang-vien" / f"{MEMBER}.yaml"
    added = repo / CHI_BO / "dang-vien" / "dv-109999.yaml"
    gone = repo / CHI_BO / "dang-vien" / "dv-101018.yaml"
    good = member.read_text("utf-8")
    year_file = repo / "submissions" / "2025" / "nam-danh-gia.yaml"

    def rel(path: Path) -> str:
        return path.relative_to(repo).as_posix()

    return [
        ("edit", {rel(member)}, lambda: _edit(member, "ho_ten: ", "ho_ten: Lê Sửa ")),
        # a score: the member's verdict changes (rating reuse keys it by the file's digest)
        (
            "score",
            {rel(member)},
            lambda: _edit(member, "ket_qua_nhiem_vu: 51", "ket_qua_nhiem_vu: 30"),
        ),
        (
            "add",
            {rel(added)},
            lambda: added.write_text(good.replace(MEMBER, "dv-109999"), "utf-8"),
        ),
        ("delete", {rel(gone)}, gone.unlink),
        (
            "break",
            {rel(member)},
            lambda: member.write_text(good.replace("ho_ten:", "ho_ten: [", 1), "utf-8"),
        ),
        ("fix", {rel(member)}, lambda: member.write_text(good, "utf-8")),
        # the year before: its final levels are 2025's history (X3) and comparison
        (
            "history",
            {DECISIONS_2024},
            lambda: _edit(
                repo / DECISIONS_2024, "dv-101011\n    muc: HTNV", "dv-101011\n    muc: KHTNV"
            ),
        ),
        # the system dropped events (the kernel's queue overflowed): everything read again
        (
            "lost events",
            {EVERYTHING},
            lambda: _edit(
                repo / CHI_BO / "dang-vien" / "dv-101013.yaml", "ho_ten: ", "ho_ten: Mất "
            ),
        ),
        # the year file is every file's context (its ruleset's schema overlay): the year is
        # read again whole
        (
            "year file",
            {rel(year_file)},
            lambda: _edit(year_file, "bo_quy_tac: qd366-hd43", "bo_quy_tac: qd124-hd25"),
        ),
    ]


def test_preview_rounds_equal_a_fresh_load_and_render(tmp_path: Path) -> None:
    repo = copy_sample(tmp_path / "repo", (2024, 2025))
    preview = Preview(repo, repo, 2025, repo / "live" / "2025" / "docs")
    assert preview.start().written > 0
    _same_pages(preview, repo, "start")
    for step, changed, change in _steps(repo):
        before = _tree(preview.docs.parent)
        change()
        done = preview.apply(changed)
        _same_as_fresh(preview, repo, step)
        if step == "break":
            # broken YAML: the round says which file and line, the pages stay as they were
            assert list(done.held) == [f"{CHI_BO}/dang-vien/{MEMBER}.yaml"]
            assert done.held[next(iter(done.held))].line > 1
            assert _tree(preview.docs.parent) == before
            continue
        assert done.rendered, step
        assert done.written > 0, step
        _same_pages(preview, repo, step)
