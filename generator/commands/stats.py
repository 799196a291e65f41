"""`kiemdiem stats [--year Y] [--format csv|json|xlsx] [-o FILE]`: official statistics
(RULES.md X4). Without --format, the extension of -o says the format (generator/outfile.py:
`-o tk.xlsx` is a spreadsheet), else CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cli import UsageError, find_repo, require_schema
from generator.commands.rate import statistics_for, warn_file_errors, warn_strays
from generator.outfile import check_output, output_format, write_output, write_text_output
from generator.statistics.export import to_csv, to_json
from generator.statistics.sheet import write_xlsx

FORMATS = ("csv", "json", "xlsx")
HELP = "xuất thống kê kết quả xếp loại (CSV, JSON hoặc bảng tính XLSX)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("stats", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (mặc định: năm mới nhất)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="định dạng (mặc định: theo đuôi tệp -o: .csv, .json, .xlsx; không có thì csv)",
    )
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="TỆP",
        help="ghi ra tệp (mặc định: in ra màn hình; xlsx: thong-ke-NĂM.xlsx ở thư mục hiện tại)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    file_format = output_format(args.format, args.output, "-o", FORMATS, "csv")
    repo = require_schema(args.repo.resolve() if args.repo else find_repo())
    if args.output is not None:  # a mistyped folder is told before the year is read
        check_output(args.output, "-o", _example(file_format))
    stats, verdicts, file_errors = statistics_for(repo, args.year)
    warn_file_errors(verdicts.year, file_errors)
    warn_strays(repo)
    status = 1 if file_errors.count else 0
    if file_format == "xlsx":
        output = args.output
        if output is None:
            # a spreadsheet is binary: without -o it goes to a file named like the site's
            # download, in the current folder, and never replaces one already there
            output = Path(f"thong-ke-{stats.year}.xlsx")
            if output.exists():
                raise UsageError(
                    f"Tệp {output} đã có; không ghi đè. Đổi tên hoặc chuyển tệp cũ đi, "
                    f"hoặc chọn tên khác bằng -o TÊN_TỆP.xlsx."
                )
        write_output(output, "-o", _example("xlsx"), lambda to: write_xlsx(stats, to))
        print(f"Đã ghi {output}")
        return status
    text = to_csv(stats) if file_format == "csv" else to_json(stats)
    if args.output is None:
        sys.stdout.write(text)
    else:
        write_text_output(args.output, "-o", _example(file_format), text)
        print(f"Đã ghi {args.output}")
    return status


def _example(file_format: str) -> str:
    """The file name suggested when -o names a folder."""
    return f"thong-ke.{file_format}"
