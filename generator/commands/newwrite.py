"""Writing a starting file of `kiemdiem new` without touching anyone's content: never
through a symlink, never over a file (made in the meantime too), and into an existing file
only when `check` calls it empty (`yaml-empty`), keeping its comments."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from generator.report.safe import visible
from generator.submissions.yamlload import MAX_FILE_BYTES, loads


def fill_if_blank(target: Path, text: str) -> str:
    """Write the form into an existing file that `check` reports as `yaml-empty` (its hint
    sends the user here): "blank" when it held nothing but blanks, "comments" when it held
    comments too, which stay as they are (the form is added below them, the file's bytes
    untouched); "" when it holds anything else, and then it is never touched."""
    fd = os.open(target, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "r+b") as f:
        data = f.read(MAX_FILE_BYTES + 1)
        loaded = loads(data) if len(data) <= MAX_FILE_BYTES else None
        if loaded is None or loaded.document is not None:
            return ""
        if not any(p.code == "yaml-empty" for p in loaded.problems):
            return ""
        form = text.encode("utf-8")
        if not data.decode("utf-8").strip():
            f.seek(0)
            f.truncate()
            f.write(form)
            return "blank"
        # The form's first line, its modeline (scaffold.modeline), then comes after the
        # user's comments, and that is enough: the YAML language server (VS Code's "YAML")
        # looks for it in every comment of the document, not only the first line
        # (redhat-developer/yaml-language-server: getSchemaFromModeline in
        # src/languageservice/services/modelineUtil.ts searches `doc.lineComments`, which
        # collectLineComments in src/languageservice/parser/yaml-documents.ts gathers from
        # the comments before, inside and after the content). So the comments stay first.
        newline = b"\r\n" if b"\r\n" in data else b"\n"
        f.seek(0, os.SEEK_END)
        f.write((b"" if data.endswith(b"\n") else newline) + newline)
        f.write(form.replace(b"\n", newline))
    return "comments"


def symlink_on_the_way(repo: Path, target: Path) -> Path | None:
    """The first symlink among `target` and the folders between `repo` and it (a dangling
    link too: `exists()` is False for it, and writing would follow it)."""
    path = repo
    for part in target.relative_to(repo).parts:
        path = path / part
        if path.is_symlink():
            return path
    return None


def refuse_link(repo: Path, link: Path) -> None:
    print(
        f"kiemdiem: `{visible(link.relative_to(repo).as_posix())}` là liên kết tượng trưng "
        "(symlink); không ghi qua liên kết. Thay liên kết bằng thư mục hoặc tệp thật rồi "
        "chạy lại lệnh.",
        file=sys.stderr,
    )


def write(repo: Path, target: Path, text: str) -> int:
    rel = target.relative_to(repo).as_posix()
    link = symlink_on_the_way(repo, target)
    if link is not None:
        refuse_link(repo, link)
        return 1
    filled = fill_if_blank(target, text) if target.is_file() else ""
    if target.exists() and not filled:
        print(
            f"kiemdiem: tệp `{rel}` đã có; không ghi đè. Mở tệp đó để sửa tiếp (nội dung đã "
            f"viết được giữ nguyên); `kiemdiem check {rel}` cho biết còn thiếu mục nào.",
            file=sys.stderr,
        )
        return 1
    if not filled:
        target.parent.mkdir(parents=True, exist_ok=True)
        # O_EXCL | O_NOFOLLOW: never through a link, never over a file made in the meantime
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            fd = os.open(target, flags, 0o644)
        except FileExistsError:
            print(f"kiemdiem: tệp `{rel}` đã có; không ghi đè.", file=sys.stderr)
            return 1
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    if filled == "comments":
        print(f"Đã điền mẫu vào `{rel}`, bên dưới các chú thích đã có (giữ nguyên).")
    else:
        print(f"Đã tạo `{rel}`.")
    print(
        'Mở tệp, điền các mục còn để trống "" theo chú thích, rồi chạy `kiemdiem check '
        f"{rel}` để xem còn thiếu gì."
    )
    return 0
