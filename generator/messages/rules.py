"""Catalog: the rating engine's findings for deciding bodies (generator/rules/problems.py).

| code | severity | meaning |
|---|---|---|
| rule-decision-above-ceiling | error | a decided level above what the rules allow (X2) |
| rule-decision-above-criteria | warning | under 366, a decided level (within the ceiling) above what the file's own score and task figures support (366-M1..M5, 366-O1..O4); a notice when the decision's line has a `ghi_chu` |
| rule-agency-rating-below | warning | under 366 (`civil_servant_basis: flag`), a civil servant's party level (decided or provisional) above the agency's rating, at the member file's `can_bo_cong_chuc.xep_loai` (366-M10); a notice once the decision's line has a `ghi_chu` |
| rule-agency-rating-dropped | warning | under 366, a rated member's file of the year before had `can_bo_cong_chuc` and this year's has none: 366-M10's basis (the agency's rating) went unstated (level kept) |
| rule-head-above-unit | error | a head decided above the organization they head (132-L1, 124-L1; X2 under 366) |
| rule-re-rating-above-ceiling | error | a re-rating (124-M7) above the ceiling of the year it re-rates (X2); not applied |
| rule-quota-exceeded | error | decided HTXSNV in a quota pool over its limit (132-M5, 132-O6, 124-M5, 366-M6) |
| rule-quota-provisional | warning | the pool would exceed its limit if the provisional levels were decided |
| rule-quota-deferred | notice | a part of a split province (`kho_mot_phan`): a pool spanning the parts is judged by `kiemdiem rollup` (366-M6) |
| rule-decision-without-review | error | a level decided for a member whose review is missing, a draft or broken (132-M9, X1) |
| rule-decision-not-rated | error | a level decided for someone the rules do not rate (132-M7, 124-M6) |
| rule-needs-decision | warning | the rules do not settle the level; the competent body must decide (124-O5, 366-M4, 366-M5) |
| rule-two-years-khtnv | warning | KHTNV two years running (X3) |
| rule-setting-invalid | error | a `cai_dat:` value the ruleset does not accept |
| rule-setting-unknown | warning | a `cai_dat:` name the year's ruleset does not use |
| rule-earlier-shortcomings-unstated | warning | under 366, score and tasks reach HTXSNV but the review does not state `han_che_truoc`: 366-M1's "100% of earlier shortcomings remedied" is unchecked (level kept) |
| rule-discipline-not-moved | warning | a member's discipline of last year's file decided in this year is not in this year's file: counted in no year (132-M4, 124-M4, 366-M4) |
| rule-earlier-shortcomings-over | error | `han_che_truoc.so_da_khac_phuc` above `so_da_chi_ra`: more remedied than pointed out (366-M1; every ruleset) |
| rule-role-group-unknown | warning | the year lists role groups (366-M6) and a rated member names none of them |
| form-incomplete | warning | while the year is `pending`, a file marked complete lacks a section of the official form (R0, X5) |
| form-to-complete | warning | a draft, once a ruleset applies: exactly the fields it must add under it (R0) |

Parameters named `*_text` are already worded (e.g. `level_text(level)`); lists are
joined by the caller.
"""

from __future__ import annotations

from generator.messages.base import Message

CATALOG: dict[str, Message] = {
    "rule-decision-above-ceiling": Message(
        "Quyết định xếp loại {subject} mức {decided_text}, cao hơn mức tối đa quy định "
        "cho phép là {ceiling_text}: {because}.",
        "Xem lại mức xếp loại: không được cao hơn {ceiling} (quy định {rules}). Nếu hồ sơ kê "
        "khai sai, sửa hồ sơ trước.",
        actor="committee",
    ),
    "rule-decision-above-criteria": Message(
        "Quyết định xếp loại {subject} mức {decided_text}, cao hơn mức mà điểm và kết quả "
        "nhiệm vụ ghi trong hồ sơ đạt được là {supported_text}: {because}.",
        "Đối chiếu điểm và kết quả nhiệm vụ trong hồ sơ ({rules}): nếu hồ sơ ghi sai, sửa hồ "
        "sơ; nếu cấp ủy chấm điểm khác, ghi điểm và lý do của cấp ủy vào mục `ghi_chu` của "
        "dòng quyết định này. Cảnh báo này không đổi mức đã quyết định.",
        severity="warning",
        actor="committee",
    ),
    # the body wrote its reason on the decision's line, as the warning's hint asks: said,
    # not warned again (a warning that stays once its advice is followed teaches nothing)
    "rule-decision-above-criteria/noted": Message(
        "Quyết định xếp loại {subject} mức {decided_text}, cao hơn mức mà điểm và kết quả "
        "nhiệm vụ ghi trong hồ sơ đạt được là {supported_text}: {because}. Dòng quyết định có "
        "ghi chú (`ghi_chu`) nêu lý do của cấp ủy.",
        "Không cần sửa gì nếu ghi chú nêu điểm hoặc lý do của cấp ủy ({rules}); nếu hồ sơ ghi "
        "sai điểm hay kết quả nhiệm vụ, sửa hồ sơ.",
        severity="notice",
        actor="committee",
    ),
    "rule-agency-rating-below": Message(
        "Đảng viên {member} là cán bộ, công chức, viên chức: cơ quan xếp loại mức "
        "{agency_text}, thấp hơn mức xếp loại đảng viên {party_text} ({status}). Kết quả xếp "
        "loại của cơ quan là căn cứ xếp loại đảng viên ({rule}).",
        "Cấp ủy có thẩm quyền cân nhắc kết quả của cơ quan: nếu vẫn xếp loại đảng viên mức "
        "{party}, ghi lý do vào mục `ghi_chu` ở dòng của đảng viên này trong quyết định xếp "
        "loại; nếu không, quyết định mức không cao hơn {agency}. Nếu hồ sơ ghi sai mức của cơ quan, sửa "
        "hồ sơ. Cảnh báo này không đổi mức xếp loại (cài đặt `{setting}: flag`).",
        severity="warning",
        actor="committee",
    ),
    # the body wrote its reason on the decision's line, as the warning's hint asks
    "rule-agency-rating-below/noted": Message(
        "Đảng viên {member} là cán bộ, công chức, viên chức: cơ quan xếp loại mức "
        "{agency_text}, thấp hơn mức xếp loại đảng viên {party_text} ({status}). Dòng quyết "
        "định có ghi chú (`ghi_chu`) nêu lý do của cấp ủy.",
        "Không cần sửa gì nếu ghi chú nêu lý do của cấp ủy ({rule}); nếu hồ sơ ghi sai mức "
        "của cơ quan, sửa hồ sơ.",
        severity="notice",
        actor="committee",
    ),
    "rule-head-above-unit": Message(
        "Người đứng đầu {head} được xếp loại {decided_text}, cao hơn mức của {org_name} do "
        "mình đứng đầu ({org_level_text}).",
        "Người đứng đầu không được xếp loại cao hơn tổ chức mình phụ trách ({rule}): hạ xuống "
        "tối đa {org_level}, hoặc xem lại mức của {org_name}.",
        actor="committee",
    ),
    "rule-re-rating-above-ceiling": Message(
        "Xếp loại lại năm {year} của đảng viên {member} mức {level_text}, cao hơn mức tối đa "
        "quy định cho phép năm đó là {ceiling_text}: {because}. Việc xếp loại lại này không "
        "được áp dụng: kết quả năm {year} vẫn là {previous_text}.",
        "Quyết định lại mức của dòng xếp loại lại này, không cao hơn {ceiling} (quy định "
        "{rules}, X2); giữ nguyên dòng và lý do ở mục `ly_do`. Nếu hồ sơ năm {year} của đảng "
        "viên kê khai sai, sửa hồ sơ năm đó trước.",
        actor="committee",
    ),
    "rule-quota-exceeded": Message(
        "Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ trong {pool}: {count} {subject} được quyết "
        "định HTXSNV, tối đa {limit} ({basis}).",
        "Giảm số {subject} HTXSNV xuống tối đa {limit} ({rule}); dòng này là một trong những "
        "trường hợp vượt tỷ lệ (xếp theo thứ tự trong tệp).",
        actor="committee",
    ),
    "rule-quota-provisional": Message(
        "Theo mức dự kiến, {pool} có {count} {subject} đủ điều kiện HTXSNV nhưng tỷ lệ chỉ "
        "cho phép tối đa {limit} ({basis}).",
        "Khi quyết định, chỉ xếp tối đa {limit} {subject} HTXSNV ({rule}).",
        severity="warning",
        actor="committee",
    ),
    "rule-quota-deferred": Message(
        "Kho này chỉ giữ một phần của đảng bộ (`kho_mot_phan: true` trong tệp năm), nên tỷ "
        "lệ Hoàn thành xuất sắc nhiệm vụ trong {pool} ({rule}) không xét ở đây: các tổ chức "
        "đó nằm ở nhiều kho. Ở kho này: {count} tổ chức HTXSNV ({decided} đã quyết định), "
        "{httnv} tổ chức HTTNV.",
        "Không cần sửa gì ở kho này vì lý do tỷ lệ. Tỷ lệ của cả đảng bộ được xét khi gộp "
        "các kho: mỗi kho chạy `kiemdiem rollup --export -o TỆP.json`, rồi nơi tổng hợp chạy "
        "`kiemdiem rollup` với tệp của mọi kho.",
        severity="notice",
        actor="committee",
    ),
    "rule-decision-without-review": Message(
        "Đã xếp loại đảng viên {member} nhưng {why}.",
        "Đảng viên phải hoàn thành bản kiểm điểm trước khi được đề xuất và quyết định xếp "
        "loại ({rule}). Đề nghị đảng viên hoàn thành bản kiểm điểm (Trạng thái hồ sơ “Đã viết "
        "xong”, `trang_thai_ho_so: hoan_thanh`); cho đến khi đó, đặt dấu `# ` ở đầu các dòng "
        "xếp loại này (chúng được giữ "
        "lại làm chú thích, không được tính).",
        actor="committee",
    ),
    "rule-decision-not-rated": Message(
        "Đã xếp loại {subject} nhưng trường hợp này không xếp loại: {why}.",
        "Trường hợp này không xếp loại ({rule}): đặt dấu `# ` ở đầu các dòng xếp loại này "
        "(chúng được giữ lại làm chú thích, không được tính).",
        hints={
            # the reason is the member's own admission date, which may be mistyped: the
            # date is checked first, the decision is the last thing to touch
            "new-member": "Lý do là ngày vào Đảng ghi trong bản kiểm điểm của đảng viên "
            "(mục `ngay_vao_dang` của `{member_file}`). Trước hết đối chiếu ngày đó với hồ sơ "
            "đảng viên (quyết định kết nạp, thẻ đảng viên): nếu ngày bị gõ nhầm, sửa ngày "
            "trong bản kiểm điểm và giữ nguyên quyết định này. Chỉ khi ngày đúng (đảng viên "
            "mới kết nạp dưới 6 tháng, {rule}) mới đặt dấu `# ` ở đầu các dòng xếp loại này "
            "(chúng được giữ lại làm chú thích, không được tính).",
        },
        actor="committee",
    ),
    "rule-needs-decision": Message(
        "Cần cấp có thẩm quyền quyết định mức xếp loại của {subject}: {why}.",
        "Quy định không tự xác định được mức trong trường hợp này ({rule}); cấp ủy có thẩm "
        "quyền xem xét và ghi mức vào quyết định.",
        severity="warning",
    ),
    "rule-two-years-khtnv": Message(
        "Đảng viên {member} Không hoàn thành nhiệm vụ 2 năm liền ({previous_year} và {year}).",
        "Chi bộ cần giúp đỡ đảng viên; việc xem xét đưa ra khỏi Đảng không tự động (X3).",
        severity="warning",
    ),
    "rule-setting-invalid": Message(
        "Giá trị `{value}` của cài đặt `{name}` không hợp lệ.",
        "Chọn một trong: {choices} ({rule}).",
        actor="board",
    ),
    "rule-setting-unknown": Message(
        "Bộ quy tắc {ruleset} không dùng cài đặt `{name}`: cài đặt này không có tác dụng.",
        "Các cài đặt của bộ quy tắc này: {known}.",
        severity="warning",
        actor="board",
    ),
    "rule-discipline-not-moved": Message(
        "Bản kiểm điểm năm {before_year} của đảng viên {member} (`{before_path}`) có mục kỷ "
        "luật thứ {items} (mục `ky_luat`) ra quyết định trong năm {year}: kỷ luật được tính vào "
        "năm ra quyết định{rule_text}, nên mục đó không được tính cho năm {before_year}; nhưng "
        "mục `ky_luat` của bản năm {year} này chưa có mục đó, nên chưa được tính cho năm nào.",
        "Chép nguyên mục đó (hình thức, ngày quyết định, ngày vi phạm, số quyết định) từ bản năm "
        "{before_year} vào mục `ky_luat` của tệp này, đúng như quyết định kỷ luật; bản năm "
        "{before_year} giữ nguyên.",
        severity="warning",
        actor="committee",
    ),
    "rule-earlier-shortcomings-unstated": Message(
        "Điểm và kết quả nhiệm vụ của đảng viên {member} đạt mức HTXSNV, nhưng bản kiểm điểm "
        "không ghi số hạn chế, khuyết điểm đã được chỉ ra và đã khắc phục (`han_che_truoc`): "
        'chưa kiểm được điều kiện "100% hạn chế, khuyết điểm đã được chỉ ra đều đã khắc phục" '
        "({rule}); mức dự kiến vẫn giữ.",
        "Ghi `han_che_truoc:` với `so_da_chi_ra` (số hạn chế, khuyết điểm đã được chỉ ra ở các "
        "kỳ kiểm điểm trước; 0 nếu không có) và `so_da_khac_phuc` (số đã khắc phục xong).",
        severity="warning",
        actor="member",
    ),
    # the member's review of the year before named shortcomings (once the level is decided)
    "rule-earlier-shortcomings-unstated/named": Message(
        "Điểm và kết quả nhiệm vụ của đảng viên {member} đạt mức HTXSNV, nhưng bản kiểm điểm "
        "không ghi số hạn chế, khuyết điểm đã được chỉ ra và đã khắc phục (`han_che_truoc`), "
        "trong khi bản kiểm điểm năm {previous_year} có nêu hạn chế, khuyết điểm: chưa kiểm "
        'được điều kiện "100% hạn chế, khuyết điểm đã được chỉ ra đều đã khắc phục" ({rule}).',
        "Ghi `han_che_truoc:` với `so_da_chi_ra` (số hạn chế, khuyết điểm đã được chỉ ra ở các "
        "kỳ kiểm điểm trước, kể cả năm {previous_year}) và `so_da_khac_phuc` (số đã khắc phục "
        "xong); cấp ủy đối chiếu với mức đã quyết định.",
        severity="warning",
        actor="member",
    ),
    # `so_da_chi_ra: 0` while the review of the year before named shortcomings (once decided)
    "rule-earlier-shortcomings-unstated/zero": Message(
        "Điểm và kết quả nhiệm vụ của đảng viên {member} đạt mức HTXSNV, bản kiểm điểm ghi 0 "
        "hạn chế, khuyết điểm đã được chỉ ra (`han_che_truoc.so_da_chi_ra`), trong khi bản "
        "kiểm điểm năm {previous_year} có nêu hạn chế, khuyết điểm: chưa kiểm được điều kiện "
        '"100% hạn chế, khuyết điểm đã được chỉ ra đều đã khắc phục" ({rule}).',
        "Ghi `so_da_chi_ra` bằng số hạn chế, khuyết điểm đã được chỉ ra ở các kỳ kiểm điểm "
        "trước, kể cả năm {previous_year}, và `so_da_khac_phuc` bằng số đã khắc phục xong; "
        "cấp ủy đối chiếu với mức đã quyết định.",
        severity="warning",
        actor="member",
    ),
    "rule-earlier-shortcomings-over": Message(
        "Bản kiểm điểm của đảng viên {member} ghi số hạn chế, khuyết điểm đã khắc phục "
        "(`so_da_khac_phuc: {remedied}`) nhiều hơn số đã được chỉ ra (`so_da_chi_ra: "
        "{pointed}`): hai số này không thể cùng đúng ({rule}).",
        "Đối chiếu với các bản kiểm điểm trước rồi sửa số cho đúng: `so_da_khac_phuc` là số "
        "đã khắc phục xong trong số `so_da_chi_ra`, nên không lớn hơn `so_da_chi_ra`.",
        actor="member",
    ),
    "rule-agency-rating-dropped": Message(
        "Bản kiểm điểm năm {previous_year} của đảng viên {member} ghi mức xếp loại cán bộ, "
        "công chức, viên chức của cơ quan (`can_bo_cong_chuc`, mức {agency}), nhưng bản năm "
        "nay không ghi: chưa đối chiếu được mức xếp loại đảng viên với kết quả của cơ quan "
        "({rule}); mức xếp loại không vì thế mà thay đổi.",
        "Nếu năm nay vẫn là cán bộ, công chức, viên chức, ghi `can_bo_cong_chuc:` với "
        "`xep_loai` (mức cơ quan xếp loại năm nay) và `co_quan`; nếu không còn là cán bộ, "
        "công chức, viên chức thì không cần sửa tệp: cấp ủy đối chiếu khi quyết định.",
        severity="warning",
        actor="member",
    ),
    "rule-role-group-unknown": Message(
        "Năm {year} tính tỷ lệ HTXSNV theo nhóm vai trò, nhưng bản kiểm điểm ghi nhóm `{group}` "
        'không thuộc nhóm nào năm đã liệt kê; đảng viên được tính riêng trong nhóm "{group}".',
        "Ghi `nhom_vai_tro:` bằng một trong các mã: {codes} ({rule}).",
        severity="warning",
        actor="member",
    ),
    # the review names no role group at all
    "rule-role-group-unknown/none": Message(
        "Năm {year} tính tỷ lệ HTXSNV theo nhóm vai trò, nhưng bản kiểm điểm chưa ghi "
        '`nhom_vai_tro`; đảng viên được tính riêng trong nhóm "chưa ghi nhóm vai trò".',
        "Ghi `nhom_vai_tro:` bằng một trong các mã: {codes} ({rule}).",
        severity="warning",
        actor="member",
    ),
    # ---- the form of a review under the year's ruleset (generator/rules/form.py)
    "form-incomplete": Message(
        "Tệp ghi đã hoàn thành nhưng {what} còn thiếu {count} phần bắt buộc của mẫu: {fields}.",
        "Viết đủ các phần này, hoặc nếu chưa xong thì ở mục Trạng thái hồ sơ chọn “Bản nháp, "
        "đang soạn” (trong tệp YAML: `trang_thai_ho_so: nhap`). Năm {year} "
        "đang chờ hướng dẫn nên đây là cảnh báo; khi năm có bộ quy tắc, bản đã hoàn thành "
        "thiếu các phần này sẽ là lỗi.",
        severity="warning",
        actor="member",
    ),
    "form-to-complete": Message(
        "Bản nháp: theo bộ quy tắc `{ruleset}` ({title}), {what} cần bổ sung {count} mục: "
        "{fields}.",
        "Bổ sung các mục này rồi ở mục Trạng thái hồ sơ chọn “Đã viết xong” (trong tệp YAML: "
        "`trang_thai_ho_so: hoan_thanh`). Bản nháp chưa được "
        "xếp loại; nội dung đã viết được giữ nguyên.",
        severity="warning",
        actor="member",
    ),
}

NONE_VI = "không có"  # an empty list in a parameter
NOT_RATED_VI = "chưa xếp loại"  # a level parameter where the subject has none
