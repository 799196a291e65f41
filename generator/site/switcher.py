"""The year switcher at the root of a site (the organization's, and each committee's and
chi bộ's): mike's versions.json, read by Material's version selector, and a landing page
that sends the reader to the newest year. Moved out of generator/site/build.py."""

from __future__ import annotations

import json
from pathlib import Path


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
