"""The Vietnamese message catalog of `kiemdiem check`.

One entry per stable finding code: a message template and a hint template, both filled
with `str.format(**detail)`. Messages say what is wrong in words a secretary of a chi bộ
can act on; hints say what to write instead. Codes are what tests, documentation and
the JSON output name; the wording may improve without breaking anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter
from typing import Any


@dataclass(frozen=True)
class Message:
    text: str
    hint: str = ""
    severity: str = "error"  # "error" | "warning" | "notice"


CATALOG: dict[str, Message] = {
    # ---- loading (generator/submissions/yamlload.py)
    "file-too-large": Message(
        "Tệp quá lớn ({size} byte; giới hạn {limit} byte).",
        "Bản kiểm điểm chỉ cần văn bản ngắn gọn; hãy rút gọn nội dung hoặc kiểm tra xem có dán "
        "nhầm dữ liệu khác vào tệp không.",
    ),
    "file-not-text": Message(
        "Tệp không phải văn bản (có byte NUL) — có thể là tệp Word, PDF hay ảnh bị đặt tên .yaml.",
        "Hãy tạo lại tệp bằng trình soạn thảo văn bản (hoặc `kiemdiem new`) và lưu ở dạng UTF-8.",
    ),
    "file-bom": Message(
        "Tệp bắt đầu bằng dấu BOM (ký tự ẩn do một số trình soạn thảo trên Windows thêm vào).",
        "Lưu lại tệp với mã hóa 'UTF-8' (không chọn 'UTF-8 with BOM').",
    ),
    "file-not-utf8": Message(
        "Tệp không ở mã hóa UTF-8 (byte 0x{byte:02x} không hợp lệ).",
        "Mở tệp và lưu lại với mã hóa UTF-8; đừng dùng bảng mã TCVN3 hay VNI.",
    ),
    "yaml-empty": Message(
        "Tệp rỗng.",
        "Tạo nội dung từ mẫu bằng lệnh `kiemdiem new`, hoặc xóa tệp nếu tạo nhầm.",
    ),
    "yaml-tab": Message(
        "Dòng thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách.",
        "Thay mỗi Tab ở đầu dòng bằng dấu cách (thường là 2 dấu cách cho mỗi cấp).",
    ),
    "text-nfd": Message(
        "Văn bản dùng dấu tiếng Việt dạng tổ hợp (NFD); chương trình đã đọc nó ở dạng dựng sẵn (NFC).",
        "Không bắt buộc sửa. Nếu muốn, gõ lại dòng này bằng bộ gõ Unicode dựng sẵn.",
        "warning",
    ),
    "yaml-syntax": Message(
        "Sai cú pháp YAML: {problem_vi}.",
        "{hint_vi}",
    ),
    "yaml-multi-document": Message(
        "Tệp chứa nhiều hơn một tài liệu YAML (có dòng '---' ở giữa tệp).",
        "Mỗi tệp chỉ chứa một bản kiểm điểm: xóa dòng '---' và phần thừa, hoặc tách thành tệp riêng.",
    ),
    "yaml-alias": Message(
        "Tệp dùng neo/bí danh YAML (& và *), điều không được phép trong hồ sơ.",
        "Viết đầy đủ giá trị ở từng chỗ thay vì dùng & và *.",
    ),
    "yaml-too-deep": Message(
        "Cấu trúc lồng nhau quá sâu (quá {limit} cấp).",
        "Kiểm tra lại thụt lề: có thể nhiều dòng bị thụt vào quá mức.",
    ),
    "yaml-too-many-nodes": Message(
        "Tệp có quá nhiều phần tử (hơn {limit}).",
        "Một bản kiểm điểm không cần nhiều như vậy; kiểm tra xem có dán nhầm dữ liệu không.",
    ),
    "yaml-tag": Message(
        "Không dùng thẻ kiểu YAML (dạng !!...) trong hồ sơ.",
        "Xóa phần '!!...' và viết giá trị bình thường; nếu là văn bản, đặt trong dấu ngoặc kép.",
    ),
    "yaml-key-not-text": Message(
        "Tên mục phải là chữ (ví dụ `ho_ten`), không phải số hay danh sách.",
        "Sửa tên mục theo mẫu; xem lại bản mẫu bằng `kiemdiem new`.",
    ),
    "yaml-merge-key": Message(
        "Không dùng khóa gộp '<<' trong hồ sơ.",
        "Viết đầy đủ các mục thay vì gộp.",
    ),
    "yaml-duplicate-key": Message(
        "Mục `{key}` bị khai báo hai lần (lần đầu ở dòng {first_line}).",
        "Giữ một lần khai báo và xóa lần còn lại; nếu cả hai đều có nội dung, gộp vào một.",
    ),
    "yaml-not-mapping": Message(
        "Nội dung tệp phải là các mục dạng `ten_muc: giá trị`, không phải một danh sách hay một dòng chữ.",
        "Bắt đầu từ bản mẫu (`kiemdiem new`) và điền vào các mục.",
    ),
    # ---- layout (generator/submissions/layout.py)
    "file-unexpected": Message(
        "Tệp `{name}` không thuộc cấu trúc hồ sơ: {why}",
        "{hint_vi}",
    ),
    "file-symlink": Message(
        "Liên kết tượng trưng (symlink) không được chấp nhận trong hồ sơ.",
        "Thay liên kết bằng tệp thật, hoặc xóa nó.",
    ),
    "path-outside-repo": Message(
        "Đường dẫn `{arg}` nằm ngoài kho hồ sơ.",
        "Chỉ kiểm tra các tệp trong thư mục submissions/ của kho.",
    ),
    "path-not-found": Message(
        "Không tìm thấy `{arg}`.",
        "Kiểm tra lại tên tệp hoặc thư mục.",
    ),
    # ---- cross-file checks (generator/check/crossfile.py)
    "year-missing-file": Message(
        "Năm {year} thiếu tệp `nam-danh-gia.yaml`.",
        "Ban Tổ chức tạo tệp này bằng `kiemdiem new year {year}`.",
    ),
    "year-mismatch": Message(
        "Mục `nam` ghi {found}, nhưng tệp nằm trong thư mục năm {expected}.",
        "Sửa thành `nam: {expected}`, hoặc chuyển tệp sang thư mục năm {found}.",
    ),
    "root-mismatch": Message(
        "Tổ chức gốc `{root}` khai báo trong `to_chuc_goc` không có thư mục `{root}/` trong năm {year}.",
        "Sửa `to_chuc_goc` cho đúng tên thư mục của đảng bộ cấp trên cùng, hoặc tạo thư mục đó.",
    ),
    "org-missing-file": Message(
        "Thư mục `{folder}` chưa có tệp `to-chuc.yaml` nên chưa được coi là một tổ chức.",
        "Tạo tệp bằng `kiemdiem new org` trong thư mục này.",
    ),
    "org-folder-mismatch": Message(
        "Mã tổ chức `{found}` không trùng tên thư mục `{expected}`.",
        "Sửa thành `ma_to_chuc: {expected}` (mã tổ chức luôn là tên thư mục của nó).",
    ),
    "org-type-misplaced": Message(
        "{child_label} `{child}` không thể nằm trực tiếp dưới {parent_label} `{parent}`.",
        "{hint_vi}",
    ),
    "org-type-period": Message(
        "{label} (`loai: {type_code}`) chỉ có {period}, không có trong năm {year} "
        "(RULES.md §7: cây tổ chức theo từng thời kỳ).",
        "Kiểm tra mục `loai`: từ năm 2025 không còn cấp huyện; cấp trên trực tiếp của tổ chức "
        "cơ sở đảng là đảng bộ xã, phường, đặc khu (`dang_bo_xa`), đảng bộ khối (`dang_bo_khoi`) "
        "hoặc đảng bộ tỉnh.",
        "warning",
    ),
    "org-cannot-hold-members": Message(
        "{label} `{org}` không sinh hoạt đảng viên trực tiếp, nên không có thư mục `dang-vien/`.",
        "Chuyển bản kiểm điểm vào thư mục `dang-vien/` của chi bộ nơi đảng viên sinh hoạt.",
    ),
    "id-mismatch-file": Message(
        "Mã đảng viên `{found}` không trùng tên tệp `{expected}.yaml`.",
        "Sửa thành `ma_dang_vien: {expected}`, hoặc đổi tên tệp thành `{found}.yaml`.",
    ),
    "member-duplicate": Message(
        "Mã đảng viên `{member}` đã có bản kiểm điểm khác trong năm: `{other}`.",
        "Mỗi đảng viên chỉ có một bản kiểm điểm mỗi năm, ở chi bộ sinh hoạt chính thức; xóa bản thừa.",
    ),
    "ref-unknown-member": Message(
        "Không có đảng viên mã `{member}` trong {scope}.",
        "Kiểm tra lại mã (xem tên tệp trong thư mục `dang-vien/`).{suggest}",
    ),
    "ref-unknown-org": Message(
        "Không có tổ chức mã `{org}` trong năm {year}.",
        "Kiểm tra lại mã (là tên thư mục của tổ chức).{suggest}",
    ),
    "proposal-missing-member": Message(
        "Đề xuất của chi bộ chưa có đảng viên `{member}` ({name}).",
        "Thêm một dòng cho đảng viên này vào danh sách `de_xuat`.",
    ),
    "proposal-unknown-member": Message(
        "Đảng viên `{member}` không sinh hoạt ở chi bộ `{org}`, nên chi bộ không đề xuất mức xếp loại cho người này.",
        "Xóa dòng này, hoặc kiểm tra lại mã đảng viên.{suggest}",
    ),
    "proposal-duplicate": Message(
        "Đảng viên `{member}` được đề xuất hai lần (lần đầu ở dòng {first_line}).",
        "Giữ một dòng đề xuất cho mỗi đảng viên.",
    ),
    "proposal-misplaced": Message(
        "Tệp đề xuất chỉ đặt trong thư mục của một chi bộ; `{org}` là {label}.",
        "Chuyển tệp vào thư mục chi bộ tương ứng.",
    ),
    "decision-no-authority": Message(
        "{body} `{org}` không có thẩm quyền quyết định xếp loại {subject} `{target}`; "
        "thẩm quyền thuộc {authority}. Quyết định này không được áp dụng: mức xếp loại vẫn là "
        "dự kiến.",
        "Chuyển dòng này sang tệp `quyet-dinh.yaml` của cấp có thẩm quyền (cấp đó ghi số và ngày "
        "quyết định của mình).",
    ),
    "decision-duplicate": Message(
        "`{target}` được quyết định hai lần trong cùng tệp (lần đầu ở dòng {first_line}).",
        "Giữ một dòng cho mỗi đối tượng.",
    ),
    "re-rating-not-earlier": Message(
        "Xếp loại lại chỉ áp dụng cho năm trước năm {year}, không phải năm {target_year}.",
        "Sửa mục `nam` của dòng xếp loại lại thành năm có vi phạm (Quy định 124-QĐ/TW; RULES.md 124-M7).",
    ),
}


class _Default(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(code: str, **detail: Any) -> tuple[str, str, str]:
    """(message, hint, severity) for `code`, filled with `detail`."""
    entry = CATALOG.get(code)
    if entry is None:
        return (detail.get("message", code), detail.get("hint", ""), "error")
    values = _Default(detail)
    fmt = Formatter()
    return (
        fmt.vformat(entry.text, (), values),
        fmt.vformat(entry.hint, (), values),
        entry.severity,
    )
