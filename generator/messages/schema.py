"""Catalog: JSON Schema validation (generator/check/schemas.py).

`{label}` is the place in the file: the key path in backticks and its title
("`kiem_diem.uu_diem` (Ưu điểm)"); `{where}` is " trong <label>" inside a group, else
empty. Hints are chosen by name (`hint_key`): the fix-it hints with the corrected line by
generator/check/schemahints.py, the others by generator/check/schemafindings.py.
"""

from __future__ import annotations

from generator.messages.base import Message

# the end of a hint that corrects a value: the user's own line with only the value changed
# (indentation, "- ", key and a comment after it kept; check/written.py), or, when the
# value's text cannot be found on one line (a flow list, a value over several lines), the
# value to write instead of what was written
_LINE = " Sửa dòng {line} thành: `{corrected}`."
_INSTEAD = " Viết `{new}` thay cho `{value}`."


def _corrected(name: str, text: str) -> dict[str, str]:
    """The hint `name` (with the corrected line) and `name-noline` (with the value)."""
    return {name: text + _LINE, f"{name}-noline": text + _INSTEAD}


# how to fix a value of the wrong type, by what it looks like (check/schemahints.py):
# the same whether the value is wrong or missing
_TYPE_HINTS: dict[str, str] = {
    **_corrected("bool", "Chỉ viết `true` (có) hoặc `false` (không)."),
    "number-bad": "Chỉ viết con số (chữ số và dấu chấm thập phân), không kèm chữ hay đơn vị.",
    # the value is not a number the hint may copy (1e400, 0x1A, 12 000): never make one up
    "number-bad-range": "Giá trị phải là {want} từ {minimum} đến {maximum}, chỉ viết bằng chữ "
    "số (không kèm chữ, đơn vị hay ký hiệu như e, x, %): ghi lại đúng con số cần ghi.",
    **_corrected("number-unit", "Chỉ viết con số, không kèm đơn vị hay chữ."),
    **_corrected("number-ratio", "Tỷ lệ viết dạng số thập phân từ 0 đến 1 (85% viết là 0.85)."),
    **_corrected("number-percent", "Chỉ viết con số, không kèm dấu %."),
    **_corrected("number-comma", "Số thập phân dùng dấu chấm, không dùng dấu phẩy."),
    # an integer field (a count): never a decimal as the fix (check/numberhints.py)
    "number-integer": "Mục này nhận một số nguyên (số đếm như 0, 1, 12), không có phần thập "
    "phân: ghi lại đúng số nguyên cần ghi, chỉ bằng chữ số, không kèm dấu chấm, dấu phẩy hay "
    "đơn vị (một nghìn viết là 1000).",
    **_corrected(
        "number-whole",
        "Mục này nhận một số nguyên: viết không có phần thập phân (ở đây phần thập phân chỉ "
        "gồm chữ số 0), không kèm đơn vị hay chữ.",
    ),
    **_corrected(
        "number-thousands",
        "Số nguyên viết liền các chữ số, không dùng dấu chấm ngăn cách hàng nghìn "
        "(một nghìn viết là 1000).",
    ),
    "list-dash": "Mỗi phần tử của danh sách `{name}` bắt đầu bằng dấu gạch ngang và một "
    "dấu cách ('- '). Sửa dòng {line} thành: `{first}` và thụt các dòng tiếp theo của "
    "phần tử đó thêm 2 dấu cách, ví dụ:\n{name}:\n{example}",
    "list-dash-noline": "Mỗi phần tử của danh sách `{name}` bắt đầu bằng dấu gạch ngang và "
    "một dấu cách ('- '): thêm '- ' trước tên mục ở dòng {line} và thụt các dòng tiếp theo "
    "của phần tử đó thêm 2 dấu cách.",
    "list-one-line": "Viết mỗi phần tử trên một dòng, bắt đầu bằng '- ', thụt lề dưới "
    "`{name}:`, ví dụ:\n{name}:\n{example}",
    # the corrected line quotes the value as written in the file (check/written.py)
    "quote": "Đặt nội dung trong dấu ngoặc kép. Sửa dòng {line} thành: `{corrected}`.",
    "quote-noline": "Mục `{name}` là văn bản: viết cả nội dung ngay sau `{name}: ` trên cùng "
    'một dòng, trong dấu ngoặc kép ("…"); nội dung nhiều dòng thì viết `{name}: |` rồi các '
    "dòng nội dung bên dưới, thụt lề thêm 2 dấu cách.",
    "quote-item": "Mỗi phần tử ở đây là một dòng văn bản: viết nội dung sau dấu '- ', trong "
    'dấu ngoặc kép ("…").',
    "children": "Các mục con của `{name}` phải thụt lề 2 dấu cách so với dòng `{name}:`. "
    "Sửa dòng {line} thành: `{corrected}`.",
    "children-many": "Các mục con của `{name}` phải thụt lề 2 dấu cách so với dòng "
    "`{name}:`. Sửa dòng {line} thành: `{corrected}` (và các dòng con tiếp theo cũng vậy).",
    "group": "Mục `{name}` là một nhóm: viết `{name}:` trên một dòng, rồi các mục con ở "
    "các dòng dưới, thụt lề thêm 2 dấu cách.",
    "empty": "Mục này đang để trống: điền giá trị. Nếu chưa có thông tin, đặt dấu `# ` ở đầu "
    "dòng (dòng được giữ lại làm chú thích) cho đến khi có.",
    "empty-required": "Mục bắt buộc này đang để trống: điền giá trị cho nó.",
    # a list or group where one date belongs (check/schemahints.py for_date_container)
    "date-container": "Mục `{name}` nhận một ngày, không phải {container}: ở dòng {line}, thay "
    "`{text}` bằng đúng một ngày viết theo dạng năm-tháng-ngày trong ngoặc kép, ví dụ `{name}: "
    '"2025-12-05"`, lấy ngày, tháng, năm từ nội dung đã ghi.',
    "date-container-noline": "Mục `{name}` nhận một ngày, không phải {container}: viết đúng một "
    "ngày theo dạng năm-tháng-ngày trong ngoặc kép ngay sau `{name}: `, ví dụ `{name}: "
    '"2025-12-05"`, lấy ngày, tháng, năm từ nội dung đã ghi.',
}


# a date written wrong (schema-date, schema-pattern/date): what to write instead
_DATE_HINTS: dict[str, str] = {
    "iso-line": "Viết ngày theo dạng năm-tháng-ngày. Sửa dòng {line} thành: `{corrected}`.{note}",
    "iso": "Viết ngày theo dạng năm-tháng-ngày: `{iso}`.",
    "impossible": "Ngày `{text}` không có thật trên lịch; kiểm tra lại ngày và tháng.",
    "example": 'Ví dụ: `{name}: "2025-12-05"` (năm-tháng-ngày, trong ngoặc kép).{note}',
}

CATALOG: dict[str, Message] = {
    "schema-required": Message(
        "Thiếu mục bắt buộc `{key}`{title}{where}.",
        "",
        hints={
            "top": "Thêm dòng `{key}: ...`. {description}",
            "top-example": "Thêm dòng `{key}: ...`. {description} Ví dụ: `{key}: {example}`.",
            "nested": "Thêm dòng `{key}: ...` bên dưới dòng đó, thụt lề thêm 2 dấu cách. "
            "{description}",
            "nested-example": "Thêm dòng `{key}: ...` bên dưới dòng đó, thụt lề thêm 2 dấu cách. "
            "{description} Ví dụ: `{key}: {example}`.",
        },
    ),
    # `- "": ...`: a key left empty, named by its place, never as "``"
    "schema-unknown-key/empty": Message(
        "Mục ở dòng này chưa có tên (trước dấu hai chấm chưa viết tên mục){where}, nên "
        "không khớp với mục nào trong mẫu.",
        "Viết tên mục trước dấu hai chấm, là một trong các mục được phép: {allowed}; nội dung "
        "sau dấu hai chấm giữ nguyên.",
    ),
    "schema-unknown-key": Message(
        "Mục `{key}` không có trong mẫu{where}.",
        "Các mục được phép: {allowed}.",
        hints={
            "group": "Mục `{key}` thuộc nhóm `{group}`: đặt dòng này ngay dưới dòng `{group}:` "
            "và thụt lề thêm 2 dấu cách, ví dụ:\n{group}:\n  {key}: ...",
            "guess-line": "Có phải ý bạn là `{guess}`? Sửa dòng {line} thành: `{corrected}`.",
            "guess-rename": "Có phải ý bạn là `{guess}`? Sửa tên mục thành `{guess}:`.",
            # `tu_xep_loai Hoàn thành: tốt`: read as one key (schemahints._spaced_key)
            "colon-line": "Có lẽ thiếu dấu hai chấm ngay sau tên mục `{guess}`, nên các chữ "
            "sau nó bị đọc chung vào tên mục. Sửa dòng {line} thành: `{corrected}`; mọi chữ "
            "bạn đã viết vẫn giữ nguyên.",
            # the same, when no line pasted would read back as every word written
            # (yamltext.reads_back): how to write it, with no line that loses words
            "colon": "Có lẽ thiếu dấu hai chấm ngay sau tên mục `{guess}`, nên các chữ sau "
            "nó bị đọc chung vào tên mục. Viết dạng khối cho khỏi mất chữ: ở dòng {line} chỉ "
            "để `{guess}: |`, rồi viết mọi chữ bạn đã viết sau `{guess}` ở dòng ngay dưới, "
            "thụt lề hơn tên mục 2 dấu cách.",
            "ascii-line": "Tên mục viết không dấu, nối bằng dấu gạch dưới: có phải ý bạn là "
            "`{guess}`? Sửa dòng {line} thành: `{corrected}`.",
            "ascii-rename": "Tên mục viết không dấu, nối bằng dấu gạch dưới: có phải ý bạn là "
            "`{guess}`? Sửa tên mục thành `{guess}:`.",
        },
    ),
    "schema-enum": Message(
        "Giá trị `{value}` không hợp lệ cho {label}.",
        "Chọn một trong: {options}.",
        hints={
            "empty": "Mục này đang để trống: chọn một trong: {options}.",
            "corrected": "Sửa dòng {line} thành: `{corrected}`. Chọn một trong: {options}.",
            "guess": "Có phải ý bạn là `{guess}`? Chọn một trong: {options}.",
        },
    ),
    "schema-enum/kind": Message(
        "{label} đang là {kind}, không phải một giá trị được phép.",
        "Viết một trong: {options}.",
    ),
    "schema-enum/empty": Message(
        "{label} đang để trống.",
        "Điền một trong: {options}.",
        hints={
            "corrected": "Sửa dòng {line} thành: `{corrected}`. Chọn một trong: {options}.",
            "guess": "Có phải ý bạn là `{guess}`? Chọn một trong: {options}.",
        },
    ),
    "schema-const": Message(
        "{label} phải là `{expected}`, không phải `{value}`.",
        "Sửa thành `{expected}`.",
    ),
    "schema-const/kind": Message(
        "{label} phải là `{expected}`, không phải {kind}.",
        "Sửa thành `{expected}`.",
    ),
    "schema-type": Message(
        "{label} phải là {want}, nhưng đang là `{value}`.",
        "",
        hints=_TYPE_HINTS,
    ),
    # a list or group, over several lines: named, not shown as Python would
    "schema-type/kind": Message(
        "{label} phải là {want}, nhưng đang là {kind}.",
        "",
        hints=_TYPE_HINTS,
    ),
    # `null` or `~`, which YAML reads as an empty value
    "schema-type/null-word": Message(
        "{label} phải là {want}, nhưng đang là `{value}`: YAML đọc chữ này là để trống.",
        "",
        hints=_TYPE_HINTS,
    ),
    "schema-type/empty": Message(
        "{label} phải là {want}, nhưng đang để trống.",
        "",
        hints=_TYPE_HINTS,
    ),
    "schema-date": Message(
        "Ngày `{value}` ở {label} không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ "
        "`2025-12-15`, và phải là ngày có thật.",
        "",
        hints=_DATE_HINTS,
    ),
    # `ngay_vao_dang: ""` (as `kiemdiem new member` writes it): no date to quote as "``"
    "schema-date/empty": Message(
        "Chưa ghi ngày ở {label}: viết ngày theo dạng năm-tháng-ngày, ví dụ `2025-12-15`.",
        "",
        hints=_DATE_HINTS,
    ),
    "schema-pattern": Message(
        "Giá trị `{value}` ở {label} không đúng dạng quy định.",
        "Dạng quy định (biểu thức chính quy): `{pattern}`.",
        hints={"described": "{description}"},
    ),
    # a name with a tab or a line break (schemafindings.CONTROL_FREE), which the statistics
    # exchange file refuses (`kiemdiem rollup`)
    "schema-pattern/control": Message(
        "{label} có ký tự điều khiển {chars}: không nhìn thấy được, và tệp thống kê gửi cấp "
        "trên (`kiemdiem rollup --export`) không nhận tên có ký tự này.",
        "Viết {label} trên một dòng, không có {chars}: giữa hai chữ, dùng một dấu cách thay "
        "cho ký tự ấy (trong ngoặc kép, đó là ký hiệu bắt đầu bằng \\ như `\\t`); chữ còn lại "
        "giữ nguyên, không mất nội dung nào.",
    ),
    "schema-pattern/date": Message(
        "Ngày `{value}` ở {label} không hợp lệ: viết theo dạng năm-tháng-ngày, ví dụ "
        "`2025-12-15`, và phải là ngày có thật.",
        "",
        hints=_DATE_HINTS,
    ),
    "schema-pattern/date-empty": Message(
        "Chưa ghi ngày ở {label}: viết ngày theo dạng năm-tháng-ngày, ví dụ `2025-12-15`.",
        "",
        hints=_DATE_HINTS,
    ),
    "schema-range": Message(
        "{label} phải {bound} {limit}, nhưng đang là `{value}`.",
        "Kiểm tra lại con số.",
    ),
    "schema-length": Message(
        "{label} phải {what}.",
        "",
        hints={
            "write": "Viết nội dung cho mục này.",
            # an organization's name, longer than the statistics exchange file takes
            "shorten": "Viết {label} ngắn gọn, tối đa {n} ký tự (đếm cả dấu cách): chỉ tên "
            "đầy đủ. Nội dung khác đang viết trong đó, nếu cần giữ, chép sang nơi khác trước "
            "khi viết lại.",
        },
    ),
    "schema-not-allowed": Message(
        "Mục {label} không dùng trong năm này (theo bộ quy tắc của năm).",
        "Chuyển nội dung của mục này (nếu có) sang mục tương ứng của mẫu năm nay (xem bằng "
        "`kiemdiem new`), hoặc đặt dấu `# ` ở đầu các dòng của mục để giữ lại làm chú thích.",
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
        "Gộp các phần tử giống hệt nhau thành một (mỗi phần tử chỉ ghi một lần).",
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
# what a value is, when it is not shown (schema-type/kind)
KIND_VI = {"list": "một danh sách", "dict": "một nhóm mục"}
AT_START_VI = "(đầu tệp)"
# the control characters a name may hold by mistake (schema-pattern/control), after U+…
CONTROL_NAMES = {"\t": " (tab)", "\n": " (xuống dòng)", "\r": " (về đầu dòng)"}
# added to a date hint when the value was written in curly quotes
SMART_NOTE_VI = (
    " Dùng dấu ngoặc kép thẳng `\"` (phím Shift + '), không dùng dấu ngoặc cong “ ” do Word hay "
    "điện thoại tự đổi."
)
OR_VI = " hoặc "
IN_VI = " trong {label}"
# where a key without a name is, in a list item (schema-unknown-key/empty)
ITEM_VI = " trong mục thứ {n} của danh sách `{list}`{title}"
