"""The closed vocabularies of the records: levels, criterion levels, categories, member
kinds and statuses, disciplinary forms, target states, member forms, file states.

A value a person reads (`kiemdiem member`, the sites) has its Vietnamese words in
`label_vi`; tests/unit/test_member_labels.py checks that every vocabulary of a member's
record has them.

Re-exported by `generator.submissions.records`, where callers import them from.
"""

from __future__ import annotations

import enum

from generator.vietnamese import LEVEL_NAMES


class Level(enum.IntEnum):
    """A rating level (xếp loại). Higher is better: `max` is the best, `min` the worst."""

    KHTNV = 1  # Không hoàn thành nhiệm vụ
    HTNV = 2  # Hoàn thành nhiệm vụ
    HTTNV = 3  # Hoàn thành tốt nhiệm vụ
    HTXSNV = 4  # Hoàn thành xuất sắc nhiệm vụ

    @property
    def code(self) -> str:
        return self.name

    @property
    def label_vi(self) -> str:
        return LEVEL_LABELS[self]

    @classmethod
    def parse(cls, value: str) -> Level:
        return cls[value]


LEVEL_LABELS = {level: LEVEL_NAMES[level.name] for level in Level}


class CriterionLevel(enum.IntEnum):
    """The level of one criterion (cấp độ tiêu chí). Higher is better."""

    KEM = 1
    TRUNG_BINH = 2
    TOT = 3
    XUAT_SAC = 4

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def label_vi(self) -> str:
        return {1: "Kém", 2: "Trung bình", 3: "Tốt", 4: "Xuất sắc"}[self.value]

    @classmethod
    def parse(cls, value: str) -> CriterionLevel:
        return cls[value.upper()]


class OrgCategory(enum.Enum):
    """Statistics category of a grassroots organization (RULES.md X4)."""

    XA = "xa"
    PHUONG_THI_TRAN = "phuong_thi_tran"
    DOANH_NGHIEP = "doanh_nghiep"
    CO_QUAN_HANH_CHINH = "co_quan_hanh_chinh"
    DON_VI_SU_NGHIEP = "don_vi_su_nghiep"
    LUC_LUONG_VU_TRANG = "luc_luong_vu_trang"
    KHAC = "khac"

    @property
    def label_vi(self) -> str:
        return {
            "xa": "Xã",
            "phuong_thi_tran": "Phường, thị trấn",
            "doanh_nghiep": "Doanh nghiệp",
            "co_quan_hanh_chinh": "Cơ quan hành chính",
            "don_vi_su_nghiep": "Đơn vị sự nghiệp",
            "luc_luong_vu_trang": "Lực lượng vũ trang",
            "khac": "Khác",
        }[self.value]


class MemberKind(enum.Enum):
    CHINH_THUC = "chinh_thuc"  # full member
    DU_BI = "du_bi"  # probationary member

    @property
    def label_vi(self) -> str:
        return {"chinh_thuc": "Đảng viên chính thức", "du_bi": "Đảng viên dự bị"}[self.value]


class MembershipStatus(enum.Enum):
    ACTIVE = "dang_sinh_hoat"
    EXEMPTED = "mien_sinh_hoat"  # miễn công tác và sinh hoạt đảng
    SUSPENDED = "dinh_chi"  # đình chỉ sinh hoạt đảng
    TEMPORARY_ELSEWHERE = "sinh_hoat_tam_thoi"  # temporary activity at another chi bộ

    @property
    def label_vi(self) -> str:
        """The words of the schema's description of `tinh_trang`."""
        return {
            "dang_sinh_hoat": "Đang sinh hoạt bình thường",
            "mien_sinh_hoat": "Được miễn công tác và sinh hoạt đảng",
            "dinh_chi": "Bị đình chỉ sinh hoạt đảng",
            "sinh_hoat_tam_thoi": "Đang sinh hoạt tạm thời ở chi bộ khác",
        }[self.value]


class DisciplineForm(enum.IntEnum):
    """Disciplinary forms, mildest first (so `>=` means "this or heavier")."""

    KHIEN_TRACH = 1
    CANH_CAO = 2
    CACH_CHUC = 3
    KHAI_TRU = 4

    @property
    def code(self) -> str:
        return self.name.lower()

    @property
    def label_vi(self) -> str:
        return {1: "khiển trách", 2: "cảnh cáo", 3: "cách chức", 4: "khai trừ"}[self.value]

    @classmethod
    def parse(cls, value: str) -> DisciplineForm:
        return cls[value.upper()]


class TargetStatus(enum.Enum):
    EXCEEDED = "vuot"
    COMPLETED = "hoan_thanh"
    NOT_COMPLETED = "khong_hoan_thanh"
    FORCE_MAJEURE = "bat_kha_khang"  # not completed for reasons of force majeure

    @property
    def completed(self) -> bool:
        return self in (TargetStatus.EXCEEDED, TargetStatus.COMPLETED)


class MemberForm(enum.Enum):
    """366: the form a member's review follows (HD 43 Phụ lục 3, 4, 5)."""

    LEADER = "phu_luc_3"  # other leaders and managers
    MEMBER = "phu_luc_4"  # members without a leadership post in the political system
    OUTSIDE = "phu_luc_5"  # members outside the political system

    @property
    def label_vi(self) -> str:
        return {"phu_luc_3": "Phụ lục 3", "phu_luc_4": "Phụ lục 4", "phu_luc_5": "Phụ lục 5"}[
            self.value
        ]


class FileState(enum.Enum):
    DRAFT = "nhap"
    FINAL = "hoan_thanh"

    @property
    def label_vi(self) -> str:
        return {"nhap": "Bản nháp, đang soạn", "hoan_thanh": "Đã viết xong"}[self.value]
