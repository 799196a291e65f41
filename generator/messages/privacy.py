"""Catalog: what a site shows in place of findings its reader may not read
(generator/privacy/findings.py), and an organization's public text that states what only
the committees may read (generator/check/committeefacts.py).

| code | severity | meaning |
|---|---|---|
| privacy-withheld | (the worst of those it stands for) | a member's file (or a file) has findings about facts this site's readers may not read |
| org-text-committee-fact | warning | a sentence of an organization's `kiem_diem` or target name names a person's discipline (`/suc_khoe`: sick or maternity leave) |

The `privacy-withheld` line names neither the rule, nor the property, nor a level, nor a
line: the same words whatever it stands for. `org-text-committee-fact` quotes the sentence:
it is in a text the whole organization reads already.
"""

from __future__ import annotations

from generator.messages.base import Message

_HINT = (
    "Người phải xử lý xem nội dung trên trang của chi bộ hoặc của cấp ủy có thẩm quyền "
    "quyết định, hoặc trong kết quả kiểm tra hồ sơ (`kiemdiem check`, nhận xét trên yêu cầu "
    "hợp nhất), rồi sửa tệp theo hướng dẫn ở đó."
)

# what the organization-text warning says after naming the kind of fact ({what}, {field_of})
_ORG_TEXT = (
    'Câu "{sentence}" ở mục `{field}` nói đến {what} của một người ("{phrase}"). Phần '
    "này của `to-chuc.yaml` được công bố nguyên văn cho toàn đảng bộ, còn {what} của đảng "
    "viên chỉ cấp ủy có thẩm quyền được xem (mục {field_of} trong hồ sơ đảng viên); trong một "
    "tổ chức ít đảng viên, câu như vậy có thể cho biết đó là ai."
)
_ORG_TEXT_HINT = (
    'Viết lại câu ở dòng này về công việc của tổ chức (ví dụ: "công tác quản lý, giáo dục '
    'đảng viên có lúc chưa chặt chẽ"), không nêu {what} của ai; việc ấy ghi ở mục '
    "{field_of} trong hồ sơ của đảng viên, do cấp ủy ghi. Nếu câu chỉ nói chung, không chỉ "
    "ai, có thể giữ như đang viết. Các mục khác của tệp giữ nguyên."
)

CATALOG: dict[str, Message] = {
    "org-text-committee-fact": Message(
        _ORG_TEXT.replace("{what}", "việc kỷ luật").replace("{field_of}", "`ky_luat`"),
        _ORG_TEXT_HINT.replace("{what}", "việc kỷ luật").replace("{field_of}", "`ky_luat`"),
        severity="warning",
    ),
    "org-text-committee-fact/suc_khoe": Message(
        _ORG_TEXT.replace("{what}", "việc nghỉ ốm, thai sản").replace(
            "{field_of}", "`nghi_om_thang`, `nghi_thai_san_thang`"
        ),
        _ORG_TEXT_HINT.replace("{what}", "việc nghỉ ốm, thai sản").replace(
            "{field_of}", "`nghi_om_thang`, `nghi_thai_san_thang`"
        ),
        severity="warning",
    ),
    "privacy-withheld": Message(
        "Có vấn đề cần xử lý trong hồ sơ của đảng viên `{member}`; nội dung là thông tin "
        "không công bố trên trang này.",
        _HINT,
    ),
    "privacy-withheld/file": Message(
        "Có vấn đề cần xử lý trong tệp này; nội dung là thông tin không công bố trên trang này.",
        _HINT,
    ),
}
