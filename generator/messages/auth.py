"""Catalog: `check --author` (generator/forge/authorize.py)."""

from __future__ import annotations

from generator.messages.base import Message

CATALOG: dict[str, Message] = {
    "auth-not-allowed": Message(
        "Tài khoản `{login}` không được {verb} tệp này: tệp do {who} thay đổi.",
        "Bỏ thay đổi ở tệp này khỏi yêu cầu hợp nhất (pull request) và nhờ người có quyền "
        "thực hiện; nếu danh sách tài khoản chưa đúng, đề nghị Ban Tổ chức sửa `{roster}`.",
    ),
    # the account is not in the roster at all
    "auth-not-allowed/not-in-roster": Message(
        "Tài khoản `{login}` chưa có trong danh sách tài khoản (`{roster}`), nên chưa được "
        "{verb} hồ sơ nào. Tệp này do {who} thay đổi.",
        "Đề nghị Ban Tổ chức thêm tài khoản `{login}` vào `{roster}` (các mục `tai_khoan`, "
        "`ma_dang_vien`, `ho_ten`), rồi chạy lại kiểm tra.",
    ),
    "auth-own-rating": Message(
        "Đảng viên không tự ghi hay sửa mức xếp loại của chính mình: dòng của `{member}` "
        "trong {file_label} đã bị tài khoản `{login}` thay đổi.",
        "Bỏ thay đổi ở dòng này (trả về như trước); một đồng chí khác trong cấp ủy ghi dòng "
        "của bạn theo kết quả biểu quyết.",
    ),
}
