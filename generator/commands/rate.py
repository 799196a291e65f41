"""`kiemdiem rate [--year Y]`: rate a year and print its table (RULES.md X1, X4)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cli import UsageError, find_repo, require_schema
from generator.findings import Severity
from generator.pipeline import Pipeline, RatedYears
from generator.report.safe import visible
from generator.rules import YearVerdicts
from generator.statistics import YearStatistics, year_statistics
from generator.statistics.export import table
from generator.submissions import layout

HELP = "xếp loại một năm theo bộ quy tắc của năm và in bảng kết quả"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("rate", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (mặc định: năm mới nhất)")
    p.set_defaults(func=run)


def rated(repo: Path, year: int | None) -> tuple[int, RatedYears]:
    """The chosen year (default: the newest) rated with its history (generator.pipeline).

    Files that do not pass the check are left out of the rating; commands warn about the
    chosen year's file errors and exit 1, so a table is never mistaken for the whole year.
    """
    pipeline = Pipeline(repo)
    years = pipeline.years()
    if not years:
        raise UsageError(f"Không có năm đánh giá nào trong {repo / layout.SUBMISSIONS}.")
    chosen = year if year is not None else years[-1]
    if chosen not in years:
        raise UsageError(
            f"Không có năm {chosen} trong submissions/ (các năm hiện có: "
            + ", ".join(map(str, years))
            + ")."
        )
    return chosen, pipeline.rate([chosen])


def warn_file_errors(year: int, count: int) -> None:
    """Say on standard error that broken files were left out (the table is not the year)."""
    if count:
        print(
            f"kiemdiem: năm {year} có {count} lỗi hồ sơ; các tệp lỗi không được tính vào kết "
            f"quả. Xem và sửa: kiemdiem check submissions/{year}",
            file=sys.stderr,
        )


def warn_strays(repo: Path) -> None:
    """Name on standard error the files outside every year folder (layout.strays, the
    ones `check` reports as file-unexpected): no year reads them, so a review put there
    is missing from the table without any other sign."""
    files = layout.strays(repo)
    if files:
        print(
            f"kiemdiem: {len(files)} tệp nằm ngoài các thư mục năm ({layout.SUBMISSIONS}/<năm>/) "
            "nên không được đọc và không được tính vào kết quả của năm nào:",
            *(f"  {visible(f.path)}" for f in files),
            "Xem tệp nào nên chuyển vào đâu: kiemdiem check",
            sep="\n",
            file=sys.stderr,
        )


def statistics_for(repo: Path, year: int | None) -> tuple[YearStatistics, YearVerdicts, int]:
    """The chosen year's statistics, verdicts and number of file errors (see `rated`)."""
    chosen, loaded = rated(repo, year)
    this = loaded[chosen]
    assert this.verdicts is not None
    before = loaded.previous(chosen)
    previous = (before.year, before.verdicts) if before and before.verdicts else None
    stats = year_statistics(this.year, this.verdicts, previous)
    return stats, this.verdicts, len(this.result.errors)


def run(args: argparse.Namespace) -> int:
    repo = require_schema(args.repo.resolve() if args.repo else find_repo())
    stats, verdicts, file_errors = statistics_for(repo, args.year)
    warn_file_errors(verdicts.year, file_errors)
    warn_strays(repo)
    sys.stdout.write(table(stats))
    errors = [f for f in verdicts.findings if f.severity is Severity.ERROR]
    others = len(verdicts.findings) - len(errors)
    if verdicts.findings:
        print(
            f"\nCấp quyết định cần xử lý: {len(errors)} lỗi, {others} cảnh báo "
            "(xem chi tiết: kiemdiem check)."
        )
    return 1 if errors or file_errors else 0
