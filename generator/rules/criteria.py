"""Criterion keys of each ruleset (the `tieu_chi:` mapping of a review file).

Rulesets qd132-hd21 and qd124-hd25 rate criteria on four levels (xuat_sac, tot,
trung_binh, kem); qd366-hd43 uses 100-point scores (`diem:`) instead. A criterion is either
a *task* criterion (results of assigned tasks; RULES.md "task criteria") or a general one.
The schema overlays in schema/bo-quy-tac.schema.json list the same keys
(tests/unit/test_schema_records_agree.py keeps them in step).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    key: str
    label_vi: str
    task: bool = False  # a task criterion (kết quả thực hiện nhiệm vụ)


# RULES.md §2, A3 (HD21): a member's criterion groups under qd132-hd21.
MEMBER_132 = (
    Criterion("tu_tuong_chinh_tri", "Tư tưởng chính trị"),
    Criterion("pham_chat_dao_duc_loi_song", "Phẩm chất đạo đức, lối sống"),
    Criterion("y_thuc_to_chuc_ky_luat", "Ý thức tổ chức kỷ luật"),
    Criterion("tac_phong_le_loi_lam_viec", "Tác phong, lề lối làm việc"),
    Criterion(
        "ket_qua_thuc_hien_nhiem_vu", "Kết quả thực hiện chức trách, nhiệm vụ được giao", True
    ),
    Criterion("ket_qua_khac_phuc_han_che", "Kết quả khắc phục hạn chế, khuyết điểm"),
)

# RULES.md §3 (QĐ124 Điều 10): general criteria and task criteria.
MEMBER_124 = (
    Criterion("chinh_tri_tu_tuong", "Chính trị tư tưởng"),
    Criterion("dao_duc_loi_song", "Đạo đức, lối sống"),
    Criterion("y_thuc_to_chuc_ky_luat", "Ý thức tổ chức kỷ luật"),
    Criterion("doan_ket_noi_bo", "Đoàn kết nội bộ"),
    Criterion("chap_hanh_phan_cong", "Chấp hành sự phân công của tổ chức"),
    Criterion("nhung_dieu_khong_duoc_lam", "Thực hiện những điều đảng viên không được làm"),
    Criterion("tac_phong_le_loi", "Tác phong, lề lối làm việc"),
    Criterion("phong_chong_tham_nhung", "Phòng, chống tham nhũng, lãng phí, tiêu cực"),
    Criterion("cam_ket_tu_duong", "Thực hiện cam kết tu dưỡng, rèn luyện"),
    Criterion(
        "ket_qua_nhiem_vu", "Kết quả thực hiện chức trách, nhiệm vụ (lượng hóa bằng sản phẩm)", True
    ),
    Criterion("nang_luc_uy_tin", "Năng lực, uy tín", True),
    Criterion("neu_guong", "Trách nhiệm nêu gương", True),
    Criterion("lien_he_quan_chung", "Mối liên hệ với quần chúng", True),
    Criterion("ket_qua_khac_phuc_han_che", "Kết quả khắc phục hạn chế, khuyết điểm"),
)

# Organizations under qd132-hd21 and qd124-hd25 (HD21 / HD25: criteria for party
# organizations; the grouping into four keys is this project's reading).
ORG_CRITERIA = (
    Criterion("chinh_tri_tu_tuong", "Công tác chính trị tư tưởng"),
    Criterion("to_chuc_can_bo", "Công tác tổ chức, cán bộ và xây dựng đội ngũ đảng viên"),
    Criterion("kiem_tra_giam_sat", "Công tác kiểm tra, giám sát và kỷ luật đảng"),
    Criterion("lanh_dao_nhiem_vu", "Lãnh đạo thực hiện nhiệm vụ chính trị", True),
    Criterion("ket_qua_khac_phuc_han_che", "Kết quả khắc phục hạn chế, khuyết điểm"),
)

# qd366-hd43 score maxima (Phụ lục 4/5): general /30, task results /70.
SCORE_GENERAL_MAX = 30
SCORE_TASKS_MAX = 70
