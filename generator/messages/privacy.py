"""Catalog: what a site shows in place of findings its reader may not read
(generator/privacy/findings.py).

| code | severity | meaning |
|---|---|---|
| privacy-withheld | (the worst of those it stands for) | a member's file (or a file) has findings about facts this site's readers may not read |

The line names neither the rule, nor the property, nor a level, nor a line: the same words
whatever it stands for.
"""

from __future__ import annotations

from generator.messages.base import Message

_HINT = (
    "Người phải xử lý xem nội dung trên trang của chi bộ hoặc của cấp ủy có thẩm quyền "
    "quyết định, hoặc trong kết quả kiểm tra hồ sơ (`kiemdiem check`, nhận xét trên yêu cầu "
    "hợp nhất), rồi sửa tệp theo hướng dẫn ở đó."
)

CATALOG: dict[str, Message] = {
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
