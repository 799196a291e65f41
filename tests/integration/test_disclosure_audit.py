"""An auditor for the whole organization's statistics pages (issue 14, RULES.md X4): for
each built page it reads the tables as a reader would and tries to work out every hidden
cell from the shown cells, the rows' totals, the parent organizations' rows, the whole
organization's row, the categories' rows and the bounds the labels give ("< 3": 1 or 2).
None may come out as one number; no hidden cell may carry a false value; no share, change
or chart value may belong to a row that hides a cell; the page has no downloads.

Run on the bundled sample and on a small synthetic province whose chi bộ have 112-161
members (where a "< 3" once came back as 8 - 6 = 2 through the parents).
"""

from __future__ import annotations

import html as htmllib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import Pipeline
from generator.site import rating
from generator.site.audiences import organization_view
from generator.site.build import BuildOptions, build_site
from generator.statistics import COUNTED_NOT_RATED, LEVELS, Counts, YearStatistics
from generator.submissions.layout import years
from generator.submissions.records import OrgCategory

ROOT = Path(__file__).resolve().parents[2]
HIDDEN = "ẩn"
SMALL = "< 3"
Key = tuple[str, str]  # (row, column)


def _build(repo: Path, out: Path) -> Path:
    build_site(BuildOptions(repo=repo, out=out, project=ROOT, force=True, work=out.parent / "w"))
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if not years(ROOT):
        pytest.skip("no sample years in submissions/")
    return ROOT, _build(ROOT, tmp_path_factory.mktemp("sample") / "site")


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    repo = tmp_path_factory.mktemp("province") / "repo"
    args = ["--size", "2", "3", "400", "--shape", "province-2025", "--year", "2025"]
    subprocess.run([sys.executable, "-m", "generator.synthetic", str(repo), *args],
                   check=True, capture_output=True)  # fmt: skip
    shutil.copytree(ROOT / "schema", repo / "schema")
    return repo, _build(repo, repo.parent / "site")


def _tables(page: str) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for tid, body in re.findall(r'<table[^>]*id="([^"]+)".*?<tbody>(.*?)</tbody>', page, re.S):
        rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
        cell = r"<td[^>]*>(.*?)</td>"
        out[tid] = [
            [htmllib.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(cell, r, re.S)]
            for r in rows
        ]
    return out


class Reader:
    """What the page tells: known cells, hidden cells with their bounds, and sums."""

    def __init__(self) -> None:
        self.known: dict[Key, int] = {}
        self.bounds: dict[Key, tuple[int, int]] = {}  # hidden: (low, high)
        self.sums: list[tuple[dict[Key, int], int]] = []
        self.problems: list[str] = []

    def cells(self, row: str, texts: list[str], truth: list[int], cols: list[str]) -> None:
        hides = any(t in (HIDDEN, SMALL) for t in texts)
        for text, n, col in zip(texts, truth, cols, strict=True):
            if text in (HIDDEN, SMALL):
                if text == SMALL and not 0 < n < 3:
                    self.problems.append(f"{row} {col}: '< 3' but {n}")
                self.bounds[(row, col)] = (1, 2) if text == SMALL else (0, 10**9)
                continue
            if hides and "%" in text:
                self.problems.append(f"{row} {col}: a share '{text}' beside a hidden cell")
            shown = int(text.split(" ")[0])
            if shown != n:
                self.problems.append(f"{row} {col}: shows {shown}, is {n}")
            self.known[(row, col)] = n

    def sum(self, coefs: dict[Key, int], truth: dict[Key, int]) -> None:
        self.sums.append((coefs, sum(c * truth[k] for k, c in coefs.items())))

    def inherent(self) -> set[Key]:
        """Cells the shown totals alone give, even with every other count hidden (a chi bộ
        of 2 members, both not rated): no suppression of counts can hide those."""
        blind = Reader()
        blind.sums = self.sums
        every = {k for coefs, _ in self.sums for k in coefs}
        blind.known = {k: v for k, v in self.known.items() if k not in every}
        blind.bounds = {k: self.bounds.get(k, (0, 10**9)) for k in every}
        return blind.solved() & set(self.bounds)

    def solved(self) -> set[Key]:
        """Hidden cells a row or column with one unknown, or the bounds, pin down."""
        lo = {k: b[0] for k, b in self.bounds.items()}
        hi = {k: b[1] for k, b in self.bounds.items()}
        for _ in range(100):
            changed = False
            for coefs, total in self.sums:
                rest = total - sum(c * self.known[k] for k, c in coefs.items() if k in self.known)
                unknown = {k: c for k, c in coefs.items() if k not in self.known}
                for k, c in unknown.items():
                    others = [(c2, lo[k2], hi[k2]) for k2, c2 in unknown.items() if k2 != k]
                    low = sum(c2 * (a if c2 > 0 else b) for c2, a, b in others)
                    high = sum(c2 * (b if c2 > 0 else a) for c2, a, b in others)
                    a, b = (rest - high, rest - low) if c > 0 else (low - rest, high - rest)
                    if a > lo[k] or b < hi[k]:
                        lo[k], hi[k], changed = max(lo[k], a), min(hi[k], b), True
            if not changed:
                break
        return {k for k in self.bounds if lo[k] >= hi[k]}


def _values(c: Counts, cols: list[str]) -> list[int]:
    by = {lv.code: c.by_level[lv] for lv in LEVELS} | {"KXL": c.not_rated_total}
    by |= {nr.value: c.not_rated[nr] for nr in COUNTED_NOT_RATED}
    return [by[col] for col in cols]


ROW = [lv.code for lv in LEVELS] + ["KXL"]


def _truth(key: str, c: Counts, truth: dict[Key, int]) -> None:
    cols = [*ROW, *(nr.value for nr in COUNTED_NOT_RATED)]
    truth.update({(key, col): v for col, v in zip(cols, _values(c, cols), strict=True)})


def _audit(stats: YearStatistics, pages: list[str]) -> Reader:
    reader, truth = Reader(), dict[Key, int]()
    tables = [_tables(p) for p in pages]
    org_rows = [r for t in tables for r in t.get("bang-theo-to-chuc", [])]
    assert len(org_rows) == len(stats.orgs)
    path: list[str] = []
    children: dict[str, list[str]] = {"t": []}
    for i, (o, row) in enumerate(zip(stats.orgs, org_rows, strict=True)):
        key = f"o{i}"
        _truth(key, o.members, truth)
        # name, level, total, the levels, "Chưa có mức", "Không xếp loại", of which provisional
        reader.cells(key, [*row[3:7], row[8]], _values(o.members, ROW), ROW)
        reader.sum({(key, col): 1 for col in ROW}, truth)
        del path[o.depth :]
        children.setdefault(path[-1] if path else "t", []).append(key)
        path.append(key)
    first = tables[0]
    total = first["bang-toan-dang-bo"][0]
    _truth("t", stats.total, truth)
    codes = [lv.code for lv in LEVELS]
    reader.cells("t", total[2:6], _values(stats.total, codes), codes)
    label = {nr.label_vi: nr for nr in COUNTED_NOT_RATED}
    shown = {label[r[0]]: r[1] for r in first.get("bang-khong-xep-loai", [])}
    reasons = list(shown)
    reader.cells("t", list(shown.values()), [stats.total.not_rated[nr] for nr in reasons],
                 [nr.value for nr in reasons])  # fmt: skip
    for nr in COUNTED_NOT_RATED:
        if nr not in shown:
            assert not stats.total.not_rated[nr], nr  # a row left out is a 0
            reader.known[("t", nr.value)] = 0
    reader.sum({("t", c): 1 for c in codes}, truth)
    reader.sum({("t", nr.value): 1 for nr in COUNTED_NOT_RATED}, truth)
    for parent, kids in children.items():
        for col in ROW if parent != "t" else codes:
            reader.sum({(parent, col): 1} | {(k, col): -1 for k in kids}, truth)
    if children["t"]:
        coefs = {("t", nr.value): 1 for nr in COUNTED_NOT_RATED} | {
            (k, "KXL"): -1 for k in children["t"]
        }
        reader.sum(coefs, truth)
    _categories(stats, first, reader, truth)
    _comparison(stats, first, reader)
    return reader


def _categories(stats: YearStatistics, first: dict, reader: Reader, truth: dict) -> None:
    rows = iter(first.get("bang-loai-hinh", []))
    for j, (cat, c) in enumerate(stats.by_category.items()):
        if not c.total:
            continue
        row, key = next(rows), f"c{j}"
        _truth(key, c, truth)
        # name, total, the levels, "Chưa có mức", "Không xếp loại"
        reader.cells(key, [*row[2:6], row[7]], _values(c, ROW), ROW)
        reader.sum({(key, col): 1 for col in ROW}, truth)
        parts = [f"o{i}" for i, o in enumerate(stats.orgs)
                 if o.type.is_grassroots and (o.category or OrgCategory.KHAC) == cat]  # fmt: skip
        for col in ROW:
            reader.sum({(key, col): 1} | {(p, col): -1 for p in parts}, truth)


def _comparison(stats: YearStatistics, first: dict, reader: Reader) -> None:
    rows = first.get("bang-so-sanh")
    if not rows or stats.previous is None:
        return
    hides = {
        str(year): any(t in (HIDDEN, SMALL) for t in row[3:7]) for year, row in
        ((stats.previous.year, rows[0]), (stats.year, rows[1] if len(rows) > 2 else []))
    }  # fmt: skip
    if len(rows) > 2 and any(hides.values()):
        assert set(rows[2][3:7]) == {"—"}, rows[2]  # no change in points
    return None


def _chart_titles(page: str) -> list[str]:
    return [htmllib.unescape(t) for t in re.findall(r"<title>(.*?)</title>", page)]


def _check_site(repo: Path, site: Path) -> list[str]:
    problems: list[str] = []
    totals: dict[str, list[str]] = {}  # each year's whole-organization levels as shown
    built = sorted(int(p.name) for p in site.iterdir() if p.is_dir() and p.name.isdigit())
    views = rating.views(Pipeline(repo, cache=False).rate(built))
    for year_dir in sorted(p for p in site.iterdir() if p.is_dir() and p.name.isdigit()):
        folder = year_dir / "thong-ke"
        if not (folder / "index.html").exists():
            continue
        # the numbers as the organization's site counts them (the truth to audit with)
        stats = organization_view(views[int(year_dir.name)], repo / "schema").stats
        assert stats is not None
        pages = [folder / "index.html", *sorted(folder.glob("*/index.html"))]
        texts = [p.read_text("utf-8") for p in pages]
        reader = _audit(stats, texts)
        problems += [f"{year_dir.name}: {p}" for p in reader.problems]
        solved = reader.solved() - reader.inherent()
        problems += [f"{year_dir.name}: {k} can be worked out" for k in sorted(solved)]
        problems += [f"{year_dir.name}: download {p.name}" for p in folder.glob("thong-ke-*")]
        problems += _chart_problems(stats, texts[0], year_dir.name)
        # the year before as this page compares with it: hidden as on its own page
        tables = _tables(texts[0])
        totals[year_dir.name] = tables["bang-toan-dang-bo"][0][2:6]
        for row in tables.get("bang-so-sanh", [])[:1]:
            if row[0] in totals and row[3:7] != totals[row[0]]:
                problems.append(f"{year_dir.name}: {row[0]} compared as {row[3:7]}")
    return problems


def _chart_problems(stats: YearStatistics, page: str, year: str) -> list[str]:
    tables = _tables(page)
    hidden_years = set()
    for _name, row in (("total", tables["bang-toan-dang-bo"][0][2:6]),):
        if any(t in (HIDDEN, SMALL) for t in row):
            hidden_years.add(year)
    compared = tables.get("bang-so-sanh", [])
    if compared and any(t in (HIDDEN, SMALL) for t in compared[0][3:7]):
        hidden_years.add(compared[0][0])
    org_rows = {r[0]: r for r in tables.get("bang-theo-to-chuc", [])}
    out = []
    for title in _chart_titles(page):
        head = title.split(":")[0]
        if head in hidden_years:
            out.append(f"{year}: chart value '{title}' for a year that hides a cell")
        shown = org_rows.get(head)
        if shown and any(t in (HIDDEN, SMALL) for t in shown[3:8]):
            out.append(f"{year}: chart value '{title}' for a row that hides a cell")
    return out


def test_the_sample_sites_hidden_counts_cannot_be_worked_out(sample: tuple[Path, Path]) -> None:
    assert _check_site(*sample) == []


def test_a_provinces_hidden_counts_cannot_be_worked_out(province: tuple[Path, Path]) -> None:
    repo, site = province
    assert _check_site(repo, site) == []
    page = (site / "2025/thong-ke/index.html").read_text("utf-8")
    assert "không thể tính ra các số nhỏ đó" in page  # the legend of "ẩn"
    rows = {r[0]: r for r in _tables(page)["bang-theo-to-chuc"]}
    # the trial's chi bộ: its KHTNV is small, the other hidden cell is no "< 3"
    row = rows["Chi bộ Trường THCS Vạn Xuân"]
    assert SMALL in [*row[3:7], row[8]] and HIDDEN in [*row[3:7], row[8]], row
