"""`kiemdiem codeowners`: write `.github/CODEOWNERS` from the roster and the organization tree."""

from __future__ import annotations

import argparse
import sys

from generator.cli import find_repo
from generator.forge import codeowners
from generator.forge.roster import ROSTER_PATH, load_roster

HELP = "tạo tệp CODEOWNERS (ai được duyệt thay đổi tệp nào) từ danh sách tài khoản"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("codeowners", help=HELP, description=HELP[0].upper() + HELP[1:] + ".")
    p.add_argument(
        "--check",
        action="store_true",
        help="không ghi; báo lỗi (mã thoát 1) nếu tệp đang lưu đã cũ",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = args.repo.resolve() if args.repo else find_repo()
    roster = load_roster(repo)
    if not roster.readable:
        print(
            f"Chú ý: không đọc được {ROSTER_PATH}; mọi tệp sẽ thuộc Ban Tổ chức "
            "(chạy `kiemdiem check` để xem lỗi của tệp này)."
        )
    try:
        text = codeowners.render(repo, roster)
    except codeowners.UnsafeName as exc:
        print(
            f"Không ghi {codeowners.CODEOWNERS_PATH}: tên không hợp lệ (chỉ được dùng chữ "
            "thường không dấu, chữ số và dấu '-'): " + "; ".join(exc.problems) + ". Đổi tên "
            "thư mục hoặc sửa danh sách tài khoản, rồi chạy lại.",
            file=sys.stderr,
        )
        return 1
    target = repo / codeowners.CODEOWNERS_PATH
    current = target.read_text("utf-8") if target.is_file() else None
    if args.check:
        if current == text:
            print(f"{codeowners.CODEOWNERS_PATH} khớp với danh sách tài khoản và cây tổ chức.")
            return 0
        state = "chưa có" if current is None else "đã cũ"
        print(
            f"{codeowners.CODEOWNERS_PATH} {state}: chạy `kiemdiem codeowners` rồi commit tệp đó."
        )
        return 1
    if current == text:
        print(f"{codeowners.CODEOWNERS_PATH} đã đúng, không cần ghi lại.")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, "utf-8")
    print(f"Đã ghi {codeowners.CODEOWNERS_PATH}.")
    return 0
