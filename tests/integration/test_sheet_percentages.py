"""Every percentage the XLSX sheet shows is the one CSV, JSON and the terminal's table
say: a share and a change from the year before, at one decimal (a statistician's trial:
301/2937 = 10.2485% was shown 10.3% in the sheet and 10.2 everywhere else)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from generator.statistics import LEVELS, Counts, OrgStats, YearStatistics
from generator.statistics.export import to_csv, to_json
from generator.statistics.sheet import write_xlsx
from generator.submissions.records import Level, OrgCategory, OrgType
from tests.libreoffice import convert, needs_libreoffice

# 301/2937 = 10.2485%: rounded to 4 places (0.1025), then shown at one decimal, 10.3%;
# 1/16 = 6.25%: a spreadsheet shows an exact half rounded up, Python's round gives 6.2
TOTAL = {Level.HTXSNV: 301, Level.HTTNV: 2500, Level.HTNV: 120, Level.KHTNV: 16}
CHILD = {Level.HTXSNV: 1, Level.HTTNV: 15, Level.HTNV: 0, Level.KHTNV: 0}
# the year before: 7.8% HTXSNV, so the change is +2.4485 points (+2,4; 0.0245 showed +2.5%)
BEFORE = {Level.HTXSNV: 78, Level.HTTNV: 900, Level.HTNV: 20, Level.KHTNV: 2}


def _counts(levels: dict[Level, int]) -> Counts:
    c = Counts()
    for lv, n in levels.items():
        c.by_level[lv] = n
    c.rated = c.total = sum(levels.values())
    return c


def _stats(levels: dict[Level, int], child: dict[Level, int], year: int) -> YearStatistics:
    kind = OrgType.parse("chi_bo_co_so")
    orgs = [
        OrgStats("tinh", "Đảng bộ tỉnh Thử", kind, None, 0, _counts(levels), None, False),
        OrgStats("cb-1", "Chi bộ Một", kind, OrgCategory.XA, 1, _counts(child), None, False),
    ]
    by_category = {cat: Counts() for cat in OrgCategory}
    by_category[OrgCategory.XA] = _counts(child)
    return YearStatistics(year, "qd366-hd43", _counts(levels), orgs, by_category, Counts())


def _year() -> YearStatistics:
    stats = _stats(TOTAL, CHILD, 2025)
    stats.previous = _stats(BEFORE, BEFORE, 2024)
    return stats


def _shown(value: float, fmt: str) -> str:
    """What a spreadsheet shows of `value` under `fmt` ("0.0%" or "+0.0%;-0.0%;0.0%"):
    the value to 15 significant digits, times 100, a half rounded away from zero."""
    percent = (Decimal(f"{value:.15g}") * 100).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if fmt == "0.0%":
        return f"{percent}"
    assert fmt == "+0.0%;-0.0%;0.0%", fmt
    return f"+{percent}" if percent > 0 else f"{percent}" if percent < 0 else "0.0"


def _expected() -> tuple[dict[str, list[str]], list[str]]:
    """The shares by row label (CSV) and the changes (JSON), as one-decimal text."""
    stats = _year()
    rows = list(csv.DictReader(io.StringIO(to_csv(stats))))
    shares = {r["ten"]: [r[f"{lv.code}_ty_le"] for lv in LEVELS] for r in rows}
    changes = json.loads(to_json(stats))["nam_truoc"]["chenh_lech_diem"]
    return shares, [f"{changes[lv.code]:+.1f}" for lv in LEVELS]


def _written(tmp_path: Path) -> Path:
    out = tmp_path / "thong-ke.xlsx"
    write_xlsx(_year(), out, today=dt.date(2026, 1, 15))
    return out


def test_sheet_cells_show_the_percentages_of_csv_and_json(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(_written(tmp_path)).active
    shares, changes = _expected()
    assert shares["Toàn đảng bộ"][0] == "10.2" and shares["Chi bộ Một"][0] == "6.2"
    assert changes[0] == "+2.4"
    seen: dict[str, list[str]] = {}
    change_row: list[str] = []
    for row in ws.iter_rows():
        label = row[1].value
        if label in shares or label == "Xã":
            cells = [row[4 + 2 * i] for i in range(len(LEVELS))]
            assert {c.number_format for c in cells} == {"0.0%"}
            seen["Loại hình: Xã" if label == "Xã" else label] = [
                _shown(c.value, c.number_format) for c in cells
            ]
        elif isinstance(label, str) and label.startswith("So với năm 2024"):
            cells = [row[4 + 2 * i] for i in range(len(LEVELS))]
            change_row = [_shown(c.value, c.number_format) for c in cells]
    assert seen == shares
    assert change_row == changes


@needs_libreoffice
def test_a_spreadsheet_shows_the_percentages_of_csv_and_json(tmp_path: Path) -> None:
    """LibreOffice's own rendering of the sheet (its CSV export writes cells as shown)."""
    utf8 = "csv:Text - txt - csv (StarCalc):44,34,76"  # comma, double quote, UTF-8
    shown = convert(_written(tmp_path), utf8, tmp_path / "lo")
    lines = list(csv.reader(io.StringIO(shown.read_text(encoding="utf-8"))))
    shares, changes = _expected()
    by_label = {r[1]: r for r in lines if len(r) > 10}
    for label, expected in shares.items():
        row = by_label[label.removeprefix("Loại hình: ")]
        assert [row[4 + 2 * i].rstrip("%") for i in range(4)] == expected, label
    change = next(r for r in lines if len(r) > 10 and r[1].startswith("So với năm 2024"))
    assert [change[4 + 2 * i].rstrip("%") for i in range(4)] == changes
