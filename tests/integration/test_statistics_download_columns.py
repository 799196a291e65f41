"""The statistics downloads (CSV, XLSX: the writers of `kiemdiem stats`) have the
statistics page's columns, with its numbers.

The sheet and CSV had one "Chưa quyết định" column counting provisional levels (already in
the level columns) together with members rated without a level, while the page has "Chưa
có mức", "Không xếp loại" and "Trong đó mức dự kiến", which add up. On the An Sơn
committee's site of the sample's 2025 with dv-101012's level withheld from it
(test_privacy_withheld_counts), the page has all three: one rated without a level (her),
provisional levels, and members not rated. generator/statistics/export.py, sheet.py.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import copy_sample
from tests.integration.test_privacy_withheld_counts import withhold_deputy_level
from tests.integration.test_site_stats_add_up import _n, _tables

XA = "dang-bo-xa-an-son"
LEVELS = ("HTXSNV", "HTTNV", "HTNV", "KHTNV")
REST = ("Chưa có mức", "Không xếp loại", "Trong đó mức dự kiến")
CSV_KEYS = {"Chưa có mức": "chua_co_muc", "Không xếp loại": "khong_xep_loai"}
CSV_KEYS["Trong đó mức dự kiến"] = "trong_do_muc_du_kien"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_sample(tmp_path_factory.mktemp("download-columns") / "repo", (2024, 2025))
    withhold_deputy_level(repo)
    out = repo / "site"
    common = ["--repo", str(repo), "build", "--year", "2025", "--out", str(out)]
    assert main([*common, "--pham-vi", "cap-uy", "--chi-mot", XA]) == 0
    return out / "cap-uy" / XA / "2025"


def _page_rows(site: Path) -> dict[str, dict[str, int]]:
    """Each row of the page's whole-tree and by-organization tables: name -> column -> n."""
    tables = _tables((site / "thong-ke" / "index.html").read_text("utf-8"))
    out = {}
    for name, label in (("bang-toan-dang-bo", "Toàn đảng bộ"), ("bang-theo-to-chuc", "")):
        heads, rows = tables[name]
        for row in rows:
            cells = dict(zip(heads, row, strict=True))
            key = label or cells["Tổ chức"]
            total = cells.get("Tổng số đảng viên") or cells["Tổng số"]
            wanted = {h: _n(cells[h]) for h in (*LEVELS, *REST)}
            out.setdefault(key, {"Tổng số": _n(total), **wanted})  # type: ignore[dict-item]
    return out


def _expected(site: Path) -> dict[str, dict[str, int]]:
    """The page's rows the downloads have: the committee's own organization holds every
    member of its site, so the downloads' total row is it (export.rows), not two rows."""
    page = _page_rows(site)
    assert page.pop("Đảng bộ xã An Sơn") == page["Toàn đảng bộ"]
    return page


def _download(site: Path, name: str) -> Path:
    (path,) = site.rglob(name)
    return path


def test_page_has_each_kind_of_member(site: Path) -> None:
    whole = _page_rows(site)["Toàn đảng bộ"]
    assert whole["Chưa có mức"] == 1  # her withheld provisional level
    assert whole["Không xếp loại"] and whole["Trong đó mức dự kiến"]


def test_csv_has_the_pages_columns_and_numbers(site: Path) -> None:
    text = _download(site, "thong-ke-2025.csv").read_text("utf-8-sig")
    records = list(csv.DictReader(io.StringIO(text)))
    assert "chua_quyet_dinh" not in records[0] and "can_quyet_dinh" not in records[0]
    page = _expected(site)
    seen = 0
    for rec in records:
        shown = page.get(rec["ten"])
        if shown is None:
            continue  # the categories: a table of the page's without these columns
        seen += 1
        got = {"Tổng số": int(rec["tong_dang_vien"]), **{lv: int(rec[lv]) for lv in LEVELS}}
        got |= {h: int(rec[k]) for h, k in CSV_KEYS.items()}
        assert got == shown, rec["ten"]
        levels = sum(int(rec[lv]) for lv in LEVELS)
        assert levels + int(rec["chua_co_muc"]) == int(rec["duoc_xep_loai"])
        assert int(rec["duoc_xep_loai"]) + int(rec["khong_xep_loai"]) == got["Tổng số"]
        reasons = [v for k, v in rec.items() if k.startswith("khong_xep_loai_")]
        assert sum(map(int, reasons)) == int(rec["khong_xep_loai"])
    assert seen == len(page)


def test_xlsx_has_the_pages_columns_and_numbers(site: Path) -> None:
    from openpyxl import load_workbook

    ws = load_workbook(_download(site, "thong-ke-2025.xlsx")).active
    h1 = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "STT")
    heads = {ws.cell(h1, c).value: c for c in range(1, ws.max_column + 1)}
    subs = {ws.cell(h1 + 1, c).value: c for c in range(1, ws.max_column + 1)}
    assert "Chưa quyết định" not in heads
    column = {"Tổng số": heads["Tổng số đảng viên"], **{h: heads[h] for h in REST}}
    assert subs["Cộng"] == heads["Không xếp loại"]  # the group's first column: its total
    for lv in LEVELS:
        column[lv] = next(c for text, c in heads.items() if text and text.endswith(f"({lv})"))
    page = _expected(site)
    seen = 0
    for r in range(h1 + 2, ws.max_row + 1):
        shown = page.get(ws.cell(r, 2).value)
        if shown is None:
            continue
        seen += 1
        got = {h: ws.cell(r, c).value for h, c in column.items()}
        assert got == shown, ws.cell(r, 2).value
        assert sum(got[h] for h in (*LEVELS, *REST[:2])) == got["Tổng số"]
    assert seen == len(page)
