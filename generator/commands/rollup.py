"""`kiemdiem rollup`: one province's statistics from many repositories, without personal data.

    kiemdiem rollup --export -o xa-a.json            # in each repository: its statistics only
    kiemdiem rollup xa-a.json xa-b.json --format xlsx -o tinh.xlsx   # at the province

A source is a statistics file written by `--export` (what repositories exchange), or a
repository folder (its statistics are computed here; nothing else of it is used). With
`--export` and sources, the merged statistics are exported again (a rollup of rollups).

A statistics file is checked whole before any of it is used (generator/statistics/
exchange.py). Sources that are refused (a bad file, a missing one, another year, a chi bộ
in two sources, two sources that disagree on a shared organization's own verdict: both
values told at their line and column) are bad input: every source's findings are told, at file:line:column, and
the command exits 1 with nothing written. So is a repository (a folder given as a source,
or this one with --export) whose year has an organization file that did not load: its
members are in no row (generator/statistics/leftout.py), and the province would
under-count; the files to fix are named. An export is read back as the province reads
it before it is written (generator/statistics/exportcheck.py: a repository's older
schema/ may let in a name the statistics file refuses), a value refused told at its
organization file's line, nothing written. A split province's organization share (366-M6),
which its parts leave to the rollup, is judged over the sources (rollupquota.py): over it
is an error and exit 1, the output still written whole (an `--export` carries the counts
on unjudged). Exit 2 stays for a misused command line. The
output's format is --format, else the extension of -o (generator/outfile.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from generator.cli import UsageError, find_repo
from generator.commands.rate import FileErrors, statistics_for, warn_file_errors
from generator.findings import Finding, Position, Severity, make
from generator.outfile import check_output, output_format, write_output, write_text_output
from generator.report.safe import inert_json, visible
from generator.report.text import format_finding
from generator.rules.quota import QuotaPool
from generator.statistics import YearStatistics, exportcheck, rollupquota
from generator.statistics.exchange import SourceError, not_a_repo, read_document
from generator.statistics.export import to_csv, to_json
from generator.statistics.jsonpos import JsonDocument
from generator.statistics.rollup import Disagreement, RollupError, export, merge, read
from generator.statistics.rollupmerge import RulesetMismatch
from generator.statistics.sheet import write_xlsx
from generator.submissions.layout import DECISIONS_FILE, SUBMISSIONS, YEAR_FILE
from generator.submissions.yamlload import loads

FORMATS = ("csv", "json", "xlsx")
MAX_SHOWN = 20  # findings shown per source file

# no member's id or name is in the exchanged file, but its counts are per organization: a
# count of 1 (`dinh_chi: 1`) beside a chi bộ's public member list can name the member, so
# the help says who may receive it instead of calling it free of personal data
HELP = (
    "tổng hợp thống kê của nhiều kho hồ sơ (chỉ số liệu theo từng tổ chức, không có tên hay "
    "mã đảng viên; số liệu nhỏ vẫn có thể nhận ra người)"
)
DESCRIPTION = (
    HELP[0].upper()
    + HELP[1:]
    + ". Số liệu nhỏ của một chi bộ (ví dụ 1 đảng viên bị đình chỉ sinh hoạt) cùng danh sách "
    "đảng viên công khai có thể cho biết đó là ai: tệp --export và kết quả tổng hợp chỉ gửi "
    "cho cấp ủy có thẩm quyền, không đăng công khai."
)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("rollup", help=HELP, description=DESCRIPTION)
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
        help="ghi tệp thống kê để gửi cấp ủy cấp trên có thẩm quyền tổng hợp (của kho này, "
        "hoặc của các NGUỒN)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="định dạng (mặc định: theo đuôi tệp -o: .csv, .json, .xlsx; không có thì csv)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="TỆP", help="ghi ra tệp")
    p.set_defaults(func=run)


def _from_repo(repo: Path, year: int | None) -> tuple[YearStatistics, FileErrors]:
    stats, verdicts, file_errors = statistics_for(repo, year)
    warn_file_errors(verdicts.year, file_errors)
    return stats, file_errors


def _incomplete(stats: YearStatistics, errors: FileErrors, source: str | None) -> str | None:
    """Why a repository's statistics cannot be summed above (None when they can): some
    organization file of the year did not load, so its members and itself are missing
    from every row (generator.statistics.leftout) and the province would under-count.
    `source`: the repository folder given as a source (its files are named in it), None
    for this repository (warn_file_errors has just named them)."""
    left = errors.left
    if not left.files:
        return None
    where = "kiemdiem" if source is None else f"kho {source}"
    files = (
        "kể trên"
        if source is None
        else "(" + ", ".join(f"{source.rstrip('/')}/{f}" for f in left.files) + ")"
    )
    return (
        f"{where}: không tổng hợp năm {stats.year}: {len(left.files)} tệp to-chuc.yaml bị lỗi "
        f"hoặc chưa có {files}, nên số liệu thiếu các tổ chức ấy và {left.members} đảng viên "
        f"của chúng; cấp trên sẽ tổng hợp thiếu. Sửa (hoặc viết) các tệp này (xem lỗi: "
        f"kiemdiem check submissions/{stats.year}) rồi chạy lại; hồ sơ đảng viên giữ nguyên."
    )


def _from_source(
    source: str, year: int | None
) -> tuple[YearStatistics, JsonDocument | None, str | None]:
    """The statistics of one source, its file (None for a repository) and why they cannot
    be summed (`_incomplete`: a repository with a broken organization file; its statistics
    are still merged, so that the sources' disagreements are told too), or SourceError (bad
    input: exit 1)."""
    path = Path(source)
    if path.is_dir():
        if not (path / SUBMISSIONS).is_dir():
            raise SourceError([not_a_repo(source)])
        stats, errors = _from_repo(path.resolve(), year)
        return stats, None, _incomplete(stats, errors, source)
    try:
        doc = read_document(path, source)
        stats = read(doc.data, source)
    except RollupError as exc:  # what read_source let through and `read` still refuses
        raise _Refused(str(exc)) from None
    if year is not None and stats.year != year:
        raise _Refused(f"{source}: là thống kê năm {stats.year}, không phải năm {year} (--year).")
    return stats, doc, None


class _Refused(Exception):
    """A source refused with a message of its own (another year than --year)."""


def _sources(
    sources: list[str], year: int | None, docs: list[JsonDocument | None]
) -> YearStatistics | None:
    """The merged statistics of `sources` (their files appended to `docs`, None for a
    repository); None when any of them is refused, each told on standard error (every
    source is checked, so one run lists every problem)."""
    parts: list[YearStatistics] = []
    refused: list[str] = []
    incomplete: list[str] = []
    for source in sources:
        try:
            stats, doc, why = _from_source(source, year)
            parts.append(stats)
            docs.append(doc)
            if why is not None:
                incomplete.append(f"kiemdiem: {visible(why)}")
        except SourceError as exc:
            refused += [format_finding(f) for f in exc.findings[:MAX_SHOWN]]
            if len(exc.findings) > MAX_SHOWN:
                more = len(exc.findings) - MAX_SHOWN
                refused.append(f"{visible(source)}: còn {more} lỗi khác trong tệp này.")
        except _Refused as exc:
            refused.append(f"kiemdiem: {visible(str(exc))}")
    merged = None
    if not refused:
        try:
            merged = merge(parts, list(sources))
        except Disagreement as exc:
            refused.append(format_finding(_disagreement(exc, sources, docs)))
        except RulesetMismatch as exc:
            refused.append(format_finding(_mismatch(exc, sources, docs, parts[0].year)))
        except RollupError as exc:
            refused.append(f"kiemdiem: {visible(str(exc))}")
    refused += incomplete
    if merged is not None and not refused:
        return merged
    for line in refused:
        print(line, file=sys.stderr)
    print("kiemdiem: chưa tổng hợp, chưa ghi tệp nào.", file=sys.stderr)
    return None


def _disagreement(
    exc: Disagreement, sources: list[str], docs: list[JsonDocument | None]
) -> Finding:
    """Two sources' different verdicts of one organization, each at its file's line and
    column (a repository folder: the folder), told at the later one."""
    where: list[tuple[str, Position]] = []
    for index, path, _ in exc.places:
        doc = docs[index]
        pos = doc.value_pos(path) if doc is not None else Position(1)
        shown = f"{sources[index]}:{pos.line}:{pos.column}" if doc else f"kho {sources[index]}"
        where.append((shown, pos))
    (first, _), (second, pos) = where
    return make(
        "rollup-disagree", sources[exc.places[1][0]], pos, name=exc.org.name,
        org_id=exc.org.org_id, year=exc.year, first=first, first_value=exc.places[0][2],
        second=second, second_value=exc.places[1][2],
    )  # fmt: skip


def _ruleset_at(source: str, doc: JsonDocument | None, year: int) -> tuple[str, Position]:
    """Where a source says its ruleset: its statistics file's `bo_quy_tac`, or for a
    repository folder the `bo_quy_tac` line of its year file."""
    if doc is not None:
        return source, doc.value_pos(("bo_quy_tac",))
    path = f"{source.rstrip('/')}/{SUBMISSIONS}/{year}/{YEAR_FILE}"
    try:
        loaded = loads(Path(path).read_bytes()).document
    except OSError:
        loaded = None
    return path, loaded.value_pos(("bo_quy_tac",)) if loaded is not None else Position(1)


def _mismatch(
    exc: RulesetMismatch, sources: list[str], docs: list[JsonDocument | None], year: int
) -> Finding:
    """A source counted by another ruleset than the first, told at its `bo_quy_tac` and
    naming the first source's."""
    path, pos = _ruleset_at(sources[exc.index], docs[exc.index], year)
    first_path, first_pos = _ruleset_at(sources[0], docs[0], year)
    return make(
        "rollup-ruleset-mismatch", path, pos, year=year, ruleset=exc.ruleset,
        first=f"{first_path}:{first_pos.line}:{first_pos.column}", first_ruleset=exc.first,
    )  # fmt: skip


def _pool_at(
    docs: dict[str, JsonDocument | None], year: int
) -> Callable[[str, QuotaPool], tuple[str, Position]]:
    """Where a source tells a pool it left to the rollup: its file's row in
    `ty_le_cho_tong_hop`, or for a repository folder the pool's decision file (line 1)."""

    def at(source: str, pool: QuotaPool) -> tuple[str, Position]:
        doc = docs.get(source)
        if doc is None:
            folder = f"{source.rstrip('/')}/{SUBMISSIONS}/{year}/{pool.pool_id}"
            return f"{folder}/{DECISIONS_FILE}", Position(1)
        rows = doc.data.get(rollupquota.FIELD, [])
        index = next(
            i for i, r in enumerate(rows) if (r["quy_tac"], r["ma"]) == (pool.rule, pool.pool_id)
        )
        return source, doc.value_pos((rollupquota.FIELD, index))

    return at


def _write(text: str, output: Path | None, example: str, sources: list[str]) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        write_text_output(output, "-o", example, text, sources)
        print(f"Đã ghi {output}")


def _example(args: argparse.Namespace, file_format: str) -> str:
    """The file name suggested when -o names a folder."""
    return "thong-ke.json" if args.export else f"tong-hop.{file_format}"


def _format(args: argparse.Namespace) -> str:
    """The format to write: --format, else the one -o's extension names, else csv; with
    --export always the statistics file (JSON)."""
    if args.export:
        if args.format not in (None, "json"):
            raise UsageError(
                f"--export luôn ghi tệp thống kê dạng JSON (để gửi cấp trên tổng hợp), nên "
                f"không dùng cùng --format {args.format}. Để có bảng {args.format.upper()}, "
                f"chạy lệnh không có --export. Chưa ghi gì."
            )
        return output_format(None, args.output, "-o", ("json",), "json")
    return output_format(args.format, args.output, "-o", FORMATS, "csv")


def run(args: argparse.Namespace) -> int:
    file_format = _format(args)
    if file_format == "xlsx" and args.output is None:
        raise UsageError("Định dạng xlsx cần tên tệp: thêm -o TÊN_TỆP.xlsx")
    if args.output is not None:  # a mistyped folder is told before the sources are read
        # never over a source it reads (`rollup y.json -o y.json`), nor a repository's data
        check_output(args.output, "-o", _example(args, file_format), args.sources)
    errors = FileErrors()
    repo: Path | None = None  # this repository, when it is the source
    if args.sources:
        docs: list[JsonDocument | None] = []
        merged = _sources(list(args.sources), args.year, docs)
        if merged is None:
            return 1
        stats = merged
        for note in stats.notes:  # what a format-1 source cannot tell (statistics/rollup.py)
            print(f"kiemdiem: lưu ý: {visible(note)}", file=sys.stderr)
        # a split province's pools, judged over its parts (366-M6): an error exits 1, the
        # statistics still written whole (they are right; the decisions are over the share).
        # An export carries them on unjudged: it may hold only some of the parts.
        places = dict(zip(args.sources, docs, strict=True))
        quota = [] if args.export else rollupquota.findings(stats, _pool_at(places, stats.year))
        if args.export and stats.deferred:
            print(f"kiemdiem: lưu ý: {rollupquota.CARRIED}", file=sys.stderr)
        for finding in quota:
            print(format_finding(finding), file=sys.stderr)
        over = any(f.severity is Severity.ERROR for f in quota)
    else:
        repo = args.repo.resolve() if args.repo else find_repo()
        stats, errors = _from_repo(repo, args.year)
        over = False
        why = _incomplete(stats, errors, None)
        if why is not None and args.export:  # never a file that under-counts the province
            print(f"{visible(why)}\nkiemdiem: chưa ghi tệp nào.", file=sys.stderr)
            return 1
    example = _example(args, file_format)
    if args.export:
        text = inert_json(json.dumps(export(stats), ensure_ascii=False, indent=1)) + "\n"
        # a repository's check (its own schema/ folder) may have let in a value the
        # province refuses: told at its organization file's line when this is that repository
        problems = exportcheck.refused(text, stats, errors.org_files, repo or Path.cwd())
        if problems:
            for f in problems[:MAX_SHOWN]:
                print(format_finding(f), file=sys.stderr)
            print("kiemdiem: chưa ghi tệp nào.", file=sys.stderr)
            return 1
        _write(text, args.output, example, args.sources)
    elif file_format == "xlsx":
        write_output(args.output, "-o", example, lambda to: write_xlsx(stats, to), args.sources)
        print(f"Đã ghi {args.output}")
    else:
        text = to_csv(stats) if file_format == "csv" else to_json(stats)
        _write(text, args.output, example, args.sources)
    # over a split province's share, or a table that misses members (as `kiemdiem stats`)
    return 1 if over or errors.left.files else 0
