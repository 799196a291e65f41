"""The year file's own dates against its year (`nam` of nam-danh-gia.yaml), at the line of
each date (catalog: generator/messages/dates.py). Found by a trial of the 2026 round: a year
file copied from 2025 kept `ngay_danh_gia: "2025-12-15"`, got no finding, and every member's
dates were then judged against 2025 — a member admitted on 01/07/2026 was told their correct
date was a typo, one admitted on 01/07/2025 was silently not rated as "mới kết nạp dưới 6
tháng" (X1; 124-M6; QĐ 366 Điều 5 khoản 2.1).

- The evaluation date must fall in the year it evaluates (EVALUATION_WINDOW): reviews take
  place late in year N and "finish before 31/12" (RULES.md §4, Deadlines). It decides who is
  rated at all, so a date outside the year is an error; while it stands, members' dates are
  not compared with it (generator.check.memberdates): the fix is in the year file.
- The deadlines (`han_chot`, UNVERIFIED year settings that only the site shows) fall between
  the start of year N and DEADLINE_LAST of N+1 — decisions may run into January (the
  sample's 2025 province decision is dated 15/01/2026), and files reach the Central
  Organization Commission "before 01/02 of the next year" (RULES.md §4) — and follow the
  order the round runs in (DEADLINE_ORDER). Both are warnings: no rating depends on them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.findings import Finding, make
from generator.submissions.records import YearConfig
from generator.submissions.yamlload import Document
from generator.vietnamese import vn_date

# the round's steps, earliest first (schema/nam-danh-gia.schema.json `han_chot`)
DEADLINE_ORDER = ("kiem_diem_ca_nhan", "de_xuat", "quyet_dinh", "bao_cao")
# the last day of year N+1 (month, day) a deadline of year N may fall on (UNVERIFIED:
# RULES.md §4 "files to the Central Organization Commission before 01/02 of the next year")
DEADLINE_LAST = (1, 31)


def evaluation_window(year: int) -> tuple[dt.date, dt.date]:
    """The first and last day the evaluation date of `year` may be (module docstring)."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def deadline_window(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year + 1, *DEADLINE_LAST)


def evaluation_in_year(config: YearConfig) -> bool:
    first, last = evaluation_window(config.year)
    return first <= config.evaluation_date <= last


def year_date_findings(config: YearConfig, document: Document, path: str) -> list[Finding]:
    """The year file's dates that do not fit its year `config.year` (module docstring)."""
    found: list[Finding] = []
    year = config.year
    year_line = document.value_pos(("nam",)).line
    if not evaluation_in_year(config):
        pos = document.value_pos(("ngay_danh_gia",))
        first, last = evaluation_window(year)
        found.append(
            make(
                "year-evaluation-date-outside",
                path,
                pos,
                evaluation=vn_date(config.evaluation_date),
                year=year,
                year_line=year_line,
                first=vn_date(first),
                last=vn_date(last),
                line=pos.line,
            )
        )
    first, last = deadline_window(year)
    inside: list[tuple[str, dt.date, int]] = []
    for key in DEADLINE_ORDER:
        date = config.deadlines.get(key)
        if not isinstance(date, dt.date):
            continue
        pos = document.value_pos(("han_chot", key))
        params: dict[str, Any] = {"key": key, "date": vn_date(date), "year": year, "line": pos.line}
        if not first <= date <= last:
            found.append(
                make(
                    "year-deadline-outside",
                    path,
                    pos,
                    first=vn_date(first),
                    last=vn_date(last),
                    year_line=year_line,
                    **params,
                )
            )
            continue  # its order says nothing more until the year is right
        later = [(k, d, n) for k, d, n in inside if d > date]
        if later:
            k, d, n = max(later, key=lambda item: item[1])
            found.append(
                make(
                    "year-deadline-order",
                    path,
                    pos,
                    before_key=k,
                    before_date=vn_date(d),
                    before_line=n,
                    **params,
                )
            )
        inside.append((key, date, pos.line))
    return found
