"""generator.site.prune on folders made by hand: only the build's own outputs of a year no
longer in submissions/ are deleted; a link, a folder without the marker, a work folder
holding something the build does not write, a cache this machine did not make, and every
output when submissions/ holds no year are left as they are."""

from __future__ import annotations

import json
from pathlib import Path

from generator import cachetrust
from generator.loadcache import CACHE_DIR
from generator.site.audience_sites import DIGEST_FILE, SITE_MARKER
from generator.site.prune import prune_removed_years


def _folder(path: Path, *files: str) -> Path:
    path.mkdir(parents=True)
    for name in files:
        (path / name).write_text("x", "utf-8")
    return path


def _tree(tmp_path: Path) -> tuple[Path, Path, Path]:
    repo, out, work = tmp_path / "repo", tmp_path / "site", tmp_path / "repo" / "build"
    _folder(out / "2024", SITE_MARKER, "index.html")
    _folder(out / "2025", SITE_MARKER, "index.html")
    _folder(out / "cap-uy" / "a" / "2024", DIGEST_FILE, "index.html")
    _folder(out / "chi-bo" / "b" / "2024", "index.html")  # no marker
    _folder(work / "2024" / "docs")
    _folder(work / "chi-bo" / "b" / "2024", "render-keys.json", "ghi-chu.txt")
    _folder(work / "2025" / "docs")
    return repo, out, work


def test_only_the_builds_outputs_of_removed_years_go(tmp_path: Path) -> None:
    repo, out, work = _tree(tmp_path)
    cache = repo / CACHE_DIR
    cachetrust.make_folder(cache)
    for name in ("check-2024-ab.pickle", "rating-2024.marshal", "index-2025-ab.pickle"):
        (cache / name).write_bytes(b"")
    (cache / "site-0a.json").write_text(json.dumps({"2024": "d", "2025": "e"}), "utf-8")
    (out / "chi-bo" / "c").mkdir()
    (out / "chi-bo" / "c" / "2024").symlink_to(out / "2025")

    pruned = prune_removed_years(repo, out, [work], [2025])

    assert list(pruned.years) == [2024]
    gone = pruned.years[2024]
    assert sorted(gone.sites) == [out / "2024", out / "cap-uy" / "a" / "2024"]
    assert gone.work == [work / "2024"]
    assert sorted(p.name for p in gone.kept) == ["2024"] * 3
    assert (out / "chi-bo" / "b" / "2024" / "index.html").is_file()
    assert (work / "chi-bo" / "b" / "2024" / "ghi-chu.txt").is_file()
    assert (out / "chi-bo" / "c" / "2024").is_symlink() and (out / "2025" / "index.html").is_file()
    assert not (out / "cap-uy" / "a").exists() and pruned.organization
    assert sorted(p.name for p in cache.iterdir() if p.name != cachetrust.TOKEN) == [
        "index-2025-ab.pickle",
        "site-0a.json",
    ]
    assert json.loads((cache / "site-0a.json").read_text("utf-8")) == {"2025": "e"}


def test_nothing_goes_without_a_year_or_outside_this_machines_cache(tmp_path: Path) -> None:
    repo, out, work = _tree(tmp_path)
    assert prune_removed_years(repo, out, [work], []).years == {}
    assert (out / "2024").is_dir() and (work / "2024").is_dir()
    cache = repo / CACHE_DIR
    cache.mkdir()  # not made by this tool here (copied along with the files)
    (cache / "check-2024-ab.pickle").write_bytes(b"")
    prune_removed_years(repo, out, [work], [2025])
    assert (cache / "check-2024-ab.pickle").is_file() and not (out / "2024").exists()
