"""Catalog: the layout of submissions/ (generator/submissions/layout.py,
generator/check/filenames.py): files that are not where or what the tree expects."""

from __future__ import annotations

from generator.messages.base import Message

# hints shared by the layout entries below: never "delete" first; a file that would be
# written over is compared and merged, and kept until the person in charge confirms
_KEEP_BOTH = (
    "Thư mục đã có tệp `{canonical}`: đừng đổi tên tệp `{name}` thành tên đó. So sánh hai "
    "tệp và chép phần còn thiếu vào `{canonical}`; giữ tệp `{name}` cho tới khi bí thư chi bộ "
    "(hoặc cấp ủy phụ trách) xác nhận `{canonical}` đã đủ nội dung."
)
_MOVE_TO = "{what} thuộc về `{where}`: chuyển tệp vào đó, giữ nguyên nội dung."
# `{where}` with folders to fill in: the file there, if any, is not known
_MOVE_TO_TEMPLATE = (
    "{what} thuộc về `{where}`: chuyển tệp vào đó, giữ nguyên nội dung. Nếu ở đó đã có tệp "
    "cùng tên, không chép đè: so sánh hai tệp và chép phần còn thiếu vào tệp đã có."
)
_MERGE_INTO = (
    "Đã có tệp `{where}`: so sánh hai tệp và chép phần còn thiếu vào tệp đó; giữ tệp "
    "`{name}` này cho tới khi bí thư chi bộ (hoặc cấp ủy phụ trách) xác nhận tệp đó đã đủ "
    "nội dung."
)
_PLACES = (
    "Chuyển tệp vào đúng chỗ, giữ nguyên nội dung: bản kiểm điểm vào "
    "`submissions/<năm>/.../<chi bộ>/dang-vien/<ma_dang_vien>.yaml`; `to-chuc.yaml`, "
    "`de-xuat.yaml`, `quyet-dinh.yaml` vào thư mục của tổ chức; `nam-danh-gia.yaml` vào "
    "`submissions/<năm>/`."
)


CATALOG: dict[str, Message] = {
    # ---- layout (generator/submissions/layout.py)
    # a file name that is not part of the layout (generator/check/filenames.py);
    # hint "rename" when its canonical name is known
    "file-unexpected": Message(
        "Tệp `{name}` không thuộc cấu trúc hồ sơ: tên tệp không nằm trong các tên quy định.",
        "Tên hợp lệ: `nam-danh-gia.yaml` (thư mục năm), `to-chuc.yaml`, `de-xuat.yaml`, "
        "`quyet-dinh.yaml` (thư mục tổ chức), `dang-vien/<ma_dang_vien>.yaml`.",
        hints={
            "rename": "Đổi tên tệp thành `{canonical}` (giữ nguyên nội dung).",
            "exists": _KEEP_BOTH,
        },
    ),
    "file-unexpected/extension": Message(
        "Tệp `{name}` không thuộc cấu trúc hồ sơ: phần mở rộng phải là `.yaml` (chữ thường).",
        "Đổi tên tệp thành `{canonical}` (giữ nguyên nội dung).",
        hints={"exists": _KEEP_BOTH},
    ),
    "file-unexpected/member-name": Message(
        "Tệp `{name}` không thuộc cấu trúc hồ sơ: tên tệp bản kiểm điểm phải là mã đảng viên "
        "(chữ thường, số và dấu '-').",
        "Đổi tên tệp thành `<ma_dang_vien>.yaml`, ví dụ `dv-104233.yaml` (giữ nguyên nội dung). "
        "Nếu thư mục đã có tệp tên đó, đừng đổi tên đè lên tệp ấy: so sánh hai tệp và chép "
        "phần còn thiếu vào tệp đã có.",
        hints={
            "rename": "Đổi tên tệp thành `{canonical}` (giữ nguyên nội dung).",
            "exists": _KEEP_BOTH,
            # the id inside (`{member}`) names a file already there: a copy, or a mistyped id
            "taken": "Tệp này ghi `ma_dang_vien: {member}`. " + _KEEP_BOTH + " Nếu tệp này là "
            "bản kiểm điểm của một đảng viên khác, sửa `ma_dang_vien` thành mã của đồng chí "
            "đó rồi đặt tên tệp theo mã ấy, ví dụ `dv-104233.yaml`.",
        },
    ),
    "file-unexpected/not-yaml": Message(
        "Tệp `{name}` không thuộc cấu trúc hồ sơ: đây không phải tệp YAML (hồ sơ chỉ gồm các "
        "tệp .yaml).",
        "Chuyển tệp này ra khỏi thư mục submissions/ (tài liệu đính kèm không lưu ở đây).",
    ),
    # a file in a place no year reads (generator/check/filenames.py): `{what}` is what the
    # file looks like, `{where}` where such a file belongs; hint "exists" when a file of
    # that name is already there, "unknown" when neither is known
    "file-unexpected/outside-year": Message(
        "Tệp `{name}` nằm ngoài các thư mục năm (`submissions/<năm>/`), chỗ công cụ không "
        "đọc: tệp không được kiểm tra và không được tính vào kết quả của năm nào.",
        _MOVE_TO,
        hints={"exists": _MERGE_INTO, "template": _MOVE_TO_TEMPLATE, "unknown": _PLACES},
    ),
    "file-unexpected/outside-other": Message(
        "Tệp `{name}` nằm ngoài các thư mục năm (`submissions/<năm>/`): công cụ không đọc tệp này.",
        "Nếu đây là tài liệu đính kèm, chuyển tệp ra khỏi thư mục submissions/; nếu là hồ sơ, "
        "lưu thành tệp .yaml ở đúng chỗ, ví dụ bản kiểm điểm: "
        "`submissions/<năm>/.../<chi bộ>/dang-vien/<ma_dang_vien>.yaml`.",
        severity="warning",
    ),
    "file-unexpected/member-subfolder": Message(
        "Tệp `{name}` nằm trong thư mục con `{folder}/` của `dang-vien/`: công cụ chỉ đọc "
        "các bản kiểm điểm nằm ngay trong `dang-vien/`, nên tệp này không được kiểm tra và "
        "không được tính vào kết quả.",
        _MOVE_TO,
        hints={"exists": _MERGE_INTO, "template": _MOVE_TO_TEMPLATE},
    ),
    "file-unexpected/misplaced": Message(
        "Tệp `{name}` không nằm đúng chỗ: công cụ không đọc tệp ở thư mục này, nên tệp không "
        "được kiểm tra và không được tính vào kết quả.",
        _MOVE_TO,
        hints={"exists": _MERGE_INTO, "template": _MOVE_TO_TEMPLATE, "unknown": _PLACES},
    ),
    "file-symlink": Message(
        "Liên kết tượng trưng (symlink) không được chấp nhận trong hồ sơ.",
        "Thay liên kết bằng một tệp thật cùng tên, chép nội dung của tệp mà liên kết trỏ tới.",
    ),
    "cache-in-repo": Message(
        "Tệp `{arg}`{others} nằm trong thư mục `{folder}/`, là bộ nhớ đệm riêng của máy chạy "
        "kiểm tra, không phải hồ sơ: thư mục này không được đưa vào kho. Khi kho có các tệp "
        "này, công cụ không dùng bộ nhớ đệm mà đọc và kiểm tra lại mọi tệp.",
        "Cho Git thôi theo dõi thư mục này, các tệp vẫn nằm trên máy: chạy "
        "`git rm -r --cached {folder}` rồi commit; hồ sơ trong submissions/ không bị ảnh hưởng. Tệp .gitignore của kho đã có dòng "
        "`/{folder}/` để việc này không lặp lại.",
        actor="board",
    ),
    "path-outside-repo": Message(
        "Đường dẫn `{arg}` nằm ngoài kho hồ sơ.",
        "Ghi đường dẫn tính từ thư mục của kho (như các thông báo ghi, ví dụ "
        "`submissions/2026`) hoặc từ thư mục hiện tại; chỉ các tệp trong thư mục "
        "submissions/ của kho được kiểm tra.",
    ),
    "path-outside-submissions": Message(
        "Đường dẫn `{arg}` không nằm trong thư mục submissions/: công cụ chỉ kiểm tra hồ sơ "
        "trong submissions/, nên không kiểm tra `{arg}`.",
        "Ghi một tệp hoặc thư mục trong submissions/ (ví dụ `{example}`), hoặc chạy "
        "`kiemdiem check` không kèm đường dẫn để kiểm tra tất cả.",
    ),
    "path-not-found": Message(
        "Không tìm thấy `{arg}`.",
        "Kiểm tra lại tên tệp hoặc thư mục.",
    ),
}
