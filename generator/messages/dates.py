"""Catalog: the dates of a member's file checked against each other and against the year's
evaluation date (generator/check/memberdates.py).

| code | severity | meaning |
|---|---|---|
| date-admitted-after-evaluation | error | `ngay_vao_dang` later than the year's `ngay_danh_gia` |
| date-born-after-evaluation | error | `ngay_sinh` later than the year's `ngay_danh_gia` |
| date-admitted-before-birth | error | `ngay_vao_dang` on or before `ngay_sinh` |

A file with one of these is not rated (like a file with a schema error): its line on a
decision is not applied, so the decision is kept as written and needs no change.
The date of birth is never published (x-pham-vi: khong-cong-bo): no message shows it.
"""

from __future__ import annotations

from generator.messages.base import Message

# what every hint ends with: the fix is the date, nothing else in any file
_KEEP = (
    "Giữ nguyên các mục khác của bản kiểm điểm và quyết định xếp loại của cấp ủy (nếu đã "
    "có): sau khi sửa ngày, bản kiểm điểm và quyết định lại được kiểm tra và tính vào kết quả."
)

CATALOG: dict[str, Message] = {
    "date-admitted-after-evaluation": Message(
        "Ngày vào Đảng {admitted} muộn hơn ngày đánh giá của năm {year} ({evaluation}, mục "
        "`ngay_danh_gia` trong `nam-danh-gia.yaml`): đảng viên của năm {year} không thể được "
        "kết nạp sau ngày đánh giá, nên ngày này có lẽ bị gõ nhầm (thường là nhầm năm). Bản "
        "kiểm điểm chưa được xếp loại cho đến khi ngày được sửa.",
        "Đối chiếu ngày vào Đảng với hồ sơ đảng viên (quyết định kết nạp, thẻ đảng viên) rồi "
        "sửa dòng {line} cho đúng ngày ghi trong hồ sơ, dạng năm-tháng-ngày trong ngoặc kép. "
        + _KEEP,
        actor="member",
    ),
    "date-born-after-evaluation": Message(
        "Ngày sinh (mục `ngay_sinh`, dòng {line}) muộn hơn ngày đánh giá của năm {year} "
        "({evaluation}, mục `ngay_danh_gia` trong `nam-danh-gia.yaml`), nên ngày này có lẽ bị "
        "gõ nhầm (thường là nhầm năm). Bản kiểm điểm chưa được xếp loại cho đến khi ngày được "
        "sửa.",
        "Đối chiếu ngày sinh với hồ sơ đảng viên (lý lịch, thẻ đảng viên) rồi sửa dòng {line} "
        "cho đúng ngày ghi trong hồ sơ, dạng năm-tháng-ngày trong ngoặc kép. " + _KEEP,
        actor="member",
    ),
    "date-admitted-before-birth": Message(
        "Ngày vào Đảng {admitted} không muộn hơn ngày sinh ghi ở dòng {birth_line} (mục "
        "`ngay_sinh`): một trong hai ngày bị gõ nhầm. Bản kiểm điểm chưa được xếp loại cho "
        "đến khi ngày được sửa.",
        "Đối chiếu cả ngày sinh (dòng {birth_line}) và ngày vào Đảng (dòng {line}) với hồ sơ "
        "đảng viên (lý lịch, quyết định kết nạp, thẻ đảng viên) rồi sửa ngày bị gõ nhầm cho "
        "đúng ngày ghi trong hồ sơ, dạng năm-tháng-ngày trong ngoặc kép. " + _KEEP,
        actor="member",
    ),
}
