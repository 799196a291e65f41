"""Catalog: a plain value cut short by " #" (`yaml-comment-in-value`, generator/submissions/
yamlodd.py, its corrected line chosen by generator/check/cuthint.py), or written in curly
quotes (`text-curly-quotes`, the same module; generator/check/curlyhint.py keeps it where
no schema finding tells it), part of the reading-files catalog in
generator/messages/load.py.

`{place}` names the value (`PLACE_VI`): by its key, or, for a list item without a key or
with an empty one (`- "": ...`), by its number in the list: never an empty "``". The hint
`item` is for such a value (no key to write `key: |` with).
"""

from __future__ import annotations

from generator.messages.base import Message

# the place of the cut value (generator.check.cuthint.place chooses)
PLACE_VI = {
    "key": "giá trị của `{key}`",
    "item": "mục thứ {n} của danh sách `{list}`",
    "empty-item": "giá trị của mục chưa có tên (trước dấu hai chấm chưa viết tên mục) trong "
    "mục thứ {n} của danh sách `{list}`",
    "empty": "giá trị của mục chưa có tên (trước dấu hai chấm chưa viết tên mục) ở dòng {line}",
    "line": "giá trị ở dòng {line}",
}

# typing a straight quote, for the curly quotes' hints
_STRAIGHT = "dấu ngoặc kép thẳng `\"` (phím Shift + ')"
_CURLY_TEXT = (
    "Hai dấu ngoặc cong {quotes} quanh {place} được lưu như chữ của nội dung, không phải "
    "dấu ngoặc của YAML (Word hay điện thoại thường tự đổi dấu ngoặc kép thành ngoặc cong)."
)
_CURLY_KEEP = "Nếu hai dấu ngoặc cong đúng là một phần của nội dung, cứ giữ nguyên dòng này."

_KEEP_NOTE = "Nếu phần từ `#` là chú thích, viết hai dấu cách trước dấu `#`."

CATALOG: dict[str, Message] = {
    # `ho_ten: “Nguyễn Văn Bình”`: a warning, as a name may hold such quotes inside
    "text-curly-quotes": Message(
        _CURLY_TEXT,
        f"Để đặt giá trị trong ngoặc, dùng {_STRAIGHT}: sửa dòng {{line}} thành `{{fixed}}`. "
        + _CURLY_KEEP,
        "warning",
    ),
    "text-curly-quotes/block": Message(
        _CURLY_TEXT,
        f"Để đặt giá trị trong ngoặc, thay dấu ngoặc cong ở đầu giá trị (dòng {{line}}) và ở "
        f"cuối giá trị bằng {_STRAIGHT}. " + _CURLY_KEEP,
        "warning",
    ),
    "yaml-comment-in-value": Message(
        "Phần chữ từ dấu `#` (`{lost}`) không được đọc vào {place}: trong YAML, "
        "dấu cách rồi `#` bắt đầu một chú thích, nên phần sau nó bị bỏ qua.",
        'Đặt cả giá trị trong dấu ngoặc kép ("…"): sửa dòng {line} thành `{fixed}`; hoặc viết '
        "dạng khối: `{key}: |` ở dòng riêng, nội dung ở các dòng dưới, thụt lề thêm 2 dấu cách. "
        "Nếu phần từ `#` là chú thích, viết hai dấu cách trước dấu `#`.",
        hints={
            "item": 'Đặt cả giá trị trong dấu ngoặc kép ("…"): sửa dòng {line} thành '
            "`{fixed}`. " + _KEEP_NOTE
        },
    ),
    # a number, a choice, a date: the "#" can only start a note (generator.check.cuthint)
    "yaml-comment-in-value/note": Message(
        "Phần chữ từ dấu `#` (`{lost}`) không được đọc vào {place}: trong YAML, "
        "dấu cách rồi `#` bắt đầu một chú thích, nên phần sau nó bị bỏ qua.",
        "Mục `{key}` không nhận chữ ghi thêm (nó là con số, mục chọn, ngày hoặc mã), nên phần "
        "từ `#` chỉ có thể là chú thích: viết hai dấu cách trước dấu `#`, sửa dòng {line} "
        "thành `{fixed}` (chú thích vẫn được giữ trong tệp).",
        hints={
            "item": "Mục này không nhận chữ ghi thêm (nó là con số, mục chọn, ngày hoặc mã), "
            "nên phần từ `#` chỉ có thể là chú thích: viết hai dấu cách trước dấu `#`, sửa "
            "dòng {line} thành `{fixed}` (chú thích vẫn được giữ trong tệp)."
        },
    ),
    # `"Đỗ Văn"#Thành`: YAML asks a blank before a comment's "#", libyaml does not
    "yaml-comment-in-value/quoted": Message(
        "Phần chữ `{lost}` ngay sau dấu ngoặc đóng không được đọc vào giá trị: trong YAML, "
        "dấu `#` ngay sau dấu ngoặc bắt đầu một chú thích, nên phần từ `#` bị bỏ qua.",
        "Nếu `{lost}` là nội dung, đưa nó vào trong dấu ngoặc: sửa dòng {line} thành "
        "`{fixed}`. Nếu đó là chú thích, thêm một dấu cách trước dấu `#`.",
    ),
    "yaml-comment-in-value/block": Message(
        "Phần chữ từ dấu `#` (`{lost}`) không được đọc vào {place}: trong YAML, "
        "dấu cách rồi `#` bắt đầu một chú thích, nên phần sau nó bị bỏ qua.",
        "Viết nội dung dạng khối: `{key}: |` ở dòng riêng, nội dung ở các dòng dưới, thụt lề "
        'thêm 2 dấu cách; hoặc đặt cả giá trị trong dấu ngoặc kép ("…").',
        hints={"item": 'Đặt cả giá trị trong dấu ngoặc kép ("…"). ' + _KEEP_NOTE},
    ),
}
