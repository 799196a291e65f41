"""`kiemdiem check`: validate submissions and report problems at their exact place."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import cachetrust
from generator.check import RULESETS
from generator.check.identity import within_authors_reach
from generator.check.run import Selection, check_repo, resolve_paths
from generator.check.scoped import Changes
from generator.cli import UsageError, find_repo, require_schema
from generator.findings import CheckResult, Finding
from generator.forge.comment import comment_body
from generator.forge.consequences import consequences
from generator.forge.judge import Judgement, judge
from generator.gitrepo import GitError
from generator.outfile import check_output, write_output, write_text_output
from generator.report import REPORTERS
from generator.report.json import ReportError, read_report

# file names suggested when --json-file or --comment-file names a folder
JSON_EXAMPLE = "bao-cao.json"
COMMENT_EXAMPLE = "binh-luan.md"
HELP = "kiểm tra hồ sơ: cú pháp, mẫu (schema), liên kết giữa các tệp và quy định của năm"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("check", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument(
        "paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="tệp hoặc thư mục (mặc định: tất cả)"
    )
    p.add_argument(
        "--changed-since",
        metavar="REF",
        help="chỉ báo các tệp đã đổi so với nhánh/commit REF (và những gì chúng ảnh hưởng)",
    )
    p.add_argument(
        "--format",
        choices=sorted(REPORTERS),
        default="text",
        help="cách trình bày kết quả (mặc định: text)",
    )
    p.add_argument(
        "--ruleset",
        choices=RULESETS,
        help="kiểm tra thử như thể năm đã áp dụng bộ quy tắc này (xem cần bổ sung gì)",
    )
    p.add_argument("--no-rules", action="store_true", help="bỏ qua kiểm tra của cấp quyết định")
    p.add_argument(
        "--author",
        metavar="TÀI_KHOẢN",
        help="người mở yêu cầu hợp nhất: báo các thay đổi tài khoản này không được làm "
        "(cần --changed-since; quyền đọc từ nhánh gốc)",
    )
    p.add_argument(
        "--actor",
        metavar="TÀI_KHOẢN",
        help="người đã đẩy (push) thay đổi lên yêu cầu hợp nhất; được kiểm tra như --author",
    )
    p.add_argument(
        "--comment-file",
        metavar="TỆP",
        type=Path,
        help="ghi thêm nội dung bình luận cho yêu cầu hợp nhất (Markdown) vào TỆP",
    )
    p.add_argument(
        "--json-file",
        metavar="TỆP",
        type=Path,
        help="ghi thêm báo cáo đầy đủ dạng JSON vào TỆP (ví dụ để lưu làm artifact)",
    )
    p.add_argument(
        "--from-report",
        metavar="TỆP",
        type=Path,
        help="không kiểm tra lại: trình bày báo cáo JSON đã có (của --json-file), ví dụ để "
        "viết bình luận từ báo cáo của một lượt kiểm tra khác",
    )
    p.set_defaults(func=run)


def _progress(year: int, done: int, total: int) -> None:
    """One self-overwriting line on a terminal: 'Năm 2025: đã đọc 1500/4188 tệp'."""
    if total >= 500:
        print(f"\rNăm {year}: đã đọc {done}/{total} tệp…", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    # a mistyped output folder, or one in the repository's data, is told before the check
    read = [args.from_report] if args.from_report else []
    if args.json_file:
        check_output(args.json_file, "--json-file", JSON_EXAMPLE, read)
    if args.comment_file:
        check_output(args.comment_file, "--comment-file", COMMENT_EXAMPLE, read)
    if args.from_report:
        try:
            earlier, findings = read_report(args.from_report.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ReportError) as exc:
            raise UsageError(f"Không đọc được báo cáo `{args.from_report}`: {exc}") from exc
        return _report(args, earlier, findings)
    repo = args.repo.resolve() if args.repo else find_repo()
    problems: list[Finding] = []
    paths: list[str] | None = None
    logins = [login for login in (args.author, args.actor) if login]
    if logins and not args.changed_since:
        raise UsageError(
            "--author/--actor cần đi kèm --changed-since (so với nhánh gốc của yêu cầu)."
        )
    judgement: Judgement | None = None
    if args.changed_since:
        try:
            judgement = judge(repo, args.changed_since, logins)
        except GitError as exc:
            raise UsageError(str(exc)) from exc
        changed = [c.path for c in judgement.changes]
        if any(c.startswith("schema/") for c in changed):
            paths = None  # a schema change concerns every file
        else:
            paths = [c.path for c in judgement.submissions]
            paths += [c.old_path for c in judgement.submissions if c.old_path]
            if not paths:
                print("Không có tệp hồ sơ nào thay đổi.", file=sys.stdout)
                only = CheckResult()
                only.extend(judgement.findings)
                only.extend(cachetrust.findings(repo))
                return _report(args, only, only.sorted())
            # deleted files cannot be shown, but their year must be checked
            paths = [p if (repo / p).exists() else p.rsplit("/", 1)[0] for p in paths]
    if args.paths:
        explicit, problems = resolve_paths(repo, args.paths)
        paths = explicit if paths is None else [p for p in paths if Selection(explicit).covers(p)]
    require_schema(repo)
    progress = _progress if sys.stderr.isatty() else None
    changes = None
    if judgement is not None and paths is not None:
        touched = {p for c in judgement.changes for p in (c.path, c.old_path) if p}
        changes = Changes(judgement.base, frozenset(touched))
    outcome = check_repo(
        repo,
        Selection(paths),
        ruleset=args.ruleset,
        rate=not args.no_rules,
        progress=progress,
        changes=changes,
    )
    if progress is not None:
        print("\r\033[K", end="", file=sys.stderr)
    result: CheckResult = outcome.result
    result.extend(problems)
    # a cache folder that came with the files was not read (generator.cachetrust): such a
    # change cannot pass
    result.extend(cachetrust.findings(repo))
    if judgement is not None:
        result.extend(judgement.findings)
        shown = {(f.code, f.path, f.line, f.message) for f in result.findings}
        result.extend(
            [
                f
                for f in consequences(repo, judgement, ruleset=args.ruleset, rate=not args.no_rules)
                if (f.code, f.path, f.line, f.message) not in shown
            ]
        )
        # no birth date confirmed through a file the author may not change (identity.py)
        result.findings = within_authors_reach(result.findings, judgement.reaches)
    return _report(args, result, result.sorted())


def _report(args: argparse.Namespace, result: CheckResult, findings: list[Finding]) -> int:
    read = [args.from_report] if args.from_report else []
    reporter = REPORTERS[args.format](sys.stdout)
    reporter.report(result, findings)
    if args.json_file:

        def write_json(to: Path) -> None:
            with to.open("w", encoding="utf-8") as out:
                REPORTERS["json"](out).report(result, findings)

        write_output(args.json_file, "--json-file", JSON_EXAMPLE, write_json, read)
    if args.comment_file:
        body = comment_body(result, findings, author=args.author, actor=args.actor)
        write_text_output(args.comment_file, "--comment-file", COMMENT_EXAMPLE, body, read)
    return 1 if any(f.severity.value == "error" for f in findings) else 0


__all__ = ["Path", "register", "run"]
