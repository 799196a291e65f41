"""Starting files for `kiemdiem new`: the official form's sections as Vietnamese comments.

Each function returns the text of a new file; `generator.commands.new` decides where it
goes and refuses to overwrite. Known facts are filled in (for a member: from their newest
earlier review, generator.forge.earlierfacts); what only the author knows is left as `""`, so `kiemdiem check` lists
exactly what remains to write. The first line is the modeline editors with the YAML
language server understand (VS Code "YAML" extension): hints, completion and checks as
one types.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.check.yamltext import yaml_scalar
from generator.forge.earlierfacts import (
    LEADERSHIP,
    QUOTED_LINES,
    EarlierMember,
    earlier_member,
    earlier_org_facts,
)
from generator.orgtypes import OrgTypes
from generator.rules.registry import REGISTRY

SCHEMA_DIR = "schema"


def modeline(repo: Path, target: Path, schema: str) -> str:
    """The form's first line; below a file's own comments when `kiemdiem new` fills a file
    that holds only comments, which the YAML language server reads as well (see
    generator.commands.newwrite.fill_if_blank)."""
    rel = os.path.relpath(repo / SCHEMA_DIR / schema, target.parent).replace(os.sep, "/")
    return f"# yaml-language-server: $schema={rel}"


def yaml_line(key: str, value: Any, comment: str = "", indent: str = "") -> str:
    """One `key: value` line (None is written `""`, to fill in), with an optional comment."""
    text = f"{indent}{key}: {yaml_scalar(value) if value is not None else chr(34) * 2}"
    return f"{text}  # {comment}" if comment else text


def commented(lines: Iterable[str]) -> list[str]:
    """The lines as comments, for a block the author uncomments when it applies."""
    return [f"# {line}" for line in lines]


def _review_sections(leader: bool) -> list[str]:
    """The form's text sections (RULES.md X5) under `kiem_diem:`."""
    out = [
        "",
        "# ---------------------------------------------------------------------------",
        "# PHẦN NỘI DUNG KIỂM ĐIỂM (theo mẫu). Thụt lề 2 dấu cách mỗi cấp: viết sau dấu | ở",
        '# dòng dưới, thụt thêm 2 dấu cách so với tên mục như ví dụ; xóa hai dấu ngoặc kép ""',
        "# khi bắt đầu viết.",
        "kiem_diem:",
        "  # 1. Ưu điểm, kết quả đạt được trong năm",
        '  uu_diem: ""',
        "  # 2. Hạn chế, khuyết điểm và nguyên nhân",
        '  han_che: ""',
        "  # 3. Kết quả khắc phục hạn chế, khuyết điểm đã được chỉ ra (nếu có; bỏ # để viết)",
        '  # ket_qua_khac_phuc: ""',
        "  # 4. Giải trình vấn đề được gợi ý kiểm điểm (nếu có; bỏ # để viết)",
        '  # giai_trinh: ""',
    ]
    if leader:
        out += [
            "  # 5. Trách nhiệm đối với hạn chế, khuyết điểm của tập thể (người giữ chức vụ)",
            '  # trach_nhiem_tap_the: ""',
        ]
    out += [
        "  # 6. Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm",
        '  phuong_huong: ""',
        "  # Ví dụ đoạn văn nhiều dòng:",
        "  # uu_diem: |",
        "  #   Luôn chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
        "  #   Hoàn thành tốt nhiệm vụ được giao.",
    ]
    return out


def _criteria(ruleset: str, kind: str) -> list[str]:
    """The assessment block of the ruleset (generator.rules.registry): scores out of 100,
    or one line per criterion; while pending, the scores block commented out."""
    spec = REGISTRY.get(ruleset)
    pending = spec is None or not spec.rates
    if pending or (spec is not None and spec.scored):
        block = [
            "diem:",
            "  tieu_chi_chung: 0  # điểm nhóm tiêu chí chung, 0-30",
            "  ket_qua_nhiem_vu: 0  # điểm kết quả thực hiện nhiệm vụ, 0-70",
        ]
        intro = "# CHẤM ĐIỂM (thang 100, Quy định 366). Khi có điểm, xóa '# ' ở đầu 3 dòng dưới."
        if pending:
            intro = (
                "# ĐIỂM / CẤP ĐỘ TIÊU CHÍ: năm chưa có hướng dẫn, chưa bắt buộc. Khi có "
                "hướng dẫn, Ban Tổ chức sẽ báo cách ghi."
            )
        return ["", intro, *commented(block)]
    assert spec is not None
    keys = spec.member_criteria if kind == "member" else spec.org_criteria
    block = ["tieu_chi:"] + [f"  {c.key}: tot  # {c.label_vi}" for c in keys]
    return [
        "",
        "# CẤP ĐỘ CÁC TIÊU CHÍ: xuat_sac, tot, trung_binh hoặc kem. Xóa '# ' ở đầu các dòng",
        "# dưới rồi sửa cấp độ cho đúng.",
        *commented(block),
    ]


def _self_rating() -> list[str]:
    return [
        "",
        "# TỰ XẾP LOẠI: HTXSNV (hoàn thành xuất sắc), HTTNV (hoàn thành tốt), HTNV (hoàn",
        "# thành), KHTNV (không hoàn thành nhiệm vụ). Xóa '# ' và chọn một mức.",
        "# tu_xep_loai: HTTNV",
        "",
        "# TRẠNG THÁI: nhap khi đang soạn; khi đã viết xong, đổi thành hoan_thanh.",
        "trang_thai_ho_so: nhap",
    ]


def _standing(earlier: EarlierMember) -> list[str]:
    """The member's standing facts from `earlier` (earlierfacts.STANDING_FACTS)."""
    standing, out = earlier.standing, []
    if "nhom_vai_tro" in standing:
        out.append(yaml_line("nhom_vai_tro", standing["nhom_vai_tro"], "nhóm vai trò (366-M6)"))
    status = standing.get("tinh_trang")
    if status == "mien_sinh_hoat":
        out += [
            yaml_line("tinh_trang", status, f"theo tệp năm {earlier.year}"),
            "# Đảng viên được miễn công tác và sinh hoạt đảng không kiểm điểm, không xếp loại",
            "# (Quy định 366, Điều 5 khoản 2.1): tệp chỉ ghi thông tin, không có phần kiểm điểm.",
            "# Nếu năm nay không còn được miễn, chi bộ sửa dòng `tinh_trang` rồi viết các phần",
            "# kiểm điểm theo mẫu; `kiemdiem check` nêu các mục còn thiếu.",
        ]
    elif status == "sinh_hoat_tam_thoi" and "sinh_hoat_tam_thoi" in standing:
        place = standing["sinh_hoat_tam_thoi"]["don_vi"]
        out += [
            f"# Năm {earlier.year} sinh hoạt tạm thời ở chi bộ khác (366-M9). Nếu năm nay đã về",
            "# sinh hoạt ở chi bộ chính thức, xóa hai mục tinh_trang và sinh_hoat_tam_thoi dưới.",
            yaml_line("tinh_trang", status),
            "sinh_hoat_tam_thoi:",
            yaml_line("don_vi", place, indent="  "),
            "  # co_nhan_xet: true  # xóa '# ' khi đã nhận được nhận xét năm nay của nơi đó",
        ]
    if earlier.status_not_carried == "dinh_chi":
        out += [
            f"# Năm {earlier.year} ghi đình chỉ sinh hoạt đảng (có thời hạn): không chép. Nếu",
            "# năm nay vẫn bị đình chỉ, chi bộ ghi dòng: tinh_trang: dinh_chi",
        ]
    return out


def _agency(earlier: EarlierMember) -> list[str]:
    """`can_bo_cong_chuc` (366-M10: the agency's rating is the basis of a civil servant's
    level), a commented prompt when the earlier file had one: the agency's name carried,
    the level (each year's own) left to write."""
    if earlier.agency is None:
        return []
    block = [
        "can_bo_cong_chuc:",
        '  xep_loai: ""',
        yaml_line("co_quan", earlier.agency, indent="  "),
    ]
    return [
        "",
        f"# CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC: tệp năm {earlier.year} ghi mức xếp loại của cơ quan,",
        "# đơn vị nơi công tác (căn cứ xếp loại đảng viên, 366-M10). Nếu năm nay vẫn là cán bộ,",
        "# công chức, viên chức, xóa '# ' ở đầu 3 dòng dưới, ghi mức cơ quan xếp loại năm nay",
        "# (HTXSNV, HTTNV, HTNV hoặc KHTNV; thay hai dấu ngoặc kép) và kiểm tra tên cơ quan:",
        *commented(block),
    ]


def _earlier_shortcomings(earlier: EarlierMember, ruleset: str) -> list[str]:
    """`han_che_truoc` (366-M1: HTXSNV needs 100% of earlier shortcomings remedied), a
    commented suggestion whose counts are left for the member to write (never guessed),
    below last year's shortcomings section quoted when it names any."""
    spec = REGISTRY.get(ruleset)
    if spec is not None and spec.rates and not spec.scored:
        return []  # read under qd366-hd43 only (and kept while the year is pending)
    block = ["han_che_truoc:", '  so_da_chi_ra: ""', '  so_da_khac_phuc: ""']
    head = [
        "",
        "# HẠN CHẾ, KHUYẾT ĐIỂM ĐÃ ĐƯỢC CHỈ RA Ở CÁC KỲ KIỂM ĐIỂM TRƯỚC: số đã được chỉ ra và",
        "# số đã khắc phục xong (muốn đạt HTXSNV phải khắc phục hết, 366-M1).",
    ]
    if not earlier.shortcomings:
        return [*head, "# Nếu có, xóa '# ' ở đầu 3 dòng dưới và ghi số:", *commented(block)]
    quoted = earlier.shortcomings[:QUOTED_LINES]
    more = len(earlier.shortcomings) - len(quoted)
    lines = [*head, f"# Bản kiểm điểm năm {earlier.year}, mục 2. Hạn chế, khuyết điểm:"]
    lines += [f"#   | {line}" for line in quoted]
    if more:
        lines.append(f"#   | … (còn {more} dòng trong tệp năm {earlier.year})")
    if earlier.counts is not None:
        lines.append(
            f"# Tệp năm {earlier.year} ghi: đã chỉ ra {earlier.counts[0]}, đã khắc phục "
            f"{earlier.counts[1]} (các kỳ trước đó)."
        )
    # commented as well: a draft committed before the counts are known stays clean; a
    # review reaching HTXSNV without them is flagged by generator.rules.shortcomings
    return [
        *lines,
        "# Xóa '# ' ở đầu 3 dòng dưới và ghi hai con số (thay hai dấu ngoặc kép):",
        *commented(block),
    ]


def member_file(
    repo: Path, target: Path, member_id: str, year: int, ruleset: str, org_name: str = ""
) -> str:
    """A member's review (dang-vien/<id>.yaml) for `year`: who they are and their standing
    facts from their newest earlier review; an exempted member's file holds only these."""
    earlier = earlier_member(repo, member_id, year)
    from_year, facts = earlier.year, earlier.facts
    source = (
        f"# Thông tin lấy từ bản kiểm điểm năm {from_year}: kiểm tra lại (ví dụ đảng viên dự bị "
        "đã được công nhận chính thức)."
        if from_year
        else '# Điền các mục còn để trống "" (ngày viết "năm-tháng-ngày", ví dụ "2010-05-19").'
    )
    leader = bool(facts.get("chuc_vu"))
    lines = [
        modeline(repo, target, "dang-vien.schema.json"),
        f"# BẢN KIỂM ĐIỂM CÁ NHÂN NĂM {year} — đảng viên {member_id}"
        + (f", {org_name}" if org_name else ""),
        "# Cách viết: mỗi dòng `ten_muc: giá trị`, sau dấu hai chấm có một dấu cách; thụt lề",
        "# bằng dấu cách (không dùng Tab). Dòng bắt đầu bằng # là chú thích, không cần xóa.",
        "# Xem lỗi và cách sửa: chạy `kiemdiem check` hoặc đọc bình luận trên yêu cầu hợp nhất.",
        "",
        "# ---------------------------------------------------------------------------",
        "# THÔNG TIN ĐẢNG VIÊN",
        source,
        yaml_line("ma_dang_vien", member_id, "không sửa: trùng tên tệp"),
        yaml_line("nam", year),
        yaml_line("ho_ten", facts.get("ho_ten")),
        yaml_line(
            "loai_dang_vien", facts.get("loai_dang_vien", "chinh_thuc"), "chinh_thuc | du_bi"
        ),
    ]
    if "ngay_sinh" in facts:
        lines.append(yaml_line("ngay_sinh", facts["ngay_sinh"], "nội bộ, không đăng lên trang"))
    lines.append(yaml_line("ngay_vao_dang", facts.get("ngay_vao_dang")))
    if facts.get("chuc_vu"):
        lines.append(yaml_line("chuc_vu", facts["chuc_vu"]))
    else:
        lines.append('# chuc_vu: ""  # chức vụ trong Đảng, chính quyền, đoàn thể (nếu có)')
    lines += _standing(earlier)
    if earlier.standing.get("tinh_trang") == "mien_sinh_hoat":
        return "\n".join(lines) + "\n"  # not reviewed, not rated: no review to write
    lines += _agency(earlier)
    lines += _criteria(ruleset, "member")
    lines += _earlier_shortcomings(earlier, ruleset)
    lines += _review_sections(leader)
    lines += _self_rating()
    return "\n".join(lines) + "\n"


def _leadership(from_year: int, lead: dict[str, Any]) -> list[str]:
    """The leadership block, commented out: last year's members when known."""
    if not lead:
        return [
            "# CẤP ỦY (ghi bằng mã đảng viên). Xóa '# ' ở đầu các dòng khi điền.",
            *commented(["lanh_dao:", "  bi_thu: dv-000000", "  pho_bi_thu:", "    - dv-000000"]),
        ]
    block = ["lanh_dao:"]
    for key in LEADERSHIP:
        value = lead.get(key)
        if isinstance(value, list):
            block += [f"  {key}:", *(f"    - {m}" for m in value)]
        elif value:
            block.append(f"  {key}: {value}")
    return [
        f"# CẤP ỦY (ghi bằng mã đảng viên), theo tệp năm {from_year}: nếu năm nay vẫn đúng, xóa",
        "# '# ' ở đầu các dòng; sửa người đã thay đổi.",
        *commented(block),
    ]


def org_file(
    repo: Path,
    target: Path,
    org_id: str,
    year: int,
    ruleset: str,
    org_type: str,
    earlier: tuple[int, dict[str, Any]] | None = None,
) -> str:
    """An organization's to-chuc.yaml (its collective review) for `year`. Its facts come
    from `earlier` (year, `org_facts`), by default from its newest earlier file; the
    year's own content (targets, scores, review, self-rating) is left to write."""
    from_year, facts = earlier if earlier is not None else earlier_org_facts(repo, org_id, year)
    grassroots = OrgTypes.load(repo / SCHEMA_DIR).get(org_type).is_grassroots
    lines = [
        modeline(repo, target, "to-chuc.schema.json"),
        f"# BẢN KIỂM ĐIỂM TẬP THỂ NĂM {year} — tổ chức {org_id}",
        "# Cách viết: mỗi dòng `ten_muc: giá trị`, sau dấu hai chấm có một dấu cách; thụt lề",
        '# bằng dấu cách. Điền các mục còn để trống "".',
        "",
        "# THÔNG TIN TỔ CHỨC",
    ]
    if from_year:
        lines.append(f"# Thông tin lấy từ tệp to-chuc.yaml năm {from_year}: kiểm tra lại.")
    lines += [
        yaml_line("ma_to_chuc", org_id, "không sửa: trùng tên thư mục"),
        yaml_line("nam", year),
        yaml_line("ten", facts.get("ten"), "tên đầy đủ, ví dụ Chi bộ Ấp 1"),
        yaml_line("loai", org_type),
    ]
    if grassroots:
        lines.append(
            yaml_line(
                "phan_loai",
                facts.get("phan_loai", "khac"),
                "xa | phuong_thi_tran | doanh_nghiep | ... (thống kê)",
            )
        )
    if "ngay_thanh_lap" in facts:
        lines.append(yaml_line("ngay_thanh_lap", facts["ngay_thanh_lap"], "năm-tháng-ngày"))
    lines += [
        "",
        *_leadership(from_year, facts.get("lanh_dao", {})),
        "",
        "# CHỈ TIÊU NGHỊ QUYẾT: mỗi chỉ tiêu một mục bắt đầu bằng '- '.",
        "# trang_thai: vuot | hoan_thanh | khong_hoan_thanh | bat_kha_khang",
        *commented(
            [
                "chi_tieu:",
                "  - ten: Kết nạp 5 đảng viên mới",
                "    trang_thai: hoan_thanh",
                "    chu_yeu: true",
            ]
        ),
    ]
    lines += _criteria(ruleset, "org")
    lines += _review_sections(leader=True)
    lines += _self_rating()
    return "\n".join(lines) + "\n"
