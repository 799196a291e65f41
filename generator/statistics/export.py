"""Outputs of `YearStatistics`: a terminal table, CSV, JSON and an XLSX sheet laid out like
an official statistics report (title rows, merged header cells, Vietnamese headings).

Every output has the same rows (`rows(stats)`): the whole tree first, then each
organization in tree order, then each grassroots category; the same columns (`COLUMNS`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.statistics import CATEGORIES, LEVELS, NOT_RATED, Counts, YearStatistics

NOT_RATED_SHOWN = NOT_RATED[:4]  # pending years show their own column only when used


@dataclass(frozen=True)
class Row:
    kind: str  # "tong" | "to_chuc" | "phan_loai"
    key: str  # org id or category value ("" for the total)
    label: str
    depth: int
    org_level: str  # the organization's own final level code ("" if none)
    counts: Counts


def rows(stats: YearStatistics) -> Iterator[Row]:
    yield Row("tong", "", "Toàn đảng bộ", 0, "", stats.total)
    for o in stats.orgs:
        level = o.level.code + ("*" if o.provisional else "") if o.level else ""
        yield Row("to_chuc", o.org_id, o.name, o.depth, level, o.members)
    for cat in CATEGORIES:
        c = stats.by_category[cat]
        if c.total:
            yield Row("phan_loai", cat.value, f"Loại hình: {cat.label_vi}", 0, "", c)


def _not_rated_columns(stats: YearStatistics) -> list[Any]:
    cols = list(NOT_RATED_SHOWN)
    if stats.total.not_rated[NOT_RATED[4]]:
        cols.append(NOT_RATED[4])
    return cols


def _pct(share: float) -> str:
    return f"{share * 100:.1f}".replace(".", ",")


def record(row: Row, stats: YearStatistics) -> dict[str, Any]:
    """One row as a flat mapping (CSV/JSON): ASCII keys, counts and percentages."""
    c = row.counts
    out: dict[str, Any] = {
        "loai_dong": row.kind,
        "ma": row.key,
        "ten": row.label,
        "xep_loai_to_chuc": row.org_level,
        "tong_dang_vien": c.total,
        "duoc_xep_loai": c.rated,
        "co_muc": c.with_level,
    }
    for lv in LEVELS:
        out[lv.code] = c.count(lv)
        out[f"{lv.code}_ty_le"] = round(c.share(lv) * 100, 1)
    for nr in _not_rated_columns(stats):
        out[f"khong_xep_loai_{nr.value}"] = c.not_rated[nr]
    out["chua_quyet_dinh"] = c.undecided
    out["can_quyet_dinh"] = c.unassessed
    return out


def to_csv(stats: YearStatistics) -> str:
    buf = io.StringIO()
    recs = [record(r, stats) for r in rows(stats)]
    writer = csv.DictWriter(buf, fieldnames=list(recs[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(recs)
    return buf.getvalue()


def to_json(stats: YearStatistics) -> str:
    data: dict[str, Any] = {
        "nam": stats.year,
        "bo_quy_tac": stats.ruleset,
        "dong": [record(r, stats) for r in rows(stats)],
        "xep_loai_to_chuc": {lv.code: stats.org_levels.count(lv) for lv in LEVELS},
    }
    if stats.previous is not None:
        data["nam_truoc"] = {
            "nam": stats.previous.year,
            "ty_le": {lv.code: round(stats.previous.total.share(lv) * 100, 1) for lv in LEVELS},
            "chenh_lech_diem": {lv.code: round(stats.change(lv) or 0.0, 1) for lv in LEVELS},
        }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- terminal


def table(stats: YearStatistics) -> str:
    """The year's table for `kiemdiem rate`: aligned columns, Vietnamese headings."""
    nr_cols = _not_rated_columns(stats)
    head = [
        "Tổ chức",
        "XL",
        "Tổng",
        *[lv.code for lv in LEVELS],
        *[
            {
                "moi_ket_nap": "Mới KN",
                "mien_sinh_hoat": "Miễn SH",
                "dinh_chi": "Đình chỉ",
                "chua_kiem_diem": "Chưa KĐ",
                "cho_huong_dan": "Chờ HD",
            }[nr.value]
            for nr in nr_cols
        ],
        "Chưa QĐ",
    ]
    body: list[list[str]] = []
    for r in rows(stats):
        c = r.counts
        label = "  " * r.depth + r.label
        cells = [label, r.org_level, str(c.total)]
        for lv in LEVELS:
            n = c.count(lv)
            cells.append(f"{n} ({_pct(c.share(lv))}%)" if c.with_level else str(n))
        cells += [str(c.not_rated[nr]) for nr in nr_cols]
        cells.append(str(c.undecided + c.unassessed))
        body.append(cells)
    widths = [max(len(row[i]) for row in [head, *body]) for i in range(len(head))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cells[i].rjust(widths[i]) for i in range(1, len(cells))]
        return "  ".join([first, *rest]).rstrip()

    out = [
        f"Kết quả xếp loại năm {stats.year} ({stats.ruleset})",
        line(head),
        "  ".join("-" * w for w in widths),
    ]
    out += [line(b) for b in body]
    out.append("")
    out.append(
        "XL: xếp loại của tổ chức (* = dự kiến). Tỷ lệ tính trên số đảng viên có mức "
        "xếp loại. Chưa QĐ: chưa có quyết định hoặc cần cấp có thẩm quyền quyết định."
    )
    if stats.previous is not None:
        changes = ", ".join(f"{lv.code} {_signed(stats.change(lv))}" for lv in LEVELS)
        out.append(f"So với năm {stats.previous.year} (điểm %): {changes}")
    return "\n".join(out) + "\n"


def _signed(x: float | None) -> str:
    if x is None:
        return "—"
    return ("+" if x >= 0 else "") + f"{x:.1f}".replace(".", ",")


# --------------------------------------------------------------------------- xlsx


def write_xlsx(stats: YearStatistics, path: Path) -> None:
    """An official-looking sheet: title rows, two header rows with merged group cells
    ("Số lượng, tỷ lệ xếp loại", "Không xếp loại"), one row per organization, then the
    breakdown by category."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = f"Nam {stats.year}"
    nr_cols = _not_rated_columns(stats)
    ncols = 3 + 2 * len(LEVELS) + len(nr_cols) + 1
    bold = Font(bold=True)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)

    ws.cell(1, 1, "BIỂU THỐNG KÊ").font = Font(bold=True, size=13)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(2, 1, f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {stats.year}").font = bold
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    ws.cell(3, 1, f"(Bộ quy tắc: {stats.ruleset})")
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=ncols)
    for r in (1, 2, 3):
        ws.cell(r, 1).alignment = center

    h1, h2 = 5, 6
    fixed = ["STT", "Tổ chức đảng", "Tổng số đảng viên"]
    for i, text in enumerate(fixed, start=1):
        ws.cell(h1, i, text)
        ws.merge_cells(start_row=h1, start_column=i, end_row=h2, end_column=i)
    col = 4
    for lv in LEVELS:
        ws.cell(h1, col, lv.label_vi)
        ws.merge_cells(start_row=h1, start_column=col, end_row=h1, end_column=col + 1)
        ws.cell(h2, col, "Số lượng")
        ws.cell(h2, col + 1, "Tỷ lệ (%)")
        col += 2
    ws.cell(h1, col, "Không xếp loại")
    if len(nr_cols) > 1:
        ws.merge_cells(
            start_row=h1, start_column=col, end_row=h1, end_column=col + len(nr_cols) - 1
        )
    for nr in nr_cols:
        ws.cell(h2, col, nr.label_vi)
        col += 1
    ws.cell(h1, col, "Chưa quyết định")
    ws.merge_cells(start_row=h1, start_column=col, end_row=h2, end_column=col)
    for r in (h1, h2):
        for column in range(1, ncols + 1):
            cell = ws.cell(r, column)
            cell.font = bold
            cell.alignment = center
            cell.border = border

    row = h2 + 1
    for n, r_ in enumerate(rows(stats), start=1):
        c = r_.counts
        values: list[Any] = [n, ("   " * r_.depth) + r_.label, c.total]
        for lv in LEVELS:
            values += [c.count(lv), round(c.share(lv) * 100, 1)]
        values += [c.not_rated[nr] for nr in nr_cols]
        values.append(c.undecided + c.unassessed)
        for i, value in enumerate(values, start=1):
            cell = ws.cell(row, i, value)
            cell.border = border
            if r_.kind == "tong":
                cell.font = bold
        row += 1
    if stats.previous is not None:
        row += 1
        ws.cell(row, 2, f"So với năm {stats.previous.year} (điểm %)").font = bold
        for i, lv in enumerate(LEVELS):
            ws.cell(row, 4 + 2 * i, lv.code)
            ws.cell(row, 5 + 2 * i, round(stats.change(lv) or 0.0, 1))
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 42
    for i in range(3, ncols + 1):
        ws.column_dimensions[get_column_letter(i)].width = 12
    ws.freeze_panes = ws.cell(h2 + 1, 3)
    wb.save(path)
