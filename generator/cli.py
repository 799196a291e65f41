"""The `kiemdiem` command line: parses arguments, calls the library, prints.

Each subcommand is a module in `generator.commands` exposing
``register(subparsers) -> None`` (adds its parser and sets ``func``) and a
``run(args) -> int`` that returns the exit code: 0 clean, 1 findings, 2 usage or
internal error. Library code never prints; commands do.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from generator.submissions.layout import SUBMISSIONS

# argparse's own words, in Vietnamese (argparse looks them up through gettext at call time)
_ARGPARSE_VI = {
    "usage: ": "cách dùng: ",
    "options": "tùy chọn",
    "positional arguments": "tham số",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "expected one argument": "cần một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "cần %(type)s, không phải %(value)r",
}

# an option's value as its help shows it, when the command gave no name of its own
_METAVARS_VI = {
    "repo": "THƯ_MỤC_KHO",
    "year": "NĂM",
    "out": "THƯ_MỤC",
    "addr": "ĐỊA_CHỈ:CỔNG",
    "org_type": "LOẠI_TỔ_CHỨC",
    "ruleset": "BỘ_QUY_TẮC",
}


def _number(text: str) -> int:
    return int(text)


_number.__name__ = "một số nguyên (ví dụ 2025)"  # how argparse names the type in errors


def _in_vietnamese(parser: argparse.ArgumentParser) -> None:
    """Every option of `parser` and its subcommands shows a Vietnamese name for its value
    and, when it takes a whole number, says so in Vietnamese when given something else."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _in_vietnamese(child)
            continue
        if action.type is int:
            action.type = _number
        named = action.metavar is not None or action.choices is not None
        if action.option_strings and action.nargs != 0 and not named:
            action.metavar = _METAVARS_VI.get(action.dest, action.dest.upper())


def _vi(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


argparse._ = _vi  # type: ignore[attr-defined]

# the order here is the order of `kiemdiem --help`
COMMANDS = ("check", "rate", "stats", "rollup", "build", "serve", "new", "codeowners", "member")


class UsageError(Exception):
    """A problem with how the command was called (exit code 2), said in Vietnamese."""


def require_schema(repo: Path) -> Path:
    """`repo`, if it has the schema/ folder every file is checked against."""
    if not (repo / "schema").is_dir():
        raise UsageError(
            f"Không tìm thấy thư mục schema/ trong {repo}: mọi hồ sơ được kiểm tra theo các "
            "tệp trong đó. Hãy chạy lệnh trong kho kiemdiem (nơi có cả submissions/ và "
            "schema/), hoặc dùng --repo để chỉ ra kho."
        )
    return repo


def find_repo(start: Path | None = None) -> Path:
    """The repository root: the nearest folder at or above `start` holding submissions/."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / SUBMISSIONS).is_dir():
            return candidate
    raise UsageError(
        f"Không tìm thấy thư mục '{SUBMISSIONS}/' ở {here} hay các thư mục cha. "
        "Hãy chạy lệnh trong kho kiemdiem, hoặc dùng --repo để chỉ ra kho."
    )


def _command_in(argv: Sequence[str]) -> str | None:
    """The command `argv` runs, when its words say it before anything else: the first word
    after the global options (`--repo DIR`, `--debug`). None when unsure (`--help`, none,
    a word that is no command)."""
    words = iter(argv)
    for word in words:
        if word == "--repo":
            next(words, None)
        elif word == "--debug" or word.startswith("--repo="):
            continue
        else:
            return word if word in COMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the `argv` it will parse, only the module of the
    command it runs is imported (the others stay names: `kiemdiem check` need not load
    MkDocs, ~0.3 s of every check); without, every command's."""
    only = _command_in(argv) if argv is not None else None
    parser = argparse.ArgumentParser(
        prog="kiemdiem",
        description=(
            "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên — "
            "kiểm tra hồ sơ, xếp loại, thống kê và xây dựng trang nội bộ."
        ),
    )
    parser.add_argument(
        "--repo", type=Path, default=None, help="thư mục gốc của kho (mặc định: tự tìm)"
    )
    parser.add_argument(
        "--debug", action="store_true", help="in chi tiết lỗi nội bộ (dành cho người bảo trì)"
    )
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name in COMMANDS:
        if only is not None and name != only:
            sub.add_parser(name)  # its name only: `argv` does not run it
            continue
        try:
            module = importlib.import_module(f"generator.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"generator.commands.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    _in_vietnamese(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except UsageError as exc:
        from generator.report.safe import visible_text  # (not for every --help)

        # a message may quote a submitted value: shown inert, whatever the command did
        print(f"kiemdiem: {visible_text(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `kiemdiem check | head`: the reader left; say nothing more
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("kiemdiem: đã dừng.", file=sys.stderr)
        return 2
    except Exception as exc:  # an internal error: never a bare traceback for the user
        if args.debug:
            traceback.print_exc()
        print(
            f"kiemdiem: lỗi nội bộ ({type(exc).__name__}: {exc}). Đây là lỗi của chương trình, "
            "không phải của hồ sơ. Chạy lại với --debug và gửi kết quả cho người bảo trì.",
            file=sys.stderr,
        )
        return 2


def run() -> None:
    sys.exit(main())
