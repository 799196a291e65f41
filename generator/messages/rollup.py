"""Catalog: the sources of `kiemdiem rollup` (generator/statistics/exchange.py): a statistics
file that cannot be read, is not strict JSON, breaks schema/thong-ke.schema.json or does
not add up. Schema errors keep their `schema-*` message and get `EXPORT_HINT`.

`{label}` is the place in the file, e.g. "`to_chuc[3].dang_vien`" (1-based, as findings
show paths). Hints never ask anyone to edit the numbers: a statistics file is written by a
command, and a new one is asked for.
"""

from __future__ import annotations

from generator.messages.base import Message

EXPORT_HINT = (
    "Tệp thống kê do lệnh `kiemdiem rollup --export` ghi ra và không sửa bằng tay. Giữ tệp "
    "này để đối chiếu, và đề nghị nơi gửi chạy lại lệnh đó trong kho hồ sơ của họ rồi gửi "
    "tệp mới."
)

# json.JSONDecodeError's messages (Python 3.11 to 3.13), in Vietnamese
JSON_SYNTAX_VI = {
    "Expecting value": "thiếu giá trị, hoặc giá trị viết sai",
    "Expecting ',' delimiter": "thiếu dấu phẩy giữa hai mục",
    "Expecting ':' delimiter": "thiếu dấu hai chấm sau tên mục",
    "Expecting property name enclosed in double quotes": (
        "tên mục phải đặt trong ngoặc kép (hoặc có dấu phẩy thừa)"
    ),
    "Unterminated string starting at": "chuỗi chưa có ngoặc kép đóng",
    "Invalid control character at": "ký tự điều khiển trong chuỗi",
    "Invalid \\escape": "dấu \\ viết sai trong chuỗi",
    "Invalid \\uXXXX escape": "mã \\uXXXX viết sai trong chuỗi",
    "Extra data": "có nội dung thừa sau phần kết thúc",
    "Illegal trailing comma before end of object": "dấu phẩy thừa trước dấu }",
    "Illegal trailing comma before end of array": "dấu phẩy thừa trước dấu ]",
    "too deep": "các mục lồng nhau quá sâu",
    "": "không đúng cú pháp",
}

_NOT_FOUND_HINT = (
    "Kiểm tra lại tên trong lệnh: mỗi NGUỒN là một tệp thống kê .json (tạo bằng "
    "`kiemdiem rollup --export`) hoặc thư mục gốc của một kho hồ sơ."
)

CATALOG: dict[str, Message] = {
    "rollup-not-found": Message("Không tìm thấy tệp hay thư mục `{source}`.", _NOT_FOUND_HINT),
    "rollup-unreadable": Message(
        "Không đọc được `{source}` ({reason}).",
        "Kiểm tra quyền đọc của tệp, hoặc chép tệp vào thư mục của bạn rồi chạy lại lệnh.",
    ),
    "rollup-not-a-repo": Message(
        "Thư mục `{source}` không phải kho hồ sơ: không có thư mục `submissions/`.",
        _NOT_FOUND_HINT,
    ),
    "rollup-too-big": Message(
        "Tệp nặng {size} MB, quá giới hạn {limit} MB của một tệp thống kê.", EXPORT_HINT
    ),
    "rollup-not-utf8": Message(
        "Tệp không phải văn bản UTF-8, nên không phải tệp thống kê do kiemdiem ghi ra.",
        EXPORT_HINT,
    ),
    "rollup-not-utf8/half": Message(
        "Tệp có mã `\\u` của nửa cặp ký tự (từ D800 đến DFFF) không ghép thành ký tự nào, "
        "nên không phải tệp thống kê do kiemdiem ghi ra.",
        EXPORT_HINT,
    ),
    "rollup-json": Message("Tệp không đúng cú pháp JSON: {detail}.", EXPORT_HINT),
    "rollup-duplicate-key": Message(
        "Mục `{key}` được viết hai lần{where}: không biết số nào là đúng.", EXPORT_HINT
    ),
    # the numbers of one row do not add up (generator/statistics/consistency.py)
    "rollup-rated-sum": Message(
        "{label}: `duoc_xep_loai` là {rated}, nhưng các mức (`muc`) cộng `can_quyet_dinh` "
        "là {parts}.",
        EXPORT_HINT,
    ),
    "rollup-total-sum": Message(
        "{label}: `tong` là {total}, nhưng `duoc_xep_loai` cộng các lý do không xếp loại "
        "(`khong_xep_loai`) là {parts}.",
        EXPORT_HINT,
    ),
    "rollup-undecided": Message(
        "{label}: `chua_quyet_dinh` là {undecided}, nhiều hơn số có mức (`muc`: {levels}).",
        EXPORT_HINT,
    ),
    "rollup-to-decide": Message(
        "{label}: `trong_do_can_quyet_dinh` là {to_decide}, nhiều hơn số chưa có quyết định "
        "(`chua_quyet_dinh` cộng `can_quyet_dinh`: {open}).",
        EXPORT_HINT,
    ),
    # the rows do not add up to each other
    "rollup-children": Message(
        "{label} ({name}): `{field}` là {value}, ít hơn tổng của các tổ chức trực thuộc "
        "({children}).",
        EXPORT_HINT,
    ),
    "rollup-roots": Message(
        "{label}: `{field}` là {value}, ít hơn tổng của các tổ chức cấp cao nhất trong "
        "`to_chuc` ({children}).",
        EXPORT_HINT,
    ),
    "rollup-categories": Message(
        "{label}: `{field}` là {value}, ít hơn tổng theo loại hình (`phan_loai`: {parts}).",
        EXPORT_HINT,
    ),
    "rollup-org-levels": Message(
        "{label}: `tong` là {value}, nhiều hơn số tổ chức trong `to_chuc` ({orgs}).",
        EXPORT_HINT,
    ),
    "rollup-depth": Message(
        "{label} ({name}): `cap` là {depth}, nhưng tổ chức đứng trước ở cấp {before}: một "
        "tổ chức chỉ có thể ở dưới tổ chức đứng trước nó một cấp.",
        EXPORT_HINT,
    ),
    "rollup-depth/first": Message(
        "{label} ({name}) là tổ chức đầu tiên nhưng `cap` là {depth}, không phải 0.",
        EXPORT_HINT,
    ),
    "rollup-duplicate-org": Message(
        "{label}: mã tổ chức `{org_id}` đã có ở `{other}`, nên đảng viên sẽ bị đếm hai lần.",
        EXPORT_HINT,
    ),
    # an organization's own verdict (`danh_gia`, format 2; generator/statistics/rollup.py)
    "rollup-own-missing": Message(
        "{label} ({name}): thiếu `danh_gia` (đánh giá của chính tổ chức), mục bắt buộc của "
        "định dạng kiemdiem-thong-ke/2.",
        EXPORT_HINT,
    ),
    "rollup-own-v1": Message(
        "{label} ({name}): có `danh_gia`, nhưng tệp ghi định dạng kiemdiem-thong-ke/1, "
        "định dạng không có mục này.",
        EXPORT_HINT,
    ),
    "rollup-own-level": Message(
        "{label} ({name}): `danh_gia` là {own}, nhưng `xep_loai` là {level} và `tam_tinh` là "
        "{provisional}: tổ chức được xếp loại (xep_loai) thì có mức hoặc còn chờ quyết định, "
        "tổ chức không được xếp loại thì không có mức.",
        EXPORT_HINT,
    ),
    "rollup-own-count": Message(
        "{label}: `{field}` là {value}, ít hơn số tổ chức trong `to_chuc` có đánh giá đó ({orgs}).",
        EXPORT_HINT,
    ),
    # two sources of one rollup (generator/statistics/rollup.py, merge)
    "rollup-disagree": Message(
        "Các nguồn ghi khác nhau về đánh giá của chính {name} ({org_id}) năm {year}: "
        "{first} ghi {first_value}, còn {second} ghi {second_value}. Không biết kết quả nào "
        "đúng, nên chưa tổng hợp.",
        "Một tổ chức có trong nhiều nguồn phải có cùng một kết quả ở mọi nguồn. Giữ cả hai "
        "tệp để đối chiếu; xem bản kiểm điểm và quyết định xếp loại của tổ chức này trong "
        "hai kho hồ sơ, cập nhật kho chưa đúng, rồi chạy lại `kiemdiem rollup --export` ở "
        "kho đó và tổng hợp lại với tệp mới.",
    ),
    "rollup-ruleset-mismatch": Message(
        "Nguồn này xếp loại năm {year} theo bộ quy tắc `{ruleset}`, còn nguồn đầu tiên "
        "({first}) theo `{first_ruleset}`: các mức xếp loại theo hai bộ quy tắc khác nhau "
        "không cộng được với nhau, nên chưa tổng hợp.",
        "Mọi kho của cùng một năm phải dùng một bộ quy tắc (mục `bo_quy_tac` trong tệp năm "
        "`submissions/{year}/nam-danh-gia.yaml` của mỗi kho). Giữ cả hai tệp để đối chiếu; "
        "hỏi Ban Tổ chức bộ quy tắc đúng của năm {year}, sửa mục `bo_quy_tac` trong tệp năm "
        "của kho chưa đúng, rồi chạy lại `kiemdiem rollup --export` ở kho đó và tổng hợp "
        "lại với tệp mới.",
    ),
    "rollup-quota-decided": Message(
        "{label}: `htxsnv_da_quyet_dinh` là {decided}, nhiều hơn `htxsnv` ({final}): số tổ "
        "chức HTXSNV đã quyết định nằm trong số tổ chức HTXSNV.",
        EXPORT_HINT,
    ),
    "rollup-quota-twice": Message(
        "{label}: nhóm tính tỷ lệ {rule} của `{org_id}` đã có ở {other}, nên số của nhóm sẽ "
        "bị cộng hai lần.",
        EXPORT_HINT,
    ),
    # a split province's pool judged over its parts (366-M6; generator/statistics/rollupquota.py)
    "rollup-quota-exceeded": Message(
        "Năm {year}, gộp {sources}: vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ trong các tổ "
        "chức do {name} xếp loại ({rule}): {decided} tổ chức được quyết định HTXSNV, tối đa "
        "{limit} ({basis}; {httnv} tổ chức HTTNV).",
        "Cấp ủy {name} xem lại quyết định xếp loại các tổ chức: tối đa {limit} tổ chức "
        "HTXSNV ({rule}). Sửa quyết định trong tệp `quyet-dinh.yaml` của {name} ở kho có tổ "
        "chức cần sửa, chạy lại `kiemdiem rollup --export` ở kho đó và tổng hợp lại với tệp "
        "mới; giữ tệp cũ để đối chiếu.",
        actor="committee",
    ),
    "rollup-quota-provisional": Message(
        "Năm {year}, gộp {sources}: theo mức dự kiến, các tổ chức do {name} xếp loại có "
        "{final} tổ chức đủ điều kiện HTXSNV ({decided} đã quyết định), nhưng tỷ lệ chỉ cho "
        "phép tối đa {limit} ({basis}; {httnv} tổ chức HTTNV) ({rule}).",
        "Khi quyết định, cấp ủy {name} chỉ xếp tối đa {limit} tổ chức HTXSNV ({rule}).",
        severity="warning",
        actor="committee",
    ),
    "rollup-quota-within": Message(
        "Năm {year}, gộp {sources}: các tổ chức do {name} xếp loại có {final} tổ chức "
        "HTXSNV ({decided} đã quyết định), tối đa {limit} ({basis}; {httnv} tổ chức HTTNV): "
        "trong tỷ lệ ({rule}).",
        "Không cần làm gì. Tỷ lệ chỉ tính các kho đã gộp ở đây: kho nào chưa có trong lần "
        "tổng hợp này, hoặc gửi tệp xuất bằng phiên bản kiemdiem cũ (không có mục "
        "`ty_le_cho_tong_hop`), thì chưa được tính.",
        severity="notice",
    ),
    # `rollup --export` of a repository whose statistics file the province would refuse
    # (generator/statistics/exportcheck.py): told at the organization file's line
    "rollup-export-refused": Message(
        "Tệp thống kê năm {year} sẽ bị cấp trên từ chối vì {field} của tổ chức `{org_id}` ở "
        "dòng này: {detail}",
        "Sửa {field} trong tệp này ({allowed}), rồi chạy lại lệnh; chưa ghi tệp thống kê nào, "
        "hồ sơ giữ nguyên.",
    ),
    "rollup-export-refused/other": Message(
        "Tệp thống kê năm {year} sẽ bị cấp trên từ chối: {detail}",
        "Chạy `kiemdiem check` và sửa các lỗi của năm {year}, rồi chạy lại lệnh; chưa ghi tệp "
        "thống kê nào, hồ sơ giữ nguyên.",
    ),
    "rollup-previous-year": Message(
        "`nam_truoc.nam` là {previous}: năm trước phải trước năm {year} của tệp.",
        EXPORT_HINT,
    ),
}
