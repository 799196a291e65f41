"""`kiemdiem rate [--year Y]`: rate a year and print its table (RULES.md X1, X4)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cli import UsageError, find_repo
from generator.findings import Severity
from generator.rules import YearVerdicts, rate_years
from generator.statistics import YearStatistics, year_statistics
from generator.statistics.export import table
from generator.submissions import layout
from generator.submissions.year import Year

HELP = "xếp loại một năm theo bộ quy tắc của năm và in bảng kết quả"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("rate", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (mặc định: năm mới nhất)")
    p.set_defaults(func=run)


def rated(
    repo: Path, year: int | None
) -> tuple[int, dict[int, Year], dict[int, YearVerdicts], int]:
    """Load every year and rate them together: earlier years are the history of X3, later
    years' re-rating records (124-M7) change an earlier year's final levels.

    Files that do not pass the check are left out of the rating; the last value is how many
    errors the chosen year's files have (commands warn and exit 1), so a table is never
    mistaken for the whole year.
    """
    from generator.check import load_year
    from generator.check.schemas import SchemaSet

    years = layout.years(repo)
    if not years:
        raise UsageError(f"Không có năm đánh giá nào trong {repo / layout.SUBMISSIONS}.")
    chosen = year if year is not None else years[-1]
    if chosen not in years:
        raise UsageError(
            f"Không có năm {chosen} trong submissions/ (các năm hiện có: "
            + ", ".join(map(str, years))
            + ")."
        )
    schemas = SchemaSet(repo / "schema")
    loaded: dict[int, Year] = {}
    file_errors = 0
    for y in years:
        loaded[y], result = load_year(repo, y, schemas=schemas)
        if y == chosen:
            file_errors = len(result.errors)
    return chosen, loaded, rate_years(loaded), file_errors


def warn_file_errors(year: int, count: int) -> None:
    """Say on standard error that broken files were left out (the table is not the year)."""
    if count:
        print(
            f"kiemdiem: năm {year} có {count} lỗi hồ sơ; các tệp lỗi không được tính vào kết "
            f"quả. Xem và sửa: kiemdiem check submissions/{year}",
            file=sys.stderr,
        )


def statistics_for(repo: Path, year: int | None) -> tuple[YearStatistics, YearVerdicts, int]:
    """The chosen year's statistics, verdicts and number of file errors (see `rated`)."""
    chosen, loaded, verdicts, file_errors = rated(repo, year)
    previous = None
    if chosen - 1 in loaded:
        previous = (loaded[chosen - 1], verdicts[chosen - 1])
    stats = year_statistics(loaded[chosen], verdicts[chosen], previous)
    return stats, verdicts[chosen], file_errors


def run(args: argparse.Namespace) -> int:
    repo = args.repo.resolve() if args.repo else find_repo()
    stats, verdicts, file_errors = statistics_for(repo, args.year)
    warn_file_errors(verdicts.year, file_errors)
    sys.stdout.write(table(stats))
    errors = [f for f in verdicts.findings if f.severity is Severity.ERROR]
    others = len(verdicts.findings) - len(errors)
    if verdicts.findings:
        print(
            f"\nCấp quyết định cần xử lý: {len(errors)} lỗi, {others} cảnh báo "
            "(xem chi tiết: kiemdiem check)."
        )
    return 1 if errors or file_errors else 0
