"""Catalog: the dates of a member's file checked against each other and against the year's
evaluation date (generator/check/memberdates.py), the dates of disciplinary decisions on a
member's or an organization's file (generator/check/disciplinedates.py), and the year
file's own dates against its year (generator/check/yeardates.py).

| code | severity | meaning |
|---|---|---|
| date-admitted-after-evaluation | error | `ngay_vao_dang` later than the year's `ngay_danh_gia` |
| date-born-after-evaluation | error | `ngay_sinh` later than the year's `ngay_danh_gia` |
| date-admitted-before-birth | error | `ngay_vao_dang` on or before `ngay_sinh` |
| date-discipline-after-evaluation | error | a `ky_luat` item decided in a year after the evaluated one |
| date-discipline-after-evaluation/round | warning | the same, by 31/01 of the next year: maybe real, not counted |
| date-discipline-before-year | warning | a `ky_luat` item decided before the evaluated year: not counted |
| date-violation-after-decision | error | a `ky_luat` item's `ngay_vi_pham` later than its `ngay_quyet_dinh` |
| year-evaluation-date-outside | error | the year file's `ngay_danh_gia` outside its year `nam` |
| year-deadline-outside | warning | a `han_chot` date outside 01/01 of the year .. 31/01 of the next |
| year-deadline-order | warning | a `han_chot` step due before an earlier step of the round |
| tasks-count-over | error | a task count above the count it is part of (`hoan_thanh` > `duoc_giao`, `dung_han` or `vuot` > `hoan_thanh`; generator/check/taskcounts.py) |

A member's file with one of these errors is not rated (like a file with a schema error):
its line on a decision is not applied, so the decision is kept as written and needs no
change; a `to-chuc.yaml` with one stays in use (leaving it out, as a schema error does,
would leave its folder's organizations and members unrated), the finding telling. The discipline messages take
the words for their file (`field`, `record`, `review`, `unrated`, `keep`) from
generator.check.disciplinedates.
The date of birth is never published (x-pham-vi: khong-cong-bo): no message shows it.
A `ky_luat` item is one of a member's or an organization's, or of its leadership body's
(`lanh_dao.ky_luat`). All are committee-only (x-pham-vi: cap-uy): their dates are quoted
as written, which generator.privacy.minimize masks wherever findings are shown, and the
finding is the committee's (generator.privacy.findings.FIELDS_OF_CODE).
"""

from __future__ import annotations

from generator.messages.base import Message

# what every hint ends with: the fix is the date, nothing else in any file
_KEEP = (
    "Giữ nguyên các mục khác của bản kiểm điểm và quyết định xếp loại của cấp ủy (nếu đã "
    "có): sau khi sửa ngày, bản kiểm điểm và quyết định lại được kiểm tra và tính vào kết quả."
)
# the same for an organization file (to-chuc.yaml): its own review and the decisions on it
_KEEP_ORG = (
    "Giữ nguyên các mục khác của `to-chuc.yaml` và quyết định xếp loại của cấp ủy (nếu đã "
    "có): sau khi sửa ngày, tệp và quyết định lại được kiểm tra và tính vào kết quả."
)
# a disciplinary decision's hint: what to compare the date with ({record}: whose file)
_RECORD = "Đối chiếu ngày quyết định với quyết định kỷ luật (số, ngày ký) trong {record} rồi "
# the year file's hints end with: the fix is the date, nothing else in any file
_KEEP_YEAR = (
    "Giữ nguyên các mục khác của `nam-danh-gia.yaml` và mọi tệp của đơn vị: chỉ ngày này cần sửa."
)

# the words of the discipline messages for a member's file (generator.check.disciplinedates)
MEMBER_WORDS = {
    "record": "hồ sơ đảng viên",
    "review": "bản kiểm điểm",
    "unrated": "Bản kiểm điểm chưa được xếp loại cho đến khi ngày được sửa.",
    "keep": _KEEP,
}
# the same on a to-chuc.yaml: the file stays in use (generator.check.files: leaving it out
# would leave every organization and member of its folder unrated for one date)
ORG_WORDS = {
    "record": "hồ sơ của tổ chức",
    "review": "tệp `to-chuc.yaml`",
    "unrated": "Tổ chức vẫn được xếp loại theo tệp như đang ghi, nên kết quả có thể chưa "
    "đúng cho đến khi ngày được sửa.",
    "keep": _KEEP_ORG,
}

CATALOG: dict[str, Message] = {
    "tasks-count-over": Message(
        "`{field}` là {value}, lớn hơn `{whole_field}` ({whole}, dòng {whole_line}): số nhiệm "
        "vụ hoàn thành không thể nhiều hơn số được giao, và số hoàn thành đúng hạn hay vượt "
        "không thể nhiều hơn số hoàn thành; một trong hai số bị ghi nhầm. Các tỷ lệ dùng để "
        "xếp loại được tính từ hai số này.",
        "Đối chiếu với kết quả thực hiện nhiệm vụ trong năm rồi sửa số bị ghi nhầm ở dòng "
        "này hoặc dòng {whole_line}. Các mục khác của tệp giữ nguyên.",
    ),
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
    "date-discipline-after-evaluation": Message(
        "Mục kỷ luật thứ {item} (mục `{field}`, dòng {line}) ghi ngày quyết định {decided}, "
        "thuộc một năm sau năm {year}, tức sau ngày đánh giá năm {year} ({evaluation}, mục "
        "`ngay_danh_gia` trong `nam-danh-gia.yaml`): kỷ luật được tính vào năm ra quyết "
        "định{rule_text}, nên mục này không được tính cho năm {year} mà cũng không thể đã có "
        "khi đánh giá năm {year}; ngày này có lẽ bị gõ nhầm (thường là nhầm năm). {unrated}",
        _RECORD + "sửa dòng {line} cho đúng ngày ghi trên quyết định, dạng năm-tháng-ngày "
        "trong ngoặc kép. Nếu ngày ghi đúng quyết định, mục này thuộc {review} của năm ra "
        "quyết định (thư mục `submissions/` của năm đó): chuyển nguyên mục sang đó khi mở "
        "năm ấy. {keep}",
        actor="committee",
    ),
    "date-discipline-after-evaluation/round": Message(
        "Mục kỷ luật thứ {item} (mục `{field}`, dòng {line}) ghi ngày quyết định {decided}, "
        "thuộc năm sau năm {year}, sau ngày đánh giá năm {year} ({evaluation}, mục "
        "`ngay_danh_gia` trong `nam-danh-gia.yaml`): kỷ luật được tính vào năm ra quyết "
        "định{rule_text}, nên mục này không được tính khi xếp loại năm {year}.",
        _RECORD + "làm một trong hai việc: nếu ngày bị gõ nhầm (thường là nhầm năm), sửa "
        "dòng {line} cho đúng ngày ghi trên quyết định, dạng năm-tháng-ngày trong ngoặc kép; "
        "nếu ngày ghi đúng quyết định, mục này thuộc {review} năm sau: chuyển nguyên mục "
        "sang bản đó khi mở năm sau (đến lúc ấy cứ để ở đây, mục này không được tính cho "
        "năm {year}). Các mục khác của {review} giữ nguyên.",
        severity="warning",
        actor="committee",
    ),
    "date-discipline-before-year": Message(
        "Mục kỷ luật thứ {item} (mục `{field}`, dòng {line}) ghi ngày quyết định {decided}, "
        "thuộc một năm trước năm đánh giá {year}: kỷ luật được tính vào năm ra "
        "quyết định{rule_text}, nên mục này không được tính khi xếp loại năm {year}.",
        _RECORD + "làm một trong hai việc: nếu ngày bị gõ nhầm (thường là nhầm năm), sửa "
        "dòng {line} cho đúng ngày ghi trên quyết định, dạng năm-tháng-ngày trong ngoặc kép; "
        "nếu ngày ghi đúng quyết định, mục này thuộc {review} của năm ra quyết định (thư "
        "mục `submissions/` của năm đó): chuyển nguyên mục sang đó nếu bản năm ấy chưa có. "
        "Các mục khác của {review} giữ nguyên.",
        severity="warning",
        actor="committee",
    ),
    "date-violation-after-decision": Message(
        "Mục kỷ luật thứ {item} (mục `{field}`) ghi ngày vi phạm {violated} (mục "
        "`ngay_vi_pham`, dòng {line}) muộn hơn ngày quyết định kỷ luật {decided} (mục "
        "`ngay_quyet_dinh`, dòng {decided_line}): một trong hai ngày bị gõ nhầm. {unrated}",
        "Đối chiếu cả ngày vi phạm (dòng {line}) và ngày quyết định (dòng {decided_line}) với "
        "quyết định kỷ luật trong {record} rồi sửa ngày bị gõ nhầm cho đúng, dạng "
        "năm-tháng-ngày trong ngoặc kép. {keep}",
        actor="committee",
    ),
    "year-evaluation-date-outside": Message(
        "Ngày đánh giá {evaluation} (mục `ngay_danh_gia`, dòng {line}) không thuộc năm "
        "{year} (mục `nam`, dòng {year_line}; từ {first} đến {last}): ngày này quyết định ai "
        "được xếp loại (kết nạp dưới 6 tháng thì không xếp loại, X1), nên ngày vào Đảng của "
        "đảng viên chưa được đối chiếu với nó cho đến khi ngày được sửa; có lẽ ngày bị gõ "
        "nhầm (thường là nhầm năm, khi chép tệp của năm trước).",
        "Đối chiếu với kế hoạch kiểm điểm của cấp ủy rồi sửa dòng {line} thành ngày đánh giá "
        'của năm {year}, dạng năm-tháng-ngày trong ngoặc kép, ví dụ "{year}-12-15". ' + _KEEP_YEAR,
        actor="board",
    ),
    "year-deadline-outside": Message(
        "Hạn `{key}` ({date}, mục `han_chot`, dòng {line}) nằm ngoài khoảng thời gian của đợt "
        "năm {year} (mục `nam`, dòng {year_line}; từ {first} đến {last}): có lẽ ngày bị gõ "
        "nhầm (thường là nhầm năm, khi chép tệp của năm trước).",
        "Đối chiếu với kế hoạch kiểm điểm của cấp ủy rồi sửa dòng {line} cho đúng hạn của "
        "đợt năm {year}, dạng năm-tháng-ngày trong ngoặc kép. " + _KEEP_YEAR,
        severity="warning",
        actor="board",
    ),
    "year-deadline-order": Message(
        "Hạn `{key}` ({date}, mục `han_chot`, dòng {line}) sớm hơn hạn `{before_key}` "
        "({before_date}, dòng {before_line}) của bước làm trước trong đợt năm {year} (thứ "
        "tự: `kiem_diem_ca_nhan`, `de_xuat`, `quyet_dinh`, `bao_cao`): một trong hai ngày có "
        "lẽ bị gõ nhầm.",
        "Đối chiếu hai hạn (dòng {before_line} và dòng {line}) với kế hoạch kiểm điểm của cấp "
        "ủy rồi sửa ngày bị gõ nhầm, dạng năm-tháng-ngày trong ngoặc kép. " + _KEEP_YEAR,
        severity="warning",
        actor="board",
    ),
}
