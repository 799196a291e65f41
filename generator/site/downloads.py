"""The statistics page's downloads (CSV, JSON, XLSX) of one year's site."""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.site.views import YearView
from generator.statistics import export, sheet


def statistics_downloads(view: YearView) -> dict[str, bytes]:
    """The statistics as CSV, JSON and XLSX files for the statistics page: the same
    writers and the same numbers as `kiemdiem stats` (generator.statistics.export), but
    for the members this committee does not decide who are exempted or suspended, counted
    in one column (generator.privacy.verdicts.counted_as_read).
    The CSV starts with a byte order mark so that Excel reads its Vietnamese as UTF-8."""
    stats = view.stats
    if stats is None or view.disclosure is not None:
        return {}  # exact counts are not for the whole organization's site (issue 14)
    if view.audience is not None and view.audience.kind.slug == "chi-bo":
        # a chi bộ does not report upward (its committee's site has the sheets); a province
        # has ~5,000 chi bộ sites and a sheet costs ~50 ms to write
        return {}
    name = f"thong-ke-{stats.year}"
    with tempfile.TemporaryDirectory() as tmp:
        xlsx = Path(tmp) / f"{name}.xlsx"
        sheet.write_xlsx(stats, xlsx)
        xlsx_bytes = xlsx.read_bytes()
    return {
        f"{name}.csv": ("\ufeff" + export.to_csv(stats)).encode("utf-8"),
        f"{name}.json": export.to_json(stats).encode("utf-8"),
        f"{name}.xlsx": xlsx_bytes,
    }
