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


def rated(repo: Path, year: int | None) -> tuple[int, dict[int, Year], dict[int, YearVerdicts]]:
    """Load every year up to `year` (history for X3 and re-ratings) and rate them."""
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
    loaded = {y: load_year(repo, y, schemas=schemas)[0] for y in years if y <= chosen}
    return chosen, loaded, rate_years(loaded)


def statistics_for(repo: Path, year: int | None) -> tuple[YearStatistics, YearVerdicts]:
    chosen, loaded, verdicts = rated(repo, year)
    previous = None
    if chosen - 1 in loaded:
        previous = (loaded[chosen - 1], verdicts[chosen - 1])
    return year_statistics(loaded[chosen], verdicts[chosen], previous), verdicts[chosen]


def run(args: argparse.Namespace) -> int:
    repo = args.repo.resolve() if args.repo else find_repo()
    stats, verdicts = statistics_for(repo, args.year)
    sys.stdout.write(table(stats))
    errors = [f for f in verdicts.findings if f.severity is Severity.ERROR]
    others = len(verdicts.findings) - len(errors)
    if verdicts.findings:
        print(
            f"\nCấp quyết định cần xử lý: {len(errors)} lỗi, {others} cảnh báo "
            "(xem chi tiết: kiemdiem check)."
        )
    return 1 if errors else 0
