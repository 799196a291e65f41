"""Typed records of one evaluation year, built from schema-valid YAML documents.

YAML keys are ASCII Vietnamese snake_case (the people who edit the files read them);
attribute names here are English. Each dataclass field names its YAML key in
``metadata["key"]``; `from_mapping` (convert.py) converts generically, so the mapping
between the two vocabularies lives in exactly one place: this file. `schema/` must agree with it
(tests/unit/test_schema_records_agree.py checks that).

Records are built only from documents that passed the schema, so conversion trusts
types; whatever the schema allows but a record cannot represent is a bug here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from generator.orgtypes import OrgType
from generator.submissions.convert import from_mapping, key, member_id_from_path, yaml_keys
from generator.submissions.enums import (
    LEVEL_LABELS,
    CriterionLevel,
    DisciplineForm,
    FileState,
    Level,
    MemberForm,
    MemberKind,
    MembershipStatus,
    OrgCategory,
    TargetStatus,
)
from generator.submissions.tuplestate import tuple_state
from generator.submissions.yamlload import Document

# callers import the vocabularies and the conversion from here
__all__ = [
    "LEVEL_LABELS",
    "CriterionLevel",
    "DisciplineForm",
    "FileState",
    "Level",
    "MemberForm",
    "MemberKind",
    "MembershipStatus",
    "OrgCategory",
    "TargetStatus",
    "from_mapping",
    "key",
    "member_id_from_path",
    "yaml_keys",
]

# --------------------------------------------------------------------------- pieces


@dataclass(kw_only=True, slots=True)
class Discipline:
    """One disciplinary decision (kỷ luật)."""

    form: DisciplineForm = key("hinh_thuc")
    decision_date: dt.date = key("ngay_quyet_dinh")
    violation_date: dt.date | None = key("ngay_vi_pham", None)
    decision_number: str = key("so_quyet_dinh", "")
    # True / False as the record states it; None when it does not say (124-O5 flags a
    # subordinate unit's violation whose self-detection is not stated)
    self_detected_remedied: bool | None = key("tu_phat_hien_khac_phuc", None)
    duty_related: bool = key("lien_quan_chuc_trach", True)
    # for an organization's record: the discipline concerns corruption / waste
    corruption: bool = key("tham_nhung_lang_phi", False)
    content: str = key("noi_dung", "")


@dataclass(kw_only=True, slots=True)
class Tasks:
    """Assigned tasks or targets of a member for the year (nhiệm vụ, chỉ tiêu)."""

    assigned: int = key("duoc_giao")
    completed: int = key("hoan_thanh")
    on_time: int | None = key("dung_han", None)
    exceeded: int = key("vuot", 0)

    @property
    def completed_share(self) -> float:
        return self.completed / self.assigned if self.assigned else 1.0


@dataclass(kw_only=True, slots=True)
class Scores:
    """100-point scores (qd366-hd43): general /30, task results /70."""

    general: float = key("tieu_chi_chung")
    tasks: float = key("ket_qua_nhiem_vu")

    @property
    def total(self) -> float:
        return self.general + self.tasks


@dataclass(kw_only=True, slots=True)
class ReviewText:
    """The official form's sections (RULES.md X5)."""

    strengths: str = key("uu_diem", "")
    shortcomings: str = key("han_che", "")
    remedied: str = key("ket_qua_khac_phuc", "")
    explanation: str = key("giai_trinh", "")
    collective_responsibility: str = key("trach_nhiem_tap_the", "")
    direction: str = key("phuong_huong", "")


@dataclass(kw_only=True, slots=True)
class EarlierShortcomings:
    """Shortcomings pointed out earlier and how many are remedied (366-M1)."""

    pointed_out: int = key("so_da_chi_ra")
    remedied: int = key("so_da_khac_phuc")


@dataclass(kw_only=True, slots=True)
class CivilServantRating:
    """The rating given by the member's agency as civil servant (CBCCVC)."""

    level: Level = key("xep_loai")
    agency: str = key("co_quan", "")


@dataclass(kw_only=True, slots=True)
class Transfer:
    """A transfer of party activity during the year (chuyển sinh hoạt)."""

    date: dt.date = key("ngay")
    from_unit: str = key("tu_don_vi")
    months_there: float = key("so_thang_o_noi_cu", 0)
    comments_received: bool = key("co_nhan_xet_noi_cu", False)


@dataclass(kw_only=True, slots=True)
class TemporaryActivity:
    """Temporary activity at another chi bộ (sinh hoạt tạm thời)."""

    unit: str = key("don_vi")
    comments_received: bool = key("co_nhan_xet", False)


@dataclass(kw_only=True, slots=True)
class LedUnit:
    """Facts about the unit a member leads (124-M1, 124-M4, 366-L1)."""

    name: str = key("ten")
    targets_completed_share: float = key("ty_le_hoan_thanh_chi_tieu")
    all_targets_completed: bool = key("hoan_thanh_tat_ca_chi_tieu", False)
    core_targets_met: bool = key("dat_chi_tieu_cot_loi", True)
    force_majeure: bool = key("bat_kha_khang", False)
    units_khtnv_share: float = key("ty_le_don_vi_khtnv", 0.0)
    low_confidence_share: float = key("ty_le_phieu_tin_nhiem_thap", 0.0)
    # 366-L1: an organization or person under the leader's direct management had a case of
    # corruption, waste or negativity handled by discipline
    corruption_case: bool = key("co_vu_viec_tham_nhung", False)
    # 366-L2: the unit's own task result (completed, on time, exceeded)
    tasks: Tasks | None = key("nhiem_vu", None)


@dataclass(kw_only=True, slots=True)
class Target:
    """A resolution target of an organization (chỉ tiêu nghị quyết)."""

    name: str = key("ten")
    status: TargetStatus = key("trang_thai")
    key_target: bool = key("chu_yeu", False)


@dataclass(kw_only=True, slots=True)
class Leadership:
    """The leadership body (cấp ủy / tập thể lãnh đạo) of an organization, by member id."""

    head: str | None = key("bi_thu", None)
    deputies: list[str] = key("pho_bi_thu", default_factory=list)
    members: list[str] = key("cap_uy_vien", default_factory=list)
    lost_unity: bool = key("mat_doan_ket", False)
    discipline: list[Discipline] = key("ky_luat", default_factory=list)

    @property
    def all_ids(self) -> list[str]:
        ids = [self.head] if self.head else []
        return ids + [m for m in (*self.deputies, *self.members) if m not in ids]


@dataclass(kw_only=True, slots=True)
class SameLevelBodies:
    """Ratings of the same-level government, Fatherland Front and mass organizations (132-O1)."""

    government: Level | None = key("chinh_quyen", None)
    fatherland_front: Level | None = key("mat_tran", None)
    mass_organizations: Level | None = key("doan_the", None)

    def levels(self) -> list[Level]:
        return [x for x in (self.government, self.fatherland_front, self.mass_organizations) if x]


# --------------------------------------------------------------------------- files


@dataclass(kw_only=True, slots=True)
class Source:
    """Where a record came from: repository-relative path and the positions of its document."""

    path: str
    document: Document


@dataclass(frozen=True)
class DataProtection:
    """`bao_ve_du_lieu` of the year file (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15)."""

    retention_years: int = key("thoi_han_luu_tru_nam", 5)
    # counts above zero and below this are shown as "< n" on the whole organization's site
    suppress_below: int = key("nguong_an_so_lieu", 3)


@dataclass(kw_only=True, slots=True)
class RoleGroup:
    """366-M6: a group of similar role, named by the year; member quotas pool per
    (deciding committee × role group)."""

    code: str = key("ma")
    name: str = key("ten")


@dataclass(kw_only=True, slots=True)
class YearConfig:
    """`nam-danh-gia.yaml`: the evaluation year."""

    year: int = key("nam")
    ruleset: str = key("bo_quy_tac")
    title: str = key("ten")
    root: str = key("to_chuc_goc")
    evaluation_date: dt.date = key("ngay_danh_gia")
    deadlines: dict[str, dt.date] = key("han_chot", default_factory=dict)
    settings: dict[str, Any] = key("cai_dat", default_factory=dict)
    role_groups: list[RoleGroup] = key("nhom_vai_tro", default_factory=list)
    sample: bool = key("du_lieu_mau", False)
    data_protection: DataProtection = key("bao_ve_du_lieu", default_factory=DataProtection)
    source: Source | None = None


@dataclass(kw_only=True, slots=True)
class Organization:
    """`to-chuc.yaml`: an organization, its collective review and its targets."""

    id: str = key("ma_to_chuc")
    year: int = key("nam")
    name: str = key("ten")
    type: OrgType = key("loai")
    category: OrgCategory | None = key("phan_loai", None)
    founded: dt.date | None = key("ngay_thanh_lap", None)
    # ids of the previous year's organizations this one continues (a merger, RULES.md §7)
    predecessors: list[str] = key("ke_thua_tu", default_factory=list)
    leadership: Leadership = key("lanh_dao", default_factory=Leadership)
    targets: list[Target] = key("chi_tieu", default_factory=list)
    # 366-O1..O3: the collective's tasks (completed, on time, exceeded)
    tasks: Tasks | None = key("nhiem_vu", None)
    same_level_bodies: SameLevelBodies | None = key("danh_gia_cung_cap", None)
    criteria: dict[str, CriterionLevel] = key("tieu_chi", default_factory=dict)
    scores: Scores | None = key("diem", None)
    party_building_weak: bool = key("cong_tac_xay_dung_dang_kem", False)
    discipline: list[Discipline] = key("ky_luat", default_factory=list)
    review: ReviewText = key("kiem_diem", default_factory=ReviewText)
    self_level: Level | None = key("tu_xep_loai", None)
    state: FileState = key("trang_thai_ho_so", FileState.FINAL)
    source: Source | None = None
    # filled in by the tree builder
    folder: str = ""
    parent_id: str | None = None
    children: list[str] = field(default_factory=list)
    member_ids: list[str] = field(default_factory=list)

    @property
    def head_id(self) -> str | None:
        return self.leadership.head


@dataclass(kw_only=True, slots=True)
class MemberReview:
    """`dang-vien/<ma_dang_vien>.yaml`: one member's self-review for the year."""

    id: str = key("ma_dang_vien")
    year: int = key("nam")
    name: str = key("ho_ten")
    kind: MemberKind = key("loai_dang_vien")
    # never published: the schema classes them "x-pham-vi": "khong-cong-bo" (generator.privacy)
    birth_date: dt.date | None = key("ngay_sinh", None)
    private_note: str = key("ghi_chu_noi_bo", "")
    admitted: dt.date = key("ngay_vao_dang")
    status: MembershipStatus = key("tinh_trang", MembershipStatus.ACTIVE)
    position_title: str = key("chuc_vu", "")
    # 366: the form the review follows (Phụ lục 3/4/5) and the role group (366-M6)
    form: MemberForm | None = key("mau_bieu", None)
    role_group: str = key("nhom_vai_tro", "")
    temporary_activity: TemporaryActivity | None = key("sinh_hoat_tam_thoi", None)
    transfers: list[Transfer] = key("chuyen_sinh_hoat", default_factory=list)
    civil_servant: CivilServantRating | None = key("can_bo_cong_chuc", None)
    sick_leave_months: float = key("nghi_om_thang", 0)
    maternity_leave_months: float = key("nghi_thai_san_thang", 0)
    tasks: Tasks | None = key("nhiem_vu", None)
    outside_political_system: bool = key("ngoai_he_thong_chinh_tri", False)
    criteria: dict[str, CriterionLevel] = key("tieu_chi", default_factory=dict)
    scores: Scores | None = key("diem", None)
    discipline: list[Discipline] = key("ky_luat", default_factory=list)
    degradation_finding: bool = key("ket_luan_suy_thoai", False)
    prohibited_violation: bool = key("vi_pham_dieu_cam", False)
    earlier_shortcomings: EarlierShortcomings | None = key("han_che_truoc", None)
    led_unit: LedUnit | None = key("don_vi_phu_trach", None)
    review: ReviewText = key("kiem_diem", default_factory=ReviewText)
    self_level: Level | None = key("tu_xep_loai", None)
    state: FileState = key("trang_thai_ho_so", FileState.FINAL)
    source: Source | None = None
    # filled in by the tree builder: the chi bộ whose dang-vien/ folder holds the file
    org_id: str = ""


@dataclass(kw_only=True, slots=True)
class Vote:
    agree: int = key("tan_thanh")
    disagree: int = key("khong_tan_thanh", 0)
    abstain: int = key("khong_bieu_quyet", 0)


@dataclass(kw_only=True, slots=True)
class Proposal:
    """One line of a chi bộ's proposals."""

    member_id: str = key("ma_dang_vien")
    level: Level = key("muc")
    votes: Vote | None = key("phieu", None)
    note: str = key("ghi_chu", "")
    index: int = 0  # position in the file's list, for findings


@dataclass(kw_only=True, slots=True)
class Proposals:
    """`de-xuat.yaml`: a chi bộ's proposals for its members."""

    year: int = key("nam")
    org_id: str = key("ma_to_chuc")
    meeting_date: dt.date = key("ngay_hop")
    attendees: int | None = key("so_du_hop", None)
    items: list[Proposal] = key("de_xuat", default_factory=list)
    source: Source | None = None


@dataclass(kw_only=True, slots=True)
class MemberDecision:
    member_id: str = key("ma_dang_vien")
    level: Level = key("muc")
    note: str = key("ghi_chu", "")
    index: int = 0


@dataclass(kw_only=True, slots=True)
class OrgDecision:
    org_id: str = key("ma_to_chuc")
    level: Level = key("muc")
    note: str = key("ghi_chu", "")
    index: int = 0


@dataclass(kw_only=True, slots=True)
class ReRating:
    """A re-rating of an earlier year (RULES.md 124-M7)."""

    member_id: str = key("ma_dang_vien")
    year: int = key("nam")
    level: Level = key("muc")
    reason: str = key("ly_do", "")
    index: int = 0


@dataclass(kw_only=True, slots=True)
class Decisions:
    """`quyet-dinh.yaml`: a committee's decisions for the year."""

    year: int = key("nam")
    org_id: str = key("ma_to_chuc")  # the committee (its organization) that decides
    number: str = key("so_quyet_dinh")
    date: dt.date = key("ngay")
    outstanding_results: bool = key("ket_qua_noi_bat", False)  # 366-M6: 25% quota
    members: list[MemberDecision] = key("dang_vien", default_factory=list)
    organizations: list[OrgDecision] = key("to_chuc", default_factory=list)
    re_ratings: list[ReRating] = key("xep_loai_lai", default_factory=list)
    source: Source | None = None


# every record pickles as the tuple of its fields' values (generator.submissions.tuplestate)
for _record in [v for v in list(globals().values()) if isinstance(v, type)]:
    if _record.__module__ == __name__ and "__slots__" in _record.__dict__:
        tuple_state(_record)
del _record
