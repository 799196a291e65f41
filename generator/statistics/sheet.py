"""The XLSX statistics sheet, laid out like an official report that prints on one A4
landscape page width:

    ĐẢNG BỘ HUYỆN …                       ĐẢNG CỘNG SẢN VIỆT NAM
                                          Ngày … tháng … năm …
                    BIỂU THỐNG KÊ
    KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025 – ĐẢNG BỘ …
    STT | Tổ chức đảng | Tổng số | HTXSNV (số, %) | … | Chưa có mức | Không xếp loại | … <- two
    -   | Toàn đảng bộ  (the one total row)                                                  header
    I   | Các tổ chức đảng trực thuộc                                                         rows,
    1   |   Đảng bộ xã …                                                                      repeated
    1.1 |     Chi bộ …                                                                        on every
    II  | Phân theo loại hình tổ chức cơ sở đảng                                              page
    1   |   Xã
    So với năm trước (điểm %)
    NGƯỜI LẬP BIỂU                          T/M BAN THƯỜNG VỤ

Every text cell from the data is stored as a string cell (`data_type = "s"`): openpyxl
would otherwise store a value starting with `=` as a formula (issue 9). Percentages are
stored as fractions with a `0.0%` number format, so the spreadsheet shows them in the
reader's locale ("10,2%"). Each is stored already rounded to the one decimal the format
shows (`export.points`, as CSV, JSON and the terminal write it): the exact share rounded
to four places and then shown at one decimal could round twice (301/2937 = 10.2485%,
stored 0.1025, shown 10.3% where the other outputs say 10.2), and a spreadsheet rounds a
half up where Python rounds it to even (1/16 = 6.25%: 6.3 against 6.2). The columns
after the levels are the statistics page's: "Chưa có mức", "Không xếp loại" (its total,
then by reason), "Trong đó mức dự kiến" and "Trong đó cần quyết định" (a text "không rõ"
where a rollup's source did not know it, never 0).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from generator.statistics import LEVELS, YearStatistics, xlsxfile
from generator.statistics.export import (
    NOT_RATED_TOTAL,
    PROVISIONAL,
    TO_DECIDE,
    UNASSESSED,
    UNKNOWN,
    Row,
    not_rated_columns,
    points,
    rows,
)

FONT = "Times New Roman"  # the font of official documents (Nghị định 30/2020/NĐ-CP)
SIZE = 12
# column widths in characters: STT, organization, total, (count, share) × 4, without a
# level, not rated (its total, then by reason), provisional
W_NUMBER, W_NAME, W_TOTAL, W_COUNT, W_SHARE, W_NOT_RATED, W_UNDECIDED = 6, 36, 9, 8, 8, 11, 11
LINE_PT = 16.5  # height of one line of 12 pt text, with some room for the renderer's leading

SHORT_NOT_RATED = {
    "moi_ket_nap": "Mới kết nạp dưới 6 tháng",
    "mien_sinh_hoat": "Miễn công tác, sinh hoạt",
    "dinh_chi": "Đình chỉ sinh hoạt",
    "mien_hoac_dinh_chi": "Miễn công tác, sinh hoạt hoặc đình chỉ (không công bố riêng)",
    "chua_kiem_diem": "Chưa kiểm điểm",
    "cho_huong_dan": "Chờ hướng dẫn",
}


def sheet_name(stats: YearStatistics) -> str:
    """A Vietnamese sheet name (at most 31 characters, none of []:*?/\\)."""
    return f"Xếp loại đảng viên {stats.year}"


def unit_name(stats: YearStatistics) -> str:
    """The reporting unit: the root of the tree (the first organization at depth 0)."""
    roots = [o for o in stats.orgs if o.depth == 0]
    return roots[0].name if len(roots) == 1 else ""


def date_line(day: dt.date) -> str:
    return f"Ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _lines(text: str, width: float) -> int:
    """How many lines `text` wraps to in a column `width` characters wide (word wrap; a
    column's width is counted in digits, about one Times New Roman letter each)."""
    usable = max(width - 1.5, 1)
    n, current = 1, 0.0
    for word in text.split():
        size = len(word)
        if current and current + 1 + size > usable:
            n += 1
            current = 0.0
        current = current + (1 if current else 0) + size
        while current > usable:  # a word longer than the column is broken
            n += 1
            current -= usable
    return n


def _fraction(percent: float) -> float:
    """A percentage as the fraction a `0.0%` cell shows as the other outputs do: rounded
    to one decimal first (`export.points`); a -0.0 is stored as 0."""
    return points(percent) / 100 + 0.0


def _numbers(all_rows: list[Row]) -> list[str]:
    """STT per section: organizations numbered as the tree is (1, 1.1, 2 …), categories
    1, 2 … of their own; the total row has none."""
    out: list[str] = []
    path: list[int] = []
    category = 0
    for r in all_rows:
        if r.kind == "to_chuc":
            depth = max(r.depth, 1)
            del path[depth:]
            while len(path) < depth:
                path.append(0)
            path[depth - 1] += 1
            out.append(".".join(str(n) for n in path))
        elif r.kind == "phan_loai":
            category += 1
            out.append(str(category))
        else:
            out.append("")
    return out


def write_xlsx(stats: YearStatistics, path: Path, today: dt.date | None = None) -> None:
    """Write the year's official statistics sheet to `path`, dated `today` (default: the
    day `xlsxfile.sheet_date` gives): the same statistics and day give the same bytes."""
    from openpyxl import Workbook

    day = today or xlsxfile.sheet_date()
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(stats)
    _Sheet(ws, stats, day).write()
    wb.properties.title = f"Biểu thống kê kết quả xếp loại đảng viên năm {stats.year}"
    wb.properties.language = "vi-VN"
    xlsxfile.save(wb, path, day)


class _Sheet:
    def __init__(self, ws: Any, stats: YearStatistics, today: dt.date) -> None:
        from openpyxl.styles import Alignment, Border, Font, Side

        self.ws = ws
        self.stats = stats
        self.today = today
        self.nr_cols = not_rated_columns(stats)
        self.widths = [
            W_NUMBER,
            W_NAME,
            W_TOTAL,
            *[w for _ in LEVELS for w in (W_COUNT, W_SHARE)],
            W_UNDECIDED,
            *[W_NOT_RATED] * (1 + len(self.nr_cols)),
            W_UNDECIDED,
            W_UNDECIDED,
        ]
        self.ncols = len(self.widths)
        self.font = Font(name=FONT, size=SIZE)
        self.bold = Font(name=FONT, size=SIZE, bold=True)
        self.italic = Font(name=FONT, size=SIZE, italic=True)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.right = Alignment(horizontal="right", vertical="center")
        thin = Side(style="thin")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)

    # ------------------------------------------------------------------ cells

    def text(self, row: int, col: int, value: str, font: Any = None, align: Any = None) -> Any:
        """A text cell that is text whatever it starts with (never a formula)."""
        cell = self.ws.cell(row, col)
        if value:
            cell.value = value
            cell.data_type = "s"
        cell.font = font or self.font
        cell.alignment = align or self.left
        return cell

    def merged_text(
        self, row: int, first: int, last: int, value: str, font: Any = None, align: Any = None
    ) -> None:
        self.text(row, first, value, font, align or self.center)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        width = sum(self.widths[first - 1 : last])
        self.fit_height(row, _lines(value, width))

    def fit_height(self, row: int, lines: int) -> None:
        dim = self.ws.row_dimensions[row]
        dim.height = max(dim.height or 0, LINE_PT * lines + 3)

    # ------------------------------------------------------------------ layout

    def write(self) -> None:
        row = self.heading()
        h1 = row + 1
        self.header(h1)
        row = self.body(h1 + 2)
        row = self.comparison(row + 1)
        self.signatures(row + 1)
        self.page_setup(h1)

    def heading(self) -> int:
        n = self.ncols
        half = 3 + 2 * 1  # the left block spans STT, name and total (and a little more)
        unit = unit_name(self.stats).upper()
        self.merged_text(1, 1, half, unit or "ĐẢNG BỘ", self.bold)
        self.merged_text(1, half + 1, n, "ĐẢNG CỘNG SẢN VIỆT NAM", self.bold)
        self.merged_text(2, 1, half, "*", self.font)
        self.merged_text(2, half + 1, n, date_line(self.today), self.italic)
        self.merged_text(4, 1, n, "BIỂU THỐNG KÊ", self.bold)
        title = f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM {self.stats.year}"
        self.merged_text(5, 1, n, title, self.bold)
        if unit:
            self.merged_text(6, 1, n, f"Đơn vị: {unit_name(self.stats)}", self.font)
        self.merged_text(7, 1, n, f"(Bộ quy tắc áp dụng: {self.stats.ruleset})", self.italic)
        return 8

    def header(self, h1: int) -> None:
        from openpyxl.styles import Font

        h2 = h1 + 1
        head = Font(name=FONT, size=SIZE - 1, bold=True)
        cells: list[tuple[int, int, str]] = []  # (first, last, text) on h1, spanning h2 too
        subs: list[tuple[int, str]] = []
        col = 1
        for text in ("STT", "Tổ chức đảng", "Tổng số đảng viên"):
            cells.append((col, col, text))
            col += 1
        for lv in LEVELS:
            cells.append((col, col + 1, f"{lv.label_vi} ({lv.code})"))
            subs += [(col, "Số lượng"), (col + 1, "Tỷ lệ")]
            col += 2
        # the statistics page's columns (generator.statistics.export.UNASSESSED …): the
        # levels, "Chưa có mức" and "Không xếp loại" add up to the total
        cells.append((col, col, UNASSESSED))
        col += 1
        first_nr = col
        subs.append((col, "Cộng"))
        col += 1
        for nr in self.nr_cols:
            subs.append((col, SHORT_NOT_RATED[nr.value]))
            col += 1
        cells.append((first_nr, col - 1, NOT_RATED_TOTAL))
        cells.append((col, col, PROVISIONAL))
        cells.append((col + 1, col + 1, TO_DECIDE))
        top_lines = bottom_lines = 1
        for first, last, text in cells:
            self.text(h1, first, text, head, self.center)
            spans_both = first == last and first not in dict(subs)
            end_row = h2 if spans_both else h1
            if last > first or spans_both:
                self.ws.merge_cells(
                    start_row=h1, start_column=first, end_row=end_row, end_column=last
                )
            width = sum(self.widths[first - 1 : last])
            lines = _lines(text, width)
            if spans_both:
                lines = math.ceil(lines / 2)
            top_lines = max(top_lines, lines)
        for column, text in subs:
            self.text(h2, column, text, head, self.center)
            bottom_lines = max(bottom_lines, _lines(text, self.widths[column - 1]))
        self.fit_height(h1, top_lines)
        self.fit_height(h2, bottom_lines)
        for r in (h1, h2):
            for column in range(1, self.ncols + 1):
                self.ws.cell(r, column).border = self.border

    def body(self, row: int) -> int:
        all_rows = list(rows(self.stats))
        numbers = _numbers(all_rows)
        section = ""
        for r, number in zip(all_rows, numbers, strict=True):
            if r.kind != "tong" and r.kind != section:
                section = r.kind
                roman = "I" if section == "to_chuc" else "II"
                title = (
                    "Các tổ chức đảng trực thuộc"
                    if section == "to_chuc"
                    else "Phân theo loại hình tổ chức cơ sở đảng"
                )
                self.section_row(row, roman, title)
                row += 1
            self.data_row(row, r, number)
            row += 1
        return row

    def section_row(self, row: int, number: str, title: str) -> None:
        self.text(row, 1, number, self.bold, self.center)
        self.text(row, 2, title, self.bold)
        self.fit_height(row, _lines(title, W_NAME))
        for column in range(1, self.ncols + 1):
            self.ws.cell(row, column).border = self.border

    def data_row(self, row: int, r: Row, number: str) -> None:
        c = r.counts
        total = r.kind == "tong"
        font = self.bold if total else self.font
        depth = max(r.depth - 1, 0) if r.kind == "to_chuc" else 0
        label = r.label.removeprefix("Loại hình: ") if r.kind == "phan_loai" else r.label
        self.text(row, 1, number, font, self.center)
        name = self.text(row, 2, label, font)
        if depth:
            from openpyxl.styles import Alignment

            name.alignment = Alignment(
                horizontal="left", vertical="center", wrap_text=True, indent=2 * depth
            )
        self.fit_height(row, _lines(label, W_NAME - 2 * depth))
        values: list[tuple[float | int, str]] = [(c.total, "0")]
        for lv in LEVELS:
            values += [(c.count(lv), "0"), (_fraction(c.share(lv) * 100), "0.0%")]
        values += [(c.unassessed, "0"), (c.not_rated_total, "0")]
        values += [(c.not_rated[nr], "0") for nr in self.nr_cols]
        values.append((c.undecided, "0"))
        if c.to_decide is not None:
            values.append((c.to_decide, "0"))
        for column, (value, fmt) in enumerate(values, start=3):
            cell = self.ws.cell(row, column, value)
            cell.number_format = fmt
            cell.font = font
            cell.alignment = self.right
        if c.to_decide is None:  # a rollup's source did not know it: said, not summed as 0
            self.text(row, self.ncols, UNKNOWN, font, self.right)
        for column in range(1, self.ncols + 1):
            self.ws.cell(row, column).border = self.border

    def comparison(self, row: int) -> int:
        prev = self.stats.previous
        if prev is None or self.stats.change(LEVELS[0]) is None:
            return row
        label = f"So với năm {prev.year} (tăng, giảm tỷ lệ)"
        self.text(row, 2, label, self.italic)
        self.fit_height(row, _lines(label, W_NAME))
        for i, lv in enumerate(LEVELS):
            change = self.stats.change(lv) or 0.0
            self.text(row, 4 + 2 * i, lv.code, self.italic, self.right)
            cell = self.ws.cell(row, 5 + 2 * i, _fraction(change))
            cell.number_format = "+0.0%;-0.0%;0.0%"
            cell.font = self.italic
            cell.alignment = self.right
        return row + 1

    def signatures(self, row: int) -> None:
        n = self.ncols
        half = 3 + 2 * 1
        right = n - 6 + 1
        self.merged_text(row, 1, half, "NGƯỜI LẬP BIỂU", self.bold)
        self.merged_text(row, right, n, "T/M BAN THƯỜNG VỤ", self.bold)
        self.merged_text(row + 1, 1, half, "(Ký, ghi rõ họ tên)", self.italic)
        self.merged_text(row + 1, right, n, "(Ký tên, đóng dấu)", self.italic)
        for spacer in range(row + 2, row + 6):  # room to sign
            self.ws.row_dimensions[spacer].height = LINE_PT

    def page_setup(self, h1: int) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.properties import PageSetupProperties

        ws = self.ws
        for i, width in enumerate(self.widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as it needs
        ws.page_margins.left = ws.page_margins.right = 0.5
        ws.page_margins.top = ws.page_margins.bottom = 0.6
        ws.print_options.horizontalCentered = True
        ws.print_title_rows = f"{h1}:{h1 + 1}"
        ws.print_area = f"A1:{get_column_letter(self.ncols)}{ws.max_row}"
        ws.freeze_panes = ws.cell(h1 + 2, 3)
        ws.oddFooter.center.text = "Trang &P/&N"
