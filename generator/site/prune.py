"""Delete what `kiemdiem build` made for a year no longer in submissions/.

A year's submissions are kept for its retention period (`bao_ve_du_lieu.
thoi_han_luu_tru_nam` in the year file, README "Data protection"); when it has passed the
board removes the year's folder (`git rm -r submissions/<year>`). The build's own outputs
of that year must go with it: they are copies of the year's personal data, the committees'
and chi bộ's sites unredacted for their readers. A build deletes, for every year found
among its outputs that is no longer in submissions/:

- the year's site folders: the organization's (`<out>/<year>/`) and every committee's and
  chi bộ's (`<out>/cap-uy|chi-bo/<org>/<year>/`), only where they carry the build's marker
  (`SITE_MARKER`, or an audience site's digest); a folder without it, or a link, is left
  as it is and reported (`YearOutputs.kept`);
- its work folders (`build/<year>/`, `build/cap-uy|chi-bo/<org>/<year>/`, and the same in
  `build-offline/`), only where they hold nothing but what the build writes there;
- its files in the repository's `.kiemdiem-cache/` (each file's checked outcome, the
  year's index and ratings: generator.loadcache, generator.check.yearindex,
  generator.rules.reuse) and its entries in the site digests (generator.site.yearcache),
  only when the cache is this machine's (generator.cachetrust).

Submissions are never touched, and nothing is pruned when submissions/ holds no year at
all (a wrong folder, not a retention). What was in Git's history stays there.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from generator import atomic, cachetrust
from generator.loadcache import CACHE_DIR
from generator.site import audiences, incremental, search
from generator.site.audience_sites import DIGEST_FILE, SITE_MARKER
from generator.site.hooks import FRAGMENTS
from generator.site.switcher import retire_root, write_versions
from generator.submissions.layout import YEAR_RE

AUDIENCE_KINDS = ("cap-uy", "chi-bo")
# what a work folder of one site holds (generator.site.build, .render, .indexer)
WORK_NAMES = frozenset({"docs", FRAGMENTS, search.INDEX_DIR, incremental.KEYS})
WORK_FOLDERS = ("build", "build-offline")  # below the repository, when none is chosen
# the per-year files of the cache: check-<year>-<key>.pickle, index-<year>-<key>.pickle,
# rating-<year>.marshal, and their temporary files (generator.atomic: ".<name>.<n>.tmp")
_CACHE_FILE = re.compile(
    rf"\.?(?:(?:check|index)-(?P<a>{YEAR_RE.pattern})-|rating-(?P<b>{YEAR_RE.pattern})\.)"
)
_SITE_DIGESTS = re.compile(r"site-[0-9a-f]+\.json")


@dataclass
class YearOutputs:
    """What was found of one year no longer in submissions/."""

    year: int
    sites: list[Path] = field(default_factory=list)  # site folders deleted
    work: list[Path] = field(default_factory=list)  # work folders deleted
    cache: list[Path] = field(default_factory=list)  # cache files deleted or rewritten
    kept: list[Path] = field(default_factory=list)  # not the build's: left as they were


@dataclass
class Pruned:
    years: dict[int, YearOutputs] = field(default_factory=dict)
    # committee and chi bộ roots that lost a year and still hold another: their year
    # list is written again
    roots: list[Path] = field(default_factory=list)
    organization: bool = False  # the organization's site lost a year

    def of(self, year: int) -> YearOutputs:
        return self.years.setdefault(year, YearOutputs(year))

    @property
    def sites_removed(self) -> bool:
        return any(y.sites for y in self.years.values())


def work_folders(repo: Path, work: Path | None) -> list[Path]:
    """The work folders a build of `repo` writes to: the chosen one, else both defaults."""
    return [work] if work is not None else [repo / name for name in WORK_FOLDERS]


def prune_removed_years(repo: Path, out: Path, works: list[Path], keep: list[int]) -> Pruned:
    """Delete the build's outputs of every year not in `keep` (the years in submissions/)
    from the site folder `out`, the work folders `works` and the repository's cache."""
    pruned = Pruned()
    if not keep:
        return pruned
    wanted = set(keep)
    _sites(out, wanted, pruned)
    for work in works:
        _work(work, wanted, pruned)
    _cache(repo, wanted, pruned)
    pruned.years = dict(sorted(pruned.years.items()))
    return pruned


def _real_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _year_entries(base: Path, keep: set[int]) -> list[tuple[int, Path]]:
    """The entries of `base` named as a year not in `keep`."""
    if not _real_dir(base):
        return []
    found = [(int(p.name), p) for p in base.iterdir() if YEAR_RE.fullmatch(p.name)]
    return sorted((y, p) for y, p in found if y not in keep)


def _roots(base: Path) -> list[Path]:
    """The committees' or chi bộ's roots below `base` (`<base>/cap-uy|chi-bo/<org>`)."""
    return [
        root
        for kind in AUDIENCE_KINDS
        if _real_dir(base / kind)
        for root in sorted((base / kind).iterdir())
        if _real_dir(root)
    ]


def _marked(path: Path, markers: tuple[str, ...]) -> bool:
    return _real_dir(path) and any((path / m).is_file() for m in markers)


def _sites(out: Path, keep: set[int], pruned: Pruned) -> None:
    for year, path in _year_entries(out, keep):
        if _marked(path, (SITE_MARKER,)):
            shutil.rmtree(path)
            pruned.of(year).sites.append(path)
            pruned.organization = True
        else:
            pruned.of(year).kept.append(path)
    for root in _roots(out):
        touched = False
        for year, path in _year_entries(root, keep):
            if _marked(path, (SITE_MARKER, DIGEST_FILE)):
                shutil.rmtree(path)
                pruned.of(year).sites.append(path)
                touched = True
            else:
                pruned.of(year).kept.append(path)
        if not touched:
            continue
        if any(YEAR_RE.fullmatch(p.name) and int(p.name) in keep for p in root.iterdir()):
            pruned.roots.append(root)
            continue
        retire_root(root)  # no year of submissions/ left here


def _work_only(path: Path) -> bool:
    """Whether `path` holds nothing but what the build writes in a site's work folder."""
    return _real_dir(path) and all(
        p.name in WORK_NAMES or (p.name.startswith(".") and p.name.endswith(".tmp"))
        for p in path.iterdir()
    )


def _work(work: Path, keep: set[int], pruned: Pruned) -> None:
    for base in [work, *_roots(work)]:
        removed = False
        for year, path in _year_entries(base, keep):
            if _work_only(path):
                shutil.rmtree(path)
                pruned.of(year).work.append(path)
                removed = True
            else:
                pruned.of(year).kept.append(path)
        if removed and base != work and not any(base.iterdir()):
            base.rmdir()  # an audience's work root left empty


def _cache(repo: Path, keep: set[int], pruned: Pruned) -> None:
    folder = repo / CACHE_DIR
    if not _real_dir(folder) or not cachetrust.trusted(repo):
        return
    for path in sorted(folder.iterdir()):
        if path.is_symlink() or not path.is_file():
            continue
        if match := _CACHE_FILE.match(path.name):
            year = int(match["a"] or match["b"])
            if year not in keep:
                path.unlink()
                pruned.of(year).cache.append(path)
        elif _SITE_DIGESTS.fullmatch(path.name):
            _forget_digests(path, keep, pruned)


def _forget_digests(path: Path, keep: set[int], pruned: Pruned) -> None:
    """Drop the years not in `keep` from one site folder's digests (generator.site.yearcache)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(data, dict):
        return
    gone = [k for k in data if YEAR_RE.fullmatch(k) and int(k) not in keep]
    if not gone:
        return
    for key in gone:
        del data[key]
        pruned.of(int(key)).cache.append(path)
    atomic.write_text(path, json.dumps(data, indent=1, sort_keys=True))


class Switchers(Protocol):
    """What of a build's options (generator.site.build.BuildOptions) the year lists read."""

    org_site: bool  # the organization's site was built
    only: str  # the one committee or chi bộ built (`--chi-mot`), or ""
    offline: bool


def write_year_lists(out: Path, all_years: list[int], pruned: Pruned, built: Switchers) -> None:
    """Write the year switchers' lists (versions.json) of the sites a build made and of
    those that lost a removed year: only years still in submissions/ (`all_years`), so
    no site offers a year whose submissions were removed, whichever years were built."""
    if built.org_site or pruned.organization:
        write_versions(out, all_years, offline=built.offline)
    for root in audiences.audience_roots(out):
        years = [y for y in audiences.years_built(root) if y in all_years]
        if years and (built.only in ("", root.name) or root in pruned.roots):
            write_versions(root, years, offline=built.offline)
