"""The year switcher at the root of a site (the organization's, and each committee's and
chi bộ's): mike's versions.json, read by Material's version selector, a landing page
that sends the reader to the newest year, and a 404 page for the root. Moved out of
generator/site/build.py."""

from __future__ import annotations

import json
from pathlib import Path

from generator import atomic

ERROR_PAGE = "404.html"
# what `write_versions` writes at a root: a root left without any year loses them
# (generator.site.audience_sites)
ROOT_FILES = ("index.html", "versions.json", ERROR_PAGE)


def retire_root(root: Path) -> None:
    """A committee's or chi bộ's root left without any year of its site: its landing page,
    year list and 404 page go (`ROOT_FILES`), and the root itself when nothing else is in
    it (generator.site.audience_sites.remove_stale, generator.site.prune)."""
    for name in ROOT_FILES:
        (root / name).unlink(missing_ok=True)
    if not any(root.iterdir()):
        root.rmdir()


def versions(all_years: list[int]) -> list[dict[str, object]]:
    """mike's versions.json: newest first, the newest aliased "latest"."""
    newest = max(all_years)
    return [
        {"version": str(y), "title": str(y), "aliases": ["latest"] if y == newest else []}
        for y in sorted(all_years, reverse=True)
    ]


LANDING = """<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta http-equiv="refresh" content="0; url={year}/{index}">
<title>Kiểm điểm, xếp loại năm {year}</title>
</head>
<body>
<p>Đang chuyển đến <a href="{year}/{index}">trang năm {year}</a>.</p>
<ul>
{links}
</ul>
</body>
</html>
"""


def write_versions(out: Path, all_years: list[int], *, offline: bool = False) -> None:
    """versions.json and the landing page at the root of the site (from disk, a folder
    link would open a file listing: the offline site links index.html itself)."""
    out.mkdir(parents=True, exist_ok=True)
    data = versions(all_years)
    (out / "versions.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    index = "index.html" if offline else ""
    links = "\n".join(
        f'<li><a href="{y}/{index}">Năm {y}</a></li>' for y in sorted(all_years, reverse=True)
    )
    landing = LANDING.format(year=max(all_years), links=links, index=index)
    (out / "index.html").write_text(landing, "utf-8")
    _root_error_page(out, all_years, offline)


def _root_error_page(out: Path, all_years: list[int], offline: bool) -> None:
    """The root's 404.html: a copy of the newest year's. A host that shows one 404 page for
    the whole output folder (GitHub Pages shows only the root's) then shows a page of the
    site instead of its own; the year's 404 links absolutely, from where the output folder
    is served (`kiemdiem build --site-url`, generator.site.address), so the copy works at
    the root and at any depth. From disk (`offline`) no server shows a 404 page and the
    year's links relatively: none is kept there."""
    root_page = out / ERROR_PAGE
    pages = [out / str(y) / ERROR_PAGE for y in sorted(all_years, reverse=True)]
    newest = next((p for p in pages if p.is_file()), None)
    if offline or newest is None:
        root_page.unlink(missing_ok=True)  # a server build's, left in this folder before
    else:
        atomic.copy_file(newest, root_page)
