"""Outputs of `YearStatistics`: a terminal table, CSV and JSON (the XLSX sheet, laid out
like an official statistics report, is `generator.statistics.sheet.write_xlsx`).

Every output has the same rows (`rows(stats)`): the whole tree first, then each
organization in tree order, then each grassroots category; the same columns (`COLUMNS`).
An organization's name is shown as the site shows it, bidi and zero-width characters as
visible marks (generator.invisible); the terminal's table also escapes control characters
(generator.report.safe.visible, as every terminal output of submitted text).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.invisible import show_invisible
from generator.report.safe import inert_json, visible
from generator.rules.base import NotRated
from generator.statistics import (
    CATEGORIES,
    LEVELS,
    NOT_RATED,
    Counts,
    OrgStats,
    YearStatistics,
)

NOT_RATED_SHOWN = NOT_RATED[:4]  # pending years show their own column only when used
# the statistics page's columns after the levels (site_templates/pages/stats.md.j2), which
# every output names alike: rated without a level (still to be decided by the committee,
# or without criteria), not rated, of the levels those still provisional, and of the rated
# without a decision those the rules cannot settle ("cần quyết định": Counts.to_decide)
UNASSESSED, NOT_RATED_TOTAL, PROVISIONAL = "Chưa có mức", "Không xếp loại", "Trong đó mức dự kiến"
TO_DECIDE = "Trong đó cần quyết định"
# the count where it is not known (a rollup of files written before it existed): never 0
UNKNOWN = "không rõ"


@dataclass(frozen=True)
class Row:
    kind: str  # "tong" | "to_chuc" | "phan_loai"
    key: str  # org id or category value ("" for the total)
    label: str
    depth: int
    org_level: str  # the organization's own final level code ("" if none)
    counts: Counts


def rows(stats: YearStatistics) -> Iterator[Row]:
    """The total row, each organization in tree order, each grassroots category. When one
    root organization holds every member, it *is* the total row (one row, not two
    identical ones) and its sub-organizations follow at depth 1."""
    orgs = list(stats.orgs)
    roots = [o for o in orgs if o.depth == 0]
    key, level = "", ""
    if len(roots) == 1 and orgs[0] is roots[0] and roots[0].members.total == stats.total.total:
        root = orgs.pop(0)
        key, level = root.org_id, _org_level(root)
    yield Row("tong", key, "Toàn đảng bộ", 0, level, stats.total)
    for o in orgs:
        yield Row("to_chuc", o.org_id, show_invisible(o.name), o.depth, _org_level(o), o.members)
    for cat in CATEGORIES:
        c = stats.by_category[cat]
        if c.total:
            yield Row("phan_loai", cat.value, f"Loại hình: {cat.label_vi}", 0, "", c)


def _org_level(o: OrgStats) -> str:
    return o.level.code + ("*" if o.provisional else "") if o.level else ""


def not_rated_columns(stats: YearStatistics) -> list[Any]:
    """The X4 columns; a committee's site counts exempted and suspended members it does
    not decide together (NotRated.UNDISCLOSED, generator.privacy.verdicts.counted_as_read),
    and its sheets then have that column too, so that every row still adds up."""
    cols = list(NOT_RATED_SHOWN)
    if stats.total.not_rated[NotRated.UNDISCLOSED]:
        cols.insert(3, NotRated.UNDISCLOSED)
    if stats.total.not_rated[NOT_RATED[4]]:
        cols.append(NOT_RATED[4])
    return cols


def points(value: float) -> float:
    """A percentage, or a change in percentage points, at the one decimal every output
    shows (CSV, JSON, the terminal's table; the XLSX sheet stores it so, as a fraction)."""
    return round(value, 1)


def _pct(share: float) -> str:
    return f"{points(share * 100):.1f}".replace(".", ",")


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
        out[f"{lv.code}_ty_le"] = points(c.share(lv) * 100)
    # the statistics page's columns after the levels, under their names (REST_COLUMNS):
    # levels + chua_co_muc = duoc_xep_loai; + khong_xep_loai = tong_dang_vien
    out["chua_co_muc"] = c.unassessed
    out["khong_xep_loai"] = c.not_rated_total
    for nr in not_rated_columns(stats):  # of which, by reason
        out[f"khong_xep_loai_{nr.value}"] = c.not_rated[nr]
    out["trong_do_muc_du_kien"] = c.undecided  # of the levels, those still provisional
    # of the rated without a decision (provisional or without a level), those the rules
    # flag "cần quyết định"; empty (CSV) or null (JSON) where not known
    out["trong_do_can_quyet_dinh"] = c.to_decide
    return out


# a spreadsheet reads a CSV cell starting with one of these as a formula (OWASP "CSV
# injection"); such a text cell gets a leading apostrophe, which spreadsheets read as
# "this is text" (issue 9)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> Any:
    """A text value a spreadsheet cannot take for a formula; numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(stats: YearStatistics) -> str:
    buf = io.StringIO()
    recs = [{k: neutralize(v) for k, v in record(r, stats).items()} for r in rows(stats)]
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
            "ty_le": {lv.code: points(stats.previous.total.share(lv) * 100) for lv in LEVELS},
            "chenh_lech_diem": {lv.code: points(stats.change(lv) or 0.0) for lv in LEVELS},
        }
    return inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


# --------------------------------------------------------------------------- terminal


def table(stats: YearStatistics) -> str:
    """The year's table for `kiemdiem rate`: aligned columns, Vietnamese headings."""
    nr_cols = not_rated_columns(stats)
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
                "mien_hoac_dinh_chi": "Miễn/Đình chỉ",
                "chua_kiem_diem": "Chưa KĐ",
                "cho_huong_dan": "Chờ HD",
            }[nr.value]
            for nr in nr_cols
        ],
        "Chưa có mức",
        "Dự kiến",
        "Cần QĐ",
    ]
    body: list[list[str]] = []
    for r in rows(stats):
        c = r.counts
        label = "  " * r.depth + visible(r.label)
        cells = [label, r.org_level, str(c.total)]
        for lv in LEVELS:
            n = c.count(lv)
            cells.append(f"{n} ({_pct(c.share(lv))}%)" if c.with_level else str(n))
        cells += [str(c.not_rated[nr]) for nr in nr_cols]
        cells += [str(c.unassessed), str(c.undecided)]
        cells.append("?" if c.to_decide is None else str(c.to_decide))
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
        "xếp loại. Chưa có mức: được xếp loại nhưng chưa có mức (cần cấp có thẩm quyền "
        "quyết định hoặc thiếu tiêu chí). Dự kiến: trong các mức, số chưa được quyết định. "
        "Cần QĐ: trong số chưa được quyết định (có mức dự kiến hoặc chưa có mức), số trường "
        "hợp quy định không tự xác định được, cấp ủy có thẩm quyền phải xem xét, quyết định"
        + (" (?: không rõ, nguồn tổng hợp không có số này)." if _unknown(stats) else ".")
    )
    if stats.previous is not None:
        changes = ", ".join(f"{lv.code} {_signed(stats.change(lv))}" for lv in LEVELS)
        out.append(f"So với năm {stats.previous.year} (điểm %): {changes}")
    return "\n".join(out) + "\n"


def _unknown(stats: YearStatistics) -> bool:
    return any(r.counts.to_decide is None for r in rows(stats))


def _signed(x: float | None) -> str:
    if x is None:
        return "—"
    return ("+" if x >= 0 else "") + f"{x:.1f}".replace(".", ",")
