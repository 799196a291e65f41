"""Catalog: JSON Schema validation (generator/check/schemas.py).

`{label}` is the place in the file: the key path in backticks and its title
("`kiem_diem.uu_diem` (Ưu điểm)"); `{where}` is " trong <label>" inside a group, else
empty. The fix-it hints with the corrected line come from generator/check/schemahints.py
as `{hint_vi}`; the other hints are chosen by name (`hint_key`).
"""

from __future__ import annotations

from generator.messages.base import Message

CATALOG: dict[str, Message] = {
    "schema-required": Message(
        "Thiếu mục bắt buộc `{key}`{title}{where}.",
        "{hint_vi}",
    ),
    "schema-unknown-key": Message(
        "Mục `{key}` không có trong mẫu{where}.",
        "Các mục được phép: {allowed}.",
        hints={"guess": "Có phải ý bạn là `{guess}`?", "fix": "{hint_vi}"},
    ),
    "schema-enum": Message(
        "Giá trị `{value}` không hợp lệ cho {label}.",
        "Chọn một trong: {options}.",
        hints={
            "empty": "Mục này đang để trống: chọn một trong: {options}.",
            "corrected": "Sửa dòng {line} thành: `{key}: {guess}`. Chọn một trong: {options}.",
            "guess": "Có phải ý bạn là `{guess}`? Chọn một trong: {options}.",
        },
    ),
    "schema-enum/empty": Message(
        "{label} đang để trống.",
        "Điền một trong: {options}.",
        hints={
            "corrected": "Sửa dòng {line} thành: `{key}: {guess}`. Chọn một trong: {options}.",
            "guess": "Có phải ý bạn là `{guess}`? Chọn một trong: {options}.",
        },
    ),
    "schema-const": Message(
        "{label} phải là `{expected}`, không phải `{value}`.",
        "Sửa thành `{expected}`.",
    ),
    "schema-type": Message(
        "{label} phải là {want}, nhưng đang là `{value}`.",
        "{hint_vi}",
    ),
    "schema-type/empty": Message(
        "{label} phải là {want}, nhưng đang để trống.",
        "{hint_vi}",
    ),
    "schema-date": Message(
        "Ngày `{value}` ở {label} không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ "
        "`2025-12-15`, và phải là ngày có thật.",
        "{hint_vi}",
    ),
    "schema-pattern": Message(
        "Giá trị `{value}` ở {label} không đúng dạng quy định.",
        "Dạng quy định (biểu thức chính quy): `{pattern}`.",
        hints={"described": "{description}"},
    ),
    "schema-pattern/date": Message(
        "Ngày `{value}` ở {label} không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ "
        "`2025-12-15`, và phải là ngày có thật.",
        "{hint_vi}",
    ),
    "schema-range": Message(
        "{label} phải {bound} {limit}, nhưng đang là {value}.",
        "Kiểm tra lại con số.",
    ),
    "schema-length": Message(
        "{label} phải {what}.",
        "",
        hints={"write": "Viết nội dung cho mục này."},
    ),
    "schema-not-allowed": Message(
        "Mục {label} không dùng trong năm này (theo bộ quy tắc của năm).",
        "Xóa mục này; xem mẫu của năm bằng `kiemdiem new`.",
        hints={"described": "{description}"},
    ),
    "schema-other": Message(
        "{label}: {detail}",
        "",
    ),
    "schema-other/format": Message(
        "Giá trị `{value}` ở {label} không đúng định dạng.",
        "",
    ),
    "schema-other/unique": Message(
        "{label} có phần tử lặp lại.",
        "Xóa phần tử trùng.",
    ),
}

# words for the schema keywords, used in the parameters above
TYPE_VI = {
    "string": "văn bản",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "true hoặc false",
    "array": "danh sách (mỗi phần tử một dòng bắt đầu bằng '- ')",
    "object": "nhóm mục (các dòng `ten_muc: giá trị` thụt lề bên dưới)",
    "null": "để trống",
}
BOUND_VI = {
    "minimum": "không nhỏ hơn",
    "maximum": "không lớn hơn",
    "exclusiveMinimum": "lớn hơn",
    "exclusiveMaximum": "nhỏ hơn",
}
LENGTH_VI = {
    "minLength": "có ít nhất {n} ký tự",
    "maxLength": "có nhiều nhất {n} ký tự",
    "minItems": "có ít nhất {n} phần tử",
    "maxItems": "có nhiều nhất {n} phần tử",
}
AT_START_VI = "(đầu tệp)"
