"""`kiemdiem rollup`: one province's statistics from many repositories, without personal data.

    kiemdiem rollup --export -o xa-a.json            # in each repository: its statistics only
    kiemdiem rollup xa-a.json xa-b.json --format xlsx -o tinh.xlsx   # at the province

A source is a statistics file written by `--export` (what repositories exchange), or a
repository folder (its statistics are computed here; nothing else of it is used). With
`--export` and sources, the merged statistics are exported again (a rollup of rollups).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.cli import UsageError, find_repo
from generator.commands.rate import statistics_for, warn_file_errors
from generator.outfile import check_output, write_output, write_text_output
from generator.report.safe import inert_json
from generator.statistics import YearStatistics
from generator.statistics.export import to_csv, to_json
from generator.statistics.rollup import RollupError, export, merge, read
from generator.statistics.sheet import write_xlsx
from generator.submissions.layout import SUBMISSIONS

HELP = "tổng hợp thống kê của nhiều kho hồ sơ (chỉ số liệu, không có dữ liệu cá nhân)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("rollup", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument(
        "sources",
        nargs="*",
        metavar="NGUỒN",
        help="tệp thống kê (.json, tạo bằng --export) hoặc thư mục kho hồ sơ",
    )
    p.add_argument("--year", type=int, metavar="NĂM", help="năm đánh giá (mặc định: năm mới nhất)")
    p.add_argument(
        "--export",
        action="store_true",
        help="ghi tệp thống kê để gửi cấp trên tổng hợp (của kho này, hoặc của các NGUỒN)",
    )
    p.add_argument(
        "--format", choices=("csv", "json", "xlsx"), default="csv", help="định dạng (mặc định: csv)"
    )
    p.add_argument("-o", "--output", type=Path, metavar="TỆP", help="ghi ra tệp")
    p.set_defaults(func=run)


def _from_repo(repo: Path, year: int | None) -> YearStatistics:
    stats, verdicts, file_errors = statistics_for(repo, year)
    warn_file_errors(verdicts.year, file_errors)
    return stats


def _from_source(source: str, year: int | None) -> YearStatistics:
    path = Path(source)
    if path.is_dir():
        if not (path / SUBMISSIONS).is_dir():
            raise UsageError(f"{source}: không phải kho hồ sơ (không có thư mục {SUBMISSIONS}/).")
        return _from_repo(path.resolve(), year)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{source}: không đọc được tệp ({exc.strerror}).") from exc
    except ValueError as exc:
        raise UsageError(f"{source}: không phải tệp JSON hợp lệ ({exc}).") from exc
    try:
        stats = read(data, source)
    except RollupError as exc:
        raise UsageError(str(exc)) from exc
    if year is not None and stats.year != year:
        raise UsageError(f"{source}: là thống kê năm {stats.year}, không phải năm {year}.")
    return stats


def _write(text: str, output: Path | None, example: str) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_output(output, "-o", example, text)
        print(f"Đã ghi {output}")


def _example(args: argparse.Namespace) -> str:
    """The file name suggested when -o names a folder."""
    return "thong-ke.json" if args.export else f"tong-hop.{args.format}"


def run(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and args.output is None and not args.export:
        raise UsageError("Định dạng xlsx cần tên tệp: thêm -o TÊN_TỆP.xlsx")
    if args.output is not None:  # a mistyped folder is told before the sources are read
        check_output(args.output, "-o", _example(args))
    if args.sources:
        parts = [_from_source(s, args.year) for s in args.sources]
        try:
            stats = merge(parts, list(args.sources))
        except RollupError as exc:
            raise UsageError(str(exc)) from exc
    else:
        stats = _from_repo(args.repo.resolve() if args.repo else find_repo(), args.year)
    if args.export:
        text = inert_json(json.dumps(export(stats), ensure_ascii=False, indent=1)) + "\n"
        _write(text, args.output, _example(args))
    elif args.format == "xlsx":
        write_output(args.output, "-o", _example(args), lambda to: write_xlsx(stats, to))
        print(f"Đã ghi {args.output}")
    else:
        text = to_csv(stats) if args.format == "csv" else to_json(stats)
        _write(text, args.output, _example(args))
    return 0
