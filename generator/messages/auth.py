"""Catalog: `check --changed-since/--author/--actor`: a pull request judged from its base
(generator/forge/authorize.py, generator/forge/judge.py)."""

from __future__ import annotations

from generator.messages.base import Message

CATALOG: dict[str, Message] = {
    "auth-not-allowed": Message(
        "Tài khoản `{login}` không được {verb} tệp này: tệp do {who} thay đổi.",
        "Trả tệp này về như nhánh gốc trong yêu cầu hợp nhất (pull request), sau khi chép "
        "nội dung đã sửa ra một nơi riêng để gửi người có quyền thực hiện; nếu danh sách tài khoản chưa đúng, đề nghị Ban Tổ chức sửa `{roster}`.",
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
        "Trả dòng này về như trước; một đồng chí khác trong cấp ủy ghi dòng của bạn theo kết "
        "quả biểu quyết.",
    ),
    # a committee's fact in a member's review (x-pham-vi: cap-uy), generator/forge/committee.py
    "auth-committee-field": Message(
        "Mục `{field}` trong bản kiểm điểm của `{member}` do cấp ủy ghi (kỷ luật, kết luận "
        "suy thoái, nghỉ ốm, thai sản…): tài khoản `{login}` không được {verb} mục này.",
        "Trả mục `{field}` về như ở nhánh gốc trong yêu cầu hợp nhất này (các phần khác giữ "
        "nguyên); nếu thông tin cần cập nhật, báo bí thư hoặc cấp ủy chi bộ `{org}` để các "
        "đồng chí ghi.",
    ),
    # the member changed a committee's fact in their own review
    "auth-committee-field/own": Message(
        "Mục `{field}` do cấp ủy ghi (kỷ luật, kết luận suy thoái, nghỉ ốm, thai sản…): đảng "
        "viên không tự {verb} mục này trong bản kiểm điểm của mình (`{member}`, tài khoản "
        "`{login}`).",
        "Trả mục `{field}` về như ở nhánh gốc trong yêu cầu hợp nhất này (các phần khác giữ "
        "nguyên); nếu thông tin cần cập nhật, báo bí thư hoặc cấp ủy chi bộ `{org}` để một "
        "đồng chí khác trong cấp ủy ghi.",
    ),
    # the review of a chi bộ's own secretary changed (generator/forge/selfreview.py)
    "auth-own-review": Message(
        "Đây là bản kiểm điểm của chính bí thư chi bộ `{org}` (`{member}`, tài khoản "
        "{secretary}): bí thư không tự duyệt bản của mình, nên yêu cầu hợp nhất này cần {who} "
        "({reviewers}) duyệt.",
        "Nhờ {reviewers} xem và bấm duyệt (Approve) yêu cầu hợp nhất này; lượt duyệt của "
        "{secretary} không được tính là duyệt bản kiểm điểm của chính mình.",
        "warning",
        actor="committee",
    ),
    # ---- a pull request judged from the base branch (generator/forge/judge.py)
    "path-name": Message(
        "Tên `{name}` trong đường dẫn không hợp lệ: chỉ được dùng chữ thường không dấu a–z, "
        "chữ số 0–9 và dấu '-' giữa các chữ.",
        "Đặt lại tên chỉ gồm chữ thường không dấu, chữ số và dấu '-' (ví dụ `chi-bo-ap-1`, "
        "`dv-104233.yaml`); nội dung tệp giữ nguyên.",
    ),
    "path-name/hidden": Message(
        "Tên `{name}` trong đường dẫn không hợp lệ: tên bắt đầu bằng dấu chấm (thư mục, tệp "
        "ẩn) không được đọc nên không được kiểm tra.",
        "Đặt lại tên chỉ gồm chữ thường không dấu, chữ số và dấu '-' (ví dụ `chi-bo-ap-1`, "
        "`dv-104233.yaml`); nội dung tệp giữ nguyên.",
    ),
    "auth-outside": Message(
        "Tài khoản `{login}` không được thay đổi tệp ngoài thư mục submissions/ ({what}): "
        "chương trình kiểm tra, quy tắc và cấu hình kho do Ban Tổ chức quản lý.",
        "Trả tệp này về như nhánh gốc trong yêu cầu hợp nhất, sau khi chép nội dung đã sửa ra "
        "một nơi riêng; nếu cần sửa, gửi nội dung đó và đề nghị Ban Tổ chức thực hiện.",
    ),
    "auth-transfer": Message(
        "Bản kiểm điểm của `{member}` được chuyển từ `{source}` sang `{target}`: chuyển "
        "sinh hoạt là việc của Ban Tổ chức hoặc bí thư của cả hai chi bộ, tài khoản `{login}` "
        "không được làm.",
        "Trả tệp về chỗ cũ trong yêu cầu hợp nhất này (nội dung giữ nguyên); việc chuyển "
        "sinh hoạt do Ban Tổ chức thực hiện.",
    ),
    "year-new-without-file": Message(
        "Thư mục năm {year} mới được tạo nhưng chưa có tệp `nam-danh-gia.yaml`.",
        "Chỉ Ban Tổ chức mở năm đánh giá mới, bằng `kiemdiem new year {year}`. Chép các tệp "
        "của năm {year} ra một nơi riêng ngoài kho (để nộp khi năm được mở), rồi đưa chúng ra "
        "khỏi yêu cầu hợp nhất này.",
    ),
    "change-count": Message(
        "Sau thay đổi này, {org_label} `{org}` có {after} đảng viên (trước đó: {before}); "
        "các số liệu thống kê của năm {year} thay đổi theo.",
        "Kiểm tra đây là điều mong muốn (ví dụ chuyển sinh hoạt đã có quyết định); nếu không, "
        "trả tệp về như cũ (nội dung giữ nguyên).",
        "warning",
    ),
}

# words authorize.py puts into the parameters above
FILE_LABEL_VI = {"proposals": "đề xuất của chi bộ", "decisions": "quyết định xếp loại"}
VERB_VI = {"delete": "xóa", "create": "tạo", "edit": "sửa"}
# words committee.py puts into `auth-committee-field`: what was done to the property
FIELD_VERB_VI = {"delete": "xóa", "create": "ghi thêm", "edit": "sửa"}
