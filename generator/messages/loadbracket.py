"""Catalog: a bracket opened and never closed (generator/check/yamlbracket.py), part of
the reading-files catalog in generator/messages/load.py."""

from __future__ import annotations

from generator.messages.base import Message

CATALOG: dict[str, Message] = {
    # `chuc_vu: [Giáo viên`, `tai_khoan: [`
    "yaml-syntax/unclosed-bracket": Message(
        "Sai cú pháp YAML: giá trị ở dòng {line} bắt đầu bằng {opener} nên YAML đọc nó là "
        "{what} viết trên một dòng, nhưng dấu `{closer}` đóng lại không có trên dòng đó.",
        "Nếu dấu ngoặc là chữ của nội dung, đặt cả nội dung trong dấu ngoặc kép. Sửa dòng "
        "{line} thành: `{fixed}`{indent_note}.",
    ),
    "yaml-syntax/bracket-above-list": Message(
        "Sai cú pháp YAML: dòng {line} mở {opener} (bắt đầu {what} viết trên một dòng) mà "
        "không đóng bằng `{closer}`.",
        "Các mục của `{key}` đã viết ở các dòng bên dưới, không cần dấu ngoặc. Sửa dòng "
        "{line} thành: `{fixed}`{indent_note}.",
    ),
    "yaml-syntax/bracket-alone": Message(
        "Sai cú pháp YAML: dòng {line} mở {opener} (bắt đầu {what} viết trên một dòng) mà "
        "không đóng bằng `{closer}`.",
        "Viết chính giá trị của `{key}` sau dấu hai chấm (dấu `[` mở một danh sách, dấu ngoặc "
        "nhọn mở một nhóm mục); nếu nội dung bắt đầu bằng dấu ngoặc, đặt cả nội dung trong dấu "
        "ngoặc kép.",
    ),
}
