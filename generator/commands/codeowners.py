"""`kiemdiem codeowners [--forge github|gitlab|gitea]`: write the forge's CODEOWNERS from the
roster and the organization tree."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.check.roster import roster_findings
from generator.check.schemas import SchemaSet
from generator.cli import find_repo, require_schema
from generator.findings import Finding, Severity
from generator.forge import codeowners
from generator.forge.roster import ROSTER_PATH, load_roster
from generator.report.text import format_finding

HELP = "tạo tệp CODEOWNERS (ai được duyệt thay đổi tệp nào) từ danh sách tài khoản"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("codeowners", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument(
        "--check",
        action="store_true",
        help="không ghi; báo lỗi (mã thoát 1) nếu tệp đang lưu đã cũ",
    )
    p.add_argument(
        "--forge",
        choices=sorted(codeowners.PATHS),
        default="github",
        help="nơi đặt kho: github (.github/CODEOWNERS, mặc định), gitlab (.gitlab/CODEOWNERS) "
        "hoặc gitea (.gitea/CODEOWNERS, cũng dùng cho Forgejo)",
    )
    p.set_defaults(func=run)


def _roster_problems(repo: Path) -> list[Finding] | None:
    """The roster's findings as `kiemdiem check` reports them, printed; None when there is
    no roster at all. CODEOWNERS is written only from a roster without an error: a line the
    lenient reader skips (generator.forge.roster) would silently take someone's rights."""
    if not (repo / ROSTER_PATH).is_file():
        return None
    found = sorted(roster_findings(repo, SchemaSet(repo / "schema")), key=Finding.sort_key)
    for f in found:
        print(format_finding(f))
    return found


def run(args: argparse.Namespace) -> int:
    repo = require_schema(args.repo.resolve() if args.repo else find_repo())
    path = codeowners.PATHS[args.forge]
    found = _roster_problems(repo)
    if found is None:
        print(
            f"Không ghi {path}: chưa có danh sách tài khoản "
            f"`{ROSTER_PATH}` (tài khoản, đảng viên, cấp ủy, Ban Tổ chức), nên không biết ai "
            "được duyệt tệp nào. Ban Tổ chức tạo tệp đó (mỗi tài khoản một mục `- tai_khoan: "
            "...` với `ho_ten: ...`; mẫu: `schema/tai-khoan.schema.json`) rồi chạy lại.",
            file=sys.stderr,
        )
        return 1
    if any(f.severity is Severity.ERROR for f in found):
        print(
            f"Không ghi {path}: danh sách tài khoản `{ROSTER_PATH}` có "
            "lỗi (ở trên); tệp CODEOWNERS viết từ danh sách đó sẽ bỏ sót quyền của các tài "
            "khoản bị lỗi, hoặc trao nhầm cho một tài khoản quyền duyệt bản kiểm điểm của người "
            "khác. Sửa các lỗi theo gợi ý (`kiemdiem check "
            f"{ROSTER_PATH}` báo lại như vậy), rồi chạy lại.",
            file=sys.stderr,
        )
        return 1
    roster = load_roster(repo)
    try:
        text = codeowners.render(repo, roster, args.forge)
    except codeowners.UnsafeName as exc:
        print(
            f"Không ghi {path}: tên không hợp lệ (chỉ được dùng chữ "
            "thường không dấu, chữ số và dấu '-'): " + "; ".join(exc.problems) + ". Đổi tên "
            "thư mục hoặc sửa danh sách tài khoản, rồi chạy lại.",
            file=sys.stderr,
        )
        return 1
    target = repo / path
    current = target.read_text("utf-8") if target.is_file() else None
    if args.check:
        if current == text:
            print(f"{path} khớp với danh sách tài khoản và cây tổ chức.")
            return 0
        state = "chưa có" if current is None else "đã cũ"
        flag = "" if args.forge == "github" else f" --forge {args.forge}"
        print(f"{path} {state}: chạy `kiemdiem codeowners{flag}` rồi commit tệp đó.")
        return 1
    if current == text:
        print(f"{path} đã đúng, không cần ghi lại.")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    print(f"Đã ghi {path}.")
    return 0
