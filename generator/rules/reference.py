"""The project's rules reference: every rule id of RULES.md with its citation and a
one-line statement of what it requires, in Vietnamese, in the project's own words.

`docs/quy-tac.md` is generated from this table (`python -m generator.rules.reference`;
tests/unit/rules/test_reference.py fails when the page and the table differ), the
rule-coverage test reads that page, and the site's rules page shows each cited rule's
statement from here. Readings marked UNVERIFIED in RULES.md are settings; the
statement names the setting.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

QD132 = "Quy định 132-QĐ/TW (08/3/2018)"
HD21 = "Hướng dẫn 21-HD/BTCTW (18/10/2019)"
QD124 = "Quy định 124-QĐ/TW (04/10/2023)"
HD25 = "Hướng dẫn 25-HD/BTCTW (10/11/2023)"
QD366 = "Quy định 366-QĐ/TW (30/8/2025)"
HD43 = "Hướng dẫn 43-HD/BTCTW (31/10/2025)"


@dataclass(frozen=True)
class RuleRef:
    id: str
    citation: str
    statement: str


@dataclass(frozen=True)
class Section:
    title: str
    intro: str
    rules: tuple[RuleRef, ...]


def _r(rule_id: str, citation: str, statement: str) -> RuleRef:
    return RuleRef(rule_id, citation, statement)


SECTIONS: tuple[Section, ...] = (
    Section(
        "Chọn bộ quy tắc",
        "Năm đánh giá nào dùng bộ quy tắc nào (RULES.md §1).",
        (
            _r(
                "R0",
                "Tệp nam-danh-gia.yaml của năm (bo_quy_tac)",
                "Năm tự ghi bộ quy tắc; mặc định 2018–2022 qd132-hd21, 2023–2024 qd124-hd25, từ "
                "2025 qd366-hd43; năm chưa có hướng dẫn thì ghi là đang chờ hướng dẫn: chỉ kiểm tra hình thức, khi "
                "năm có bộ quy tắc mỗi bản nháp được báo đúng những mục cần bổ sung.",
            ),
        ),
    ),
    Section(
        "Bộ quy tắc qd132-hd21 (2018–2022)",
        f"{QD132}; {HD21}. Năm 2018 (Hướng dẫn 16) dùng bộ này, với cài đặt suspended_rated.",
        (
            _r(
                "132-M1",
                f"{HD21}, mục II.B.2",
                "HTXSNV: tiêu chí về nhiệm vụ đều Xuất sắc, các tiêu chí khác từ Tốt; đảng viên là CBCCVC phải được cơ quan xếp HTXSNV.",
            ),
            _r(
                "132-M2",
                f"{HD21}, mục II.B.2",
                "HTTNV: tiêu chí về nhiệm vụ từ Tốt, các tiêu chí khác từ Trung bình; CBCCVC được cơ quan xếp từ HTTNV (chưa đối chiếu văn bản đối với đảng viên: theo quy định cho tổ chức).",
            ),
            _r(
                "132-M3",
                f"{HD21}, mục II.B.2",
                "HTNV: mọi tiêu chí từ Trung bình trở lên (chưa đối chiếu văn bản đối với đảng viên).",
            ),
            _r(
                "132-M4",
                f"{HD21}, mục II.B.2",
                "KHTNV khi dưới mức HTNV, bị kết luận suy thoái, hoàn thành dưới 50% nhiệm vụ, bị cơ quan xếp KHTNV, hoặc bị kỷ luật trong năm (một vi phạm chỉ tính một lần).",
            ),
            _r(
                "132-M5",
                f"{QD132}; {HD21}, mục II.B.2",
                "Số HTXSNV không quá 20% số xếp loại HTTNV trong mỗi tổ chức cơ sở đảng (cài đặt quota_base, quota_rounding).",
            ),
            _r(
                "132-M6",
                f"{HD21}, mục II.B.2",
                "Nghỉ ốm từ 3 tháng trở lên trong năm thì tối đa HTNV; nghỉ thai sản đánh giá theo thời gian thực tế công tác.",
            ),
            _r(
                "132-M7",
                f"{HD21}, mục II.A",
                "Mới kết nạp dưới 6 tháng: có kiểm điểm, không xếp loại; miễn sinh hoạt, đình chỉ sinh hoạt: không kiểm điểm, không xếp loại (năm 2018: cài đặt suspended_rated).",
            ),
            _r(
                "132-M8",
                f"{HD21}, mục II.B.2",
                "Chuyển sinh hoạt trong năm: chi bộ nơi mới xếp loại, cần nhận xét của nơi cũ nếu ở đó từ 6 tháng; sinh hoạt tạm thời: xếp loại ở chi bộ chính thức với nhận xét của nơi sinh hoạt tạm thời.",
            ),
            _r(
                "132-M9",
                f"{HD21}, mục II.B.2",
                "Đảng viên phải hoàn thành bản kiểm điểm mới được xếp loại (bản nháp không được xếp loại).",
            ),
            _r(
                "132-M10",
                f"{QD132} (áp dụng với đảng viên trong toàn Đảng)",
                "Đảng viên dự bị được kiểm điểm, đánh giá, xếp loại như đảng viên chính thức.",
            ),
            _r(
                "132-O1",
                f"{QD132}; {HD21}, mục II.B.1",
                "Tổ chức HTXSNV: tiêu chí về nhiệm vụ Xuất sắc, khác từ Tốt; 100% đảng viên (tổ chức trực thuộc) từ HTNV và từ 80% HTTNV trở lên; chính quyền, Mặt trận, đoàn thể cùng cấp từ HTTNV.",
            ),
            _r(
                "132-O2",
                f"{QD132}; {HD21}, mục II.B.1",
                "Tổ chức HTTNV: tiêu chí về nhiệm vụ từ Tốt, khác từ Trung bình; 100% từ HTNV và từ 50% HTTNV; các tổ chức cùng cấp từ HTNV.",
            ),
            _r(
                "132-O3",
                f"{QD132}; {HD21}, mục II.B.1",
                "Tổ chức HTNV: mọi tiêu chí từ Trung bình và tổ chức không bị kỷ luật trong năm (trừ khi tự phát hiện, khắc phục xong).",
            ),
            _r(
                "132-O4",
                f"{QD132}, Điều 12 khoản 4",
                "Tổ chức KHTNV khi tổ chức trực thuộc có vi phạm bất kỳ bị kỷ luật (trừ khi tự phát hiện, khắc phục), chỉ tiêu dưới 50% và/hoặc chỉ tiêu chủ yếu không đạt (cài đặt targets_rule), tập thể lãnh đạo bị kỷ luật hoặc trên 20% tổ chức trực thuộc bị kỷ luật; tỷ lệ đảng viên KHTNV chỉ xét khi tỉnh đặt org_khtnv_member_share (mặc định tắt).",
            ),
            _r(
                "132-O5",
                f"{QD132}; {HD21}, mục II.B.1",
                "Chi bộ có một đảng viên KHTNV thì không được HTXSNV hay HTTNV.",
            ),
            _r(
                "132-O6",
                f"{QD132}; {HD21}",
                "Số tổ chức HTXSNV không quá 20% số tổ chức HTTNV do cùng một cấp ủy xếp loại (cài đặt org_quota_pool).",
            ),
            _r(
                "132-L1",
                f"{QD132}; {HD21}",
                "Tập thể lãnh đạo không được xếp cao hơn tổ chức; người đứng đầu không được xếp cao hơn tổ chức, tập thể mình đứng đầu.",
            ),
            _r(
                "132-L2",
                f"{HD21}, mục II.B tiết 3",
                "Tập thể lãnh đạo KHTNV khi có thành viên bị kỷ luật từ cảnh cáo hoặc bị kết luận suy thoái, tập thể bị kỷ luật, mất đoàn kết, hoặc đơn vị hoàn thành dưới 50% chỉ tiêu và không đạt chỉ tiêu chủ yếu.",
            ),
        ),
    ),
    Section(
        "Bộ quy tắc qd124-hd25 (2023–2024)",
        f"{QD124}; {HD25}.",
        (
            _r(
                "124-M1",
                f"{QD124}, Điều 10; {HD25}",
                "HTXSNV: mọi tiêu chí từ Tốt, tiêu chí về nhiệm vụ Xuất sắc có sản phẩm cụ thể; 100% nhiệm vụ đúng hạn và từ 50% vượt; người lãnh đạo cần đơn vị hoàn thành mọi chỉ tiêu.",
            ),
            _r(
                "124-M2",
                f"{QD124}; {HD25}",
                "HTTNV: tiêu chí về nhiệm vụ từ Tốt, khác từ Trung bình, và 100% nhiệm vụ đúng hạn (cài đặt httnv_requires_all_on_time).",
            ),
            _r("124-M3", f"{QD124}; {HD25}", "HTNV: mọi tiêu chí từ Trung bình trở lên."),
            _r(
                "124-M4",
                f"{QD124}; {HD25}",
                "KHTNV khi có tiêu chí Kém (cài đặt kem_rule), suy thoái, vi phạm điều không được làm hoặc trách nhiệm nêu gương, bị kỷ luật trong năm (trừ tự phát hiện, khắc phục), người lãnh đạo có đơn vị dưới 50% chỉ tiêu và không đạt chỉ tiêu chủ yếu, hoặc bản thân dưới 50% nhiệm vụ (cài đặt own_targets_under_half_khtnv).",
            ),
            _r(
                "124-M5",
                f"{QD124}; {HD25}",
                "Số HTXSNV không quá 20% số HTTNV trong từng nhóm tương đồng (cài đặt member_quota_pool, org_quota_pool).",
            ),
            _r(
                "124-M6",
                HD25,
                "Miễn sinh hoạt, đình chỉ sinh hoạt, mới kết nạp dưới 6 tháng: không kiểm điểm, không xếp loại.",
            ),
            _r(
                "124-M7",
                HD25,
                "Vi phạm từ năm trước bị kỷ luật trong năm nay không đương nhiên làm năm nay KHTNV; cấp ủy cấp trên xếp loại lại năm trước bằng một quyết định xếp loại lại.",
            ),
            _r(
                "124-O1",
                f"{QD124}; {HD25}",
                "Tổ chức HTXSNV: mọi tiêu chí từ Tốt, tiêu chí về nhiệm vụ Xuất sắc; không tổ chức trực thuộc, cấp ủy viên nào bị kỷ luật trong năm.",
            ),
            _r(
                "124-O2",
                f"{QD124}; {HD25}",
                "Tổ chức HTTNV: tiêu chí về nhiệm vụ từ Tốt, khác từ Trung bình; không cấp ủy viên bị kỷ luật, trừ khi tự phát hiện, khắc phục.",
            ),
            _r("124-O3", f"{QD124}; {HD25}", "Tổ chức HTNV: mọi tiêu chí từ Trung bình trở lên."),
            _r(
                "124-O4",
                f"{QD124}; {HD25}",
                "Tổ chức KHTNV khi có tiêu chí Kém, tổ chức trực thuộc có vụ việc tham nhũng, lãng phí, tiêu cực hay vi phạm khác bị kỷ luật (trừ tự phát hiện, khắc phục), dưới 50% chỉ tiêu và không đạt chỉ tiêu chủ yếu, tập thể lãnh đạo bị kỷ luật hoặc trên 20% tổ chức trực thuộc bị kỷ luật.",
            ),
            _r(
                "124-O5",
                f"{QD124}; {HD25}",
                'Điều hồ sơ không tự kết luận được (không ghi có tự phát hiện hay không; bất khả kháng được viện dẫn cho chỉ tiêu không đạt) được nêu "cần cấp có thẩm quyền quyết định" kèm các sự việc.',
            ),
            _r(
                "124-L1",
                f"{QD124}; {HD25}",
                "Người đứng đầu được xếp loại sau đơn vị và không cao hơn đơn vị (cài đặt head_cap).",
            ),
        ),
    ),
    Section(
        "Bộ quy tắc qd366-hd43 (từ 2025)",
        f"{QD366}; {HD43}; Công văn 10072-CV/BTCTW (06/11/2025); Kết luận 198-KL/TW (08/10/2025). "
        "Thang điểm 100: tiêu chí chung 30, kết quả nhiệm vụ 70; mẫu Phụ lục 3 (lãnh đạo, quản lý), "
        "4 (không giữ chức vụ), 5 (ngoài hệ thống chính trị) theo mục mau_bieu.",
        (
            _r(
                "366-M1",
                f"{QD366}; {HD43}, Phụ lục 3–5",
                "HTXSNV: từ 90 điểm, 100% nhiệm vụ đúng hạn, từ 30% vượt, khắc phục hết hạn chế đã chỉ ra (theo mục han_che_truoc; không ghi mục này thì giữ mức và cảnh báo, còn nếu bản kiểm điểm năm trước có nêu hạn chế thì cần quyết định).",
            ),
            _r(
                "366-M2",
                f"{QD366}; {HD43}, Phụ lục 3–5",
                "HTTNV: từ 70 đến dưới 90 điểm (hoặc cao hơn mà thiếu điều kiện HTXSNV, cài đặt score_meets_lower_bands), 100% nhiệm vụ đúng hạn.",
            ),
            _r(
                "366-M3",
                f"{QD366}; {HD43}, Phụ lục 3–5",
                "HTNV: từ 50 đến dưới 70 điểm (hoặc cao hơn, cài đặt score_meets_lower_bands), 100% nhiệm vụ hoàn thành, chậm tiến độ không quá 20%.",
            ),
            _r(
                "366-M4",
                f"{QD366}; {HD43}",
                "KHTNV: dưới 50 điểm, suy thoái, vi phạm liên quan chức trách bị kỷ luật từ khiển trách, vi phạm điều không được làm hoặc nêu gương, trên 50% nhiệm vụ không hoàn thành; tự phát hiện thì cấp có thẩm quyền quyết định.",
            ),
            _r(
                "366-M5",
                f"{QD366}; {HD43}",
                'Trường hợp không đủ điều kiện mức nào được nêu "cần quyết định", không tự gán mức; khi tắt cài đặt score_meets_lower_bands, điểm chỉ xét theo khung của mình ("từ X đến dưới Y"), nên người 92 điểm thiếu điều kiện khác của HTXSNV cũng thuộc trường hợp này.',
            ),
            _r(
                "366-M6",
                f"{QD366}; {HD43}",
                "Số HTXSNV không quá 20% số HTTNV theo từng cấp ủy quyết định và nhóm vai trò tương đồng (nhom_vai_tro); tối đa 25% khi có quyết định ghi nhận kết quả nổi bật.",
            ),
            _r(
                "366-M7",
                HD43,
                "Nghỉ ốm từ 3 tháng hoặc nghỉ thai sản: đánh giá theo thực tế công tác, không giới hạn mức.",
            ),
            _r(
                "366-M8",
                f"{QD366}; {HD43}",
                'Vi phạm năm trước bị kỷ luật trong năm nay: cấp ủy cấp trên căn cứ hoàn cảnh cụ thể để đánh giá — nêu "cần quyết định" kèm hình thức, ngày vi phạm, ngày quyết định, không tự động KHTNV.',
            ),
            _r(
                "366-M9",
                f"{HD43}, mục 7.6",
                "Đảng viên sinh hoạt tạm thời được xếp loại ở chi bộ chính thức, có nhận xét của chi bộ nơi sinh hoạt tạm thời.",
            ),
            _r(
                "366-M10",
                f"{QD366}, Điều 3",
                "Đảng viên là cán bộ, công chức, viên chức: kết quả xếp loại của cơ quan là căn cứ xếp loại đảng viên (mã và cách đọc của dự án, chưa đối chiếu văn bản; cài đặt civil_servant_basis): mặc định không tự đổi mức, mức đảng viên cao hơn mức của cơ quan là cảnh báo để cấp ủy quyết định, ghi lý do vào ghi_chu; cap: không cao hơn mức của cơ quan.",
            ),
            _r(
                "366-L1",
                f"{QD366}; {HD43}, Phụ lục 3",
                "Người lãnh đạo KHTNV khi đơn vị dưới 70% nhiệm vụ, không đạt 5 chỉ tiêu cơ bản, trên 50% đơn vị KHTNV, trên 50% phiếu tín nhiệm thấp, hoặc nơi mình trực tiếp quản lý có vụ việc tham nhũng, lãng phí, tiêu cực bị xử lý.",
            ),
            _r(
                "366-L2",
                f"{QD366}; {HD43}, Phụ lục 3",
                "Mức của người lãnh đạo còn đòi hỏi kết quả đơn vị: HTXSNV cần đơn vị 100% đúng hạn và từ 30% vượt; HTTNV, HTNV theo cách suy tương tự (cài đặt leader_unit_analogy). Không kê khai số nhiệm vụ của đơn vị (nhiem_vu) thì xét theo tỷ lệ hoàn thành và mục hoàn thành tất cả chỉ tiêu đã ghi: đơn vị chưa hoàn thành 100% thì không đạt HTXSNV và, theo cách suy, cần quyết định.",
            ),
            _r(
                "366-L3",
                f"{QD366}; {HD43}",
                "Tập thể lãnh đạo KHTNV khi bị kết luận mất đoàn kết, có thành viên bị kỷ luật từ khiển trách vì vi phạm chức trách hoặc bị kết luận suy thoái, hoặc đơn vị dưới 70% nhiệm vụ, không đạt chỉ tiêu cơ bản.",
            ),
            _r(
                "366-O1",
                f"{QD366}; {HD43}, Phụ lục 1",
                "Tổ chức HTXSNV: từ 90 điểm, 100% nhiệm vụ đúng hạn, từ 30% vượt; không tổ chức trực thuộc, cấp ủy viên nào bị kỷ luật.",
            ),
            _r(
                "366-O2",
                f"{QD366}; {HD43}, Phụ lục 1",
                "Tổ chức HTTNV: từ 70 đến dưới 90 điểm (hoặc cao hơn, cài đặt score_meets_lower_bands), 100% nhiệm vụ đúng hạn.",
            ),
            _r(
                "366-O3",
                f"{QD366}; {HD43}, Phụ lục 1",
                "Tổ chức HTNV: từ 50 đến dưới 70 điểm (hoặc cao hơn, cài đặt score_meets_lower_bands), 100% nhiệm vụ hoàn thành, chậm không quá 20%.",
            ),
            _r(
                "366-O4",
                f"{QD366}; {HD43}, Phụ lục 1",
                "Tổ chức KHTNV: dưới 50 điểm, trên 50% nhiệm vụ không hoàn thành, hoặc tập thể lãnh đạo thuộc trường hợp 366-L3 (cài đặt org_khtnv_from_leadership).",
            ),
        ),
    ),
    Section(
        "Chung cho mọi bộ quy tắc",
        "Cách tính kết quả, kiểm tra quyết định, thống kê và mẫu bản kiểm điểm (RULES.md §5).",
        (
            _r(
                "X1",
                "RULES.md §5 (cách tổng hợp kết quả)",
                "Với mỗi đảng viên, tổ chức: có được xếp loại không (vì sao), mức tối đa và quy tắc giới hạn, mức đánh giá; kết quả cuối cùng là mức được quyết định, chưa có thì là mức dự kiến.",
            ),
            _r(
                "X2",
                "RULES.md §5 (kiểm tra quyết định)",
                "Quyết định (kể cả xếp loại lại một năm trước) cao hơn mức tối đa, vượt tỷ lệ, hoặc người đứng đầu cao hơn đơn vị là lỗi của tệp quyết định gây ra, không tự sửa. Với qd366-hd43, Quy định 366 không có dòng riêng về người đứng đầu: không cao hơn đơn vị là cách đọc X2, chưa đối chiếu văn bản (cài đặt head_cap). Từ năm 2025 (Quy định 366), quyết định không vượt mức tối đa nhưng cao hơn mức mà điểm và kết quả nhiệm vụ ghi trong hồ sơ đạt được là cảnh báo ở dòng quyết định (cấp ủy có thể chấm điểm khác; ghi điểm, lý do vào ghi_chu).",
            ),
            _r(
                "X3",
                "Theo dõi liên tục (RULES.md §5)",
                "Hai năm liền KHTNV được nêu để chi bộ giúp đỡ; không tự động xóa tên.",
            ),
            _r(
                "X4",
                "Báo cáo thống kê (RULES.md §5)",
                "Thống kê theo tổ chức và cấp: số, tỷ lệ từng mức trong số được xếp loại, số không xếp loại theo lý do, theo loại hình tổ chức cơ sở đảng.",
            ),
            _r(
                "X5",
                "Mẫu bản kiểm điểm (RULES.md §5)",
                "Bản kiểm điểm theo mẫu: ưu điểm; hạn chế, khuyết điểm và nguyên nhân; kết quả khắc phục; giải trình (nếu có); trách nhiệm với hạn chế của tập thể (lãnh đạo); phương hướng; tự xếp loại.",
            ),
        ),
    ),
)

BY_ID: dict[str, RuleRef] = {r.id: r for s in SECTIONS for r in s.rules}
DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "quy-tac.md"


def render() -> str:
    """docs/quy-tac.md, as Markdown."""
    lines = [
        "# Quy tắc kiểm điểm, đánh giá, xếp loại",
        "",
        "<!-- Tạo từ generator/rules/reference.py: `python -m generator.rules.reference`. -->",
        "",
        "Mỗi quy tắc có một mã; kết quả xếp loại, thông báo của `kiemdiem check` và trang "
        '"Quy tắc áp dụng" của site đều dẫn mã này cùng căn cứ. Các cách hiểu chưa đối '
        "chiếu được với văn bản gốc là cài đặt của năm (`cai_dat:` trong nam-danh-gia.yaml), "
        "có giá trị mặc định; mã nào chưa được áp dụng đầy đủ được liệt kê trong README, mục "
        '"Not implemented".',
        "",
    ]
    for s in SECTIONS:
        lines += [f"## {s.title}", "", s.intro, "", "| mã | căn cứ | yêu cầu |", "|---|---|---|"]
        lines += [f"| `{r.id}` | {r.citation} | {r.statement} |" for r in s.rules]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    DOC_PATH.parent.mkdir(parents=True, exist_ok=True)
    DOC_PATH.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"{DOC_PATH}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
