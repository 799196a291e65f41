"""`kiemdiem stats [--year Y] --format csv|json|xlsx [-o FILE]`: official statistics
(RULES.md X4)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cli import UsageError, find_repo
from generator.commands.rate import statistics_for, warn_file_errors
from generator.statistics.export import to_csv, to_json, write_xlsx

HELP = "xuất thống kê kết quả xếp loại (CSV, JSON hoặc bảng tính XLSX)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("stats", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (mặc định: năm mới nhất)")
    p.add_argument(
        "--format", choices=("csv", "json", "xlsx"), default="csv", help="định dạng (mặc định: csv)"
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="TỆP", help="ghi ra tệp (mặc định: in ra màn hình)"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and args.output is None:
        raise UsageError("Định dạng xlsx cần tên tệp: thêm -o TÊN_TỆP.xlsx")
    repo = args.repo.resolve() if args.repo else find_repo()
    stats, verdicts, file_errors = statistics_for(repo, args.year)
    warn_file_errors(verdicts.year, file_errors)
    status = 1 if file_errors else 0
    if args.format == "xlsx":
        write_xlsx(stats, args.output)
        print(f"Đã ghi {args.output}")
        return status
    text = to_csv(stats) if args.format == "csv" else to_json(stats)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"Đã ghi {args.output}")
    return status
