"""Files the user names on the command line (`stats -o`, `rollup -o`, `check --json-file`,
`check --comment-file`): checked before the command's work, written whole or not at all,
and every failure told as a usage error (exit 2) in Vietnamese, naming the file and what
to do — never an internal error for a mistyped folder.

`output_format` is how `stats` and `rollup` choose what to write: --format, else the
extension of -o (.csv, .json, .xlsx), else CSV; a --format that contradicts the
extension is refused, so `-o tk.xlsx` never holds CSV text.

The generator never rewrites anyone's submission: a path that resolves (symlinks followed,
names compared as the file system does) into a repository's submissions/ (the roster too),
schema/ or .github/ folder, or to one of the command's own input files, is refused before
any work, like a folder (exit 2), and nothing is written.

A file is written beside its target under a temporary name and renamed over it once
complete, so a full disk or an interrupted run leaves the previous file as it was. A target
that exists and is not a regular file (`-o /dev/stdout`, a named pipe) is written as it is.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from generator import atomic
from generator.cli import UsageError
from generator.submissions.layout import SUBMISSIONS

# the formats an output file's extension names (`-o tk.xlsx`)
EXTENSIONS = {".csv": "csv", ".json": "json", ".xlsx": "xlsx"}
# spreadsheets of another kind, which a .xlsx or .csv file must not be named as
OTHER_SHEETS = (".xls", ".xlsm", ".xlsb", ".ods")


def output_format(
    given: str | None, path: Path | None, option: str, formats: tuple[str, ...], default: str
) -> str:
    """The format to write to `path` (given with `option`): `given` (--format), else the one
    its extension names, else `default`. Refused (UsageError) when --format and the
    extension disagree, when the extension names a format this command does not write,
    or another kind of spreadsheet: a file must hold what its name says."""
    if path is None:
        return given or default
    suffix = path.suffix.lower()
    written = ", ".join(f".{f}" for f in formats)
    if suffix in OTHER_SHEETS:
        raise UsageError(
            f"Tệp `{path}` ({option}) có đuôi {suffix}, nhưng kiemdiem không ghi dạng bảng "
            f"tính đó (lệnh này ghi {written}). Hãy đặt tên tệp đuôi .xlsx (mở được bằng Excel "
            f"và LibreOffice), ví dụ `{option} {path.with_suffix('.xlsx')}`. Chưa ghi gì."
        )
    named = EXTENSIONS.get(suffix)
    if named is not None and named not in formats:
        raise UsageError(
            f"Tệp `{path}` ({option}) có đuôi {suffix}, nhưng lệnh này ghi {written}: hãy "
            f"đặt tên tệp đuôi .{formats[0]}, ví dụ `{option} "
            f"{path.with_suffix('.' + formats[0])}`. Chưa ghi gì."
        )
    if given is None:
        return named or default
    if named is not None and named != given:
        raise UsageError(
            f"--format {given} không khớp với đuôi {suffix} của tệp `{path}` ({option}): tệp "
            f"sẽ mang tên .{named} mà nội dung là {given.upper()}. Hãy dùng --format {named} "
            f"(hoặc không ghi --format: định dạng lấy theo đuôi tệp), hoặc đặt tên tệp đuôi "
            f".{given}, ví dụ `{option} {path.with_suffix('.' + given)}`. Chưa ghi gì."
        )
    return given


def check_output(path: Path, option: str, example: str, inputs: Sequence[Path | str] = ()) -> None:
    """Refuse `path` (given with `option`) when no file can be written there: its folder is
    missing or is a file, it is a folder, or it may not be written; or when it must not be
    written: a repository's data (`_protected`) or one of `inputs`, the files the command
    reads. `example` is a file name to suggest."""
    real = Path(os.path.realpath(path))
    why = _protected(real) or _input(real, inputs)
    if why:
        raise UsageError(
            f"Không ghi vào `{path}` ({option}): {why} kiemdiem không bao giờ ghi đè hồ sơ "
            f"hay tệp nó đang đọc. Hãy ghi ra một tệp khác, ngoài dữ liệu của kho, ví dụ `{option} "
            f"{example}` ở thư mục hiện tại. Chưa ghi gì."
        )
    if _special(path):
        return
    folder = real.parent
    if real.is_dir():
        raise UsageError(f"{_is_folder(path, option, example)} Chưa ghi gì.")
    if not folder.exists():
        raise UsageError(f"{_no_folder(path, option)} Chưa ghi gì.")
    if not folder.is_dir():
        raise UsageError(
            f"`{_shown_folder(path)}` (trong đường dẫn {option} `{path}`) là một tệp, không "
            f"phải thư mục: hãy chọn nơi ghi khác bằng {option}. Chưa ghi gì."
        )
    if real.exists() and real.is_file() and not os.access(real, os.W_OK):
        raise UsageError(
            f"Tệp `{path}` ({option}) không cho phép ghi (chỉ đọc): không ghi đè. Hãy chọn tên "
            f"khác bằng {option}. Chưa ghi gì."
        )
    if not os.access(folder, os.W_OK):
        raise UsageError(
            f"Không có quyền ghi vào thư mục `{_shown_folder(path)}` ({option} `{path}`): "
            f"hãy chọn thư mục khác bằng {option}, ví dụ trong thư mục của bạn. Chưa ghi gì."
        )


def write_output(
    path: Path,
    option: str,
    example: str,
    write: Callable[[Path], None],
    inputs: Sequence[Path | str] = (),
) -> None:
    """Write the user's file `path` by `write(temporary path)`, then rename it over `path`;
    any failure is a UsageError, and the temporary file is removed. `inputs`: as for
    `check_output`."""
    check_output(path, option, example, inputs)
    real = Path(os.path.realpath(path))
    temporary: Path | None = None
    try:
        if _special(path):
            write(path)
            return
        temporary = atomic.temporary_beside(real)
        # created with the umask's permissions, as a plain write would be
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        write(temporary)
        if real.exists():
            os.chmod(temporary, real.stat().st_mode & 0o7777)
        os.replace(temporary, real)
        temporary = None
    except OSError as exc:
        raise UsageError(_not_written(path, option, example, exc)) from exc
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def write_text_output(
    path: Path, option: str, example: str, text: str, inputs: Sequence[Path | str] = ()
) -> None:
    """`write_output` of a UTF-8 text."""

    def write(to: Path) -> None:
        to.write_text(text, encoding="utf-8")

    write_output(path, option, example, write, inputs)


# a repository's folders no output file goes into, and what each holds
DATA_FOLDERS = {
    SUBMISSIONS: "hồ sơ và danh sách tài khoản",
    "schema": "mẫu kiểm tra hồ sơ",
    ".github": "cấu hình GitHub của kho",
}


def _protected(real: Path) -> str:
    """Why `real` (a resolved path) is a repository's data, or "": it is in the
    submissions/, schema/ or .github/ folder of a repository (a folder holding
    submissions/), whatever case the path is written in where the file system ignores it."""
    for folder in (real, *real.parents):
        parent = folder.parent
        if parent == folder or not (parent / SUBMISSIONS).is_dir():
            continue
        for name, holds in DATA_FOLDERS.items():
            if _same(folder, parent / name):
                return f"đường dẫn này nằm trong thư mục {name}/ của kho `{parent}` ({holds})."
    return ""


def _input(real: Path, inputs: Sequence[Path | str]) -> str:
    """Why `real` is one of the command's `inputs`, or ""."""
    for source in inputs:
        if _same(real, Path(source)):
            return f"đây chính là tệp `{source}` mà lệnh đang đọc."
    return ""


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return False


def _special(path: Path) -> bool:
    """Whether `path` exists and is neither a regular file nor a folder (`/dev/stdout`, a
    named pipe): such a target is written as it is, never replaced."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _shown_folder(path: Path) -> str:
    return str(path.parent) if str(path.parent) not in ("", ".") else "."


def _is_folder(path: Path, option: str, example: str) -> str:
    return (
        f"`{path}` ({option}) là một thư mục, không phải tệp: hãy ghi cả tên tệp, ví dụ "
        f"`{option} {path / example}`."
    )


def _no_folder(path: Path, option: str) -> str:
    return (
        f"Thư mục `{_shown_folder(path)}` (của tệp {option} `{path}`) không tồn tại: hãy "
        f"tạo thư mục đó trước, hoặc chọn nơi ghi khác bằng {option}."
    )


def _not_written(path: Path, option: str, example: str, exc: OSError) -> str:
    """What went wrong writing `path`, in Vietnamese, and what to do."""
    kept = "Tệp cũ (nếu có) vẫn giữ nguyên."
    if exc.errno == errno.ENOENT:
        return _no_folder(path, option)
    if exc.errno == errno.EISDIR:
        return _is_folder(path, option, example)
    if exc.errno == errno.ENOTDIR:
        return (
            f"Trong đường dẫn {option} `{path}` có một tệp ở chỗ cần thư mục: hãy chọn nơi "
            f"ghi khác bằng {option}."
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (
            f"Không có quyền ghi `{path}` ({option}): hãy chọn thư mục khác bằng {option}, ví "
            f"dụ trong thư mục của bạn. {kept}"
        )
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (
            f"Ổ đĩa đã đầy: không ghi được `{path}` ({option}). Hãy giải phóng chỗ trống, hoặc "
            f"ghi sang ổ khác bằng {option}. {kept}"
        )
    if exc.errno == errno.EROFS:
        return f"Ổ đĩa chứa `{path}` ({option}) chỉ cho đọc: hãy ghi sang nơi khác bằng {option}."
    if exc.errno == errno.ENAMETOOLONG:
        return f"Tên tệp `{path}` ({option}) quá dài: hãy chọn tên ngắn hơn."
    return (
        f"Không ghi được tệp `{path}` ({option}; lỗi hệ thống: {exc.strerror or exc}). Hãy "
        f"chọn nơi ghi khác bằng {option}. {kept}"
    )
