"""`kiemdiem rate [--year Y]`: rate a year and print its table (RULES.md X1, X4)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.cli import UsageError, find_repo, require_schema
from generator.findings import Severity
from generator.pipeline import Pipeline, RatedYears
from generator.report.safe import visible
from generator.rules import YearVerdicts
from generator.statistics import YearStatistics, year_statistics
from generator.statistics.export import table
from generator.statistics.leftout import LeftOut, left_out
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


@dataclass(frozen=True)
class FileErrors:
    """The chosen year's file errors (`count`, findings of `check`) and the members they
    leave out of its statistics (generator.statistics.leftout)."""

    count: int = 0
    left: LeftOut = field(default_factory=LeftOut)
    # each loaded organization's file, by year and id: where `rollup --export` tells a
    # value the statistics file would refuse (a name a repository's older schema let in)
    org_files: dict[int, dict[str, str]] = field(default_factory=dict)


def warn_file_errors(year: int, errors: FileErrors) -> None:
    """Say on standard error that broken files were left out (the table is not the year),
    and how many members are missing from every row because their organization's file
    did not load, naming those files."""
    if errors.count:
        print(
            f"kiemdiem: năm {year} có {errors.count} lỗi hồ sơ; các tệp lỗi không được tính "
            f"vào kết quả. Xem và sửa: kiemdiem check submissions/{year}",
            file=sys.stderr,
        )
    left = errors.left
    if left.members or left.files:
        print(
            f"kiemdiem: {left.members} đảng viên không được tính vào số liệu (kể cả dòng "
            "tổng) vì tệp to-chuc.yaml của tổ chức có hồ sơ của họ bị lỗi hoặc chưa có. Sửa "
            f"(hoặc viết) các tệp sau rồi chạy lại; hồ sơ đảng viên giữ nguyên:",
            *(f"  {visible(path)}" for path in left.files),
            sep="\n",
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


def statistics_for(repo: Path, year: int | None) -> tuple[YearStatistics, YearVerdicts, FileErrors]:
    """The chosen year's statistics, verdicts and file errors (see `rated`)."""
    chosen, loaded = rated(repo, year)
    this = loaded[chosen]
    assert this.verdicts is not None
    before = loaded.previous(chosen)
    previous = (before.year, before.verdicts) if before and before.verdicts else None
    stats = year_statistics(this.year, this.verdicts, previous)
    org_files = {
        y.year.year: {o.id: o.source.path for o in y.year.orgs.values() if o.source}
        for y in (this, before)
        if y is not None
    }
    errors = FileErrors(len(this.result.errors), left_out(this.year), org_files)
    return stats, this.verdicts, errors


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
    return 1 if errors or file_errors.count else 0
