"""The statistics sheet's file, byte for byte the same for the same sheet and day (a
reproducible build: two builds of the same inputs give the same site).

openpyxl's `Workbook.save` (`openpyxl.writer.excel.save_workbook`) stamps the file with
the moment it is written, in two places, and has no setting for either:
- the document properties (docProps/core.xml): `modified` is set to now on every save,
  whatever it was, and `created` is the moment the `Workbook` was made;
- each zip entry's date: `ZipFile.writestr` dates an entry given by name now, and
  `ZipFile.write` (the worksheet, which openpyxl writes to a temporary file first) takes
  that file's time and mode.
So `save` does what `save_workbook` does (an `ExcelWriter` over a new archive) with both
properties set to the sheet's day and an archive that dates every entry on that day. The
entries' order is the writer's, a fixed sequence.

The sheet's day (`sheet_date`) is the one its date line shows ("Ngày … tháng … năm …"):
SOURCE_DATE_EPOCH's (its UTC date; https://reproducible-builds.org/specs/source-date-epoch/)
when that is set, as MkDocs dates the site's sitemap, else today.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path
from typing import Any

ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest date a zip entry can hold


def sheet_date() -> dt.date:
    """SOURCE_DATE_EPOCH's UTC date when it is set to a number of seconds, else today (a
    malformed value is ignored here; a site build stops on it anyway, in MkDocs)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(value), dt.UTC).date()
        except (OverflowError, OSError, ValueError):  # past the year 9999
            pass
    return dt.date.today()


class _DatedZip(zipfile.ZipFile):
    """A new zip archive (deflated, as openpyxl's) whose every entry is dated `stamp` and
    has the mode `ZipFile.writestr` gives a named entry (rw-------)."""

    def __init__(self, path: Path, stamp: dt.datetime) -> None:
        super().__init__(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        t = max(stamp, ZIP_EPOCH)
        self.date_time = (t.year, t.month, t.day, t.hour, t.minute, t.second)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = zinfo_or_arcname
        info = zipfile.ZipInfo(name.filename if isinstance(name, zipfile.ZipInfo) else name)
        info.date_time = self.date_time
        info.compress_type = self.compression if compress_type is None else compress_type
        info.external_attr = 0o600 << 16
        level = self.compresslevel if compresslevel is None else compresslevel
        super().writestr(info, data, compresslevel=level)

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | os.PathLike[str] | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        """A file's bytes, dated as the others (not with the file's own time and mode)."""
        name = zipfile.ZipInfo.from_file(filename, arcname).filename  # as `write` names it
        self.writestr(name, Path(filename).read_bytes(), compress_type, compresslevel)


def save(wb: Any, path: Path, day: dt.date) -> None:
    """Write the workbook `wb` to `path` as `Workbook.save` does, dated `day` (00:00 UTC,
    openpyxl's time zone) in its properties and in its zip entries."""
    from openpyxl.writer.excel import ExcelWriter

    stamp = dt.datetime.combine(day, dt.time())
    wb.properties.created = wb.properties.modified = stamp
    with _DatedZip(path, stamp) as archive:
        ExcelWriter(wb, archive).save()
